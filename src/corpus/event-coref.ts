import type { ActorRef, DatePrecision, EventRecord } from '../doc/layers.js'
import type { DocumentRecord } from '../model/records.js'
import { compareActors, type ActorInfo, type ActorMatch } from './actor-compat.js'
import {
  ATTRIBUTION_TYPES, COREF_ACTOR_POINTS, COREF_ATTACK_PLACE_POINTS, COREF_BLOCK_WINDOW, COREF_CONFLICT_MIN_SCORE, COREF_DATE_SLACK_DAYS, COREF_MIN_SCORE,
  COREF_MIN_TEXT_SAME_DOC, COREF_MIN_TEXT_UNDATED, COREF_PLACE_POINTS, COREF_SAME_DAY_POINTS, COREF_SAME_FIGURE_POINTS, COREF_SAME_WEEKDAY_POINTS, COREF_TEXT_WEIGHT,
  DOUBTFUL_DATE_REACH_DAYS, PUBLICATION_WINDOW_DAYS, SYMMETRIC_TYPES,
} from './corpus.data.js'
import { claimMeasure, claimUnit } from './claim-measure.js'
import { dateRange, dayNumber, rangeGap } from './dates.js'
import { actorNamed, chainedDate, dateDoubtful, unresolvedWeekday } from './mention-facts.js'
import { contentWords, cosine, Idf } from './text-sim.js'
import { UnionFind } from './union-find.js'

/** An event date set by the cross-source analysis (inferred from other pages); `date_given` keeps what the events stage said. */
export interface DateOverride {
  readonly date: string; readonly date_precision: DatePrecision; readonly date_basis: string
  readonly date_given?: { readonly date: string | null; readonly date_precision: DatePrecision | null; readonly date_basis: string | null } | null
}

/** One event mention as the coreference sees it. */
export interface EventMention {
  readonly doc: DocumentRecord
  readonly event: EventRecord
  readonly date: string | null
  readonly precision: DatePrecision | null
  readonly range: [number, number] | null
  readonly place: string | null
  readonly vec: ReadonlyMap<string, number>
  /** casualty and other figures stated in the evidence ("killed:15"): the same toll is a strong sign of the same act */
  readonly figures: ReadonlySet<string>
  /** whether the sentence names the source and the target itself (not through a role or a pronoun) */
  readonly named: readonly [boolean, boolean]
  /** weekday an undated page gives the event ("on Wednesday"), 0 = Sunday */
  readonly weekday: number | null
  /** how the date was set: by the stage, the publication-week default, a chained offset, the analysis, or dropped as another act's */
  readonly dateFrom: 'stage' | 'publication' | 'chained' | 'override' | 'doubtful' | null
}

/** Groups of mentions that report one real-world event, each group in document order. */
export interface Coreference { readonly mentions: readonly EventMention[]; readonly groups: readonly number[][] }

const normPlace = (s: string | null | undefined) => (s ? s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim() : null)

type Dated = Pick<EventMention, 'date' | 'precision' | 'range' | 'dateFrom'>

/** The date a mention is compared with: an override, else the stage's own unless it belongs to another act, else a chained offset. */
function mentionDate(doc: DocumentRecord, e: EventRecord, overrides: ReadonlyMap<string, DateOverride>): Dated {
  const o = overrides.get(e.id)
  if (o) return { date: o.date, precision: o.date_precision, range: dateRange(o.date, o.date_precision), dateFrom: 'override' }
  const doubtful = dateDoubtful(doc, e)
  if (e.date && !doubtful) {
    const pub = doc.published ? dayNumber(doc.published) : NaN
    // "no date written": the act lies in the days up to publication, not in the publication's whole week
    if (e.date_basis === 'publication' && !Number.isNaN(pub)) return { date: e.date, precision: 'week', range: [pub - PUBLICATION_WINDOW_DAYS, pub], dateFrom: 'publication' }
    return { date: e.date, precision: e.date_precision, range: dateRange(e.date, e.date_precision), dateFrom: 'stage' }
  }
  const base = (x: EventRecord) => { const y = overrides.get(x.id); return y ? { date: y.date, precision: y.date_precision } : x.date && x.date_precision && !dateDoubtful(doc, x) ? { date: x.date, precision: x.date_precision } : null }
  const chained = chainedDate(doc, e, base)
  if (chained) return { date: chained, precision: 'day', range: dateRange(chained, 'day'), dateFrom: 'chained' }
  // a date that belongs to a later act of the sentence ("X on Wednesday called the bombing …") still bounds this one from above
  if (doubtful) { const d = dayNumber(e.date!); return { date: null, precision: null, range: [d - DOUBTFUL_DATE_REACH_DAYS, d], dateFrom: 'doubtful' } }
  // an attack a dated page reports without a date is one of the weeks before it: where and when identify an attack
  const pub = doc.published ? dayNumber(doc.published) : NaN
  if (ATTRIBUTION_TYPES.has(e.type) && e.location && !Number.isNaN(pub)) return { date: null, precision: null, range: [pub - DOUBTFUL_DATE_REACH_DAYS, pub], dateFrom: null }
  return { date: null, precision: null, range: null, dateFrom: null }
}

