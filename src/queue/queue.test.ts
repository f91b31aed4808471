// The job queue (issue #14, "past one machine"): `dossier ingest --queue` and `dossier worker` on a real PostgreSQL
// (DOSSIER_TEST_PG; skipped with a message without one). Every CLI run is a child process under a time limit.
import { after, test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { REPO_ROOT } from '../paths.js'
import { GOOD_PAGE } from '../ingest/test-page.js'
import { openStore } from '../store/index.js'
import { sha256 } from '../doc/doc.js'
import { JobQueue, type QueueStatus } from './queue.js'
import { processJobs } from './worker.js'
import { readPage } from '../ingest/read-page.js'
import { defaultPipeline } from '../pipeline/default.js'
import { TEST_PG, freshTestDatabase } from '../store/test-pg.js'

const BIN = join(REPO_ROOT, 'bin', 'dossier.js')
const made: string[] = []
after(() => { for (const d of made) rmSync(d, { recursive: true, force: true }) })
const TOWNS = ['Oslo', 'Bergen', 'Helsinki', 'Tallinn', 'Riga', 'Vilnius', 'Warsaw', 'Berlin', 'Paris', 'Madrid']
const page = (i: number) => GOOD_PAGE.replace('Oslo on Monday', `${TOWNS[i % TOWNS.length]} on Monday (item ${i})`)
/** A JSON Lines file of n pages, each with a URL of its own, and one empty record (rejected as ingest rejects it). */
function pagesFile(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-queue-'))
  made.push(dir)
  // the first page holds a NUL character (PostgreSQL's jsonb and text refuse it; ingest reads it out with a note)
  const lines = Array.from({ length: n }, (_, i) => JSON.stringify({ url: `https://example.org/news/${i}`, text: i ? page(i) : page(i).replace('Foreign ministers', 'Foreign\u0000 ministers') }))
  writeFileSync(join(dir, 'pages.jsonl'), [...lines, JSON.stringify({ url: 'https://example.org/empty', text: '' })].join('\n') + '\n')
  return join(dir, 'pages.jsonl')
}

/** Runs the CLI to its end, killed past `seconds`. */
function cli(args: string[], seconds = 120) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: REPO_ROOT, timeout: seconds * 1000, killSignal: 'SIGKILL' })
  assert.notEqual(r.signal, 'SIGKILL', `dossier ${args.join(' ')} ran past ${seconds} s (killed)\n${r.stderr}`)
  return r
}
/** Starts a worker process; `done` settles with its exit code and stderr (killed past 200 s). */
function worker(url: string, args: string[] = [], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string; out: string }> } {
  const child = spawn(process.execPath, [BIN, 'worker', '--db', url, '--once', '--lease', '8', '--page-timeout', '6', '--retry-delay', '0.2', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } })
  let err = '', out = ''
  child.stderr!.on('data', (d) => { err += d })
  child.stdout!.on('data', (d) => { out += d })
  const t = setTimeout(() => child.kill('SIGKILL'), 200_000)
  return { child, done: new Promise((res) => child.once('exit', (code, signal) => { clearTimeout(t); res({ code, signal, err, out }) })) }
}

test('dossier ingest --queue and dossier worker refuse a SQLite store with the reason', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-queue-'))
  made.push(dir)
  for (const args of [['ingest', pagesFile(1), '--queue', '--db', join(dir, 's.db')], ['worker', '--db', join(dir, 's.db')], ['queue', 'status', '--db', join(dir, 's.db')]]) {
    const r = cli(args)
    assert.equal(r.status, 2, r.stderr)
    assert.match(r.stderr, /Expected --db to be a postgres:\/\/ URL .*the job queue lives in PostgreSQL/)
  }
})

const PG = TEST_PG
const freshPgUrl = () => freshTestDatabase('dossier_queue')
/** What the store holds of the pages: current documents, their distinct URLs, and the queue's state. */
async function census(url: string) {
  const pg = (await import('pg')).default
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    const q = async (sql: string) => (await c.query(sql)).rows
    const docs = await q(`select url, count(*)::int as n from documents where status = 'ok' group by url`)
    const jobs = await q(`select state, attempts, outcome, last_error from queue_jobs order by id`)
    return { docs: docs.length, copies: Math.max(0, ...docs.map((d) => d.n)), urls: new Set(docs.map((d) => d.url)), jobs, rejected: Number((await q(`select count(*) as n from documents where status = 'rejected'`))[0].n) }
  } finally { await c.end() }
}

