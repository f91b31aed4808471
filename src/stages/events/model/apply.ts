import type { ActorRef, QuoteRecord } from '../../../doc/layers.js'
import type { ActorIndex, ActorMention } from '../actors.js'
import type { TriggerEntry, PloverType } from '../events.data.js'
import { lexicon } from '../../../plover/lexicon/index.js'
import type { Trigger } from '../steps/01-triggers.js'
import type { Args } from '../steps/03-arguments.js'
import { AUTHOR_OF_NOUNS, type ParsedArgs, type SyntaxArgs } from '../steps/03-syntax-args.js'
import { candidateTokens } from './candidates.js'
import { SPEECH_VERBS, triggerFeatures, type FeatureContext } from './features.js'
import type { TriggerModel } from './model.js'
import { otherParty } from '../speech.js'
import { readingCache } from '../../../reading-caches.js'

/** Where the target of a type is usually named, in order: '' is the direct object. */
const TARGET_PREPS: Readonly<Record<string, readonly string[]>> = {
  CONSULT: ['with', '', 'to'], AGREE: ['with', 'to', ''], SUPPORT: ['', 'to', 'for', 'with'], CONCEDE: ['', 'to'], COOPERATE: ['with', ''],
  AID: ['to', '', 'for'], RETREAT: ['from', ''], REQUEST: ['', 'to', 'from', 'on'], ACCUSE: ['', 'against', 'of', 'for', 'on'], REJECT: ['', 'by'],
  THREATEN: ['', 'against', 'with'], PROTEST: ['against', ''], SANCTION: ['on', 'against', ''], MOBILIZE: ['against', 'to'], COERCE: ['', 'on', 'against'],
  ASSAULT: ['', 'on', 'against', 'in'],
}
/** Verbs whose subject receives what another gives ("received drones from Iran"). */
const RECEIVE_VERBS = new Set(['receive', 'obtain', 'acquire', 'get', 'import'])
/** Types whose mention is a commitment or demand for the future. */
const FUTURE = new Set(['AGREE', 'REQUEST', 'THREATEN'])
/** Verbal types that a speaker performs by saying something of someone ("X said Y violated the deal": X accuses Y). */
const SPOKEN = new Set(['ACCUSE', 'SUPPORT', 'REJECT', 'REQUEST', 'THREATEN'])
/**
 * Types whose target owns the thing acted on ("criticized the British move": the United Kingdom). Not REJECT: the
 * gold leaves a denial's target empty unless the rejected party itself is named (seven in ten dev denials have none;
 * "rejected the U.S. claims" is Iran's REJECT with no target), though PLOVER would make the claimant the target.
 */
const OWNED = new Set(['ACCUSE', 'SUPPORT', 'PROTEST'])
/** Types addressed to someone named after the trigger ("called on X to", "warned X", "accused X"). */
const ADDRESSED = new Set(['REQUEST', 'ACCUSE', 'THREATEN'])

const ENTRIES = new Map<string, TriggerEntry>()
readingCache(() => ENTRIES.clear())
/** The trigger entry of a model decision: mode and target prepositions from a lexicon entry of the same type, when the word has one. */
function entryFor(type: string, word: string, noun: boolean): TriggerEntry {
  const key = `${type}|${word}|${noun}`
  let e = ENTRIES.get(key)
  if (!e) {
    const lex = lexicon().entriesOf(word).find((x) => x.type === type && x.pos === (noun ? 'noun' : 'verb'))
    // the lexicon entry's own preposition first, then where the type usually names its target
    // ("in" and "at" name where a non-violent act happens, never its target: "signed a document in Astana")
    const own = lex?.target === 'prep' && lex.prep ? [lex.prep, ...(lex.targetPreps ?? [])].filter((p) => type === 'ASSAULT' || !/^(?:in|at)$/i.test(p)) : []
    const preps = [...new Set([...own, ...(TARGET_PREPS[type] ?? [''])])]
    e = { pattern: '', type: type as PloverType, mode: lex?.mode ?? null, pos: noun ? 'noun' : 'verb', targetPreps: preps, future: FUTURE.has(type) || undefined, reason: 'model' }
    ENTRIES.set(key, e)
  }
  return e
}

