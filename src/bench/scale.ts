/**
 * Scale benchmark (issue #14): `npm run bench:scale -- --docs N [--add 1,100] [--workers 0] [--requests 30] [--json] [--keep]`.
 *
 * Builds N realistic pages from the Tehran Times corpus (`../shared/data/tehran-times/`, JSON Lines of
 * `{"url","text"}`, 33,680 real articles) — a deterministic spread over the whole corpus; past its size, each
 * further page joins the first half of one article to the second half of another (new URL), so it is new text,
 * not a copy — and ingests them into a fresh SQLite store in a temporary folder, each ingest in a child process of
 * its own (its peak RSS is that ingest's alone). Then it adds 1 and 100 more pages to the store of N (each a plain
 * `ingest`: the pages, then the cross-source analysis over the whole store) and times the main API endpoints in
 * process (`app.request`, as src/bench/api.ts does) at N.
 *
 * Reports pages/s (end to end, and for the page phase alone), peak RSS, store bytes per page, the seconds the page
 * phase and the cross-source analysis took in each ingest, and p50/p95 per endpoint. Progress goes to stderr; the
 * report to stdout (a table, or one JSON object with `--json`). Timings depend on the machine and its load: they
 * are measured here, never asserted by a test.
 *
 * `--queue --workers W --db postgres://…` measures the job queue instead (`dossier ingest --queue`, `dossier worker`):
 * in a fresh database on that server (dropped afterwards unless `--keep`), it enqueues the N pages (a child process),
 * starts W worker processes (`runWorker`, as `dossier worker --once` runs it; here --workers counts processes, each
 * reading in its main thread, with an 8 GB heap for the whole analysis at the first drain), kills one with SIGKILL once `--kill-at` jobs (default N/3) are done and restarts it at
 * once, and waits for them all to stop (the queue drained and the cross-source analysis done). It reports enqueue
 * pages/s, pages/s from the workers' start to the drained queue, the analysis's seconds, the jobs the killed worker
 * held and how long they waited for its lease (`--lease`, default 30 s), and the census: pages lost (a job not done,
 * or done as stored without its document) and stored twice (two current documents of one URL or of one raw page).
 */
import { spawn } from 'node:child_process'
import { createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, totalmem, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { SHARED } from '../paths.js'

export const CORPUS_DIR = join(SHARED, 'data', 'tehran-times')
/** A prime that does not divide the corpus size: page k is article (k × STRIDE) mod M, a spread over every year. */
const STRIDE = 7919

export interface IngestFigures {
  readonly pages: number; readonly stored: number; readonly rejected: number
  /** loading the knowledge base and the models (before the ingest, not counted in `seconds`) */
  readonly loadSeconds: number
  /** whole ingest, its page phase (read, clean, pipeline, store) and its cross-source analysis */
  readonly seconds: number; readonly pageSeconds: number; readonly corpusSeconds: number
  /** of the page phase, the store's per-page look-ups and saves, ms per page */
  readonly storeMsPerPage: number
  readonly peakRssMB: number
}

export interface ScaleResult {
  readonly machine: { readonly node: string; readonly cpus: number; readonly cpuModel: string; readonly memoryGB: number; readonly date: string }
  readonly docs: number
  /** worker threads reading pages (0: the main thread) */
  readonly workers: number
  readonly build: { readonly seconds: number; readonly articles: number; readonly variants: number }
  readonly ingest: IngestFigures & { readonly pagesPerSecond: number; readonly pagePhasePagesPerSecond: number }
  readonly store: { readonly bytes: number; readonly bytesPerPage: number }
  /** adding k pages to the store of N: k → figures */
  readonly add: Readonly<Record<string, IngestFigures>>
  readonly api: { readonly coldIndexMs: number; readonly queries: Readonly<Record<string, { p50: number; p95: number; n: number }>> }
}

const log = (s: string) => process.stderr.write(`bench:scale: ${s}\n`)

/** The corpus's lines (raw JSON text, in file order). */
export async function readCorpus(dir: string): Promise<string[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()
  if (!files.length) throw new Error(`Expected the Tehran Times corpus (*.jsonl) in ${dir}, found none`)
  const lines: string[] = []
  for (const f of files) for await (const line of createInterface({ input: createReadStream(join(dir, f)), crlfDelay: Infinity })) if (line.trim()) lines.push(line)
  return lines
}

const sentences = (text: string) => text.split(/(?<=[.!?”"])\s+(?=[A-Z“"])/)

/** Page k of the deterministic sequence: an article of the corpus while k < M, past that a new article made of two. */
export function pageAt(lines: readonly string[], k: number): string {
  const M = lines.length
  const article = (i: number) => JSON.parse(lines[i]!) as { url: string; text: string }
  const a = article((k * STRIDE) % M)
  if (k < M) return JSON.stringify({ url: a.url, text: a.text })
  const round = Math.floor(k / M)
  const b = article((k * STRIDE + round * 104729) % M)
  const sa = sentences(a.text), sb = sentences(b.text)
  const text = [...sa.slice(0, Math.ceil(sa.length / 2)), ...sb.slice(Math.floor(sb.length / 2))].join(' ')
  return JSON.stringify({ url: a.url.replace(/\/news\/(\d+)/, `/news/$1-${round}`), text })
}

/** Writes pages [from, to) of the sequence to a JSON Lines file. */
function writePages(lines: readonly string[], file: string, from: number, to: number): void {
  const out: string[] = []
  for (let k = from; k < to; k++) out.push(pageAt(lines, k))
  writeFileSync(file, out.join('\n') + '\n')
}

/** Runs one ingest in a child process (this module with `--child-ingest`); its figures come back as JSON on stdout. */
function ingestChild(db: string, file: string, label: string, workers: number): Promise<IngestFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child-ingest', db, file, String(workers)], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = '', err = ''
    child.stdout.on('data', (d) => { out += d })
    child.stderr.on('data', (d) => { err += d; const s = String(d); for (const l of s.split('\n')) if (l.trim()) log(`${label}: ${l.trim()}`) })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`Expected the ingest of ${label} to succeed, got exit code ${code}: ${err.slice(-2000)}`))
      try { resolve(JSON.parse(out) as IngestFigures) } catch { reject(new Error(`Expected the ingest of ${label} to print its figures, got: ${out.slice(0, 500)}`)) }
    })
  })
}

