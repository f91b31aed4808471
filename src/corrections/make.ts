/**
 * Turns what an analyst asks for ("this event is wrong", "its target is Iran", "this sentence states a missed
 * ATTACK") into a stored correction: the fact is looked up in the corrected view (so a second fix sees the first),
 * and the anchor records the page, the span, the machine id and the machine's own values.
 */
import type { ActorRef, EventRecord } from '../doc/layers.js'
import { DossierError } from '../errors.js'
import type { DocumentRecord } from '../model/records.js'
import { PLOVER_TYPES } from '../plover/index.js'
import { corpusIndex, sentenceAround } from '../store/queries.js'
import type { Store } from '../store/store.js'
import { eventFields, eventKey, type CorrectedEvent } from './apply.js'
import { EVENT_FIELDS, type Anchor, type Correction, type CorrectionKind, type EventFields, type NewCorrection } from './types.js'
import { correctedStore, machineStore } from './view.js'

/** An actor as a request names it: an actor id, a name, or both (a name alone is looked up among the actors). */
export interface ActorIn { readonly actor?: string; readonly name?: string }
/** Event fields as a request gives them (actors as ActorIn). */
export type EventFieldsIn = Omit<EventFields, 'source_actor' | 'target_actor'> & { readonly source_actor?: ActorIn | null; readonly target_actor?: ActorIn | null }

/** What a client asks for (POST /api/corrections, the UI). */
export type CorrectionRequest =
  | { readonly kind: 'event.accept' | 'event.wrong'; readonly event: string; readonly reason?: string | null }
  | { readonly kind: 'event.fix'; readonly event: string; readonly set: EventFieldsIn; readonly reason?: string | null }
  | { readonly kind: 'event.add'; readonly doc: string; readonly start: number; readonly end: number; readonly set: EventFieldsIn & { readonly type: string }; readonly reason?: string | null }
  | { readonly kind: 'quote.speaker'; readonly doc: string; readonly quote: string; readonly speaker: ActorIn | null; readonly reason?: string | null }
  | { readonly kind: 'claim.wrong'; readonly doc: string; readonly claim: string; readonly reason?: string | null }
  | { readonly kind: 'document.reviewed'; readonly doc: string; readonly reason?: string | null }
  | { readonly kind: 'actor.merge'; readonly actor: string; readonly into: string; readonly reason?: string | null }
  | { readonly kind: 'actor.split'; readonly doc: string; readonly actor: string; readonly as: ActorIn; readonly reason?: string | null }

const bad = (message: string) => new DossierError('E_BAD_REQUEST', message)
const missing = (what: string, id: string) => new DossierError('E_NOT_FOUND', `Expected an existing ${what} \`${id}\`, got none`)

/** An actor reference from a request: a known actor by id (its stored name), else by exact name or alias, else a new analyst-named actor. */
export async function resolveActor(store: Store, a: ActorIn | null | undefined): Promise<ActorRef | null> {
  if (a == null) return null
  if (a.actor) {
    const known = await store.getActor(a.actor)
    const ix = known ? null : await corpusIndex(store)
    const name = known?.name ?? ix?.unlisted.get(a.actor)?.name ?? a.name
    if (!name) throw bad(`Expected a known actor id or a name, got the unknown id \`${a.actor}\``)
    return { actor: a.actor, name }
  }
  const name = a.name?.trim()
  if (!name) throw bad('Expected an actor id or a name, got neither')
  const lower = name.toLowerCase()
  const actors = [...(await corpusIndex(store)).actors.values()]
  const hit = actors.find((x) => x.name.toLowerCase() === lower) ?? actors.find((x) => x.aliases.some((y) => y.toLowerCase() === lower))
  if (hit) return { actor: hit.id, name: hit.name }
  return { actor: `analyst:${lower.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}`, name }
}

