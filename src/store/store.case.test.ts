import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { DocumentRecord } from '../model/records.js'
import type { Store } from './store.js'
import { openStore } from './index.js'
import { runWatchlistStoreTests } from './watchlists.case.js'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TEST_PG, freshTestDatabase } from './test-pg.js'

/** A small document written for the tests (with an emoji and a combining mark, style.md §2). */
export function fixtureDoc(id = 'd_fixture1', text = 'The envoy 💩 met the mine\u0301ral minister in Oslo on Tuesday. Both sides agreed to talk again.'): DocumentRecord {
  const s1 = { start: 0, end: text.indexOf('.') + 1 }
  const envoy = text.indexOf('envoy'), oslo = text.indexOf('Oslo')
  return {
    kind: 'document', id, source: { path: `/tmp/${id}.txt`, url: null, sha256: id.padEnd(64, '0') }, outlet: 'Test Wire', copy_of: null,
    title: 'A test page', published: '2024-05-02', author: null, text, body: [text], paragraphs: [{ start: 0, end: text.length }], sentences: [s1],
    entities: [{ id: `${id}:n1`, actor: 'GPE:NOR-OSLO', name: 'Oslo', type: 'GPE', affiliation: 'NOR', code: 'NOR', mentions: [{ start: oslo, end: oslo + 4, text: 'Oslo' }] },
      { id: `${id}:n2`, actor: 'X:envoy', name: 'envoy', type: 'PERSON', affiliation: null, code: null, mentions: [{ start: envoy, end: envoy + 5, text: 'envoy' }] }],
    events: [{ id: `${id}:e1`, story_event: null, type: 'CONSULT', mode: 'meeting', source_actor: { actor: 'X:envoy', name: 'envoy' }, target_actor: { actor: 'GPE:NOR-OSLO', name: 'Oslo' },
      date: '2024-04-30', date_precision: 'day', location: 'Oslo', evidence: { ...s1, text: text.slice(s1.start, s1.end) } }],
    quotes: [], claims: [{ id: `${id}:c1`, what: 'sides', value: 2, qualifier: null, unit: 'sides', evidence: { start: s1.end + 1, end: text.length, text: text.slice(s1.end + 1) } }],
    framing: [], timex: [], messages: [{ source: 'test', ruleId: 'note', severity: 'info', reason: 'written by hand' }],
  }
}

