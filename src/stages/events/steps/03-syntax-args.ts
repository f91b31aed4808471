import type { Span } from '../../../doc/span.js'
import type { SyntaxView } from '../../syntax/index.js'
import type { ActorIndex, ActorMention } from '../actors.js'
import { lexicon } from '../../../plover/lexicon/index.js'
import { agentNounSet } from '../../../plover/agents.js'
import { AGREEMENT_NAME, nameRef, slug } from '../mentions.js'
import { countryOfDemonym } from '../places.js'
import type { ActorRef } from '../../../doc/layers.js'

/** Verbs whose object noun is the event their subject performs ("held talks", "launched an attack", "imposed sanctions"). */
const LIGHT_VERBS = new Set(['hold', 'have', 'make', 'conduct', 'carry', 'launch', 'stage', 'pay', 'give', 'express', 'extend', 'offer', 'sign', 'impose', 'issue',
  'lodge', 'file', 'deliver', 'send', 'announce', 'begin', 'start', 'continue', 'resume', 'mount', 'wage', 'fire', 'take', 'provide',
  'escalate', 'intensify', 'step', 'renew', 'unleash', 'undertake', 'execute', 'perform'])
/** Nouns that count or group acts ("a string of airstrikes", "a new round of sanctions"): the act is the light verb's object through them. */
const QUANTITY_NOUNS = new Set(['string', 'series', 'wave', 'spate', 'number', 'round', 'barrage', 'volley', 'flurry', 'set', 'package', 'raft', 'batch'])
/**
 * Nouns of stance, speech and conduct whose "of" phrase is their author ("the proposal of X", "the accusation of X",
 * "the interference of X"), where acts done to someone take their victim there ("the killing of X").
 */
export const AUTHOR_OF_NOUNS: ReadonlySet<string> = new Set(['proposal', 'accusation', 'allegation', 'claim', 'statement', 'remark', 'comment', 'stance', 'position', 'initiative',
  'offer', 'request', 'demand', 'decision', 'policy', 'plan', 'move', 'approach', 'behavior', 'behaviour', 'action', 'measure', 'conduct', 'effort',
  'attitude', 'view', 'response', 'rhetoric', 'interference', 'presence', 'role', 'call', 'announcement', 'proposition', 'suggestion', 'assertion'])
/** Nouns of a relation between parties, named with "between" ("the agreement between X and Y"). */
const RELATION_NOUNS = new Set(['agreement', 'deal', 'accord', 'ceasefire', 'truce', 'talks', 'relations', 'ties', 'cooperation', 'partnership',
  'understanding', 'treaty', 'pact', 'contract', 'memorandum', 'dialogue', 'rapprochement', 'reconciliation', 'alliance', 'exchange', 'meeting'])
/** Knowledge-base ids of towns and cities ("GPE:SYR:damascus"; a state is "GPE:SYR"). */
export const TOWN_ID = /^GPE:[A-Z]{3}:/u
/** Nouns for a people or those who act for a state: with a nationality adjective ("the Turkish people", "Iranian officials") they stand for that state. */
const STATE_PEOPLE = /^(?:people|nation|public|officials?|diplomats?|delegations?|authorit(?:y|ies)|leaders?|counterparts?|representatives?|envoys?|negotiators?|government)$/u
/** Month and weekday names, never actors. */
const CALENDAR = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?$/
/** Relative pronouns: the subject of a relative clause is the noun the clause hangs on ("X, who visited Y"). */
const RELATIVE = new Set(['who', 'which', 'that', 'whom'])
/** Relations through which a noun phrase names its actor when its head is not a name: "the minister, X", "Iran's envoy". */
const NAMING_RELS = ['appos', 'flat', 'compound', 'nmod:poss']
/** Relations that open a new clause or a modifier that never carries the phrase's actor. */
const CLAUSAL = new Set(['acl', 'acl:relcl', 'advcl', 'ccomp', 'xcomp', 'parataxis', 'csubj', 'conj', 'cc', 'punct', 'case', 'det', 'mark'])

