import type { ActorRef, Entity, EventRecord, QuoteRecord } from '../../doc/layers.js'
import type { Span } from '../../doc/span.js'
import type { ActorIndex } from './actors.js'
import { knownPlace } from './places.js'

/** Speech acts: PLOVER verbal types whose author is whoever makes the statement. */
const SPEECH_TYPES: ReadonlySet<string> = new Set(['AGREE', 'REQUEST', 'THREATEN', 'REJECT', 'ACCUSE', 'SUPPORT'])

/** The country (ISO alpha-3) each actor of the entities layer belongs to: its affiliation, else the code's prefix. */
export function countriesOf(entities: readonly Entity[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const e of entities) { const c = e.affiliation ?? (/^[A-Z]{3}/.test(e.code ?? '') ? e.code!.slice(0, 3) : null); if (c) out.set(e.actor, c) }
  return out
}

/**
 * "Shoigu told Y that Moscow was ready to …", "X said Russia was “ready to …”": a speech act whose subject is the
 * speaker's own state or capital is the speaker's offer (or demand, threat …). Returns the speaker in that case.
 */
export function speakerForState(idx: ActorIndex, sent: Span, at: number, type: string, source: ActorRef | null, quotes: readonly QuoteRecord[], country: ReadonlyMap<string, string>): ActorRef | null {
  if (!source || !SPEECH_TYPES.has(type)) return null
  const state = country.get(source.actor)
  const srcType = idx.mentions.find((m) => m.ref?.actor === source.actor)?.type
  if (!state || srcType === 'PERSON') return null
  const q = quotes.find((x) => x.start <= at && at < x.end)
  let speaker = q?.speaker ?? null
  if (!speaker) {
    const v = idx.reportVerbs(sent.start, at).at(-1)
    speaker = v ? idx.refOf(idx.subjectBefore(v.start, sent)) : null
  }
  if (!speaker || speaker.actor === source.actor) return null
  const isPerson = idx.mentions.some((m) => m.ref?.actor === speaker!.actor && m.type === 'PERSON')
  return isPerson && country.get(speaker.actor) === state ? speaker : null
}

/** How many sentences back a dated meeting still sets the day of what its participants say ("in the meeting"). */
const CONTEXT_SENTENCES = 4

/**
 * An undated speech act of someone who took part in a meeting dated to the day a few sentences earlier happened at
 * that meeting: it takes the meeting's day (basis `context`) instead of the publication week.
 */
export function contextDate(events: readonly EventRecord[], e: EventRecord, sentenceIndex: (pos: number) => number): EventRecord {
  if (e.date_basis !== 'publication' || !SPEECH_TYPES.has(e.type)) return e
  const here = sentenceIndex(e.evidence.start)
  const parties = new Set([e.source_actor?.actor, e.target_actor?.actor].filter(Boolean))
  for (let i = events.length - 1; i >= 0; i--) {
    const o = events[i]
    if (o.evidence.start >= e.evidence.start || here - sentenceIndex(o.evidence.start) > CONTEXT_SENTENCES) continue
    if (o.type !== 'CONSULT' || o.date_precision !== 'day' || !o.date) continue
    if ([o.source_actor?.actor, o.target_actor?.actor].some((a) => a && parties.has(a))) return { ...e, date: o.date, date_precision: 'day', date_basis: 'context' }
  }
  return e
}

/** Acts a participant of a meeting performs towards the other participant when the sentence names no one else. */
const COUNTERPART_TYPES = new Set(['AGREE', 'SUPPORT', 'REQUEST', 'COOPERATE'])

/**
 * "During the meeting, X called for closer ties": a speech act with no target by someone who took part in a
 * meeting told a few sentences earlier is addressed to the other participant of that meeting.
 */
