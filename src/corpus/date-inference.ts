import type { DatePrecision } from '../doc/layers.js'
import type { Kb } from '../kb/index.js'
import type { DocumentRecord, InferredDate } from '../model/records.js'
import { ROLE_TITLE_MIN_SHARE, ROLE_WINDOW_AFTER, ROLE_WINDOW_BEFORE, SHARED_EVENT_MAX_DAYS } from './corpus.data.js'
import { atPrecision, dateRange, dayNumber, isoDay, mondayOf } from './dates.js'
import { eventTimex, ownsTimex } from './mention-facts.js'
import type { Coreference, DateOverride } from './event-coref.js'
import { resolveRelative, yearlessCandidates, yearlessDate } from './relative-dates.js'
import { contentWords } from './text-sim.js'
import type { ActorInfo } from './actor-compat.js'
import { maxOf, pushAll } from '../doc/arrays.js'

/** Inferred publication dates of undated pages, and event dates resolved from them. */
export interface DateInference {
  readonly published: Map<string, InferredDate>
  readonly events: Map<string, DateOverride>
}

const precisionOf = (days: number): DatePrecision => (days <= 1 ? 'day' : days <= 7 ? 'week' : days <= 31 ? 'month' : 'year')

/**
 * (1) Shared events: an undated page reporting an event that a dated page dates to a day was published when
 * its own wording of that event ("on Monday", "yesterday", none) resolves to that day: the range of such
 * publication days gives the date and its precision.
 */
function fromSharedEvents(doc: DocumentRecord, coref: Coreference, groups: readonly number[]): { range: [number, number]; basis: string } | null {
  let best: { range: [number, number]; basis: string } | null = null
  for (const gi of groups) {
    const g = coref.groups[gi]!
    const mine = g.map((i) => coref.mentions[i]).filter((m) => m.doc.id === doc.id)
    const dated = g.map((i) => coref.mentions[i]).find((m) => m.doc.id !== doc.id && m.doc.published && m.precision === 'day' && m.date)
    if (!mine.length || !dated) continue
    const d = dayNumber(dated.date!)
    // the mention whose own wording ("on Wednesday", "Sunday's") links it to the day, else the first
    const own = mine.find((m) => eventTimex(doc, m.event)?.basis === 'unresolved') ?? mine[0]
    const tx = eventTimex(doc, own.event)
    const ok = (a: number) => { const r = tx && tx.basis === 'unresolved' ? resolveRelative(tx.text, isoDay(a)) : null; return r ? r.precision === 'day' && r.value === dated.date : !tx }
    const days: number[] = []
    for (let a = d; a <= d + SHARED_EVENT_MAX_DAYS; a++) if (ok(a)) days.push(a)
    if (!days.length) continue
    const range: [number, number] = [days[0], days.at(-1)!]
    const basis = `its ${own.event.type} event${tx ? ` ("${tx.text}")` : ''} is the one ${dated.doc.outlet ?? dated.doc.id} dates to ${dated.date}`
    if (!best) best = { range, basis }
    else { const lo = Math.max(best.range[0], range[0]), hi = Math.min(best.range[1], range[1]); if (lo <= hi) best = { range: [lo, hi], basis: best.basis.includes(basis) ? best.basis : `${best.basis}; ${basis}` } }
  }
  return best
}

/** Actors a page names, with where: its entities, and the arguments of its events found again in its text. */
function namedActors(doc: DocumentRecord, info: ReadonlyMap<string, ActorInfo>): Map<string, { name: string; at: number[] }> {
  const out = new Map<string, { name: string; at: number[] }>()
  const add = (id: string, name: string, at: number[]) => { const e = out.get(id); if (e) pushAll(e.at, at); else out.set(id, { name, at: [...at] }) }
  for (const e of doc.entities) add(info.get(e.actor)?.id ?? e.actor, e.name, e.mentions.map((m) => m.start))
  for (const ev of doc.events) for (const a of [ev.source_actor, ev.target_actor]) {
    if (!a || !info.has(a.actor)) continue
    const at: number[] = []
    for (let i = doc.text.indexOf(a.name); i >= 0; i = doc.text.indexOf(a.name, i + 1)) at.push(i)
    add(info.get(a.actor)!.id, a.name, at)
  }
  return out
}

/** (2) Role tenure: each actor named with a role title the knowledge base dates bounds the page's date. */
function tenureBounds(doc: DocumentRecord, kb: Kb, info: ReadonlyMap<string, ActorInfo>): { lo: number; hi: number; basis: string[] } {
  let lo = -Infinity, hi = Infinity
  const basis: string[] = []
  for (const [id, { name, at }] of namedActors(doc, info)) {
    for (const role of kb.actor(id)?.roles ?? []) {
      if (!role.from && !role.to) continue
      const title = new Set(contentWords(role.title).filter((w) => w.length > 2))
      if (!title.size) continue
      const named = at.some((pos) => {
        const around = new Set(contentWords(doc.text.slice(Math.max(0, pos - ROLE_WINDOW_BEFORE), pos + name.length + ROLE_WINDOW_AFTER)))
        const hits = [...title].filter((w) => around.has(w)).length
        return hits / title.size >= ROLE_TITLE_MIN_SHARE && hits >= Math.min(2, title.size)
      })
      if (!named) continue
      const f = role.from ? dayNumber(role.from) : -Infinity, t = role.to ? dateRange(role.to, null)![1] : Infinity
      if (Math.max(lo, f) > Math.min(hi, t)) continue
      lo = Math.max(lo, f); hi = Math.min(hi, t)
      basis.push(`${name} is ${role.title} (${role.from ?? '…'} to ${role.to ?? 'now'})`)
    }
  }
  return { lo, hi, basis }
}

