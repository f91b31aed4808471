import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ingest, reanalyze } from '../ingest/ingest.js'
import { EXAMPLES_DIR, SHARED } from '../paths.js'
import { defaultPipeline } from '../pipeline/default.js'
import { openStore } from '../store/index.js'
import type { Store } from '../store/store.js'

/** Everything the cross-source analysis stores, in a comparable form. */
async function analysisOf(store: Store) {
  const corpus: Record<string, unknown[]> = {}
  for (const kind of ['story', 'story_event', 'contradiction', 'outlet'] as const) corpus[kind] = (await store.listCorpus(kind)).sort((a, b) => a.id.localeCompare(b.id))
  const docs = (await store.allDocuments()).map((d) => ({ id: d.id, copy_of: d.copy_of, published_inferred: d.published_inferred, duplicates: d.duplicates,
    events: d.events.map((e) => ({ id: e.id, story_event: e.story_event, date: e.date, date_precision: e.date_precision, date_basis: e.date_basis })) }))
  const actors = (await store.listActors({ limit: 100000 })).sort((a, b) => a.id.localeCompare(b.id))
  return { corpus, docs, actors }
}

/** Ingests the pages one at a time (each analysed as a part) into one store, all at once then `reanalyze` into another, and compares. */
async function oneByOneEqualsWhole(pages: readonly string[]): Promise<void> {
  const { pipeline } = defaultPipeline()
  const apart = await openStore(':memory:'), whole = await openStore(':memory:')
  try {
    const scopes: string[] = []
    for (const p of pages) {
      const sum = await ingest(apart, [p], { pipeline, recursive: false, maxPartShare: 1 })
      scopes.push(sum.analysis?.scope ?? 'none')
    }
    assert.ok(scopes.slice(1).includes('part'), `some pages are analysed as a part (${scopes.join(' ')})`)
    await ingest(whole, [...pages], { pipeline, recursive: false, skipCorpus: true })
    await reanalyze(whole)
    const a = await analysisOf(apart), b = await analysisOf(whole)
    assert.ok(b.corpus.story_event!.length > 0)
    assert.deepEqual(a.docs, b.docs)
    for (const kind of Object.keys(b.corpus)) assert.deepEqual(a.corpus[kind], b.corpus[kind], `${kind} records`)
    assert.deepEqual(a.actors, b.actors)
  } finally { await apart.close(); await whole.close() }
}

const pagesIn = (dir: string) => readdirSync(dir).filter((f) => /\.(txt|html|jsonl)$/.test(f)).sort().map((f) => join(dir, f))

test('the examples ingested one page at a time give the analysis of all of them at once (incremental == reanalyze)', async () => {
  await oneByOneEqualsWhole(pagesIn(EXAMPLES_DIR))
})

test('the seed pages ingested one at a time give the analysis of all of them at once', { skip: !existsSync(join(SHARED, 'seeds')) && 'no ../shared seeds' }, async () => {
  await oneByOneEqualsWhole(pagesIn(join(SHARED, 'seeds')))
})

test('a page is analysed with the part of the corpus it meets, and the result is the whole analysis', async () => {
  const { addClaim, addEvent, makeDoc, tinyKb } = await import('./fixtures.js')
  const { analyzeCorpus } = await import('./index.js')
  const { analyzeIncrement } = await import('./incremental.js')
  const kb = tinyKb([
    { id: 'T:norland', name: 'Norland', type: 'GPE', affiliation: 'NOR', code: 'NOR' }, { id: 'T:suderia', name: 'Suderia', type: 'GPE', affiliation: 'SUD', code: 'SUD' },
    { id: 'T:anna-berg', name: 'Anna Berg', type: 'PERSON', affiliation: 'NOR', code: null }, { id: 'T:tomas-rey', name: 'Tomas Rey', type: 'PERSON', affiliation: 'SUD', code: null },
    { id: 'T:ole-dahl', name: 'Ole Dahl', type: 'PERSON', affiliation: 'NOR', code: null }, { id: 'T:porto-alto', name: 'Porto Alto', type: 'GPE', affiliation: 'SUD', code: null },
  ])
  const visit = (id: string, outlet: string, text: string, date: string | null) => {
    const d = makeDoc({ id, outlet, published: date ? '2024-05-14' : null, text })
    addEvent(d, { n: 1, type: 'CONSULT', source: 'Anna Berg', target: 'Tomas Rey', date, basis: date ? 'stated' : 'unresolved', location: 'Porto Alto', needle: 'arrived in Porto Alto', trigger: 'arrived' })
    return d
  }
  const strike = (id: string, outlet: string, killed: number) => {
    const d = makeDoc({ id, outlet, published: '2024-06-02', text: `A strike on a depot in Norland on Saturday killed ${killed} people, 💩 officials said.` })
    addEvent(d, { n: 1, type: 'ASSAULT', source: null, target: 'Norland', date: '2024-06-01', location: 'Norland', needle: 'strike on a depot', trigger: 'strike' })
    addClaim(d, 1, killed, null, 'people killed', `killed ${killed}`)
    return d
  }
  const docs = [
    visit('a', 'Northern Ledger', 'Anna Berg arrived in Porto Alto on Monday for talks with Tomas Rey on river shipping.', '2024-05-13'),
    strike('s1', 'Southern Wire', 12),
    visit('b', 'Southern Wire', 'Anna Berg arrived in Porto Alto on Monday for talks with President Tomas Rey about shipping on the river.', null),
    makeDoc({ id: 'q', outlet: 'Quiet Times', published: '2024-03-01', text: 'Ole Dahl opened a bridge in Norland on Friday.' }),
    strike('s2', 'Northern Ledger', 14),
    { ...visit('c', 'Clickfarm', 'Anna Berg arrived in Porto Alto on Monday for talks with Tomas Rey on river shipping.', '2024-05-13'), published: '2024-05-15' },
  ]
  addEvent(docs[3] as ReturnType<typeof makeDoc>, { n: 1, type: 'ENGAGE', source: 'Ole Dahl', target: null, date: '2024-02-28', location: 'Norland', needle: 'opened a bridge', trigger: 'opened' })
  const apart = await openStore(':memory:'), whole = await openStore(':memory:')
  try {
    const analysed: number[] = []
    for (const [i, d] of docs.entries()) {
      await apart.saveDocument(d, { runId: 'r1', stages: [], version: 1 })
      if (i === 0) { await apart.replaceCorpus(analyzeCorpus(await apart.allDocuments(), { kb })); continue }
      const r = await analyzeIncrement(apart, [d.id], kb, { maxShare: 1 })
      assert.ok('analysed' in r, JSON.stringify(r))
      analysed.push(r.analysed)
    }
    // the bridge meets nothing; the second strike meets the first; the copy meets its original and the visit
    assert.equal(analysed[2], 1, `the unrelated page is analysed alone (${analysed.join(' ')})`)
    assert.ok(analysed[3]! < docs.length - 1 && analysed[4]! < docs.length, `parts stay parts (${analysed.join(' ')})`)
    for (const d of docs) await whole.saveDocument(d, { runId: 'r1', stages: [], version: 1 })
    await whole.replaceCorpus(analyzeCorpus(await whole.allDocuments(), { kb }))
    const a = await analysisOf(apart), b = await analysisOf(whole)
    assert.ok((b.corpus.contradiction ?? []).length > 0, 'the two tolls disagree')
    assert.deepEqual(a, b)
  } finally { await apart.close(); await whole.close() }
})
