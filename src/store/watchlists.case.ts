/**
 * The watchlist part of the store conformance suite (issue #16), run by `runStoreTests` on every dialect: saved
 * queries, hits recorded once by key, the cursor, the durable webhook outbox (claimed by one deliverer), and matching
 * after an ingest that adds nothing when the same page is stored again under new machine ids.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { DocumentRecord } from '../model/records.js'
import type { Store } from './store.js'
import type { WatchlistQuery } from './watchlists.js'

const Q: WatchlistQuery = { actors: [], pair: null, types: ['CONSULT'], outlets: [], words: [], contradictions: false }
const hit = (key: string, baseline = false) => ({ key, kind: 'event' as const, baseline, record: { type: 'CONSULT', sentence: `sentence ${key}` } })
const payload = (hits: readonly { key: string }[]) => JSON.stringify({ hits: hits.map((x) => x.key) })

export function runWatchlistStoreTests(name: string, makeStore: () => Promise<Store>, fixtureDoc: (id?: string, text?: string) => DocumentRecord): void {
  test(`${name}: watchlists are saved, listed with their counts, marked seen and removed with their hits and deliveries`, async () => {
    const store = await makeStore()
    try {
      const w = await store.watchlists.create({ name: 'Talks', query: Q, webhook: { url: 'http://127.0.0.1:9/hook', allow_loopback: true } })
      assert.match(w.id, /^wl_/)
      assert.deepEqual((await store.watchlists.get(w.id))?.query, Q)
      assert.deepEqual((await store.watchlists.get(w.id))?.webhook, { url: 'http://127.0.0.1:9/hook', allow_loopback: true })
      // the first batch is the baseline: recorded, never queued for the webhook, never new
      const base = await store.watchlists.recordHits(w.id, [hit('k1', true)], { cursor: '2026-01-01T00:00:00.000Z', batch: 10, payload })
      assert.equal(base.length, 1)
      const fresh = await store.watchlists.recordHits(w.id, [hit('k1'), hit('k2'), hit('k3'), hit('k2')], { cursor: '2026-01-02T00:00:00.000Z', batch: 1, payload })
      assert.deepEqual(fresh.map((x) => x.key), ['k2', 'k3'], 'a key already recorded (or repeated in the batch) is recorded once')
      assert.deepEqual(await store.watchlists.recordHits(w.id, [hit('k2'), hit('k3')], { cursor: '2025-01-01T00:00:00.000Z', batch: 10, payload }), [])
      assert.equal((await store.watchlists.get(w.id))?.cursor, '2026-01-02T00:00:00.000Z', 'the cursor never goes back')
      let [s] = await store.watchlists.list()
      assert.deepEqual([s.hits, s.new_hits, s.deliveries.pending], [3, 2, 2], 'one delivery per batch of one hit')
      assert.deepEqual((await store.watchlists.hits(w.id, { onlyNew: true })).map((x) => x.key).sort(), ['k2', 'k3'])
      assert.deepEqual([...await store.watchlists.knownKeys(w.id, ['k1', 'k9'])], ['k1'])
      assert.ok(await store.watchlists.markSeen(w.id))
      ;[s] = await store.watchlists.list()
      assert.equal(s.new_hits, 0)
      assert.ok(await store.watchlists.remove(w.id))
      assert.equal(await store.watchlists.get(w.id), null)
      assert.deepEqual(await store.watchlists.hits(w.id), [])
      assert.deepEqual(await store.watchlists.dueDeliveries('9999', 10), [])
      assert.equal(await store.watchlists.remove(w.id), false)
    } finally { await store.close() }
  })

  test(`${name}: the webhook outbox: a due delivery is taken by one deliverer, each attempt is logged, and it waits for its next try`, async () => {
    const store = await makeStore()
    try {
      const w = await store.watchlists.create({ name: 'Hook', query: Q, webhook: { url: 'https://example.org/hook', allow_loopback: false } })
      await store.watchlists.recordHits(w.id, [hit('a', true)], { cursor: null, batch: 10, payload })
      await store.watchlists.recordHits(w.id, [hit('b'), hit('c')], { cursor: null, batch: 10, payload })
      const now = new Date(Date.now() + 1000).toISOString()
      const [d] = await store.watchlists.dueDeliveries(now, 10)
      assert.deepEqual(JSON.parse(d!.payload), { hits: ['b', 'c'] })
      const lease = new Date(Date.now() + 60_000).toISOString()
      assert.equal(await store.watchlists.claimDelivery(d!, lease), true)
      assert.equal(await store.watchlists.claimDelivery(d!, lease), false, 'a second deliverer does not take it')
      assert.deepEqual(await store.watchlists.dueDeliveries(now, 10), [], 'leased: not due')
      const retry = new Date(Date.now() + 30_000).toISOString()
      await store.watchlists.recordAttempt({ delivery_id: d!.id, watchlist_id: w.id, at: now, status: 503, error: 'Expected a 2xx answer, got 503', ms: 12 },
        { status: 'pending', attempts: 1, next_at: retry, last_error: 'Expected a 2xx answer, got 503', delivered_at: null })
      assert.deepEqual(await store.watchlists.dueDeliveries(now, 10), [])
      assert.equal((await store.watchlists.dueDeliveries(retry, 10)).length, 1)
      await store.watchlists.recordAttempt({ delivery_id: d!.id, watchlist_id: w.id, at: retry, status: 200, error: null, ms: 5 },
        { status: 'delivered', attempts: 2, next_at: retry, last_error: null, delivered_at: retry })
      const [log] = await store.watchlists.deliveries(w.id)
      assert.equal(log!.status, 'delivered'); assert.equal(log!.attempts, 2)
      assert.deepEqual(log!.attempts_log.map((a) => [a.status, a.error]), [[503, 'Expected a 2xx answer, got 503'], [200, null]])
    } finally { await store.close() }
  })

  test(`${name}: matching after an ingest records each new fact once; the same page stored again under new machine ids adds nothing`, async () => {
    const { matchWatchlists } = await import('../watchlists/match.js')
    const store = await makeStore()
    try {
      await store.saveDocument(fixtureDoc('d_wl_old'), { runId: 'r1', stages: [], version: 1 })
      const w = await store.watchlists.create({ name: 'Meetings', query: Q, webhook: { url: 'https://example.org/hook', allow_loopback: false } })
      const first = await matchWatchlists(store)
      assert.deepEqual(first.by.map((b) => [b.hits, b.baseline]), [[1, true]], 'what was there is the baseline')
      const text = 'The envoy 💩 met the grain board in Oslo on Friday. Talks went on.'
      const doc = fixtureDoc('d_wl_new', text)
      await store.saveDocument({ ...doc, source: { ...doc.source, url: 'https://wire.example/oslo' } }, { runId: 'r2', stages: [], version: 1 })
      const second = await matchWatchlists(store)
      assert.equal(second.hits, 1)
      const [h] = await store.watchlists.hits(w.id, { onlyNew: true })
      assert.equal(h!.record.sentence, 'The envoy 💩 met the grain board in Oslo on Friday.')
      assert.equal((await matchWatchlists(store)).hits, 0, 'matching again adds nothing')
      // the same page read again with other machine ids (document, event, actor ids): the same hit key
      const again = fixtureDoc('d_wl_new2', text)
      await store.saveDocument({ ...again, source: { ...again.source, url: 'https://wire.example/oslo' }, events: again.events.map((e) => ({ ...e, id: 'ev_other', source_actor: { actor: 'x:someone', name: 'envoy' } })) },
        { runId: 'r3', stages: [], version: 2, replaces: 'd_wl_new' })
      assert.equal((await matchWatchlists(store)).hits, 0, 'a re-read page with new ids floods nothing')
      const [s] = await store.watchlists.list()
      assert.deepEqual([s.hits, s.new_hits, s.deliveries.pending], [2, 1, 1])
    } finally { await store.close() }
  })
}