/**
 * (3) The latest date the page mentions: absolute dates, and a yearless one ("January 3", "in March") only when the
 * tenure bounds leave it a single year. An ambiguous yearless date cannot set the anchor: it is resolved backwards from it.
 */
function latestMentioned(doc: DocumentRecord, lo: number, hi: number): { day: number; text: string } | null {
  let best: { day: number; text: string } | null = null
  for (const t of doc.timex) {
    let day: number | null = null
    if (t.value && t.basis === 'stated') day = dateRange(t.value, t.precision)?.[0] ?? null
    else if (t.basis === 'unresolved' && Number.isFinite(lo)) {
      const y = yearlessDate(t.text)
      const c = y ? yearlessCandidates(y, lo, Number.isFinite(hi) ? hi : lo + 366) : []
      if (c.length === 1) day = dayNumber(c[0].value)
    }
    if (day !== null && day <= hi && (!best || day > best.day)) best = { day, text: t.text }
  }
  return best
}

/** A range of publication days as a date at its precision: a week that fits one calendar week is named by its Monday. */
function rangeDate(lo: number, hi: number): { date: string; precision: DatePrecision } {
  const p = precisionOf(hi - lo + 1)
  if (p === 'week' && mondayOf(lo) === mondayOf(hi)) return { date: isoDay(mondayOf(lo)), precision: p }
  return { date: atPrecision(isoDay(lo), p), precision: p }
}

/** The publication date of one undated page, by the first mechanism that gives one, and the anchor day its own relative dates resolve from. */
function datePage(doc: DocumentRecord, coref: Coreference, groups: readonly number[], kb: Kb, info: ReadonlyMap<string, ActorInfo>, latestCorpus: number): { inferred: InferredDate; anchor: number } | null {
  const shared = fromSharedEvents(doc, coref, groups)
  if (shared) return { inferred: { ...rangeDate(shared.range[0], shared.range[1]), basis: shared.basis }, anchor: shared.range[0] }
  const t = tenureBounds(doc, kb, info)
  const hi = Number.isFinite(t.hi) ? t.hi : Number.isFinite(latestCorpus) && latestCorpus >= t.lo ? latestCorpus : t.hi
  const latest = latestMentioned(doc, t.lo, hi)
  if (latest) {
    const why = [...t.basis, `the latest date it mentions is ${isoDay(latest.day)} ("${latest.text}")`]
    return { inferred: { date: atPrecision(isoDay(latest.day), 'month'), precision: 'month', basis: why.join('; ') }, anchor: latest.day }
  }
  // tenure alone: the page lies inside every role's term; dated only when that is at most a year
  if (Number.isFinite(t.lo) && Number.isFinite(hi) && t.lo <= hi && isoDay(t.lo).slice(0, 4) === isoDay(hi).slice(0, 4)) {
    return { inferred: { ...rangeDate(t.lo, hi), basis: t.basis.join('; ') }, anchor: t.lo }
  }
  return null
}

/**
 * The coreference groups holding a mention of each page, in group order, each once: a page's shared events are
 * looked for in its own groups, not in every group of the corpus (that was quadratic in the pages: every Tehran Times
 * page is undated).
 */
function groupsByDoc(coref: Coreference): Map<string, number[]> {
  const out = new Map<string, number[]>()
  coref.groups.forEach((g, gi) => {
    for (const i of g) {
      const id = coref.mentions[i]!.doc.id, list = out.get(id)
      if (!list) out.set(id, [gi]); else if (list[list.length - 1] !== gi) list.push(gi)
    }
  })
  return out
}

/** Infers publication dates of undated pages and re-resolves their relative time expressions from them. */
export function inferDates(docs: readonly DocumentRecord[], coref: Coreference, kb: Kb, info: ReadonlyMap<string, ActorInfo>, latestDay?: number): DateInference {
  const published = new Map<string, InferredDate>(), events = new Map<string, DateOverride>()
  // the latest publication day of the corpus: given when these documents are a part of it (src/corpus/incremental.ts)
  const latestCorpus = latestDay ?? latestPublished(docs)
  const byDoc = groupsByDoc(coref)
  for (const doc of docs) {
    if (doc.published) continue
    const found = datePage(doc, coref, byDoc.get(doc.id) ?? [], kb, info, latestCorpus)
    if (!found) continue
    published.set(doc.id, found.inferred)
    const anchor = found.anchor
    for (const e of doc.events) {
      if (e.date || (e.date_basis && e.date_basis !== 'unresolved')) continue
      const tx = eventTimex(doc, e)
      // without the events stage's word that this expression dates this event, it must sit nearer its trigger than any other event's
      if (tx && e.date_basis !== 'unresolved' && !ownsTimex(doc, e, tx)) continue
      const r = tx && tx.basis === 'unresolved' ? resolveRelative(tx.text, isoDay(anchor)) : null
      // what the events stage said is kept (`date_given`): the next analysis starts again from it ("unresolved" counts above)
      if (r) events.set(e.id, { date: r.value, date_precision: r.precision, date_basis: 'inferred', ...(e.date_basis || e.date_precision ? { date_given: { date: e.date, date_precision: e.date_precision, date_basis: e.date_basis ?? null } } : {}) })
    }
  }
  return { published, events }
}

/** The latest publication day (day number) of the documents, -Infinity when none is dated. */
export const latestPublished = (docs: readonly DocumentRecord[]): number => maxOf(docs.map((d) => (d.published ? dayNumber(d.published) : -Infinity)))
