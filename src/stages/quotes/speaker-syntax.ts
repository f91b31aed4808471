/**
 * Speaker attribution from the dependency parse: the speaker of a quotation is the subject of the speech verb whose
 * clause holds it ("X said: “…”", "X said that “…”", "X called it “…”") or which comments on it ("“…,” X said",
 * "“…,” said X"); "quoted X as saying" names X; "according to X" names X. The subject phrase is read for the person
 * it names: the name a title stands before ("Kremlin spokesman Dmitry Peskov"), the name an apposition gives
 * ("the spokesman, X,"), the author of a statement ("a statement from X's office").
 */
import type { ActorRef, SyntaxToken, Token } from '../../doc/layers.js'
import type { Span } from '../../doc/span.js'
import type { ActorIndex, ActorMention } from '../events/actors.js'
import { slug } from '../events/mentions.js'
import { countryCode, countryOfDemonym } from '../events/places.js'
import { relIs, SyntaxView } from '../syntax/tree.js'
import { lowerBound } from '../tokens/tokens.js'
import { ORG_NOUNS, ROLE_NOUNS, SPEECH_LEMMAS, STATEMENT_NOUNS } from './quotes.data.js'
import { pushAll } from '../../doc/arrays.js'

/** Relations whose dependents are read first for the name a subject phrase stands for (titles, appositions, names). */
const NAME_PARTS = ['appos', 'flat', 'compound', 'nmod:desc']
/** How many heads up from a quotation's clause its speech verb may stand ("X said the US was trying to “…”"). */
const MAX_UP = 6

export interface SyntaxSpeaker { readonly mention: ActorMention; readonly ref: ActorRef | null; readonly how: string; readonly verb: number }

/** Reads speakers off one document's parse. */
export class SyntaxSpeakers {
  readonly view: SyntaxView
  /**
   * `quoted` are the spans of every quotation of the document (outer, marks included): what is said inside them is
   * never who speaks.
   */
  constructor(readonly text: string, readonly tokens: readonly Token[], syntax: readonly SyntaxToken[], private readonly idx: ActorIndex, private readonly quoted: readonly Span[] = [],
    /** the country (ISO alpha-3) an actor belongs to, where the entities layer knows it */
    private readonly stateOf: (actor: string) => string | undefined = () => undefined,
    /** whether a description no earlier name fits may stand for the person the next sentences name (`nextPersonSubject`) */
    private readonly cataphora = false) {
    this.view = new SyntaxView(text, tokens, syntax)
  }

  /** True when token i lies inside a quotation. */
  private inQuote(i: number): boolean {
    const t = this.tokens[i]!
    const k = lowerBound(this.quoted, t.start + 1) - 1
    return k >= 0 && this.quoted[k]!.start <= t.start && t.end <= this.quoted[k]!.end
  }

  /** Token indices lying inside `[start, end)`. */
  tokensIn(span: Span): [number, number] {
    const a = lowerBound(this.tokens, span.start)
    let b = a
    while (b < this.tokens.length && this.tokens[b]!.end <= span.end) b++
    return [a, b]
  }

  /** True for a verb of saying (by lemma or word form: the lemmatiser misses some forms). */
  isSpeech(i: number): boolean {
    const v = this.view
    const w = v.word(i).toLowerCase()
    if (SPEECH_FORMS.has(w)) return true
    // (the rule lemmatiser drops the silent e of some stems: "described" → "describ", "blamed" → "blam")
    const l = v.lemma(i).toLowerCase()
    return v.upos(i) === 'VERB' && (SPEECH_LEMMAS.has(l) || (/[^aeiou]$/u.test(l) && /(?:ed|ing)$/u.test(w) && SPEECH_LEMMAS.has(l + 'e')))
  }

