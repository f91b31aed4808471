import type { Doc } from '../../doc/doc.js'
import { defineStage } from '../../doc/stage.js'
import type { ActorRef, Entity, EventRecord, QuoteRecord, Sentence, SyntaxToken, TimeExpr, Token } from '../../doc/layers.js'
import { msg, type Message, type Span } from '../../doc/span.js'
import type { Kb } from '../../kb/index.js'
import { anchorOf, weekOf } from '../timex/resolve.js'
import { actorIndex, type ActorIndex } from './actors.js'
import { NEWS_TYPES, PLUPERFECT_RE, type PloverType } from './events.data.js'
import { applyClaimants, claimantsIn } from './responsibility.js'
import { anaphoricTarget, attackAuthor, contextDate, countriesOf, meetingCounterpart, otherParty, speakerForState, victimsCountry } from './speech.js'
import { findTriggers, type Trigger } from './steps/01-triggers.js'
import { donePurpose, rejectReason, toldWithOwnTime } from './steps/02-filter.js'
import { readArgs, type Args } from './steps/03-arguments.js'
import { sentenceDates, type EventDate } from './steps/04-dates.js'
import { mergeRepeats } from './steps/05-merge.js'
import { SyntaxView } from '../syntax/index.js'
import { lowerBound } from '../tokens/index.js'
import { SyntaxArgs } from './steps/03-syntax-args.js'
import { SyntaxSpeakers } from '../quotes/speaker-syntax.js'
import { assertedBy, commitmentType, modelTriggers, syntaxOverride, warningType } from './model/apply.js'
import { featureContext } from './model/candidates.js'
import { loadTriggerModel, type TriggerModel } from './model/model.js'

/** Layers the event coder reads. */
export interface EventInput {
  readonly sentences: readonly Sentence[]; readonly entities: readonly Entity[]; readonly timex: readonly TimeExpr[]; readonly quotes: readonly QuoteRecord[]
  /** the parse (with its tokens): triggers found by the trigger model and arguments read off the dependency tree */
  readonly tokens?: readonly Token[]; readonly syntax?: readonly SyntaxToken[]
}

const wordsBetween = (text: string, a: number, b: number): number => (text.slice(a, b).match(/[\p{L}\p{N}]+/gu) ?? []).length

/** Who reports the event: "according to X", or the subject of a reporting verb before it that is not the event's source. */
function reportedBy(doc: Doc, idx: ActorIndex, sent: Sentence, t: Trigger, source: ActorRef | null): string | null {
  for (const v of idx.reportVerbs(sent.start, sent.end)) {
    const w = doc.text.slice(v.start, v.end).toLowerCase()
    if (w.startsWith('according')) { const r = idx.refOf(idx.within(v.end, sent.end)[0]); if (r && r.actor !== source?.actor) return r.name; continue }
    if (v.start >= t.start) continue
    const r = idx.refOf(idx.subjectBefore(v.start, sent))
    if (r && r.actor !== source?.actor) return r.name
  }
  return null
}

/** True when the trigger's word lies in the clausal complement of one of `heads` (up to three clauses down). */
function insideClauseOf(sv: SyntaxView, t: Trigger, heads: readonly Trigger[]): boolean {
  if (!heads.length) return false
  let x = sv.tokenAt(t.start)
  for (let steps = 0; x >= 0 && steps < 3; steps++) {
    const r = sv.rel(x).split(':')[0]
    if (r !== 'ccomp' && r !== 'xcomp') return false
    x = sv.head(x)
    const at = sv.tokens[x]
    if (at && heads.some((h) => h.start <= at.start && at.start < h.end)) return true
  }
  return false
}

/** True when the trigger's subject is one of `heads` ("the meeting took place", "talks were held"): the noun is the event, the verb only tells it happened. */
function toldBySubject(sv: SyntaxView, t: Trigger, heads: readonly Trigger[]): boolean {
  const x = sv.tokenAt(t.start)
  const s = x >= 0 ? sv.children(x).find((c) => /^nsubj/.test(sv.rel(c))) : undefined
  const at = s === undefined ? undefined : sv.tokens[s]
  return !!at && heads.some((h) => h.start <= at.start && at.start < h.end)
}

/** Types whose target is never the speaker's own state (see findEvents). */
const OWN_STATE_FREE = new Set(['AGREE', 'SUPPORT', 'REQUEST'])

