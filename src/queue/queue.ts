/**
 * The durable job queue of `dossier ingest --queue` and `dossier worker` (issue #14, "past one machine"): one table,
 * `queue_jobs`, in the PostgreSQL store it feeds, created by the store's migrations (`migrateQueue`, run by
 * src/store/postgres.ts under its advisory lock). One job is one page: its content, URL, fetched_at, the claims of
 * its input record and the hash of its raw bytes — never a path on the machine that enqueued it.
 *
 * Delivery is at least once: a worker claims jobs with `FOR UPDATE SKIP LOCKED` (two workers never claim the same
 * waiting job) and holds them under a lease it renews while it works; a worker killed with SIGKILL stops renewing,
 * and once the lease has run out any worker claims them again. Writes are idempotent (the store keeps one document
 * per page id, src/store/kysely-store.ts `saveOne`), so a job delivered twice stores its page once. A failed job
 * waits `retryDelay × 2^(tries − 1)` seconds and is tried again, up to `maxTries` tries; then it is `dead`, with its
 * error, until `dossier queue retry-dead`. Each page has one job: `key` is the page's document id (its URL and the
 * hash of its raw bytes), unique, so enqueuing the same page again is a duplicate, not a second job.
 *
 * States: waiting → active (claimed, `locked_by` until `locked_until`) → done (`outcome`; the page content is
 * dropped, the store holds the page) | waiting again (a retry, after `run_after`) | dead (`last_error`).
 */
import pg from 'pg'
import type { RawPage } from '../stages/clean/index.js'
import type { RecordClaims } from '../ingest/formats/claims.js'

/** What a job carries: one page, as ingest read it from its input (no server path). */
export interface QueuedPage {
  readonly url: string | null
  /** sha256 of the page's raw bytes as ingest hashes them (the store's `raw_sha256`; part of the page's id) */
  readonly rawSha: string
  readonly page: RawPage
  readonly claims?: RecordClaims
  /** where it was read from, for reports only (the enqueuing machine's file, or its URL) */
  readonly from?: string
}

/** A claimed job. */
export interface Job { readonly id: string; readonly key: string; readonly page: QueuedPage | null; readonly attempts: number }

export type JobState = 'waiting' | 'active' | 'done' | 'dead'

/** What `dossier queue status` shows. */
export interface QueueStatus {
  readonly counts: Readonly<Record<JobState, number>>
  /** the oldest job still waiting (ISO time) and its age in seconds; null when none waits */
  readonly oldestWaiting: { readonly created_at: string; readonly seconds: number } | null
  /** jobs waiting for a retry (after a failure), of the `waiting` count */
  readonly retrying: number
  /** the workers holding jobs now and how many each holds (an expired lease is marked: its jobs are claimed again) */
  readonly workers: readonly { readonly worker: string; readonly jobs: number; readonly lease_until: string; readonly expired: boolean }[]
  /** the dead jobs (most recent first, at most `limit`), with their error and how many tries they had */
  readonly dead: readonly { readonly id: string; readonly key: string; readonly from: string | null; readonly attempts: number; readonly error: string | null; readonly at: string }[]
}

/** A job's page from its JSON text; what is not JSON is given as is (the worker says what is wrong with it). */
function parsePage(text: string | null): QueuedPage | null {
  if (text == null) return null
  try { return JSON.parse(text) as QueuedPage } catch { return text as unknown as QueuedPage }
}

/** The session advisory lock held while one worker runs the cross-source analysis (any constant; "dosq"). */
const PG_ANALYSIS_LOCK = 0x646f7371

/** Creates the queue's table and indexes if missing (PostgreSQL only; run with the store's migrations). */
export async function migrateQueue(client: { query(sql: string): Promise<unknown> }): Promise<void> {
  await client.query(`create table if not exists queue_jobs (
    id bigserial primary key,
    key text not null unique,
    page text,
    label text,
    state text not null default 'waiting' check (state in ('waiting', 'active', 'done', 'dead')),
    attempts integer not null default 0,
    run_after timestamptz not null default now(),
    locked_by text,
    locked_until timestamptz,
    last_error text,
    outcome text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now())`)
  // the jobs a claim looks at stay few however many are done: a partial index over them alone
  await client.query(`create index if not exists queue_jobs_open on queue_jobs (id) where state in ('waiting', 'active')`)
  await client.query(`create index if not exists queue_jobs_dead on queue_jobs (updated_at) where state = 'dead'`)
}

/** True for a `postgres://` (or `postgresql://`) connection string. */
export const isPostgresUrl = (target: string) => /^postgres(ql)?:\/\//.test(target)