if (PG) {
  test('postgres: ingest --queue enqueues one job per page (duplicates and bad input counted), two worker processes store every page exactly once', { timeout: 300_000 }, async () => {
    const url = await freshPgUrl(), N = 24
    const file = pagesFile(N)
    const e = cli(['ingest', file, '--queue', '--db', url, '--json'])
    assert.equal(e.status, 1, e.stderr) // one record is rejected (empty), as ingest rejects it
    const sum = JSON.parse(e.stdout)
    assert.equal(sum.enqueued, N); assert.equal(sum.duplicates, 0); assert.equal(sum.rejected.length, 1)
    assert.match(sum.rejected[0].reason, /empty|Expected/)
    assert.match(e.stderr, /enqueued/, 'progress on stderr')
    // the same inputs again: every page a duplicate, no second job
    const again = JSON.parse(cli(['ingest', file, '--queue', '--db', url, '--json', '--quiet']).stdout)
    assert.equal(again.enqueued, 0); assert.equal(again.duplicates, N)
    const [a, b] = [worker(url, ['--batch', '3']), worker(url, ['--batch', '3'])]
    const [ra, rb] = await Promise.all([a.done, b.done])
    assert.equal(ra.code, 0, ra.err); assert.equal(rb.code, 0, rb.err)
    const c = await census(url)
    assert.equal(c.docs, N); assert.equal(c.copies, 1, 'no page stored twice')
    assert.equal(c.jobs.length, N); assert.ok(c.jobs.every((j) => j.state === 'done'), JSON.stringify(c.jobs))
    // both workers took jobs (FOR UPDATE SKIP LOCKED shares them), and the cross-source analysis ran once the queue drained
    const sa = JSON.parse(cli(['queue', 'status', '--db', url, '--json']).stdout) as QueueStatus
    assert.deepEqual(sa.counts, { waiting: 0, active: 0, done: N, dead: 0 })
    const store = await openStore(url)
    try { assert.equal(await store.corpusDue(), false); assert.ok((await store.stats()).actors > 0) } finally { await store.close() }
    // enqueuing pages already stored: duplicates
    assert.equal(JSON.parse(cli(['ingest', file, '--queue', '--db', url, '--json', '--quiet']).stdout).duplicates, N)
  })

  test('postgres: a worker killed with SIGKILL mid-run and restarted: its claimed jobs are claimed again after the lease, nothing lost or stored twice', { timeout: 300_000 }, async () => {
    const url = await freshPgUrl(), N = 30
    assert.equal(cli(['ingest', pagesFile(N), '--queue', '--db', url, '--quiet']).status, 1)
    const pg = (await import('pg')).default
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    let held: string[] = []
    try {
      const a = worker(url, ['--batch', '4', '--quiet'], { DOSSIER_TEST_HOLD_BATCH_MS: '300' })
      // killed once it has finished some jobs and holds others
      const t0 = Date.now()
      for (;;) {
        const r = (await c.query(`select count(*) filter (where state = 'done')::int as done, count(*) filter (where state = 'active')::int as active from queue_jobs`)).rows[0]
        if (r.done >= 4 && r.active > 0) break
        assert.ok(Date.now() - t0 < 120_000, 'the worker took jobs within 120 s')
        await new Promise((r) => setTimeout(r, 30))
      }
      a.child.kill('SIGKILL')
      assert.equal((await a.done).signal, 'SIGKILL')
      held = (await c.query(`select id from queue_jobs where state = 'active'`)).rows.map((r) => String(r.id))
      assert.ok(held.length > 0, 'the killed worker held jobs')
      // restarted, beside a second worker: both finish the queue, the held jobs once their lease has run out
      const [r1, r2] = await Promise.all([worker(url, ['--batch', '4']).done, worker(url, ['--batch', '4']).done])
      assert.equal(r1.code, 0, r1.err); assert.equal(r2.code, 0, r2.err)
      const after = (await c.query(`select id, state, attempts from queue_jobs where id = any($1::bigint[])`, [held])).rows
      // claimed again (once, unless a lease ran out again on this loaded machine: delivery is at least once)
      for (const j of after) { assert.equal(j.state, 'done'); assert.ok(j.attempts >= 2, `claimed again: ${j.attempts}`) }
    } finally { await c.end() }
    const k = await census(url)
    assert.equal(k.docs, N); assert.equal(k.copies, 1)
    assert.ok(k.jobs.every((j) => j.state === 'done'))
  })

  test('postgres: a job that always fails is retried with backoff, then dead with its error and its tries; retry-dead puts it back', { timeout: 300_000 }, async () => {
    const url = await freshPgUrl()
    assert.equal(cli(['ingest', pagesFile(2), '--queue', '--db', url, '--quiet']).status, 1)
    const pg = (await import('pg')).default
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    try {
      // a job whose page cannot be read whatever the worker does (a page with no html or text)
      await c.query(`insert into queue_jobs (key, page, label) values ('d_broken', $1, 'https://example.org/broken')`, [JSON.stringify({ url: 'https://example.org/broken', rawSha: sha256(new Uint8Array([1])), page: { html: 42 } })])
      const r = await worker(url, ['--max-tries', '3', '--json']).done
      assert.equal(r.code, 1, 'a job died: exit 1')
      const sum = JSON.parse(r.out)
      assert.equal(sum.stored, 2); assert.equal(sum.failed, 3); assert.equal(sum.dead, 1)
      const j = (await c.query(`select state, attempts, last_error, run_after > created_at as delayed from queue_jobs where key = 'd_broken'`)).rows[0]
      assert.equal(j.state, 'dead'); assert.equal(j.attempts, 3); assert.ok(j.delayed, 'retries wait')
      assert.match(j.last_error, /Expected the job's page to have html or text as a string, got html number/)
      const s = JSON.parse(cli(['queue', 'status', '--db', url, '--json']).stdout) as QueueStatus
      assert.equal(s.counts.dead, 1); assert.equal(s.dead[0]!.attempts, 3); assert.match(s.dead[0]!.error!, /html or text/)
      assert.equal(s.dead[0]!.from, 'https://example.org/broken')
      const text = cli(['queue', 'status', '--db', url]).stdout
      assert.match(text, /1 dead/); assert.match(text, /dead job \d+ https:\/\/example.org\/broken after 3 tries: Expected/)
      assert.match(cli(['queue', 'retry-dead', '--db', url]).stdout, /1 dead job\(s\) put back/)
      assert.deepEqual((await c.query(`select state, attempts from queue_jobs where key = 'd_broken'`)).rows[0], { state: 'waiting', attempts: 0 })
      // pruning: the done jobs go (none is old enough by default), the open one stays
      assert.match(cli(['queue', 'prune', '--db', url]).stdout, /^0 done job\(s\) deleted/)
      assert.deepEqual(JSON.parse(cli(['queue', 'prune', '--db', url, '--older-than-days', '0', '--json']).stdout), { pruned: 2 })
      assert.deepEqual((await c.query(`select key, state from queue_jobs`)).rows, [{ key: 'd_broken', state: 'waiting' }])
    } finally { await c.end() }
  })

  test('postgres: the same job delivered twice (its lease ran out while the first worker still held it) stores its page once', { timeout: 120_000 }, async () => {
    const url = await freshPgUrl()
    assert.equal(cli(['ingest', pagesFile(1), '--queue', '--db', url, '--quiet']).status, 1)
    const store = await openStore(url), queue = new JobQueue(url)
    try {
      const first = await queue.claim('a', 10, 0.5, 5)
      assert.equal(first.length, 1)
      assert.equal((await queue.claim('b', 10, 0.5, 5)).length, 0, 'a job held under a lease is not claimed again')
      await new Promise((r) => setTimeout(r, 800))
      const second = await queue.claim('b', 10, 60, 5)
      assert.deepEqual(second.map((j) => [j.id, j.attempts]), [[first[0]!.id, 2]])
      const { pipeline } = defaultPipeline()
      const read = async (input: Parameters<typeof readPage>[0], sha: string) => readPage(input, sha, pipeline)
      const run = await store.startRun('queue test')
      const [ra, rb] = await Promise.all([processJobs(store, first, read, run), processJobs(store, second, read, run)])
      assert.deepEqual([ra[0], rb[0]].map((r) => 'outcome' in r ? r.outcome : r.error).sort(), ['stored', 'unchanged'])
      // run once more (a third delivery): unchanged
      assert.deepEqual((await processJobs(store, second, read, run)).map((r) => 'outcome' in r && r.outcome), ['unchanged'])
      assert.equal(await queue.complete('a', [{ id: first[0]!.id, outcome: 'stored' }]), 0, 'the first worker no longer holds it')
      assert.equal(await queue.complete('b', [{ id: second[0]!.id, outcome: 'unchanged' }]), 1)
      assert.equal((await store.allDocuments()).length, 1)
    } finally { await queue.close(); await store.close() }
  })
} else test('postgres: job queue cases', { skip: 'set DOSSIER_TEST_PG=postgres://… to run them on a real server' }, () => {})
