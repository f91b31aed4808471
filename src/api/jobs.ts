/**
 * Ingest jobs of the HTTP API: `POST /api/ingest` queues one and answers at once (202); the jobs run one at a time,
 * off the request (the ingest loop lets the event loop in between pages, so reads keep being answered), and
 * `GET /api/jobs/{id}` tells how each went. Jobs live in memory: a restart forgets them (the store keeps the pages).
 */
import { randomUUID } from 'node:crypto'
import { DossierError } from '../errors.js'
import type { ContentPage } from '../ingest/read.js'

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

/** A queue of ingest jobs run one after another. `onDone` runs after each (the app forgets its cached reads). */
export class JobQueue {
  private readonly jobs = new Map<string, Job>()
  private tail: Promise<void> = Promise.resolve()
  constructor(private readonly run: IngestRunner, private readonly onDone: () => void = () => {}) {}

  /** Queues a job; refused (E_BUSY, 503) while MAX_PENDING jobs wait or run, so queued pages never pile up in memory. */
  submit(input: IngestInput): Job {
    const pending = [...this.jobs.values()].filter((j) => j.status === 'queued' || j.status === 'running').length
    if (pending >= MAX_PENDING) throw new DossierError('E_BUSY', `Expected fewer than ${MAX_PENDING} ingest jobs waiting or running, got ${pending}: retry when one is done (GET /api/jobs/{id})`)
    const job: Job = { id: 'job_' + randomUUID().replace(/-/g, '').slice(0, 16), status: 'queued', created_at: new Date().toISOString(), started_at: null, finished_at: null,
      inputs: { pages: input.pages.length, urls: input.urls.length }, progress: null, result: null, error: null }
    this.jobs.set(job.id, job)
    this.forget()
    this.tail = this.tail.then(() => this.execute(job, input))
    return job
  }

  get(id: string): Job | null { return this.jobs.get(id) ?? null }

  /** Resolves when every job queued so far has finished (tests, shutdown). */
  idle(): Promise<void> { return this.tail }

  private async execute(job: Job, input: IngestInput): Promise<void> {
    job.status = 'running'; job.started_at = new Date().toISOString()
    try {
      job.result = await this.run(input, (p) => { job.progress = { ...p } })
      job.status = 'done'
    } catch (e) {
      job.status = 'failed'; job.error = (e as Error)?.message ?? String(e)
    } finally {
      job.finished_at = new Date().toISOString()
      try { this.onDone() } catch { /* a cache that cannot be dropped is rebuilt on its own */ }
    }
  }

  private forget(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status === 'done' || j.status === 'failed')
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_JOBS))) this.jobs.delete(j.id)
  }
}