/** The conformance suite every Store implementation runs (style.md §12). */
export function runStoreTests(name: string, makeStore: () => Promise<Store>): void {
  test(`${name}: saves a document with its facts and reads it back`, async () => {
    const store = await makeStore()
    try {
      const rec = fixtureDoc()
      await store.saveDocument(rec, { runId: 'r1', stages: [{ stage: 'tokens', status: 'ok', ms: 1 }], version: 1 })
      const back = await store.getDocument(rec.id)
      assert.equal(back?.text, rec.text)
      for (const e of back!.events) assert.equal(back!.text.slice(e.evidence.start, e.evidence.end), e.evidence.text)
      const events = await store.listEvents({ actor: 'X:envoy' })
      assert.equal(events.length, 1)
      assert.equal(events[0].outlet, 'Test Wire')
      assert.equal((await store.listEvents({ type: 'ASSAULT' })).length, 0)
      assert.equal((await store.listEvents({ from: '2024-04-30', to: '2024-04-30' })).length, 1)
      const st = await store.stats()
      assert.equal(st.documents, 1); assert.equal(st.events, 1); assert.equal(st.claims, 1)
      assert.equal((await store.search('mine\u0301ral'))[0]?.doc_id, rec.id)
    } finally { await store.close() }
  })

  test(`${name}: search finds current pages only, ranked by relevance, and every write bumps the generation`, async () => {
    const store = await makeStore()
    try {
      const g0 = await store.generation()
      const a = fixtureDoc('d_srch_a', 'The envoy met grain traders in Oslo. Grain, grain and more grain were discussed there.')
      const b = fixtureDoc('d_srch_b', 'The envoy from Oslo spoke at length. A grain deal was mentioned once.')
      await store.saveDocument(b, { runId: 'r1', stages: [], version: 1 })
      await store.saveDocument(a, { runId: 'r1', stages: [], version: 1 })
      assert.ok(await store.generation() >= g0 + 2)
      const hits = await store.search('GRAIN')
      assert.deepEqual([...new Set(hits.map((h) => h.doc_id))].sort(), ['d_srch_a', 'd_srch_b'])
      assert.equal(hits[0]!.doc_id, 'd_srch_a', 'the page that says it most comes first')
      // a new version of page a without the word: the old text is no longer found
      const a2 = fixtureDoc('d_srch_a2', 'The envoy left Oslo early. Nothing about cereals was said.')
      const g1 = await store.generation()
      await store.saveDocument({ ...a2, source: { ...a2.source, path: a.source.path } }, { runId: 'r2', stages: [], version: 2, replaces: a.id })
      assert.ok(await store.generation() > g1)
      assert.deepEqual([...new Set((await store.search('grain')).map((h) => h.doc_id))], ['d_srch_b'])
      assert.deepEqual([...new Set((await store.search('cereals')).map((h) => h.doc_id))], ['d_srch_a2'])
    } finally { await store.close() }
  })

  test(`${name}: an event keeps who alleges it and what produced it`, async () => {
    const store = await makeStore()
    try {
      const rec = fixtureDoc()
      const alleged = { ...rec, events: [{ ...rec.events[0], reported_by: 'the ministry', produced_by: { method: 'model' as const, detail: 'trigger model', score: 0.82 } }] }
      await store.saveDocument(alleged, { runId: 'r1', stages: [], version: 1 })
      const [row] = await store.listEvents({})
      assert.equal(row.reported_by, 'the ministry'); assert.deepEqual(row.produced_by, { method: 'model', detail: 'trigger model', score: 0.82 })
      const plain = fixtureDoc('d_plain')
      await store.saveDocument(plain, { runId: 'r1', stages: [], version: 1 })
      const [other] = await store.listEvents({ doc: 'd_plain' })
      assert.equal(other.reported_by, null); assert.equal(other.produced_by, null)
    } finally { await store.close() }
  })

  test(`${name}: quotes, claims and framing terms keep what produced them`, async () => {
    const store = await makeStore()
    try {
      const rec = fixtureDoc('d_made')
      const q = { start: 4, end: 9, text: rec.text.slice(4, 9) }
      const made = {
        ...rec,
        quotes: [{ id: 'd_made:q1', ...q, speaker: { actor: 'X:envoy', name: 'envoy' }, produced_by: { method: 'model' as const, detail: 'dependency parse (holds)', score: null } }],
        claims: rec.claims.map((c) => ({ ...c, produced_by: { method: 'rule' as const, detail: 'number pattern', score: null } })),
        framing: [{ ...q, term: 'envoy', neutral: 'diplomat', produced_by: { method: 'rule' as const, detail: 'framing lexicon entry "envoy"', score: null } }],
      }
      await store.saveDocument(made, { runId: 'r1', stages: [], version: 1 })
      const back = (await store.getDocument('d_made'))!
      assert.deepEqual(back.quotes[0]!.produced_by, { method: 'model', detail: 'dependency parse (holds)', score: null })
      assert.deepEqual(back.claims[0]!.produced_by, { method: 'rule', detail: 'number pattern', score: null })
      assert.deepEqual(back.framing[0]!.produced_by, { method: 'rule', detail: 'framing lexicon entry "envoy"', score: null })
    } finally { await store.close() }
  })

  test(`${name}: a new version supersedes the old one, a rejected page never touches stored ones`, async () => {
    const store = await makeStore()
    try {
      const v1 = fixtureDoc('d_v1')
      await store.saveDocument(v1, { runId: 'r1', stages: [], version: 1 })
      const v2 = { ...fixtureDoc('d_v2'), source: v1.source }
      await store.saveDocument(v2, { runId: 'r2', stages: [], version: 2, replaces: v1.id })
      assert.deepEqual((await store.allDocuments()).map((d) => d.id), ['d_v2'])
      assert.equal((await store.findLatest(v1.source.path, null))?.version, 2)
      await store.saveRejected({ id: 'd_bad', path: '/tmp/bad.bin', url: null, rawSha256: 'f'.repeat(64), reason: 'binary', messages: [], runId: 'r3' })
      assert.equal((await store.stats()).rejected, 1)
      assert.equal((await store.getDocument('d_v2'))?.text, v2.text)
    } finally { await store.close() }
  })

  test(`${name}: corpus results replace the previous ones and overlay the documents`, async () => {
    const store = await makeStore()
    try {
      const rec = fixtureDoc()
      await store.saveDocument(rec, { runId: 'r1', stages: [], version: 1 })
      await store.replaceCorpus({ actors: [{ kind: 'actor', id: 'X:envoy', name: 'envoy', type: 'PERSON', affiliation: null, code: null, aliases: ['envoy'], roles: [] }],
        records: [{ kind: 'story', id: 's1', title: 'A meeting', documents: [rec.id], story_events: ['se1'] }],
        eventStory: new Map([[rec.events[0].id, 'se1']]), docs: new Map([[rec.id, { published_inferred: { date: '2024-05-01', precision: 'day', basis: 'test' } }]]) })
      const back = await store.getDocument(rec.id)
      assert.equal(back?.events[0].story_event, 'se1')
      assert.equal(back?.published_inferred?.date, '2024-05-01')
      assert.equal((await store.listCorpus('story')).length, 1)
      assert.equal((await store.listActors())[0].events, 1)
    } finally { await store.close() }
  })

  test(`${name}: a batch of documents is written in order, all or nothing`, async () => {
    const store = await makeStore()
    try {
      const a1 = fixtureDoc('d_batch_a1'), b = fixtureDoc('d_batch_b')
      const a2 = { ...fixtureDoc('d_batch_a2'), source: { ...a1.source, sha256: 'a2'.padEnd(64, '0') } }
      // the second version of a page in the same batch sees the first and supersedes it
      assert.deepEqual(await store.saveDocuments([a1, a2, b].map((rec) => ({ rec, opts: { runId: 'r1', stages: [], version: 1 } }))), ['saved', 'saved', 'saved'])
      assert.deepEqual((await store.allDocuments()).map((d) => d.id).sort(), ['d_batch_a2', 'd_batch_b'])
      assert.equal((await store.findLatest(a1.source.path, null))?.version, 2)
      assert.deepEqual(await store.saveDocuments([{ rec: b, opts: { runId: 'r2', stages: [], version: 1 } }]), ['exists'])
      // pages written in one batch keep the order they came in (not their ids' order) in the documents list
      const zyx = ['d_batch_z', 'd_batch_y', 'd_batch_x']
      await store.saveDocuments(zyx.map((id) => ({ rec: fixtureDoc(id), opts: { runId: 'r2', stages: [], version: 1 } })))
      assert.deepEqual((await store.listDocuments()).map((d) => d.id).filter((id) => zyx.includes(id)), zyx)
      // one document the store refuses (a span that ends before it starts) and the batch is not written at all
      const g = await store.generation(), before = await store.stats()
      const c = fixtureDoc('d_batch_c'), bad = fixtureDoc('d_batch_bad')
      const broken = { ...bad, claims: [{ ...bad.claims[0]!, evidence: { start: 5, end: 2, text: '' } }] }
      await assert.rejects(store.saveDocuments([c, broken].map((rec) => ({ rec, opts: { runId: 'r3', stages: [], version: 1 } }))))
      assert.equal(await store.getDocument('d_batch_c'), null)
      assert.deepEqual(await store.stats(), before)
      assert.equal(await store.generation(), g)
    } finally { await store.close() }
  })

  test(`${name}: corpus results over more rows than one statement takes replace the previous ones`, async () => {
    const store = await makeStore()
    try {
      const base = fixtureDoc('d_many')
      const events = Array.from({ length: 450 }, (_, i) => ({ ...base.events[0]!, id: `d_many:e${i}` }))
      const rec = { ...base, events }, other = fixtureDoc('d_other'), copy = fixtureDoc('d_copy')
      for (const r of [rec, other, copy]) await store.saveDocument(r, { runId: 'r1', stages: [], version: 1 })
      const update = (story: string) => ({ actors: [], records: [],
        eventStory: new Map(events.map((e, i) => [e.id, `${story}${i % 7}`] as [string, string])),
        events: new Map([[events[3]!.id, { date: '2024-04-01', date_precision: 'day' as const, date_basis: 'test' }]]),
        docs: new Map<string, { published_inferred?: { date: string; precision: 'day'; basis: string } | null; duplicates?: { doc: string; relation: 'copy-of'; similarity: number }[]; copy_of?: string | null }>([
          [rec.id, { published_inferred: { date: '2024-05-01', precision: 'day', basis: 'test' } }],
          [copy.id, { duplicates: [{ doc: other.id, relation: 'copy-of', similarity: 1 }], copy_of: other.id }]]) })
      await store.replaceCorpus(update('se_a') as any)
      let back = (await store.getDocument(rec.id))!
      assert.deepEqual(back.events.map((e) => e.story_event), events.map((_, i) => `se_a${i % 7}`))
      assert.equal(back.events[3]!.date, '2024-04-01'); assert.equal(back.events[3]!.date_inferred, true)
      assert.equal(back.published_inferred?.date, '2024-05-01')
      const c = (await store.getDocument(copy.id))!
      assert.equal(c.copy_of, other.id); assert.equal(c.duplicates?.[0]?.doc, other.id)
      // a second analysis replaces the first: what it no longer says is gone
      await store.replaceCorpus({ actors: [], records: [], eventStory: new Map([[events[0]!.id, 'se_b']]), docs: new Map() })
      back = (await store.getDocument(rec.id))!
      assert.deepEqual(back.events.map((e) => e.story_event), events.map((_, i) => (i === 0 ? 'se_b' : null)))
      assert.equal(back.events[3]!.date_inferred, undefined); assert.equal(back.published_inferred, null)
      assert.deepEqual((await store.getDocument(copy.id))!.duplicates, [])
    } finally { await store.close() }
  })
  test(`${name}: the analysis of a part replaces exactly that part, and its index finds documents and records`, async () => {
    const store = await makeStore()
    try {
      const [a, b, c] = ['d_part_a', 'd_part_b', 'd_part_c'].map((id) => fixtureDoc(id))
      for (const r of [a, b, c]) await store.saveDocument(r, { runId: 'r1', stages: [], version: 1 })
      const se = (id: string, docs: typeof a[]) => ({ kind: 'story_event' as const, id, type: 'CONSULT', date: null, date_precision: null, source_actor: null, target_actor: null, location: 'Oslo',
        members: docs.map((d) => ({ doc: d.id, event: d.events[0]!.id })), independent_sources: docs.map((d) => d.id), first_reported_by: null, sources: [] })
      const story = (id: string, docs: typeof a[], ses: string[]) => ({ kind: 'story' as const, id, title: id, documents: docs.map((d) => d.id), story_events: ses })
      await store.replaceCorpus({ actors: [], records: [se('se_ab', [a, b]), se('se_c', [c]), story('st_ab', [a, b], ['se_ab']), story('st_c', [c], ['se_c'])],
        eventStory: new Map([[a.events[0]!.id, 'se_ab'], [b.events[0]!.id, 'se_ab'], [c.events[0]!.id, 'se_c']]), docs: new Map(),
        index: { keys: [['b:CONSULT|p|oslo', a.id], ['b:CONSULT|p|oslo', b.id], ['b:CONSULT|p|oslo', c.id], ['l:1', c.id], ['a:oslo', 'se_c']], terms: new Map([['envoy', 3], ['oslo', 2]]), sentences: 3 } })
      assert.equal(await store.hasCorpusIndex(), true)
      assert.deepEqual(await store.unindexedDocuments(10), [])
      assert.deepEqual((await store.keyRefs(['b:CONSULT|p|oslo'], 2, 'first')).get('b:CONSULT|p|oslo'), [a.id, b.id])
      assert.deepEqual((await store.keyRefs(['b:CONSULT|p|oslo'], 2, 'last')).get('b:CONSULT|p|oslo'), [b.id, c.id])
      assert.deepEqual((await store.corpusMembers([a.id])).map((m) => `${m.kind}:${m.id}:${m.doc_id}`).sort(),
        ['story:st_ab:d_part_a', 'story:st_ab:d_part_b', 'story_event:se_ab:d_part_a', 'story_event:se_ab:d_part_b'])
      assert.deepEqual(await store.termCounts(['envoy', 'nope']), { sentences: 3, df: new Map([['envoy', 3]]) })
      assert.deepEqual((await store.documentsByIds([c.id, a.id, 'd_nope'])).map((d) => d.id), [a.id, c.id], 'current documents, in ingest order')
      assert.equal(await store.latestPublished(), '2024-05-02')
      assert.equal((await store.documentOrder()).size, 3)
      // a and b analysed again apart: their records go, c's stay; their results are replaced, the index rows of what
      // `unindex` names go and the new ones come, the counts are added
      await store.replaceCorpusPart({ actors: [], records: [se('se_a', [a]), se('se_b', [b]), story('st_a', [a], ['se_a']), story('st_b', [b], ['se_b'])],
        eventStory: new Map([[a.events[0]!.id, 'se_a'], [b.events[0]!.id, 'se_b']]), docs: new Map([[a.id, { published_inferred: { date: '2024-05-01', precision: 'day', basis: 'test' } }]]),
        analysed: [a.id, b.id], remove: [{ kind: 'story_event', id: 'se_ab' }, { kind: 'story', id: 'st_ab' }], unindex: [b.id, 'se_c'],
        index: { keys: [['a:oslo', 'se_b']], terms: new Map([['envoy', 1], ['oslo', -2]]), sentences: 1 } })
      assert.deepEqual((await store.listCorpus('story')).map((r) => r.id), ['st_a', 'st_b', 'st_c'])
      assert.deepEqual((await store.listCorpus('story_event')).map((r) => r.id), ['se_a', 'se_b', 'se_c'])
      assert.deepEqual((await store.allDocuments()).map((d) => d.events[0]!.story_event), ['se_a', 'se_b', 'se_c'])
      assert.equal((await store.getDocument(a.id))?.published_inferred?.date, '2024-05-01')
      assert.deepEqual((await store.keyRefs(['b:CONSULT|p|oslo', 'l:1'], 5)).get('b:CONSULT|p|oslo'), [a.id, c.id])
      assert.deepEqual((await store.keyRefs(['l:1'], 5)).get('l:1'), [c.id])
      assert.deepEqual((await store.keyRefs(['a:oslo'], 5)).get('a:oslo'), ['se_b'])
      assert.deepEqual(await store.keyCounts(['b:CONSULT|p|oslo', 'a:oslo', 'x:none']), new Map([['b:CONSULT|p|oslo', 2], ['a:oslo', 1]]))
      assert.deepEqual(await store.termCounts(['envoy', 'oslo']), { sentences: 4, df: new Map([['envoy', 4]]) })
      assert.deepEqual((await store.corpusMembers([b.id])).map((m) => m.id).sort(), ['se_b', 'st_b'])
      assert.equal(await store.corpusDue(), false)
      // a page stored since (by any writer) is not indexed until an analysis takes it (b lost its rows above)
      await store.saveDocument(fixtureDoc('d_part_d'), { runId: 'r2', stages: [], version: 1 })
      assert.deepEqual(await store.unindexedDocuments(10), [b.id, 'd_part_d'])
    } finally { await store.close() }
  })

  test(`${name}: an ingest job is kept as it stands, and jobs left queued or running are failed once`, async () => {
    const store = await makeStore()
    try {
      await store.saveJob({ id: 'job_a', status: 'queued', created_at: '2026-01-01T00:00:00.000Z' })
      await store.saveJob({ id: 'job_a', status: 'done', created_at: '2026-01-01T00:00:00.000Z', result: { stored: 3 } } as any)
      await store.saveJob({ id: 'job_b', status: 'running', created_at: '2026-01-01T00:00:01.000Z' })
      assert.deepEqual((await store.getJob('job_a'))?.result, { stored: 3 })
      assert.equal(await store.abandonJobs('stopped', '2026-01-02T00:00:00.000Z'), 1)
      assert.deepEqual([(await store.getJob('job_b'))?.status, (await store.getJob('job_b'))?.error], ['failed', 'stopped'])
      assert.equal(await store.abandonJobs('stopped', '2026-01-02T00:00:00.000Z'), 0)
      assert.equal(await store.getJob('job_nope'), null)
    } finally { await store.close() }
  })

  runWatchlistStoreTests(name, makeStore, fixtureDoc)
  test(`${name}: corrections are kept apart from machine output, with their audit fields, and outlive a new version of their page (#16)`, async () => {
    const store = await makeStore()
    try {
      const v1 = fixtureDoc('d_cor_v1')
      await store.saveDocument(v1, { runId: 'r1', stages: [], version: 1 })
      const g0 = await store.generation()
      const ev = v1.events[0]!
      const anchor = { doc: v1.id, path: v1.source.path, url: null, start: ev.evidence.start, end: ev.evidence.end, text: ev.evidence.text, target: ev.id, key: { type: 'CONSULT', source: 'X:envoy', target: 'GPE:NOR-OSLO', trigger: null } }
      const fix = await store.corrections.add({ kind: 'event.fix', anchor, before: { type: 'CONSULT' }, after: { type: 'MEET 💩' }, reason: 'a meeting', author: 'Ana', via: 'cli' })
      const wrong = await store.corrections.add({ kind: 'claim.wrong', anchor: { ...anchor, target: 'd_cor_v1:c1', key: { value: 2 } }, before: null, after: null, reason: 'not a count', author: 'Ben', via: 'token' })
      assert.ok((await store.generation()) > g0, 'a correction moves the generation (cached reads are rebuilt)')
      assert.match(fix.id, /^cor_/); assert.ok(fix.created_at < wrong.created_at)
      assert.deepEqual(await store.corrections.get(fix.id), fix)
      assert.deepEqual(fix.anchor, anchor)
      // machine output is untouched by a correction, and a new version of the page leaves every correction in place
      assert.equal((await store.listEvents({}))[0]!.type, 'CONSULT')
      await store.saveDocument(fixtureDoc('d_cor_v2', 'A new first line. ' + v1.text), { runId: 'r2', stages: [], version: 2, replaces: v1.id })
      assert.deepEqual((await store.corrections.list()).map((c) => c.id), [fix.id, wrong.id])
      const back = await store.corrections.retract(wrong.id, { author: 'Cy', via: 'token' })
      assert.equal(back?.retracted_by, 'Cy (token)')
      assert.deepEqual((await store.corrections.list()).map((c) => c.id), [fix.id])
      assert.deepEqual((await store.corrections.list({ retracted: true })).map((c) => [c.id, c.retracted_at != null]), [[fix.id, false], [wrong.id, true]])
      assert.equal(await store.corrections.retract('cor_nope', { author: 'x', via: 'cli' }), null)
    } finally { await store.close() }
  })
}

