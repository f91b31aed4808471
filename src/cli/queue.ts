import type { Command } from 'commander'
import { DossierError } from '../errors.js'
import { openStore } from '../store/index.js'
import type { Store } from '../store/store.js'
import { isPostgresUrl, JobQueue, type QueueStatus } from '../queue/queue.js'
import { enqueuePages, type EnqueueSummary } from '../queue/enqueue.js'
import { runWorker, WORKER_DEFAULTS, type WorkerProgress, type WorkerSummary } from '../queue/worker.js'
import type { InputItem } from '../ingest/read.js'

const collect = (v: string, prev: string[]) => [...prev, v]
const whole = (flag: string, min: number) => (v: string) => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < min) throw new DossierError('E_USAGE', `Expected ${flag} to be a whole number from ${min}, got ${v}`)
  return n
}
const seconds = (flag: string) => (v: string) => {
  const n = Number(v)
  if (!(n > 0)) throw new DossierError('E_USAGE', `Expected ${flag} to be a number of seconds above 0, got ${v}`)
  return n
}

/** The queue lives in PostgreSQL: anything else is refused with the reason. */
export function needPostgres(db: string, what: string): void {
  if (!isPostgresUrl(db)) throw new DossierError('E_USAGE', `Expected --db to be a postgres:// URL for ${what} (the job queue lives in PostgreSQL, beside the store it feeds), got ${db}; on SQLite, run \`dossier ingest\` without --queue`)
}

/** Opens the PostgreSQL store (which creates the queue's table with its migrations) and the queue; closes both after f. */
async function withQueue<T>(db: string, f: (store: Store, queue: JobQueue) => Promise<T>): Promise<T> {
  const store = await openStore(db)
  const queue = new JobQueue(db)
  try { return await f(store, queue) } finally { await queue.close(); await store.close() }
}