/** The queue on one PostgreSQL database (its own small connection pool; the store has its own). */
export class JobQueue {
  private readonly pool: pg.Pool

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 3 })
    // an idle connection the server drops (a restart) is replaced on the next query; never an uncaught error
    this.pool.on('error', () => {})
  }

  /**
   * Adds one job per page, in one statement: pages already stored as documents, and pages with a job already (any
   * state), are duplicates and get none. Returns how many were added and which keys were duplicates.
   */
  async enqueue(pages: readonly { key: string; page: QueuedPage }[]): Promise<{ enqueued: number; duplicates: string[] }> {
    if (!pages.length) return { enqueued: 0, duplicates: [] }
    const keys = pages.map((p) => p.key)
    const stored = new Set((await this.pool.query<{ id: string }>('select id from documents where id = any($1::text[])', [keys])).rows.map((r) => r.id))
    const seen = new Set<string>(), fresh: { key: string; page: QueuedPage }[] = []
    for (const p of pages) if (!stored.has(p.key) && !seen.has(p.key)) { seen.add(p.key); fresh.push(p) }
    // the page is kept as JSON text, not jsonb: jsonb refuses the NUL characters a page may hold (ingest reads
    // them out of the text with a note on the page, src/ingest/read-page.ts, and so does the worker)
    const added = fresh.length ? (await this.pool.query<{ key: string }>(
      `insert into queue_jobs (key, page, label) select * from unnest($1::text[], $2::text[], $3::text[]) on conflict (key) do nothing returning key`,
      [fresh.map((p) => p.key), fresh.map((p) => JSON.stringify(p.page)), fresh.map((p) => p.page.from ?? p.page.url)])).rows.map((r) => r.key) : []
    const got = new Set(added)
    return { enqueued: added.length, duplicates: keys.filter((k, i) => !got.has(k) || keys.indexOf(k) !== i) }
  }

  /** The raw hashes among these that a current stored document (accepted or rejected) has: ingest would find them unchanged. */
  async knownRaw(shas: readonly string[]): Promise<Set<string>> {
    if (!shas.length) return new Set()
    const r = await this.pool.query<{ raw_sha256: string }>('select distinct raw_sha256 from documents where raw_sha256 = any($1::text[]) and superseded_by is null', [shas])
    return new Set(r.rows.map((x) => x.raw_sha256))
  }

  /**
   * Claims up to `n` jobs for `worker` under a lease of `leaseSeconds`: waiting jobs whose time has come, and active
   * jobs whose lease ran out (their worker died), oldest first. A job whose lease ran out after its last allowed try
   * is dead instead (its page may be what kills the workers). Each claim counts as a try.
   */
  async claim(worker: string, n: number, leaseSeconds: number, maxTries: number): Promise<Job[]> {
    await this.pool.query(
      `update queue_jobs set state = 'dead', locked_by = null, locked_until = null, updated_at = now(),
         last_error = 'Expected a worker to finish the job, got its lease run out ' || attempts || ' time(s) (' || coalesce(locked_by, '?') || ' was stopped or killed while holding it)'
       where state = 'active' and locked_until < now() and attempts >= $1`, [maxTries])
    const r = await this.pool.query<{ id: string; key: string; page: string | null; attempts: number }>(
      `with c as (
         select id from queue_jobs
         where state in ('waiting', 'active') and ((state = 'waiting' and run_after <= now()) or (state = 'active' and locked_until < now()))
         order by id limit $2 for update skip locked)
       update queue_jobs j set state = 'active', attempts = j.attempts + 1, locked_by = $1,
         locked_until = now() + $3 * interval '1 second', updated_at = now()
       from c where j.id = c.id
       returning j.id, j.key, j.page, j.attempts`, [worker, n, leaseSeconds])
    return r.rows.sort((a, b) => Number(a.id) - Number(b.id)).map((x) => ({ id: String(x.id), key: x.key, page: parsePage(x.page), attempts: Number(x.attempts) }))
  }

  /** Renews `worker`'s lease on these jobs (those it still holds). */
  async extend(worker: string, ids: readonly string[], leaseSeconds: number): Promise<void> {
    await this.pool.query(`update queue_jobs set locked_until = now() + $3 * interval '1 second' where id = any($2::bigint[]) and locked_by = $1 and state = 'active'`, [worker, ids, leaseSeconds])
  }

  /**
   * Marks jobs done with their outcome and drops their page content (the store holds the page now). Only jobs this
   * worker still holds: one whose lease ran out and another worker claimed is that worker's to finish.
   */
  async complete(worker: string, done: readonly { id: string; outcome: string }[]): Promise<number> {
    if (!done.length) return 0
    const r = await this.pool.query(
      `update queue_jobs j set state = 'done', outcome = d.outcome, page = null, locked_by = null, locked_until = null, updated_at = now()
       from unnest($2::bigint[], $3::text[]) as d(id, outcome) where j.id = d.id and j.locked_by = $1 and j.state = 'active'`,
      [worker, done.map((d) => d.id), done.map((d) => d.outcome)])
    return r.rowCount ?? 0
  }

  /**
   * A try of a job failed: it waits `retryDelaySeconds × 2^(tries − 1)` and is tried again, or, after `maxTries`
   * tries, is dead with its error. Returns the state it is left in (null: this worker no longer held it).
   */
  async fail(worker: string, id: string, error: string, maxTries: number, retryDelaySeconds: number): Promise<'waiting' | 'dead' | null> {
    const r = await this.pool.query<{ state: 'waiting' | 'dead' }>(
      `update queue_jobs set state = case when attempts >= $4 then 'dead' else 'waiting' end,
         run_after = now() + least($5 * power(2, attempts - 1), 3600) * interval '1 second',
         last_error = $3, locked_by = null, locked_until = null, updated_at = now()
       where id = $2 and locked_by = $1 and state = 'active' returning state`, [worker, id, error.slice(0, 4000), maxTries, retryDelaySeconds])
    return r.rows[0]?.state ?? null
  }

  /** True when no job is waiting or being worked on (every job is done or dead). */
  async drained(): Promise<boolean> {
    const r = await this.pool.query(`select 1 from queue_jobs where state in ('waiting', 'active') limit 1`)
    return r.rowCount === 0
  }

  /** Counts by state, the oldest waiting job, the workers holding jobs, and the dead jobs with their errors. */
  async status(limit = 20): Promise<QueueStatus> {
    const counts: Record<JobState, number> = { waiting: 0, active: 0, done: 0, dead: 0 }
    for (const r of (await this.pool.query<{ state: JobState; n: string }>('select state, count(*) as n from queue_jobs group by state')).rows) counts[r.state] = Number(r.n)
    const oldest = (await this.pool.query<{ created_at: Date; seconds: number; retrying: string }>(
      `select min(created_at) as created_at, extract(epoch from now() - min(created_at))::float8 as seconds, count(*) filter (where attempts > 0) as retrying
       from queue_jobs where state = 'waiting'`)).rows[0]
    const workers = (await this.pool.query<{ worker: string; jobs: string; lease_until: Date; expired: boolean }>(
      `select locked_by as worker, count(*) as jobs, max(locked_until) as lease_until, max(locked_until) < now() as expired
       from queue_jobs where state = 'active' group by locked_by order by locked_by`)).rows
    const dead = (await this.pool.query<{ id: string; key: string; from: string | null; attempts: number; error: string | null; at: Date }>(
      `select id, key, label as from, attempts, last_error as error, updated_at as at
       from queue_jobs where state = 'dead' order by updated_at desc, id desc limit $1`, [limit])).rows
    return {
      counts,
      oldestWaiting: oldest?.created_at ? { created_at: oldest.created_at.toISOString(), seconds: Math.round(oldest.seconds) } : null,
      retrying: Number(oldest?.retrying ?? 0),
      workers: workers.map((w) => ({ worker: w.worker, jobs: Number(w.jobs), lease_until: w.lease_until.toISOString(), expired: w.expired })),
      dead: dead.map((d) => ({ id: String(d.id), key: d.key, from: d.from, attempts: Number(d.attempts), error: d.error, at: d.at.toISOString() })),
    }
  }

  /** Puts every dead job back to waiting with its tries reset (its last error kept until it runs); how many. */
  async retryDead(): Promise<number> {
    const r = await this.pool.query(`update queue_jobs set state = 'waiting', attempts = 0, run_after = now(), updated_at = now() where state = 'dead'`)
    return r.rowCount ?? 0
  }

  /**
   * Deletes the done jobs finished more than `olderThanSeconds` ago (their pages are stored: a page sent again is
   * still known by its document, except one that was rejected, which is read again); dead and open jobs stay. How many.
   */
  async prune(olderThanSeconds: number): Promise<number> {
    const r = await this.pool.query(`delete from queue_jobs where state = 'done' and updated_at < now() - $1 * interval '1 second'`, [olderThanSeconds])
    return r.rowCount ?? 0
  }

  /**
   * Runs `f` while holding the queue's analysis lock (a session advisory lock on a connection of its own): one
   * worker at a time, on any machine, runs the cross-source analysis; the others wait their turn. A worker that
   * dies holding it releases it with its connection.
   */
  async withAnalysisLock<T>(f: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query('select pg_advisory_lock($1)', [PG_ANALYSIS_LOCK])
      try { return await f() } finally { await client.query('select pg_advisory_unlock($1)', [PG_ANALYSIS_LOCK]) }
    } finally { client.release() }
  }

  async close(): Promise<void> { await this.pool.end() }
}
