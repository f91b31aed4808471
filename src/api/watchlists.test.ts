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

  it('off loopback, reads of a watchlist and its feed need the token too', async () => {
    const app = createApp(store, { token: TOKEN, readToken: true })
    assert.equal((await call(app, 'GET', '/api/watchlists', undefined, null)).res.status, 401)
    assert.equal((await call(app, 'GET', '/api/watchlists')).res.status, 200)
  })
})
