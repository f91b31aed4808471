import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { openStore } from '../store/index.js'
import { ingest } from '../ingest/ingest.js'
import { addressProblem } from './address.js'
import { FetchError, fetchUrl } from './fetch.js'
import { fetchPageItems } from './page.js'
import { parseFeed } from './feed.js'
import { Watcher } from './watch.js'
import { article, localServer } from './fixtures.js'

const refusal = async (p: Promise<unknown>): Promise<FetchError> => {
  try { await p } catch (e) { assert.ok(e instanceof FetchError, String(e)); return e } // never a connection: refused before
  assert.fail('expected a refusal')
}

test('the address check refuses loopback, private, link-local, unique-local and unspecified addresses', () => {
  for (const a of ['127.0.0.1', '127.9.9.9', '10.0.0.1', '172.16.4.2', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '255.255.255.255', '224.0.0.1',
    '::1', '[::1]', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1', '2002:0a00:0001::1', '64:ff9b::a00:1'])
    assert.ok(addressProblem(a), `${a} should be refused`)
  for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8']) assert.equal(addressProblem(a), null, a)
  assert.match(addressProblem('169.254.169.254')!, /link-local/)
  assert.match(addressProblem('10.0.0.1')!, /private/)
})

test('fetching 127.0.0.1, 10.0.0.1, 169.254.169.254, [::1] or localhost is refused with a message', async () => {
  for (const url of ['http://127.0.0.1:9/', 'http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]:9/', 'http://localhost:9/', 'http://0.0.0.0:9/', 'https://[fe80::1]/']) {
    const e = await refusal(fetchUrl(url))
    assert.equal(e.problem, 'ssrf', url)
    assert.match(e.message, /^Refused to fetch .*--allow-private/, url)
    assert.ok(!e.message.includes('\n'))
  }
  for (const url of ['file:///etc/passwd', 'ftp://example.org/', 'http://user:pw@example.org/']) assert.equal((await refusal(fetchUrl(url))).problem, 'bad-url')
})

test('a redirect from an allowed host to a private address is refused at the redirect', async () => {
  const srv = await localServer((req, res) => {
    if (req.url === '/to-private') { res.writeHead(302, { location: 'http://10.0.0.1/admin' }); res.end() }
    else if (req.url === '/to-metadata') { res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }); res.end() }
    else if (req.url === '/to-loopback') { res.writeHead(307, { location: '/page' }); res.end() }
    else if (req.url === '/loop') { res.writeHead(302, { location: '/loop' }); res.end() }
    else { res.writeHead(200, { 'content-type': 'text/html' }); res.end(article('Oslo')) }
  })
  try {
    // the test allows its own server for the first hop only, as a public host would be
    const firstHopOnly = (_a: string, hop: number) => hop === 0
    for (const p of ['/to-private', '/to-metadata', '/to-loopback']) {
      const e = await refusal(fetchUrl(srv.base + p, { allowPrivate: firstHopOnly }))
      assert.equal(e.problem, 'ssrf', p)
      assert.match(e.message, /\(redirect 1\)/)
    }
    assert.equal((await fetchUrl(srv.base + '/to-loopback', { allowPrivate: true })).url, srv.base + '/page')
    assert.equal((await refusal(fetchUrl(srv.base + '/loop', { allowPrivate: true, maxRedirects: 3 }))).problem, 'redirects')
  } finally { await srv.close() }
})

test('content type, size cap, timeout and HTTP status give one-line errors', async () => {
  const srv = await localServer((req, res) => {
    if (req.url === '/png') { res.writeHead(200, { 'content-type': 'image/png' }); res.end(Buffer.alloc(100)) }
    else if (req.url === '/big') { res.writeHead(200, { 'content-type': 'text/html' }); res.end('x'.repeat(5000)) }
    else if (req.url === '/slow') { res.writeHead(200, { 'content-type': 'text/html' }); res.write('<html>') /* never ends */ }
    else { res.writeHead(404, { 'content-type': 'text/html' }); res.end('no') }
  })
  try {
    const o = { allowPrivate: true, accept: 'page' as const }
    assert.equal((await refusal(fetchUrl(srv.base + '/png', o))).problem, 'content-type')
    assert.equal((await refusal(fetchUrl(srv.base + '/big', { ...o, maxBytes: 1000 }))).problem, 'too-large')
    const slow = await refusal(fetchUrl(srv.base + '/slow', { ...o, timeoutMs: 200 }))
    assert.equal(slow.problem, 'timeout'); assert.ok(slow.retryable)
    const missing = await refusal(fetchUrl(srv.base + '/nope', o))
    assert.equal(missing.problem, 'http-status'); assert.equal(missing.status, 404); assert.ok(!missing.retryable)
  } finally { await srv.close() }
})

test('ingest <url> stores the page with its url and fetch time; a refused URL is reported and the other inputs are still ingested', async () => {
  const srv = await localServer((_req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(article('Bergen')) })
  const store = await openStore(':memory:')
  try {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-url-'))
    const sum = await ingest(store, [srv.base + '/news/1', 'http://10.0.0.1/x', join(dir, 'missing.txt')], { fetchUrl: (u) => fetchPageItems(u, { allowPrivate: (_a, hop) => hop === 0 && u.startsWith(srv.base) }) })
    assert.equal(sum.stored, 1)
    assert.deepEqual(sum.rejected.map((r) => r.ruleId).sort(), ['not-found', 'ssrf'])
    const [row] = await store.listDocuments()
    assert.equal(row!.url, srv.base + '/news/1')
    const doc = await store.getDocument(row!.id)
    assert.equal(doc!.source.url, srv.base + '/news/1')
    assert.ok(doc!.source.fetched_at && Date.now() - Date.parse(doc!.source.fetched_at) < 60_000)
    assert.equal(doc!.title, 'Envoys meet in Bergen')
    // the default fetcher refuses the local server (no --allow-private)
    const again = await ingest(store, [srv.base + '/news/2'])
    assert.equal(again.stored, 0)
    assert.equal(again.rejected[0]!.ruleId, 'ssrf')
  } finally { await store.close(); await srv.close() }
})

