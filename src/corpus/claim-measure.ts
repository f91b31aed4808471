import type { ClaimRecord } from '../doc/layers.js'
import type { DocumentRecord } from '../model/records.js'
import { CLAIM_MEASURE_WINDOW, CLAIM_MEASURES } from './corpus.data.js'

/** What a claim counts ("killed", "injured", …), from its `what` or the words by its number; null when neither says. */
export function claimMeasure(doc: DocumentRecord, c: ClaimRecord): string | null {
  const num = c.number ?? c.evidence
  const near = doc.text.slice(Math.max(c.evidence.start, num.start - CLAIM_MEASURE_WINDOW), Math.min(c.evidence.end, num.end + CLAIM_MEASURE_WINDOW))
  for (const src of [c.what, near]) for (const { measure, re } of CLAIM_MEASURES) if (re.test(src)) return measure
  return null
}
