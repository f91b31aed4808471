import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createApp } from '../api/app.js'
import { seedDemo } from '../api/fixtures/demo-corpus.js'
import { exportRecords } from '../export/export.js'
import type { DocumentRecord } from '../model/records.js'
import { openStore } from '../store/index.js'
import type { Store } from '../store/store.js'
import { addClaim, addEvent, makeDoc } from '../corpus/fixtures.js'
import { applyCorrections, locate } from './apply.js'
import { addCorrection } from './make.js'
import { correctionStats } from './stats.js'
import type { Correction } from './types.js'
import { correctedStore, resolveCorrections } from './view.js'

const CLI = { author: 'Ana', via: 'cli' }

/** A page written for these tests (an emoji and a combining mark, style.md §2): one event, one claim. */
function fixtureDoc(id: string): DocumentRecord {
  const d = makeDoc({ id, text: 'The envoy 💩 met the mine\u0301ral minister in Oslo on Tuesday. Both sides agreed to talk again in 3 weeks.', outlet: 'Test Wire', published: '2024-05-02' })
  addEvent(d, { n: 1, type: 'CONSULT', source: 'envoy', target: 'Oslo', date: '2024-04-30', needle: 'met', trigger: 'met' })
  addClaim(d, 1, 3, null, 'weeks', 'Both')
  return d
}
const demo = async () => { const s = await openStore(':memory:'); await seedDemo(s); return s }
const save = (s: Store, d: DocumentRecord, version = 1, replaces?: string) => s.saveDocument(d, { runId: 'r', stages: [], version, replaces })

/** The fixture page as a later version: a paragraph put before it shifts every span, and its ids are new. */
function laterVersion(v1: DocumentRecord, id: string, prefix: string): DocumentRecord {
  const n = prefix.length, sh = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: x.start + n, end: x.end + n })
  return {
    ...v1, id, text: prefix + v1.text, source: { ...v1.source, sha256: id.padEnd(64, '1') }, paragraphs: v1.paragraphs.map(sh), sentences: v1.sentences!.map(sh),
    entities: v1.entities.map((e) => ({ ...e, id: e.id.replace(v1.id, id), mentions: e.mentions.map(sh) })),
    events: v1.events.map((e) => ({ ...e, id: `${id}:e7`, evidence: sh(e.evidence), trigger: e.trigger && sh(e.trigger) })), claims: v1.claims.map((c) => ({ ...c, id: `${id}:c9`, evidence: sh(c.evidence) })),
  }
}