runStoreTests('sqlite', () => openStore(':memory:'))

test('sqlite: a store made before the provenance columns gets them, filled from its document records', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-store-'))
  try {
    const file = join(dir, 'old.sqlite')
    const rec = fixtureDoc()
    let store = await openStore(file)
    await store.saveDocument({ ...rec, events: [{ ...rec.events[0], reported_by: 'officials', produced_by: { method: 'rule', detail: 'meet: CONSULT', score: null } }] }, { runId: 'r1', stages: [], version: 1 })
    await store.close()
    const raw = new Database(file)
    raw.exec('alter table events drop column reported_by; alter table events drop column produced_by')
    raw.close()
    store = await openStore(file)
    try {
      const [row] = await store.listEvents({})
      assert.equal(row.reported_by, 'officials'); assert.deepEqual(row.produced_by, { method: 'rule', detail: 'meet: CONSULT', score: null })
    } finally { await store.close() }
  } finally { rmSync(dir, { recursive: true, force: true }) }
})

// PostgreSQL runs the same suite when a server is given: each test gets a database of its own.
if (TEST_PG) runStoreTests('postgres', async () => openStore(await freshTestDatabase('dossier_test')))
else test('postgres: conformance suite', { skip: 'set DOSSIER_TEST_PG=postgres://… to run it on a real server' }, () => {})

