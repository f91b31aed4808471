import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import { docId, type Source } from '../doc/doc.js'
import { msg } from '../doc/span.js'
import type { Pipeline, StageStatus } from '../doc/stage.js'
import type { DocumentRecord } from '../model/records.js'
import { defaultPipeline, type PipelineOptions } from '../pipeline/default.js'
import { loadKb } from '../kb/index.js'
import type { Store } from '../store/store.js'
import { readPage, type PageInput, type PageRead } from '../ingest/read-page.js'
import { ReadPool, pageTimeoutReason } from '../ingest/pool.js'
import { runTimed } from '../ingest/timed.js'
import { previousVersion, runAnalysis, saveBatch, storedUnchanged } from '../ingest/ingest.js'
import { PAGE_TIMEOUT_MS, PROGRESS_EVERY_MS } from '../ingest/ingest.data.js'
import { matchWatchlists } from '../watchlists/match.js'
import type { Job, JobQueue, QueuedPage } from './queue.js'

/** Defaults of `dossier worker`. */
export const WORKER_DEFAULTS = { batch: 16, leaseSeconds: 300, maxTries: 5, retryDelaySeconds: 10, pollMs: 1000 } as const

/** How one job went: done (with what happened to its page), or failed with an error (tried again, or dead). */
export type JobResult =
  | { readonly id: string; readonly outcome: 'stored' | 'version' | 'unchanged' | 'rejected'; readonly detail?: string }
  | { readonly id: string; readonly error: string }

/** Reading outcomes that say nothing about the page itself (its worker died, it ran past the time limit): tried again. */
const RETRY_RULES = new Set(['page-timeout', 'read-error'])

/** Checks what a job holds: a page (HTML or text) and its raw hash; the reason it cannot be read otherwise. */
function checkJob(job: Job): QueuedPage | string {
  const q = job.page as Partial<QueuedPage> | null
  if (!q || typeof q !== 'object') return `Expected the job to hold a page, got ${q === null ? 'none' : typeof q}`
  if (typeof q.rawSha !== 'string' || !/^[0-9a-f]{64}$/.test(q.rawSha)) return `Expected the job to hold the sha256 of the page's raw bytes, got ${JSON.stringify(q.rawSha)}`
  const p = q.page as Record<string, unknown> | undefined
  if (!p || (typeof p.html !== 'string' && typeof p.text !== 'string')) return `Expected the job's page to have html or text as a string, got ${p ? `html ${typeof p.html}, text ${typeof p.text}` : 'no page'}`
  return q as QueuedPage
}

/**
 * Runs one batch of claimed jobs through the ingest pipeline and into the store, as `ingest` does with its pages:
 * a page whose raw bytes are stored already is unchanged; the others are read (`read`: clean → the reading
 * pipeline; one by one, or all at once with `readAhead`, as a read pool does), rejected with their rule (stored as
 * rejected pages) or written in one transaction (`saveDocuments`, each page alone when the batch is refused), a page
 * of a URL stored before becoming its new version. Writes are idempotent: a page stored meanwhile (the same job
 * delivered to two workers) is `unchanged`, never stored twice. One result per job, in order; an error means the
 * job is tried again (a store error, a worker that died, a reading past its limit).
 */