describe('corrections laid over machine output', () => {
  it('finds an anchor where it was, else the same text nearest to where it was', () => {
    const a = { doc: 'd', path: null, url: null, start: 4, end: 7, text: 'cat', target: null, key: null }
    assert.deepEqual(locate('the cat sat', a), { start: 4, end: 7 })
    assert.deepEqual(locate('a cat, then the cat 💩', { ...a, start: 14, end: 17 }), { start: 16, end: 19 })
    assert.equal(locate('no feline here', a), null)
  })

  it('marks wrong, fixes, adds and re-attributes, keeping the machine values beside the analyst\'s', async () => {
    const store = await openStore(':memory:')
    try {
      const v1 = fixtureDoc('d_fix1')
      await save(store, v1)
      await addCorrection(store, { kind: 'event.fix', event: v1.events[0]!.id, set: { type: 'AGREE', target_actor: { name: 'Norway' } } }, CLI)
      await addCorrection(store, { kind: 'claim.wrong', doc: v1.id, claim: v1.claims[0]!.id, reason: 'a delay, not a count' }, CLI)
      const second = v1.text.indexOf('Both')
      await addCorrection(store, { kind: 'event.add', doc: v1.id, start: second + 5, end: second + 10, set: { type: 'AGREE', source_actor: { actor: 'T:envoy' }, date: '2024-05-01' } }, CLI)
      const doc = (await correctedStore(store).getDocument(v1.id))!
      const [fixed, added] = doc.events as any[]
      assert.equal(fixed.type, 'AGREE'); assert.deepEqual(fixed.target_actor, { actor: 'analyst:norway', name: 'Norway' })
      assert.deepEqual(fixed.correction.machine, { type: 'CONSULT', target_actor: { actor: 'T:oslo', name: 'Oslo' } })
      // the selection is widened to its sentence; an added event says so and carries no machine provenance
      assert.equal(added.evidence.text, 'Both sides agreed to talk again in 3 weeks.'); assert.equal(doc.text.slice(added.evidence.start, added.evidence.end), added.evidence.text)
      assert.equal(added.correction.status, 'added'); assert.deepEqual([added.date, added.date_precision, added.source_actor.name], ['2024-05-01', 'day', 'envoy'])
      assert.equal(doc.claims.length, 0); assert.equal((doc as any).wrong_claims[0].reason, 'a delay, not a count')
      // the machine output underneath is unchanged
      assert.equal((await store.getDocument(v1.id))!.events[0]!.type, 'CONSULT')
      assert.deepEqual((await correctedStore(store).listEvents({ type: 'AGREE' })).map((e) => e.id), [`${v1.id}:e1`, added.id], 'by date, then id')
      assert.deepEqual(await correctedStore(store).listEvents({ type: 'CONSULT' }), [])
    } finally { await store.close() }
  })

  it('re-attaches to a new version of the page by span and machine values, and flags what it cannot find (#16)', async () => {
    const store = await openStore(':memory:')
    try {
      const v1 = fixtureDoc('d_ver1')
      await save(store, v1)
      const fix = await addCorrection(store, { kind: 'event.fix', event: v1.events[0]!.id, set: { location: 'Bergen' } }, CLI)
      const gone = await addCorrection(store, { kind: 'claim.wrong', doc: v1.id, claim: v1.claims[0]!.id, reason: 'no count' }, CLI)
      // version 2: new ids, every span moved by a new first paragraph
      const v2 = laterVersion(v1, 'd_ver2', 'Update: the page was edited.\n')
      await save(store, v2, 2, v1.id)
      let r = await resolveCorrections(store)
      assert.deepEqual(r.states.get(fix.id), { status: 'attached', doc: 'd_ver2', fact: 'd_ver2:e7', reason: null })
      assert.deepEqual(r.states.get(gone.id), { status: 'attached', doc: 'd_ver2', fact: 'd_ver2:c9', reason: null })
      const ev = (await correctedStore(store).getDocument('d_ver2'))!.events[0]!
      assert.equal(ev.location, 'Bergen')
      // version 3 drops the claim's sentence: that correction is orphaned (span gone), listed, never lost
      const keep = v2.text.indexOf('Both') - 1
      const v3: DocumentRecord = { ...v2, id: 'd_ver3', text: v2.text.slice(0, keep), source: { ...v2.source, sha256: 'd_ver3'.padEnd(64, '3') }, claims: [], events: v2.events.map((e) => ({ ...e, id: 'd_ver3:e1' })), body: [v2.text.slice(0, keep)], paragraphs: [{ start: 0, end: keep }] }
      await save(store, v3, 3, v2.id)
      r = await resolveCorrections(store)
      assert.deepEqual(r.states.get(gone.id), { status: 'orphaned', doc: 'd_ver3', fact: null, reason: 'span-gone' })
      assert.equal(r.states.get(fix.id)?.status, 'attached')
      assert.equal(r.corrections.length, 2)
      const { body } = await get(createApp(store), '/api/corrections?status=orphaned')
      assert.deepEqual(body.items.map((c: any) => [c.id, c.state.reason, c.anchor.path]), [[gone.id, 'span-gone', 'd_ver1.txt']])
    } finally { await store.close() }
  })

  it('an event no longer coded on its sentence leaves its correction orphaned (fact gone); a later judgement wins', () => {
    const v1 = fixtureDoc('d_gone')
    const e = v1.events[0]!
    const anchor = { doc: v1.id, path: v1.source.path, url: null, start: e.evidence.start, end: e.evidence.end, text: e.evidence.text, target: e.id, key: { type: 'CONSULT', source: 'T:envoy', target: 'T:oslo' } }
    const c = (id: string, kind: Correction['kind'], after: unknown = null): Correction => ({ id, kind, anchor, before: null, after, reason: 'r', author: 'a', via: 'cli', created_at: id, retracted_at: null, retracted_by: null })
    const none = applyCorrections({ ...v1, id: 'd_gone2', events: [] }, [c('1', 'event.wrong')])
    assert.deepEqual(none.states.get('1'), { status: 'orphaned', doc: 'd_gone2', fact: null, reason: 'fact-gone' })
    const wrongThenFixed = applyCorrections(v1, [c('1', 'event.wrong'), c('2', 'event.fix', { mode: 'visit' })])
    assert.equal(wrongThenFixed.doc.events[0]?.mode, 'visit'); assert.equal(wrongThenFixed.doc.wrong_events, undefined)
    const wrong = applyCorrections(v1, [c('1', 'event.accept'), c('2', 'event.wrong')])
    assert.equal(wrong.doc.events.length, 0); assert.deepEqual([...wrong.touched], [e.id])
  })

  it('gives per-type precision from the judgements so far', async () => {
    const store = await demo()
    try {
      await addCorrection(store, { kind: 'event.accept', event: 'ev_n1' }, CLI)
      await addCorrection(store, { kind: 'event.wrong', event: 'ev_c1', reason: 'a copy of the visit' }, CLI)
      await addCorrection(store, { kind: 'event.fix', event: 'ev_g2', set: { type: 'COOPERATE' } }, CLI)
      await addCorrection(store, { kind: 'event.fix', event: 'ev_e1', set: { date: '2024-02-19' } }, CLI)
      await addCorrection(store, { kind: 'document.reviewed', doc: 'd_demo_gulf' }, CLI)
      const s = await correctionStats(store)
      const by = Object.fromEntries(s.types.map((t) => [t.type, t]))
      // CONSULT: ev_n1 accepted, ev_c1 wrong, ev_g1 accepted by the review of its page
      assert.deepEqual([by.CONSULT.reviewed, by.CONSULT.accepted, by.CONSULT.wrong, by.CONSULT.precision], [3, 2, 1, 0.667])
      // AID: ev_g2 retyped (wrong), ev_e1 date fixed (type right)
      assert.deepEqual([by.AID.reviewed, by.AID.fixed, by.AID.retyped, by.AID.precision], [2, 1, 1, 0.5])
      assert.deepEqual([s.totals.reviewed, s.corrections, s.documents_reviewed], [5, 5, 1])
    } finally { await store.close() }
  })
})

