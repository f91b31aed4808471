import { createHash } from 'node:crypto'
import type { DatePrecision } from '../doc/layers.js'
import type { DocumentRecord, StoryEventRecord } from '../model/records.js'
import { dateRange, dayNumber, isoDay, PRECISION_RANK } from './dates.js'
import type { Coreference, DateOverride, EventMention } from './event-coref.js'
import { minOf } from '../doc/arrays.js'

export const shortHash = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 12)

/** A document's publication day, given or inferred (for "who reported first"). */
export const pubDate = (d: DocumentRecord): string | null => d.published ?? d.published_inferred?.date ?? null

/** Sort key for "who reported first": an inferred date counts at the end of its range (it is a lower bound). */
const firstKey = (d: DocumentRecord): string => {
  if (d.published) return d.published.slice(0, 10)
  const i = d.published_inferred
  if (!i) return '\uffff'
  const r = dateRange(i.date, i.precision)
  return r ? isoDay(r[1]) : i.date
}

/** The outlet a document speaks for: the original outlet of a copy, else its own. */
export const outletOf = (d: DocumentRecord): string | null => d.copy_of ?? d.outlet ?? null

/**
 * Independent sources among documents: copies collapse into their original, and one outlet counts once.
 * Returns one document per source, earliest published first.
 */
export function independentSources(docs: readonly DocumentRecord[], originalOf: ReadonlyMap<string, string>): DocumentRecord[] {
  const sorted = [...docs].sort((a, b) => firstKey(a).localeCompare(firstKey(b)) || a.id.localeCompare(b.id))
  const seen = new Set<string>(), out: DocumentRecord[] = []
  for (const d of sorted) {
    const keys = [`doc:${originalOf.get(d.id) ?? d.id}`, ...(outletOf(d) ? [`outlet:${outletOf(d)!.toLowerCase()}`] : [])]
    if (keys.some((k) => seen.has(k))) { keys.forEach((k) => seen.add(k)); continue }
    keys.forEach((k) => seen.add(k))
    out.push(d)
  }
  return out
}

/** The best date of a group: the finest precision any member gives, the most common value at it. */
export function groupDate(ms: readonly EventMention[]): { date: string | null; precision: DatePrecision | null } {
  const dated = ms.filter((m) => m.date && m.precision)
  if (!dated.length) return { date: null, precision: null }
  const finest = minOf(dated.map((m) => PRECISION_RANK[m.precision!]))
  const counts = new Map<string, number>()
  for (const m of dated) if (PRECISION_RANK[m.precision!] === finest) counts.set(m.date!, (counts.get(m.date!) ?? 0) + 1)
  const date = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]
  return { date, precision: dated.find((m) => m.date === date)!.precision }
}

const mostCommon = <T>(xs: readonly (T | null | undefined)[], key: (x: T) => string): T | null => {
  const c = new Map<string, { x: T; n: number }>()
  for (const x of xs) if (x != null) { const k = key(x); const e = c.get(k); if (e) e.n++; else c.set(k, { x, n: 1 }) }
  return [...c.values()].sort((a, b) => b.n - a.n)[0]?.x ?? null
}

/**
 * The date a member takes from its story event: an undated member, or one whose date belonged to another act of its
 * sentence, takes the group's; a member dated only to its publication week takes the group's day when it lies in
 * that window; a chained date ("two days after …") is kept as its own. Dates the page wrote itself are never replaced.
 */
function carriedDate(m: EventMention, date: string, precision: DatePrecision): Omit<DateOverride, 'date_given'> | null {
  if (m.dateFrom === 'chained') return { date: m.date!, date_precision: 'day', date_basis: 'context' }
  if (m.dateFrom === null || m.dateFrom === 'doubtful') return { date, date_precision: precision, date_basis: 'inferred' }
  const day = dayNumber(date)
  if (m.dateFrom === 'publication' && precision === 'day' && m.range && m.range[0] <= day && day <= m.range[1]) return { date, date_precision: 'day', date_basis: 'inferred' }
  return null
}

/** Story-event records, the event → story-event map, and dates carried to undated members from dated ones. */
export function buildStoryEvents(coref: Coreference, originalOf: ReadonlyMap<string, string>): { records: StoryEventRecord[]; eventStory: Map<string, string>; carried: Map<string, DateOverride> } {
  const records: StoryEventRecord[] = [], eventStory = new Map<string, string>(), carried = new Map<string, DateOverride>()
  for (const g of coref.groups) {
    const ms = g.map((i) => coref.mentions[i])
    const id = 'se_' + shortHash(ms[0].event.id)
    const { date, precision } = groupDate(ms)
    const docs = [...new Map(ms.map((m) => [m.doc.id, m.doc])).values()]
    const sources = independentSources(docs, originalOf)
    for (const m of ms) {
      eventStory.set(m.event.id, id)
      const o = ms.length > 1 && date && precision ? carriedDate(m, date, precision) : m.dateFrom === 'chained' ? { date: m.date!, date_precision: 'day' as const, date_basis: 'context' } : null
      if (o) carried.set(m.event.id, { ...o, date_given: m.event.date || m.event.date_basis ? { date: m.event.date, date_precision: m.event.date_precision, date_basis: m.event.date_basis ?? null } : null })
    }
    const first = sources[0]
    records.push({
      kind: 'story_event', id, type: ms[0].event.type, date, date_precision: precision,
      source_actor: mostCommon(ms.map((m) => m.event.source_actor), (a) => a.actor),
      target_actor: mostCommon(ms.map((m) => m.event.target_actor), (a) => a.actor),
      location: mostCommon(ms.map((m) => m.event.location), (l) => l.toLowerCase()),
      members: ms.map((m) => ({ doc: m.doc.id, event: m.event.id })),
      independent_sources: sources.map((d) => d.id),
      first_reported_by: first ? outletOf(first) ?? first.id : null,
      sources: ms.map((m) => ({
        doc: m.doc.id, outlet: outletOf(m.doc), published: pubDate(m.doc), independent: sources.includes(m.doc),
        evidence: m.event.evidence,
        framing: m.doc.framing.filter((f) => paragraphOf(m.doc, m.event.evidence.start)?.start === paragraphOf(m.doc, f.start)?.start).map((f) => f.term),
      })),
    })
  }
  return { records, eventStory, carried }
}

const paragraphOf = (d: DocumentRecord, at: number) => d.paragraphs.find((p) => p.start <= at && at < p.end) ?? null