/** Checks and resolves the event fields of a request. */
async function fieldsOf(store: Store, set: EventFieldsIn): Promise<EventFields> {
  if (set.type != null && !(PLOVER_TYPES as readonly string[]).includes(set.type)) throw bad(`Expected a PLOVER event type (${PLOVER_TYPES.join(', ')}), got ${set.type}`)
  if (set.date != null && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(set.date)) throw bad(`Expected a date YYYY[-MM[-DD]], got ${set.date}`)
  const out: Record<string, unknown> = { ...set }
  for (const k of ['source_actor', 'target_actor'] as const) if (k in set) out[k] = await resolveActor(store, set[k])
  // a date without its precision gets the precision it is written at
  if (set.date && !('date_precision' in set)) out.date_precision = set.date.length === 10 ? 'day' : set.date.length === 7 ? 'month' : 'year'
  if (set.date === null && !('date_precision' in set)) out.date_precision = null
  return eventFields(out)
}

/** The machine's own values of an event the view may already show corrected. */
function machineEvent(e: CorrectedEvent): EventRecord {
  const m = e.correction?.machine ?? {}
  return { ...e, ...m } as EventRecord
}

const pageOf = (d: DocumentRecord) => ({ doc: d.id, path: d.source.path, url: d.source.url })
const kindOf = (k: CorrectionKind) => k

/**
 * Builds the correction a request asks for, from the store's corrected view. Throws E_NOT_FOUND for an unknown
 * fact and E_BAD_REQUEST for a request that cannot apply (an added event is retracted, not fixed).
 */
export async function makeCorrection(store0: Store, req: CorrectionRequest, who: { author: string; via: string }): Promise<NewCorrection> {
  const store = correctedStore(store0)
  const base = { reason: req.reason?.trim() || null, author: who.author, via: who.via }
  if (req.kind === 'event.accept' || req.kind === 'event.wrong' || req.kind === 'event.fix') {
    const hit = (await corpusIndex(store)).events.get(req.event)
    if (!hit) throw missing('event', req.event)
    const e = hit.event as CorrectedEvent
    if (e.correction?.status === 'added') throw bad(`Expected a machine event, got one an analyst added (${e.correction.corrections.join(', ')}): retract that correction (DELETE /api/corrections/{id}) and add the event again`)
    if (req.kind === 'event.wrong' && !base.reason) throw bad('Expected a reason for marking an event wrong, got none')
    // the anchor keeps the machine's own values: read from the machine store (an actor merge renames them in the view)
    const m = (await machineStore(store0).getDocument(hit.doc.id))?.events.find((x) => x.id === e.id) ?? machineEvent(e)
    const anchor: Anchor = { ...pageOf(hit.doc), start: m.evidence.start, end: m.evidence.end, text: m.evidence.text, target: m.id, key: eventKey(m) }
    if (req.kind !== 'event.fix') return { kind: kindOf(req.kind), anchor, before: pick(e, EVENT_FIELDS), after: null, ...base }
    const after = await fieldsOf(store, req.set)
    if (!Object.keys(after).length) throw bad(`Expected at least one field to set (${EVENT_FIELDS.join(', ')}), got none`)
    return { kind: 'event.fix', anchor, before: pick(e, Object.keys(after)), after, ...base }
  }
  if (req.kind === 'actor.merge') {
    // two ids of one real actor: the first is read as the second everywhere (retracting the merge splits them again)
    const ix = await corpusIndex(store)
    const known = (id: string) => ix.actors.get(id)?.name ?? ix.unlisted.get(id)?.name ?? null
    const from = known(req.actor), into = known(req.into)
    if (!from) throw missing('actor', req.actor)
    if (!into) throw missing('actor', req.into)
    if (req.actor === req.into) throw bad('Expected two different actors to merge, got the same one twice')
    return { kind: 'actor.merge', anchor: null, before: { actor: { actor: req.actor, name: from } }, after: { actor: { actor: req.actor, name: from }, into: { actor: req.into, name: into } }, ...base }
  }
  return docCorrection(store, req as Extract<CorrectionRequest, { doc: string }>, base)
}

