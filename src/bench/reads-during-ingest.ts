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
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ingest } from '../ingest/ingest.js'
import { openStore } from '../store/index.js'
import { startServer } from '../api/server.js'
import { CORPUS_DIR } from './scale.js'

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

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const argv = process.argv.slice(2)
  const opt = (k: string) => { const i = argv.indexOf(k); return i >= 0 ? argv[i + 1] : undefined }
  const r = await benchReads({ base: Number(opt('--base') ?? 300), job: Number(opt('--job') ?? 100) })
  if (argv.includes('--json')) console.log(JSON.stringify(r))
  else {
    console.log(`reads during an ingest job of ${r.job} pages onto ${r.base}, ${r.machine}`)
    for (const m of r.modes) console.log(`  ${modeName(m.workers, m.analysisWorker)}: ${m.reads} reads (${m.resets} connection resets), p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms, max ${m.max.toFixed(0)} ms; job ${m.jobSeconds.toFixed(1)} s, ${m.stored} stored`)
  }
}
