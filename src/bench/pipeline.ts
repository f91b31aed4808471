import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { createDoc, sha256 } from '../doc/doc.js'
import { createPipeline, type Stage } from '../doc/stage.js'
import { defaultPipeline } from '../pipeline/default.js'
import { cleanPage, type RawPage } from '../stages/clean/index.js'
import { SHARED } from '../paths.js'

/**
 * Pipeline speed on one corpus. Wall-clock figures depend on what else runs on the machine; CPU figures
 * (`process.cpuUsage`: this process's user + system time) are what to compare on a loaded one. CPU time
 * includes V8's helper threads (parallel garbage collection), so it can exceed wall time on an idle machine;
 * `mainThreadDocsPerSec` counts the main thread alone.
 */
export interface PipelineBench {
  corpus: string
  documents: number
  wordsPerDoc: number
  /** timed passes over the corpus (after one warm-up pass) */
  passes: number
  /** documents per wall-clock second, cleaning included */
  docsPerSec: number
  /** documents per CPU second, cleaning included (all of the process's threads) */
  cpuDocsPerSec: number
  /** documents per CPU second of the main thread alone (Linux, 10 ms ticks; null elsewhere): the one-core figure */
  mainThreadDocsPerSec: number | null
  /** wall-clock ms per document, per stage */
  msPerDoc: Record<string, number>
  /** CPU ms per document, per stage */
  cpuMsPerDoc: Record<string, number>
  /** each stage's share of the CPU time, in % */
  cpuShare: Record<string, number>
}

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000

/** CPU ms of the calling thread from /proc (user + system, in 10 ms ticks), or null off Linux. */
function threadCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(f[11]) + Number(f[12])) * 10 // fields 14 and 15 (utime, stime), USER_HZ = 100
  } catch { return null }
}
const round = (x: number, digits = 3): number => Number(x.toFixed(digits))

/**
 * Times every stage per document (clean included) over a set of raw pages, after a warm-up pass; `swap` may
 * replace a stage of the default pipeline (the syntax bench swaps the parser for a stub to time the rest).
 */
export function benchPipelineOn(corpus: string, pages: RawPage[], passes = 3, swap: (s: Stage) => Stage = (s) => s): PipelineBench {
  const cpu: Record<string, number> = {}
  let counting = false
  // the same stages, each timed in CPU too (the pipeline itself records wall-clock ms per stage)
  const timed = (s: Stage): Stage => ({
    ...s,
    run(doc, layers) {
      const u0 = process.cpuUsage()
      try { return s.run(doc, layers) } finally { if (counting) cpu[s.name] = (cpu[s.name] ?? 0) + cpuMs(process.cpuUsage(u0)) }
    },
  })
  const pipeline = createPipeline(defaultPipeline().pipeline.stages.map(swap).map(timed))
  const wall: Record<string, number> = {}
  let words = 0, docs = 0, wallTotal = 0, cpuTotal = 0, thread0: number | null = null
  for (let pass = -1; pass < passes; pass++) {
    counting = pass >= 0 // pass -1 warms up
    if (pass === 0) thread0 = threadCpuMs()
    for (const page of pages) {
      const t0 = performance.now(), u0 = process.cpuUsage()
      const cleaned = cleanPage(page)
      const cleanWall = performance.now() - t0, cleanCpu = cpuMs(process.cpuUsage(u0))
      if (!cleaned.text.trim()) continue
      const doc = createDoc({ path: page.path ?? null, url: null, sha256: sha256(page.text ?? page.html ?? ''), fetched_at: null }, cleaned.text, cleaned.paragraphs, cleaned.meta, cleaned.messages, cleaned.rawMap)
      const { status } = pipeline.run(doc)
      const docWall = performance.now() - t0, docCpu = cpuMs(process.cpuUsage(u0))
      if (!counting) continue
      docs++
      words += cleaned.text.split(/\s+/).length
      wallTotal += docWall
      cpuTotal += docCpu
      wall.clean = (wall.clean ?? 0) + cleanWall
      cpu.clean = (cpu.clean ?? 0) + cleanCpu
      for (const s of status) wall[s.stage] = (wall[s.stage] ?? 0) + s.ms
    }
  }
  const thread1 = threadCpuMs()
  const threadMs = thread0 !== null && thread1 !== null ? thread1 - thread0 : null
  const perDoc = (m: Record<string, number>) => Object.fromEntries(Object.keys(wall).map((k) => [k, round((m[k] ?? 0) / docs)]))
  const cpuStages = Object.keys(wall).reduce((a, k) => a + (cpu[k] ?? 0), 0)
  return {
    corpus, documents: docs / passes, wordsPerDoc: Math.round(words / docs), passes,
    docsPerSec: round(docs / (wallTotal / 1000), 1), cpuDocsPerSec: round(docs / (cpuTotal / 1000), 1),
    mainThreadDocsPerSec: threadMs ? round(docs / (threadMs / 1000), 1) : null,
    msPerDoc: perDoc(wall), cpuMsPerDoc: perDoc(cpu),
    cpuShare: Object.fromEntries(Object.keys(wall).map((k) => [k, round((100 * (cpu[k] ?? 0)) / cpuStages, 1)])),
  }
}

/** The seeds and the article-extraction dev pages, as raw pages. */
export function benchCorpora(): { name: string; pages: RawPage[] }[] {
  const out: { name: string; pages: RawPage[] }[] = []
  const seeds = join(SHARED, 'seeds')
  if (existsSync(seeds)) out.push({ name: 'seeds (5 .txt)', pages: readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ path: f, text: readFileSync(join(seeds, f), 'utf8') })) })
  const dev = join(SHARED, 'data', 'article-extraction', 'dev', 'html')
  if (existsSync(dev)) out.push({ name: 'article-extraction dev (61 .html)', pages: readdirSync(dev).sort().map((f) => ({ path: f, html: readFileSync(join(dev, f), 'utf8') })) })
  return out
}

/** Runs the pipeline bench on every corpus found (seeds with more passes: they are few). */
export function benchPipeline(): PipelineBench[] {
  return benchCorpora().map((c) => benchPipelineOn(c.name, c.pages, c.pages.length < 20 ? 20 : 5))
}
