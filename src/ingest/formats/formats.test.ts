import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { spawnSync } from 'node:child_process'
import { REPO_ROOT } from '../../paths.js'
import { gzipSync } from 'node:zlib'
import { WARCRecord, WARCSerializer } from 'warcio'
import { openStore } from '../../store/index.js'
import type { DocumentRecord } from '../../model/records.js'
import { ingest } from '../ingest.js'
import { recordDate } from './claims.js'

// Every input below is written by this test (invented outlets and people, public figures in no role).

const PARAS = (place: string) => [
  `Foreign ministers from Norway and Finland met in ${place} on Monday to discuss a grain corridor across the Baltic Sea, officials said.`,
  '“We agreed that the corridor must stay open through the winter,” the Norwegian minister told reporters after the talks.',
  'The two governments said they would meet again in Helsinki next month to sign a formal agreement on shipping insurance.',
]

const record = (place: string, extra: Record<string, unknown> = {}) => ({
  title: `Envoys meet in ${place} on grain corridor`,
  maintext: PARAS(place).join('\n\n'),
  date_publish: '2024-03-04 10:15:00',
  date_download: '2024-03-05 08:00:00',
  date_modify: null,
  authors: ['Ada Lindqvist', 'Bo Ek'],
  url: `https://northern-observer.test/${place.toLowerCase()}`,
  language: 'en',
  source_domain: 'www.northern-observer.test',
  description: 'Ministers discuss the corridor.',
  ...extra,
})

function rss(): string {
  const item = (i: number, place: string, body: string) => `<item>
  <title>Envoys meet in ${place} &amp; talk grain</title>
  <link>https://baltic-wire.test/news/${i}</link>
  <guid isPermaLink="false">bw-${i}</guid>
  <pubDate>Mon, 0${i} Mar 2024 10:00:00 +0100</pubDate>
  <dc:creator>Carl Holm</dc:creator>
  ${body}
</item>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Baltic Wire</title><link>https://baltic-wire.test/</link><description>News</description>
${item(1, 'Tallinn', `<description>Short teaser.</description><content:encoded><![CDATA[${PARAS('Tallinn').map((p) => `<p>${p}</p>`).join('')}<p><a href="https://baltic-wire.test/share">Share this story</a></p>]]></content:encoded>`)}
${item(2, 'Riga', `<description>${PARAS('Riga').map((p) => `&lt;p&gt;${p.replace(/&/g, '&amp;amp;')}&lt;/p&gt;`).join('')}</description>`)}
${item(3, 'Vilnius', '')}
</channel></rss>`
}

