import type { ClaimRecord } from '../doc/layers.js'
import type { Span } from '../doc/span.js'
import type { DocumentRecord } from '../model/records.js'
import { CASUALTY_FIGURE_PATTERNS, ELLIPTIC_FIGURE_RE } from './casualty-figures.data.js'
import { claimMeasure } from './claim-measure.js'
import { pushAll } from '../doc/arrays.js'

/** A numeric claim with the measure it counts. */
export type MeasuredClaim = ClaimRecord & { readonly measure: string }

const toNumber = (s: string) => Number(s.replace(/,/g, ''))
const isYear = (s: string) => /^(?:19|20)\d\d$/.test(s)

/** Sentences of a document (its sentence layer, else its paragraphs). */
const sentencesOf = (doc: DocumentRecord): readonly Span[] => (doc.sentences?.length ? doc.sentences : doc.paragraphs)

/**
 * Casualty figures the claims stage left out, found in the page's own sentences: "a toll of 41", "41 dead",
 * "killing 37", and an elliptic second figure after a first ("state TV says 41 dead, the governor says 37"),
 * which counts what (and whom) the first one counts. A figure already claimed (same value in the same sentence) is skipped.
 */
export function casualtyFigures(doc: DocumentRecord, claims: readonly ClaimRecord[]): MeasuredClaim[] {
  const out: MeasuredClaim[] = []
  for (const sent of sentencesOf(doc)) {
    const text = doc.text.slice(sent.start, sent.end)
    const claimed = claims.filter((c) => c.evidence.start < sent.end && c.evidence.end > sent.start)
    const found: MeasuredClaim[] = []
    const add = (start: number, digits: string, qualifier: string | undefined, measure: string, what: string, unit = 'people') => {
      if (isYear(digits)) return
      const value = toNumber(digits)
      if (claimed.some((c) => c.value === value) || found.some((f) => f.number!.start === start)) return
      const number = { start, end: start + digits.length, text: digits }
      found.push({ id: `${doc.id}:fig${start}`, what, value, qualifier: qualifier ? qualifier.toLowerCase() : null, unit, number,
        evidence: { start: sent.start, end: sent.end, text }, measure })
    }
    for (const { measure, re } of CASUALTY_FIGURE_PATTERNS) {
      for (const m of text.matchAll(re)) {
        const g = m.groups!
        // who is counted, as written ("civilians" are a part of a toll of people, compared only with civilians)
        add(sent.start + m.index! + m[0].lastIndexOf(g.n), g.n, g.q, measure, m[0], g.u?.toLowerCase())
      }
    }
    // an elliptic figure counts what the sentence's other figure counts ("… says 41 dead, the governor says 37")
    const measured = [...claimed.map((c) => ({ at: (c.number ?? c.evidence).start, measure: claimMeasure(doc, c), unit: c.unit })), ...found.map((f) => ({ at: f.number!.start, measure: f.measure, unit: f.unit }))].filter((x) => x.measure)
    if (measured.length) for (const m of text.matchAll(ELLIPTIC_FIGURE_RE)) {
      const at = sent.start + m.index! + m[0].lastIndexOf(m.groups!.n)
      const nearest = measured.reduce((b, x) => (Math.abs(x.at - at) < Math.abs(b.at - at) ? x : b))
      add(at, m.groups!.n, m.groups!.q, nearest.measure!, m[0], nearest.unit || 'people')
    }
    pushAll(out, found)
  }
  return out
}