/** Triggers the model finds among the candidate tokens [from, to) (its decision margin is in the model's meta). */
export function modelTriggers(ctx: FeatureContext, model: TriggerModel, from: number, to: number): Trigger[] {
  const sv = ctx.sv
  const threshold = typeof model.meta.margin === 'number' ? model.meta.margin : 0
  const out: Trigger[] = []
  for (const i of candidateTokens(sv, from, to)) {
    // (a word of two letters is no event, whatever the model says: "en" of "en route")
    if (sv.word(i).length < 3) continue
    const { label, margin } = model.predict(triggerFeatures(ctx, i))
    if (margin < threshold || claimsResponsibility(sv, i) || (label === 'ASSAULT' && launchesNoAttack(sv, i)) || strikesNoDeal(sv, i, label) || praisesAsAccusation(sv, i, label) || inCharge(sv, i)
      || (label === 'ASSAULT' && hitsAnImpasse(sv, i)) || (label === 'THREATEN' && allowsUnrestricted(sv, i)) || (label === 'CONSULT' && receivesNoOne(ctx, i))) continue
    const t = ctx.tokens[i]!
    const type = commitmentType(sv, i, label)
    out.push({ start: t.start, end: t.end, text: sv.word(i), entry: entryFor(type, sv.word(i).toLowerCase(), sv.upos(i) !== 'VERB'), score: Math.round(margin * 100) / 100 })
  }
  return out
}

/** Verbs that carry whatever act their object names ("launched an offensive", "launched a joint project"). */
const CARRIERS = new Set(['launch', 'carry', 'conduct', 'stage', 'mount', 'start', 'begin', 'hold', 'undertake', 'initiate'])
/** Objects of a carrier verb that make it an attack. */
const ATTACK_OBJECTS = /^(?:attacks?|strikes?|airstrikes?|raids?|offensives?|operations?|assaults?|bombings?|missiles?|rockets?|drones?|shells?|barrages?|salvos?|waves?|invasion|incursions?|war|campaign|counteroffensive|counterattacks?|ambush(?:es)?|shelling|bombardment)$/i

/**
 * "Iran and Russia launched a joint project": a learned attack on a carrier verb whose object names no attack (a
 * project, talks, a campaign of vaccination) is no attack; "launched missiles", "launched an offensive" stay.
 */
function launchesNoAttack(sv: FeatureContext['sv'], i: number): boolean {
  if (!CARRIERS.has(sv.lemma(i).toLowerCase())) return false
  const obj = sv.objects(i)[0]
  return obj !== undefined && !ATTACK_OBJECTS.test(sv.lemma(obj)) && !ATTACK_OBJECTS.test(sv.word(obj))
}

/** Objects that make "strike" an agreement ("struck a deal"). */
const DEAL_OBJECTS = /^(?:deal|agreement|accord|pact|bargain|compromise|treaty|contract|truce)s?$/i

/** "Its jets struck a weapons depot": a learned agreement on "strike" needs a deal as its object (the model learned it from "struck a deal"). */
function strikesNoDeal(sv: FeatureContext['sv'], i: number, label: string): boolean {
  return (label === 'SUPPORT' || label === 'AGREE') && sv.lemma(i).toLowerCase() === 'strike' && !sv.objects(i).some((o) => DEAL_OBJECTS.test(sv.word(o)))
}

/** Objects that make "hit" or "reach" a state of affairs, not a blow ("the talks hit a deadlock", "hit a record"). */
const IMPASSE_OBJECTS = /^(?:deadlock|impasse|stalemate|snag|snags|wall|roadblock|obstacle|obstacles|record|records|low|high|peak|bottom|ceiling|milestone)$/iu

/** "The talks have hit a deadlock": a learned attack on "hit" whose object is a state of affairs is none. */
const hitsAnImpasse = (sv: FeatureContext['sv'], i: number): boolean => sv.lemma(i).toLowerCase() === 'hit' && sv.objects(i).some((o) => IMPASSE_OBJECTS.test(sv.word(o)))

/**
 * "will allow Iran to ratify", "will permit Israeli planes": letting someone act is no threat; only a refusal to let
 * them is ("will not allow Iran to buy arms": THREATEN/restrict, as the annotation guide codes it).
 */
const allowsUnrestricted = (sv: FeatureContext['sv'], i: number): boolean => /^(?:allow|permit|let|enable)$/u.test(sv.lemma(i).toLowerCase()) && !sv.isNegated(i)

/**
 * "received no firm commitment", "received messages from …": a learned visit on a verb of receiving or hosting is
 * one only when who is received is a person or a party (an actor, or a word for people: "the visiting delegation").
 */
