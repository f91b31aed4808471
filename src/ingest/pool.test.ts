import { test } from 'node:test'
import assert from 'node:assert/strict'
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { spawnSync } from 'node:child_process'
import { EXAMPLES_DIR, REPO_ROOT } from '../paths.js'
import { openStore } from '../store/index.js'
import type { Store } from '../store/store.js'
import { ingest, type IngestSummary } from './ingest.js'
import { GOOD_PAGE } from './test-page.js'

/** The example pages, plus the cases whose order matters: a copy of a page's bytes, rejected pages between read ones, a file of many pages. */
function mixedFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-pool-'))
  for (const f of readdirSync(EXAMPLES_DIR)) if (/\.(txt|html|jsonl)$/.test(f)) copyFileSync(join(EXAMPLES_DIR, f), join(dir, f))
  copyFileSync(join(EXAMPLES_DIR, 'volga-herald.txt'), join(dir, 'w-same-bytes.txt'))
  writeFileSync(join(dir, 'c-empty.txt'), '')
  writeFileSync(join(dir, 'd-chrome-only.html'), '<html><body><nav>Home · World · Sport</nav></body></html>')
  writeFileSync(join(dir, 'm-many.jsonl'), [JSON.stringify({ url: 'https://example.test/a', text: GOOD_PAGE }), '{not json', JSON.stringify({ url: 'https://example.test/a2', text: GOOD_PAGE }),
    JSON.stringify({ url: 'https://example.test/b', text: GOOD_PAGE.replace('Oslo', 'Bergen') })].join('\n'))
  return dir
}

/** What a store holds, in the order it holds it (ingest order), without run ids and times. */
async function contents(store: Store) {
  const listed = await store.listDocuments({ status: 'all', limit: 1000 })
  return {
    listed: listed.map(({ ingested_at: _t, ...d }) => d),
    docs: await store.allDocuments(),
    stories: await store.listCorpus('story'), storyEvents: await store.listCorpus('story_event'), contradictions: await store.listCorpus('contradiction'),
    actors: await store.listActors({ limit: 100_000 }),
  }
}
const plain = (s: IngestSummary) => ({ ...s, run: '', seconds: 0, rejected: s.rejected.map((r) => ({ ...r, path: r.path?.split('/').pop() })), skipped: s.skipped.map((p) => p.split('/').pop()) })

test('reading in 2 worker threads stores exactly what reading in the main thread stores, in the same order', { timeout: 240_000 }, async () => {
  const dir = mixedFolder()
  try {
    const here = await openStore(':memory:'), pooled = await openStore(':memory:')
    try {
      const a = await ingest(here, [dir]), b = await ingest(pooled, [dir], { workers: 2 })
      assert.ok(a.stored >= 10 && a.unchanged >= 1 && a.rejected.length >= 2, JSON.stringify(plain(a)))
      assert.deepEqual(plain(b), plain(a))
      assert.deepEqual(await contents(pooled), await contents(here))
      // a second run stores nothing, and says so the same way
      const again = await ingest(pooled, [dir], { workers: 2 })
      assert.equal(again.stored, 0)
      assert.deepEqual(plain(again), plain(await ingest(here, [dir])))
    } finally { await here.close(); await pooled.close() }
  } finally { rmSync(dir, { recursive: true, force: true }) }
})

test('dossier ingest --workers: a whole number of threads, or a one-line usage error', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-pool-cli-'))
  try {
    const run = (...args: string[]) => spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'dossier.js'), 'ingest', ...args], { encoding: 'utf8', cwd: REPO_ROOT })
    const bad = run(join(EXAMPLES_DIR, 'volga-herald.txt'), '--db', join(dir, 'a.db'), '--workers', 'many')
    assert.notEqual(bad.status, 0); assert.match(bad.stderr, /--workers/)
    const ok = run(join(EXAMPLES_DIR, 'volga-herald.txt'), join(EXAMPLES_DIR, 'caspian-ledger.txt'), '--db', join(dir, 'b.db'), '--workers', '1', '--json', '--quiet')
    assert.equal(ok.status, 0, ok.stderr)
    assert.equal(JSON.parse(ok.stdout).stored, 2)
  } finally { rmSync(dir, { recursive: true, force: true }) }
})

test('a page read for longer than the time limit is reported as page-timeout and not stored, its worker replaced; the next run reads it again', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-pool-timeout-'))
  try {
    writeFileSync(join(dir, 'a.txt'), GOOD_PAGE)
    writeFileSync(join(dir, 'b.txt'), GOOD_PAGE.replace('Oslo', 'Bergen'))
    const store = await openStore(':memory:')
    try {
      // a limit no page can meet: every reading is stopped, and every page is recorded with the reason
      const sum = await ingest(store, [dir], { workers: 1, pageTimeoutMs: 1 })
      assert.equal(sum.stored, 0)
      assert.deepEqual(sum.rejected.map((r) => r.ruleId), ['page-timeout', 'page-timeout'])
      assert.match(sum.rejected[0]!.reason, /within 0\.001 s/)
      assert.equal((await store.stats()).rejected, 0, 'a stopped reading is reported, not stored as a rejection')
      // the next run, within a sane limit, reads and stores the same pages
      const ok = await ingest(store, [dir], { workers: 1, pageTimeoutMs: 120_000 })
      assert.equal(ok.stored, 2, JSON.stringify(ok.rejected))
    } finally { await store.close() }
  } finally { rmSync(dir, { recursive: true, force: true }) }
})