/** The outermost actor mention covering each token (null where none does); `mentions` sorted by start. */
export function mentionsByToken(mentions: readonly ActorMention[], tokens: readonly Span[]): (ActorMention | null)[] {
  const out: (ActorMention | null)[] = new Array(tokens.length).fill(null)
  let k = 0
  for (const m of mentions) {
    while (k < tokens.length && tokens[k].end <= m.start) k++
    for (let i = k; i < tokens.length && tokens[i].start < m.end; i++) {
      const cur = out[i]
      // a name beats a role or pronoun phrase around it ("Security Council Secretary X": X); a longer name beats a shorter one
      const better = !cur || (m.kind === 'name') !== (cur.kind === 'name') ? m.kind === 'name' || !cur : m.end - m.start > cur.end - cur.start
      if (better) out[i] = m
    }
  }
  return out
}

/** Arguments of a trigger as the dependency parse gives them (actor mentions, not yet resolved). */
export interface ParsedArgs {
  /** the trigger's predicate token */
  readonly head: number
  readonly sources: readonly ActorMention[]
  /** direct objects (or the passive subject) */
  readonly objects: readonly ActorMention[]
  /** actors behind a preposition, by preposition ("with", "on", "against", "to" …) */
  readonly obliques: ReadonlyMap<string, readonly ActorMention[]>
  readonly passive: boolean
  readonly negated: boolean
  /** whose thing the first object is ("condemned the US move": the US), when the object names no actor */
  readonly objectOwner: ActorMention | null
  /** who or whose thing the subject of the trigger's clausal complement is ("warned that the US missile test will …": the US) */
  readonly clauseOwner: ActorMention | null
  /** whose thing a prepositional phrase names when it names no actor ("support for the plan brokered by X": X), by preposition */
  readonly obliqueOwners: ReadonlyMap<string, ActorMention>
}

/**
 * Reads the actors of triggers off the dependency parse: the subject (or passive agent) is the source, objects and
 * prepositional phrases the target candidates. A phrase whose head is no name stands for the name it is built
 * around: its apposition ("the Russian envoy, X"), possessor ("Iran's foreign minister") or compound.
 */
export class SyntaxArgs {
  /** the outermost actor mention covering each token, or null */
  private readonly byToken: (ActorMention | null)[]
  private readonly idx: ActorIndex

  constructor(private readonly sv: SyntaxView, idx: ActorIndex, private readonly tokens: readonly Span[],
    /** the person a singular role description headed at a token stands for ("the ministry spokesman"), or null */
    private readonly describedPerson: (h: number) => ActorMention | null = () => null) {
    this.byToken = mentionsByToken(idx.mentions, tokens)
    this.idx = idx
  }

  /** The parse these arguments are read from. */
  get view(): SyntaxView { return this.sv }
  /** The actor mention of each token (see `mentionsByToken`). */
  get actorsByToken(): readonly (ActorMention | null)[] { return this.byToken }

  /** The actor mentions a noun phrase headed at `h` stands for (its conjuncts too: "Iran and Russia"). */
  phrase(h: number, withConjuncts = true): ActorMention[] {
    if (h < 0) return []
    // "representatives from Iran and Ukraine", "the foreign ministers of Iran and Germany": people of several named
    // parties stand for those parties
    if (withConjuncts && !this.byToken[h] && this.sv.upos(h) === 'NOUN' && /s$/iu.test(this.sv.word(h))) {
      const from = this.sv.dependents(h, 'nmod').find((d) => /^(?:of|from)$/iu.test(this.sv.caseOf(d)) && this.sv.conjuncts(d).length > 0)
      if (from !== undefined) { const parties = this.phrase(from); if (parties.length > 1) return parties }
    }
    const out: ActorMention[] = []
    const one = this.single(h)
    if (one) out.push(one)
    if (withConjuncts) for (const c of this.sv.conjuncts(h)) { const m = this.single(c); if (m && !out.includes(m)) out.push(m) }
    return out
  }

