import type { ClaimRecord } from '../doc/layers.js'
import type { DocumentRecord } from '../model/records.js'
import { CLAIM_MEASURE_WINDOW, CLAIM_MEASURES, PEOPLE_MEASURES, PEOPLE_UNIT_RE, SUBSET_BEFORE_RE } from './corpus.data.js'

/** The measure word nearest to `at` in `text` (offset `base`), with its distance. */
function nearestMeasure(text: string, base: number, at: { start: number; end: number }): { measure: string; dist: number } | null {
  let best: { measure: string; dist: number } | null = null
  for (const { measure, re } of CLAIM_MEASURES) {
    for (const m of text.matchAll(re)) {
      const s = base + m.index!, e = s + m[0].length
      const dist = e <= at.start ? at.start - e : s >= at.end ? s - at.end : 0
      if (!best || dist < best.dist) best = { measure, dist }
    }
  }
  return best
}

/**
 * What a claim counts ("killed", "injured", …): the measure word of its `what` nearest its number, else the one
 * nearest its number in its sentence ("killing 37 people and wounding more than 90": 37 killed, 90 injured).
 * Null when neither says, and for a part of a toll already given ("among them 6 children").
 */
export function claimMeasure(doc: DocumentRecord, c: ClaimRecord): string | null {
  const num = c.number ?? c.evidence
  if (SUBSET_BEFORE_RE.test(doc.text.slice(Math.max(c.evidence.start, num.start - 30), num.start))) return null
  const fromWhat = nearestMeasure(c.what, 0, { start: Math.max(0, c.what.indexOf(String(num.text ?? ''))), end: c.what.length })
  if (fromWhat) return fromWhat.measure
  const lo = Math.max(c.evidence.start, num.start - CLAIM_MEASURE_WINDOW), hi = Math.min(c.evidence.end, num.end + CLAIM_MEASURE_WINDOW)
  return nearestMeasure(doc.text.slice(lo, hi), lo, num)?.measure ?? null
}

/** The unit a claim is compared in: people for counts of people ("martyrs", "others", "civilians"), else its own unit. */
export function claimUnit(measure: string, unit: string): string {
  const u = unit.trim()
  return PEOPLE_MEASURES.has(measure) && (!u || PEOPLE_UNIT_RE.test(u)) ? 'people' : u.toLowerCase()
}
