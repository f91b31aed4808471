import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { openStore } from '../store/index.js'
import { finishDueAnalysis, ingest } from './ingest.js'
import { GOOD_PAGE } from './test-page.js'
import { TEST_PG, freshTestDatabase } from '../store/test-pg.js'

/** A plain scraped page, written for this test. */

function folderWithBadPages(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-ingest-'))
  writeFileSync(join(dir, 'a-good.txt'), GOOD_PAGE)
  writeFileSync(join(dir, 'b-empty.txt'), '')
  writeFileSync(join(dir, 'c-binary.txt'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)))
  writeFileSync(join(dir, 'd-invalid-utf8.txt'), Buffer.concat([Buffer.from('Some text then '), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from(' more text')]))
  writeFileSync(join(dir, 'e-huge.html'), Buffer.alloc(50 * 1024 * 1024, 'a'))
  writeFileSync(join(dir, 'f-hostile.html'), `<html><head><title>Envoys meet</title><script>window.__pwned = 1</script></head><body onload="window.__pwned=2">
<article><h1>Envoys meet in Oslo</h1><p>Foreign ministers from Norway and Finland met in Oslo on Monday to discuss a grain corridor, officials said in a statement.</p>
<p><img src=x onerror="window.__pwned=3">The talks covered shipping insurance and the safety of crews &lt;script&gt;alert(1)&lt;/script&gt; in the Baltic Sea.</p>
<p><a href="javascript:window.__pwned=4">More</a> The ministers said they would meet again in Helsinki next month to sign an agreement.</p></article></body></html>`)
  writeFileSync(join(dir, 'g-feed.jsonl'), [JSON.stringify({ url: 'https://example.test/a', text: GOOD_PAGE.replace('Oslo', 'Bergen') }), '{not json', JSON.stringify({ url: 'https://example.test/b' })].join('\n'))
  writeFileSync(join(dir, 'h-picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))
  return dir
}

test('bad pages are rejected with their reason, the run goes on, good pages are stored', async () => {
  const store = await openStore(':memory:')
  const dir = folderWithBadPages()
  const sum = await ingest(store, [dir])
  const reasons = Object.fromEntries(sum.rejected.map((r) => [r.path!.split('/').pop(), r.ruleId]))
  assert.equal(reasons['b-empty.txt'], 'empty')
  assert.equal(reasons['c-binary.txt'], 'binary')
  assert.equal(reasons['d-invalid-utf8.txt'], 'invalid-utf8')
  assert.equal(reasons['e-huge.html'], 'too-large')
  assert.deepEqual(sum.skipped.map((p) => p.split('/').pop()), ['h-picture.png'])
  assert.equal(reasons['g-feed.jsonl#2'], 'invalid-json')
  assert.equal(reasons['g-feed.jsonl#3'], 'no-content')
  assert.equal(sum.stored, 3, JSON.stringify(sum, null, 1))
  const docs = await store.listDocuments({ status: 'all' })
  assert.equal(docs.filter((d) => d.status === 'rejected').length, sum.rejected.length)
  const hostile = (await store.allDocuments()).find((d) => d.source.path!.endsWith('f-hostile.html'))!
  assert.ok(!hostile.text.includes('__pwned = 1'), 'script content is not article text')
  const png = await ingest(store, [join(dir, 'h-picture.png')])
  assert.equal(png.rejected[0]?.ruleId, 'binary')
  await store.close()
})

test('re-ingesting the same bytes changes nothing; a changed page becomes a new version', async () => {
  const store = await openStore(':memory:')
  const dir = mkdtempSync(join(tmpdir(), 'dossier-versions-'))
  const file = join(dir, 'page.txt')
  writeFileSync(file, GOOD_PAGE)
  const first = await ingest(store, [dir])
  assert.equal(first.stored, 1)
  const again = await ingest(store, [dir])
  assert.equal(again.stored, 0); assert.equal(again.unchanged, 1)
  writeFileSync(file, GOOD_PAGE.replace('next month', 'in two weeks'))
  const changed = await ingest(store, [dir])
  assert.equal(changed.versions, 1)
  const docs = await store.allDocuments()
  assert.equal(docs.length, 1)
  assert.ok(docs[0].text.includes('in two weeks'))
  assert.equal((await store.listDocuments())[0].version, 2)
  await store.close()
})

test('every stored span matches its text', async () => {
  const store = await openStore(':memory:')
  const dir = mkdtempSync(join(tmpdir(), 'dossier-spans-'))
  mkdirSync(join(dir, 'sub'))
  writeFileSync(join(dir, 'sub', 'page.txt'), GOOD_PAGE)
  await ingest(store, [dir])
  for (const d of await store.allDocuments()) {
    for (const e of d.entities) for (const m of e.mentions) assert.equal(d.text.slice(m.start, m.end), m.text)
    for (const e of d.events) assert.equal(d.text.slice(e.evidence.start, e.evidence.end), e.evidence.text)
    for (const q of d.quotes) assert.equal(d.text.slice(q.start, q.end), q.text)
    for (const c of d.claims) assert.equal(d.text.slice(c.evidence.start, c.evidence.end), c.evidence.text)
    d.paragraphs.forEach((p, i) => assert.equal(d.text.slice(p.start, p.end), d.body[i]))
  }
  await store.close()
})

/** Ingests five example pages then one more, with the analysis in this thread or in a worker on its own connection to `target`; what came out. */
async function analysedTwice(target: () => Promise<string>, worker: boolean) {
  const examples = join(import.meta.dirname, '..', '..', 'examples')
  const files = ['caspian-ledger.txt', 'daily-brief-hub.txt', 'eurasia-desk-notes.txt', 'gulf-monitor.html', 'northern-observer.html', 'tehran-evening-wire.txt']
  const url = await target()
  const store = await openStore(url)
  try {
    const sums: object[] = []
    // the whole analysis (no index yet), then a part (one more page onto the indexed store)
    for (const batch of [files.slice(0, 5), files.slice(5)]) {
      const { run: _r, seconds: _s, ...sum } = await ingest(store, batch.map((f) => join(examples, f)), { maxPartShare: 1, ...(worker ? { analysisStore: url } : {}) })
      sums.push({ ...sum, skipped: sum.skipped.length })
    }
    const corpus = JSON.stringify(await Promise.all((['story', 'story_event', 'contradiction', 'outlet'] as const).map((k) => store.listCorpus(k))))
    return { sums, corpus, due: await store.corpusDue(), index: await store.hasCorpusIndex() }
  } finally { await store.close() }
}
function sameAnalysis(here: Awaited<ReturnType<typeof analysedTwice>>, there: typeof here) {
  assert.deepEqual(there.sums, here.sums)
  assert.equal((here.sums[0] as any).analysis.scope, 'whole'); assert.equal((here.sums[1] as any).analysis.scope, 'part')
  assert.equal(there.corpus, here.corpus)
  assert.ok(here.corpus.length > 100, 'the analysis found stories')
  assert.equal(there.due, false); assert.equal(there.index, true)
}

test('the cross-source analysis in a worker thread on its own connection (analysisStore) gives the same corpus, summary and marks as in this thread', { timeout: 240_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-analysis-worker-'))
  const file = (name: string) => async () => join(dir, name)
  sameAnalysis(await analysedTwice(file('here.db'), false), await analysedTwice(file('there.db'), true))
})

const PG = TEST_PG
const freshPg = () => freshTestDatabase('dossier_aw')
test('postgres: the analysis in a worker thread on its own connection gives the same corpus, summary and marks', { timeout: 240_000, skip: PG ? false : 'set DOSSIER_TEST_PG=postgres://… to run it on a real server' }, async () => {
  sameAnalysis(await analysedTwice(freshPg, false), await analysedTwice(freshPg, true))
})

test('an analysis worker that fails (the store cannot be opened) fails the ingest with the reason, and the analysis stays due', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-analysis-fail-'))
  const store = await openStore(join(dir, 'a.db'))
  writeFileSync(join(dir, 'p.txt'), GOOD_PAGE)
  await assert.rejects(ingest(store, [join(dir, 'p.txt')], { analysisStore: join(dir, 'missing', 'b.db') }), /Expected the folder of the store/)
  assert.equal(await store.corpusDue(), true)
  await store.close()
})

test('an analysis left due (pages stored without it) is finished by the next writing command that stores nothing (watch: finishDueAnalysis)', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-due-'))
  const store = await openStore(join(dir, 'd.db'))
  writeFileSync(join(dir, 'p.txt'), GOOD_PAGE)
  const sum = await ingest(store, [join(dir, 'p.txt')], { skipCorpus: true })
  assert.equal(sum.stored, 1); assert.equal(sum.corpus, undefined)
  assert.equal(await store.corpusDue(), true)
  assert.equal(await finishDueAnalysis(store), true)
  assert.equal(await store.corpusDue(), false)
  assert.ok((await store.listActors({ limit: 10 })).length > 0, 'the analysis stored its actors')
  assert.equal(await finishDueAnalysis(store), false, 'nothing owed any more')
  await store.close()
})