/** The child: one plain ingest (pages, then the cross-source analysis), figures on stdout, progress on stderr. */
async function childIngest(db: string, file: string, workers: number): Promise<void> {
  const { openStore } = await import('../store/index.js')
  const { ingest } = await import('../ingest/ingest.js')
  const { defaultPipeline } = await import('../pipeline/default.js')
  const { createDoc } = await import('../doc/doc.js')
  const { cleanPage } = await import('../stages/clean/index.js')
  // loading: the knowledge base and the models, and one small page read through every stage (lazy loads), timed apart
  const tl = performance.now()
  const { pipeline } = defaultPipeline()
  const warm = cleanPage({ path: 'warm-up', text: 'TEHRAN – Iran and Russia signed an agreement on Monday, the foreign minister said. "We will cooperate on energy," he told reporters.' })
  pipeline.run(createDoc({ path: 'warm-up', url: null, sha256: '0'.repeat(64), fetched_at: null }, warm.text, warm.paragraphs, warm.meta))
  const loadSeconds = (performance.now() - tl) / 1000
  const store = await openStore(db)
  // the time spent in the store's per-page calls (look-ups and saves), to see whether it grows with the store
  let storeMs = 0
  for (const m of ['findRaw', 'findLatest', 'saveDocument', 'saveDocuments', 'saveRejected'] as const) {
    const f = (store[m] as (...a: unknown[]) => Promise<unknown>).bind(store)
    ;(store as unknown as Record<string, unknown>)[m] = async (...a: unknown[]) => { const t = performance.now(); try { return await f(...a) } finally { storeMs += performance.now() - t } }
  }
  const t0 = performance.now()
  let corpusAt: number | null = null
  // with workers, each worker loads its own pipeline (inside the ingest, timed with it); without, the one loaded above
  const summary = await ingest(store, [file], {
    ...(workers > 0 ? { workers } : { pipeline }),
    onProgress: (p) => process.stderr.write(`${p.done} pages, ${p.stored} stored, ${p.perSecond.toFixed(1)} pages/s, RSS ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MB\n`),
    onPhase: (m) => { corpusAt = performance.now(); process.stderr.write(m + '\n') },
  })
  await store.close()
  const end = performance.now(), seconds = (end - t0) / 1000
  const corpusSeconds = corpusAt == null ? 0 : (end - corpusAt) / 1000
  const figures: IngestFigures = { loadSeconds, pages: summary.pages, stored: summary.stored, rejected: summary.rejected.length, seconds, pageSeconds: seconds - corpusSeconds, corpusSeconds,
    storeMsPerPage: +(storeMs / Math.max(1, summary.pages)).toFixed(2),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }
  process.stdout.write(JSON.stringify(figures) + '\n')
}

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! }