function receivesNoOne(ctx: FeatureContext, i: number): boolean {
  const sv = ctx.sv
  if (!/^(?:receive|host|welcome)$/u.test(sv.lemma(i).toLowerCase())) return false
  const objs = sv.objects(i)
  return objs.length > 0 && !objs.some((o) => ctx.actorType(o) !== null || sv.upos(o) === 'PROPN' || PEOPLE_NOUNS.test(sv.lemma(o)))
}
/** Nouns for the people a host receives. */
const PEOPLE_NOUNS = /^(?:delegation|minister|president|envoy|ambassador|official|counterpart|guest|visitor|leader|premier|chief|head|commander|secretary|speaker|king|prince|emir|sultan|chairman|diplomat|representative|team|mission|group|member|parliamentarian|lawmaker|deputy|advisor|adviser)s?$/iu

/** "X is in charge of the foreign policy": an office, not a charge laid against anyone. */
const inCharge = (sv: FeatureContext['sv'], i: number): boolean => sv.lemma(i).toLowerCase() === 'charge' && i > 0 && sv.word(i - 1).toLowerCase() === 'in'

/** Verbs and adjectives of commitment: what they commit to decides between an offer and a threat. */
const COMMITMENT = /^(?:vow|pledge|promise|swear|ready|determined|resolve|prepared)$/u
/** Harm a commitment may promise ("vowed to respond", "pledged a severe response", "ready to confront"). */
const HARM_WORDS = /^(?:respond|response|retaliate|retaliation|revenge|avenge|punish|punishment|confront|crush|destroy|annihilate|bury|isolate|expel|attack|strike|bomb|kill|target|eliminate|wipe|sink|shoot|raze|obliterate)$/u

/** Help a commitment may promise ("vowed to help", "pledged to strengthen ties"). */
const HELP_WORDS = /^(?:help|support|strengthen|expand|develop|boost|deepen|enhance|promote|cooperate|assist|provide|rebuild|invest|facilitate|improve|broaden|bolster|upgrade)$/u

/**
 * "vowed to respond", "pledged a crushing response", "is ready to confront any aggression": a commitment to harm
 * someone is a threat (PLOVER THREATEN); "vowed to help Syria rebuild" is an offer (AGREE). On a verb or adjective of
 * commitment, what it commits to decides between the two, whatever type the reader first gave it; other types stay.
 */
export function commitmentType(sv: FeatureContext['sv'], i: number, type: string): string {
  if ((type !== 'AGREE' && type !== 'THREATEN') || !COMMITMENT.test(sv.lemma(i).toLowerCase())) return type
  const done = [...sv.dependents(i, 'xcomp', 'obj', 'ccomp', 'advcl'), ...sv.dependents(i, 'obl').filter((o) => /^(?:for|to)$/iu.test(sv.caseOf(o)))].filter((k) => !sv.isNegated(k))
  const is = (re: RegExp) => (k: number): boolean => re.test(sv.lemma(k).toLowerCase())
  if (done.some((k) => is(HARM_WORDS)(k) || sv.objects(k).some(is(HARM_WORDS)))) return 'THREATEN'
  return type === 'THREATEN' && done.some(is(HELP_WORDS)) ? 'AGREE' : type
}

/** Words of praise a complement gives ("called Iran a reliable partner", "described the talks as constructive"). */
const PRAISE_WORDS = /^(?:partners?|friends?|allies|ally|constructive|positive|successful|fruitful|productive|excellent|friendly|valuable|important|reliable|strategic|good|great)$/iu

/**
 * "Lavrov called Iran a reliable partner": a learned accusation on a verb of naming (the model learned "called the
 * move illegal") whose complement praises is none.
 */
function praisesAsAccusation(sv: FeatureContext['sv'], i: number, label: string): boolean {
  if (label !== 'ACCUSE' || !/^(?:call|describe|term|consider|regard|deem|view|label|brand)$/u.test(sv.lemma(i).toLowerCase())) return false
  const complement = [...sv.dependents(i, 'xcomp', 'obj', 'obl'), ...sv.objects(i).flatMap((o) => sv.dependents(o, 'xcomp', 'acl'))]
  return complement.some((c) => PRAISE_WORDS.test(sv.word(c)) || sv.dependents(c, 'amod').some((a) => PRAISE_WORDS.test(sv.word(a))))
}

