import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { extractBody } from '../stages/clean/index.js'

/** Figures of one page. */
export interface PageScore { readonly id: string; readonly precision: number | null; readonly recall: number; readonly exact: boolean }
/** Figures of a run over an extraction benchmark folder (metric of shared/data/article-extraction/dev/README.md). */
export interface ExtractionScore {
  readonly f1: number
  readonly precision: number
  readonly recall: number
  readonly accuracy: number
  readonly pages: number
  readonly perPage?: readonly PageScore[]
}

/** Width of the shingles the metric compares. */
const SHINGLE = 4
const WORD = /[\p{L}\p{N}_]+/gu

/** Tokens of the metric: runs of Unicode letters, digits and underscore, case kept. */
export const metricTokens = (text: string): string[] => text.match(WORD) ?? []

function bag(tokens: readonly string[]): Map<string, number> {
  const m = new Map<string, number>()
  if (!tokens.length) return m
  if (tokens.length < SHINGLE) { m.set(tokens.join(' '), 1); return m }
  for (let i = 0; i + SHINGLE <= tokens.length; i++) {
    const k = tokens.slice(i, i + SHINGLE).join(' ')
    m.set(k, (m.get(k) ?? 0) + 1)
  }
  return m
}

/**
 * One page: shared 4-token shingles are true positives, extra predicted ones false positives, missed true ones
 * false negatives. Precision is null when nothing was predicted (that page is left out of the precision mean).
 */
export function scorePage(id: string, truth: string, predicted: string): PageScore {
  const tt = metricTokens(truth)
  const pt = metricTokens(predicted)
  const t = bag(tt)
  const p = bag(pt)
  let tp = 0, fp = 0, fn = 0
  for (const [k, c] of t) { const d = p.get(k) ?? 0; tp += Math.min(c, d); fn += Math.max(0, c - d) }
  for (const [k, c] of p) fp += Math.max(0, c - (t.get(k) ?? 0))
  const exact = tt.length === pt.length && tt.every((x, i) => x === pt[i])
  const precision = pt.length === 0 ? null : fp === 0 ? 1 : tp / (tp + fp)
  const recall = fn === 0 ? 1 : tp / (tp + fn)
  return { id, precision, recall, exact }
}

/** Overall figures: mean page precision (pages with a prediction), mean page recall (all pages), F1 of the two means. */
export function aggregate(pages: readonly PageScore[]): ExtractionScore {
  const withPred = pages.filter(p => p.precision !== null)
  const precision = withPred.length ? withPred.reduce((a, p) => a + (p.precision ?? 0), 0) / withPred.length : 0
  const recall = pages.length ? pages.reduce((a, p) => a + p.recall, 0) / pages.length : 0
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
  const accuracy = pages.length ? pages.filter(p => p.exact).length / pages.length : 0
  return { f1, precision, recall, accuracy, pages: pages.length, perPage: pages }
}

/** Ground truth of a benchmark folder: id -> article body. */
export function readTruth(devDir: string): Map<string, string> {
  const raw = JSON.parse(readFileSync(join(devDir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>
  return new Map(Object.entries(raw).map(([id, v]) => [id, v.articleBody ?? '']))
}

/** Bodies predicted by the cleaner for every page of a benchmark folder (`html/<id>.html`). */
export function predictBodies(devDir: string, extract: (html: string) => string[] = extractBody): Map<string, string> {
  const out = new Map<string, string>()
  for (const id of readTruth(devDir).keys()) out.set(id, extract(readFileSync(join(devDir, 'html', id + '.html'), 'utf8')).join('\n\n'))
  return out
}

/**
 * Scores the cleaner's body extraction on a benchmark folder (`ground-truth.json` + `html/<id>.html`).
 * @example const { f1 } = await evalExtraction(join(SHARED, 'data/article-extraction/dev'))
 */
export async function evalExtraction(devDir: string, predicted: Map<string, string> = predictBodies(devDir)): Promise<ExtractionScore> {
  const truth = readTruth(devDir)
  const pages = [...truth].map(([id, body]) => scorePage(id, body, predicted.get(id) ?? ''))
  return aggregate(pages)
}