function atom(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Nordic Ledger</title><id>urn:nordic-ledger</id><updated>2024-03-06T12:00:00Z</updated>
  <entry>
    <title type="text">Envoys meet in Turku</title>
    <link rel="alternate" type="text/html" href="https://nordic-ledger.test/turku"/>
    <id>urn:nl:turku</id>
    <published>2024-03-06T09:30:00.000+02:00</published><updated>2024-03-07T10:00:00Z</updated>
    <author><name>Dana Virtanen</name></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${PARAS('Turku').map((p) => `<p>${p}</p>`).join('')}</div></content>
  </entry>
  <entry>
    <title>Envoys meet in Oulu</title>
    <link href="https://nordic-ledger.test/oulu"/>
    <id>urn:nl:oulu</id>
    <updated>2024-03-08T11:00:00Z</updated>
    <summary type="html">${PARAS('Oulu').map((p) => `&lt;p&gt;${p}&lt;/p&gt;`).join('')}</summary>
  </entry>
</feed>`
}

const enc = new TextEncoder()
async function* once(s: string | Uint8Array) { yield typeof s === 'string' ? enc.encode(s) : s }

/** A small WARC written here: a warcinfo, a request, an HTML response, an image response, a 404 page, a second HTML page. */
async function warc(gzip: boolean): Promise<Buffer> {
  const page = (place: string) => `<!doctype html><html><head><title>Envoys meet in ${place} | Harbour Times</title>
<meta property="article:published_time" content="2024-02-29T07:00:00Z"></head><body><nav>Home | World</nav><article><h1>Envoys meet in ${place}</h1>
${PARAS(place).map((p) => `<p>${p}</p>`).join('\n')}</article><footer>© Harbour Times</footer></body></html>`
  const recs = [
    WARCRecord.createWARCInfo({ filename: 'test.warc', warcVersion: 'WARC/1.1' }, { software: 'dossier test' }),
    WARCRecord.create({ url: 'https://harbour-times.test/gdansk', date: '2024-03-09T10:00:00Z', type: 'request', httpHeaders: { Host: 'harbour-times.test' }, statusline: 'GET /gdansk HTTP/1.1' }, once('')),
    WARCRecord.create({ url: 'https://harbour-times.test/gdansk', date: '2024-03-09T10:00:01Z', type: 'response', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' }, statusline: 'HTTP/1.1 200 OK' }, once(page('Gdansk'))),
    WARCRecord.create({ url: 'https://harbour-times.test/logo.png', date: '2024-03-09T10:00:02Z', type: 'response', httpHeaders: { 'Content-Type': 'image/png' }, statusline: 'HTTP/1.1 200 OK' }, once(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))),
    WARCRecord.create({ url: 'https://harbour-times.test/missing', date: '2024-03-09T10:00:03Z', type: 'response', httpHeaders: { 'Content-Type': 'text/html' }, statusline: 'HTTP/1.1 404 Not Found' }, once('<html><body>Not found</body></html>')),
    WARCRecord.create({ url: 'https://harbour-times.test/malmo', date: '2024-03-09T10:00:04Z', type: 'response', httpHeaders: { 'Content-Type': 'text/html' }, statusline: 'HTTP/1.1 200 OK' }, once(page('Malmo'))),
  ]
  const parts: Uint8Array[] = []
  for (const r of recs) parts.push(await WARCSerializer.serialize(r, { gzip }))
  return Buffer.concat(parts)
}

const messagesOf = (d: DocumentRecord) => d.messages.map((m) => `${m.ruleId}: ${m.reason}`)
const byUrl = (docs: DocumentRecord[], url: string) => { const d = docs.find((x) => x.source.url === url); assert.ok(d, `stored ${url}: ${docs.map((x) => x.source.url).join(', ')}`); return d }

test('news-please records: a .json record, an array and JSON Lines; metadata are the record\'s claims with their provenance', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-np-'))
  mkdirSync(join(dir, 'sub'))
  writeFileSync(join(dir, 'sub', 'oslo.json'), JSON.stringify(record('Oslo'), null, 2))
  writeFileSync(join(dir, 'array.json'), JSON.stringify([record('Bergen'), record('Narvik', { maintext: null, text: PARAS('Narvik').join('\n\n'), date_publish: '2031-01-01 00:00:00' })]))
  writeFileSync(join(dir, 'records.jsonl'), [record('Tromso'), record('Bodo', { maintext: '', description: 'only a summary' })].map((r) => JSON.stringify(r)).join('\n'))
  writeFileSync(join(dir, 'not-a-record.json'), JSON.stringify({ name: 'config', version: 2 }))
  writeFileSync(join(dir, 'broken.json'), '{"title": "cut off')
  const store = await openStore(':memory:')
  const sum = await ingest(store, [dir], { skipCorpus: true })
  assert.deepEqual(sum.skipped, [])
  const reasons = Object.fromEntries(sum.rejected.map((r) => [r.path!.slice(dir.length + 1), `${r.ruleId}: ${r.reason}`]))
  assert.match(reasons['not-a-record.json']!, /^not-a-record: Expected a news-please record .* got an object with keys name, version$/)
  assert.match(reasons['broken.json']!, /^invalid-json: Expected a JSON news-please record, got invalid JSON/)
  assert.match(reasons['records.jsonl#2']!, /^no-content: .*`maintext` or `text`, got neither \(it has only a `description`/)
  assert.equal(sum.rejected.length, 3, JSON.stringify(sum.rejected))
  assert.equal(sum.stored, 4)
  const docs = await store.allDocuments()
  const oslo = byUrl(docs, 'https://northern-observer.test/oslo')
  assert.equal(oslo.title, 'Envoys meet in Oslo on grain corridor')
  assert.equal(oslo.published, '2024-03-04T10:15:00')
  assert.equal(oslo.author, 'Ada Lindqvist, Bo Ek')
  assert.equal(oslo.outlet, 'northern-observer.test')
  assert.equal(oslo.source.fetched_at, '2024-03-05T08:00:00')
  assert.equal(oslo.source.path, join(dir, 'sub', 'oslo.json'))
  assert.ok(oslo.text.startsWith('Foreign ministers from Norway'), oslo.text.slice(0, 80))
  assert.ok(!oslo.text.includes('Envoys meet in Oslo'), 'the title is not body text')
  const m = messagesOf(oslo)
  assert.ok(m.includes('record-title: title "Envoys meet in Oslo on grain corridor" from the record\'s `title` field (a claim of the news-please record, not found in the text)'), m.join('\n'))
  assert.ok(m.some((x) => x.startsWith('record-published: published "2024-03-04T10:15:00" from the record\'s `date_publish` field')), m.join('\n'))
  assert.ok(m.some((x) => x.startsWith('record-author: author "Ada Lindqvist, Bo Ek" from the record\'s `authors` field')))
  assert.ok(m.some((x) => x.startsWith('record-outlet: outlet "northern-observer.test" from the record\'s `source_domain` field')))
  assert.ok(m.some((x) => x.startsWith('record-language: language "en" from the record\'s `language` field')))
  assert.ok(m.some((x) => x.startsWith('record-fetched-at: fetched_at "2024-03-05T08:00:00" from the record\'s `date_download` field')))
  assert.ok(m.some((x) => x.startsWith('record-url: url')))
  assert.equal(byUrl(docs, 'https://northern-observer.test/bergen').source.path, join(dir, 'array.json#1'))
  // a wrong-looking date is kept as the record says, and said so
  const narvik = byUrl(docs, 'https://northern-observer.test/narvik')
  assert.equal(narvik.published, '2031-01-01T00:00:00')
  assert.ok(messagesOf(narvik).some((x) => /^record-published-suspect: the record's `date_publish` field gives 2031-01-01T00:00:00, after the page was fetched/.test(x)), messagesOf(narvik).join('\n'))
  assert.ok(messagesOf(narvik).some((x) => /^record-text: text \(\d+ characters\) from the record's `text` field$/.test(x)), messagesOf(narvik).join('\n'))
  assert.equal(byUrl(docs, 'https://northern-observer.test/tromso').published, '2024-03-04T10:15:00')
  // a second run stores nothing new
  const again = await ingest(store, [dir], { skipCorpus: true })
  assert.equal(again.stored, 0); assert.equal(again.versions, 0); assert.equal(again.unchanged, 4)
  await store.close()
})

test('RSS 2.0 and Atom feeds: one page per item with title, date, url, author; an item with no text is recorded with its reason', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-feed-'))
  writeFileSync(join(dir, 'baltic.rss'), rss())
  writeFileSync(join(dir, 'nordic.atom'), atom())
  writeFileSync(join(dir, 'sniffed.txt'), atom().replace(/nordic-ledger/g, 'nordic-ledger-2').replace(/Turku/g, 'Pori').replace(/Oulu/g, 'Kemi'))
  const store = await openStore(':memory:')
  const sum = await ingest(store, [dir], { skipCorpus: true })
  assert.deepEqual(sum.rejected.map((r) => [r.path!.slice(dir.length + 1), r.ruleId]), [['baltic.rss#bw-3', 'no-content']])
  assert.match(sum.rejected[0]!.reason, /^Expected text in the item's content:encoded, content, description, summary, got none$/)
  assert.equal(sum.stored, 6)
  const docs = await store.allDocuments()
  const tallinn = byUrl(docs, 'https://baltic-wire.test/news/1')
  assert.equal(tallinn.title, 'Envoys meet in Tallinn & talk grain')
  assert.equal(tallinn.published, '2024-03-01T10:00:00+01:00')
  assert.equal(tallinn.author, 'Carl Holm')
  assert.equal(tallinn.outlet, 'Baltic Wire')
  assert.equal(tallinn.source.path, join(dir, 'baltic.rss#bw-1'))
  assert.equal(tallinn.body.length, 3, tallinn.body.join('\n'))
  assert.ok(!tallinn.text.includes('Short teaser') && !tallinn.text.includes('Share this story'))
  assert.ok(messagesOf(tallinn).some((x) => /^record-text: text \(\d+ characters of HTML\) from the item's `content:encoded`$/.test(x)), messagesOf(tallinn).join('\n'))
  assert.ok(messagesOf(tallinn).some((x) => x.startsWith('record-published: published "2024-03-01T10:00:00+01:00" from the item\'s `pubDate`')))
  const riga = byUrl(docs, 'https://baltic-wire.test/news/2')
  assert.equal(riga.body.length, 3, riga.body.join('\n'))
  assert.ok(riga.text.includes('“We agreed'))
  const turku = byUrl(docs, 'https://nordic-ledger.test/turku')
  assert.equal(turku.title, 'Envoys meet in Turku')
  assert.equal(turku.published, '2024-03-06T09:30:00+02:00')
  assert.equal(turku.author, 'Dana Virtanen')
  assert.equal(turku.outlet, 'Nordic Ledger')
  assert.equal(turku.body.length, 3)
  const oulu = byUrl(docs, 'https://nordic-ledger.test/oulu')
  assert.equal(oulu.published, '2024-03-08T11:00:00Z')
  assert.ok(messagesOf(oulu).some((x) => x.includes('from the entry\'s `updated`')))
  assert.equal(byUrl(docs, 'https://nordic-ledger-2.test/turku').title, 'Envoys meet in Pori', 'XML content is sniffed whatever the extension')
  const again = await ingest(store, [dir], { skipCorpus: true })
  assert.equal(again.stored, 0); assert.equal(again.unchanged, 6)
  await store.close()
})

test('WARC, plain and gzipped: each HTML response is a page with its target URI and capture date (never as published); other records are counted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-warc-'))
  writeFileSync(join(dir, 'crawl.warc'), await warc(false))
  const gz = await warc(true)
  assert.equal(gz[0], 0x1f)
  writeFileSync(join(dir, 'crawl.warc.gz'), gz)
  const store = await openStore(':memory:')
  const sum = await ingest(store, [join(dir, 'crawl.warc')], { skipCorpus: true })
  assert.deepEqual(sum.rejected, [])
  assert.equal(sum.stored, 2)
  assert.deepEqual(sum.skippedRecords, { 'WARC warcinfo record': 1, 'WARC request record': 1, 'WARC response image/png': 1, 'WARC response HTTP 404': 1 })
  const docs = await store.allDocuments()
  const g = byUrl(docs, 'https://harbour-times.test/gdansk')
  assert.equal(g.source.fetched_at, '2024-03-09T10:00:01Z')
  assert.equal(g.title, 'Envoys meet in Gdansk')
  assert.equal(g.published, '2024-02-29T07:00:00Z', 'published comes from the page, not from the WARC-Date')
  assert.equal(g.source.path, join(dir, 'crawl.warc#3'))
  assert.ok(messagesOf(g).some((x) => x.startsWith('record-fetched-at: fetched_at "2024-03-09T10:00:01Z" from the WARC record\'s `WARC-Date`')))
  assert.ok(!g.text.includes('Home | World'))
  // the gzipped copy holds the same pages: nothing new is stored, and neither on a second run
  const gzSum = await ingest(store, [dir], { skipCorpus: true })
  assert.equal(gzSum.files, 2); assert.equal(gzSum.stored, 0); assert.equal(gzSum.unchanged, 4)
  await store.close()
  const fresh = await openStore(':memory:')
  const g2 = await ingest(fresh, [join(dir, 'crawl.warc.gz')], { skipCorpus: true })
  assert.equal(g2.stored, 2)
  assert.equal(byUrl(await fresh.allDocuments(), 'https://harbour-times.test/malmo').source.fetched_at, '2024-03-09T10:00:04Z')
  await fresh.close()
})

test('bad feeds, WARCs and records get a one-line reason; the run goes on and nothing stored is lost', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bad-formats-'))
  const good = join(dir, 'good.json')
  writeFileSync(good, JSON.stringify(record('Stavanger')))
  const store = await openStore(':memory:')
  assert.equal((await ingest(store, [good], { skipCorpus: true })).stored, 1)
  const full = await warc(false)
  writeFileSync(join(dir, 'a-truncated.xml'), rss().slice(0, 700))
  writeFileSync(join(dir, 'b-sitemap.xml'), '<?xml version="1.0"?><urlset><url><loc>https://x.test/</loc></url></urlset>')
  writeFileSync(join(dir, 'c-text.rss'), 'just some words, not a feed')
  writeFileSync(join(dir, 'd-not.warc'), 'hello, this is not a web archive\n\nat all\n')
  writeFileSync(join(dir, 'e-truncated.warc'), full.subarray(0, full.indexOf('Envoys meet in Malmo') + 40))
  writeFileSync(join(dir, 'f-not.warc.gz'), gzipSync('plain words in a gzip file, no WARC here\r\n\r\n'))
  const fullGz = await warc(true)
  writeFileSync(join(dir, 'e2-truncated.warc.gz'), fullGz.subarray(0, fullGz.length - 200))
  writeFileSync(join(dir, 'g-empty-feed.atom'), '<feed xmlns="http://www.w3.org/2005/Atom"><title>Empty</title></feed>')
  writeFileSync(join(dir, 'h-array.json'), JSON.stringify([record('Alesund'), 42]))
  const sum = await ingest(store, [dir], { skipCorpus: true })
  const reasons = Object.fromEntries(sum.rejected.map((r) => [r.path!.slice(dir.length + 1), r]))
  for (const r of sum.rejected) assert.ok(!r.reason.includes('\n') && !/\n\s+at /.test(r.reason), r.reason)
  assert.equal(reasons['a-truncated.xml']?.ruleId, 'invalid-xml')
  assert.match(reasons['a-truncated.xml']!.reason, /^Expected a well-formed RSS or Atom feed, got broken XML at line \d+/)
  assert.equal(reasons['b-sitemap.xml']?.ruleId, 'not-a-feed')
  assert.match(reasons['b-sitemap.xml']!.reason, /got <urlset>/)
  assert.equal(reasons['c-text.rss']?.ruleId, 'not-a-feed')
  assert.equal(reasons['d-not.warc']?.ruleId, 'not-warc')
  assert.equal(reasons['e-truncated.warc']?.ruleId, 'invalid-warc', JSON.stringify(sum.rejected))
  assert.match(reasons['e-truncated.warc']!.reason, /^Expected a complete WARC file, got one that breaks off in record 6 \(https:\/\/harbour-times.test\/malmo\); read the 5 record\(s\) before it$/)
  assert.equal(reasons['e2-truncated.warc.gz']?.ruleId, 'invalid-warc', JSON.stringify(sum.rejected))
  assert.equal(reasons['f-not.warc.gz']?.ruleId, 'not-warc')
  assert.equal(reasons['g-empty-feed.atom']?.ruleId, 'empty-feed')
  assert.equal(reasons['h-array.json#2']?.ruleId, 'not-a-record')
  assert.match(reasons['h-array.json#2']!.reason, /got a number at index 1$/)
  // the pages before the break in the truncated WARC, and the good record of the array, are stored
  const docs = await store.allDocuments()
  assert.ok(byUrl(docs, 'https://harbour-times.test/gdansk'))
  assert.ok(byUrl(docs, 'https://northern-observer.test/alesund'))
  assert.ok(byUrl(docs, 'https://northern-observer.test/stavanger'), 'what was stored before is still there')
  await store.close()
})

test('CLI: `dossier ingest` reads a WARC and a feed, counts the skipped records, and gives a broken feed a one-line reason (exit 1)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-formats-cli-'))
  writeFileSync(join(dir, 'crawl.warc.gz'), await warc(true))
  writeFileSync(join(dir, 'feed.xml'), rss())
  writeFileSync(join(dir, 'cut.xml'), rss().slice(0, 500))
  const run = (...args: string[]) => spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'dossier.js'), 'ingest', ...args, '--db', join(dir, 'x.db'), '--quiet'], { encoding: 'utf8', cwd: dir })
  const ok = run(join(dir, 'crawl.warc.gz'))
  assert.equal(ok.status, 0, ok.stderr)
  assert.match(ok.stdout, /2 stored/)
  assert.match(ok.stdout, /skipped 4 non-page record\(s\): 1 WARC warcinfo record, 1 WARC request record, 1 WARC response image\/png, 1 WARC response HTTP 404/)
  const bad = run(join(dir, 'feed.xml'), join(dir, 'cut.xml'))
  assert.equal(bad.status, 1)
  assert.match(bad.stdout, /2 stored/)
  assert.match(bad.stdout, /rejected .*cut\.xml: Expected a well-formed RSS or Atom feed, got broken XML at line \d+: .* \[invalid-xml\]\n/)
  assert.doesNotMatch(bad.stdout + bad.stderr, /\n\s+at /, 'no stack trace')
})

test('record dates: ISO, news-please and RFC 822 forms keep their clock and zone; no date is no date', () => {
  assert.equal(recordDate('2024-03-04 10:15:00'), '2024-03-04T10:15:00')
  assert.equal(recordDate('2024-03-04'), '2024-03-04')
  assert.equal(recordDate('2024-03-06T09:30:00.000+02:00'), '2024-03-06T09:30:00+02:00')
  assert.equal(recordDate('2024-03-06T09:30:00+00:00'), '2024-03-06T09:30:00Z')
  assert.equal(recordDate('Mon, 04 Mar 2024 10:00:00 +0330'), '2024-03-04T10:00:00+03:30')
  assert.equal(recordDate('Mon, 4 Mar 2024 10:00:00 GMT'), '2024-03-04T10:00:00Z')
  assert.equal(recordDate('4 Mar 24 10:00 EST'), '2024-03-04T15:00:00Z')
  assert.equal(recordDate('2024-02-30'), null)
  assert.equal(recordDate('yesterday'), null)
})