export async function processJobs(store: Store, jobs: readonly Job[], read: (input: PageInput, rawSha: string) => Promise<PageRead>, runId: string, readAhead = false): Promise<JobResult[]> {
  const results = new Map<string, JobResult>()
  type Pending = { id: string; rec: DocumentRecord; opts: { runId: string; stages: readonly StageStatus[]; version: number; replaces: string | null }; previous: boolean; detail?: string }
  const pending: Pending[] = []
  const pendingRaw = new Set<string>()
  // first the pages to read: with a read pool they are read at once, in its workers; in this thread, one by one below
  const work: { job: Job; q: QueuedPage; input: PageInput; out: Promise<PageRead> | null }[] = []
  for (const job of jobs) {
    const q = checkJob(job)
    if (typeof q === 'string') { results.set(job.id, { id: job.id, error: q }); continue }
    try {
      if (pendingRaw.has(q.rawSha) || await storedUnchanged(store, q.rawSha, null, q.page.url ?? q.url)) { results.set(job.id, { id: job.id, outcome: 'unchanged' }); continue }
    } catch (e) { results.set(job.id, { id: job.id, error: (e as Error).message }); continue }
    pendingRaw.add(q.rawSha)
    work.push({ job, q, input: { path: null, url: q.url, page: q.page, ...(q.claims ? { claims: q.claims } : {}) }, out: null })
  }
  pendingRaw.clear()
  // pages are read in turn (in this thread, the event loop gets its turn between them); `readAhead`: all at once
  const start = (w: (typeof work)[number]) => (w.out ??= read(w.input, w.q.rawSha))
  if (readAhead) for (const w of work) start(w)
  for (const w of work) {
    const { job, q, input } = w
    const r = await start(w)
    try {
      if (r.kind === 'rejected') {
        if (RETRY_RULES.has(r.ruleId)) { results.set(job.id, { id: job.id, error: `${r.reason} [${r.ruleId}]` }); continue }
        const source: Source = { path: null, url: q.page.url ?? input.url, sha256: q.rawSha, fetched_at: null }
        await store.saveRejected({ id: docId(source), path: null, url: source.url, rawSha256: q.rawSha, reason: r.reason, messages: [msg('ingest', r.ruleId, r.reason, 'fatal')], runId })
        results.set(job.id, { id: job.id, outcome: 'rejected', detail: `${r.reason} [${r.ruleId}]` })
        continue
      }
      const { rec, status } = r
      // (a queued page has no path: its versions follow its URL)
      const previous = await previousVersion(store, pending, { path: null, url: rec.source.url })
      const failed = status.filter((s) => s.status === 'error').map((s) => `the ${s.stage} stage failed (${s.error ?? 'failed'})`)
      pending.push({ id: job.id, rec, opts: { runId, stages: status, version: (previous?.version ?? 0) + 1, replaces: previous?.id ?? null }, previous: !!previous, ...(failed.length ? { detail: failed.join('; ') } : {}) })
    } catch (e) { results.set(job.id, { id: job.id, error: `Expected the page to be stored, got: ${(e as Error).message}` }) }
  }
  if (pending.length) {
    const saved = await saveBatch(store, pending)
    for (const [i, p] of pending.entries()) {
      const s = saved[i]!
      results.set(p.id, s instanceof Error ? { id: p.id, error: `Expected the page to be stored, got: ${s.message}` }
        : { id: p.id, outcome: s === 'exists' ? 'unchanged' : p.previous ? 'version' : 'stored', ...(p.detail ? { detail: p.detail } : {}) })
    }
  }
  return jobs.map((j) => results.get(j.id)!)
}

export interface WorkerOptions extends PipelineOptions {
  /** this worker's name in the queue (default host:pid:random) */
  readonly name?: string
  /** worker threads that read pages (0: this thread) */
  readonly concurrency?: number
  /** jobs claimed at a time */
  readonly batch?: number
  /** stop once the queue is drained (no job waiting or being worked on, by any worker) instead of waiting for more */
  readonly once?: boolean
  /** how long a claim holds a job without renewal (s): a killed worker's jobs are claimed again after it */
  readonly leaseSeconds?: number
  readonly maxTries?: number
  /** the first retry waits this long (s), each next one twice as long */
  readonly retryDelaySeconds?: number
  /** how often an idle worker looks for jobs (ms) */
  readonly pollMs?: number
  /** a page read longer than this (ms) is stopped; its job is tried again (default PAGE_TIMEOUT_MS) */
  readonly pageTimeoutMs?: number
  /** run the cross-source analysis after this many pages as well as when the queue drains (default: only then) */
  readonly analyseEvery?: number
  /** the reading pipeline (default: `defaultPipeline`); read in this thread when given */
  readonly pipeline?: Pipeline
  /** aborted: finish the batch in hand, then stop (SIGTERM) */
  readonly signal?: AbortSignal
  readonly onProgress?: (p: WorkerProgress) => void
  readonly onPhase?: (message: string) => void
}