test('parseFeed (the feed-file reader) gives the item links of RSS 2.0 and Atom feeds, absolute', () => {
  const rss = parseFeed(`<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title><atom:link href="http://x.test/feed" rel="self"/>
<item><title>One</title><link>http://x.test/1</link><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate><description>d1</description></item>
<item><title>Two</title><guid>http://x.test/2</guid></item><item><title>Rel</title><link>/3</link></item></channel></rss>`, 'http://x.test/feed')
  assert.deepEqual(rss.items.map((i) => i.link), ['http://x.test/1', 'http://x.test/2', 'http://x.test/3'])
  const atom = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">A</title><entry><title>E1</title><link rel="self" href="http://x.test/self"/><link rel="alternate" href="http://x.test/e1"/><updated>2024-03-04T10:00:00Z</updated></entry>
<entry><title>E2</title><link href="http://x.test/e2"/></entry></feed>`)
  assert.deepEqual(atom.items.map((i) => i.link), ['http://x.test/e1', 'http://x.test/e2'])
  assert.throws(() => parseFeed('<html><body>no</body></html>'), /Expected an RSS .* or Atom .* root element, got <html>/)
  assert.throws(() => parseFeed('<rss><channel>'), /Expected a well-formed RSS or Atom feed, got broken XML/)
})

/** A site with a feed (ETag + Last-Modified, 304 when unchanged), robots.txt and articles; /flaky fails once. */
async function newsSite() {
  let flaky = 0
  const srv = await localServer((req, res) => {
    const path = req.url!
    if (path === '/robots.txt') { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('User-agent: *\nDisallow: /private/\n'); return }
    if (path === '/feed.xml') {
      if (req.headers['if-none-match'] === '"v1"') { res.writeHead(304); res.end(); return }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Mon, 04 Mar 2024 10:00:00 GMT' })
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Site</title>
${['/news/oslo', '/news/bergen', '/private/tromso', '/news/flaky'].map((l) => `<item><title>${l}</title><link>${srv.base}${l}</link></item>`).join('\n')}
</channel></rss>`)
      return
    }
    if (path === '/news/flaky' && flaky++ === 0) { res.writeHead(503, { 'content-type': 'text/plain' }); res.end('busy'); return }
    const city = path.split('/').pop()!
    res.writeHead(200, { 'content-type': 'text/html' }); res.end(article(city[0]!.toUpperCase() + city.slice(1)))
  })
  return srv
}

test('watch: a feed polled twice fetches each article once (304 the second time), obeys robots.txt, retries, and resumes after a restart', async () => {
  const srv = await newsSite()
  const db = join(mkdtempSync(join(tmpdir(), 'dossier-watch-')), 'w.db')
  const opts = { allowPrivate: true, hostDelayMs: 0, retries: 2, backoffMs: 1 }
  try {
    let store = await openStore(db)
    const first = await new Watcher(store, opts).poll([srv.base + '/feed.xml'])
    assert.equal(first.feeds[0]!.status, 'ok')
    assert.equal(first.feeds[0]!.new, 4)
    assert.equal(first.fetched, 3)
    assert.equal(first.stored, 3)
    assert.equal(first.disallowed, 1)
    assert.equal(first.failed, 0)
    assert.equal(srv.hits.get('/news/flaky'), 2) // 503, then a retry
    assert.equal(srv.hits.get('/private/tromso'), undefined)
    await store.close()
    // a restart: a new process would open the store and a new Watcher
    store = await openStore(db)
    const second = await new Watcher(store, opts).poll([srv.base + '/feed.xml'])
    assert.equal(second.feeds[0]!.status, 'not-modified')
    assert.equal(second.fetched, 0)
    assert.equal(srv.hits.get('/feed.xml'), 2)
    for (const p of ['/news/oslo', '/news/bergen']) assert.equal(srv.hits.get(p), 1, p)
    assert.equal((await store.listDocuments()).length, 3)
    await store.close()
  } finally { await srv.close() }
})

test('watch: the queue is bounded per poll and the rest waits in the store; the per-host delay holds', async () => {
  const srv = await newsSite()
  const store = await openStore(':memory:')
  const waits: number[] = []
  try {
    const w = new Watcher(store, { allowPrivate: true, hostDelayMs: 50, retries: 0, maxQueue: 1, sleep: async (ms) => { waits.push(ms); await new Promise((r) => setTimeout(r, ms)) } })
    const a = await w.poll([srv.base + '/feed.xml'])
    assert.equal(a.fetched, 1)
    assert.equal(a.left, 3)
    assert.ok(waits.length > 0 && waits.every((ms) => ms <= 50)) // robots.txt, then the feed, then one article, on one host
    const b = await w.poll([srv.base + '/feed.xml'])
    assert.equal(b.feeds[0]!.status, 'not-modified')
    assert.equal(b.fetched + b.failed + b.disallowed, 1) // the next one in line (/news/flaky: 503, no retries here)
    assert.equal(b.left, 2)
  } finally { await store.close(); await srv.close() }
})
