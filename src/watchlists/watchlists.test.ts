import assert from 'node:assert/strict'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { buildDoc, demoCorpus, seedDemo, DEMO_ACTORS } from '../api/fixtures/demo-corpus.js'
import { openStore } from '../store/index.js'
import type { Store } from '../store/store.js'
import { atomFeed, xmlText } from './atom.js'
import { backoffAfter, deliverDue, postWebhook, startDeliverer } from './webhook.js'
import { createWatchlist, matchWatchlists, normalizeQuery, WatchlistQuerySchema } from './index.js'

const query = (q: Record<string, unknown>) => normalizeQuery(WatchlistQuerySchema.parse(q))

/** A local webhook receiver answering each POST with the next status of `statuses` (the last one repeats). */
async function receiver(statuses: number[]) {
  const got: { body: any; headers: IncomingMessage['headers'] }[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => { got.push({ body: JSON.parse(body), headers: req.headers }); res.statusCode = statuses[Math.min(got.length - 1, statuses.length - 1)]!; res.end('ok') })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got, close: () => new Promise<void>((r) => { server.close(() => r()); server.closeAllConnections() }) }
}

/** A page reporting that Baqeri met Russia's minister (the KB spelling), with a hostile title. */
function baqeriDoc() {
  return buildDoc({ id: 'd_baq', outlet: 'Wire & <Co>', title: 'Talks </title><script>alert(1)</script>', published: '2024-05-01', url: 'https://wire.example/baqeri',
    paragraphs: ['Talks', 'Baqeri met Petrov in Moscow on Monday to discuss air defence & drones \u0001.'],
    events: [{ id: 'ev_baq', sentence: 'Baqeri met Petrov in Moscow on Monday to discuss air defence & drones \u0001.', trigger: 'met', type: 'CONSULT', mode: 'meeting', src: 'a_baq', tgt: 'a_min', date: '2024-04-29', location: 'Moscow' }],
    mentions: [{ actor: 'a_baq', texts: ['Baqeri'] }, { actor: 'a_min', texts: ['Petrov'] }] })
}
const BAQERI = { kind: 'actor' as const, id: 'a_baq', name: 'Mohammad Baqeri', type: 'PERSON', affiliation: 'IRN', code: 'IRNMIL', aliases: ['Baqeri'], roles: [] }