export interface WorkerProgress { readonly jobs: number; readonly stored: number; readonly unchanged: number; readonly rejected: number; readonly failed: number; readonly dead: number; readonly perSecond: number }

export interface WorkerSummary extends WorkerProgress {
  readonly worker: string
  readonly run: string
  readonly versions: number
  /** cross-source analyses this worker ran (each under the queue's lock, one worker at a time) */
  readonly analyses: number
  readonly seconds: number
}

/**
 * `dossier worker`: claims jobs from the queue in batches and runs each batch through `processJobs` under a lease
 * it renews while it works; marks each job done, or failed (tried again after a delay that doubles, dead after
 * `maxTries`). When the queue drains (and every `analyseEvery` pages), it runs the cross-source analysis under the
 * queue's lock — one worker at a time, the others wait and find it done — and matches the watchlists. With `once`
 * it stops when the queue is drained; with `signal` aborted, after the batch in hand.
 */
export async function runWorker(store: Store, queue: JobQueue, opts: WorkerOptions = {}): Promise<WorkerSummary> {
  const t0 = performance.now()
  const name = opts.name ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  const batch = opts.batch ?? WORKER_DEFAULTS.batch, lease = opts.leaseSeconds ?? WORKER_DEFAULTS.leaseSeconds
  const maxTries = opts.maxTries ?? WORKER_DEFAULTS.maxTries, retryDelay = opts.retryDelaySeconds ?? WORKER_DEFAULTS.retryDelaySeconds
  const limit = opts.pageTimeoutMs ?? PAGE_TIMEOUT_MS
  const pool = opts.concurrency && opts.concurrency > 0 && !opts.pipeline ? new ReadPool(opts.concurrency, { ...opts, pageTimeoutMs: limit }) : null
  let pipeline: Pipeline | null = opts.pipeline ?? null
  const kb = loadKb(opts.kbDirs ?? [])
  let lastYield = performance.now()
  const read = async (input: PageInput, rawSha: string): Promise<PageRead> => {
    if (pool) return pool.read(input, rawSha)
    // in this thread: the event loop gets a turn between pages (the lease is renewed), then the page is read under its limit
    if (performance.now() - lastYield > 50) { await new Promise<void>((r) => setImmediate(r)); lastYield = performance.now() }
    const p = (pipeline ??= defaultPipeline(opts).pipeline)
    const done = runTimed(() => readPage(input, rawSha, p), limit)
    if (done) return done.value
    if (!opts.pipeline) pipeline = null // a stopped reading may leave the pipeline half-filled
    return { kind: 'rejected', ruleId: 'page-timeout', reason: pageTimeoutReason(limit) }
  }
  const run = await store.startRun(`worker ${name}`)
  let jobs = 0, stored = 0, versions = 0, unchanged = 0, rejected = 0, failed = 0, dead = 0, analyses = 0
  // `worked`: pages may have been stored since the last look at the analysis (at start: an earlier run may have left one owed)
  let lastTick = performance.now(), sinceAnalysis = 0, worked = true, wholeOwed = false
  const progress = (): WorkerProgress => ({ jobs, stored, unchanged, rejected, failed, dead, perSecond: jobs / ((performance.now() - t0) / 1000) })
  const tick = () => { if (opts.onProgress && performance.now() - lastTick >= PROGRESS_EVERY_MS) { lastTick = performance.now(); opts.onProgress(progress()) } }

  /** The cross-source analysis, under the queue's lock, when it is owed (pages stored since the last one, by any worker). */
  const analyse = async () => {
    const ran = await queue.withAnalysisLock(async () => {
      if (!wholeOwed && !(await store.corpusDue()) && !(await store.unindexedDocuments(1)).length) return false
      // new versions replace documents the stored analysis counts: only the whole analysis takes them out
      const why = wholeOwed ? 'new versions of stored pages' : !(await store.hasCorpusIndex()) ? 'the store has no index of its analysis yet' : null
      const analysis = await runAnalysis(store, { added: [], why, due: false, kbDirs: opts.kbDirs ?? [] }, kb, opts.onPhase)
      opts.onPhase?.(`cross-source analysis done (${analysis.scope === 'part' ? `the ${analysis.analysed} document(s) the new pages affect` : `every document: ${analysis.why}`})`)
      try { await matchWatchlists(store) } catch (e) { opts.onPhase?.(`watchlists not matched: ${(e as Error).message} (the next analysis matches them)`) }
      return true
    })
    if (ran) analyses++
    wholeOwed = false; sinceAnalysis = 0
  }

  const sleep = (ms: number) => new Promise<void>((resolve) => {
    if (opts.signal?.aborted) return resolve()
    const t = setTimeout(done, ms)
    function done() { clearTimeout(t); opts.signal?.removeEventListener('abort', done); resolve() }
    opts.signal?.addEventListener('abort', done, { once: true })
  })

  try {
    if (!pool) {
      // the models load parts of themselves on the first page (seconds on a loaded machine): read one before
      // claiming anything, so no claimed job waits for it past its lease
      pipeline ??= defaultPipeline(opts).pipeline
      const text = 'TEHRAN – Iran and Russia signed an agreement on Monday, the foreign minister said. "We will cooperate on energy," he told reporters.'
      readPage({ path: null, url: null, page: { text } }, '0'.repeat(64), pipeline)
    }
    while (!opts.signal?.aborted) {
      const claimed = await queue.claim(name, batch, lease, maxTries)
      if (!claimed.length) {
        if (await queue.drained()) {
          if (worked || opts.once) { await analyse(); worked = false }
          if (opts.once) break
        }
        tick()
        await sleep(opts.pollMs ?? WORKER_DEFAULTS.pollMs)
        continue
      }
      const ids = claimed.map((j) => j.id)
      // the queue tests kill a worker while it holds jobs: this holds each batch that long first (never set in use)
      const hold = Number(process.env.DOSSIER_TEST_HOLD_BATCH_MS ?? 0)
      if (hold > 0) await new Promise((r) => setTimeout(r, hold))
      // the lease is renewed while the batch is worked on (between pages, when they are read in this thread)
      const renew = setInterval(() => { queue.extend(name, ids, lease).catch(() => {}) }, Math.max(200, (lease * 1000) / 3))
      let results: JobResult[]
      try { results = await processJobs(store, claimed, read, run, !!pool) } catch (e) {
        results = claimed.map((j) => ({ id: j.id, error: (e as Error).message }))
      } finally { clearInterval(renew) }
      const done: { id: string; outcome: string }[] = []
      for (const r of results) {
        jobs++
        if ('error' in r) {
          failed++
          if ((await queue.fail(name, r.id, r.error, maxTries, retryDelay)) === 'dead') dead++
          continue
        }
        done.push({ id: r.id, outcome: r.detail ? `${r.outcome}: ${r.detail}` : r.outcome })
        if (r.outcome === 'stored') stored++
        else if (r.outcome === 'version') { stored++; versions++; wholeOwed = true }
        else if (r.outcome === 'unchanged') unchanged++
        else rejected++
      }
      await queue.complete(name, done)
      worked = true
      sinceAnalysis += claimed.length
      tick()
      if (opts.analyseEvery && sinceAnalysis >= opts.analyseEvery) await analyse()
    }
  } finally { await pool?.close() }
  const summary: WorkerSummary = { worker: name, run, ...progress(), versions, analyses, seconds: (performance.now() - t0) / 1000 }
  await store.finishRun(run, summary)
  return summary
}
