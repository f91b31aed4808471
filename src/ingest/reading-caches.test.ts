// A page stopped mid-read (--page-timeout in the main thread: V8 ends the reading wherever it is) may leave a module
// cache of the reading stages half built; ingest drops them with the pipeline (src/reading-caches.ts), so the next page
// is read exactly as a fresh process reads it. This file runs in a process of its own, so the stop lands while the
// caches are first filled.
import { after, test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { pathToFileURL } from 'node:url'
import { openStore } from '../store/index.js'
import { ingest } from './ingest.js'
import { GOOD_PAGE } from './test-page.js'
import { loadSyntaxModel } from '../stages/syntax/index.js'
import { loadKb } from '../kb/index.js'
import type { DocumentRecord } from '../model/records.js'

const dir = mkdtempSync(join(tmpdir(), 'dossier-reading-caches-'))
after(() => rmSync(dir, { recursive: true, force: true }))

/** A long page of made-up names, places and figures: every sentence brings words and names the memos have not seen. */
function longPage(sentences: number): string {
  const syl = ['ka', 'ro', 'mi', 'ze', 'tu', 'va', 'shi', 'lo', 'ne', 'dar', 'qa', 'gho']
  const name = (i: number) => { let s = ''; for (let n = i + 7; n > 0; n = Math.floor(n / syl.length)) s += syl[n % syl.length]; return s[0]!.toUpperCase() + s.slice(1) }
  const out = ['Envoys of many lands meet', '', 'March 4, 2024', '']
  for (let i = 0; i < sentences; i++) {
    out.push(`Foreign Minister ${name(i)} ${name(i * 31 + 5)} met ${name(i * 17 + 3)} officials in ${name(i * 13 + 11)}abad on Monday, the ministry of ${name(i * 7 + 1)}stan said. ` +
      `“We agreed to send ${i + 12} tonnes of grain,” ${name(i)} told reporters, adding that ${i % 97 + 3} people were killed in ${name(i * 5 + 2)}ia last week.`, '')
  }
  return out.join('\n')
}

/** The record as a fresh process reads and stores it (a child process: every module, model and memo new). */
function readInFreshProcess(file: string): DocumentRecord {
  const url = (p: string) => pathToFileURL(join(import.meta.dirname, p)).href
  const script = `const { openStore } = await import(${JSON.stringify(url('../store/index.js'))}); const { ingest } = await import(${JSON.stringify(url('./ingest.js'))})
    const store = await openStore(':memory:'); await ingest(store, [${JSON.stringify(file)}], { skipCorpus: true })
    process.stdout.write(JSON.stringify((await store.allDocuments())[0]))`
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 })
  assert.equal(r.status, 0, r.stderr)
  return JSON.parse(r.stdout) as DocumentRecord
}

/** What reading gives, without what differs from one run to another (when it was stored, by which run). */
const reading = (d: DocumentRecord) => JSON.parse(JSON.stringify(d, (k, v) => (/^(ingested_at|run_id|run|fetched_at)$/.test(k) ? undefined : v)))

test('a page stopped mid-read leaves the next page read exactly as in a fresh process (the reading caches are dropped)', { timeout: 300_000 }, async () => {
  const long = join(dir, 'long.txt'), next = join(dir, 'next.txt')
  writeFileSync(long, longPage(20_000))
  writeFileSync(next, GOOD_PAGE.replace('Oslo on Monday', 'Oslo on Monday with Foreign Minister Kamiro Zetu of Qadarstan'))
  const parserBefore = loadSyntaxModel(), kbBefore = loadKb()
  const store = await openStore(':memory:')
  try {
    // the long page is stopped while its reading fills the memos (a limit it cannot meet; the models are loaded before)
    const stopped = await ingest(store, [long], { skipCorpus: true, pageTimeoutMs: 1000 })
    assert.deepEqual(stopped.rejected.map((r) => r.ruleId), ['page-timeout'])
    assert.notEqual(loadSyntaxModel(), parserBefore, 'the parser (and its scratch arrays) is loaded afresh after a stop')
    assert.notEqual(loadKb(), kbBefore, 'so is the knowledge base')
    // the next page, in this process, after the stop
    const after = await ingest(store, [next], { skipCorpus: true })
    assert.equal(after.stored, 1)
    const here = (await store.allDocuments()).find((d) => d.source.path === next)!
    assert.ok(here.events.length >= 1 && here.entities.length >= 3 && here.quotes.length >= 1, 'the page has something to read')
    assert.deepEqual(reading(here), reading(readInFreshProcess(next)))
  } finally { await store.close() }
})
