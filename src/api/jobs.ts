/**
 * Ingest jobs of the HTTP API: `POST /api/ingest` queues one and answers at once (202); the jobs run one at a time,
 * off the request (the ingest loop lets the event loop in between pages, so reads keep being answered), and
 * `GET /api/jobs/{id}` tells how each went. Each job is also written to the store at every change of status, so a
 * restarted server still answers for it; a job the stopped server left queued or running is marked failed (its pages
 * were held in that server's memory: those it had stored stay, the rest must be sent again).
 */
import { randomUUID } from 'node:crypto'
import { DossierError } from '../errors.js'
import type { ContentPage } from '../ingest/read.js'
import type { Store } from '../store/store.js'

/** What one ingest request asks for: pages given as content, and http(s) URLs to fetch (public addresses only). */
export interface IngestInput { readonly pages: readonly ContentPage[]; readonly urls: readonly string[] }
export interface JobProgress { done: number; total: number; stored: number; rejected: number }
/** Runs one ingest; `onProgress` is called now and then while it runs. */
export type IngestRunner = (input: IngestInput, onProgress: (p: JobProgress) => void) => Promise<unknown>

export interface Job {
  readonly id: string
  status: 'queued' | 'running' | 'done' | 'failed'
  readonly created_at: string
  started_at: string | null
  finished_at: string | null
  /** pages and URLs asked for */
  readonly inputs: { readonly pages: number; readonly urls: number }
  progress: JobProgress | null
  /** the ingest summary, once done */
  result: unknown
  error: string | null
}

/** How many jobs may wait or run at once: each holds its pages (up to the body cap) in memory until it is done. */
export const MAX_PENDING = 8

/** How many finished jobs are remembered (the oldest are forgotten first). */
export const KEEP_JOBS = 200

/** Where jobs are kept across restarts: the store's job methods. */
export type JobStore = Pick<Store, 'saveJob' | 'getJob' | 'abandonJobs'>

/** Why a job found queued or running at start is failed. */
export const ABANDONED = 'Expected the job to finish, but the server stopped first: the pages it had stored stay in the store; send the others again'

/**
 * A queue of ingest jobs run one after another. `onDone` runs after each (the app forgets its cached reads); `kept`
 * writes each job at every change of status, in order, after marking the jobs a stopped server left as failed.
 */
export class JobQueue {
  private readonly jobs = new Map<string, Job>()
  private tail: Promise<void> = Promise.resolve()
  private writes: Promise<void>
  constructor(private readonly run: IngestRunner, private readonly onDone: () => void = () => {}, private readonly kept: JobStore | null = null) {
    this.writes = kept ? kept.abandonJobs(ABANDONED, new Date().toISOString()).then(() => undefined, () => undefined) : Promise.resolve()
  }

  /** Writes the job as it stands (a copy), after the writes before it; a store that cannot take it leaves the job in memory. */
  private keep(job: Job): void {
    const kept = this.kept
    if (!kept) return
    const copy: Job = { ...job, progress: job.progress ? { ...job.progress } : null }
    this.writes = this.writes.then(() => kept.saveJob(copy)).catch(() => undefined)
  }

  /** Queues a job; refused (E_BUSY, 503) while MAX_PENDING jobs wait or run, so queued pages never pile up in memory. */
  submit(input: IngestInput): Job {
    const pending = [...this.jobs.values()].filter((j) => j.status === 'queued' || j.status === 'running').length
    if (pending >= MAX_PENDING) throw new DossierError('E_BUSY', `Expected fewer than ${MAX_PENDING} ingest jobs waiting or running, got ${pending}: retry when one is done (GET /api/jobs/{id})`)
    const job: Job = { id: 'job_' + randomUUID().replace(/-/g, '').slice(0, 16), status: 'queued', created_at: new Date().toISOString(), started_at: null, finished_at: null,
      inputs: { pages: input.pages.length, urls: input.urls.length }, progress: null, result: null, error: null }
    this.jobs.set(job.id, job)
    this.keep(job)
    this.forget()
    this.tail = this.tail.then(() => this.execute(job, input))
    return job
  }

  /** A job of this server (live), else one the store kept (an earlier server's, or one forgotten from memory). */
  async get(id: string): Promise<Job | null> {
    const live = this.jobs.get(id)
    if (live || !this.kept) return live ?? null
    await this.writes
    return (await this.kept.getJob(id).catch(() => null)) as Job | null
  }

  /** Resolves when every job queued so far has finished and been written (tests, shutdown). */
  idle(): Promise<void> { return this.tail.then(() => this.writes) }

  private async execute(job: Job, input: IngestInput): Promise<void> {
    job.status = 'running'; job.started_at = new Date().toISOString()
    this.keep(job)
    try {
      job.result = await this.run(input, (p) => { job.progress = { ...p } })
      job.status = 'done'
    } catch (e) {
      job.status = 'failed'; job.error = (e as Error)?.message ?? String(e)
    } finally {
      job.finished_at = new Date().toISOString()
      this.keep(job)
      try { this.onDone() } catch { /* a cache that cannot be dropped is rebuilt on its own */ }
    }
  }

  private forget(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status === 'done' || j.status === 'failed')
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_JOBS))) this.jobs.delete(j.id)
  }
}
