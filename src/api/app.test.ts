import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openStore } from '../store/index.js'
import type { Store } from '../store/store.js'
import { seedDemo } from './fixtures/demo-corpus.js'
import { createApp } from './app.js'
import type { IngestInput, IngestRunner } from './jobs.js'

/** A page the real ingest stores (a title, a byline, a date, three paragraphs). */
const GOOD_PAGE = ['Northern envoys meet in Oslo to discuss grain corridor', '', 'By Ada Lindqvist', '', 'March 4, 2024', '',
  'Foreign ministers from Norway and Finland met in Oslo on Monday to discuss a grain corridor across the Baltic Sea, officials said.', '',
  '“We agreed that the corridor must stay open through the winter,” the Norwegian minister told reporters after the talks.', '',
  'The two governments said they would meet again in Helsinki next month to sign a formal agreement.'].join('\n')

let store: Store
before(async () => { store = await openStore(':memory:'); await seedDemo(store) })
after(async () => { await store.close() })
const get = async (path: string, app = createApp(store)) => { const res = await app.request(path); return { res, body: res.headers.get('content-type')?.startsWith('application/json') ? await res.json() as any : await res.text() } }

describe('API', () => {
  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const { res, body } = await get('/openapi.json')
    assert.equal(res.status, 200)
    assert.equal(body.openapi, '3.1.0')
    for (const p of ['/api/documents', '/api/documents/{id}', '/api/events', '/api/events/{id}', '/api/actors/{id}', '/api/stories', '/api/contradictions', '/api/outlets', '/api/search', '/api/export', '/api/ingest', '/api/jobs/{id}', '/api/claims', '/api/timeline', '/api/network', '/api/map'])
      assert.ok(body.paths[p], `missing ${p}`)
    assert.ok(body.paths['/api/events'].get.parameters.some((x: any) => x.name === 'pair'))
  })
  it('lists documents with stable pages', async () => {
    const a = await get('/api/documents?limit=2'), b = await get('/api/documents?limit=2&offset=2')
    assert.equal(a.body.items.length, 2); assert.equal(a.body.next_offset, 2)
    assert.notDeepEqual(a.body.items.map((d: any) => d.id), b.body.items.map((d: any) => d.id))
    const all = await get('/api/documents?limit=500')
    assert.equal(all.body.next_offset, null); assert.equal(all.body.items.length, 5)
  })
  it('returns a document whose spans index its text (emoji and combining mark included)', async () => {
    const { res, body } = await get('/api/documents/d_demo_north')
    assert.equal(res.status, 200)
    assert.ok(body.text.includes('💩') === false && body.text.includes('\u0301'))
    for (const e of body.events) assert.equal(body.text.slice(e.evidence.start, e.evidence.end), e.evidence.text)
    for (const q of body.quotes) assert.equal(body.text.slice(q.start, q.end), q.text)
  })
  it('filters events by pair, type, date range, outlet and story, sorted by date then id', async () => {
    const pair = await get('/api/events?pair=a_rus,a_irn&limit=500')
    assert.ok(pair.body.items.length >= 4)
    const dates = pair.body.items.map((e: any) => e.date + e.id)
    assert.deepEqual(dates, [...dates].sort())
    assert.ok(pair.body.items.every((e: any) => e.source_name && e.quad))
    assert.deepEqual((await get('/api/events?type=ACCUSE')).body.items.map((e: any) => e.id), ['ev_e2'])
    assert.deepEqual((await get('/api/events?from=2024-03&to=2024-03')).body.items.map((e: any) => e.id).sort(), ['ev_c1', 'ev_g1', 'ev_n1'])
    assert.deepEqual((await get('/api/events?outlet=East%20Courier')).body.items.map((e: any) => e.id), ['ev_e2', 'ev_e1'])
    assert.deepEqual((await get('/api/events?story=se_aid')).body.items.map((e: any) => e.id).sort(), ['ev_e1', 'ev_g2'])
  })
  it('answers bad queries and missing records with a JSON error code and message', async () => {
    for (const [path, status, code] of [['/api/events?limit=0', 400, 'E_BAD_REQUEST'], ['/api/events?from=yesterday', 400, 'E_BAD_REQUEST'], ['/api/events/nope', 404, 'E_NOT_FOUND'],
      ['/api/documents/nope', 404, 'E_NOT_FOUND'], ['/api/nowhere', 404, 'E_NOT_FOUND'], ['/api/timeline?a=a_rus', 400, 'E_BAD_REQUEST']] as const) {
      const { res, body } = await get(path)
      assert.equal(res.status, status, path); assert.equal(body.error.code, code, path); assert.ok(body.error.message.length > 10)
    }
  })
  it('builds the event card from every source, marks copies and attaches contradictions', async () => {
    const { body } = await get('/api/events/ev_n1')
    assert.equal(body.event.type, 'CONSULT'); assert.equal(body.event.quad, 'verbal-cooperation')
    assert.deepEqual(body.sources.map((s: any) => s.outlet).sort(), ['Aggregator Hub', 'Gulf Ledger', 'North Wire'])
    assert.equal(body.sources.find((s: any) => s.outlet === 'Aggregator Hub').is_copy, true)
    const aid = (await get('/api/events/ev_e1')).body
    assert.equal(aid.contradictions[0].id, 'cx_aircraft')
    for (const s of aid.sources) assert.ok(s.sentence.start <= s.evidence.start && s.evidence.end <= s.sentence.end)
  })
  it('gives the timeline of the most connected pair, the network, the actor page, the map and search facets', async () => {
    const t = (await get('/api/timeline')).body
    assert.deepEqual(t.pair.map((p: any) => p.id).sort(), ['a_irn', 'a_rus'])
    const net = (await get('/api/network')).body
    assert.ok(net.edges.some((e: any) => e.source === 'a_rus' && e.target === 'a_irn' && e.weight >= 3))
    const actor = (await get('/api/actors/a_min')).body
    assert.equal(actor.quotes.length, 1); assert.equal(actor.actor.roles.length, 2); assert.ok(actor.events.length >= 2)
    const map = (await get('/api/map')).body
    assert.equal(map.places[0].name, 'Iran'); assert.ok(map.places.some((p: any) => p.name === 'Caspian Sea'))
    const s = (await get('/api/search?q=training%20aircraft')).body
    assert.equal(s.total, 2); assert.deepEqual(s.facets.outlet.map((f: any) => f.value).sort(), ['East Courier', 'Gulf Ledger'])
    assert.equal((await get('/api/search?q=training%20aircraft&outlet=Gulf%20Ledger')).body.total, 1)
  })
  it('serves stories, contradictions with outlets, outlet profiles and exports', async () => {
    assert.equal((await get('/api/stories')).body.items[0].id, 'st_demo')
    assert.equal((await get('/api/stories/st_demo')).body.story_events.length, 2)
    const one = (await get('/api/stories/st_demo?limit=1&offset=1')).body
    assert.equal(one.story_events.length, 1); assert.equal(one.story_event_total, 2); assert.equal(one.next_offset, null)
    assert.deepEqual(one.story_events[0], (await get('/api/stories/st_demo')).body.story_events[1])
    const ov = (await get('/api/overview')).body
    assert.equal(ov.story_total, (await get('/api/stories')).body.total); assert.ok(ov.stories.length <= 50)
    assert.deepEqual((await get('/api/contradictions')).body.items[0].members.map((m: any) => m.outlet), ['Gulf Ledger', 'East Courier'])
    assert.ok((await get('/api/outlets')).body.items.some((o: any) => o.terms.some((t: any) => t.term === 'regime')))
    const csv = await get('/api/export?format=csv')
    assert.match(csv.res.headers.get('content-type')!, /text\/csv/); assert.ok(csv.body.split('\r\n').length > 8)
    const jsonl = await get('/api/export')
    assert.ok(jsonl.body.trim().split('\n').map((l: string) => JSON.parse(l)).some((r: any) => r.kind === 'document'))
  })
  it('refuses ingest without the token, when read-only, or with no token configured; queues a job of pages sent as content, never server paths', async () => {
    const calls: IngestInput[] = []
    const ingest: IngestRunner = async (input, onProgress) => { calls.push(input); onProgress({ done: 1, total: 1, stored: 1, rejected: 0 }); return { stored: 1 } }
    const post = (app: ReturnType<typeof createApp>, auth?: string, body: unknown = { pages: [{ text: 'x' }] }) =>
      app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, body: JSON.stringify(body) })
    assert.equal((await post(createApp(store, { ingest }))).status, 403)
    assert.equal((await post(createApp(store, { ingest, token: 's3cret' }))).status, 401)
    assert.equal((await post(createApp(store, { ingest, token: 's3cret' }), 'Bearer wrong!')).status, 401)
    assert.equal((await post(createApp(store, { ingest, token: 's3cret', readOnly: true }), 'Bearer s3cret')).status, 403)
    const app = createApp(store, { ingest, token: 's3cret' })
    const ok = await post(app, 'Bearer s3cret', { pages: [{ text: 'A page.', url: 'https://example.org/a' }], urls: ['https://example.org/b'] })
    assert.equal(ok.status, 202)
    const { job } = await ok.json() as any
    assert.match(job.id, /^job_/); assert.equal(ok.headers.get('location'), `/api/jobs/${job.id}`)
    await app.jobs.idle()
    const done = await (await app.request(`/api/jobs/${job.id}`)).json() as any
    assert.equal(done.status, 'done'); assert.deepEqual(done.result, { stored: 1 }); assert.deepEqual(done.progress, { done: 1, total: 1, stored: 1, rejected: 0 })
    assert.deepEqual(calls, [{ pages: [{ text: 'A page.', url: 'https://example.org/a' }], urls: ['https://example.org/b'] }])
    assert.equal((await app.request('/api/jobs/job_nope')).status, 404)
    // server paths are no input: `paths` is refused, and so is any URL that is not http(s)
    for (const body of [{ paths: ['/etc/passwd'] }, { urls: ['file:///etc/passwd'] }, { urls: ['/etc/passwd'] }, { pages: [] }, { pages: [{ path: '/etc/passwd' }] }, { pages: [{ html: '<p>a</p>', text: 'a' }] }]) {
      const bad = await post(app, 'Bearer s3cret', body)
      assert.equal(bad.status, 400, JSON.stringify(body)); assert.equal((await bad.json() as any).error.code, 'E_BAD_REQUEST')
    }
    assert.equal(calls.length, 1)
  })
  it('keeps jobs in the store: a restarted server answers for a finished job and fails one the stopped server left running', async () => {
    const { ABANDONED } = await import('./jobs.js')
    const own = await openStore(':memory:')
    try {
      const ingest: IngestRunner = async () => ({ stored: 2 })
      const first = createApp(own, { ingest, token: 's3cret' })
      const res = await first.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer s3cret' }, body: JSON.stringify({ pages: [{ text: 'A page.' }] }) })
      const { job } = await res.json() as any
      await first.jobs.idle()
      // a job the first server was running when it stopped
      await own.saveJob({ id: 'job_left', status: 'running', created_at: '2026-01-01T00:00:00.000Z', started_at: '2026-01-01T00:00:01.000Z' } as any)
      const second = createApp(own, { ingest, token: 's3cret' })
      const done = await (await second.request(`/api/jobs/${job.id}`)).json() as any
      assert.equal(done.status, 'done'); assert.deepEqual(done.result, { stored: 2 })
      const left = await (await second.request('/api/jobs/job_left')).json() as any
      assert.equal(left.status, 'failed'); assert.equal(left.error, ABANDONED); assert.ok(left.finished_at)
      assert.equal((await second.request('/api/jobs/job_nope')).status, 404)
    } finally { await own.close() }
  })
  it('refuses a job while 8 wait or run (503 E_BUSY), so queued pages never pile up in memory', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => { release = r })
    const app = createApp(store, { token: 't', ingest: async () => { await gate; return {} } })
    const post = () => app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer t' }, body: JSON.stringify({ pages: [{ text: 'x' }] }) })
    for (let i = 0; i < 8; i++) assert.equal((await post()).status, 202)
    const busy = await post()
    assert.equal(busy.status, 503); assert.equal((await busy.json() as any).error.code, 'E_BUSY')
    release(); await app.jobs.idle()
    assert.equal((await post()).status, 202)
    await app.jobs.idle()
  })
  it('ingests pages sent as content through the real ingest, naming them pages[i] in the summary', async () => {
    const own = await openStore(':memory:')
    try {
      const app = createApp(own, { token: 't' })
      const res = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
        body: JSON.stringify({ pages: [{ text: GOOD_PAGE, url: 'https://example.org/news/1' }, { text: '   ' }] }) })
      assert.equal(res.status, 202)
      const { job } = await res.json() as any
      await app.jobs.idle()
      const done = await (await app.request(`/api/jobs/${job.id}`)).json() as any
      assert.equal(done.status, 'done', done.error)
      assert.equal(done.result.stored, 1)
      assert.deepEqual(done.result.rejected.map((r: any) => [r.path, r.ruleId]), [['pages[1]', 'empty']])
      const docs = (await (await app.request('/api/documents?status=all')).json() as any).items
      assert.ok(docs.some((d: any) => d.url === 'https://example.org/news/1' && d.path === null))
    } finally { await own.close() }
  })
  it('names no folder of the server in any response: document paths are file names only', async () => {
    const list = (await get('/api/documents?status=all&limit=500')).body.items
    assert.ok(list.length > 0)
    for (const d of list) assert.ok(d.path === null || !/[\\/]/.test(d.path), d.path)
    const doc = (await get(`/api/documents/${list[0].id}`)).body
    assert.ok(doc.source.path === null || !/[\\/]/.test(doc.source.path))
    for (const line of (await get('/api/export')).body.trim().split('\n')) {
      const r = JSON.parse(line)
      if (r.kind === 'document') assert.ok(r.source.path === null || !/[\\/]/.test(r.source.path), r.source.path)
    }
  })
  it('rebuilds cached reads after any write, also one that keeps every count (store generation)', async () => {
    const own = await openStore(':memory:')
    try {
      await seedDemo(own)
      const app = createApp(own)
      const before = await (await app.request('/api/stories/st_demo')).json() as any
      const stats = await own.stats(), gen = await own.generation()
      const records = [...await own.listCorpus('story'), ...await own.listCorpus('story_event'), ...await own.listCorpus('contradiction'), ...await own.listCorpus('outlet')]
        .map((r) => (r.kind === 'story' && r.id === 'st_demo' ? { ...r, title: 'Retitled story' } : r))
      const events = await own.listEvents({ limit: 500 })
      await own.replaceCorpus({ actors: (await own.listActors({ limit: 1000 })).map(({ mentions: _m, events: _e, ...a }) => a), records,
        eventStory: new Map(events.filter((e) => e.story_event).map((e) => [e.id, e.story_event!])), docs: new Map() })
      assert.deepEqual(await own.stats(), stats); assert.ok(await own.generation() > gen)
      const after = await (await app.request('/api/stories/st_demo')).json() as any
      assert.notEqual(before.story.title, 'Retitled story'); assert.equal(after.story.title, 'Retitled story')
    } finally { await own.close() }
  })
  it('needs the token for reads when the server is not public; refuses impossible dates and odd vendor names', async () => {
    const app = createApp(store, { token: 's3cret', readToken: true })
    assert.equal((await app.request('/api/stats')).status, 401)
    assert.equal((await app.request('/api/stats', { headers: { authorization: 'Bearer s3cret' } })).status, 200)
    assert.equal((await app.request('/')).status, 200) // the UI's files hold no records
    for (const path of ['/api/events?from=2024-13-45', '/api/events?to=2024-02-30', '/api/events?from=2023-00']) {
      const { res, body } = await get(path)
      assert.equal(res.status, 400, path); assert.equal(body.error.code, 'E_BAD_REQUEST')
    }
    assert.equal((await get('/api/events?from=2024-02-29&to=2024-12')).res.status, 200)
    for (const path of ['/vendor/__proto__', '/vendor/constructor', '/vendor/toString', '/vendor/hasOwnProperty', '/app/', '/static/', '/api/documents/%ZZ', '/%ZZ',
      '/app/views', '/app/views/', '/api/', '//', '/api/documents/..'])
      assert.ok([400, 404].includes((await get(path)).res.status), path)
    // odd search needles are answered, never a 500
    for (const q of ['%00%00%00', '%22%22%22', 'a*b', '%22a%22%20OR%20b', 'NEAR(a%20b)', '%5E'])
      assert.equal((await get(`/api/search?q=${q}`)).res.status, 200, q)
  })
  it('answers malformed bodies and unknown methods with the JSON error shape, codes from the catalogue', async () => {
    const { ERROR_CODES } = await import('../errors.js')
    const app = createApp(store, { ingest: async () => ({}), token: 's3cret' })
    const broken = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer s3cret' }, body: '{"paths": [' })
    assert.equal(broken.status, 400); assert.equal((await broken.json() as any).error.code, 'E_BAD_REQUEST')
    const del = await app.request('/api/events', { method: 'DELETE', headers: { authorization: 'Bearer s3cret' } })
    assert.equal(del.status, 404); assert.ok((await del.json() as any).error.code in ERROR_CODES)
  })
  it('lists an actor\'s events as the union of two indexed lookups, equal to the source-or-target filter, on every page', async () => {
    const all = (await store.listEvents({ actor: 'a_rus', limit: 500 })).map((e) => e.id)
    assert.ok(all.length >= 4)
    const paged: string[] = []
    for (let o = 0; o < all.length; o += 2) paged.push(...(await get(`/api/events?actor=a_rus&limit=2&offset=${o}`)).body.items.map((e: any) => e.id))
    assert.deepEqual(paged, all)
    const pair = (await store.listEvents({ pair: ['a_irn', 'a_rus'], limit: 500 })).map((e) => e.id)
    assert.deepEqual((await get('/api/events?pair=a_irn,a_rus&limit=500')).body.items.map((e: any) => e.id), pair)
  })
  it('pages the map and the actor page\'s lists (limit, offset, totals), documented in /openapi.json', async () => {
    const whole = (await get('/api/map?limit=500')).body
    assert.equal(whole.total, whole.places.length); assert.equal(whole.next_offset, null)
    assert.ok(whole.total >= 2, 'the demo corpus has places')
    assert.equal(whole.events, whole.places.reduce((n: number, p: any) => n + p.count, 0))
    assert.equal(whole.unplaced_total, whole.unplaced.length)
    const paged: any[] = []
    for (let offset: number | null = 0; offset != null;) {
      const p: any = (await get(`/api/map?limit=1&offset=${offset}`)).body
      assert.equal(p.places.length, 1); assert.equal(p.total, whole.total); assert.equal(p.limit, 1)
      paged.push(...p.places); offset = p.next_offset
    }
    assert.deepEqual(paged, whole.places)
    assert.equal((await get('/api/map?limit=0')).res.status, 400)
    assert.equal((await get('/api/map?limit=501')).res.status, 400)
    if (whole.unplaced_total > 0) assert.deepEqual((await get('/api/map?unplaced_limit=1')).body.unplaced, whole.unplaced.slice(0, 1))
    // the actor page: each list paged alike, with its length in totals
    const full = (await get('/api/actors/a_rus?limit=500')).body
    assert.equal(full.next_offset, null)
    for (const k of ['quotes', 'events', 'mentions', 'counterparts'] as const) assert.equal(full.totals[k], full[k].length, k)
    assert.ok(full.totals.events >= 3 && full.totals.mentions >= 3 && full.totals.counterparts >= 1)
    const lists: Record<string, any[]> = { quotes: [], events: [], mentions: [], counterparts: [] }
    for (let offset: number | null = 0; offset != null;) {
      const p: any = (await get(`/api/actors/a_rus?limit=2&offset=${offset}`)).body
      assert.deepEqual(p.totals, full.totals); assert.equal(p.actor.id, 'a_rus')
      for (const k of Object.keys(lists)) { assert.ok(p[k].length <= 2); lists[k]!.push(...p[k]) }
      offset = p.next_offset
    }
    for (const k of Object.keys(lists)) assert.deepEqual(lists[k], full[k], k)
    assert.equal((await get('/api/actors/a_rus')).body.limit, 100)
    assert.equal((await get('/api/actors/a_rus?limit=501')).res.status, 400)
    const doc = (await get('/openapi.json')).body
    assert.ok(doc.paths['/api/actors/{id}'].get.parameters.some((x: any) => x.name === 'offset'))
    assert.ok(['limit', 'offset', 'unplaced_limit'].every((n) => doc.paths['/api/map'].get.parameters.some((x: any) => x.name === n)))
  })
  it('pages the timeline and the network (limit, offset, total), documented in /openapi.json', async () => {
    for (const q of ['', 'a=a_rus&b=a_irn&expand=false&', 'a=a_irn&b=a_rus&']) {
      const whole = (await get(`/api/timeline?${q}limit=500`)).body
      assert.equal(whole.total, whole.events.length, q); assert.equal(whole.next_offset, null); assert.ok(whole.total >= 2, q)
      const events: any[] = [], stories: Record<string, unknown> = {}
      for (let offset: number | null = 0; offset != null;) {
        const p: any = (await get(`/api/timeline?${q}limit=1&offset=${offset}`)).body
        assert.equal(p.events.length, 1); assert.equal(p.total, whole.total); assert.deepEqual(p.pair, whole.pair)
        events.push(...p.events); Object.assign(stories, p.story_events); offset = p.next_offset
      }
      assert.deepEqual(events, whole.events, q); assert.deepEqual(stories, whole.story_events, q)
    }
    assert.equal((await get('/api/timeline')).body.limit, 50)
    assert.equal((await get('/api/timeline?limit=501')).res.status, 400)
    const net = (await get('/api/network?limit=500')).body
    assert.equal(net.total, net.edges.length); assert.equal(net.next_offset, null)
    const first = (await get('/api/network?limit=1')).body, second = (await get('/api/network?limit=1&offset=1')).body
    assert.deepEqual([...first.edges, ...second.edges], net.edges.slice(0, 2)); assert.equal(first.next_offset, 1); assert.equal(first.total, net.total)
    assert.deepEqual(first.nodes.map((n: any) => n.id), [...new Set([first.edges[0].source, first.edges[0].target])].sort())
    assert.equal((await get('/api/network')).body.limit, 200)
    assert.equal((await get('/api/network?limit=501')).res.status, 400)
    const doc = (await get('/openapi.json')).body
    for (const path of ['/api/timeline', '/api/network']) assert.ok(doc.paths[path].get.parameters.some((x: any) => x.name === 'offset'), path)
  })
  it('gives the overview (most reported events, date range) and the numeric claims by unit', async () => {
    const ov = (await get('/api/overview')).body
    assert.ok(ov.key_events[0].outlets.length >= 2); assert.ok(ov.published.from <= ov.published.to)
    assert.deepEqual([...ov.pair].sort(), ['a_irn', 'a_rus'])
    const claims = (await get('/api/claims')).body.items
    assert.ok(claims.length >= 1)
    for (const g of claims) { assert.equal(g.claim_count, g.claims.length); for (const c of g.claims) assert.equal(c.unit, g.unit) }
  })
  it('gives every event mention who alleges it and what produced it (rule or model, with its score), documented in /openapi.json', async () => {
    const spec = (await get('/openapi.json')).body
    for (const name of ['EventRow', 'EventRecord']) {
      const props = spec.components.schemas[name].properties
      assert.ok(props.reported_by && props.produced_by, `${name} documents reported_by and produced_by`)
      assert.ok(spec.components.schemas[name].required.includes('reported_by') && spec.components.schemas[name].required.includes('produced_by'), name)
    }
    assert.deepEqual(spec.components.schemas.ProducedBy.properties.method.enum, ['rule', 'model'])
    const shaped = (e: any, where: string) => {
      assert.ok('reported_by' in e && 'produced_by' in e, `${where}: ${e.id ?? e.event} has both fields`)
      assert.ok(e.reported_by === null || typeof e.reported_by === 'string', where)
      if (e.produced_by !== null) {
        assert.ok(['rule', 'model'].includes(e.produced_by.method), where); assert.equal(typeof e.produced_by.detail, 'string', where)
        assert.ok(e.produced_by.score === null || typeof e.produced_by.score === 'number', where)
      }
    }
    const list = (await get('/api/events?limit=500')).body.items
    list.forEach((e: any) => shaped(e, 'list'))
    const byId = new Map(list.map((e: any) => [e.id, e]))
    assert.deepEqual(byId.get('ev_g2'), { ...byId.get('ev_g2') as object, reported_by: 'the ministry', produced_by: { method: 'model', detail: 'trigger model', score: 0.8234 } })
    assert.deepEqual((byId.get('ev_e1') as any).produced_by, { method: 'rule', detail: 'receive: AID when the object is materiel', score: null })
    assert.equal((byId.get('ev_n1') as any).reported_by, null)
    // a record written before the events stage said (no produced_by) answers null, never a missing field
    assert.equal((byId.get('ev_g1') as any).produced_by, null)
    const card = (await get('/api/events/ev_e1')).body
    shaped(card.event, 'card'); assert.equal(card.event.reported_by, 'a customs official')
    // each outlet's report carries its own: one states the delivery as an allegation by the ministry, the other by a customs official
    assert.deepEqual(card.sources.map((s: any) => [s.event, s.reported_by, s.produced_by?.method]).sort(), [['ev_e1', 'a customs official', 'rule'], ['ev_g2', 'the ministry', 'model']])
    const doc = (await get('/api/documents/d_demo_gulf')).body
    doc.events.forEach((e: any) => shaped(e, 'document'))
    assert.equal(doc.events.find((e: any) => e.id === 'ev_g2').reported_by, 'the ministry')
    ;(await get('/api/actors/a_rus')).body.events.forEach((e: any) => shaped(e, 'actor'))
    const tl = (await get('/api/timeline')).body.events
    tl.forEach((e: any) => shaped(e, 'timeline')); assert.ok(tl.some((e: any) => e.reported_by === 'the ministry'))
    ;(await get('/api/map')).body.places.flatMap((p: any) => p.events).forEach((e: any) => shaped(e, 'map'))
  })
  it('sets a strict Content-Security-Policy and serves vendor files by exact name only', async () => {
    const ui = await get('/')
    assert.match(ui.res.headers.get('content-security-policy')!, /script-src 'self'/)
    assert.equal((await get('/vendor/d3.min.js')).res.status, 200)
    assert.equal((await get('/vendor/..%2Fpackage.json')).res.status, 404)
    assert.equal((await get('/static/..%2F..%2Fpackage.json')).res.status, 404)
  })
})

