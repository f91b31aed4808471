import type { DatePrecision, EventRecord } from '../doc/layers.js'
import type { DocumentRecord } from '../model/records.js'
import { compareActors, type ActorInfo, type ActorMatch } from './actor-compat.js'
import {
  ATTRIBUTION_TYPES, COREF_ACTOR_POINTS, COREF_BLOCK_WINDOW, COREF_CONFLICT_MIN_SCORE, COREF_DATE_SLACK_DAYS, COREF_MIN_SCORE,
  COREF_MIN_TEXT_SAME_DOC, COREF_MIN_TEXT_UNDATED, COREF_PLACE_POINTS, COREF_SAME_DAY_POINTS, COREF_SAME_FIGURE_POINTS, COREF_TEXT_WEIGHT, SYMMETRIC_TYPES,
} from './corpus.data.js'
import { claimMeasure } from './claim-measure.js'
import { dateRange, rangeGap } from './dates.js'
import { contentWords, cosine, Idf } from './text-sim.js'
import { UnionFind } from './union-find.js'

/** An event date set by the cross-source analysis (inferred from other pages). */
export interface DateOverride { readonly date: string; readonly date_precision: DatePrecision; readonly date_basis: string }

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
}

/** Groups of mentions that report one real-world event, each group in document order. */
export interface Coreference { readonly mentions: readonly EventMention[]; readonly groups: readonly number[][] }

const normPlace = (s: string | null | undefined) => (s ? s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim() : null)

/** Builds the mentions of every event of every document, with dates overridden where the analysis inferred them. */
export function eventMentions(docs: readonly DocumentRecord[], overrides: ReadonlyMap<string, DateOverride>): EventMention[] {
  const idf = new Idf()
  const words = docs.flatMap((d) => d.events.map((e) => { const w = contentWords(e.evidence.text); idf.add(w); return w }))
  let k = 0
  return docs.flatMap((doc) => doc.events.map((event) => {
    const o = overrides.get(event.id)
    const date = o?.date ?? event.date, precision = o?.date_precision ?? event.date_precision
    const figures = new Set(doc.claims.filter((c) => c.evidence.start < event.evidence.end && c.evidence.end > event.evidence.start)
      .map((c) => `${claimMeasure(doc, c) ?? c.unit}:${c.value}`))
    return { doc, event, date, precision, range: date ? dateRange(date, precision) : null, place: normPlace(event.location), vec: idf.vector(words[k++]), figures }
  }))
}

interface PairResult { readonly score: number; readonly ruledOut: boolean }
const NO: PairResult = { score: 0, ruledOut: true }

/** Scores a pair of mentions; `ruledOut` when they cannot be one event (type, actors, place or date disagree). */
function scorePair(x: EventMention, y: EventMention, info: ReadonlyMap<string, ActorInfo>): PairResult {
  if (x.event.type !== y.event.type || x === y) return NO
  const sameDoc = x.doc.id === y.doc.id
  const slots = (swap: boolean): ActorMatch[] => [
    compareActors(x.event.source_actor, swap ? y.event.target_actor : y.event.source_actor, info),
    compareActors(x.event.target_actor, swap ? y.event.source_actor : y.event.target_actor, info)]
  const pts = (m: ActorMatch[]) => m.reduce((s, r) => s + (r === 'same' ? COREF_ACTOR_POINTS : r === 'weak' ? COREF_ACTOR_POINTS / 2 : r === 'conflict' ? -100 : 0), 0)
  let actors = slots(false)
  if (SYMMETRIC_TYPES.has(x.event.type)) { const crossed = slots(true); if (pts(crossed) > pts(actors)) actors = crossed }
  const conflicts = actors.filter((r) => r === 'conflict').length
  // a perpetrator named differently by two outlets may still be one attack (reported as a contradiction); a different partner is another meeting
  if (conflicts > 1 || (conflicts === 1 && (sameDoc || !ATTRIBUTION_TYPES.has(x.event.type) || actors[0] !== 'conflict'))) return NO
  let score = pts(actors.map((r) => (r === 'conflict' ? 'unknown' : r)))
  if (x.place && y.place) {
    if (!(x.place.includes(y.place) || y.place.includes(x.place))) return NO
    score += COREF_PLACE_POINTS
  }
  let soft = conflicts > 0
  const dated = !!(x.range && y.range)
  if (x.range && y.range) {
    const gap = rangeGap(x.range, y.range)
    if (gap === 0) score += x.precision === 'day' && y.precision === 'day' ? COREF_SAME_DAY_POINTS : 1
    else if (gap <= COREF_DATE_SLACK_DAYS && x.precision === 'day' && y.precision === 'day' && !sameDoc) soft = true
    else return NO
  }
  const text = cosine(x.vec, y.vec)
  score += text * COREF_TEXT_WEIGHT
  if ([...x.figures].some((f) => y.figures.has(f))) score += COREF_SAME_FIGURE_POINTS
  // restatements on one page, and pairs no date can check, must also be worded alike
  const minText = sameDoc ? COREF_MIN_TEXT_SAME_DOC : dated ? 0 : COREF_MIN_TEXT_UNDATED
  if (text < minText || (soft && score < COREF_CONFLICT_MIN_SCORE)) return { score: 0, ruledOut: false }
  return { score, ruledOut: false }
}

/** Candidate pairs: mentions sharing a type and an actor or a place (blocking keeps this near-linear). */
function candidatePairs(ms: readonly EventMention[], info: ReadonlyMap<string, ActorInfo>): [number, number][] {
  const blocks = new Map<string, number[]>()
  const add = (k: string, i: number) => { const b = blocks.get(k); if (b) b.push(i); else blocks.set(k, [i]) }
  ms.forEach((m, i) => {
    const t = m.event.type
    const keys = [m.event.source_actor, m.event.target_actor].filter((a) => !!a).map((a) => `${t}|a|${info.get(a!.actor)?.id ?? a!.actor}`)
    if (m.place) keys.push(`${t}|p|${m.place}`)
    if (!keys.length) keys.push(`${t}|d|${m.doc.id}`)
    for (const k of keys) add(k, i)
  })
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