export function meetingCounterpart(events: readonly EventRecord[], e: EventRecord, sentenceIndex: (pos: number) => number): ActorRef | null {
  if (e.target_actor || !e.source_actor || !COUNTERPART_TYPES.has(e.type)) return null
  const here = sentenceIndex(e.evidence.start)
  for (let i = events.length - 1; i >= 0; i--) {
    const o = events[i]!
    if (o.evidence.start >= e.evidence.start || o.type !== 'CONSULT' || here - sentenceIndex(o.evidence.start) > CONTEXT_SENTENCES) continue
    if (o.source_actor?.actor === e.source_actor.actor && o.target_actor) return o.target_actor
    if (o.target_actor?.actor === e.source_actor.actor && o.source_actor) return o.source_actor
  }
  return null
}

/** The words of an event's sentence right after its trigger (up to n characters). */
const afterTrigger = (e: EventRecord, n: number): string => (e.trigger ? e.evidence.text.slice(e.trigger.end - e.evidence.start, e.trigger.end - e.evidence.start + n) : '')

/** Whether an actor is another party than `me`: never `me` itself, nor an actor of `me`'s own state. */
export const otherParty = (me: string, stateOf: (a: string) => string | undefined) => (r: ActorRef | null): r is ActorRef =>
  !!r && r.actor !== me && (stateOf(r.actor) === undefined || stateOf(r.actor) !== stateOf(me))

/** Nouns naming an attack: condemning one accuses its author. */
const ATTACK_NOUN = /\b(?:attacks?|bombings?|blasts?|explosions?|strikes?|airstrikes?|assassinations?|killings?|shootings?|massacres?|raids?|shelling|crimes?|atrocit(?:y|ies))\b/i

/**
 * Condemning an attack with no one named accuses its author when the page names one ("condemned the bombing" near
 * "IS claimed the attack"): the latest attack with an author up to this sentence, else the next one.
 */
export function attackAuthor(events: readonly EventRecord[], k: number, stateOf: (a: string) => string | undefined): ActorRef | null {
  const e = events[k]!
  if (e.type !== 'ACCUSE' || e.target_actor || !e.source_actor || !e.trigger || !ATTACK_NOUN.test(afterTrigger(e, 60))) return null
  const other = otherParty(e.source_actor.actor, stateOf)
  for (let i = k; i >= 0; i--) { const o = events[i]!; if (o.type === 'ASSAULT' && other(o.source_actor)) return o.source_actor }
  return events.find((o, i) => i > k && o.type === 'ASSAULT' && other(o.source_actor))?.source_actor ?? null
}