  private single(h: number): ActorMention | null {
    const sv = this.sv
    const own = this.byToken[h]
    if (own?.kind === 'name') return own
    // a relative pronoun stands for the noun its clause modifies: the name right before it ("X, who was killed"), else
    // the noun the tree hangs the clause on (the parse may hang the clause on the verb instead)
    if (RELATIVE.has(sv.word(h).toLowerCase())) {
      const k = h > 0 && sv.word(h - 1) === ',' ? h - 2 : h - 1
      const before = k >= 0 ? this.byToken[k] : null
      if (before?.kind === 'name' && before.type !== 'UNKNOWN') return before
      const p = sv.head(sv.head(h))
      return p >= 0 ? this.single(p) : null
    }
    // "the Russian president, X": the apposition names the role's holder
    for (const d of sv.dependents(h, 'appos')) { const m = this.byToken[d]; if (m?.kind === 'name' && m.type === 'PERSON') return m }
    // "the Iranian foreign ministry spokesman": the person so described (the last one named with that role …)
    const described = this.describedPerson(h)
    if (described) return described
    if (own) return own
    // "X's minister" (possessor), "the Tehran government" (compound), "the minister of X"
    // (a town before an act is where it happened: "the Damascus attack" names no actor)
    const act = lexicon().entriesOf(sv.word(h)).some((e) => e.pos === 'noun')
    for (const rel of NAMING_RELS) for (const d of sv.dependents(h, rel)) {
      const m = this.byToken[d] ?? (rel === 'appos' ? this.single(d) : null)
      if (m && !(act && TOWN_ID.test(m.ref?.actor ?? ''))) return m
    }
    const plain = this.plainActor(h)
    if (plain) return plain
    // "the assassination of X", "an attack by X": an event noun names no actor of its own
    if (act) return null
    for (const d of sv.children(h)) {
      if (CLAUSAL.has(sv.rel(d))) continue
      const r = sv.rel(d)
      if ((r === 'nmod' || r.startsWith('nmod')) && sv.dependents(d, 'case').some((c) => sv.word(c).toLowerCase() === 'of')) { const m = this.byToken[d]; if (m) return m }
      if (r === 'amod' && this.byToken[d]) return this.byToken[d]
    }
    return null
  }

  /**
   * An actor named by a common noun ("the international community", "Iraqi protesters", "the Europeans"): its
   * phrase without determiners, as a plain-text actor. Only agent nouns (CAMEO agent dictionaries) and plural
   * nationality nouns qualify; "the bill", "the measure" name no actor. A people named by its nationality ("the
   * Iranians", "the Turkish people"), or its officials ("Iranian officials"), is its state's actor instead.
   */
  private plainActor(h: number): ActorMention | null {
    const sv = this.sv
    const u = sv.upos(h), w = sv.word(h)
    const lemma = sv.lemma(h).toLowerCase()
    // a proper noun no entity covers ("the West", "the Quartet"), except calendar words
    const proper = u === 'PROPN' && /^\p{Lu}/u.test(w) && !CALENDAR.test(w) && !AGREEMENT_NAME.test(w)
    const agent = (u === 'NOUN' && agentNounSet().has(lemma)) || proper
    const nationality = (u === 'PROPN' || u === 'NOUN') && /^\p{Lu}\p{Ll}+(?:ans|ians|ese|is)$/u.test(w)
    if (!agent && !nationality) return null
    // "the Iranians", "the Turkish people", "Iranian officials": a people, or those who act for a state, named by its nationality stand for the state
    const state = nationality ? countryOfDemonym(w.replace(/s$/u, '')) : STATE_PEOPLE.test(lemma) ? sv.dependents(h, 'amod').filter((d) => d < h).map((d) => countryOfDemonym(sv.word(d))).find(Boolean) : undefined
    if (state) { const t = this.tokens[h]!; return { start: t.start, end: t.end, text: w, ref: this.countryRef(state), type: 'GPE', kind: 'name' } }
    const mods = sv.children(h).filter((k) => k < h && /^(?:amod|compound)$/.test(sv.rel(k)) && /^[\p{L}-]+$/u.test(sv.word(k)))
    let first = h
    for (let k = h - 1; k >= 0 && mods.includes(k); k--) first = k
    const start = this.tokens[first]!.start, end = this.tokens[h]!.end
    const text = sv.text.slice(start, end)
    return { start, end, text, ref: { actor: slug(text), name: text }, type: 'UNKNOWN', kind: 'name' }
  }