  /**
   * The speaker of the quotation at `q` (inner span; `outer` includes its marks); null when the parse names none.
   * `skip` are the spans of every quotation of the paragraph: names inside them never speak.
   */
  speaker(inner: Span, outer: Span, skip: readonly Span[], previous: ActorRef | null = null): SyntaxSpeaker | null {
    const v = this.view
    const [a, b] = this.tokensIn(outer)
    if (b <= a) return null
    const inQ = (i: number): boolean => i >= a && i < b
    const cands: { verb: number; dist: number; how: string; speaker?: number }[] = []
    const distTo = (i: number): number => { const t = this.tokens[i]!; return t.end <= outer.start ? outer.start - t.end : t.start >= outer.end ? t.start - outer.end : 0 }
    // the quotation's clause hangs from a speech verb outside it (walking up through the clauses that hold it)
    for (let t = a; t < b; t++) {
      const h = v.head(t)
      if (h < 0 || inQ(h)) continue
      let x = h
      for (let k = 0; k < MAX_UP && x >= 0 && !inQ(x); k++) {
        if (this.isSpeech(x)) { cands.push({ verb: this.reporter(x), dist: distTo(x), how: k === 0 ? 'holds' : 'holds-up' }); break }
        x = v.head(x)
      }
    }
    // a speech verb outside the quotation comments on it ("“…,” he said": said is a parataxis of the quotation's root)
    const sentA = Math.max(0, a - 60), sentB = Math.min(v.length, b + 60)
    for (let x = sentA; x < sentB; x++) {
      if (inQ(x)) continue
      const h = v.head(x)
      if (h >= 0 && inQ(h) && this.isSpeech(x)) cands.push({ verb: x, dist: distTo(x), how: 'comments' })
      // any verb right after the quotation with only its subject between: "“…,” Putin interjected."
      else if (h >= 0 && inQ(h) && x >= b && v.upos(x) === 'VERB' && relIs(v.rel(x), 'parataxis') && !v.dependents(x, 'obj', 'ccomp', 'xcomp').length) {
        const subj = v.dependents(x, 'nsubj')[0]
        if (subj !== undefined && subj >= b && subj < x && /^[\s,]*$/u.test(this.text.slice(outer.end, v.span(subj).start))) cands.push({ verb: x, dist: distTo(x), how: 'comments-verb' })
      }
      // "according to X" next to the quotation
      if (v.word(x).toLowerCase() === 'according' && this.view.word(x + 1).toLowerCase() === 'to' && h >= 0 && !inQ(h)) {
        const hh = v.head(h)
        if ((hh >= 0 && inQ(hh)) || distTo(x) < 4) cands.push({ verb: x, dist: distTo(x), how: 'according-to', speaker: h })
      }
    }
    // "hailed as “…” by X" with "by X" hung on the quotation: X speaks through the passive or participle verb
    const passiveVerb = cands.find((c) => c.how.startsWith('holds') && (v.isPassive(c.verb) || (/ed$/iu.test(v.word(c.verb)) && !v.children(c.verb).some((k) => v.rel(k) === 'nsubj'))))
    if (passiveVerb) {
      for (let x = b; x < Math.min(v.length, b + 6); x++) {
        if (inQ(v.head(x)) && /^(?:NOUN|PROPN)$/u.test(v.upos(x)) && v.caseOf(x).toLowerCase() === 'by') { cands.push({ verb: passiveVerb.verb, dist: -1, how: 'agent', speaker: x }); break }
      }
    }
    if (!cands.length) return this.governing(a, b, outer, skip, previous)
    // a speech verb before "according to" ("he said, “…,” according to the agency": the agency only carried it)
    cands.sort((p, q) => Number(p.how === 'according-to') - Number(q.how === 'according-to') || p.dist - q.dist)
    // "“…,” Dmitry Peskov, Putin's spokesman, told reporters": a person named right after the closing mark, before the
    // speech verb that follows, is its subject, whatever the parse made of the apposition after it
    const lead = this.leadName(outer, skip)
    for (const c of cands) {
      if (lead && this.tokens[c.verb]!.start > lead.end && (c.how === 'comments' || c.how.startsWith('holds'))) return { mention: lead, ref: lead.ref, how: `${c.how}-lead`, verb: c.verb }
      const subj = c.speaker !== undefined ? { tok: c.speaker, own: true } : this.subjectOf(c.verb)
      if (subj.tok < 0) subj.tok = this.besideSubject(c.verb, outer)
      const s = subj.tok
      const m = s >= 0 ? this.mentionOf(s, skip, outer.start, previous) : this.besideMention(c.verb, outer, skip)
      if (!m) continue
      const ref = this.refOf(m, this.tokens[s >= 0 ? s : c.verb]!.start, previous)
      // "X said Russia told the U.S. that it has “…”": a state or body whose speech a person reports does not speak the
      // person's quoted words; the person does
      if (c.how.startsWith('holds') && ref && this.typeOf(ref) !== 'PERSON') { const up = this.reportingPerson(c.verb, skip, outer.start, previous); if (up) return { ...up, how: `${c.how}-reported` } }
      return { mention: m, ref, how: (s >= 0 ? c.how : `${c.how}-beside`) + (subj.own ? '' : '-inherited'), verb: c.verb }
    }
    // a verb of saying with no subject of its own ("…, saying …", "in remarks made …") speaks for the subject of the
    // clause it hangs on; failing that, the predicates above the words may name who speaks
    for (const c of cands) {
      if (c.how === 'according-to' || c.speaker !== undefined) continue
      const said = this.predicateSubject(v.head(c.verb), 4, skip, outer.start, previous, inQ)
      if (said) return { ...said.speaker, how: `${c.how}-above`, verb: c.verb }
    }
    return this.governing(a, b, outer, skip, previous)
  }

  /**
   * The person named first after a quotation's closing mark, with only a comma between, and followed by a comma
   * (an apposition: "“…,” X, Y's spokesman, told"; never "“…,” X's spokesman said"); null when none. The caller takes
   * it only for a verb of saying after it.
   */
  private leadName(outer: Span, skip: readonly Span[]): ActorMention | null {
    const m = this.idx.within(outer.end, outer.end + 60)[0]
    if (!m || m.kind !== 'name' || m.type !== 'PERSON' || !m.ref || skip.some((k) => m.start >= k.start && m.end <= k.end)) return null
    if (!/^[\s,]*$/u.test(this.text.slice(outer.end, m.start)) || !/^\s*,/u.test(this.text.slice(m.end, m.end + 3))) return null
    return m
  }

  /**
   * A quotation no verb of saying reports, set inside a clause ("X called for “…”", "X expressed regret that Y
   * continued “…”", "the resolution calls upon Iran “…”"): the words are the clause's, so the subject of the
   * predicate above them speaks — the nearest predicate above them whose subject names an actor.
   */
  private governing(a: number, b: number, outer: Span, skip: readonly Span[], previous: ActorRef | null): SyntaxSpeaker | null {
    const v = this.view
    let x = -1
    for (let t = a; t < b && x < 0; t++) { const h = v.head(t); if (h >= 0 && (h < a || h >= b)) x = h }
    const said = this.predicateSubject(x, MAX_UP, skip, outer.start, previous)
    return said ? { ...said.speaker, how: 'governs', verb: said.verb } : null
  }

  /**
   * The first predicate from x up (at most `steps` heads, none of them `inside` the quotation) whose subject names an
   * actor, with who that subject names (`subjectSpeaker`); null when none.
   */
  private predicateSubject(x: number, steps: number, skip: readonly Span[], before: number, previous: ActorRef | null, inside: (i: number) => boolean = () => false): { speaker: { mention: ActorMention; ref: ActorRef }; verb: number } | null {
    const v = this.view
    for (let k = 0; k < steps && x >= 0 && !inside(x); k++, x = v.head(x)) {
      const said = v.isPredicate(x) ? this.subjectSpeaker(x, skip, before, previous) : null
      if (said) return { speaker: said, verb: x }
    }
    return null
  }

  /**
   * Who the subject of predicate x names: its subject token (outside every quotation) read for its mention, before
   * `before` (default: right after the subject), and that mention's actor. null when the subject names none.
   */
  private subjectSpeaker(x: number, skip: readonly Span[], before: number | null, previous: ActorRef | null): { mention: ActorMention; ref: ActorRef } | null {
    const s = this.subjectOf(x).tok
    if (s < 0 || this.inQuote(s)) return null
    const m = this.mentionOf(s, skip, before ?? this.tokens[s]!.end + 1, previous)
    const ref = m ? this.refOf(m, this.tokens[s]!.start, previous) : null
    return m && ref ? { mention: m, ref } : null
  }

