import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../paths.js'
import type { GoldReport } from './gold.js'

/** Metrics where a smaller number is better (pinned as ceilings, not floors). */
const LOWER_IS_BETTER = new Set(['entity_splits', 'entity_false_merges'])
export const BASELINE_FILE = join(REPO_ROOT, 'gates', 'baseline.json')

const fraction = (s: string) => { const [a, b] = s.split('/').map(Number); return b ? a / b : 1 }

/** Flattens a gold report into named numbers (ratios "a/b" become fractions). */
export function metricsOf(r: GoldReport): Record<string, number> {
  const t = r.totals
  const m: Record<string, number> = {
    body_f1: t.body.f1, mention_recall: t.mention_recall, entity_splits: t.entity_splits, entity_false_merges: t.entity_false_merges,
    events_f1: t.events.f1, events_loose_f1: t.events_loose.f1, event_dates: fraction(t.event_dates), quotes_f1: t.quotes.f1,
    speaker_accuracy: t.speaker_accuracy, claims_f1: t.claims.f1, framing: fraction(t.framing),
  }
  for (const [k, v] of Object.entries(t.metadata as Record<string, string>)) m[`meta_${k}`] = fraction(v)
  for (const [k, v] of Object.entries(r.cross_document ?? {})) m[`cross_${k}`] = (v as any).total ? (v as any).ok / (v as any).total : 1
  for (const k of Object.keys(m)) m[k] = Number(m[k].toFixed(3))
  return m
}

export interface Baseline { readonly corpus: string; readonly floors: Record<string, number> }

export function readBaseline(): Record<string, Baseline> {
  return existsSync(BASELINE_FILE) ? JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) : {}
}

/** Names the metrics that fell below their pinned floor (or rose above a pinned ceiling). */
export function regressions(current: Record<string, number>, floors: Record<string, number>): string[] {
  const out: string[] = []
  for (const [k, floor] of Object.entries(floors)) {
    const v = current[k]
    if (v === undefined) { out.push(`${k}: missing (floor ${floor})`); continue }
    if (LOWER_IS_BETTER.has(k) ? v > floor : v < floor) out.push(`${k}: ${v} ${LOWER_IS_BETTER.has(k) ? '>' : '<'} pinned ${floor}`)
  }
  return out
}

/** Pins the current figures; refuses to lower a floor unless `allowRegression`. */
export function pin(name: string, corpus: string, current: Record<string, number>, allowRegression = false): string[] {
  const all = readBaseline()
  const before = all[name]?.floors ?? {}
  const lowered = regressions(current, before)
  if (lowered.length && !allowRegression) return lowered
  const floors: Record<string, number> = { ...before }
  for (const [k, v] of Object.entries(current)) floors[k] = allowRegression || before[k] === undefined ? v : LOWER_IS_BETTER.has(k) ? Math.min(v, before[k]) : Math.max(v, before[k])
  all[name] = { corpus, floors }
  writeFileSync(BASELINE_FILE, JSON.stringify(all, null, 2) + '\n')
  return []
}
