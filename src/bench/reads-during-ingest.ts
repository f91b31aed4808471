/**
 * Reads while an ingest job runs (issue #17): `npm run bench:reads -- [--base 300] [--job 100] [--json]`.
 *
 * Ingests `--base` Tehran Times pages (`../shared/data/tehran-times/`, the first articles of its last file) into a
 * SQLite store in a temporary folder, then, for each way of running a job — pages and analysis in the server's own
 * thread (`workers: 0`), pages in one worker thread with the cross-source analysis in the server's thread, and pages
 * and analysis in worker threads (`workers: 1` and `analysisStore`, what `dossier serve` does) — starts the server on a copy of
 * that store, posts `--job` more pages to `POST /api/ingest` and, until the job is done, reads four endpoints in
 * turn (documents, stats, overview, the job), timing each answer. Reports p50 / p95 / max per mode, and how long
 * the job took. Timings depend on the machine and its load: measured here, never asserted by a test.
 *
 * `--main [--db store.db] [--rounds 60]` measures the main read endpoints instead (MAIN_ENDPOINTS: lists, pages,
 * search, the corpus views), p50 / p95 / p99 / max each, on a copy of `--db` (a store built before, e.g. by
 * `dossier ingest` of `npm run bench:scale -- --docs 3000 --keep`'s pages) or of a store of `--base` pages: first
 * `--rounds` rounds with no job, then round after round while a job of `--job` pages runs the way `dossier serve`
 * runs it (pages and analysis in worker threads). The job's pages are pages [N, N + job) of bench:scale's sequence
 * (`pageAt`), N the store's document count, so they are new pages.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ingest } from '../ingest/ingest.js'
import { openStore } from '../store/index.js'
import { startServer } from '../api/server.js'
import { CORPUS_DIR, pageAt, readCorpus } from './scale.js'

interface ModeFigures { readonly workers: number; readonly analysisWorker: boolean; readonly reads: number; readonly resets: number; readonly p50: number; readonly p95: number; readonly max: number; readonly jobSeconds: number; readonly stored: number }

/** The first `n` articles of the corpus's last file, as pages given as content. */
function corpusPages(n: number): { url: string; text: string }[] {
  const file = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.jsonl')).sort().at(-1)!
  const out: { url: string; text: string }[] = []
  for (const line of readFileSync(join(CORPUS_DIR, file), 'utf8').split('\n')) {
    if (out.length >= n) break
    if (!line.trim()) continue
    const r = JSON.parse(line) as { url?: string; text?: string }
    if (r.url && r.text) out.push({ url: r.url, text: r.text })
  }
  return out
}

const modeName = (workers: number, analysisWorker: boolean) => workers === 0 ? 'pages and analysis in the server thread'
  : analysisWorker ? 'pages and analysis in worker threads (dossier serve)' : 'pages in a worker thread, analysis in the server thread'

const pct = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? 0