  /**
   * Whose thing a phrase names when it names no actor itself ("the United States' stance", "the British move",
   * "Israeli strikes", "the attack by X"): its possessor, a "by" phrase, a name in it, or a nationality adjective as
   * that country. The target of a condemnation, a rejection or praise of something.
   */
  owner(h: number): ActorMention | null {
    if (h < 0) return null
    const direct = this.single(h)
    if (direct && this.idx.refOf(direct)) return direct
    const sv = this.sv
    for (const d of sv.dependents(h, 'nmod:poss')) { const m = this.single(d); if (m) return m }
    for (const d of sv.dependents(h, 'nmod')) if (sv.caseOf(d).toLowerCase() === 'by') { const m = this.single(d); if (m) return m }
    // "the proposal of X", "the accusation of X": a noun of stance or conduct names its author with "of" (unlike "the killing of X")
    // "the agreement between X and Y": a relation names its parties
    const lemma = sv.lemma(h).toLowerCase()
    for (const d of sv.dependents(h, 'nmod')) {
      const prep = sv.caseOf(d).toLowerCase()
      if ((prep === 'of' && AUTHOR_OF_NOUNS.has(lemma)) || (prep === 'between' && RELATION_NOUNS.has(lemma))) { const m = this.single(d); if (m) return m }
    }
    // "the efforts made by the US", "the plan brokered by Russia": the agent of a participle modifying the noun
    for (const a of sv.dependents(h, 'acl')) for (const d of sv.children(a)) if (sv.rel(d) === 'obl:agent' || (sv.rel(d) === 'obl' && sv.caseOf(d).toLowerCase() === 'by')) { const m = this.single(d); if (m) return m }
    return this.modifierActor(h, false)
  }

  /**
   * The actor an adjective or compound of noun h names: a resolved name, or the country of a nationality adjective
   * ("the British move", "Israeli strikes"). `statesBefore`: only states, only modifiers before the noun.
   */
  private modifierActor(h: number, statesBefore: boolean): ActorMention | null {
    const sv = this.sv
    for (const d of sv.dependents(h, 'amod', 'compound')) {
      if (statesBefore && d > h) continue
      const m = this.byToken[d]
      // (a town before a thing is where it is, not its owner: "the Damascus attack")
      if (m?.kind === 'name' && !TOWN_ID.test(m.ref?.actor ?? '') && (!statesBefore || m.type === 'GPE') && this.idx.refOf(m)) return m
      const country = countryOfDemonym(sv.word(d))
      if (country) { const t = this.tokens[d]!; return { start: t.start, end: t.end, text: sv.word(d), ref: this.countryRef(country), type: 'GPE', kind: 'name' } }
    }
    return null
  }

  /** A town or place named as a modifier of noun h ("the Damascus attack", "the Saint Petersburg explosion"): where it happened. */
  placeModifier(h: number): ActorMention | null {
    for (const d of this.sv.dependents(h, 'amod', 'compound')) {
      const m = this.byToken[d]
      if (d < h && m?.kind === 'name' && (m.type === 'LOC' || (m.type === 'GPE' && TOWN_ID.test(m.ref?.actor ?? '')))) return m
    }
    return null
  }

  /** The actor of a country the document names (its entity), else a plain-text one. */
  private countryRef(country: string): ActorRef {
    return this.idx.mentions.find((m) => m.ref?.name === country)?.ref ?? nameRef(country)
  }

  /**
   * The subject of the clause an adverbial phrase headed at h belongs to ("After talks with X, Y said": Y), climbing
   * through obliques and subjectless non-finite clauses ("Speaking after a meeting with X, Y said"); -1 when h is no
   * adverbial or no subject is found. Whoever does what the clause says took part in the meeting it is placed at.
   */
  clauseSubject(h: number): number {
    const sv = this.sv
    let k = h
    for (let steps = 0; k >= 0 && steps < 5; steps++) {
      const r = sv.rel(k).split(':')[0]
      if (r !== 'obl' && r !== 'advcl' && r !== 'xcomp') return -1
      k = sv.head(k)
      const s = k >= 0 ? sv.subject(k) : -1
      if (s >= 0) return s
    }
    return -1
  }