/** "X claimed responsibility for the attack", "the bombings were claimed by X": a claim of authorship, not an accusation (the claimant is the attack's source). */
function claimsResponsibility(sv: FeatureContext['sv'], i: number): boolean {
  if (sv.lemma(i).toLowerCase() !== 'claim') return false
  if (sv.objects(i).some((o) => /^(?:responsibility|credit)$/i.test(sv.word(o)))) return true
  return sv.isPassive(i) && sv.dependents(i, 'nsubj').some((s) => lexicon().entriesOf(sv.word(s)).some((e) => e.pos === 'noun' && e.type === 'ASSAULT'))
}

/** The speech verb whose complement holds token i ("X said (that) Y …"), or -1. */
function speechVerbOver(sa: SyntaxArgs, i: number): number {
  const sv = sa.view
  for (let x = i, steps = 0; x >= 0 && steps < 6; steps++) {
    const r = sv.rel(x).split(':')[0]!
    const h = sv.head(x)
    if (h < 0) return -1
    if ((r === 'ccomp' || r === 'parataxis') && SPEECH_VERBS.has(sv.lemma(h).toLowerCase())) return h
    if (!['conj', 'xcomp', 'advcl', 'ccomp', 'obj', 'nsubj', 'acl', 'nmod', 'obl'].includes(r)) return -1
    x = h
  }
  return -1
}

/**
 * Who asserts the event when the page reports it as someone's statement ("Ukrainian officials say Iran sent
 * drones"): the subject of the speech verb whose complement holds the trigger, or the quotation's speaker; null
 * when the event is told in the outlet's own voice or by its own source.
 */
export function assertedBy(t: Trigger, sa: SyntaxArgs | null, idx: ActorIndex, quotes: readonly QuoteRecord[], source: ActorRef | null): ActorRef | null {
  if (!sa) return null
  const who = speakerOver(sa, idx, quotes, t, sa.anchor(t, t.entry.pos))
  return who && who.actor !== source?.actor ? who : null
}

/** Who says what holds a trigger (its predicate token `head`): the quotation's speaker, else the subject of the speech verb above it. */
function speakerOver(sa: SyntaxArgs, idx: ActorIndex, quotes: readonly QuoteRecord[], t: Trigger, head: number): ActorRef | null {
  const q = quotes.find((x) => x.start <= t.start && t.start < x.end)
  if (q) return q.speaker
  const v = head < 0 ? -1 : speechVerbOver(sa, head)
  return v >= 0 ? refsOf(idx, sa.phrase(sa.view.subject(v)))[0] ?? null : null
}

const refsOf = (idx: ActorIndex, ms: readonly ActorMention[]): ActorRef[] => ms.map((m) => idx.refOf(m)).filter((r): r is ActorRef => !!r)

/**
 * Whom an act with no object is aimed at, by what it asks or threatens: a threat falls on whom the threatened act
 * falls on ("threatened to impose sanctions on Iran", "threatened to attack X"); a call for someone's act is
 * addressed to them ("called for an unconditional U.S. return to the deal": the U.S.); a refusal falls on whom the
 * refused act concerns ("refused to certify Iran's compliance": Iran). Mentions that name actors.
 */
function impliedTargets(sa: SyntaxArgs, idx: ActorIndex, t: Trigger, head: number): ActorMention[] {
  const v = sa.view
  const named = (ms: readonly (ActorMention | null)[]): ActorMention[] => ms.filter((m): m is ActorMention => !!m && !!idx.refOf(m))
  if (t.entry.type === 'THREATEN' && t.entry.pos === 'verb') {
    // "threatened to impose sanctions on X", or the threatened thing itself: "threatened new sanctions on X"
    const act = v.dependents(head, 'xcomp')[0] ?? (v.objects(head).length ? head : undefined)
    if (act === undefined) return []
    // the act's object, or what it is done on or against, also through its object ("a return of sanctions on Iran")
    const on = (h: number): number[] => v.obliques(h).filter((o) => /^(?:on|against|at)$/i.test(o.prep)).map((o) => o.head)
    const objs = v.objects(act)
    // (a thing threatened names its owner: "threatened to strike Iranian nuclear facilities": Iran)
    return named([...objs, ...on(act), ...objs.flatMap((o) => [...on(o), ...v.dependents(o, 'nmod').flatMap(on)])].flatMap((k) => { const p = sa.phrase(k); return p.length ? p : [sa.owner(k)] }))
  }
  // "called for X's withdrawal": X; "demanded that Kyiv withdraw": the subject of what is demanded
  if (t.entry.type === 'REQUEST') {
    const forWhom = named(v.obliques(head).filter((o) => o.prep.toLowerCase() === 'for').map((o) => sa.owner(o.head)))
    const comp = v.dependents(head, 'ccomp')[0]
    return forWhom.length || comp === undefined ? forWhom : named([sa.owner(v.subject(comp))])
  }
  // "refused to certify Iran's compliance", "declined to meet X": a refusal falls on whom the refused act concerns
  // (only a refusal to act: "denied supplying X with drones" denies an act, X is no party to the denial)
  if (t.entry.type === 'REJECT' && t.entry.pos === 'verb') {
    const act = v.dependents(head, 'xcomp')[0]
    if (act !== undefined && v.dependents(act, 'mark').some((m) => v.word(m).toLowerCase() === 'to')) return named(v.objects(act).map((o) => sa.owner(o)))
  }
  return []
}

