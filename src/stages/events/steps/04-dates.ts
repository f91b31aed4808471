import type { DatePrecision, TimeExpr } from '../../../doc/layers.js'
import type { Span } from '../../../doc/span.js'
import type { ActorIndex } from '../actors.js'
import { NEWS_TYPES, PLUPERFECT_RE } from '../events.data.js'
import type { Trigger } from './01-triggers.js'

/** The date an event carries, with its precision and basis (a timex basis, or 'unresolved'). */
export interface EventDate { readonly date: string | null; readonly precision: DatePrecision | null; readonly basis: string | null }
export const NO_DATE: EventDate = { date: null, precision: null, basis: null }

interface Anchor extends Span { timex?: TimeExpr }
const fromTimex = (x: TimeExpr): EventDate => ({ date: x.value, precision: x.value ? x.precision : null, basis: x.basis })

/**
 * Dates for the triggers of one sentence. Each time expression belongs to the nearest anchor (trigger or reporting
 * verb) on its left in the same clause segment, else the nearest on its right, else the nearest on its left; one that
 * opens the sentence ("On Friday, …") dates the whole sentence. A trigger without its own date takes the date of the
 * nearest earlier anchor that has one, unless it is pluperfect ("had supplied": before the statement) — so a
 * background clause keeps its own date. A speech act with no date before it takes the date of a later reporting verb
 * ("X has promised …, his office said on Wednesday"), and a nominal speech act ("calling it a heinous crime") the
 * date of the statement it belongs to. `extra` spans (reporting verbs) get their dates after the triggers'.
 */
export function sentenceDates(text: string, idx: ActorIndex, sent: Span, triggers: readonly Trigger[], timex: readonly TimeExpr[], extra: readonly Span[] = []): EventDate[] {
  if (!triggers.length && !extra.length) return []
  const inS = timex.filter((x) => x.start >= sent.start && x.end <= sent.end)
  const anchors: Anchor[] = triggers.map((t) => ({ start: t.start, end: t.end }))
  for (const v of idx.reportVerbs(sent.start, sent.end)) if (!anchors.some((a) => a.start <= v.start && v.start < a.end)) anchors.push({ start: v.start, end: v.end })
  anchors.sort((a, b) => a.start - b.start)
  const segs = idx.segments(sent)
  const segOf = (p: number): Span | undefined => segs.find((s) => s.start <= p && p <= s.end)
  let opening: TimeExpr | undefined
  for (const x of inS) {
    // a deadline ("by 2022", "until June") is not when the event happened
    if (/\b(?:by|until|till)\s+$/i.test(text.slice(Math.max(0, x.start - 8), x.start))) continue
    const seg = segOf(x.start)
    const first = segs[0]
    if (seg === first && !anchors.some((a) => a.start >= first.start && a.end <= first.end) && segs.length > 1) { opening = x; continue }
    const sameSeg = anchors.filter((a) => seg && a.start >= seg.start && a.end <= seg.end)
    const left = [...sameSeg].reverse().find((a) => a.end <= x.start && !a.timex)
    const right = sameSeg.find((a) => a.start >= x.end && !a.timex)
    const any = [...anchors].reverse().find((a) => a.end <= x.start && !a.timex)
    const a = left ?? right ?? any
    if (a) a.timex = x
  }
  const dates = triggers.map((t) => {
    const own = anchors.find((a) => a.start === t.start)
    if (own?.timex) return fromTimex(own.timex)
    const clause = text.slice(Math.max(sent.start, t.start - 30), t.start)
    // pluperfect events precede the statement; a nominal trigger ("condemning the assassination") refers to its own time,
    // except a nominal speech act, which is said when its statement is made
    if (PLUPERFECT_RE.test(clause) || (t.entry.pos === 'noun' && !t.entry.speakerSource)) return NO_DATE
    const prev = [...anchors].reverse().find((a) => a.start < t.start && a.timex)
    if (prev?.timex) return fromTimex(prev.timex)
    if (opening) return fromTimex(opening)
    const later = NEWS_TYPES.has(t.entry.type) ? anchors.find((a) => a.start > t.start && a.timex && !triggers.some((o) => o.start === a.start)) : undefined
    return later?.timex ? fromTimex(later.timex) : NO_DATE
  })
  for (const x of extra) {
    const own = anchors.find((a) => a.start === x.start)
    const prev = own?.timex ? own : [...anchors].reverse().find((a) => a.start < x.start && a.timex)
    dates.push(prev?.timex ? fromTimex(prev.timex) : opening ? fromTimex(opening) : NO_DATE)
  }
  return dates
}