/** Builds the mentions of every event of every document, with dates overridden where the analysis inferred them. */
export function eventMentions(docs: readonly DocumentRecord[], overrides: ReadonlyMap<string, DateOverride>, given?: Idf): EventMention[] {
  // the word weights: the corpus's (given), else those of these documents' event sentences
  const idf = given ?? new Idf()
  const words = docs.flatMap((d) => d.events.map((e) => { const w = contentWords(e.evidence.text); if (!given) idf.add(w); return w }))
  let k = 0
  return docs.flatMap((doc) => doc.events.map((event) => {
    const dated = mentionDate(doc, event, overrides)
    const figures = new Set(doc.claims.filter((c) => c.evidence.start < event.evidence.end && c.evidence.end > event.evidence.start)
      .map((c) => { const m = claimMeasure(doc, c); return m ? `${m}:${claimUnit(m, c.unit)}:${c.value}` : `${c.unit}:${c.value}` }))
    const named = [event.source_actor, event.target_actor].map((a) => !a || actorNamed(doc, a, event.evidence)) as [boolean, boolean]
    return { doc, event, ...dated, place: normPlace(event.location), vec: idf.vector(words[k++]), figures, named, weekday: dated.date ? null : unresolvedWeekday(doc, event) }
  }))
}

/** The score of a pair of mentions, and whether they can be one event at all. */
export interface PairResult { readonly score: number; readonly ruledOut: boolean }
const NO: PairResult = { score: 0, ruledOut: true }
const weekdayOfDay = (n: number) => new Date(n * 864e5).getUTCDay()

/** Points for the dates of a pair, `null` when they rule it out; `checked` when a date or weekday was compared at all. */
function datePoints(x: EventMention, y: EventMention, sameDoc: boolean): { pts: number; checked: boolean; soft: boolean } | null {
  if (x.range && y.range) {
    const gap = rangeGap(x.range, y.range)
    if (gap === 0) return { pts: x.precision === 'day' && y.precision === 'day' ? COREF_SAME_DAY_POINTS : 1, checked: true, soft: false }
    if (gap <= COREF_DATE_SLACK_DAYS && x.precision === 'day' && y.precision === 'day' && !sameDoc) return { pts: 0, checked: true, soft: true }
    return null
  }
  // an undated page's "on Wednesday" against a day another page gives: the weekday must agree
  const [u, d] = x.weekday !== null ? [x, y] : [y, x]
  if (u.weekday === null) return { pts: 0, checked: false, soft: false }
  if (d.weekday !== null) return d.weekday === u.weekday ? { pts: 0, checked: false, soft: false } : null
  if (!d.range || d.precision !== 'day') return { pts: 0, checked: false, soft: false }
  return weekdayOfDay(d.range[0]) === u.weekday ? { pts: COREF_SAME_WEEKDAY_POINTS, checked: true, soft: false } : null
}

/** Scores a pair of mentions; `ruledOut` when they cannot be one event (type, actors, place or date disagree). */
export function scorePair(x: EventMention, y: EventMention, info: ReadonlyMap<string, ActorInfo>): PairResult {
  if (x.event.type !== y.event.type || x === y) return NO
  const sameDoc = x.doc.id === y.doc.id
  // one trigger the events stage split by argument ("met A, B and C") is as many acts, never one
  if (sameDoc && x.event.trigger && x.event.trigger.start === y.event.trigger?.start && (x.event.source_actor?.actor !== y.event.source_actor?.actor || x.event.target_actor?.actor !== y.event.target_actor?.actor)) return NO
  // an argument reached through a role or a pronoun is an inference: it cannot rule a pair out
  const cmp = (a: ActorRef | null, an: boolean, b: ActorRef | null, bn: boolean): ActorMatch => { const r = compareActors(a, b, info); return r === 'conflict' && (!an || !bn) ? 'unknown' : r }
  const slots = (swap: boolean): ActorMatch[] => [
    cmp(x.event.source_actor, x.named[0], swap ? y.event.target_actor : y.event.source_actor, swap ? y.named[1] : y.named[0]),
    cmp(x.event.target_actor, x.named[1], swap ? y.event.source_actor : y.event.target_actor, swap ? y.named[0] : y.named[1])]
  const pts = (m: ActorMatch[]) => m.reduce((s, r) => s + (r === 'same' ? COREF_ACTOR_POINTS : r === 'weak' ? COREF_ACTOR_POINTS / 2 : r === 'conflict' ? -100 : 0), 0)
  let actors = slots(false)
  if (SYMMETRIC_TYPES.has(x.event.type)) { const crossed = slots(true); if (pts(crossed) > pts(actors)) actors = crossed }
  const conflicts = actors.filter((r) => r === 'conflict').length
  // a perpetrator named differently by two outlets may still be one attack (reported as a contradiction); a different partner is another meeting
  if (conflicts > 1 || (conflicts === 1 && (sameDoc || !ATTRIBUTION_TYPES.has(x.event.type) || actors[0] !== 'conflict'))) return NO
  let score = pts(actors.map((r) => (r === 'conflict' ? 'unknown' : r)))
  const attackPlace = !!(x.place && y.place) && ATTRIBUTION_TYPES.has(x.event.type)
  if (x.place && y.place) {
    if (!(x.place.includes(y.place) || y.place.includes(x.place))) return NO
    // an attack is known by where and when it happened: its perpetrator is often unnamed
    score += ATTRIBUTION_TYPES.has(x.event.type) ? COREF_ATTACK_PLACE_POINTS : COREF_PLACE_POINTS
  }
  const dp = datePoints(x, y, sameDoc)
  if (!dp) return NO
  score += dp.pts
  const soft = conflicts > 0 || dp.soft
  const text = cosine(x.vec, y.vec)
  score += text * COREF_TEXT_WEIGHT
  if ([...x.figures].some((f) => y.figures.has(f))) score += COREF_SAME_FIGURE_POINTS
  // restatements on one page, and pairs no date (nor, for attacks, a place) can check, must also be worded alike
  const minText = sameDoc ? COREF_MIN_TEXT_SAME_DOC : dp.checked || attackPlace ? 0 : COREF_MIN_TEXT_UNDATED
  if (text < minText || (soft && score < COREF_CONFLICT_MIN_SCORE)) return { score: 0, ruledOut: false }
  return { score, ruledOut: false }
}