/** The corrections made on a document's own facts (a sentence, a quote, a claim, the whole document). */
async function docCorrection(store: Store, req: Extract<CorrectionRequest, { doc: string }>, base: Pick<NewCorrection, 'reason' | 'author' | 'via'>): Promise<NewCorrection> {
  const doc = await store.getDocument(req.doc)
  if (!doc) throw missing('document', req.doc)
  if (req.kind === 'document.reviewed') return { kind: 'document.reviewed', anchor: { ...pageOf(doc), start: null, end: null, text: null, target: null, key: null }, before: null, after: { reviewed: true }, ...base }
  if (req.kind === 'event.add') {
    if (!(Number.isInteger(req.start) && Number.isInteger(req.end) && req.start >= 0 && req.start < req.end && req.end <= doc.text.length))
      throw bad(`Expected a span 0 <= start < end <= ${doc.text.length} of the document's text, got [${req.start}, ${req.end})`)
    if (!req.set?.type) throw bad('Expected the added event\'s `type`, got none')
    // the evidence is the whole sentence(s) the selection touches (gold evidence is a sentence), else its paragraph
    const sel = { start: req.start, end: req.end }
    const s = (doc.sentences ?? []).some((x) => x.start < sel.end && sel.start < x.end) ? sentenceAround(doc, sel)
      : sentenceAround({ ...doc, sentences: doc.paragraphs }, sel)
    const after = await fieldsOf(store, req.set)
    return { kind: 'event.add', anchor: { ...pageOf(doc), start: s.start, end: s.end, text: s.text, target: null, key: null }, before: null, after, ...base }
  }
  if (req.kind === 'actor.split') {
    // on this page the actor is someone else (another known actor, or a new one named by the analyst)
    const e = doc.entities.find((x) => x.actor === req.actor)
    const named = e ?? doc.events.flatMap((x) => [x.source_actor, x.target_actor]).concat(doc.quotes.map((q) => q.speaker)).find((a) => a?.actor === req.actor)
    if (!named) throw missing('actor on this page', req.actor)
    const as = await resolveActor(store, req.as)
    if (!as || as.actor === req.actor) throw bad(`Expected another actor than ${named.name} to split it into, got the same one`)
    return { kind: 'actor.split', anchor: { ...pageOf(doc), start: null, end: null, text: null, target: req.actor, key: { actor: req.actor } }, before: { actor: { actor: req.actor, name: named.name } }, after: { actor: { actor: req.actor, name: named.name }, as }, ...base }
  }
  if (req.kind === 'quote.speaker') {
    const q = doc.quotes.find((x) => x.id === req.quote) as (DocumentRecord['quotes'][number] & { correction?: { machine_speaker: ActorRef | null } }) | undefined
    if (!q) throw missing('quote', req.quote)
    const speaker = await resolveActor(store, req.speaker)
    const machine = q.correction ? q.correction.machine_speaker : q.speaker
    return { kind: 'quote.speaker', anchor: { ...pageOf(doc), start: q.start, end: q.end, text: q.text, target: q.id, key: { speaker: machine?.actor ?? null } }, before: { speaker: q.speaker }, after: { speaker }, ...base }
  }
  if (req.kind === 'claim.wrong') {
    const c = doc.claims.find((x) => x.id === req.claim)
    if (!c) throw missing('claim', req.claim)
    if (!base.reason) throw bad('Expected a reason for marking a claim wrong, got none')
    return { kind: 'claim.wrong', anchor: { ...pageOf(doc), start: c.evidence.start, end: c.evidence.end, text: c.evidence.text, target: c.id, key: { value: c.value, what: c.what } }, before: { what: c.what, value: c.value, unit: c.unit, qualifier: c.qualifier }, after: null, ...base }
  }
  throw bad(`Expected a known correction kind, got ${(req as { kind: string }).kind}`)
}

function pick(o: object, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (o as Record<string, unknown>)[k] ?? null]))
}

/** Makes and stores a correction; returns it. */
export async function addCorrection(store: Store, req: CorrectionRequest, who: { author: string; via: string }): Promise<Correction> {
  return store.corrections.add(await makeCorrection(store, req, who))
}
