import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { createDoc, sha256 } from '../doc/doc.js'
import { defaultPipeline } from '../pipeline/default.js'
import { cleanPage, type RawPage } from '../stages/clean/index.js'
import { SHARED } from '../paths.js'

export interface PipelineBench { corpus: string; documents: number; wordsPerDoc: number; docsPerSec: number; msPerDoc: Record<string, number> }

/** Times every stage per document (clean included) over a set of raw pages, after a warm-up pass. */
export function benchPipelineOn(corpus: string, pages: RawPage[], passes = 3): PipelineBench {
  const { pipeline } = defaultPipeline()
  const totals: Record<string, number> = {}
  let words = 0, docs = 0
  const t0 = performance.now()
  for (let pass = -1; pass < passes; pass++) {
    for (const page of pages) {
      const c0 = performance.now()
      const cleaned = cleanPage(page)
      const cleanMs = performance.now() - c0
      if (!cleaned.text.trim()) continue
      const doc = createDoc({ path: page.path ?? null, url: null, sha256: sha256(page.text ?? page.html ?? ''), fetched_at: null }, cleaned.text, cleaned.paragraphs, cleaned.meta, cleaned.messages, cleaned.rawMap)
      const { status } = pipeline.run(doc)
      if (pass < 0) continue // warm-up
      docs++
      words += cleaned.text.split(/\s+/).length
      totals.clean = (totals.clean ?? 0) + cleanMs
      for (const s of status) totals[s.stage] = (totals[s.stage] ?? 0) + s.ms
    }
    if (pass < 0) totals.__t = performance.now()
  }
  const elapsed = performance.now() - (totals.__t ?? t0)
  delete totals.__t
  const msPerDoc = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Number((v / docs).toFixed(3))]))
  return { corpus, documents: docs / passes, wordsPerDoc: Math.round(words / docs), docsPerSec: Number((docs / (elapsed / 1000)).toFixed(1)), msPerDoc }
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

export function benchPipeline(): PipelineBench[] {
  return benchCorpora().map((c) => benchPipelineOn(c.name, c.pages))
}