describe('watchlists', () => {
  it('resolve an actor by any spelling through the actor index ("Bagheri" finds "Baqeri"), and record new events once', async () => {
    DEMO_ACTORS.push(BAQERI)
    const store = await openStore(':memory:')
    try {
      await seedDemo(store)
      const w = await createWatchlist(store, { name: 'Bagheri', query: query({ actors: ['Bagheri'] }), webhook: null })
      assert.equal(w.hits, 0)
      await store.saveDocument(baqeriDoc(), { runId: 'r', stages: [], version: 1 })
      await store.replaceCorpus({ ...demoCorpus(), actors: [...DEMO_ACTORS] })
      const m = await matchWatchlists(store)
      assert.equal(m.hits, 1)
      const [h] = await store.watchlists.hits(w.id)
      assert.equal(h!.record.source, 'Mohammad Baqeri')
      assert.equal((await matchWatchlists(store)).hits, 0)
      // a pair by names, either direction; an outlet and a word narrow it
      const p = await createWatchlist(store, { name: 'pair', query: query({ pair: ['Ivan Petrov 💩', 'bagheri'], words: ['AIR DEFENCE'], outlets: ['wire & <co>'] }), webhook: null })
      assert.equal(p.hits, 1)
      assert.equal((await createWatchlist(store, { name: 'other outlet', query: query({ pair: ['Petrov', 'Bagheri'], outlets: ['North Wire'] }), webhook: null })).hits, 0)
    } finally { DEMO_ACTORS.pop(); await store.close() }
  })

  it('watch contradictions, keyed by what is disputed (a re-analysis that renames the record adds nothing)', async () => {
    const store = await openStore(':memory:')
    try {
      await seedDemo(store)
      const w = await createWatchlist(store, { name: 'figures', query: query({ contradictions: true, outlets: ['East Courier'] }), webhook: null })
      assert.equal(w.hits, 1)
      const none = await createWatchlist(store, { name: 'elsewhere', query: query({ contradictions: true, outlets: ['North Wire'] }), webhook: null })
      assert.equal(none.hits, 0)
      const c = demoCorpus()
      await store.replaceCorpus({ ...c, records: c.records.map((r) => r.kind === 'contradiction' ? { ...r, id: 'cx_renamed' } : r) })
      assert.equal((await matchWatchlists(store)).hits, 0)
    } finally { await store.close() }
  })

  it('writes a valid Atom 1.0 feed with every scraped text escaped, entries linking to the UI without showing ids', async () => {
    const store = await openStore(':memory:')
    try {
      DEMO_ACTORS.push(BAQERI)
      await seedDemo(store)
      const w = await createWatchlist(store, { name: 'Talks & <more>', query: query({ types: ['consult'] }), webhook: null })
      await store.saveDocument(baqeriDoc(), { runId: 'r', stages: [], version: 1 })
      await matchWatchlists(store)
      const hits = await store.watchlists.hits(w.id)
      const xml = atomFeed((await store.watchlists.get(w.id))!, hits, 'http://127.0.0.1:8737')
      assert.equal(XMLValidator.validate(xml), true)
      assert.doesNotMatch(xml, /<script|\u0001/)
      const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml).feed
      assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom')
      for (const k of ['id', 'title', 'updated', 'author', 'link']) assert.ok(feed[k], `feed ${k}`)
      assert.equal(feed.title['#text'], 'Dossier watchlist: Talks & <more>')
      const entries = [feed.entry].flat()
      assert.equal(entries.length, hits.length)
      const fresh = entries.find((e: any) => String(e.content['#text']).includes('Baqeri met Petrov'))
      assert.ok(fresh, 'the new event is an entry')
      assert.match(fresh.content['#text'], /Wire & <Co>, “Talks <\/title><script>alert\(1\)<\/script>”/)
      assert.equal(fresh.title['#text'], 'CONSULT (meeting): Mohammad Baqeri → Ivan Petrov 💩 · Wire & <Co>')
      const links = [fresh.link].flat()
      assert.equal(links.find((l: any) => l['@rel'] === 'alternate')['@href'], 'http://127.0.0.1:8737/#/event/ev_baq')
      assert.equal(links.find((l: any) => l['@rel'] === 'related')['@href'], 'https://wire.example/baqeri')
      for (const e of entries) { assert.ok(e.id && e.updated && e.title); assert.doesNotMatch(`${e.title['#text']} ${e.content['#text']}`, /\b(?:ev_|d_|se_|x:|wl_)/) }
      assert.equal(xmlText('a\u0000b\uD800c'), 'abc')
    } finally { DEMO_ACTORS.pop(); await store.close() }
  })

  it('POSTs new hits to a webhook: a failed try is retried after a backoff that doubles, every attempt logged', async () => {
    const hook = await receiver([503, 200])
    const store = await openStore(':memory:')
    try {
      await seedDemo(store)
      const w = await createWatchlist(store, { name: 'moscow', query: query({ words: ['Moscow'] }), webhook: { url: hook.url, allow_loopback: true } })
      assert.equal((await deliverDue(store)).delivered, 0, 'the baseline is never sent')
      DEMO_ACTORS.push(BAQERI)
      try { await store.saveDocument(baqeriDoc(), { runId: 'r', stages: [], version: 1 }) } finally { DEMO_ACTORS.pop() }
      assert.equal((await matchWatchlists(store)).hits, 1)
      assert.deepEqual(await deliverDue(store, { backoffMs: 150 }), { delivered: 0, retrying: 1, failed: 0 })
      assert.deepEqual(await deliverDue(store, { backoffMs: 150 }), { delivered: 0, retrying: 0, failed: 0 }, 'not due before its backoff')
      await new Promise((r) => setTimeout(r, 200))
      assert.deepEqual(await deliverDue(store, { backoffMs: 150 }), { delivered: 1, retrying: 0, failed: 0 })
      assert.equal(hook.got.length, 2)
      const body = hook.got[1]!.body
      assert.equal(body.watchlist.name, 'moscow')
      assert.equal(body.hits.length, 1)
      assert.equal(body.hits[0].sentence, 'Baqeri met Petrov in Moscow on Monday to discuss air defence & drones \u0001.')
      assert.equal(body.hits[0].links.view, '#/event/ev_baq')
      assert.equal(hook.got[0]!.headers['x-dossier-delivery'], hook.got[1]!.headers['x-dossier-delivery'], 'the same delivery id on each try (receivers can drop repeats)')
      assert.deepEqual([hook.got[0]!.headers['x-dossier-attempt'], hook.got[1]!.headers['x-dossier-attempt']], ['1', '2'])
      const [d] = await store.watchlists.deliveries(w.id)
      assert.deepEqual(d!.attempts_log.map((a) => a.status), [503, 200])
      assert.equal(d!.status, 'delivered')
      assert.deepEqual([backoffAfter(1, 1000), backoffAfter(2, 1000), backoffAfter(3, 1000)], [1000, 2000, 4000])
    } finally { await store.close(); await hook.close() }
  })

  it('gives a delivery up after its last try, and refuses loopback unless allowed and private addresses always (SSRF)', async () => {
    const hook = await receiver([500])
    try {
      assert.match((await postWebhook({ url: hook.url, allow_loopback: false }, '{}')).error!, /Refused to POST to 127\.0\.0\.1:\d+: 127\.0\.0\.1 is a loopback address/)
      assert.equal(hook.got.length, 0)
      assert.match((await postWebhook({ url: 'http://10.1.2.3/hook', allow_loopback: true }, '{}')).error!, /private/)
      assert.match((await postWebhook({ url: 'http://[::ffff:169.254.169.254]/x', allow_loopback: true }, '{}')).error!, /link-local/)
      assert.match((await postWebhook({ url: 'file:///etc/passwd', allow_loopback: true }, '{}')).error!, /http or https/)
      const store = await openStore(':memory:')
      try {
        await seedDemo(store)
        await createWatchlist(store, { name: 'x', query: query({ words: ['Moscow'] }), webhook: { url: hook.url, allow_loopback: true } })
        DEMO_ACTORS.push(BAQERI)
        try { await store.saveDocument(baqeriDoc(), { runId: 'r', stages: [], version: 1 }) } finally { DEMO_ACTORS.pop() }
        await matchWatchlists(store)
        assert.deepEqual(await deliverDue(store, { backoffMs: 1, maxAttempts: 2 }), { delivered: 0, retrying: 1, failed: 0 })
        await new Promise((r) => setTimeout(r, 20))
        assert.deepEqual(await deliverDue(store, { backoffMs: 1, maxAttempts: 2 }), { delivered: 0, retrying: 0, failed: 1 })
        const [s] = (await store.watchlists.list()).slice(-1)
        assert.deepEqual(s!.deliveries, { pending: 0, delivered: 0, failed: 1 })
      } finally { await store.close() }
    } finally { await hook.close() }
  })

  it('loses no delivery on restart: one queued by a process that stopped is sent by the next deliverer that starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-wl-'))
    const hook = await receiver([200])
    try {
      const file = join(dir, 'store.db')
      let store: Store = await openStore(file)
      await seedDemo(store)
      await createWatchlist(store, { name: 'x', query: query({ words: ['Moscow'] }), webhook: { url: hook.url, allow_loopback: true } })
      DEMO_ACTORS.push(BAQERI)
      try { await store.saveDocument(baqeriDoc(), { runId: 'r', stages: [], version: 1 }) } finally { DEMO_ACTORS.pop() }
      await matchWatchlists(store)
      await store.close() // stopped before delivering
      store = await openStore(file)
      try {
        const d = startDeliverer(store, { everyMs: 50 })
        for (let i = 0; i < 100 && !hook.got.length; i++) await new Promise((r) => setTimeout(r, 20))
        await d.stop()
        assert.equal(hook.got.length, 1)
        assert.equal((await store.watchlists.list())[0]!.deliveries.delivered, 1)
      } finally { await store.close() }
    } finally { await hook.close(); rmSync(dir, { recursive: true, force: true }) }
  })
})