/**
 * The state a capital stands for (the knowledge base's `standsFor` of a city) or a government is the government of
 * ("the Syrian government": Syria), else the actor itself.
 */
function stateOfCapital(kb: Kb, r: ActorRef | null): ActorRef | null {
  if (!r) return r
  const gov = /^ORG:([A-Z]{3}):government$/.exec(r.actor)
  if (gov) { const c = kb.country(gov[1]!); return c ? { actor: c.id, name: c.name } : r }
  if (!/^GPE:[A-Z]{3}:/.test(r.actor)) return r
  const state = kb.actor(r.actor)?.standsFor
  const a = state && /^GPE:[A-Z]{3}$/.test(state) ? kb.actor(state) : undefined
  return a ? { actor: a.id, name: a.name } : r
}

/** The last verb of saying before `pos` in the sentence and who says it ("officials said …"), or null when none. */
function saidBefore(idx: ActorIndex, sent: Sentence, pos: number): { verb: Span; who: ActorRef | null } | null {
  const verb = idx.reportVerbs(sent.start, pos).at(-1)
  return verb ? { verb, who: idx.refOf(idx.subjectBefore(verb.start, sent)) } : null
}

/** Acts of help or cooperation a speaker's side can promise. */
const PROMISABLE = new Set(['AID', 'COOPERATE', 'SUPPORT'])
/** A future act, not a conditional or a possibility: "will", "would", "is going to", "is ready to". */
const WILL_RE = /\b(?:will|would|shall|(?:is|are|was|were)\s+(?:going|ready|prepared|willing)\s+to)\s+(?:also\s+|soon\s+|further\s+|continue\s+to\s+)?$/iu

/**
 * "Putin said Russia would supply Iran with fighter jets": help or cooperation that a speaker says their own side will
 * give is a promise (AGREE, as the gold README codes offers and promises), not a hypothetical act. The trigger comes
 * back as an AGREE trigger; anything else (no speaker, another party's act, an "if") stays as it is.
 */
function promiseOf(text: string, sent: Sentence, t: Trigger, idx: ActorIndex, country: ReadonlyMap<string, string>): Trigger | null {
  if (!PROMISABLE.has(t.entry.type) || t.entry.pos !== 'verb' || !WILL_RE.test(text.slice(Math.max(sent.start, t.start - 40), t.start))) return null
  if (/\b(?:if|unless|whether)\b/iu.test(text.slice(sent.start, t.start))) return null
  const said = saidBefore(idx, sent, t.start)
  if (!said) return null
  const speaker = said.who
  const doer = idx.refOf(idx.subjectBefore(t.start, { start: said.verb.end, end: t.start }))
  if (!speaker || !doer || otherParty(speaker.actor, (a) => country.get(a))(doer)) return null
  // (the entry keeps its reason: "model" marks a learned trigger wherever it is read)
  return { ...t, entry: { ...t.entry, type: 'AGREE', mode: null, future: true }, recoded: `help the speaker's own side will give is a promise (AGREE), not ${t.entry.type}` }
}

/** Types whose several subjects act towards each other when no one else is named ("A and B signed", "… hailed the talks"). */
const MUTUAL_TYPES: ReadonlySet<string> = new Set(['AGREE', 'CONSULT', 'COOPERATE', 'SUPPORT'])

/**
 * A joint act of several named subjects with no one else named ("A, B and C signed the deal", "A and B hailed their
 * ties") is one act among them: from the first towards the second, the others kept as co-sources. Null otherwise
 * (several subjects acting on a third party each act: "Russia and China condemned X" is two condemnations).
 */
function jointSources(args: Args, type: string): { args: Args; co: ActorRef[] } | null {
  if (!MUTUAL_TYPES.has(type)) return null
  const srcs = args.sources.filter((r, k): r is ActorRef => !!r && args.sources.findIndex((x) => x?.actor === r.actor) === k)
  if (srcs.length < 2 || args.targets.some((r) => r && !srcs.some((s) => s.actor === r.actor))) return null
  return { args: { ...args, sources: [srcs[0]!], targets: [srcs[1]!] }, co: srcs.slice(2) }
}

/** Types whose event is worth keeping with a place and no actor. */
const PLACE_ONLY_TYPES: ReadonlySet<string> = new Set(['ASSAULT', 'PROTEST', 'COERCE', 'MOBILIZE'])