const get = async (app: ReturnType<typeof createApp>, path: string, init?: RequestInit) => {
  const res = await app.request(path, init)
  return { res, body: await res.json() as any }
}
const post = (app: ReturnType<typeof createApp>, body: unknown, headers: Record<string, string> = {}) =>
  get(app, '/api/corrections', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

describe('corrections over HTTP', () => {
  it('needs the token to write, records who and how, and answers bad requests with 400/404', async () => {
    const store = await demo()
    try {
      const open = createApp(store), locked = createApp(store, { token: 's3cret' })
      assert.equal((await post(open, { kind: 'event.accept', event: 'ev_n1' })).res.status, 403)
      assert.equal((await post(locked, { kind: 'event.accept', event: 'ev_n1' })).res.status, 401)
      const auth = { authorization: 'Bearer s3cret' }
      const made = await post(locked, { kind: 'event.wrong', event: 'ev_e2', reason: 'Ukraine only quoted a report', by: 'Dana' }, auth)
      assert.equal(made.res.status, 201)
      assert.deepEqual([made.body.author, made.body.via, made.body.state.status, made.body.before.type, made.res.headers.get('location')], ['Dana', 'token', 'attached', 'ACCUSE', `/api/corrections/${made.body.id}`])
      for (const [body, status] of [[{ kind: 'event.wrong', event: 'ev_e1' }, 400], [{ kind: 'event.fix', event: 'ev_n1', set: { type: 'NOPE' } }, 400], [{ kind: 'event.accept', event: 'ev_none' }, 404],
        [{ kind: 'event.add', doc: 'd_demo_east', start: 5, end: 2, set: { type: 'AID' } }, 400], [{ kind: 'event.fix', event: 'ev_n1', set: {} }, 400]] as const)
        assert.equal((await post(locked, body, auth)).res.status, status, JSON.stringify(body))
      // the wrong event leaves the lists and the export; retracting it brings it back, and the record stays
      assert.deepEqual((await get(locked, '/api/events?type=ACCUSE')).body.items, [])
      const del = await get(locked, `/api/corrections/${made.body.id}?by=Eve`, { method: 'DELETE', headers: auth })
      assert.deepEqual([del.res.status, del.body.retracted_by, del.body.state.status], [200, 'Eve (token)', 'retracted'])
      assert.equal((await get(locked, '/api/events?type=ACCUSE')).body.items.length, 1)
      assert.equal((await get(locked, '/api/corrections?status=all')).body.total, 1)
      assert.equal((await get(locked, '/api/corrections')).body.total, 0)
    } finally { await store.close() }
  })

  it('a loopback server without a token takes corrections from its own pages only', async () => {
    const store = await demo()
    try {
      const app = createApp(store, { localWrites: true })
      const body = { kind: 'event.accept', event: 'ev_n1' }
      assert.equal((await post(app, body, { host: '127.0.0.1:8737', origin: 'http://127.0.0.1:8737', 'sec-fetch-site': 'same-origin' })).body.via, 'loopback')
      assert.equal((await post(app, body, { host: '127.0.0.1:8737', origin: 'http://evil.example' })).res.status, 403)
      assert.equal((await post(app, body, { 'sec-fetch-site': 'cross-site' })).res.status, 403)
      const form = await app.request('/api/corrections', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) })
      assert.equal(form.status, 403)
      // other writes still need a token
      assert.equal((await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"pages":[{"text":"x"}]}' })).status, 403)
    } finally { await store.close() }
  })

  it('merges two actors on every page and list, and retracting the merge splits them again', async () => {
    const store = await demo()
    try {
      const app = createApp(store, { token: 't' })
      const auth = { authorization: 'Bearer t' }
      const ids = async (q: string) => (await get(app, `/api/events?${q}&limit=500`)).body.items.map((e: any) => e.id).sort()
      const before = await ids('actor=a_min')
      assert.deepEqual(before, ['ev_c1', 'ev_n1'])
      const m = await post(app, { kind: 'actor.merge', actor: 'a_min', into: 'a_rus', reason: 'the minister stands for his state here' }, auth)
      assert.deepEqual([m.res.status, m.body.after.into.name, m.body.state.status], [201, 'Russia', 'attached'])
      assert.deepEqual(await ids('actor=a_min'), [])
      assert.ok((await ids('actor=a_rus')).includes('ev_n1'))
      assert.equal((await get(app, '/api/events/ev_n1')).body.event.source_actor.name, 'Russia')
      const actors = (await get(app, '/api/actors?limit=500')).body.items
      assert.ok(!actors.some((a: any) => a.id === 'a_min')); assert.ok(actors.find((a: any) => a.id === 'a_rus').aliases.includes('Petrov'))
      assert.equal((await get(app, '/api/actors/a_min')).res.status, 404)
      const north = (await get(app, '/api/documents/d_demo_north')).body
      assert.ok(!north.entities.some((e: any) => e.actor === 'a_min'))
      assert.ok(north.entities.find((e: any) => e.actor === 'a_rus').mentions.some((x: any) => x.text === 'Petrov'))
      assert.equal(north.quotes[0].speaker.name, 'Russia')
      assert.equal((await post(app, { kind: 'actor.merge', actor: 'a_rus', into: 'a_rus' }, auth)).res.status, 400)
      await get(app, `/api/corrections/${m.body.id}`, { method: 'DELETE', headers: auth })
      assert.deepEqual(await ids('actor=a_min'), before)
    } finally { await store.close() }
  })

  it('splits an actor off one page: that page\'s mentions, events and quotes name someone else, other pages keep it', async () => {
    const store = await demo()
    try {
      const app = createApp(store, { token: 't' })
      const auth = { authorization: 'Bearer t' }
      const s = await post(app, { kind: 'actor.split', doc: 'd_demo_copy', actor: 'a_min', as: { name: 'Another Petrov' }, reason: 'a namesake' }, auth)
      assert.deepEqual([s.res.status, s.body.after.as, s.body.state.status], [201, { actor: 'analyst:another-petrov', name: 'Another Petrov' }, 'attached'])
      const ids = async (q: string) => (await get(app, `/api/events?${q}&limit=500`)).body.items.map((e: any) => e.id).sort()
      assert.deepEqual(await ids('actor=a_min'), ['ev_n1'])
      assert.deepEqual(await ids('actor=analyst:another-petrov'), ['ev_c1'])
      const copy = (await get(app, '/api/documents/d_demo_copy')).body
      assert.deepEqual(copy.entities.filter((e: any) => e.name === 'Another Petrov').map((e: any) => e.mentions.map((m: any) => m.text)), [['Petrov']])
      assert.equal((await post(app, { kind: 'actor.split', doc: 'd_demo_copy', actor: 'a_nobody', as: { name: 'X' } }, auth)).res.status, 404)
    } finally { await store.close() }
  })

  it('shows corrected facts in the event card, the lists, the document, the export and the stats; documents them in OpenAPI', async () => {
    const store = await demo()
    try {
      const app = createApp(store, { token: 't' })
      const auth = { authorization: 'Bearer t' }
      await post(app, { kind: 'event.fix', event: 'ev_g2', set: { type: 'COOPERATE', date: '2024-02-21' } }, auth)
      const doc = (await get(app, '/api/documents/d_demo_north')).body
      const q = doc.quotes[0]
      const sp = await post(app, { kind: 'quote.speaker', doc: 'd_demo_north', quote: q.id, speaker: { name: 'Tehran' } }, auth)
      assert.deepEqual(sp.body.after.speaker, { actor: 'a_irn', name: 'Iran' }, 'a name or alias finds the known actor')
      const card = (await get(app, '/api/events/ev_g2')).body
      assert.equal(card.event.type, 'COOPERATE'); assert.deepEqual(card.event.correction.machine, { type: 'AID', date: '2024-02-20', date_precision: 'day' })
      const rows = (await get(app, '/api/events?from=2024-02-21&to=2024-02-21')).body.items
      assert.deepEqual(rows.map((e: any) => [e.id, e.type, e.source_name]), [['ev_g2', 'COOPERATE', 'Russia']])
      assert.equal((await get(app, '/api/documents/d_demo_north')).body.quotes[0].speaker.name, 'Iran')
      const exported: any[] = []
      for await (const r of exportRecords(correctedStore(store))) exported.push(r)
      const gulf = exported.find((r) => r.id === 'd_demo_gulf')
      assert.equal(gulf.events.find((e: any) => e.id === 'ev_g2').type, 'COOPERATE')
      const text = await (await app.request('/api/export?format=csv')).text()
      assert.match(text, /ev_g2,d_demo_gulf,Gulf Ledger,se_aid,COOPERATE/)
      const stats = (await get(app, '/api/corrections/stats')).body
      assert.deepEqual(stats.types.map((t: any) => [t.type, t.retyped]), [['AID', 1]])
      const spec = (await get(app, '/openapi.json')).body
      for (const p of ['/api/corrections', '/api/corrections/stats', '/api/corrections/{id}']) assert.ok(spec.paths[p], p)
      assert.ok(spec.paths['/api/corrections'].post && spec.paths['/api/corrections/{id}'].delete)
    } finally { await store.close() }
  })
})