describe('API: what produced each quote, claim and framing term', () => {
  it('answers produced_by on every quote, claim and framing term (null for records written before it), documented in /openapi.json', async () => {
    const own = await openStore(':memory:')
    try {
      await seedDemo(own)
      const app = createApp(own)
      const spec = (await get('/openapi.json', app)).body
      const doc = spec.components.schemas.Document.properties
      for (const k of ['quotes', 'claims', 'framing']) assert.ok(doc[k].items.properties.produced_by && doc[k].items.required.includes('produced_by'), k)
      assert.ok(spec.components.schemas.ClaimGroup.properties.claims.items.properties.produced_by)
      const before = (await get('/api/documents/d_demo_gulf', app)).body
      assert.ok(before.claims.length && before.framing.length, 'the demo page has a claim and a framing term')
      for (const x of [...before.quotes, ...before.claims, ...before.framing]) assert.equal(x.produced_by, null)
      // the pages analysed again by stages that say what produced each fact
      const model = { method: 'model' as const, detail: 'speaker read off the dependency parse of the syntax model (holds)', score: null }
      const rule = { method: 'rule' as const, detail: 'number pattern with the unit and role rules (claims stage)', score: null }
      const lex = { method: 'rule' as const, detail: 'framing lexicon entry "regime"', score: null }
      const gulf = (await own.getDocument('d_demo_gulf'))!, north = (await own.getDocument('d_demo_north'))!
      assert.ok(north.quotes.length, 'the demo page has a quote')
      // (a new version of each page: a stored page is never rewritten in place)
      await own.saveDocument({ ...gulf, id: 'd_demo_gulf2', events: [], claims: gulf.claims.map((c) => ({ ...c, id: `${c.id}b`, produced_by: rule })), framing: gulf.framing.map((f) => ({ ...f, produced_by: lex })) }, { runId: 'r2', stages: [], version: 2, replaces: 'd_demo_gulf' })
      await own.saveDocument({ ...north, id: 'd_demo_north2', events: [], quotes: north.quotes.map((q) => ({ ...q, id: `${q.id}b`, produced_by: model })) }, { runId: 'r2', stages: [], version: 2, replaces: 'd_demo_north' })
      const after = (await get('/api/documents/d_demo_gulf2', app)).body
      for (const c of after.claims) assert.deepEqual(c.produced_by, rule)
      for (const f of after.framing) assert.deepEqual(f.produced_by, lex)
      for (const q of (await get('/api/documents/d_demo_north2', app)).body.quotes) assert.deepEqual(q.produced_by, model)
      const claims = (await get('/api/claims?limit=500', app)).body.items.flatMap((g: any) => g.claims)
      assert.ok(claims.some((c: any) => c.doc === 'd_demo_gulf2'))
      for (const c of claims) assert.deepEqual(c.produced_by, c.doc === 'd_demo_gulf2' ? rule : null)
      const speaker = north.quotes.find((q) => q.speaker)!.speaker!.actor
      const quotes = (await get(`/api/actors/${encodeURIComponent(speaker)}`, app)).body.quotes
      assert.ok(quotes.some((q: any) => q.doc === 'd_demo_north2'))
      for (const q of quotes) assert.deepEqual(q.produced_by, q.doc === 'd_demo_north2' ? model : null)
    } finally { await own.close() }
  })
})