  /**
   * The speaker of a quotation that is a sentence of its own, read off the sentences around it: a bare
   * attribution right after it ("“…” Trump tweeted."), else the subject of the sentence just before it when that
   * sentence reports speech ("X said it was obvious. “…”"). null when neither names an actor.
   */
  alone(outer: Span, skip: readonly Span[], previous: ActorRef | null): ActorRef | null {
    const v = this.view
    const [a, b] = this.tokensIn(outer)
    if (b <= a) return null
    const actor = (t: string): boolean => t === 'PERSON' || t === 'ORG' || t === 'GROUP'
    const speakerOf = (root: number): ActorRef | null => {
      const ref = this.subjectSpeaker(root, skip, null, previous)?.ref ?? null
      return ref && actor(this.typeOf(ref)) ? ref : null
    }
    const rootOf = (i: number): number => { let x = i; for (let k = 0; k < 60 && v.head(x) >= 0; k++) x = v.head(x); return x }
    // "“…” Trump tweeted.": a short sentence whose root is a verb of saying with nothing said of its own
    let end = b
    while (end < v.length && end - b < 10 && !/^[.!?]$/u.test(v.word(end))) end++
    if (end < v.length && end > b && /^[.!?]$/u.test(v.word(end))) {
      const r = rootOf(b)
      if (r >= b && r < end && this.isSpeech(r) && !v.dependents(r, 'obj', 'ccomp', 'xcomp').length) { const ref = speakerOf(r); if (ref) return ref }
    }
    // "X said it was obvious. “…”": the speaker of the sentence before
    // … or that issued a statement or message ("X issued a statement on Sunday. “…”")
    if (a > 0) {
      const r = rootOf(a - 1)
      if (r >= 0 && r < a && (this.isSpeech(r) || v.objects(r).some((o) => STATEMENT_NOUNS.has(v.lemma(o).toLowerCase())))) return speakerOf(r)
      // "X met Y on Tuesday. “Pleased to meet Y …”": with no one speaking before, the person the sentence before is about
      if (!previous && r >= 0 && r < a && v.upos(r) === 'VERB') { const ref = speakerOf(r); if (ref && this.typeOf(ref) === 'PERSON') return ref }
    }
    return null
  }

  /** Speakers already given to quotations, with where the text names them (set through `spoke`). */
  private readonly spoken: { pos: number; ref: ActorRef }[] = []
  /** Records the speaker of a quotation, named at `pos`: a later "he said" may stand for them. */
  spoke(pos: number, ref: ActorRef): void { this.spoken.push({ pos, ref }) }

  private types: Map<string, string> | null = null
  /** The entity type of an actor (from its mentions). */
  typeOf(ref: ActorRef | null): string {
    if (!ref) return ''
    if (!this.types) { this.types = new Map(); for (const m of this.idx.mentions) if (m.ref && m.kind === 'name' && !this.types.has(m.ref.actor)) this.types.set(m.ref.actor, m.type) }
    return this.types.get(ref.actor) ?? ''
  }

  /**
   * The actor a speaker mention stands for. "he"/"she": the last person the parse makes a subject before it, else
   * the previous speaker when a person; "it": the previous speaker when not a person, else the last organisation
   * subject; other pronouns and roles as the actor index resolves them.
   */
  refOf(m: ActorMention, at: number, previous: ActorRef | null): ActorRef | null {
    if (m.kind === 'name') return m.ref
    if (m.kind === 'pronoun' && m.pron === 'person') {
      return this.lastSubject(at, (t) => t === 'PERSON') ?? (this.typeOf(previous) === 'PERSON' ? previous : null) ?? this.idx.refOf(m)
    }
    if (m.kind === 'pronoun' && m.pron === 'thing') return this.lastSubject(at, (t) => t === 'ORG' || t === 'GROUP') ?? (previous && this.typeOf(previous) !== 'PERSON' ? previous : null)
    return this.idx.refOf(m)
  }

  private readonly subjects = new Map<number, ActorRef | null>()
  /** The actor the subject token i stands for (a person pronoun resolved to the last person subject before it). */
  private subjectRef(i: number): ActorRef | null {
    if (this.subjects.has(i)) return this.subjects.get(i)!
    this.subjects.set(i, null)
    const v = this.view
    let x = i
    // "X, who said": the noun the relative clause describes
    if (/^(?:who|which)$/iu.test(v.word(i))) { const h = v.head(v.head(i)); if (h >= 0) x = h }
    const m = this.mentionOf(x, [], this.tokens[x]!.end + 1)
    let ref = !m ? null : m.kind === 'name' ? m.ref : m.kind === 'pronoun' && m.pron === 'person' ? this.lastSubject(this.tokens[i]!.start, (t) => t === 'PERSON') : null
    // "which" describes a thing ("the Saddam regime, which used"): never the person a name inside it gives
    if (/^which$/iu.test(v.word(i)) && this.typeOf(ref) === 'PERSON') ref = null
    this.subjects.set(i, ref)
    return ref
  }

  /**
   * The last actor of a wanted type that is a subject (or passive agent, or the one an outlet quotes) in the parse
   * before `at` (within about ten sentences), outside quotations; `among` limits it to some actors.
   */
  lastSubject(at: number, want: (type: string) => boolean, among?: ReadonlySet<string>): ActorRef | null {
    const v = this.view
    const from = lowerBound(this.tokens, Math.max(0, at - 2500))
    const fits = (ref: ActorRef | null): boolean => !!ref && want(this.typeOf(ref)) && (!among || among.has(ref.actor))
    // a speaker named later than the last subject ("TASS quoted X as saying") is the later one
    const spoken = this.spoken.filter((x) => x.pos < at && fits(x.ref)).at(-1)
    for (let i = lowerBound(this.tokens, at) - 1; i >= from; i--) {
      if (spoken && this.tokens[i]!.start <= spoken.pos) return spoken.ref
      const r = v.rel(i)
      // a subject, a passive agent ("was levelled by X, who said"), or whom an outlet quotes ("TASS quoted X as saying")
      const subjectLike = relIs(r, 'nsubj') || r === 'obl:agent' || (relIs(r, 'obj') && /^(?:quote|cite)$/i.test(v.lemma(v.head(i))))
      if (!subjectLike || this.inQuote(i) || this.reported(i)) continue
      const ref = this.subjectRef(i)
      if (fits(ref)) return ref
    }
    return spoken && spoken.pos >= this.tokens[from]!.start ? spoken.ref : null
  }

  /**
   * True when token i is the subject of a clause someone reports or of an adverbial clause ("Zarif said Saddam used
   * …", "Since Trump withdrew …, Iran …": Saddam, Trump): what is said about a person, or the background of a
   * sentence, does not make them the one a later "he said" stands for.
   */
  private reported(i: number): boolean {
    const v = this.view
    let c = v.head(i)
    for (let k = 0; k < 3 && c >= 0; k++) {
      const r = v.rel(c)
      if (r.startsWith('advcl')) return true
      if (!/^(?:ccomp|conj)$/u.test(r)) return false
      const h = v.head(c)
      if (r === 'ccomp') return h >= 0 && this.isSpeech(h)
      c = h
    }
    return false
  }