async function runMode(db: string, pages: { url: string; text: string }[], workers: number, analysisWorker: boolean): Promise<ModeFigures> {
  const store = await openStore(db)
  const srv = await startServer(store, { port: 0, host: '127.0.0.1', token: 'bench',
    ingest: (input, onProgress) => ingest(store, input.urls, { pages: input.pages, workers, analysisStore: analysisWorker ? db : undefined, onProgress: (p) => onProgress({ ...p, total: input.pages.length }) }) })
  try {
    const t0 = performance.now()
    const res = await fetch(`${srv.url}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer bench' }, body: JSON.stringify({ pages }) })
    const { job } = await res.json() as { job: { id: string } }
    const times: number[] = []
    let status = 'queued', stored = 0, resets = 0
    while (status !== 'done' && status !== 'failed') {
      for (const path of ['/api/documents?limit=5', '/api/stats', '/api/overview', `/api/jobs/${job.id}`]) {
        const t = performance.now()
        // a kept-alive connection the server closed while it was busy is reset: counted and asked again (its wait stays in the time)
        const r = await fetch(srv.url + path).catch(() => { resets++; return fetch(srv.url + path) })
        const body = await r.json() as { status?: string; result?: { stored?: number } }
        times.push(performance.now() - t)
        if (path.startsWith('/api/jobs/')) { status = body.status ?? status; stored = body.result?.stored ?? 0 }
      }
    }
    const jobSeconds = (performance.now() - t0) / 1000
    times.sort((a, b) => a - b)
    return { workers, analysisWorker, reads: times.length, resets, p50: pct(times, 0.5), p95: pct(times, 0.95), max: times.at(-1) ?? 0, jobSeconds, stored }
  } finally { await srv.close(); await store.close() }
}

export async function benchReads(o: { base: number; job: number }): Promise<{ base: number; job: number; machine: string; modes: ModeFigures[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-reads-'))
  try {
    const all = corpusPages(o.base + o.job)
    const baseDb = join(dir, 'base.db')
    const store = await openStore(baseDb)
    process.stderr.write(`ingesting ${o.base} base pages…\n`)
    await ingest(store, [], { pages: all.slice(0, o.base) })
    await store.close()
    const modes: ModeFigures[] = []
    for (const [workers, analysisWorker] of [[0, false], [1, false], [1, true]] as const) {
      const db = join(dir, `w${workers}${analysisWorker ? 'a' : ''}.db`)
      copyFileSync(baseDb, db)
      process.stderr.write(`job of ${o.job} pages, ${modeName(workers, analysisWorker)}…\n`)
      modes.push(await runMode(db, all.slice(o.base, o.base + o.job), workers, analysisWorker))
    }
    return { base: o.base, job: o.job, machine: `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.versions.node}, ${new Date().toISOString()}`, modes }
  } finally { rmSync(dir, { recursive: true, force: true }) }
}

/** The main read endpoints, as paths made from ids picked in the store (`ids`), in the order they are read each round. */
export const MAIN_ENDPOINTS: Readonly<Record<string, (ids: PickedIds, i: number) => string>> = {
  'documents page': (_, i) => `/api/documents?limit=50&offset=${(i * 50) % 2000}`,
  'document': (x, i) => `/api/documents/${encodeURIComponent(x.docs[i % x.docs.length]!)}`,
  'events page': (_, i) => `/api/events?limit=50&offset=${(i * 50) % 2000}`,
  'events by actor': (x, i) => `/api/events?actor=${encodeURIComponent(x.actors[i % x.actors.length]!)}&limit=50`,
  'event card': (x, i) => `/api/events/${encodeURIComponent(x.events[i % x.events.length]!)}`,
  'timeline (top pair)': (_, i) => `/api/timeline?limit=500&offset=${(i % 4) * 500}`,
  'network': () => '/api/network?limit=200',
  'actors': () => '/api/actors?limit=50',
  'actor page': (x, i) => `/api/actors/${encodeURIComponent(x.actors[i % x.actors.length]!)}`,
  'search': (_, i) => `/api/search?q=${['nuclear', 'sanctions', 'Tehran', 'minister', 'oil', 'talks'][i % 6]}&limit=20`,
  'claims (20 units of 50)': (_, i) => `/api/claims?limit=20&per_unit=50&offset=${(i % 3) * 20}`,
  'claims (default page)': (_, i) => `/api/claims?offset=${(i % 3) * 50}`,
  'contradictions': () => '/api/contradictions?limit=50',
  'stories': (_, i) => `/api/stories?limit=50&offset=${(i % 5) * 50}`,
  'outlets': () => '/api/outlets',
  'map': () => '/api/map',
  'overview': () => '/api/overview',
  'stats': () => '/api/stats',
}
export interface PickedIds { readonly docs: readonly string[]; readonly events: readonly string[]; readonly actors: readonly string[] }
export interface EndpointFigures { readonly n: number; readonly p50: number; readonly p95: number; readonly p99: number; readonly max: number }
export interface MainFigures {
  readonly documents: number; readonly job: number; readonly machine: string
  /** per endpoint: with no job running, and while the job runs */
  readonly idle: Readonly<Record<string, EndpointFigures>>; readonly during: Readonly<Record<string, EndpointFigures>>
  readonly jobSeconds: number; readonly stored: number; readonly resets: number
}

const figures = (ms: number[]): EndpointFigures => {
  const s = [...ms].sort((a, b) => a - b)
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? 0
  return { n: s.length, p50: +q(0.5).toFixed(1), p95: +q(0.95).toFixed(1), p99: +q(0.99).toFixed(1), max: +(s.at(-1) ?? 0).toFixed(1) }
}

/** p50/p95/p99 of the main endpoints on a copy of `db`, with no job and then while a job of `job` new pages runs as `dossier serve` runs it. */
export async function benchMain(o: { db?: string; base: number; job: number; rounds: number }): Promise<MainFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-main-'))
  try {
    const db = join(dir, 'store.db')
    process.stderr.write('reading the corpus…\n')
    const lines = await readCorpus(CORPUS_DIR)
    if (o.db) copyFileSync(o.db, db)
    else {
      const store = await openStore(db)
      process.stderr.write(`ingesting ${o.base} base pages…\n`)
      await ingest(store, [], { pages: Array.from({ length: o.base }, (_, k) => JSON.parse(pageAt(lines, k)) as { url: string; text: string }) })
      await store.close()
    }
    const store = await openStore(db, { mustExist: true })
    const documents = (await store.stats()).documents
    const pages = Array.from({ length: o.job }, (_, k) => JSON.parse(pageAt(lines, documents + k)) as { url: string; text: string })
    lines.length = 0
    const srv = await startServer(store, { port: 0, host: '127.0.0.1', token: 'bench',
      ingest: (input, onProgress) => ingest(store, input.urls, { pages: input.pages, workers: 1, analysisStore: db, onProgress: (p) => onProgress({ ...p, total: input.pages.length }) }) })
    try {
      let resets = 0
      const read = async (path: string) => {
        const t = performance.now()
        // a kept-alive connection the server closed while it was busy is reset: counted and asked again (its wait stays in the time)
        const r = await fetch(srv.url + path).catch(() => { resets++; return fetch(srv.url + path) })
        const body = await r.json() as unknown
        if (r.status !== 200) throw new Error(`Expected 200 from ${path}, got ${r.status}: ${JSON.stringify(body).slice(0, 300)}`)
        return { ms: performance.now() - t, body }
      }
      const list = async <T>(path: string) => ((await read(path)).body as { items: T[] }).items
      const actors = (await list<{ id: string; events: number }>('/api/actors?limit=500')).sort((a, b) => b.events - a.events || a.id.localeCompare(b.id)).slice(0, 20).map((a) => a.id)
      const ids: PickedIds = { actors, events: (await list<{ id: string }>('/api/events?limit=500')).map((e) => e.id), docs: (await list<{ id: string }>('/api/documents?limit=500')).map((d) => d.id) }
      const names = Object.keys(MAIN_ENDPOINTS)
      for (const name of names) await read(MAIN_ENDPOINTS[name]!(ids, 0)) // warm: the corpus index and each view's memo
      const times = () => Object.fromEntries(names.map((n) => [n, [] as number[]]))
      const idle = times(), during = times()
      process.stderr.write(`${documents} documents: ${o.rounds} rounds of ${names.length} endpoints with no job…\n`)
      for (let i = 0; i < o.rounds; i++) for (const n of names) idle[n]!.push((await read(MAIN_ENDPOINTS[n]!(ids, i))).ms)
      process.stderr.write(`the same while a job of ${o.job} pages runs (pages and analysis in worker threads)…\n`)
      const t0 = performance.now()
      const res = await fetch(`${srv.url}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer bench' }, body: JSON.stringify({ pages }) })
      const { job } = await res.json() as { job: { id: string } }
      let status = 'queued', stored = 0
      for (let i = 0; status !== 'done' && status !== 'failed'; i++) {
        for (const n of names) during[n]!.push((await read(MAIN_ENDPOINTS[n]!(ids, i))).ms)
        const j = (await read(`/api/jobs/${job.id}`)).body as { status: string; result?: { stored?: number } }
        status = j.status; stored = j.result?.stored ?? 0
      }
      const jobSeconds = (performance.now() - t0) / 1000
      const all = (t: Record<string, number[]>) => Object.fromEntries(names.map((n) => [n, figures(t[n]!)]))
      return { documents, job: o.job, machine: `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.versions.node}, ${new Date().toISOString()}`,
        idle: all(idle), during: all(during), jobSeconds: +jobSeconds.toFixed(1), stored, resets }
    } finally { await srv.close(); await store.close() }
  } finally { rmSync(dir, { recursive: true, force: true }) }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const argv = process.argv.slice(2)
  const opt = (k: string) => { const i = argv.indexOf(k); return i >= 0 ? argv[i + 1] : undefined }
  if (argv.includes('--main')) {
    const r = await benchMain({ db: opt('--db'), base: Number(opt('--base') ?? 300), job: Number(opt('--job') ?? 100), rounds: Number(opt('--rounds') ?? 60) })
    if (argv.includes('--json')) console.log(JSON.stringify(r))
    else {
      console.log(`main endpoints at ${r.documents} documents, then during a job of ${r.job} pages (${r.jobSeconds} s, ${r.stored} stored, ${r.resets} connection resets), ${r.machine}`)
      console.log(`${'endpoint'.padEnd(22)} ${'no job: n   p50   p95   p99   max'.padStart(36)}   ${'during the job: n   p50   p95   p99   max'.padStart(40)}`)
      const f = (x: EndpointFigures) => `${String(x.n).padStart(4)} ${[x.p50, x.p95, x.p99, x.max].map((v) => v.toFixed(1).padStart(7)).join('')}`
      for (const n of Object.keys(r.idle)) console.log(`${n.padEnd(22)} ${f(r.idle[n]!).padStart(36)}   ${f(r.during[n]!).padStart(40)}`)
    }
    process.exit(0)
  }
  const r = await benchReads({ base: Number(opt('--base') ?? 300), job: Number(opt('--job') ?? 100) })
  if (argv.includes('--json')) console.log(JSON.stringify(r))
  else {
    console.log(`reads during an ingest job of ${r.job} pages onto ${r.base}, ${r.machine}`)
    for (const m of r.modes) console.log(`  ${modeName(m.workers, m.analysisWorker)}: ${m.reads} reads (${m.resets} connection resets), p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms, max ${m.max.toFixed(0)} ms; job ${m.jobSeconds.toFixed(1)} s, ${m.stored} stored`)
  }
}