/** What each reason for dropping a trigger means, for its message. */
const WHY: Record<string, string> = {
  negated: 'negated', hypothetical: 'hypothetical or planned', denied: 'what a speaker denies', reference: 'a reference to an event told elsewhere',
  object: 'the object of another trigger', 'not-done': 'what someone refrained from, declined or failed to do',
}

/** What produced an event: the rule lexicon (with the entry's reason) or the trigger model (with its margin). */
const producedBy = (t: Trigger): NonNullable<EventRecord['produced_by']> => {
  const why = t.recoded ? `; ${t.recoded}` : ''
  return t.entry.reason === 'model' ? { method: 'model', detail: `trigger model (models/events)${why}`, score: t.score ?? null } : { method: 'rule', detail: t.entry.reason + why, score: null }
}

/**
 * PLOVER events of a document: lexicon triggers that are not negated, hypothetical or mere references, with actors
 * from the entities layer (or rule-found names), dates from the timex layer, and the sentence as evidence.
 */
export function findEvents(doc: Doc, input: EventInput, opts: { model?: TriggerModel | null; kb?: Kb } = {}): { events: EventRecord[]; messages: Message[] } {
  const { text } = doc
  const idx = actorIndex(text, input.sentences, input.entities)
  const country = countriesOf(input.entities)
  const persons = new Set(input.entities.filter((e) => e.type === 'PERSON').map((e) => e.actor))
  /** states and state bodies (an army, a ministry), not armed groups */
  const stateActors = new Set(input.entities.filter((e) => e.type === 'GPE' || e.type === 'ORG').map((e) => e.actor))
  const isPerson = (r: ActorRef | null): boolean => !!r && persons.has(r.actor)
  const anchor = anchorOf(doc.meta.published)
  const messages: Message[] = []
  let raw: EventRecord[] = []
  const claims: { sent: Sentence; at: number; who: ActorRef }[] = []
  const denials: { sent: Sentence; t: Trigger }[] = []
  const all = findTriggers(text, { start: 0, end: text.length })
  const sv = input.tokens && input.syntax ? new SyntaxView(text, input.tokens, input.syntax) : null
  // a person described by role ("the foreign ministry spokesman", "Iran's envoy to the UN") is resolved as the quotes stage resolves speakers
  const speakers = sv ? new SyntaxSpeakers(text, input.tokens!, input.syntax!, idx, input.quotes.map((q) => ({ start: q.start, end: q.end })), (a) => country.get(a)) : null
  const parsed = sv ? new SyntaxArgs(sv, idx, input.tokens!, (h) => speakers!.describedPerson(h)) : null
  const model = sv ? (opts.model === undefined ? loadTriggerModel() : opts.model) : null
  const ctx = parsed && model ? featureContext(parsed.view, input.tokens!, parsed.actorsByToken, input.quotes, all) : null
  let ti = 0
  for (const sent of input.sentences) {
    while (ti < all.length && all[ti].start < sent.start) ti++
    const found: Trigger[] = []
    for (let k = ti; k < all.length && all[k].start < sent.end; k++) if (all[k].end <= sent.end) found.push(all[k])
    if (ctx && model) {
      const learned = modelTriggers(ctx, model, lowerBound(input.tokens!, sent.start), lowerBound(input.tokens!, sent.end))
      // a learned verb whose object the rule lexicon codes ("accept my condolences") adds nothing: the lexicon's noun is the event
      const ruleNouns = found.filter((o) => o.entry.pos === 'noun')
      for (const t of learned) {
        if (found.some((o) => o.start < t.end && t.start < o.end)) continue
        if (t.entry.pos === 'verb' && ruleNouns.some((o) => o.start >= t.end && wordsBetween(text, t.end, o.start) <= 5)) continue
        // what a lexicon trigger's clause says is part of it ("agreed that their institutions will increase contact": one AGREE)
        const same = found.filter((o) => o.entry.type === t.entry.type)
        if (insideClauseOf(parsed!.view, t, same) || toldBySubject(parsed!.view, t, same)) continue
        found.push(t)
      }
      found.sort((a, b) => a.start - b.start)
    }
    const kept = found.map((t) => {
      const promise = promiseOf(text, sent, t, idx, country)
      if (promise) messages.push(msg('events', 'promise', `"${t.text}" (${t.entry.type}) is what its speaker's side will do: coded as a promise, AGREE`, 'info', t))
      // a lexicon commitment ("pledged") to harm is a threat, to help an offer (learned ones are typed so by the model step)
      const committed = sv && t.entry.reason !== 'model' ? commitmentType(sv, sv.tokenAt(t.start), t.entry.type) : t.entry.type
      if (!promise && committed !== t.entry.type) {
        messages.push(msg('events', 'commitment', `"${t.text}" (${t.entry.type}) commits to ${committed === 'THREATEN' ? 'harm' : 'help'}: coded as ${committed}`, 'info', t))
        return { ...t, entry: { ...t.entry, type: committed as PloverType, mode: null }, recoded: `a commitment to ${committed === 'THREATEN' ? 'harm' : 'help'}` }
      }
      return promise ?? t
    }).filter((t) => {
      // a noun right behind another trigger is its object ("appreciated Russia's expression of sympathy"), not a second event
      const adjunct = /\b(?:in|during|by|via|over|at)\s+(?:a|an|the)?\s*$/iu.test(text.slice(Math.max(sent.start, t.start - 12), t.start))
      // "arrived in X for talks with Y": the talks are the visit's, not a second CONSULT
      const partOf = t.entry.type === 'CONSULT' && t.entry.pos === 'noun' && found.some((o) => o !== t && o.entry.type === 'CONSULT' && o.entry.mode === 'visit' && o.entry.pos === 'verb' && o.end <= t.start)
      const objectOf = partOf || t.entry.pos === 'noun' && t.entry.type !== 'ASSAULT' && !adjunct && found.some((o) => o !== t && o.entry.pos === 'verb' && o.end <= t.start && wordsBetween(text, o.end, t.start) <= 5)
      const reason = objectOf ? 'object' : rejectReason(text, sent, t)
      // "after the killing of X in Y late Tuesday" tells the killing: its own time or place makes it more than a reference
      // … and "took to Twitter to condemn X" condemned X: the purpose of a done act is done
      const why = (reason === 'reference' && toldWithOwnTime(text, sent, t, idx, input.timex)) || (reason === 'hypothetical' && sv && donePurpose(sv, sv.tokenAt(t.start))) ? null : reason
      if (why) messages.push(msg('events', `not-an-event-${why}`, `"${t.text}" is ${WHY[why] ?? why}: not coded as ${t.entry.type}`, 'info', t))
      // (a negated verb: "said Iran had not supplied"; a noun after "not" is no act denied: "the problem is not the sanctions")
      if (why === 'negated' && t.entry.pos === 'verb') denials.push({ sent, t })
      return !why
    })
    // a denial's date is that of the statement that makes it
    const denialVerbs = denials.map(({ t }) => idx.reportVerbs(sent.start, t.start).at(-1) ?? { start: t.start, end: t.end })
    // learned triggers take their own dates but never move the dates of the lexicon's triggers (each anchors the time expressions near it)
    const lexical = kept.filter((t) => t.entry.reason !== 'model')
    const allDates = sentenceDates(text, idx, sent, lexical, input.timex, denialVerbs)
    const withLearned = lexical.length === kept.length ? allDates : sentenceDates(text, idx, sent, kept, input.timex)
    const dates = kept.map((t, i) => (t.entry.reason === 'model' ? withLearned[i] : allDates[lexical.indexOf(t)]))
    const evidence = { start: sent.start, end: sent.end, text: text.slice(sent.start, sent.end) }
    kept.forEach((t0, i) => {
      let t = t0
      let args = syntaxOverride(readArgs({ text, idx, sent, quotes: input.quotes }, t), t, parsed, idx, input.quotes, (a) => country.get(a))
      // a warning is a threat or an accusation by whose act it announces
      const warned = warningType(t, parsed, idx, args.sources[0] ?? null, (a) => country.get(a))
      if (warned && warned !== t.entry.type) {
        t = { ...t, entry: { ...t.entry, type: warned, mode: warned === 'ACCUSE' ? 'disapprove' : null, targetPreps: warned === 'ACCUSE' ? ['', 'against', 'of'] : t.entry.targetPreps } }
        messages.push(msg('events', 'warning-type', `"${t.text}" warns of ${warned === 'ACCUSE' ? "another party's act" : "the warner's own act"}: coded as ${warned}`, 'info', t))
        args = syntaxOverride(readArgs({ text, idx, sent, quotes: input.quotes }, t), t, parsed, idx, input.quotes, (a) => country.get(a))
      }
      let d: EventDate = dates[i]
      const clause = text.slice(Math.max(sent.start, t.start - 30), t.start)
      if (!d.date && d.basis !== 'unresolved' && anchor && NEWS_TYPES.has(t.entry.type) && !PLUPERFECT_RE.test(clause) && !/\b(?:since|recently)\b/i.test(text.slice(Math.max(sent.start, t.start - 30), Math.min(sent.end, t.end + 60)))) {
        d = { date: weekOf(anchor, 0).value, precision: 'week', basis: 'publication' }
      }
      // a joint act of several subjects with no one else named is one event among them ("the deal was signed by A, B and C")
      const joint = jointSources(args, t.entry.type)
      if (joint) args = joint.args
      for (const src0 of args.sources) for (const tgt of args.targets) {
        const src = speakerForState(idx, sent, t.start, t.entry.type, src0, input.quotes, country) ?? src0
        // a meeting needs both its participants; some triggers are events only with a target ("punishing Israel")
        // (a place alone tells an attack, a protest, arrests or a deployment there, never who agreed or asked what)
        const missing = !src && !tgt && (!args.location || !PLACE_ONLY_TYPES.has(t.entry.type)) && t.entry.type !== 'ASSAULT' ? 'no actor or place'
          : (!src || !tgt || tgt.actor === src.actor) && t.entry.type === 'CONSULT' ? 'a meeting with one participant'
          // talking to a news outlet is an interview, and an outlet's report a source, never a party of a meeting
          : t.entry.type === 'CONSULT' && [src, tgt].some((r) => r?.actor.startsWith('ORG:media:')) ? 'a news outlet as a party of a meeting'
          : (!tgt || tgt.actor === src?.actor) && t.entry.needsTarget ? 'no target'
          : !src && t.entry.needsSpeaker ? 'no one who says it' : null
        if (missing) { messages.push(msg('events', 'no-arguments', `"${t.text}" (${t.entry.type}) dropped: ${missing} found`, 'info', t)); continue }
        raw.push({
          produced_by: producedBy(t),
          id: '', story_event: null, type: t.entry.type, mode: t.entry.mode,
          source_actor: src, target_actor: tgt && tgt.actor !== src?.actor ? tgt : null,
          date: d.date, date_precision: d.precision, date_basis: d.basis, location: args.location, location_actor: args.locationRef,
          ...(joint?.co.length ? { co_sources: joint.co } : {}),
          trigger: { start: t.start, end: t.end, text: t.text }, reported_by: reportedBy(doc, idx, sent, t, src) ?? assertedBy(t, parsed, idx, input.quotes, src)?.name ?? null, evidence,
        })
        // two people agreeing somewhere ("A and B agreed in X on Tuesday to …") met there
        const last = raw[raw.length - 1]
        if (t.entry.type === 'AGREE' && args.locationRef && isPerson(src) && isPerson(last.target_actor)) raw.push({ ...last, type: 'CONSULT', mode: 'meeting' })
      }
    })
    for (const c of claimantsIn(text, idx, sent)) claims.push({ sent, ...c })
    // a negated act inside someone's statement is that speaker's denial: REJECT ("officials said Tehran had not supplied arms")
    denials.splice(0).forEach(({ t }, k) => {
      const who = saidBefore(idx, sent, t.start)?.who ?? null
      const d = allDates[lexical.length + k]
      if (who) raw.push({ produced_by: { method: 'rule', detail: 'a negated act inside a statement is its speaker\'s denial', score: null }, id: '', story_event: null, type: 'REJECT', mode: null, source_actor: who, target_actor: null, date: d.date, date_precision: d.precision, date_basis: d.basis, location: null, trigger: { start: t.start, end: t.end, text: t.text }, reported_by: null, evidence: { start: sent.start, end: sent.end, text: text.slice(sent.start, sent.end) } })
    })
  }
  // an event with neither actors nor place is kept only long enough to merge into an attack already told
  raw = applyClaimants(raw, claims).filter((e) => e.source_actor || e.target_actor || e.location || e.type === 'ASSAULT')
  /** The knowledge base's state actor of a country code (none without a knowledge base). */
  const stateRef = (iso: string): ActorRef | null => { const a = opts.kb?.country(iso); return a ? { actor: a.id, name: a.name } : null }
  const sentenceIndex = (pos: number): number => { let lo = 0, hi = input.sentences.length; while (lo < hi) { const mid = (lo + hi) >> 1; if (input.sentences[mid].end <= pos) lo = mid + 1; else hi = mid } return lo }
  raw = raw.map((e, k) => {
    // what a meeting's participant offers or asks of a person from another state is addressed to that state ("Russia was ready to share …")
    const cp = meetingCounterpart(raw.slice(0, k), e, sentenceIndex)
    const cpCountry = cp && persons.has(cp.actor) ? country.get(cp.actor) : undefined
    const cpState = cpCountry && cpCountry !== country.get(e.source_actor?.actor ?? '') ? stateRef(cpCountry) : null
    // a state's attack with no victim named, on a place of another state, is an attack on that state ("Israel struck targets near
    // Damascus"); an armed group's bombing of a city is not (its victims are people, not the state)
    const ownState = e.type === 'ASSAULT' && !e.target_actor && e.source_actor && e.location_actor && stateActors.has(e.source_actor.actor) ? country.get(e.source_actor.actor) : undefined
    const placeCountry = ownState ? country.get(e.location_actor!.actor) : undefined
    const placeState = placeCountry && placeCountry !== ownState ? stateRef(placeCountry) : null
    const tgt = victimsCountry(raw, e, input.entities, country) ?? cpState ?? cp ?? placeState
    // an arrest, a trial or a jailing told without its agent is done by the state where it happens ("X was detained in Belgium")
    const jailer = e.type === 'COERCE' && !e.source_actor && e.location_actor ? country.get(e.location_actor.actor) : undefined
    const src = jailer ? stateRef(jailer) : null
    return contextDate(raw.slice(0, k), tgt || src ? { ...e, target_actor: tgt ?? e.target_actor, source_actor: src ?? e.source_actor } : e, sentenceIndex)
  })
  raw = raw.map((e, k) => { const t = attackAuthor(raw, k, (a) => country.get(a)) ?? anaphoricTarget(raw, k, sentenceIndex, (a) => country.get(a), (name) => idx.mentions.find((m) => m.kind === 'name' && m.ref?.name === name)?.ref ?? null); return t ? { ...e, target_actor: t } : e })
  // a capital acting or acted on is its state ("Tehran rejected", "talks with Moscow"); where something happens stays in `location`
  if (opts.kb) {
    const kb = opts.kb
    raw = raw.map((e) => {
      const s = stateOfCapital(kb, e.source_actor), t = stateOfCapital(kb, e.target_actor)
      return s === e.source_actor && t === e.target_actor ? e : { ...e, source_actor: s, target_actor: t?.actor === s?.actor ? null : t }
    })
  }
  // "Raisi said Iran is determined to …", "Khatibzadeh said Iran has played a constructive role": a speaker's offer, praise or
  // request aimed at their own state is said of it, to no one (domestic criticism, an accusation, keeps its target)
  const aimedAtOwnState = (e: EventRecord): boolean => {
    const c = e.source_actor ? country.get(e.source_actor.actor) : undefined
    return !!c && !!e.target_actor && e.target_actor.actor !== e.source_actor!.actor && stateActors.has(e.target_actor.actor) && country.get(e.target_actor.actor) === c
  }
  raw = raw.map((e) => (OWN_STATE_FREE.has(e.type) && aimedAtOwnState(e) ? { ...e, target_actor: null } : e))
  const events = mergeRepeats(raw, input.entities).filter((e) => e.source_actor || e.target_actor || e.location).map((e, n) => ({ ...e, id: `${doc.id}:e${n + 1}` }))
  return { events, messages }
}

/**
 * PLOVER events (`opts.kb` is kept for actor roles once the knowledge base carries them). `opts.model` replaces the
 * committed trigger model (null: rule lexicon only), for cross-validation.
 */
export function eventsStage(opts: { kb: Kb; model?: TriggerModel | null }) {
  return defineStage({
    name: 'events', requires: ['tokens', 'sentences', 'syntax', 'entities', 'timex', 'quotes'], produces: ['events'],
    run(doc, { tokens, syntax, sentences, entities, timex, quotes }) {
      const { events, messages } = findEvents(doc, { tokens, syntax, sentences, entities, timex, quotes }, { model: opts.model, kb: opts.kb })
      return { layers: { events }, messages }
    },
  })
}