  /**
   * "X told Y in a phone call that …", "During the talks, X assured Y …": a meeting noun that is the setting of a verb
   * (an "in", "during" or "at" phrase) is between the verb's subject and the person it addresses (its object, or its
   * "with" phrase); "X killed Y in an airstrike": an attack that is the means of a verb ("in", "with") is the subject's
   * on the object. Null unless the tree names both.
   */
  setting(h: number, preps: RegExp = /^(?:in|during|at)$/iu): { subject: ActorMention; counterpart: ActorMention } | null {
    const sv = this.sv
    if (!preps.test(sv.caseOf(h))) return null
    // (the parse often hangs the phrase on the verb's object: "killed [a commander in an airstrike]")
    const rel = sv.rel(h).split(':')[0], up = sv.head(h)
    const v = rel === 'obl' ? up : rel === 'nmod' && up >= 0 && sv.rel(up) === 'obj' ? sv.head(up) : -1
    if (v < 0 || sv.upos(v) !== 'VERB') return null
    const subject = this.phrase(sv.subject(v), false)[0]
    const with_ = sv.obliques(v).filter((o) => o.prep.toLowerCase() === 'with').map((o) => o.head)
    const named = (m: ActorMention | undefined): m is ActorMention => !!m && m.kind === 'name' && m.type !== 'UNKNOWN' && !!this.idx.refOf(m)
    const counterpart = [...sv.objects(v), ...with_].flatMap((o) => this.phrase(o, false)).find(named)
    return named(subject) && counterpart ? { subject, counterpart } : null
  }

  /**
   * "X was killed in an Israeli airstrike", "Y was wounded by a drone attack": the named actor an attack noun (h) befell,
   * the subject of the passive verb whose means or cause it is; null unless the tree says so.
   */
  victim(h: number): ActorMention | null {
    const sv = this.sv
    if (!/^(?:in|by|with|during)$/iu.test(sv.caseOf(h)) || sv.rel(h).split(':')[0] !== 'obl') return null
    const v = sv.head(h)
    if (v < 0 || sv.upos(v) !== 'VERB' || !sv.isPassive(v)) return null
    const m = this.phrase(sv.subject(v), false)[0]
    return m && m.kind === 'name' && m.type !== 'UNKNOWN' && this.idx.refOf(m) ? m : null
  }

  /** The predicate token of a trigger: its first verb, else its last noun before a preposition, else its first token. */
  anchor(t: Span, pos: 'verb' | 'noun'): number {
    const sv = this.sv
    const first = sv.tokenAt(t.start)
    if (first < 0) return -1
    let noun = -1
    for (let i = first; i < this.tokens.length && this.tokens[i].start < t.end; i++) {
      const u = sv.upos(i)
      if (pos === 'verb' && (u === 'VERB' || u === 'AUX')) return i
      if (pos === 'noun' && (u === 'NOUN' || u === 'PROPN')) noun = i
      if (pos === 'noun' && u === 'ADP' && noun >= 0) break
    }
    return noun >= 0 ? noun : first
  }

