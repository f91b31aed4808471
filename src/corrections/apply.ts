/**
 * Lays corrections over one document's machine output (a pure function: the store keeps both apart). Each
 * correction finds its fact again by its anchor, in this order: the evidence span where it was (same text), else
 * the same text nearest to where it was (a new version of the page moved it); then, among the page's facts on that
 * span, the machine id it was made on (same document only), else the fact with the machine values it corrected
 * (an event's type and actors), else the one with the same trigger, else the only one of its type. A correction
 * that finds no span or no fact is kept and reported as orphaned (`CorrectionState.reason`), never dropped.
 */
import type { ActorRef, ClaimRecord, EventRecord, QuoteRecord } from '../doc/layers.js'
import type { Span } from '../doc/span.js'
import type { DocumentRecord } from '../model/records.js'
import { EVENT_FIELDS, type Anchor, type Correction, type CorrectionState, type EventCorrectionNote, type EventFields } from './types.js'

/** An event as the corrected view shows it: `correction` says what the analyst did (absent on an untouched machine event). */
export type CorrectedEvent = EventRecord & { readonly correction?: EventCorrectionNote }
/** A machine fact the analyst marked wrong, with the correction and its reason. */
export interface WrongFact<T> { readonly fact: T; readonly correction: string; readonly reason: string | null; readonly author: string }

/** A document with the analysts' corrections laid over it. */
export type CorrectedDocument = Omit<DocumentRecord, 'events' | 'quotes'> & {
  readonly events: readonly CorrectedEvent[]
  readonly quotes: readonly (QuoteRecord & { readonly correction?: { readonly corrections: readonly string[]; readonly machine_speaker: ActorRef | null } })[]
  /** machine events and claims marked wrong (left out of `events` and `claims`) */
  readonly wrong_events?: readonly WrongFact<EventRecord>[]
  readonly wrong_claims?: readonly WrongFact<ClaimRecord>[]
  /** set when an analyst marked the whole document reviewed: every machine fact left uncorrected was accepted */
  readonly reviewed?: { readonly by: string; readonly at: string; readonly correction: string } | null
}