/** p50/p95 of the main API endpoints on the store (in process), after one cold request builds the corpus index. */
async function benchApiAt(db: string, requests: number): Promise<ScaleResult['api']> {
  const { openStore } = await import('../store/index.js')
  const { createApp } = await import('../api/app.js')
  const store = await openStore(db, { mustExist: true })
  try {
    const app = createApp(store)
    const call = async (path: string) => { const res = await app.request(path); if (res.status !== 200) throw new Error(`Expected 200 from ${path}, got ${res.status}: ${(await res.text()).slice(0, 300)}`); await res.arrayBuffer() }
    let t = performance.now(); await call('/api/overview'); const coldIndexMs = performance.now() - t
    // the ids asked for: the most active actors, events and documents spread over the store (deterministic picks)
    const actors = (await store.listActors({ limit: 1_000_000 })).sort((a, b) => b.events - a.events || a.id.localeCompare(b.id)).slice(0, 20).map((a) => a.id)
    const events = (await store.listEvents({ limit: 2000 })).map((e) => e.id)
    const docs = (await store.listDocuments({ limit: 2000 })).map((d) => d.id)
    const nDocs = (await store.stats()).documents
    let seed = 7
    const r = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 }
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!
    const words = ['nuclear', 'sanctions', 'Tehran', 'minister', 'oil', 'talks']
    const cases: Record<string, (() => string) | null> = {
      'overview': () => '/api/overview',
      'events (first page)': () => '/api/events?limit=50',
      'events by actor': actors.length ? () => `/api/events?actor=${encodeURIComponent(pick(actors))}&limit=50` : null,
      'event card': events.length ? () => `/api/events/${encodeURIComponent(pick(events))}` : null,
      'documents page': () => `/api/documents?limit=50&offset=${Math.floor(r() * Math.max(1, nDocs - 50))}`,
      'document': docs.length ? () => `/api/documents/${encodeURIComponent(pick(docs))}` : null,
      'actor page': actors.length ? () => `/api/actors/${encodeURIComponent(pick(actors))}` : null,
      'actors list': () => '/api/actors?limit=50',
      'timeline (top pair)': () => '/api/timeline',
      'search': () => `/api/search?q=${pick(words)}&limit=20`,
    }
    const queries: Record<string, { p50: number; p95: number; n: number }> = {}
    for (const [name, path] of Object.entries(cases)) {
      if (!path) continue
      const ms: number[] = []
      for (let i = 0; i < requests; i++) { const p = path(); t = performance.now(); await call(p); ms.push(performance.now() - t) }
      queries[name] = { p50: +pct(ms, 50).toFixed(2), p95: +pct(ms, 95).toFixed(2), n: ms.length }
    }
    return { coldIndexMs: +coldIndexMs.toFixed(1), queries }
  } finally { await store.close() }
}

/** The size of a SQLite store on disk (its file, and a WAL left beside it). */
function storeBytes(db: string): number {
  return [db, `${db}-wal`, `${db}-shm`].reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0)
}

