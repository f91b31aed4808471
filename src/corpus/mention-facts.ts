import type { ActorRef, DatePrecision, EventRecord, TimeExpr } from '../doc/layers.js'
import type { DocumentRecord } from '../model/records.js'
import { ANNOUNCEMENT_BEFORE_TIMEX_RE, DEFINITE_BEFORE_RE, NAMING_MENTIONS, NOMINAL_TRIGGER_RE } from './corpus.data.js'
import { dayNumber, isoDay } from './dates.js'
import { offsetBefore, weekdayOf } from './relative-dates.js'

/** The time expression of an event: inside its evidence, nearest its trigger. */
export function eventTimex(doc: DocumentRecord, e: EventRecord): TimeExpr | null {
  const inside = doc.timex.filter((t) => t.start >= e.evidence.start && t.end <= e.evidence.end)
  if (!inside.length) return null
  const at = e.trigger?.start ?? e.evidence.start
  return inside.reduce((b, t) => (Math.abs(t.start - at) < Math.abs(b.start - at) ? t : b))
}

/** True when the time expression is nearer this event's trigger than the trigger of any other event around it. */
export function ownsTimex(doc: DocumentRecord, e: EventRecord, tx: TimeExpr): boolean {
  if (!e.trigger) return false
  // an act dated by a chained offset ("two days after a bombing") owns no time expression of its sentence
  // an act the page dates by another time expression of its own ("from Sunday's bombing") does not claim this one
  const datedElsewhere = (x: EventRecord) => x !== e && !!x.date && !!tx.value && (x.date_basis === 'stated' || x.date_basis === 'relative-to-publication') && !x.date.startsWith(tx.value) && !tx.value.startsWith(x.date)
  const dist = (x: EventRecord) => (x.trigger && (x === e || !chainedOffset(doc, x)) && !datedElsewhere(x) ? Math.abs(x.trigger.start - tx.start) : Infinity)
  return doc.events.every((o) => o === e || o.evidence.start > tx.start || o.evidence.end < tx.end || dist(o) >= dist(e))
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * True when the sentence itself names the actor (a name, a surname, a transliteration), false when the events stage
 * reached it through a role description ("Russia's defence minister") or a pronoun ("He then met"): such an argument is
 * an inference and must not veto a match with another page that names someone else.
 */
export function actorNamed(doc: DocumentRecord, ref: ActorRef, ev: { start: number; end: number; text: string }): boolean {
  const ent = doc.entities.find((x) => x.actor === ref.actor)
  if (ent) return ent.mentions.some((m) => m.start >= ev.start && m.end <= ev.end && NAMING_MENTIONS.has(m.how ?? 'alias'))
  const last = ref.name.split(/\s+/).at(-1) ?? ''
  return !!last && new RegExp(`(?<![\\p{L}])${escapeRe(last)}(?![\\p{L}])`, 'iu').test(ev.text)
}

/**
 * True when the date the events stage gave an event belongs to another act of the sentence: its time expression is
 * nearer another event's trigger, or it stands before a definite nominal trigger ("X on Wednesday called the bombing …").
 */
export function dateDoubtful(doc: DocumentRecord, e: EventRecord): boolean {
  if (!e.date || (e.date_basis !== 'stated' && e.date_basis !== 'relative-to-publication')) return false
  const tx = eventTimex(doc, e)
  if (!tx || !e.trigger) return false
  if (!ownsTimex(doc, e, tx)) return true
  const before = doc.text.slice(Math.max(e.evidence.start, e.trigger.start - 40), e.trigger.start)
  return tx.end <= e.trigger.start && !/['’]s\s*$/.test(doc.text.slice(tx.end, tx.end + 3)) && NOMINAL_TRIGGER_RE.test(e.trigger.text.trim()) && DEFINITE_BEFORE_RE.test(before)
}

/**
 * True when the event's date is the day someone announced it, not the day of the act: its time expression follows a
 * saying verb or a statement ("has promised to share intelligence …, his office said on Wednesday"). The act is on that
 * day or before it. An event whose own trigger is the saying ("the ministry said on Monday that …") is dated by it.
 */
export function dateAnnounced(doc: DocumentRecord, e: EventRecord): boolean {
  if (!e.date) return false
  const tx = eventTimex(doc, e)
  if (!tx?.value || !(e.date.startsWith(tx.value) || tx.value.startsWith(e.date))) return false
  const before = doc.text.slice(Math.max(e.evidence.start, tx.start - 60), tx.start)
  const m = ANNOUNCEMENT_BEFORE_TIMEX_RE.exec(before)
  if (!m) return false
  const saidAt = tx.start - before.length + m.index
  return !e.trigger || e.trigger.end <= saidAt || e.trigger.start >= tx.end
}

/** The weekday an undated page's event is given ("on Wednesday" with no publication date to resolve it); null otherwise. */
export function unresolvedWeekday(doc: DocumentRecord, e: EventRecord): number | null {
  if (e.date) return null
  const tx = eventTimex(doc, e)
  if (!tx || tx.basis !== 'unresolved' || (e.trigger && !ownsTimex(doc, e, tx))) return null
  return weekdayOf(tx.text)
}

/**
 * A date chained to another act of the sentence: "held talks on Tuesday, two days after a bombing" dates the bombing
 * two days before the talks. `dateOf` gives the day-precision date of the other events (null when they have none).
 */
export function chainedDate(doc: DocumentRecord, e: EventRecord, dateOf: (o: EventRecord) => { date: string; precision: DatePrecision } | null): string | null {
  const offset = chainedOffset(doc, e)
  if (offset === null || !e.trigger) return null
  // the act the offset counts from: the nearest one before it in the same sentence
  let ref: EventRecord | null = null
  for (const o of doc.events) if (o !== e && o.evidence.start === e.evidence.start && o.trigger && o.trigger.start < e.trigger.start && (!ref || o.trigger.start > ref.trigger!.start)) ref = o
  const d = ref ? dateOf(ref) : null
  if (d && d.precision === 'day') return isoDay(dayNumber(d.date) + offset)
  return null
}

/** Days from the sentence's act to this one when a chained offset stands right before its trigger ("two days after a …"). */
const chainedOffset = (doc: DocumentRecord, e: EventRecord): number | null => (e.trigger ? offsetBefore(doc.text.slice(e.evidence.start, e.trigger.start)) : null)