/** A meeting of several parties the tree names together as its subject ("representatives from A and B held talks"): between the first two. */
const meetingOf = (t: Trigger, sources: readonly ActorRef[], targets: readonly ActorRef[]): boolean => t.entry.type === 'CONSULT' && sources.length > 1 && !targets.length

/**
 * Arguments read off the dependency tree where it gives them: the subject (or passive agent) as source, the
 * object or the phrase behind one of the entry's prepositions as target. A learned verbal event inside what
 * someone says ("X said Y had violated the deal") is the speaker's act with the clause's subject as target.
 * Where the tree gives nothing, the rule reading stays.
 */
export function syntaxOverride(args: Args, t: Trigger, sa: SyntaxArgs | null, idx: ActorIndex, quotes: readonly QuoteRecord[], stateOf: (actor: string) => string | undefined = () => undefined): Args {
  if (!sa) return args
  // the tree's reading of the trigger, once for all the steps below
  const p = sa.read(t, t.entry.pos)
  let out = treeArgs(args, t, sa, p, idx, quotes, stateOf)
  if (!p) return out
  // "the Damascus attack": a town before an attack noun is where it happened
  if (!out.location && t.entry.type === 'ASSAULT' && t.entry.pos === 'noun') {
    const place = sa.placeModifier(p.head)
    const ref = place ? idx.refOf(place) : null
    if (ref) out = { ...out, location: ref.name, locationRef: ref }
  }
  return t.entry.type !== 'CONSULT' ? withCoordinatedTargets(out, t, p, idx) : out
}

/**
 * "accused Saudi Arabia and the UAE of …", "imposed sanctions on Iran and Venezuela": where the one target found
 * heads a coordination the tree gives, each conjunct is a target of its own (one event per pair of actors).
 */
function withCoordinatedTargets(args: Args, t: Trigger, p: ParsedArgs, idx: ActorIndex): Args {
  const one = args.targets.length === 1 ? args.targets[0] : null
  if (!one) return args
  for (const prep of t.entry.targetPreps) {
    // (named actors only: "the Iranian government and nation" are one party)
    const refs = refsOf(idx, (prep === '' ? p.objects : p.obliques.get(prep) ?? []).filter((m) => m.kind === 'name' && m.type !== 'UNKNOWN'))
    if (refs.length < 2 || refs[0]!.actor !== one.actor) continue
    const all = refs.filter((r, k) => refs.findIndex((x) => x.actor === r.actor) === k && !args.sources.some((s) => s?.actor === r.actor))
    return all.length > 1 ? { ...args, targets: all } : args
  }
  return args
}