/** What applying gave: the corrected document, where each correction now holds, and the machine events it changed. */
export interface Applied {
  readonly doc: CorrectedDocument
  readonly states: ReadonlyMap<string, CorrectionState>
  /** machine event ids whose values the corrections changed or removed (the event lists must not show the machine's row) */
  readonly touched: ReadonlySet<string>
  /** the events the corrections changed or added, as they read now */
  readonly changed: readonly CorrectedEvent[]
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end
const actorOf = (a: ActorRef | null | undefined) => a?.actor ?? null

/** The span of an anchor in a document's text: where it was when the text there is the same, else the nearest place holding the same text. */
export function locate(text: string, a: Anchor | null): Span | null {
  if (!a || a.start == null || a.end == null || a.text == null || !a.text) return null
  if (text.slice(a.start, a.end) === a.text) return { start: a.start, end: a.end }
  let best: number | null = null
  for (let i = text.indexOf(a.text); i >= 0; i = text.indexOf(a.text, i + 1)) if (best == null || Math.abs(i - a.start) < Math.abs(best - a.start)) best = i
  return best == null ? null : { start: best, end: best + a.text.length }
}

/** The anchor key of a machine event: what it was (type, actors, trigger text). */
export function eventKey(e: EventRecord): Record<string, unknown> {
  return { type: e.type, source: actorOf(e.source_actor), target: actorOf(e.target_actor), trigger: e.trigger?.text ?? null }
}

/** The machine event a correction was made on, found again on its located span (see the module comment for the order). */
function findEvent(events: readonly EventRecord[], a: Anchor, span: Span, sameDoc: boolean): EventRecord | null {
  const on = events.filter((e) => overlaps(e.evidence, span))
  const k = a.key ?? {}
  const sameKey = (e: EventRecord) => e.type === k.type && actorOf(e.source_actor) === (k.source ?? null) && actorOf(e.target_actor) === (k.target ?? null)
  if (sameDoc && a.target) { const e = on.find((x) => x.id === a.target); if (e && sameKey(e)) return e }
  const byKey = on.find(sameKey)
  if (byKey) return byKey
  const byTrigger = k.trigger ? on.find((e) => e.type === k.type && e.trigger?.text === k.trigger) : undefined
  if (byTrigger) return byTrigger
  const sameType = on.filter((e) => e.type === k.type)
  return sameType.length === 1 ? sameType[0]! : null
}

function findQuote(quotes: readonly QuoteRecord[], a: Anchor, span: Span, sameDoc: boolean): QuoteRecord | null {
  if (sameDoc && a.target) { const q = quotes.find((x) => x.id === a.target && x.start === span.start && x.end === span.end); if (q) return q }
  return quotes.find((q) => q.text === a.text && overlaps(q, span)) ?? null
}

function findClaim(claims: readonly ClaimRecord[], a: Anchor, span: Span, sameDoc: boolean): ClaimRecord | null {
  const on = claims.filter((c) => overlaps(c.evidence, span))
  if (sameDoc && a.target) { const c = on.find((x) => x.id === a.target && x.value === a.key?.value); if (c) return c }
  return on.find((c) => c.value === a.key?.value && c.what === a.key?.what) ?? on.find((c) => c.value === a.key?.value) ?? null
}

/** The fields a fix or an added event sets (only those given). */
export function eventFields(after: unknown): EventFields {
  const o = (after ?? {}) as Record<string, unknown>
  return Object.fromEntries(EVENT_FIELDS.filter((f) => f in o).map((f) => [f, o[f]])) as EventFields
}

/**
 * Applies the corrections of one page (in the order they were made; a later judgement of the same fact wins:
 * a fix or an accept after "wrong" brings the event back) to the current document of that page.
 * @example applyCorrections(doc, corrections).doc.events
 */
export function applyCorrections(doc: DocumentRecord, corrections: readonly Correction[]): Applied {
  const states = new Map<string, CorrectionState>()
  const events = new Map<string, CorrectedEvent>(doc.events.map((e) => [e.id, e]))
  const notes = new Map<string, { status: EventCorrectionNote['status']; corrections: string[]; machine: Record<string, unknown> }>()
  const wrongEvents = new Map<string, WrongFact<EventRecord>>(), wrongClaims = new Map<string, WrongFact<ClaimRecord>>()
  const quotes = new Map<string, CorrectedDocument['quotes'][number]>(doc.quotes.map((q) => [q.id, q]))
  const added: CorrectedEvent[] = []
  let reviewed: CorrectedDocument['reviewed'] = null
  const splits = new Map<string, ActorRef>()
  const attach = (c: Correction, fact: string | null) => states.set(c.id, { status: 'attached', doc: doc.id, fact, reason: null })
  const orphan = (c: Correction, reason: CorrectionState['reason']) => states.set(c.id, { status: 'orphaned', doc: doc.id, fact: null, reason })
  const note = (id: string, status: EventCorrectionNote['status'], c: Correction) => {
    const n = notes.get(id) ?? { status, corrections: [], machine: {} }
    if (status !== 'accepted' || n.status === 'accepted') n.status = status
    n.corrections.push(c.id); notes.set(id, n)
    return n
  }
  for (const c of corrections) {
    if (c.kind === 'document.reviewed') { reviewed = { by: c.author, at: c.created_at, correction: c.id }; attach(c, null); continue }
    if (c.kind === 'actor.merge') continue
    if (c.kind === 'actor.split') {
      // this page's mentions of an actor are someone else: the page no longer naming that actor orphans it
      const a = c.after as { actor?: ActorRef; as?: ActorRef } | null
      if (!a?.actor || !a.as || !namesMerged(doc, new Map([[a.actor.actor, a.as]]))) { orphan(c, 'fact-gone'); continue }
      splits.set(a.actor.actor, a.as); attach(c, null); continue
    }
    const a = c.anchor
    const span = locate(doc.text, a)
    if (!a || !span) { orphan(c, 'span-gone'); continue }
    const sameDoc = a.doc === doc.id
    if (c.kind === 'event.add') {
      const e: CorrectedEvent = { id: `${doc.id}:${c.id}`, story_event: null, type: 'UNKNOWN', mode: null, source_actor: null, target_actor: null, date: null, date_precision: null,
        location: null, ...eventFields(c.after), evidence: { ...span, text: doc.text.slice(span.start, span.end) }, reported_by: null, produced_by: undefined }
      added.push(e); note(e.id, 'added', c); attach(c, e.id); continue
    }
    if (c.kind === 'quote.speaker') {
      const q = findQuote(doc.quotes, a, span, sameDoc)
      if (!q) { orphan(c, 'fact-gone'); continue }
      const prev = quotes.get(q.id)!
      const speaker = ((c.after as { speaker?: ActorRef | null } | null)?.speaker) ?? null
      quotes.set(q.id, { ...prev, speaker, correction: { corrections: [...(prev.correction?.corrections ?? []), c.id], machine_speaker: q.speaker } })
      attach(c, q.id); continue
    }
    if (c.kind === 'claim.wrong') {
      const cl = findClaim(doc.claims, a, span, sameDoc)
      if (!cl) { orphan(c, 'fact-gone'); continue }
      wrongClaims.set(cl.id, { fact: cl, correction: c.id, reason: c.reason, author: c.author }); attach(c, cl.id); continue
    }
    // event.accept, event.wrong, event.fix: a machine event
    const m = findEvent(doc.events, a, span, sameDoc)
    if (!m) { orphan(c, 'fact-gone'); continue }
    attach(c, m.id)
    if (c.kind === 'event.wrong') { wrongEvents.set(m.id, { fact: m, correction: c.id, reason: c.reason, author: c.author }); note(m.id, 'accepted', c); continue }
    wrongEvents.delete(m.id)
    if (c.kind === 'event.accept') { note(m.id, 'accepted', c); continue }
    const fields = eventFields(c.after)
    const n = note(m.id, 'fixed', c)
    for (const f of Object.keys(fields)) if (!(f in n.machine)) n.machine[f] = (m as unknown as Record<string, unknown>)[f] ?? null
    events.set(m.id, { ...events.get(m.id)!, ...fields })
  }
  const touched = new Set<string>(wrongEvents.keys())
  const withNote = (e: CorrectedEvent): CorrectedEvent => {
    const n = notes.get(e.id)
    if (!n) return e
    if (n.status === 'fixed') touched.add(e.id)
    return { ...e, correction: { status: n.status, corrections: n.corrections, ...(n.status === 'fixed' ? { machine: n.machine } : {}) } }
  }
  const kept = [...events.values()].filter((e) => !wrongEvents.has(e.id)).map(withNote)
  const addedNow = added.map(withNote)
  const all = [...kept, ...addedNow].sort((x, y) => x.evidence.start - y.evidence.start || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
  const changed = all.filter((e) => e.correction && e.correction.status !== 'accepted')
  let corrected: CorrectedDocument = {
    ...doc, events: all, quotes: [...quotes.values()], claims: doc.claims.filter((c) => !wrongClaims.has(c.id)),
    ...(wrongEvents.size ? { wrong_events: [...wrongEvents.values()] } : {}), ...(wrongClaims.size ? { wrong_claims: [...wrongClaims.values()] } : {}),
    ...(reviewed ? { reviewed } : {}),
  }
  if (splits.size) {
    // an actor split off on this page: its entity, events and quotes here name the other actor (after the fixes above)
    const s = applyMerges(corrected, splits)
    corrected = s.doc
    const byId = new Map(changed.map((e) => [e.id, e]))
    for (const e of s.changed) { byId.set(e.id, e); if (e.correction?.status !== 'added') touched.add(e.id) }
    return { doc: corrected, states, touched, changed: [...byId.values()] }
  }
  return { doc: corrected, states, touched, changed }
}

/**
 * The actor merges in force, each merged-away actor to the actor it now is (a chain a→b, b→c gives a→c; a merge
 * that would close a cycle is left out).
 */
export function mergeMap(corrections: readonly Correction[]): Map<string, ActorRef> {
  const direct = new Map<string, ActorRef>()
  for (const c of corrections) {
    if (c.kind !== 'actor.merge') continue
    const a = c.after as { actor?: ActorRef; into?: ActorRef } | null
    if (a?.actor && a.into && a.actor.actor !== a.into.actor) direct.set(a.actor.actor, a.into)
  }
  const out = new Map<string, ActorRef>()
  for (const from of direct.keys()) {
    let to = direct.get(from)!
    const seen = new Set([from])
    while (direct.has(to.actor) && !seen.has(to.actor)) { seen.add(to.actor); to = direct.get(to.actor)! }
    if (!seen.has(to.actor)) out.set(from, to)
  }
  return out
}

/** Does a document name any merged-away actor? */
export function namesMerged(doc: { entities: readonly { actor: string }[]; events: readonly EventRecord[]; quotes: readonly QuoteRecord[] }, merges: ReadonlyMap<string, ActorRef>): boolean {
  const hit = (a: ActorRef | null | undefined) => !!a && merges.has(a.actor)
  return doc.entities.some((e) => merges.has(e.actor)) || doc.events.some((e) => hit(e.source_actor) || hit(e.target_actor) || hit(e.location_actor)) || doc.quotes.some((q) => hit(q.speaker))
}

/**
 * A document with every merged-away actor replaced by the actor it was merged into: its entity (mentions joined to
 * the other actor's entity when the page has one), event actors and quote speakers. The ids of events whose actors
 * changed are returned, so the event lists show them as they read now.
 */
export function applyMerges(doc: CorrectedDocument, merges: ReadonlyMap<string, ActorRef>): { doc: CorrectedDocument; changed: CorrectedEvent[] } {
  const to = (a: ActorRef | null | undefined) => (a && merges.has(a.actor) ? merges.get(a.actor)! : a ?? null)
  // one entity per actor: a merged one joins the page's entity of the actor it now is (that entity keeps its own record)
  const byActor = new Map<string, DocumentRecord['entities'][number]>()
  for (const e of doc.entities) {
    const m = merges.get(e.actor)
    const x = m ? { ...e, actor: m.actor, name: m.name } : e
    const prev = byActor.get(x.actor)
    if (!prev) { byActor.set(x.actor, x); continue }
    const mentions = [...new Map([...prev.mentions, ...x.mentions].map((y) => [`${y.start}:${y.end}`, y])).values()].sort((p, q) => p.start - q.start)
    byActor.set(x.actor, { ...(m ? prev : x), mentions })
  }
  const changed: CorrectedEvent[] = []
  const events = doc.events.map((e) => {
    const s = to(e.source_actor), t = to(e.target_actor), l = to(e.location_actor)
    if (s === (e.source_actor ?? null) && t === (e.target_actor ?? null) && l === (e.location_actor ?? null)) return e
    const out = { ...e, source_actor: s, target_actor: t, ...(e.location_actor !== undefined ? { location_actor: l } : {}) }
    changed.push(out)
    return out
  })
  const quotes = doc.quotes.map((q) => (q.speaker && merges.has(q.speaker.actor) ? { ...q, speaker: to(q.speaker) } : q))
  return { doc: { ...doc, entities: [...byActor.values()], events, quotes }, changed }
}