/** The blocks an event mention is compared in: its type with each actor (canonical id), with its place, else with its page alone. */
export function blockKeys(docId: string, e: EventRecord, info: ReadonlyMap<string, ActorInfo>): string[] {
  const t = e.type
  const keys = [e.source_actor, e.target_actor].filter((a) => !!a).map((a) => `${t}|a|${info.get(a!.actor)?.id ?? a!.actor}`)
  const place = normPlace(e.location)
  if (place) keys.push(`${t}|p|${place}`)
  if (!keys.length) keys.push(`${t}|d|${docId}`)
  return keys
}

/** Candidate pairs: mentions sharing a type and an actor or a place (blocking keeps this near-linear). */
function candidatePairs(ms: readonly EventMention[], info: ReadonlyMap<string, ActorInfo>): [number, number][] {
  const blocks = new Map<string, number[]>()
  const add = (k: string, i: number) => { const b = blocks.get(k); if (b) b.push(i); else blocks.set(k, [i]) }
  ms.forEach((m, i) => { for (const k of blockKeys(m.doc.id, m.event, info)) add(k, i) })
  const seen = new Set<string>(), out: [number, number][] = []
  for (const b of blocks.values()) {
    const sorted = b.length > COREF_BLOCK_WINDOW ? [...b].sort((i, j) => (ms[i].range?.[0] ?? Infinity) - (ms[j].range?.[0] ?? Infinity) || i - j) : b
    for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < Math.min(sorted.length, i + 1 + COREF_BLOCK_WINDOW); j++) {
      const [a, c] = sorted[i] < sorted[j] ? [sorted[i], sorted[j]] : [sorted[j], sorted[i]]
      const key = `${a}:${c}`
      if (!seen.has(key)) { seen.add(key); out.push([a, c]) }
    }
  }
  return out
}

/** How many members of each cluster are checked against the other before two clusters merge. */
const CLUSTER_SAMPLE = 12

/**
 * Cross-document event coreference: pairs of the same PLOVER type with compatible actors, dates (at their
 * precision) and places are scored (actors, place, same day, evidence wording) and merged best-first;
 * two groups merge only when no member of one rules out a member of the other.
 */
export function corefEvents(ms: readonly EventMention[], info: ReadonlyMap<string, ActorInfo>): Coreference {
  const scored = candidatePairs(ms, info).map(([a, b]) => ({ a, b, r: scorePair(ms[a], ms[b], info) })).filter((p) => !p.r.ruledOut && p.r.score >= COREF_MIN_SCORE)
  scored.sort((p, q) => q.r.score - p.r.score || p.a - q.a || p.b - q.b)
  const uf = new UnionFind(ms.length)
  const members = new Map<number, number[]>(ms.map((_, i) => [i, [i]]))
  for (const { a, b } of scored) {
    const ra = uf.find(a), rb = uf.find(b)
    if (ra === rb) continue
    const A = members.get(ra)!, B = members.get(rb)!
    // most cross pairs must be possible: one badly extracted restatement on a page must not veto a merge
    let checked = 0, out = 0
    for (const x of A.slice(0, CLUSTER_SAMPLE)) for (const y of B.slice(0, CLUSTER_SAMPLE)) { checked++; if (scorePair(ms[x], ms[y], info).ruledOut) out++ }
    if (out * 2 >= checked) continue
    const r = uf.union(ra, rb)
    members.set(r, [...A, ...B].sort((x, y) => x - y))
    members.delete(r === ra ? rb : ra)
  }
  return { mentions: ms, groups: [...members.values()] }
}