  /** Source and target candidates of a trigger. */
  read(t: Span, pos: 'verb' | 'noun'): ParsedArgs | null {
    const sv = this.sv
    const h = this.anchor(t, pos)
    if (h < 0) return null
    const obliques = new Map<string, ActorMention[]>()
    const obliqueOwners = new Map<string, ActorMention>()
    const addObliques = (v: number): void => {
      for (const o of sv.obliques(v)) {
        const list = obliques.get(o.prep) ?? []
        const named = this.phrase(o.head)
        for (const m of named) if (!list.includes(m)) list.push(m)
        if (list.length) obliques.set(o.prep, list)
        const owner = named.length || obliqueOwners.has(o.prep) ? null : this.owner(o.head)
        if (owner) obliqueOwners.set(o.prep, owner)
      }
    }
    // obliques of every token inside a multiword trigger ("held talks with X": "with X" hangs on "talks")
    const inside: number[] = []
    for (let i = sv.tokenAt(t.start); i >= 0 && i < this.tokens.length && this.tokens[i].start < t.end; i++) inside.push(i)
    for (const i of inside) addObliques(i)
    // a predicate adjective or noun with its own subject and copula ("the West is responsible") reads like a verb
    const predicative = sv.dependents(h, 'nsubj').length > 0 && (sv.upos(h) === 'ADJ' || sv.dependents(h, 'cop').length > 0)
    if (pos === 'noun' && !predicative) {
      // the agent of a nominal: its possessor ("Russia's invasion"), "by X", else the subject of the light verb that has it as object
      const poss = sv.dependents(h, 'nmod:poss').flatMap((d) => this.phrase(d))
      const by = obliques.get('by') ?? []
      // "carried out a string of airstrikes": the act stands where its counting noun stands
      const q = sv.head(h)
      const via = q >= 0 && sv.rel(h).startsWith('nmod') && QUANTITY_NOUNS.has(sv.lemma(q).toLowerCase()) && sv.caseOf(h).toLowerCase() === 'of' ? q : h
      const gov = sv.head(via)
      const light = poss.length || by.length || gov < 0 || !['obj', 'nsubj:pass'].includes(sv.rel(via)) || !LIGHT_VERBS.has(sv.lemma(gov).toLowerCase()) ? [] : this.phrase(sv.subject(gov))
      // "the Israeli strikes on X", "US sanctions": a nationality adjective of the act names its author
      const state = poss.length || by.length || light.length ? null : this.modifierActor(h, true)
      const demonym = state ? [state] : []
      if (gov >= 0 && sv.rel(h) === 'obj') addObliques(gov)
      return { head: h, sources: poss.length ? poss : by.length ? by : light.length ? light : demonym, objects: [], obliques, passive: false, negated: gov >= 0 && sv.isNegated(gov), objectOwner: null, clauseOwner: null, obliqueOwners }
    }
    const passive = sv.isPassive(h)
    const subj = this.phrase(sv.subject(h))
    const objs = sv.objects(h).flatMap((o) => this.phrase(o, false))
    for (const i of inside) if (i !== h) for (const o of sv.objects(i)) for (const m of this.phrase(o, false)) if (!objs.includes(m)) objs.push(m)
    if (passive) return { head: h, sources: this.phrase(sv.agent(h)), objects: subj, obliques, passive, negated: sv.isNegated(h), objectOwner: null, clauseOwner: null, obliqueOwners }
    // "the companies it accused of …", "the envoy Berg met": a relative clause with a subject of its own and no object
    // acts on the noun it modifies (a relative pronoun as its subject would make that noun the actor instead)
    if (sv.rel(h) === 'acl:relcl' && !sv.objects(h).length && subj.length && !sv.children(h).some((c) => RELATIVE.has(sv.word(c).toLowerCase())) && sv.head(h) >= 0) {
      const modified = sv.head(h)
      const named = this.phrase(modified, false)
      const owner = named.length ? null : this.owner(modified)
      if (named.length || owner) return { head: h, sources: subj, objects: named, obliques, passive, negated: sv.isNegated(h), objectOwner: owner, clauseOwner: null, obliqueOwners }
    }
    const obj = sv.objects(h)[0] ?? -1
    const comp = sv.dependents(h, 'ccomp')[0]
    const clauseOwner = comp === undefined ? null : this.owner(sv.children(comp).find((c) => /^nsubj/.test(sv.rel(c))) ?? -1)
    // "rejected accusations by X": in an active clause, a "by" phrase right after the object is the object's author (the parse may hang it on the verb)
    const by = obj >= 0 ? sv.obliques(h).find((o) => o.head > obj && o.prep.toLowerCase() === 'by') : undefined
    const objectOwner = objs.some((m) => this.idx.refOf(m)) ? null : this.owner(obj) ?? (by ? this.single(by.head) : null)
    return { head: h, sources: subj, objects: objs, obliques, passive, negated: sv.isNegated(h), objectOwner, clauseOwner, obliqueOwners }
  }
}