/** The source and target the tree gives one trigger, over the rule readers' (see `syntaxOverride`). */
function treeArgs(args: Args, t: Trigger, sa: SyntaxArgs, p: ParsedArgs | null, idx: ActorIndex, quotes: readonly QuoteRecord[], stateOf: (actor: string) => string | undefined): Args {
  if (t.entry.speakerSource) {
    // "said the claims by X were false": whose claims are denied or condemned is the target
    if (args.targets.some((r) => r) || !OWNED.has(t.entry.type)) return args
    const owner = idx.refOf(sa.owner(sa.view.tokenAt(t.start)))
    return owner && !args.sources.some((s) => s?.actor === owner.actor) ? { ...args, targets: [owner] } : args
  }
  if (!p) return args
  // "Russia received drones from Iran": help received comes from the "from" phrase (the parse may hang it on the object:
  // "received hundreds of drones from Iran") and goes to the receiver
  if (t.entry.type === 'AID' && t.entry.pos === 'verb' && RECEIVE_VERBS.has(sa.view.lemma(p.head).toLowerCase()) && !p.passive) {
    const v = sa.view
    const inObject = (o: number, depth: number): number[] => v.dependents(o, 'nmod').flatMap((d) => (v.caseOf(d).toLowerCase() === 'from' ? [d] : depth ? inObject(d, depth - 1) : []))
    const from = p.obliques.get('from') ?? v.objects(p.head).flatMap((o) => inObject(o, 2)).flatMap((d) => sa.phrase(d))
    const giver = refsOf(idx, from), receiver = refsOf(idx, p.sources)
    if (giver.length && receiver.length && giver[0]!.actor !== receiver[0]!.actor) return { ...args, sources: [giver[0]!], targets: [receiver[0]!] }
  }
  // a meeting told as the setting of what one party tells another ("X told Y in a phone call") is between them
  // … and an attack told as the means of what one party does to another ("Israel killed X in an airstrike") is the first's on the second
  const setting = t.entry.pos !== 'noun' || p.sources.length ? null
    : t.entry.type === 'CONSULT' && !p.obliques.get('with')?.length ? sa.setting(p.head)
    : t.entry.type === 'ASSAULT' ? sa.setting(p.head, /^(?:in|with)$/iu) : null
  if (setting) {
    const [s, c] = [idx.refOf(setting.subject)!, idx.refOf(setting.counterpart)!]
    if (s.actor !== c.actor) return { ...args, sources: [s], targets: [c] }
  }
  // "X was killed in an Israeli airstrike (in Damascus)": whom the attack befell is its target, before any place
  const victim = t.entry.type === 'ASSAULT' && t.entry.pos === 'noun' ? idx.refOf(sa.victim(p.head)) : null
  if (victim && !args.sources.some((s) => s?.actor === victim.actor)) {
    const by = refsOf(idx, p.sources)
    return { ...args, sources: args.sources.some((s) => s) || !by.length ? args.sources : by, targets: [victim] }
  }
  let sources = refsOf(idx, p.sources)
  // a meeting told as the setting of what someone did ("After talks with X, Y said …") is that someone's
  if (!sources.length && t.entry.type === 'CONSULT' && t.entry.pos === 'noun') sources = refsOf(idx, sa.phrase(sa.clauseSubject(p.head)))
  let targets: ActorRef[] = []
  let targetMentions: readonly ActorMention[] = []
  for (const prep of t.entry.targetPreps) {
    targetMentions = prep === '' ? p.objects : p.obliques.get(prep) ?? []
    targets = refsOf(idx, targetMentions)
    if (targets.length) break
  }
  let implied = false
  if (!targets.length) {
    const ms = impliedTargets(sa, idx, t, p.head).filter((m) => !sources.some((s) => s.actor === idx.refOf(m)!.actor))
    if (ms.length) { targetMentions = ms; targets = refsOf(idx, ms); implied = true }
  }
  // an evaluation inside what someone says ("X said Y is responsible", "… violated the deal") is the speaker's act
  // on the clause's subject; a word that itself names the act ("X said Iran supports Syria") keeps its own subject
  const namesAct = lexicon().entriesOf(t.text).some((e) => e.type === t.entry.type)
  if (t.entry.reason === 'model' && SPOKEN.has(t.entry.type) && !namesAct) {
    const speaker = speakerOver(sa, idx, quotes, t, p.head)
    if (speaker && !sources.some((s) => s.actor === speaker.actor)) {
      const clauseSubject = sources.filter((s) => s.actor !== speaker.actor)
      // "X said the resolution drafted by the E3 was counterproductive": a subject that names no actor stands for its owner
      const subjectOwner = clauseSubject.length || targets.length ? null : idx.refOf(sa.owner(sa.view.subject(p.head)))
      const owner = subjectOwner && subjectOwner.actor !== speaker.actor ? [subjectOwner] : []
      return { ...args, sources: [speaker], targets: clauseSubject.length ? [clauseSubject[0]!] : targets.length ? [targets[0]!] : owner.length ? owner : args.targets }
    }
  }
  // what is condemned, rejected or praised belongs to its target ("denounced the US stance": the US)
  // an accusation told as what is wrong with someone ("warned that the US missile test will destabilise …") is aimed at them
  // (never the accuser's own side: "warned that Iran will respond" said by an Iranian is no accusation of Iran)
  const clause = t.entry.type === 'ACCUSE' && p.clauseOwner ? idx.refOf(p.clauseOwner) : null
  const ownSide = (r: ActorRef): boolean => [...sources, ...args.sources].some((s) => !!s && !otherParty(s.actor, stateOf)(r))
  // … and so is the thing a target phrase names ("expressed support for the plan brokered by X", "protested against Israel's crimes")
  const phraseOwner = t.entry.targetPreps.map((prep) => (prep ? p.obliqueOwners.get(prep) : undefined)).find((m) => m) ?? null
  const owned = p.objectOwner ?? phraseOwner ?? (clause && !ownSide(clause) ? p.clauseOwner : null)
  // … and whose positions, bases or troops are attacked is the attack's target ("shelled Ukrainian positions": Ukraine)
  // (a verb of fire is never talk: "shelled Ukrainian positions"; "attacked Iran's positions" may be)
  const attackedThing = t.entry.type === 'ASSAULT' && !!p.objectOwner && owned === p.objectOwner && (t.entry.mode === 'aerial' || sa.view.objects(p.head).some((o) => !AUTHOR_OF_NOUNS.has(sa.view.lemma(o).toLowerCase())))
  if (!targets.length && owned && (OWNED.has(t.entry.type) || attackedThing)) { const r = idx.refOf(owned); if (r) targets = [r] }
  // the rule lexicon's triggers keep the argument readers written for them, but take the owner of what they act on when they found no target
  if (t.entry.reason !== 'model') {
    // "officials say X supplied drones": the rules took the speaker for the actor; the parse's own subject of the verb is the source
    const v = t.entry.pos === 'verb' && sources.length ? speechVerbOver(sa, p.head) : -1
    if (v >= 0) {
      const speakers = refsOf(idx, sa.phrase(sa.view.subject(v)))
      if (args.sources.some((r) => r && speakers.some((x) => x.actor === r.actor)) && !sources.some((r) => speakers.some((x) => x.actor === r.actor))) return { ...args, sources }
    }
    // "sanctions on Iranian companies it accused of …": the noun a relative clause modifies is the clause verb's object;
    // where the rules took it for the act's author, the clause's own subject is (resolved: "it" is the main clause's actor)
    if (t.entry.pos === 'verb' && sa.view.rel(p.head) === 'acl:relcl' && p.objects.length) {
      const objRefs = refsOf(idx, p.objects)
      if (objRefs.length && args.sources.some((r) => r && objRefs.some((o) => o.actor === r.actor))) {
        let by = sources.filter((r) => !objRefs.some((o) => o.actor === r.actor))
        // "it", "they" there stand for the main clause's subject
        if (!by.length && p.sources.some((m) => m.kind === 'pronoun')) {
          for (let x = sa.view.head(p.head), n = 0; x >= 0 && n < 6 && !by.length; x = sa.view.head(x), n++) by = refsOf(idx, sa.phrase(sa.view.subject(x)))
        }
        return { ...args, sources: by.length ? by : [null], targets: [objRefs[0]!] }
      }
    }
    // "X, secretary of Iran's SNSC (SNSC), voiced regret": the rules took a name inside the subject's apposition; the person the subject names is the source
    const subj = t.entry.pos === 'verb' ? sa.view.subject(p.head) : -1
    const head = p.sources[0]
    if (subj >= 0 && head?.type === 'PERSON' && head.kind === 'name' && sources[0] && args.sources.length === 1 && args.sources[0] && args.sources[0].actor !== sources[0].actor) {
      const span = sa.view.span(subj), rule = args.sources[0]
      if (idx.mentions.some((m) => m.ref?.actor === rule.actor && m.start >= span.start && m.end <= span.end && m.start > head.end)) args = { ...args, sources: [sources[0]] }
    }
    // where the rule readers found nobody at all (common-noun actors: "officials urged the international community"), the tree's actors stand
    // (a meeting of parties the tree names together is between them, where the rules found one of them at most)
    // (a place the rules took for the other party, for want of one, gives way: "the ministers of A and B met in C")
    const placeOnly = args.targets.every((r) => !r || r.actor === args.locationRef?.actor)
    if (meetingOf(t, sources, targets) && placeOnly && args.sources.every((r) => !r || sources.some((x) => x.actor === r.actor))) return { ...args, sources: [sources[0]!], targets: [sources[1]!] }
    if (!args.sources.some((r) => r) && !args.targets.some((r) => r)) return { ...args, sources: sources.length ? sources : args.sources, targets: targets.length ? targets : args.targets }
    // an act with no author found by the rules takes the one the tree gives it: a verb's subject ("During the talks X
    // called on Y": the opening phrase hid X from the rules), a nominal's possessor, "by", or the subject of its light
    // verb ("Israel launched airstrikes on X")
    // (a verb's subject only when it is a named actor: "the officials who pointed at X" are left to the page's context)
    const named = t.entry.pos === 'noun' ? sources : refsOf(idx, p.sources.filter((m) => m.type !== 'UNKNOWN'))
    if (!args.sources.some((r) => r) && named.length) {
      // (the rules' list of a meeting's parties may hold the source found here: it is no target of its own act)
      const rest = args.targets.filter((r) => !named.some((s) => s.actor === r?.actor))
      // (… and where that was its only target, the tree's target stands: "Prior to his visit to Tehran, X held talks …")
      const treeRest = targets.filter((r) => !named.some((s) => s.actor === r.actor))
      args = { ...args, sources: named, targets: rest.length ? rest : treeRest.length ? treeRest : [null] }
    }
    // a target the rule readers could not name ("called on the international community to …": a common-noun actor) comes
    // from the tree, for acts addressed to someone; "our partners" is left to the page's context (the meeting's other party)
    const first = targetMentions[0]
    const addressed = ADDRESSED.has(t.entry.type) && !!first && !/\b(?:our|their|its|his|her|my|your)\s+$/iu.test(sa.view.text.slice(Math.max(0, first.start - 8), first.start))
    // what is condemned, rejected or praised, as the tree reads its phrase ("welcomed the proposal of X"), is owned too;
    // so is what is attacked ("attacked Ukraine's power grid"), unless it is talk ("attacked X's policies")
    const objectHead = sa.view.objects(p.head)[0]
    const attacked = t.entry.type === 'ASSAULT' && objectHead !== undefined && !AUTHOR_OF_NOUNS.has(sa.view.lemma(objectHead).toLowerCase()) && targetMentions[0]?.kind === 'name' && targetMentions[0].type !== 'UNKNOWN'
    const object = (OWNED.has(t.entry.type) || attacked) && targetMentions === p.objects
    return args.targets.some((r) => r) || !(owned || addressed || implied || object) || !targets.length ? args : { ...args, targets }
  }
  const fill = (rule: readonly (ActorRef | null)[], tree: readonly ActorRef[]): readonly (ActorRef | null)[] => (rule.some((r) => r) || !tree.length ? rule : tree)
  if (meetingOf(t, sources, targets) && !args.targets.some((r) => r)) return { ...args, sources: [sources[0]!], targets: [sources[1]!] }
  return { ...args, sources: fill(args.sources, sources), targets: fill(args.targets, targets) }
}