test('sqlite: a store made before the full-text index gets it filled from its stored records when opened', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-fts-'))
  try {
    const file = join(dir, 'old.db')
    const store = await openStore(file)
    await store.saveDocument(fixtureDoc('d_old', 'The envoy met the grain board in Oslo. Talks went on.'), { runId: 'r1', stages: [], version: 1 })
    await store.close()
    const raw = new Database(file); raw.exec('drop table doc_fts'); raw.close()
    const again = await openStore(file)
    try { assert.deepEqual((await again.search('grain board')).map((h) => h.doc_id), ['d_old']) } finally { await again.close() }
  } finally { rmSync(dir, { recursive: true, force: true }) }
})

test('sqlite: every per-document delete and look-up ingest runs is an index search, never a scan of the table', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-plan-'))
  try {
    const file = join(dir, 'plan.db')
    await (await openStore(file)).close()
    const raw = new Database(file, { readonly: true })
    try {
      const plan = (q: string) => (raw.prepare('explain query plan ' + q).all(...Array((q.match(/\?/g) ?? []).length).fill('x')) as { detail: string }[]).map((r) => r.detail).join(' | ')
      const queries = [
        ...['mentions', 'events', 'quotes', 'claims', 'messages', 'stage_runs'].map((t) => `delete from ${t} where doc_id = ?`),
        'select id from documents where raw_sha256 = ?', 'select id from documents where superseded_by is null and path = ?',
        'select id from documents where superseded_by is null and url = ?', 'delete from documents where id = ?',
        'select id from events where doc_id in (?, ?)', 'select value from store_meta where key = ?',
        // the incremental analysis's look-ups (src/corpus/incremental.ts)
        'select ref from corpus_keys where key = ? order by ord desc limit 64', 'delete from corpus_keys where ref in (?, ?)',
        'select kind, id from corpus_docs where doc_id in (?, ?)', 'select doc_id from corpus_docs where kind = ? and id = ?', 'select df from term_df where term in (?, ?)',
      ]
      for (const q of queries) assert.match(plan(q), /^SEARCH \w+ USING (COVERING )?INDEX/, `${q}: ${plan(q)}`)
    } finally { raw.close() }
  } finally { rmSync(dir, { recursive: true, force: true }) }
})
