import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { CORPUS_DIR, pageAt, type QueueScaleResult, type ScaleResult } from './scale.js'

test('scale benchmark pages: the corpus in a spread order, then new articles made of two, with URLs of their own; the same every run', () => {
  const art = (id: number, words: string) => JSON.stringify({ url: `https://www.tehrantimes.com/news/${id}/slug-${id}`, text: `TEHRAN – ${words} one. ${words} two. ${words} three. ${words} four.` })
  const lines = [art(1, 'Alpha'), art(2, 'Beta'), art(3, 'Gamma')]
  const pages = Array.from({ length: 9 }, (_, k) => JSON.parse(pageAt(lines, k)) as { url: string; text: string })
  // the first M pages are the M articles, each once
  assert.deepEqual(pages.slice(0, 3).map((p) => p.url).sort(), [1, 2, 3].map((i) => `https://www.tehrantimes.com/news/${i}/slug-${i}`))
  // past them, every page is new: a URL never seen, text that is no article's
  const urls = new Set(pages.map((p) => p.url)), texts = new Set(pages.map((p) => p.text))
  assert.equal(urls.size, 9)
  for (const p of pages.slice(3)) { assert.match(p.url, /\/news\/\d+-\d\//); assert.ok(!lines.some((l) => JSON.parse(l).text === p.text)) }
  assert.ok(texts.size > 3)
  assert.deepEqual(Array.from({ length: 9 }, (_, k) => pageAt(lines, k)), pages.map((p) => JSON.stringify(p)))
})

test('npm run bench:scale runs end to end on 20 pages and reports every figure (no timing is checked)', { timeout: 240_000, skip: existsSync(CORPUS_DIR) ? false : `no corpus at ${CORPUS_DIR}` }, () => {
  const script = fileURLToPath(new URL('./scale.js', import.meta.url))
  const r = spawnSync(process.execPath, [script, '--docs', '20', '--add', '1,3', '--requests', '2', '--json'], { encoding: 'utf8', timeout: 230_000 })
  assert.equal(r.status, 0, r.stderr.slice(-2000))
  assert.match(r.stderr, /bench:scale: .*pages written/, 'progress goes to stderr')
  const out = JSON.parse(r.stdout) as ScaleResult
  assert.equal(out.docs, 20)
  assert.equal(out.ingest.pages, 20); assert.equal(out.ingest.stored + out.ingest.rejected, 20)
  assert.ok(out.ingest.stored >= 18, `most pages are stored (${out.ingest.stored})`)
  for (const k of ['1', '3']) { assert.equal(out.add[k]!.pages, Number(k)); assert.ok(out.add[k]!.seconds > 0) }
  for (const x of [out.ingest.pagesPerSecond, out.ingest.peakRssMB, out.store.bytes, out.store.bytesPerPage, out.ingest.corpusSeconds]) assert.ok(Number.isFinite(x) && x > 0)
  for (const name of ['overview', 'events (first page)', 'document', 'documents page', 'search']) {
    const q = out.api.queries[name]
    assert.ok(q && q.n === 2 && Number.isFinite(q.p95), `${name}: ${JSON.stringify(q)}`)
  }
})

const PG = process.env.DOSSIER_TEST_PG
test('npm run bench:scale -- --queue runs end to end on 20 pages with a worker killed mid-run, and counts nothing lost or stored twice (no timing is checked)', {
  timeout: 240_000, skip: !PG ? 'set DOSSIER_TEST_PG=postgres://… to run it on a real server' : existsSync(CORPUS_DIR) ? false : `no corpus at ${CORPUS_DIR}`,
}, () => {
  const script = fileURLToPath(new URL('./scale.js', import.meta.url))
  const r = spawnSync(process.execPath, [script, '--queue', '--docs', '20', '--workers', '2', '--lease', '6', '--kill-at', '4', '--db', PG!, '--json'], { encoding: 'utf8', timeout: 230_000 })
  assert.equal(r.status, 0, r.stderr.slice(-2000))
  assert.match(r.stderr, /killed worker 1 .* with SIGKILL/)
  const out = JSON.parse(r.stdout) as QueueScaleResult
  assert.equal(out.enqueue.enqueued, 20)
  assert.ok(out.kill.atDone >= 4)
  assert.deepEqual([out.census.jobs, out.census.done, out.census.lost, out.census.duplicated, out.census.documents], [20, 20, 0, 0, 20])
  for (const x of [out.work.pagesPerSecond, out.work.seconds, out.enqueue.pagesPerSecond]) assert.ok(Number.isFinite(x) && x > 0)
})