  /**
   * "the statement said": the author of the statement named before (`X said in a statement`, `a statement from
   * X`, `X issued a statement`): the same noun earlier, read for its author or the subject of its clause.
   */
  private issuer(noun: string, before: number): ActorMention | null {
    const v = this.view
    const from = lowerBound(this.tokens, Math.max(0, before - 4000))
    for (let i = lowerBound(this.tokens, before) - 1; i >= from; i--) {
      if (v.lemma(i).toLowerCase() !== noun) continue
      const author = this.authorOf(i, [])
      if (author) return author
      let p = v.head(i)
      for (let k = 0; k < 3 && p >= 0 && v.upos(p) !== 'VERB'; k++) p = v.head(p)
      if (p < 0) continue
      const s = this.subjectOf(p).tok
      if (s >= 0 && s !== i && v.lemma(s).toLowerCase() !== noun) { const m = this.mentionOf(s, [], this.tokens[s]!.end + 1); if (m && m.kind === 'name') return m }
    }
    return null
  }

  /**
   * The person who reports the speech of verb x: the subject of a verb of saying above x's clause (through clausal
   * complements, conjuncts and adverbial clauses, at most three steps), when it names a person; null otherwise.
   */
  private reportingPerson(x: number, skip: readonly Span[], before: number, previous: ActorRef | null): SyntaxSpeaker | null {
    const y = this.speechVerbAbove(x)
    const said = y >= 0 ? this.subjectSpeaker(y, skip, before, previous) : null
    return said && this.typeOf(said.ref) === 'PERSON' ? { ...said, how: 'reported', verb: y } : null
  }

  /**
   * The verb that reports the words: a verb of thinking inside what someone says ("X said Iran expects Russia “to
   * …”") gives way to the verb of saying above it, whose subject the words are quoted from.
   */
  private reporter(x: number): number {
    const mental = (y: number): boolean => MENTAL_LEMMAS.has(this.view.lemma(y).toLowerCase())
    if (!mental(x)) return x
    const y = this.speechVerbAbove(x, (y) => !mental(y))
    return y >= 0 ? y : x
  }

  /**
   * The first verb of saying above x's clause that `accept` takes, climbing through clausal complements, conjuncts and
   * adverbial clauses (at most three steps; verbs of saying it does not take are climbed past); -1 when none.
   */
  private speechVerbAbove(x: number, accept: (y: number) => boolean = () => true): number {
    const v = this.view
    for (let c = x, k = 0; k < 3; k++) {
      const y = v.head(c)
      if (y < 0 || !/^(?:ccomp|xcomp|parataxis|conj|advcl)$/u.test(v.rel(c).split(':')[0]!)) return -1
      if (this.isSpeech(y) && accept(y)) return y
      c = y
    }
    return -1
  }

