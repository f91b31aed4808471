import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { XMLValidator } from 'fast-xml-parser'
import { openStore } from '../store/index.js'
import type { Store } from '../store/store.js'
import { buildDoc, seedDemo } from './fixtures/demo-corpus.js'
import { createApp } from './app.js'

const TOKEN = 'watch-token-0123456789'
let store: Store
before(async () => { store = await openStore(':memory:'); await seedDemo(store) })
after(async () => { await store.close() })

const call = async (app: ReturnType<typeof createApp>, method: string, path: string, body?: unknown, token: string | null = TOKEN) => {
  const res = await app.request(path, { method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body ? JSON.stringify(body) : undefined })
  const type = res.headers.get('content-type') ?? ''
  return { res, body: type.startsWith('application/json') ? await res.json() as any : await res.text() }
}

describe('API: watchlists', () => {
  it('are in the OpenAPI document', async () => {
    const { body } = await call(createApp(store), 'GET', '/openapi.json')
    for (const p of ['/api/watchlists', '/api/watchlists/{id}', '/api/watchlists/{id}/seen', '/api/watchlists/{id}/feed.atom', '/api/watchlists/{id}/deliveries']) assert.ok(body.paths[p], `missing ${p}`)
    assert.ok(body.paths['/api/watchlists'].post.security)
    assert.ok(body.paths['/api/watchlists/{id}'].delete)
  })

  it('need the token to be created, marked seen or deleted, like every other write', async () => {
    const q = { name: 'visits', query: { types: ['CONSULT'] } }
    assert.equal((await call(createApp(store), 'POST', '/api/watchlists', q, null)).res.status, 403, 'a server without a token takes no writes')
    const app = createApp(store, { token: TOKEN })
    assert.equal((await call(app, 'POST', '/api/watchlists', q, null)).res.status, 401)
    assert.equal((await call(app, 'POST', '/api/watchlists', q, 'wrong')).res.status, 401)
    assert.equal((await call(createApp(store, { token: TOKEN, readOnly: true }), 'POST', '/api/watchlists', q)).res.status, 403)
    assert.equal((await call(app, 'POST', '/api/watchlists', { name: 'nothing', query: {} })).res.status, 400, 'at least one criterion')
    assert.equal((await call(app, 'POST', '/api/watchlists', { ...q, webhook: { url: 'ftp://x.example/' } })).res.status, 400)
    assert.equal((await call(app, 'POST', '/api/watchlists', { ...q, extra: 1 })).res.status, 400)
    assert.equal((await call(app, 'DELETE', '/api/watchlists/wl_nope', undefined, null)).res.status, 401)
  })

  it('create one with its baseline, list it, read its hits and feed, mark it seen and delete it', async () => {
    const app = createApp(store, { token: TOKEN })
    const made = await call(app, 'POST', '/api/watchlists', { name: 'Russia ⇄ Iran visits', query: { pair: ['Russia', 'iran'], types: ['consult'] } })
    assert.equal(made.res.status, 201, JSON.stringify(made.body))
    const w = made.body
    assert.equal(made.res.headers.get('location'), `/api/watchlists/${w.id}`)
    assert.deepEqual(w.query.types, ['CONSULT'])
    assert.equal(w.hits, 1, 'the Gulf Ledger visit (Russia → Iran) is the baseline')
    assert.equal(w.new_hits, 0)
    assert.equal(w.feed, `/api/watchlists/${w.id}/feed.atom`)
    assert.equal(w.description, 'CONSULT events between Russia and iran')
    // a new page arrives (the matching an ingest runs)
    const doc = buildDoc({ id: 'd_api_new', outlet: 'South Post', title: 'Second visit', published: '2024-04-02', url: 'https://south.example/visit',
      paragraphs: ['Second visit', 'Iran hosted Russia again for talks on 1 April.'], events: [{ id: 'ev_s1', sentence: 'Iran hosted Russia again for talks on 1 April.', trigger: 'hosted', type: 'CONSULT', mode: 'visit', src: 'a_irn', tgt: 'a_rus', date: '2024-04-01', location: null }] })
    await store.saveDocument(doc, { runId: 'r', stages: [], version: 1 })
    const { matchWatchlists } = await import('../watchlists/index.js')
    assert.equal((await matchWatchlists(store)).hits, 1)
    const list = await call(app, 'GET', '/api/watchlists', undefined, null)
    assert.equal(list.res.status, 200)
    const mine = list.body.items.find((x: any) => x.id === w.id)
    assert.deepEqual([mine.hits, mine.new_hits], [2, 1])
    const one = await call(app, 'GET', `/api/watchlists/${w.id}?new=true`, undefined, null)
    assert.equal(one.body.hits.length, 1)
    const h = one.body.hits[0]
    assert.equal(h.title, 'CONSULT (visit): Iran → Russia · South Post')
    assert.equal(h.sentence, 'Iran hosted Russia again for talks on 1 April.')
    assert.equal(h.page_title, 'Second visit')
    assert.equal(h.links.view, '#/event/ev_s1')
    assert.ok(!('doc' in h) && !('event' in h), 'ids only in links')
    const feed = await call(app, 'GET', `/api/watchlists/${w.id}/feed.atom`, undefined, null)
    assert.equal(feed.res.status, 200)
    assert.match(feed.res.headers.get('content-type')!, /^application\/atom\+xml/)
    assert.equal(XMLValidator.validate(feed.body), true)
    assert.match(feed.body, /<link rel="alternate" type="text\/html" href="http:\/\/localhost\/#\/event\/ev_s1"\/>/)
    assert.equal((await call(app, 'GET', '/api/watchlists/wl_nope/feed.atom', undefined, null)).res.status, 404)
    const seen = await call(app, 'POST', `/api/watchlists/${w.id}/seen`)
    assert.equal(seen.res.status, 200); assert.equal(seen.body.new_hits, 0)
    assert.deepEqual((await call(app, 'GET', `/api/watchlists/${w.id}/deliveries`, undefined, null)).body.items, [])
    assert.equal((await call(app, 'DELETE', `/api/watchlists/${w.id}`)).res.status, 200)
    assert.equal((await call(app, 'GET', `/api/watchlists/${w.id}`, undefined, null)).res.status, 404)
    assert.equal((await call(app, 'DELETE', `/api/watchlists/${w.id}`)).res.status, 404)
  })

  it('pages the watchlists, a watchlist\'s hits and its webhook deliveries (limit, offset, totals)', async () => {
    const app = createApp(store, { token: TOKEN })
    const made: string[] = []
    for (const name of ['paged one', 'paged two', 'paged three']) made.push((await call(app, 'POST', '/api/watchlists', { name, query: { actors: ['a_rus'] } })).body.id)
    const whole = (await call(app, 'GET', '/api/watchlists?limit=500', undefined, null)).body
    assert.equal(whole.total, whole.items.length); assert.equal(whole.next_offset, null); assert.ok(whole.total >= 3)
    const paged: any[] = []
    for (let offset: number | null = 0; offset != null;) {
      const p: any = (await call(app, 'GET', `/api/watchlists?limit=1&offset=${offset}`, undefined, null)).body
      assert.equal(p.items.length, 1); assert.equal(p.total, whole.total); paged.push(...p.items); offset = p.next_offset
    }
    assert.deepEqual(paged.map((w) => w.id), whole.items.map((w: any) => w.id))
    assert.equal((await call(app, 'GET', '/api/watchlists?limit=501', undefined, null)).res.status, 400)
    // hits: a page at a time, newest first, with their number
    const id = made[0]!
    const all = (await call(app, 'GET', `/api/watchlists/${id}?limit=500`, undefined, null)).body
    assert.ok(all.hit_total >= 2, 'the demo corpus has events of a_rus'); assert.equal(all.hits.length, all.hit_total); assert.equal(all.next_offset, null)
    const second = (await call(app, 'GET', `/api/watchlists/${id}?limit=1&offset=1`, undefined, null)).body
    assert.deepEqual(second.hits, [all.hits[1]]); assert.equal(second.hit_total, all.hit_total); assert.equal(second.next_offset, all.hit_total > 2 ? 2 : null)
    // deliveries: three batches of one hit queued for a webhook
    const hooked = await store.watchlists.create({ name: 'hooked', query: { actors: ['a_rus'], pair: null, types: [], outlets: [], words: [], contradictions: false }, webhook: { url: 'https://hooks.example/x', allow_loopback: false } })
    await store.watchlists.recordHits(hooked.id, ['k1', 'k2', 'k3'].map((key) => ({ key, kind: 'event' as const, baseline: false, record: { title: key } })), { cursor: null, batch: 1, payload: (h) => JSON.stringify({ hits: h }) })
    const d0 = (await call(app, 'GET', `/api/watchlists/${hooked.id}/deliveries?limit=2`, undefined, null)).body
    assert.equal(d0.items.length, 2); assert.equal(d0.total, 3); assert.equal(d0.next_offset, 2)
    const d1 = (await call(app, 'GET', `/api/watchlists/${hooked.id}/deliveries?limit=2&offset=2`, undefined, null)).body
    assert.equal(d1.items.length, 1); assert.equal(d1.next_offset, null)
    const everyDelivery = (await call(app, 'GET', `/api/watchlists/${hooked.id}/deliveries`, undefined, null)).body.items
    assert.deepEqual([...d0.items, ...d1.items].map((d: any) => d.id), everyDelivery.map((d: any) => d.id))
    assert.equal((await call(app, 'GET', '/api/watchlists/wl_nope/deliveries', undefined, null)).res.status, 404)
    const doc = (await call(app, 'GET', '/openapi.json', undefined, null)).body
    for (const path of ['/api/watchlists', '/api/watchlists/{id}', '/api/watchlists/{id}/deliveries']) assert.ok(doc.paths[path].get.parameters.some((x: any) => x.name === 'offset'), path)
    for (const w of [...made, hooked.id]) await call(app, 'DELETE', `/api/watchlists/${w}`)
  })

  it('off loopback, reads of a watchlist and its feed need the token too', async () => {
    const app = createApp(store, { token: TOKEN, readToken: true })
    assert.equal((await call(app, 'GET', '/api/watchlists', undefined, null)).res.status, 401)
    assert.equal((await call(app, 'GET', '/api/watchlists')).res.status, 200)
  })
})
