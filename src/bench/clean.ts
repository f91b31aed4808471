import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { SHARED } from '../paths.js'
import { cleanPage, extractBody } from '../stages/clean/index.js'
import { evalExtraction } from '../eval/extraction.js'

/** Throughput of one extractor over the dev pages. */
export interface Speed { readonly pagesPerSec: number; readonly msPerPage: number }
export interface CleanBench {
  readonly ours: Speed
  /** cleanPage (body + metadata + messages + raw map), not only the body */
  readonly oursFull: Speed
  readonly readability: Speed
  readonly speedup: number
  readonly f1: { readonly ours: number; readonly readability: number }
  readonly pages: number
}

/** The measured peer: linkedom parses, Readability.js extracts; paragraphs are its text content. */
export function readabilityBody(html: string): string[] {
  const { document } = parseHTML(html)
  const article = new Readability(document as unknown as Document).parse()
  return (article?.textContent ?? '').split(/\n\s*\n/).map(s => s.trim()).filter(Boolean)
}

function time(pages: readonly string[], fn: (html: string) => unknown, passes: number): Speed {
  for (const p of pages.slice(0, 10)) fn(p) // warm-up
  const t0 = performance.now()
  for (let k = 0; k < passes; k++) for (const p of pages) fn(p)
  const ms = (performance.now() - t0) / (passes * pages.length)
  return { pagesPerSec: 1000 / ms, msPerPage: ms }
}

/**
 * Times extractBody and cleanPage against @mozilla/readability + linkedom on the dev pages, in this process,
 * after a warm-up, over several passes; also scores both with the extraction metric.
 */
export async function benchClean(devDir = join(SHARED, 'data/article-extraction/dev'), passes = 3): Promise<CleanBench> {
  const ids = readdirSync(join(devDir, 'html')).filter(f => f.endsWith('.html')).sort()
  const pages = ids.map(f => readFileSync(join(devDir, 'html', f), 'utf8'))
  const ours = time(pages, extractBody, passes)
  const oursFull = time(pages, html => cleanPage({ html }), passes)
  const readability = time(pages, readabilityBody, Math.max(1, passes - 1))
  const peerBodies = new Map(ids.map((f, i) => [f.replace(/\.html$/, ''), readabilityBody(pages[i]!).join('\n\n')]))
  const [o, r] = await Promise.all([evalExtraction(devDir), evalExtraction(devDir, peerBodies)])
  return { ours, oursFull, readability, speedup: ours.pagesPerSec / readability.pagesPerSec, f1: { ours: o.f1, readability: r.f1 }, pages: pages.length }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchClean()
  const f = (s: Speed) => `${s.pagesPerSec.toFixed(1)} pages/s (${s.msPerPage.toFixed(2)} ms/page)`
  console.log(`dev pages: ${r.pages}`)
  console.log(`ours extractBody : ${f(r.ours)}  F1 ${r.f1.ours.toFixed(3)}`)
  console.log(`ours cleanPage   : ${f(r.oursFull)}`)
  console.log(`readability+linkedom: ${f(r.readability)}  F1 ${r.f1.readability.toFixed(3)}`)
  console.log(`speed-up (extractBody vs peer): ${r.speedup.toFixed(1)}x`)
}