  /**
   * A speech verb the parse left without a subject, right after the quotation ("“…,” X, Y's spokesman, told"): the
   * first mention between the closing mark and the verb that no preposition governs.
   */
  private besideMention(verb: number, outer: Span, skip: readonly Span[]): ActorMention | null {
    const t = this.tokens[verb]!
    if (t.start < outer.end || t.start - outer.end > 200) return null
    const between = this.text.slice(outer.end, t.start)
    if (/[.!?;“"]/u.test(between)) return null
    return this.idx.within(outer.end, t.start).find((m) => !skip.some((k) => m.start >= k.start && m.end <= k.end) && !this.idx.afterPreposition(m.start)) ?? null
  }

  /**
   * The subject of a speech verb right after the quotation that the parse left without one: the head of the noun
   * phrase between the closing mark and the verb ("“…,” the statement read" with "read" taken for a noun), or the
   * noun right after the verb ("“…,” read the statement"). -1 when none.
   */
  private besideSubject(verb: number, outer: Span): number {
    const v = this.view
    const t = this.tokens[verb]!
    if (t.start < outer.end || /[.!?;“"]/u.test(this.text.slice(outer.end, t.start))) return -1
    const nominal = (i: number): boolean => /^(?:NOUN|PROPN|PRON)$/u.test(v.upos(i))
    if (verb > 0 && nominal(verb - 1) && this.tokens[verb - 1]!.start >= outer.end) return verb - 1
    if (/^[\s,]*$/u.test(this.text.slice(outer.end, t.start))) {
      for (let i = verb + 1; i < Math.min(v.length, verb + 4); i++) if (nominal(i)) return v.head(i) === verb || v.head(i) === verb + 1 ? i : -1
    }
    return -1
  }

  /** The token naming who speaks through verb i, and whether the parse gave it to the verb itself (see subjectOf). */
  subjectOf(i: number): { tok: number; own: boolean } {
    const v = this.view
    const w = v.word(i).toLowerCase()
    const quoting = (x: number): boolean => /^quot/u.test(v.word(x).toLowerCase())
    // "IRNA quoted X as saying": X is the first nominal after the verb, whatever relation the parse gave it
    const passive = (x: number): boolean => v.children(x).some((c) => v.rel(c) === 'aux:pass' || v.rel(c) === 'nsubj:pass')
    const quoted = (x: number): number => passive(x) ? v.subject(x) : v.children(x).find((c) => c > x && /^(?:NOUN|PROPN|PRON)$/u.test(v.upos(c)) && !relIs(v.rel(c), 'nsubj') && /^(?:|by)$/iu.test(v.caseOf(c))) ?? -1
    // ("the lawmaker quoted from the law" has no "as saying": its subject speaks)
    const asSaying = (x: number): boolean => /^[^.;:“”"]{0,120}?\bas\s+(?:saying|stating|telling|writing)\b/iu.test(this.text.slice(this.tokens[x]!.end, this.tokens[x]!.end + 140))
    if (quoting(i) && (passive(i) || asSaying(i))) { const o = quoted(i); if (o >= 0) return { tok: o, own: true } }
    const h = v.head(i)
    if (w === 'saying' && h >= 0 && quoting(h)) { const o = quoted(h); if (o >= 0) return { tok: o, own: true } }
    // two subjects side by side ("the ministry | spokesman X told"): the one nearest before the verb is the name
    // (names inside a quotation never speak: "“… President X,” Y, X's spokesman, told" — the parse may hang X on "told")
    const subjects = v.children(i).filter((c) => (relIs(v.rel(c), 'nsubj') || relIs(v.rel(c), 'csubj')) && !this.inQuote(c))
    // "hailed as “…” by X", "Described as “…” by X, the plan …": the agent of a passive speech verb or participle
    const participle = /^(?:advcl|acl)/u.test(v.rel(i)) && /ed$/iu.test(v.word(i)) && !v.dependents(i, 'nsubj', 'aux').length
    const agent = v.isPassive(i) ? v.agent(i) : participle ? v.dependents(i, 'obl').find((c) => v.caseOf(c).toLowerCase() === 'by') ?? -1 : -1
    if (agent >= 0) return { tok: agent, own: true }
    // several subjects are a misread apposition: a person named among them is the speaker ("X, the head of Y — a Z
    // faction — said"), else the nearest ("the spokesman for the ministry, Y, said")
    const before = subjects.filter((c) => c < i)
    const person = subjects.length > 1 ? before.find((c) => { const m = this.covering(c, []); return m?.kind === 'name' && m.type === 'PERSON' }) : undefined
    const own = subjects.length > 1 ? person ?? before.at(-1) ?? subjects[0] : subjects[0]
    // "“…,” read the statement": the parse takes the inverted subject of "read" for its object
    if (own === undefined && /^reads?$/u.test(w) && i > 0 && /^[”"’,]$/u.test(v.word(i - 1))) {
      const o = v.dependents(i, 'obj').find((c) => c > i && STATEMENT_NOUNS.has(v.lemma(c).toLowerCase()))
      if (o !== undefined) return { tok: o, own: true }
    }
    // "the spokesman reiterated that X is seeking … and said “…”": a verb of saying conjoined to the clause another verb
    // of saying reports adds to that report, so the reporter speaks (the parse hangs it on the nearer clause)
    if (own === undefined && relIs(v.rel(i), 'conj') && h >= 0 && relIs(v.rel(h), 'ccomp') && v.head(h) >= 0 && this.isSpeech(v.head(h))) {
      const reporter = this.subjectOf(v.head(h))
      if (reporter.tok >= 0) return reporter
    }
    let s = own ?? v.subject(i)
    // a name right before the verb ("…, Zarif also said") is its subject even where the parse hung it elsewhere
    let k = i - 1
    while (k >= 0 && /^(?:advmod|aux|aux:pass)$/u.test(v.rel(k)) && v.head(k) === i) k--
    // (or after a comma that closes the phrase the parse took for the subject: "In a reference to candidate X, Renzi said")
    const comma = s >= 0 && s < k && /,/u.test(this.text.slice(this.tokens[s]!.end, this.tokens[k]!.start))
    if (k >= 0 && k !== s && v.upos(k) === 'PROPN' && v.rel(k) !== 'compound' && (s < 0 || i - s > 6 || comma) && (comma || !(s >= 0 && v.span(s).start <= this.tokens[k]!.start && this.tokens[k]!.end <= v.span(s).end)) && this.covering(k, [])?.kind === 'name') return { tok: k, own: true }
    // "X, who said …": the relative pronoun stands for the noun the clause describes
    if (s >= 0 && /^(?:who|which|that)$/iu.test(v.word(s)) && h >= 0) s = h
    // a reduced relative ("the minister, speaking to reporters, said") has no subject of its own
    if (s < 0 && v.rel(i).startsWith('acl') && h >= 0) return { tok: h, own: false }
    return { tok: s, own: own !== undefined }
  }

  /**
   * The person a singular role description headed at token h stands for ("the Kremlin spokesman", "the veteran
   * politician"), resolved as a speaker's phrase is: the last person named with that role, else the last person of
   * that state who was a subject. null when h is no singular role noun ("officials" is never one person) or no person is found.
   */
  describedPerson(h: number): ActorMention | null {
    const v = this.view
    const lemma = v.lemma(h).toLowerCase()
    if (!ROLE_NOUNS.has(lemma) || v.word(h).toLowerCase() !== lemma) return null
    const m = this.mentionOf(h, [], v.span(h).start)
    return m?.kind === 'name' && m.type === 'PERSON' ? m : null
  }

  /**
   * The actor mention a subject phrase headed by token s stands for: the mention holding the head; a person named by
   * a title's name parts or apposition ("Kremlin spokesman Dmitry Peskov", "the spokesman, X,"); the author of a
   * statement ("a statement from X's office"); a role ("the spokeswoman") resolved to the last person named with
   * that role. null when none.
   */
  mentionOf(s: number, skip: readonly Span[], before: number, previous: ActorRef | null = null): ActorMention | null {
    const v = this.view
    const lemma = v.lemma(s).toLowerCase()
    const limit = before
    before = Math.min(before, v.span(s).start)
    // a possessor the parse took for the subject ("X's adviser Y told"): the person named last in the phrase
    if (v.dependents(s, 'case').some((c) => /^['’]s?$/u.test(v.word(c)))) {
      const sp = v.span(s)
      const last = this.idx.within(sp.start, Math.min(sp.end, limit)).filter((m) => m.type === 'PERSON' && m.kind === 'name' && this.tokens[s]!.end <= m.start).at(-1)
      if (last) return last
    }
    const head = this.covering(s, skip)
    // "KUNA quoted her as saying": an object pronoun (which the mentions leave out: "her" is also a possessive) is a person
    if (!head && v.upos(s) === 'PRON' && /^(?:her|him)$/iu.test(v.word(s))) { const t = this.tokens[s]!; return { start: t.start, end: t.end, text: v.word(s), ref: null, type: 'UNKNOWN', kind: 'pronoun', pron: 'person' } }
    const role = ROLE_NOUNS.has(lemma)
    // name parts and appositions, breadth first; a person among them is the speaker
    const parts: ActorMention[] = []
    const seen = new Set<number>([s])
    // a conjunct with no "and" is an apposition the parse misread ("The Commander of X, Hossein Salami, asserted")
    const apposed = (c: number): boolean => v.rel(c) === 'conj' && !v.dependents(c, 'cc').length && v.upos(c) === 'PROPN'
    const queue = v.children(s).filter((c) => NAME_PARTS.includes(v.rel(c)) || apposed(c) || v.rel(c) === 'nmod:poss' || v.rel(c) === 'amod' || (role && v.rel(c) === 'nmod'))
    while (queue.length) {
      const x = queue.shift()!
      if (seen.has(x)) continue
      seen.add(x)
      const m = this.covering(x, skip)
      if (m && !(head && m.start === head.start && m.end === head.end)) parts.push(m)
      pushAll(queue, v.children(x).filter((c) => NAME_PARTS.includes(v.rel(c))))
    }
    const person = parts.find((m) => m.type === 'PERSON' && m.kind === 'name')
    // "the Russian ministry said": a body described by its state's adjective is the body of that kind named before
    // (the Defense Ministry of that state), not the state; failing one, the state
    const described = !!head && head.kind === 'name' && head.type === 'GPE' && ORG_NOUNS.has(lemma) && v.dependents(s, 'det').some((c) => /^(?:the|this)$/iu.test(v.word(c))) && this.tokens[s]!.end === head.end
    if (described) {
      // (near the adjective itself: "the Russian Defense Ministry" holds no mention of Russia)
      const adjective = head.text.replace(/^the\s+/iu, '').split(/\s+/u)[0]!
      const h = this.holder(this.rolePhrase(s), before, skip, null, { ...head, text: adjective }, previous)
      if (h && h.type !== 'GPE') return h
    }
    if (head && head.kind === 'name' && (head.type === 'PERSON' || !person)) return head
    if (person) return person
    // "Iran's foreign ministry spokesman", "Iran's chief diplomat": the state or body owning what a modifier of the role names owns the role
    const officeOwner = parts.length ? null : v.dependents(s, 'compound', 'amod').flatMap((c) => v.dependents(c, 'nmod:poss')).map((c) => this.covering(c, skip)).find((m) => m?.kind === 'name' && m.type !== 'PERSON') ?? null
    // (the parse may hang the phrase's article on its compound: "The [Foreign Ministry] official")
    const the = (x: number): boolean => v.dependents(x, 'det').some((c) => /^(?:the|this|that)$/iu.test(v.word(c)))
    const definite = the(s) || v.dependents(s, 'compound').some(the) || v.dependents(s, 'nmod:poss').length > 0 || !!officeOwner
    // "the deputy foreign minister said": the last person named with that role, else the resolver's person
    if (head && head.kind === 'role' && head.pron !== 'group') {
      const owner = parts[0] ?? officeOwner ?? this.demonym(s)
      return this.holder(this.rolePhrase(s), before, skip, 'PERSON', owner, previous) ?? this.roleFallback(before, owner) ?? head
    }
    if (head) return head
    if (v.upos(s) === 'PROPN' && !parts.length) { const named = this.unlisted(s); if (named) return named }
    if (STATEMENT_NOUNS.has(lemma)) {
      // "a statement from X", "X's office said", "a statement released by X"
      const author = this.authorOf(s, skip) ?? (definite ? this.issuer(lemma, before) : null)
      if (author) return author
    }
    const owner = parts[0] ?? officeOwner ?? this.demonym(s)
    if (definite && (role || ORG_NOUNS.has(lemma))) {
      const phrase = this.rolePhrase(s)
      const h = this.holder(phrase, before, skip, role ? 'PERSON' : null, owner, previous)
      if (h) return h
      // "the veteran politician said" with no one named so: the last person subject, never the country its adjective names
      if (role) return this.roleFallback(before, owner)
      // "the group said", "the Iraqi group said" with no group named so: the last organisation that spoke or was a
      // subject, before the country a nationality adjective names
      const org = this.lastSubject(before, (t) => t === 'ORG' || t === 'GROUP')
      const adjective = !!owner && v.upos(this.view.tokenAt(owner.start)) === 'ADJ'
      if (org && (!owner || adjective)) return this.mentionFor(org)
    }
    return owner ?? null
  }

  /** The role words of a subject phrase: its head with the adjectives and compounds just before it ("special representative"). */
  private rolePhrase(s: number): string {
    const v = this.view
    let k = s
    while (k > 0 && v.head(k - 1) === s && /^(?:amod|compound)$/u.test(v.rel(k - 1)) && /^\p{Ll}/u.test(v.word(k - 1))) k--
    return this.text.slice(this.tokens[k]!.start, this.tokens[s]!.end)
  }

  /** A nationality adjective of a subject phrase as its country ("an Iranian official" → Iran). */
  private demonym(s: number): ActorMention | null {
    const sp = this.tokens[s]!
    for (const c of this.view.dependents(s, 'amod')) {
      const t = this.tokens[c]!
      const m = this.idx.demonymAfter(t.start, sp.end)
      if (m) return m
    }
    return null
  }

  /**
   * "the spokeswoman said", "the ministry stated": an actor named before `before` with this role right beside its
   * name ("Foreign Ministry spokeswoman Maria Zakharova", "Zakharova, the ministry's spokeswoman", "Russia's Defense
   * Ministry"); of the given type (any but a person when null), near the owner's name when the phrase has one. The
   * previous speaker wins when the text gives it the role; else the latest such actor. null when none.
   */
  private holder(phrase: string, before: number, skip: readonly Span[], type: string | null, owner: ActorMention | null, previous: ActorRef | null): ActorMention | null {
    if (!phrase) return null
    const found = this.holderOf(phrase, before, skip, type, owner, previous)
    if (found) return found
    // the same office under another name ("the premier" for "Prime Minister X", "the top diplomat" for "Foreign Minister X")
    for (const other of ROLE_SYNONYMS.get(phrase.toLowerCase()) ?? []) { const m = this.holderOf(other, before, skip, type, owner, previous); if (m) return m }
    return null
  }

  private holderOf(phrase: string, before: number, skip: readonly Span[], type: string | null, owner: ActorMention | null, previous: ActorRef | null): ActorMention | null {
    // case-insensitive phrase, case-sensitive names ("spokeswoman Lena Strand", not "spokeswoman met Tomas")
    const p = phrase.replace(/[.*+?^\${}()|[\]\\]/gu, '\\$&').replace(/\p{L}/gu, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`).replace(/\s+/gu, '\\s+')
    // a lesser title is another office ("Deputy Foreign Minister X" is not "the foreign minister")
    const lesser = /(?:deputy|vice|former|assistant|acting|ex)[\s-]*$/iu
    const titled = new RegExp(`(?<!(?:[Dd]eputy|[Vv]ice|[Ff]ormer|[Aa]ssistant|[Aa]cting|[Ee]x)[\\s-]+)\\b${p}\\s+(?:(?:\\p{Lu}[\\p{L}.'’-]*|to|of|for|on|in|at|the|and)\\s+){0,6}$`, 'u')
    const apposed = new RegExp(`^\\s*,\\s*(?:(?:the|a|an|\\p{Lu}[\\p{L}'’.-]*(?:['’]s)?|[\\p{Ll}-]+)\\s+){0,5}${p}\\b`, 'u')
    const inside = new RegExp(`\\b${p}\\b`, 'u')
    const cands = this.idx.within(Math.max(0, before - 5000), before).filter((m) => m.kind === 'name' && m.ref && (type ? m.type === type : m.type !== 'PERSON') && !skip.some((k) => m.start >= k.start && m.end <= k.end))
    const fits = (m: ActorMention): boolean => {
      const right = this.text.slice(m.end, Math.min(before, m.end + 80))
      // a person the entities layer found through the same role ("the Iranian president" for "the president")
      const byRole = type !== null && /^(?:the\s|\p{Ll})/iu.test(m.text) && inside.test(m.text) && !lesser.test(m.text.slice(0, m.text.search(inside)))
      // (a title before a description is someone else's: "the advisor to the parliament speaker" does not make the speaker an advisor)
      const described = /^(?:the|a|an|his|her|its|their)\s/u.test(m.text)
      const left = this.text.slice(Math.max(0, m.start - 80), m.start)
      const title = type && !described ? titled.exec(left) : null
      const ok = type ? byRole || !!title || (apposed.test(right) && !lesser.test(right.slice(0, right.search(inside))) && !this.titlesNext(m.end + right.search(inside))) : inside.test(m.text)
      if (!ok || !owner) return ok
      // "the Iranian foreign minister" is not the "French Foreign Minister X" named beside it: a title whose own
      // nationality adjective names another country is another office
      const adjective = title ? /(\p{Lu}\p{Ll}+)\s*$/u.exec(left.slice(0, title.index))?.[1] : undefined
      const country = adjective ? countryOfDemonym(adjective) : undefined
      if (country && owner.ref && country !== owner.ref.name) return false
      const near = this.text.slice(Math.max(0, m.start - 80), Math.min(before, m.end + 80))
      return near.includes(owner.text) || (!!owner.ref && this.idx.within(Math.max(0, m.start - 80), Math.min(before, m.end + 80)).some((o) => o.ref?.actor === owner.ref!.actor))
    }
    const ok = cands.filter(fits)
    if (!ok.length) return type === 'PERSON' && !owner ? this.titledName(p, before, skip) : null
    // of the actors named so, the one that was last a subject, else the previous speaker, else the last named
    const actors = new Set(ok.map((m) => m.ref!.actor))
    const subj = this.lastSubject(before, () => true, actors)
    const pick = subj ?? (previous && actors.has(previous.actor) ? previous : null)
    return (pick && ok.filter((m) => m.ref!.actor === pick.actor).at(-1)) || ok.at(-1)!
  }

  /**
   * True when the role word at `at` is the title of a person named right after it, inside the same phrase ("X,
   * Russia's special envoy on Syria Y, …": the envoy is Y, not X).
   */
  private titlesNext(at: number): boolean {
    const tail = this.text.slice(at, at + 80)
    const cut = tail.search(/[,.;:()“”"]/u)
    const end = at + (cut < 0 ? tail.length : cut)
    return this.idx.within(at, end + 60).some((x) => x.start < end && x.kind === 'name' && x.type === 'PERSON')
  }

  /**
   * A person the entities layer missed, named after the role in the text before `before` ("Prime Minister Rana
   * Holm"): the capitalised words right after the last such title, as an actor of its own. null when none.
   */
  private titledName(phrase: string, before: number, skip: readonly Span[]): ActorMention | null {
    const re = new RegExp(`\\b${phrase}\\s+((?:\\p{Lu}[\\p{L}'’.-]*\\s+){0,3}\\p{Lu}[\\p{L}'’-]+)`, 'gu')
    const from = Math.max(0, before - 5000)
    let last: RegExpExecArray | null = null
    let m: RegExpExecArray | null
    const slice = this.text.slice(from, before)
    while ((m = re.exec(slice))) if (!skip.some((k) => from + m!.index >= k.start && from + m!.index < k.end)) last = m
    if (!last) return null
    const start = from + last.index + last[0].length - last[1]!.length, end = from + last.index + last[0].length
    const name = last[1]!
    if (name.split(/\s+/u).length < 2) return null
    const known = this.idx.within(start, end + 1).find((x) => x.kind === 'name' && x.type === 'PERSON')
    if (known) return known
    const ref = { actor: slug(name), name }
    this.typeOf(ref)
    this.types!.set(ref.actor, 'PERSON')
    return { start, end, text: name, ref, type: 'PERSON', kind: 'name' }
  }

  /**
   * A role no one is named with ("the official said"): the last person subject (measured better than the previous
   * speaker); with a nationality ("the Russian diplomat said"), never a person known to be of another country.
   */
  private roleFallback(before: number, owner: ActorMention | null = null): ActorMention | null {
    // (a nationality adjective with no mention of its country in the text is the country by name: "the Russian official")
    const state = owner?.ref ? this.stateOf(owner.ref.actor) ?? /^GPE:([A-Z]{3})$/.exec(owner.ref.actor)?.[1] ?? countryCode(owner.ref.name) : undefined
    const foreign = (actor: string): boolean => { const s = this.stateOf(actor); return !!state && !!s && s !== state }
    const people = this.idx.within(Math.max(0, before - 5000), before).filter((m) => m.kind === 'name' && m.type === 'PERSON' && m.ref && !foreign(m.ref.actor))
    const subject = this.mentionFor(this.lastSubject(before, (t) => t === 'PERSON', state ? new Set(people.map((m) => m.ref!.actor)) : undefined))
    if (subject || !state) return subject
    // "met Russian Deputy Prime Minister X … the Russian official said": the one person of that state named before,
    // though never a subject
    const own = new Set(people.filter((m) => this.stateOf(m.ref!.actor) === state).map((m) => m.ref!.actor))
    if (own.size === 1) return people.filter((m) => own.has(m.ref!.actor)).at(-1)!
    // "TEHRAN – Iran's foreign ministry spokesman branded … ¶ X made the remarks …": a lead sentence
    // describes the person the next sentences name
    return this.cataphora ? this.nextPersonSubject(before, foreign) : null
  }

  /**
   * The first person named as the subject of a clause in the two sentences after the one holding `at` (within 1,000
   * characters; never inside a quotation, never one known to be of another state): whom a description before any name
   * stands for. null when none.
   */
  private nextPersonSubject(at: number, foreign: (actor: string) => boolean): ActorMention | null {
    const v = this.view
    const end = (i: number): boolean => /^[.!?]$/u.test(v.word(i)) && v.rel(i) === 'punct'
    let i = lowerBound(this.tokens, at), ends = 0
    // (from the end of the description's sentence: a person the same sentence names is no one it describes)
    for (; i < this.tokens.length && ends < 1; i++) if (end(i)) ends++
    for (; i < this.tokens.length && ends < 3 && this.tokens[i]!.start < at + 1000; i++) {
      if (end(i)) { ends++; continue }
      if (!relIs(v.rel(i), 'nsubj') || this.inQuote(i) || this.reported(i)) continue
      const m = this.covering(i, [])
      if (m?.kind === 'name' && m.type === 'PERSON' && m.ref && !foreign(m.ref.actor)) return m
    }
    return null
  }

  /** The author named inside a statement phrase: its nmod (from/of/by), possessor, or the agent of a participle. */
  private authorOf(s: number, skip: readonly Span[]): ActorMention | null {
    const v = this.view
    for (const c of v.children(s)) {
      const r = v.rel(c)
      if (r.startsWith('nmod') || r === 'obl' || r === 'compound') { const m = this.covering(c, skip) ?? this.mentionOf(c, skip, this.tokens[s]!.start); if (m) return m }
      if (r.startsWith('acl')) { const a = v.agent(c); if (a >= 0) { const m = this.covering(a, skip); if (m) return m } }
    }
    return null
  }

  /** The longest actor mention holding token i, outside every quotation. */
  private covering(i: number, skip: readonly Span[]): ActorMention | null {
    const t = this.tokens[i]
    if (!t) return null
    const ms = this.idx.within(Math.max(0, t.start - 120), t.end + 120).filter((m) => m.start <= t.start && t.end <= m.end && !skip.some((k) => m.start >= k.start && m.end <= k.end))
    if (!ms.length) return this.surname(i)
    return ms.reduce((p, q) => (q.end - q.start > p.end - p.start ? q : p))
  }

  private surnames: Map<string, ActorMention> | null = null
  /** A proper noun no mention holds that is the last name of a person named in the document ("Rear Admiral Vik told"). */
  private surname(i: number): ActorMention | null {
    if (this.view.upos(i) !== 'PROPN') return null
    if (!this.surnames) {
      this.surnames = new Map()
      const clash = new Set<string>()
      for (const m of this.idx.mentions) {
        if (m.kind !== 'name' || m.type !== 'PERSON' || !m.ref) continue
        const last = m.ref.name.split(/\s+/u).at(-1)!
        if (last.length < 3) continue
        const had = this.surnames.get(last)
        if (had && had.ref!.actor !== m.ref.actor) clash.add(last)
        else this.surnames.set(last, m)
      }
      for (const c of clash) this.surnames.delete(c)
    }
    const t = this.tokens[i]!
    const m = this.surnames.get(this.text.slice(t.start, t.end))
    return m ? { ...m, start: t.start, end: t.end, text: this.text.slice(t.start, t.end) } : null
  }

  /**
   * A name the entities layer missed, read off the parse: a proper noun with its flat and compound proper-noun
   * parts ("Aivazian noted", "Ara Aivazian said"), as an actor of its own.
   */
  private unlisted(s: number): ActorMention | null {
    const v = this.view
    const inName = new Set<number>([s])
    const walk = (x: number, depth: number): void => {
      for (const c of v.children(x)) if (depth < 6 && (v.rel(c) === 'flat' || v.rel(c) === 'compound') && v.upos(c) === 'PROPN') { inName.add(c); walk(c, depth + 1) }
    }
    walk(s, 0)
    let lo = s, hi = s
    while (inName.has(lo - 1)) lo--
    while (inName.has(hi + 1)) hi++
    // titles before the name ("Engineer X Y", "Rear Admiral X") are not part of it
    while (lo < hi && TITLE_WORDS.has(v.word(lo).toLowerCase().replace(/\.$/u, ''))) lo++
    if (TITLE_WORDS.has(v.word(lo).toLowerCase().replace(/\.$/u, ''))) return null
    const start = this.tokens[lo]!.start, end = this.tokens[hi]!.end
    const name = this.text.slice(start, end)
    if (!/^\p{Lu}/u.test(name) || /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/u.test(name)) return null
    // a name of two or more words, or one a title stands before, is a person's
    const person = hi > lo || v.children(s).some((c) => v.rel(c) === 'nmod:desc')
    const ref = { actor: slug(name), name }
    this.typeOf(ref)
    if (person && !this.types!.has(ref.actor)) this.types!.set(ref.actor, 'PERSON')
    return { start, end, text: name, ref, type: person ? 'PERSON' : 'UNKNOWN', kind: 'name' }
  }

  /** A mention standing for an actor (its last one in the document), for answers found by actor. */
  private mentionFor(ref: ActorRef | null): ActorMention | null {
    if (!ref) return null
    for (let k = this.idx.mentions.length - 1; k >= 0; k--) if (this.idx.mentions[k]!.ref?.actor === ref.actor) return this.idx.mentions[k]!
    return null
  }
}

/** Words of a title or honorific before a name. */
const TITLE_WORDS: ReadonlySet<string> = new Set([...ROLE_NOUNS, 'mr', 'mrs', 'ms', 'dr', 'engineer', 'sheikh', 'sir', 'lord', 'lady', 'rear',
  'brigadier', 'major', 'lt', 'gen', 'col', 'capt', 'adm', 'hojatoleslam', 'mullah', 'imam', 'foreign', 'defense', 'defence', 'prime',
  'deputy', 'vice', 'former', 'acting', 'chief', 'senior', 'top', 'supreme'])

/** Other names of the same office. */
const ROLE_SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['premier', ['prime minister']], ['prime minister', ['premier']], ['top diplomat', ['foreign minister']], ['chief diplomat', ['foreign minister']],
  ['envoy', ['ambassador']], ['ambassador', ['envoy']], ['spokesperson', ['spokesman', 'spokeswoman']], ['lawmaker', ['mp']],
])

/** Verbs of thinking: a speaker's words only when no verb of saying reports them. */
const MENTAL_LEMMAS: ReadonlySet<string> = new Set(['believe', 'think', 'consider', 'feel', 'hope', 'expect', 'fear'])

/** Word forms of speech verbs the lemmatiser may leave unlemmatised. */
const SPEECH_FORMS = new Set(['quoted', 'quoting', 'said', 'says', 'saying', 'told', 'tweeted', 'wrote', 'added', 'stressed', 'noted', 'stated', 'read', 'reads'])