export async function benchScale(o: { docs: number; add?: readonly number[]; requests?: number; keep?: boolean; corpusDir?: string; workers?: number }): Promise<ScaleResult> {
  const add = o.add ?? [1, 100]
  const dir = mkdtempSync(join(tmpdir(), 'dossier-scale-'))
  try {
    let t = performance.now()
    log(`reading the corpus in ${o.corpusDir ?? CORPUS_DIR}…`)
    const lines = await readCorpus(o.corpusDir ?? CORPUS_DIR)
    const pagesFile = join(dir, 'pages.jsonl')
    writePages(lines, pagesFile, 0, o.docs)
    const addFiles = add.map((k, i) => { const from = o.docs + add.slice(0, i).reduce((a, b) => a + b, 0); const f = join(dir, `add-${k}.jsonl`); writePages(lines, f, from, from + k); return f })
    const build = { seconds: +((performance.now() - t) / 1000).toFixed(2), articles: Math.min(o.docs, lines.length), variants: Math.max(0, o.docs - lines.length) }
    lines.length = 0
    log(`${o.docs} pages written (${build.variants} made of two articles) in ${build.seconds} s; ingesting into ${dir}/store.db…`)
    const db = join(dir, 'store.db')
    const main = await ingestChild(db, pagesFile, `${o.docs} pages`, o.workers ?? 0)
    const bytes = storeBytes(db)
    const added: Record<string, IngestFigures> = {}
    for (const [i, k] of add.entries()) { log(`adding ${k} page(s) to the store of ${o.docs}…`); added[String(k)] = await ingestChild(db, addFiles[i]!, `+${k}`, o.workers ?? 0) }
    log(`API at ${o.docs + add.reduce((a, b) => a + b, 0)} pages…`)
    const api = await benchApiAt(db, o.requests ?? 30)
    return {
      machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', memoryGB: Math.round(totalmem() / 2 ** 30), date: new Date().toISOString() },
      docs: o.docs, workers: o.workers ?? 0, build,
      ingest: { ...main, pagesPerSecond: +(main.pages / main.seconds).toFixed(2), pagePhasePagesPerSecond: +(main.pages / main.pageSeconds).toFixed(2) },
      store: { bytes, bytesPerPage: Math.round(bytes / Math.max(1, main.stored)) },
      add: added, api,
    }
  } finally {
    if (o.keep) log(`kept ${dir}`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

/** The report as a few lines of text. */
export function formatScale(r: ScaleResult): string {
  const f = (x: number, d = 1) => x.toFixed(d)
  const out = [
    `scale benchmark, ${r.docs} pages (${r.build.variants} made of two articles), ${r.workers ? `${r.workers} read worker(s)` : 'read in the main thread'}, ${r.machine.cpus} cores (${r.machine.cpuModel}), Node ${r.machine.node}, ${r.machine.date}`,
    `ingest: ${f(r.ingest.seconds)} s end to end = ${f(r.ingest.pagesPerSecond)} pages/s (pages ${f(r.ingest.pageSeconds)} s = ${f(r.ingest.pagePhasePagesPerSecond)} pages/s, cross-source analysis ${f(r.ingest.corpusSeconds)} s); store look-ups and saves ${f(r.ingest.storeMsPerPage, 2)} ms per page; ${r.ingest.stored} stored, ${r.ingest.rejected} rejected; peak RSS ${r.ingest.peakRssMB} MB`,
    `store: ${f(r.store.bytes / 2 ** 20)} MB, ${f(r.store.bytesPerPage / 1024)} KB per page`,
    `loading the knowledge base and models: ${f(r.ingest.loadSeconds)} s (before each ingest, not counted above)`,
    ...Object.entries(r.add).map(([k, a]) => `add ${k} page(s): ${f(a.seconds, 2)} s (pages ${f(a.pageSeconds, 2)} s, store ${f(a.storeMsPerPage, 2)} ms per page, cross-source analysis ${f(a.corpusSeconds, 2)} s), peak RSS ${a.peakRssMB} MB`),
    `API (cold corpus index ${f(r.api.coldIndexMs, 0)} ms):`,
    ...Object.entries(r.api.queries).map(([name, q]) => `  ${name.padEnd(22)} p50 ${f(q.p50).padStart(8)} ms   p95 ${f(q.p95).padStart(8)} ms`),
  ]
  return out.join('\n') + '\n'
}

/** What the queue benchmark measures (`--queue`). */
export interface QueueScaleResult {
  readonly machine: ScaleResult['machine']
  readonly docs: number
  readonly workers: number
  readonly leaseSeconds: number
  readonly enqueue: { readonly seconds: number; readonly pagesPerSecond: number; readonly enqueued: number; readonly rejected: number }
  /** from the workers' start to the queue drained (every job done or dead), and to the last worker's exit (the analysis after) */
  readonly work: { readonly seconds: number; readonly pagesPerSecond: number; readonly analysisSeconds: number; readonly peakRssMB: number }
  /** the worker killed with SIGKILL: when (jobs done by then), the jobs it held, and how long they waited to be claimed again */
  readonly kill: { readonly atDone: number; readonly held: number; readonly reclaimedAfterSeconds: number | null }
  readonly census: { readonly jobs: number; readonly done: number; readonly dead: number; readonly stored: number; readonly unchanged: number; readonly rejected: number; readonly lost: number; readonly duplicated: number; readonly documents: number; readonly reclaimed: number }
}

/** The child of the queue benchmark: one worker (`runWorker` with `once`, as `dossier worker --once`), its figures on stdout. */
async function childWorker(url: string, lease: number): Promise<void> {
  const { openStore } = await import('../store/index.js')
  const { JobQueue } = await import('../queue/queue.js')
  const { runWorker } = await import('../queue/worker.js')
  const store = await openStore(url), queue = new JobQueue(url)
  try {
    const sum = await runWorker(store, queue, { once: true, leaseSeconds: lease, pageTimeoutMs: Math.min(120_000, (lease * 1000) / 2), onPhase: (m) => process.stderr.write(m + '\n') })
    process.stdout.write(JSON.stringify({ ...sum, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n')
  } finally { await queue.close(); await store.close() }
}

/** `--queue`: the job queue path on PostgreSQL, with one worker killed mid-run and restarted (see the header). */
export async function benchQueue(o: { docs: number; workers: number; db: string; lease?: number; killAt?: number; keep?: boolean; corpusDir?: string; heapMb?: number }): Promise<QueueScaleResult> {
  const pg = (await import('pg')).default
  const lease = o.lease ?? 30, killAt = o.killAt ?? Math.max(1, Math.floor(o.docs / 3))
  const dir = mkdtempSync(join(tmpdir(), 'dossier-scale-queue-'))
  const name = `dossier_scale_${Date.now()}`
  const admin = new pg.Client({ connectionString: o.db })
  await admin.connect()
  await admin.query(`create database ${name}`)
  const u = new URL(o.db); u.pathname = '/' + name
  const url = u.toString()
  const c = new pg.Client({ connectionString: url })
  try {
    log(`reading the corpus in ${o.corpusDir ?? CORPUS_DIR}…`)
    const lines = await readCorpus(o.corpusDir ?? CORPUS_DIR)
    const pagesFile = join(dir, 'pages.jsonl')
    writePages(lines, pagesFile, 0, o.docs)
    lines.length = 0
    const bin = join(fileURLToPath(new URL('../..', import.meta.url)), 'bin', 'dossier.js')
    log(`${o.docs} pages written; enqueuing them into database ${name}…`)
    let t = performance.now()
    const e = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, 'ingest', pagesFile, '--queue', '--db', url, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] })
      let out = '', err = ''
      child.stdout.on('data', (d) => { out += d }); child.stderr.on('data', (d) => { err += d })
      child.on('close', (code) => resolve({ code, out, err }))
    })
    if (e.code !== 0 && e.code !== 1) throw new Error(`Expected the enqueue to succeed, got exit code ${e.code}: ${e.err.slice(-2000)}`)
    const es = JSON.parse(e.out) as { enqueued: number; rejected: unknown[] }
    const enqueue = { seconds: +((performance.now() - t) / 1000).toFixed(2), pagesPerSecond: 0, enqueued: es.enqueued, rejected: es.rejected.length }
    enqueue.pagesPerSecond = +(o.docs / enqueue.seconds).toFixed(1)
    log(`enqueued ${es.enqueued} in ${enqueue.seconds} s; starting ${o.workers} worker(s), lease ${lease} s; one is killed with SIGKILL at ${killAt} done jobs…`)
    await c.connect()
    const me = fileURLToPath(import.meta.url)
    const rss: number[] = []
    const start = (label: string) => {
      // the heap of a worker: the whole cross-source analysis at the first drain holds every document (3.2 GB at 30,000)
      const child = spawn(process.execPath, [`--max-old-space-size=${o.heapMb ?? 8192}`, me, '--child-worker', url, String(lease)], { stdio: ['ignore', 'pipe', 'pipe'] })
      let out = ''
      child.stdout.on('data', (d) => { out += d })
      child.stderr.on('data', (d) => { for (const l of String(d).split('\n')) if (l.trim()) log(`${label}: ${l.trim()}`) })
      const done = new Promise<void>((resolve, reject) => child.on('close', (code, signal) => {
        if (signal === 'SIGKILL') return resolve()
        if (code !== 0) return reject(new Error(`Expected ${label} to finish, got exit code ${code}`))
        try { rss.push((JSON.parse(out) as { peakRssMB: number }).peakRssMB) } catch { /* figures missing: RSS not counted */ }
        resolve()
      }))
      return { child, done }
    }
    t = performance.now()
    const running = Array.from({ length: o.workers }, (_, i) => start(`worker ${i + 1}`))
    const count = async () => (await c.query(`select count(*) filter (where state = 'done')::int as done, count(*) filter (where state = 'dead')::int as dead, count(*) filter (where state in ('waiting', 'active'))::int as open from queue_jobs`)).rows[0] as { done: number; dead: number; open: number }
    let kill: QueueScaleResult['kill'] = { atDone: 0, held: 0, reclaimedAfterSeconds: null }
    let held: string[] = [], killedAt = 0, drainedAt = 0, lastLog = 0
    for (;;) {
      const n = await count()
      if (!kill.atDone && n.done >= killAt) {
        // the worker killed holds jobs (it claims its next batch as soon as one is done): they wait for its lease
        const victim = running[0]!
        const pid = victim.child.pid
        victim.child.kill('SIGKILL')
        await victim.done
        killedAt = performance.now()
        held = (await c.query(`select id from queue_jobs where state = 'active' and locked_by like $1`, [`%:${pid}:%`])).rows.map((r) => String(r.id))
        kill = { atDone: n.done, held: held.length, reclaimedAfterSeconds: null }
        log(`killed worker 1 (pid ${pid}) with SIGKILL at ${n.done} done jobs, holding ${held.length}; restarting it`)
        running.push(start('worker 1 (restarted)'))
      }
      if (held.length && kill.reclaimedAfterSeconds == null) {
        const r = (await c.query(`select count(*)::int as n from queue_jobs where id = any($1::bigint[]) and (state = 'done' or attempts > 1)`, [held])).rows[0] as { n: number }
        if (r.n === held.length) kill = { ...kill, reclaimedAfterSeconds: +((performance.now() - killedAt) / 1000).toFixed(1) }
      }
      if (!n.open && kill.atDone) { drainedAt = performance.now(); break }
      if (performance.now() - lastLog > 10_000) { lastLog = performance.now(); log(`${n.done} done, ${n.open} open, ${n.dead} dead, ${(n.done / ((performance.now() - t) / 1000)).toFixed(1)} pages/s`) }
      await new Promise((r) => setTimeout(r, 200))
    }
    await Promise.all(running.map((r) => r.done))
    const end = performance.now()
    const q = async (sql: string) => ((await c.query(sql)).rows[0] as { n: number }).n
    const census = {
      jobs: await q(`select count(*)::int as n from queue_jobs`),
      done: await q(`select count(*)::int as n from queue_jobs where state = 'done'`),
      dead: await q(`select count(*)::int as n from queue_jobs where state = 'dead'`),
      stored: await q(`select count(*)::int as n from queue_jobs where outcome like 'stored%' or outcome like 'version%'`),
      unchanged: await q(`select count(*)::int as n from queue_jobs where outcome = 'unchanged'`),
      rejected: await q(`select count(*)::int as n from queue_jobs where outcome like 'rejected%'`),
      // lost: a job never done, or done as stored (or rejected) without its document
      lost: await q(`select count(*)::int as n from queue_jobs j where j.state <> 'done' or (j.outcome not like 'unchanged%' and not exists (select 1 from documents d where d.id = j.key))`),
      // stored twice: two current documents of one URL, or of one raw page
      duplicated: await q(`select (select count(*) from (select url from documents where superseded_by is null and url is not null group by url having count(*) > 1) x)::int
        + (select count(*) from (select raw_sha256 from documents where superseded_by is null group by raw_sha256 having count(*) > 1) y)::int as n`),
      documents: await q(`select count(*)::int as n from documents where status = 'ok' and superseded_by is null`),
      reclaimed: await q(`select count(*)::int as n from queue_jobs where attempts > 1`),
    }
    const seconds = (drainedAt - t) / 1000
    return {
      machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', memoryGB: Math.round(totalmem() / 2 ** 30), date: new Date().toISOString() },
      docs: o.docs, workers: o.workers, leaseSeconds: lease, enqueue,
      work: { seconds: +seconds.toFixed(2), pagesPerSecond: +(census.done / seconds).toFixed(2), analysisSeconds: +((end - drainedAt) / 1000).toFixed(2), peakRssMB: Math.max(0, ...rss) },
      kill, census,
    }
  } finally {
    await c.end().catch(() => {})
    if (o.keep) log(`kept ${dir} and database ${name}`)
    else { rmSync(dir, { recursive: true, force: true }); await admin.query(`drop database if exists ${name} with (force)`).catch(() => {}) }
    await admin.end()
  }
}

/** The queue report as a few lines of text. */
export function formatQueueScale(r: QueueScaleResult): string {
  const k = r.census
  return [
    `queue benchmark, ${r.docs} pages, ${r.workers} worker process(es) on PostgreSQL, lease ${r.leaseSeconds} s, ${r.machine.cpus} cores (${r.machine.cpuModel}), Node ${r.machine.node}, ${r.machine.date}`,
    `enqueue: ${r.enqueue.seconds.toFixed(1)} s = ${r.enqueue.pagesPerSecond} pages/s (${r.enqueue.enqueued} jobs, ${r.enqueue.rejected} rejected)`,
    `workers: ${r.work.seconds.toFixed(1)} s to the drained queue = ${r.work.pagesPerSecond} pages/s, then the cross-source analysis ${r.work.analysisSeconds.toFixed(1)} s; peak RSS of a worker ${r.work.peakRssMB} MB`,
    `SIGKILL of one worker at ${r.kill.atDone} done jobs: it held ${r.kill.held}, claimed again ${r.kill.reclaimedAfterSeconds ?? '?'} s later (the lease); it was restarted at once`,
    `census: ${k.jobs} jobs, ${k.done} done (${k.stored} stored, ${k.unchanged} unchanged, ${k.rejected} rejected), ${k.dead} dead, ${k.reclaimed} claimed more than once; ${k.documents} current documents; lost ${k.lost}, stored twice ${k.duplicated}`,
  ].join('\n') + '\n'
}

async function cli(argv: string[]): Promise<void> {
  if (argv[0] === '--child-ingest') return childIngest(argv[1]!, argv[2]!, Number(argv[3] ?? 0))
  if (argv[0] === '--child-worker') return childWorker(argv[1]!, Number(argv[2] ?? 30))
  const opt = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined }
  const docs = Number(opt('--docs') ?? 1000)
  if (!Number.isInteger(docs) || docs < 1) throw new Error(`Expected --docs to be a whole number of pages, got ${opt('--docs')}`)
  const add = (opt('--add') ?? '1,100').split(',').map(Number)
  if (add.some((k) => !Number.isInteger(k) || k < 1)) throw new Error(`Expected --add to be page counts separated by commas (1,100), got ${opt('--add')}`)
  const workers = Number(opt('--workers') ?? 0)
  if (!Number.isInteger(workers) || workers < 0) throw new Error(`Expected --workers to be a whole number, got ${opt('--workers')}`)
  if (argv.includes('--queue')) {
    const db = opt('--db')
    if (!db || !/^postgres(ql)?:\/\//.test(db)) throw new Error(`Expected --db postgres://… (a server where a fresh database is made) with --queue, got ${db ?? 'none'}`)
    const lease = Number(opt('--lease') ?? 30), killAt = opt('--kill-at') ? Number(opt('--kill-at')) : undefined
    const qr = await benchQueue({ docs, workers: Math.max(1, workers || 2), db, lease, killAt, keep: argv.includes('--keep'), corpusDir: opt('--corpus') })
    process.stdout.write(argv.includes('--json') ? JSON.stringify(qr, null, 2) + '\n' : formatQueueScale(qr))
    return
  }
  const r = await benchScale({ docs, add, requests: Number(opt('--requests') ?? 30), keep: argv.includes('--keep'), corpusDir: opt('--corpus'), workers })
  process.stdout.write(argv.includes('--json') ? JSON.stringify(r, null, 2) + '\n' : formatScale(r))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) cli(process.argv.slice(2)).catch((e) => { process.stderr.write(`bench:scale: ${(e as Error).message}\n`); process.exitCode = 1 })