/**
 * A warning is a threat only when the warner's own side is to act ("warned that Iran will respond", said by an Iranian,
 * "warned that we will …"); a warning about what another does or will suffer ("warned Washington that it will bear
 * responsibility", "warned that the move would destabilise the region") is an accusation (ACCUSE/disapprove). The
 * type a warning with a said clause takes, or null (not a warning, no clause, or no one who warns).
 */
export function warningType(t: Trigger, sa: SyntaxArgs | null, idx: ActorIndex, source: ActorRef | null, stateOf: (actor: string) => string | undefined): 'THREATEN' | 'ACCUSE' | null {
  if (!sa || !source || (t.entry.type !== 'THREATEN' && t.entry.type !== 'ACCUSE') || t.entry.pos !== 'verb') return null
  const v = sa.view
  const i = v.tokenAt(t.start)
  if (i < 0 || v.lemma(i).toLowerCase() !== 'warn') return null
  const clause = v.dependents(i, 'ccomp')[0]
  if (clause === undefined) return null
  const subj = v.subject(clause)
  if (subj < 0) return null
  if (/^(?:we|i)$/iu.test(v.word(subj))) return 'THREATEN'
  const who = refsOf(idx, sa.phrase(subj))[0] ?? null
  return who && !otherParty(source.actor, stateOf)(who) ? 'THREATEN' : 'ACCUSE'
}