/** A definite noun taking up an act told before ("the move", "this decision", "such measures"). */
const ACT_ANAPHOR = /^\s*(?:the|this|that|these|those|such)\s+(?:\p{Ll}+\s+)?(?:move|moves|decision|measures?|steps?|actions?|act|sanctions|policy|bans?)\b/iu
/** A definite noun taking up a claim told before ("the claims", "these allegations"). */
const CLAIM_ANAPHOR = /^\s*(?:the|this|that|these|those|such)\s+(?:\p{Ll}+\s+)?(?:claims?|allegations?|accusations?|charges?|remarks|comments|statements?)\b/iu
/** What a denial denies told as a clause ("denied that it had …", "denied being …", "denied any role in …"): a claim made before. */
const DENIED_CLAUSE = /^\s*(?:(?:categorically|strongly|firmly|repeatedly)\s+)?(?:that\b|being\b|having\b|any\s+(?:\p{Ll}+\s+)?(?:role|involvement|links?|responsibility|part|connection)\b)/iu
/** A claim named just before the denial in the same sentence ("…, a claim that Moscow has denied", "an allegation strongly rejected by X"). */
const CLAIM_BEFORE = /\b(?:an?|the)\s+(?:\p{Ll}+\s+)?(?:claims?|allegations?|accusations?|charges?)\s+(?:that\s+|which\s+)?(?:[\p{L}'’.-]+\s+){0,4}$/iu

/** A definite noun taking up an offer or a demand told before ("the offer", "their request", "such calls"). */
const PROPOSAL_ANAPHOR = /^\s*(?:the|this|that|these|those|such|their|his|her|its)\s+(?:\p{Ll}+\s+)?(?:offers?|proposals?|requests?|demands?|calls?|invitations?|initiatives?|suggestions?|plans?)\b/iu

/**
 * "Tehran denounced the move", "Moscow rejected the allegations": an accusation or rejection whose object takes up
 * an act or a claim told in the sentences just before is aimed at that act's (or claim's) author; for a claim,
 * a rejection answers whoever is reported asserting an act ("Ukraine says Iran supplied drones"). Rejecting "the
 * offer" or "the demand" answers whoever made it, told earlier in the sentence or just before.
 */
export function anaphoricTarget(events: readonly EventRecord[], k: number, sentenceIndex: (pos: number) => number, stateOf: (a: string) => string | undefined, refByName: (name: string) => ActorRef | null): ActorRef | null {
  const e = events[k]!
  if ((e.type !== 'ACCUSE' && e.type !== 'REJECT') || e.target_actor || !e.source_actor || !e.trigger) return null
  const after = afterTrigger(e, 40)
  const before = e.evidence.text.slice(Math.max(0, e.trigger.start - e.evidence.start - 60), e.trigger.start - e.evidence.start)
  // (a claim named right before the denial in its own sentence was made by an act told earlier in that sentence)
  const claimBefore = e.type === 'REJECT' && CLAIM_BEFORE.test(before)
  const claim = claimBefore || CLAIM_ANAPHOR.test(after) || (e.type === 'REJECT' && DENIED_CLAUSE.test(after))
  const proposal = e.type === 'REJECT' && PROPOSAL_ANAPHOR.test(after)
  if (!claim && !proposal && !ACT_ANAPHOR.test(after)) return null
  const other = otherParty(e.source_actor.actor, stateOf)
  const here = sentenceIndex(e.evidence.start)
  for (let i = k - 1; i >= 0; i--) {
    const o = events[i]!
    const back = here - sentenceIndex(o.evidence.start)
    if (back > 2) break
    if (proposal) { if ((o.type === 'AGREE' || o.type === 'REQUEST') && other(o.source_actor)) return o.source_actor; continue }
    if (back < 1 && !(claimBefore && back === 0)) continue
    // "Ukraine says Iran supplied drones … Tehran rejected the allegations": the one who asserts the act made the claim
    const asserter = claim && e.type === 'REJECT' && o.reported_by ? refByName(o.reported_by) : null
    if (asserter && other(asserter)) return asserter
    if (other(o.source_actor) && (claim ? o.type === 'ACCUSE' : o.type !== 'CONSULT' && o.type !== 'ACCUSE' && o.type !== 'REJECT')) return o.source_actor
  }
  return null
}

/** Condolences with no one named: the victims' country, that of the latest attack's place (an entity with a country). */
export function victimsCountry(events: readonly EventRecord[], e: EventRecord, entities: readonly Entity[], country: ReadonlyMap<string, string>): ActorRef | null {
  if (e.type !== 'SUPPORT' || e.mode !== 'condole' || e.target_actor) return null
  const attack = events.filter((a) => a.type === 'ASSAULT' && a.location_actor && a.evidence.start <= e.evidence.start).at(-1)
    ?? events.find((a) => a.type === 'ASSAULT' && a.location_actor)
  const code = attack?.location_actor ? country.get(attack.location_actor.actor) : undefined
  if (!code) return null
  // the country itself, not another place of it (a city carries its country's code too); failing a known country name,
  // the one place of that country that is no event's location
  const same = entities.filter((x) => x.type === 'GPE' && country.get(x.actor) === code)
  const state = same.find((x) => knownPlace(x.name)?.country === x.name) ?? same.find((x) => !knownPlace(x.name) && !events.some((a) => a.location_actor?.actor === x.actor))
  return state && state.actor !== e.source_actor?.actor ? { actor: state.actor, name: state.name } : null
}