/** `dossier ingest --queue`: the inputs read and enqueued, one job per page (called by the ingest command). */
export async function ingestToQueue(paths: readonly string[], o: { db: string; json?: boolean; quiet?: boolean; fetchUrl?: (url: string) => Promise<InputItem[]> }, exit: (code: number) => void): Promise<void> {
  needPostgres(o.db, 'ingest --queue')
  const sum = await withQueue(o.db, (store, queue) => enqueuePages(store, queue, paths, {
    fetchUrl: o.fetchUrl,
    onProgress: o.quiet ? undefined : (p) => process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}  ${p.pages} page(s) read · ${p.enqueued} enqueued · ${p.duplicates} duplicate(s) · ${p.rejected} rejected · ${p.perSecond.toFixed(1)} pages/s${process.stderr.isTTY ? '   ' : '\n'}`),
  }))
  if (!o.quiet && process.stderr.isTTY) process.stderr.write('\n')
  printEnqueue(sum, !!o.json)
  if (sum.rejected.length) exit(1)
}

function printEnqueue(sum: EnqueueSummary, json: boolean): void {
  if (json) { process.stdout.write(JSON.stringify(sum, null, 2) + '\n'); return }
  process.stdout.write(`enqueued ${sum.enqueued} page(s) of ${sum.pages} from ${sum.files} file(s) in ${sum.seconds.toFixed(1)} s: ${sum.duplicates} duplicate(s) (stored or queued already), ${sum.rejected.length} rejected${sum.skipped.length ? `, ${sum.skipped.length} non-page file(s) skipped` : ''}; \`dossier worker\` stores them\n`)
  const records = Object.entries(sum.skippedRecords)
  if (records.length) process.stdout.write(`  skipped ${records.reduce((n, [, c]) => n + c, 0)} non-page record(s): ${records.map(([k, c]) => `${c} ${k}`).join(', ')}\n`)
  for (const r of sum.rejected) process.stdout.write(`  rejected ${r.path ?? '(stdin)'}: ${r.reason} [${r.ruleId}]\n`)
}

function printStatus(s: QueueStatus): void {
  const c = s.counts
  process.stdout.write(`queue: ${c.waiting} waiting${s.retrying ? ` (${s.retrying} to be tried again)` : ''} · ${c.active} active · ${c.done} done · ${c.dead} dead\n`)
  if (s.oldestWaiting) process.stdout.write(`  oldest waiting: ${s.oldestWaiting.created_at} (${s.oldestWaiting.seconds} s ago)\n`)
  for (const w of s.workers) process.stdout.write(`  worker ${w.worker}: ${w.jobs} job(s), lease until ${w.lease_until}${w.expired ? ' (expired: claimed again by the next worker)' : ''}\n`)
  for (const d of s.dead) process.stdout.write(`  dead job ${d.id} ${d.from ?? d.key} after ${d.attempts} tr${d.attempts === 1 ? 'y' : 'ies'}: ${d.error ?? '(no error recorded)'}\n`)
  if (c.dead > s.dead.length) process.stdout.write(`  … and ${c.dead - s.dead.length} more dead job(s) (--limit shows more)\n`)
  if (c.dead) process.stdout.write('  `dossier queue retry-dead` puts the dead jobs back in the queue\n')
}

/** `dossier worker` and `dossier queue status|retry-dead`. */
export function registerQueue(program: Command, exit: (code: number) => void, h: { readonly defaultDb: string }): void {
  program.command('worker')
    .description('Take pages from the job queue `ingest --queue` fills (PostgreSQL) and store them: run on as many machines as you like, all with the same --db')
    .option('--db <url>', 'postgres:// URL of the store and its queue', h.defaultDb)
    .option('--concurrency <n>', 'worker threads that read pages (each loads its own models); 0: the main thread', whole('--concurrency', 0), 0)
    .option('--batch <n>', 'jobs claimed at a time (their pages are written in one transaction)', whole('--batch', 1), WORKER_DEFAULTS.batch)
    .option('--once', 'stop once the queue is drained (every job done or dead, whichever worker held it) instead of waiting for more')
    .option('--lease <seconds>', 'how long a claim holds a job unrenewed: the jobs of a worker that was killed are claimed again after it (renewed while the worker lives; must be above --page-timeout)', seconds('--lease'), WORKER_DEFAULTS.leaseSeconds)
    .option('--max-tries <n>', 'tries of a failing job before it is dead', whole('--max-tries', 1), WORKER_DEFAULTS.maxTries)
    .option('--retry-delay <seconds>', 'wait before the first retry of a failed job, doubled for each next one', seconds('--retry-delay'), WORKER_DEFAULTS.retryDelaySeconds)
    .option('--page-timeout <seconds>', 'a page read for longer is stopped and its job tried again', seconds('--page-timeout'), 120)
    .option('--analyse-every <n>', 'run the cross-source analysis after every n pages as well as when the queue drains', whole('--analyse-every', 1))
    .option('--kb <dir>', 'extra knowledge-base folder (repeatable)', collect, [])
    .option('--lexicon <dir>', 'extra framing-lexicon folder of JSON files (repeatable)', collect, [])
    .option('--json', 'print the summary as JSON on stdout when the worker stops')
    .option('--quiet', 'no progress on stderr')
    .addHelpText('after', `
A worker claims --batch jobs at a time (FOR UPDATE SKIP LOCKED: no two workers claim one job), reads and stores their
pages as ingest does (a page stored already, by any worker, is not stored again) and marks the jobs done. A failed job
waits --retry-delay, then twice as long each time, and is dead after --max-tries, with its error (\`dossier queue
status\`). A worker killed mid-batch leaves its jobs to any worker once --lease has run out. When the queue drains,
one worker at a time runs the cross-source analysis. SIGTERM or Ctrl-C: the batch in hand is finished, then it stops.`)
    .action(async (o) => {
      needPostgres(o.db, 'dossier worker')
      if (o.lease <= o.pageTimeout) throw new DossierError('E_USAGE', `Expected --lease (${o.lease} s) to be above --page-timeout (${o.pageTimeout} s): a page read in the main thread holds its jobs that long without renewing them`)
      const stop = new AbortController()
      const onSignal = () => { if (!o.quiet) process.stderr.write('  stopping after the batch in hand…\n'); stop.abort() }
      process.on('SIGTERM', onSignal); process.on('SIGINT', onSignal)
      const progress = (p: WorkerProgress) => process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}  ${p.jobs} job(s) · ${p.stored} stored · ${p.unchanged} unchanged · ${p.rejected} rejected · ${p.failed} failed (${p.dead} dead) · ${p.perSecond.toFixed(1)} pages/s${process.stderr.isTTY ? '   ' : '\n'}`)
      let sum: WorkerSummary
      try {
        sum = await withQueue(o.db, (store, queue) => runWorker(store, queue, {
          concurrency: o.concurrency, batch: o.batch, once: !!o.once, leaseSeconds: o.lease, maxTries: o.maxTries, retryDelaySeconds: o.retryDelay,
          pageTimeoutMs: o.pageTimeout * 1000, analyseEvery: o.analyseEvery, kbDirs: o.kb, lexiconDirs: o.lexicon, signal: stop.signal,
          onProgress: o.quiet ? undefined : progress, onPhase: o.quiet ? undefined : (m) => process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}  ${m}\n`),
        }))
      } finally { process.off('SIGTERM', onSignal); process.off('SIGINT', onSignal) }
      if (!o.quiet && process.stderr.isTTY) process.stderr.write('\n')
      if (o.json) process.stdout.write(JSON.stringify(sum, null, 2) + '\n')
      else process.stdout.write(`worker ${sum.worker}: ${sum.jobs} job(s) in ${sum.seconds.toFixed(1)} s: ${sum.stored} stored (${sum.versions} new versions), ${sum.unchanged} unchanged, ${sum.rejected} rejected, ${sum.failed} failed (${sum.dead} now dead), ${sum.analyses} cross-source analys${sum.analyses === 1 ? 'is' : 'es'}\n`)
      if (sum.dead) exit(1)
    })

  const queue = program.command('queue').description('The job queue of `ingest --queue` and `worker` (PostgreSQL): its state, and its dead jobs')
  /** A subcommand of `queue`, with the --db option of the PostgreSQL store whose queue it reads. */
  const sub = (name: string, description: string) => queue.command(name).description(description)
    .option('--db <url>', 'postgres:// URL of the store and its queue', h.defaultDb)
  /** Runs a `queue` subcommand's work on the store's queue; a store that is not PostgreSQL is refused first. */
  const onQueue = <T>(name: string, db: string, run: (q: JobQueue) => Promise<T>): Promise<T> => {
    needPostgres(db, `dossier queue ${name}`)
    return withQueue(db, (_, q) => run(q))
  }
  sub('status', 'Jobs by state (waiting, active, done, dead), the oldest waiting, the workers holding jobs, and the dead jobs with their errors')
    .option('--limit <n>', 'dead jobs listed', whole('--limit', 0), 20)
    .option('--json', 'JSON output')
    .action(async (o) => {
      const s = await onQueue('status', o.db, (q) => q.status(o.limit))
      if (o.json) process.stdout.write(JSON.stringify(s, null, 2) + '\n'); else printStatus(s)
    })
  sub('prune', 'Delete the done jobs finished more than --older-than-days days ago (default 7); dead and open jobs stay')
    .option('--older-than-days <n>', 'age in days of the done jobs deleted (0: every done job)', whole('--older-than-days', 0), 7)
    .option('--json', 'JSON output')
    .action(async (o) => {
      const n = await onQueue('prune', o.db, (q) => q.prune(o.olderThanDays * 86_400))
      process.stdout.write(o.json ? JSON.stringify({ pruned: n }) + '\n' : `${n} done job(s) deleted\n`)
    })
  sub('retry-dead', 'Put every dead job back in the queue, its tries counted from zero (its last error shown until it runs again)')
    .option('--json', 'JSON output')
    .action(async (o) => {
      const n = await onQueue('retry-dead', o.db, (q) => q.retryDead())
      process.stdout.write(o.json ? JSON.stringify({ requeued: n }) + '\n' : `${n} dead job(s) put back in the queue\n`)
    })
}
