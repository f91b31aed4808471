import { defineStage } from '../../doc/stage.js'
import type { ActorRef, Entity, Paragraph, QuoteRecord, Sentence, SyntaxToken, Token } from '../../doc/layers.js'
import { msg, type Message, type Span } from '../../doc/span.js'
import { actorIndex, type ActorIndex, type ActorMention } from '../events/actors.js'
import { countriesOf } from '../events/speech.js'
import { pairMarks, type MarkedQuote } from './marks.js'
import { SyntaxSpeakers, type SyntaxSpeaker } from './speaker-syntax.js'
import { COORDINATED_VERB, MIN_QUOTE_WORDS, PASSIVE_QUOTED, POSSESSIVE_STATEMENT, REPORTING_VERBS, STATEMENT_OF } from './quotes.data.js'

const VERB_RE = new RegExp(`\\b(?:${[...REPORTING_VERBS].sort((a, b) => b.length - a.length).join('|').replace(/ /g, '\\s+')})\\b`, 'giu')
const wordCount = (s: string): number => (s.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).length
/** Every word capitalised and no sentence inside: a title or a name ("Master Builder Series"), not speech. */
const isTitle = (s: string): boolean => !/[.!?]/u.test(s) && (s.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|the|and|a|an|in|on|for|to|at|by|with)$/u.test(w))

interface Verb extends Span { readonly w: string }

/** Reporting verbs inside `[start, end)` that lie outside every quotation. */
function verbsIn(text: string, start: number, end: number, quotes: readonly MarkedQuote[]): Verb[] {
  const re = new RegExp(VERB_RE.source, 'giu')
  re.lastIndex = start
  const out: Verb[] = []
  let m: RegExpExecArray | null
  const slice = text.slice(0, end)
  while ((m = re.exec(slice))) {
    const v = { start: m.index, end: m.index + m[0].length, w: m[0].toLowerCase() }
    if (!quotes.some((q) => v.start >= q.outer.start && v.start < q.outer.end)) out.push(v)
  }
  return out
}

/** Speaker lookup for one quotation; null when the text names none. */
class Attributor {
  constructor(private readonly text: string, private readonly idx: ActorIndex, private readonly sentences: readonly Sentence[], private readonly quotes: readonly MarkedQuote[]) {}
  private frame(q: MarkedQuote): Span {
    const ss = this.sentences.filter((s) => s.end > q.outer.start && s.start < q.outer.end)
    return ss.length ? { start: ss[0].start, end: Math.max(ss.at(-1)!.end, q.outer.end) } : q.outer
  }
  private sentenceAt(pos: number): Span { return this.sentences.find((s) => s.start <= pos && pos < s.end) ?? { start: pos, end: pos } }
  private firstActor(start: number, end: number): ActorMention | undefined {
    return this.idx.within(start, end).find((m) => !this.quotes.some((o) => m.start >= o.outer.start && m.end <= o.outer.end))
  }

  /** A bare verb followed by ", “" introduces the next quotation ("…,” adding, “…”), so it does not close this one. */
  private introducesNext(v: Verb): boolean { return /^\s*[,:]?\s*[“"‘]/u.test(this.text.slice(v.end, v.end + 4)) }
  private get skip(): Span[] { return this.quotes.map((o) => o.outer) }

  /** "The statement from X's office said …", "X's office said …": the author of a statement named inside its subject. */
  private statementAuthor(start: number, end: number): ActorRef | null {
    const m = this.idx.within(start, end).find((x) => STATEMENT_OF.test(this.text.slice(Math.max(start, x.start - 40), x.start)) || POSSESSIVE_STATEMENT.test(this.text.slice(x.end, x.end + 40)))
    return this.idx.refOf(m)
  }

  /** The speaker, how it was found, and the mention that names it (where one does). */
  speaker(q: MarkedQuote, previous: ActorRef | null): { ref: ActorRef | null; how: string; mention?: ActorMention } {
    const f = this.frame(q)
    // postposed attribution: “…,” X said / said X / X was quoted as saying
    const after = verbsIn(this.text, q.outer.end, f.end, this.quotes)[0]
    // "… called it “…” and said": a coordinated verb is the preposed subject's second predicate, not a postposed attribution
    if (after && wordCount(this.text.slice(q.outer.end, after.start)) <= 16 && !COORDINATED_VERB.test(this.text.slice(q.outer.end, after.start)) && !(wordCount(this.text.slice(q.outer.end, after.start)) === 0 && this.introducesNext(after)) && !this.quotes.some((o) => o.outer.start > q.outer.end && o.outer.start < after.start)) {
      const between = this.text.slice(q.outer.end, after.start)
      if (after.w === 'quoted' && !PASSIVE_QUOTED.test(between + ' quoted')) { const x = this.firstActor(after.end, f.end); if (x) return { ref: this.idx.refOf(x), how: 'quoted-as-saying' } }
      // the subject is the head of the phrase before the verb ("the Kremlin spokesman X said": X, not the Kremlin)
      const subject = this.idx.subjectBefore(after.start, { start: q.outer.end, end: after.start }, this.skip) ?? undefined
      const m = subject ?? this.firstActor(q.outer.end, after.start) ?? (/^\s*[,.]?\s*$/u.test(between) ? this.firstActor(after.end, Math.min(f.end, after.end + 40)) : undefined)
      const ref = this.idx.refOf(m)
      if (ref) return { ref, how: 'postposed', mention: m }
      // (the subject of the sentence the quotation sits in, not a name inside a phrase before it: "the coordinator of
      // the Vienna talks is to present “…”, an outlet said" is not Vienna's)
      const lead = this.idx.sentenceSubject({ start: f.start, end: q.outer.start }, this.skip) ?? this.idx.within(f.start, q.outer.start).filter((x) => !this.idx.afterPreposition(x.start)).at(-1)
      if (lead && this.idx.refOf(lead) && m?.pron !== 'person') return { ref: this.idx.refOf(lead), how: 'postposed-lead' }
      return { ref: previous, how: 'postposed-previous' }
    }
    // preposed attribution: X said (that) “…” / quoted X as saying “…” / according to X
    const before = verbsIn(this.text, f.start, q.outer.start, this.quotes).at(-1)
    if (before) {
      const sent = this.sentenceAt(before.start)
      const quoted = /\bquoted\s+$/u.test(this.text.slice(sent.start, before.start).replace(/\bquoted\s+[^“"]*?\s+as\s+$/u, 'quoted '))
      if (before.w === 'quoted' || before.w.startsWith('according') || (before.w === 'saying' && quoted)) {
        const from = before.w === 'saying' ? this.text.lastIndexOf('quoted', before.start) : before.end
        const x = before.w === 'saying' ? this.idx.within(from, before.start).filter((m) => !this.quotes.some((o) => m.start >= o.outer.start && m.end <= o.outer.end)).at(-1) : this.firstActor(from, q.outer.start)
        if (x && this.idx.refOf(x)) return { ref: this.idx.refOf(x), how: 'quoted-as-saying' }
      }
      // a participle after a comma ("…, adding", "…, noting") shares the subject of the main clause
      const participle = before.w.endsWith('ing') && /,\s*["”’]?\s*$/u.test(this.text.slice(Math.max(0, before.start - 5), before.start))
      const subj = participle ? this.idx.sentenceSubject({ start: sent.start, end: before.start }, this.skip) : this.idx.subjectBefore(before.start, { start: sent.start, end: before.start }, this.skip)
      const ref = this.idx.refOf(subj) ?? this.statementAuthor(sent.start, before.start)
      if (ref) return { ref, how: 'preposed', mention: subj ?? undefined }
      return { ref: previous, how: 'preposed-previous' }
    }
    // “…,” he exemplified.: a quotation closed on a comma and followed by nothing but a subject and one verb is that
    // subject's, whatever the verb (the reporting verbs above are the common ones, not all of them)
    if (/,\s*[”"’]\s*$/u.test(this.text.slice(q.inner.end - 1, q.outer.end))) {
      const subj = this.idx.within(q.outer.end, Math.min(f.end, q.outer.end + 60))[0]
      if (subj && /^\s*,?\s*$/u.test(this.text.slice(q.outer.end, subj.start)) && /^\s+(?:also\s+)?\p{Ll}+(?:ed|s)\s*[.;]/u.test(this.text.slice(subj.end, subj.end + 40)) && this.idx.refOf(subj)) return { ref: this.idx.refOf(subj), how: 'postposed-verb', mention: subj }
    }
    // a name and a colon before it, as in interviews and transcripts: "Amir Abdollahian: “…”", "Minister Lavrov: “…”"
    const named = this.idx.within(f.start, q.outer.start).at(-1)
    if (named?.kind === 'name' && named.ref && /^\s*:\s*$/u.test(this.text.slice(named.end, q.outer.start)) && wordCount(this.text.slice(f.start, named.start)) <= 3) return { ref: named.ref, how: 'colon', mention: named }
    // a paragraph that is nothing but a quotation continues the previous speaker
    const alone = wordCount(this.text.slice(f.start, q.outer.start) + this.text.slice(q.outer.end, f.end)) === 0
    return { ref: alone ? previous : null, how: alone ? 'alone' : 'none' }
  }
}

/**
 * What named a quotation's speaker, from how it was found: read off the syntax model's dependency parse (`syntax-…`,
 * or a cue rule's pronoun or subject resolved on the parse: `…-parse`, `…-subject`, `…-near`) or by a cue rule alone.
 * Neither gives a score. `none`: no speaker, found by nothing but the quotation-mark rule.
 */
export function quoteProducedBy(how: string): NonNullable<QuoteRecord['produced_by']> {
  if (how.startsWith('syntax-')) return { method: 'model', detail: `speaker read off the dependency parse of the syntax model (${how.slice(7)})`, score: null }
  if (/-(?:parse|subject|near)$/.test(how)) return { method: 'model', detail: `cue rule (${how.replace(/-(?:parse|subject|near)$/, '')}) with the speaker resolved on the syntax model's parse`, score: null }
  if (how === 'none') return { method: 'rule', detail: 'quotation marks; no speaker found', score: null }
  return { method: 'rule', detail: `speaker cue rule (${how})`, score: null }
}

/**
 * Direct quotations (three words or more) with their speakers, paragraph by paragraph, in text order. With `parse`
 * (the tokens and syntax layers) the speaker is read off the dependency parse (speaker-syntax.ts); the cue rules
 * below answer only where the parse names no one, or only inherits a subject the rules can name.
 * @example findQuotes(text, paragraphs, sentences, entities, 'd_1').quotes[0].speaker?.name
 */
export function findQuotes(text: string, paragraphs: readonly Paragraph[], sentences: readonly Sentence[], entities: readonly Entity[], docId: string, index?: ActorIndex, parse?: { tokens: readonly Token[]; syntax: readonly SyntaxToken[] }): { quotes: QuoteRecord[]; messages: Message[] } {
  const idx = index ?? actorIndex(text, sentences, entities)
  const country = countriesOf(entities)
  const syn = parse && parse.syntax.length === parse.tokens.length ? new SyntaxSpeakers(text, parse.tokens, parse.syntax, idx, paragraphs.flatMap((p) => pairMarks(text, p).map((q) => q.outer)), (a) => country.get(a), true) : null
  const quotes: QuoteRecord[] = []
  const messages: Message[] = []
  let previous: ActorRef | null = null
  for (const p of paragraphs) {
    const marked = pairMarks(text, p)
    const att = new Attributor(text, idx, sentences, marked)
    for (const q of marked) {
      const inner = text.slice(q.inner.start, q.inner.end)
      if (wordCount(inner) < MIN_QUOTE_WORDS || isTitle(inner)) continue
      if (!q.closed) messages.push(msg('quotes', 'unclosed-quote', 'Expected a closing quotation mark in the paragraph, got none: the quotation runs to the paragraph end', 'info', q.outer))
      const bySyntax: SyntaxSpeaker | null = syn?.speaker(q.inner, q.outer, marked.map((o) => o.outer), previous) ?? null
      const byRule = att.speaker(q, previous)
      // a subject the parse only inherits (a participle or a conjunct), or takes from a clause that reports no speech,
      // yields to a speaker the rules find
      // (… unless the parse's is a person and the rules' a state or a body: "X denounced the U.S. attacks, saying “…”")
      const person = (r: ActorRef | null): boolean => !!r && syn!.typeOf(r) === 'PERSON'
      // (… and a subject read above a verb of saying that has none of its own: "…-above")
      const trusted: boolean = !!bySyntax?.ref && (!((bySyntax.how.endsWith('-inherited') || bySyntax.how.endsWith('-above') || bySyntax.how === 'governs') && byRule.ref) || (person(bySyntax.ref) && !person(byRule.ref)))
      let { ref, how }: { ref: ActorRef | null; how: string } = trusted ? { ref: bySyntax!.ref, how: `syntax-${bySyntax!.how}` } : byRule
      // "he said" found by the rules: the last person the parse makes a subject (the rules' last subject misses "“…,” X said")
      const pron = trusted ? undefined : byRule.mention
      if (syn && pron?.kind === 'pronoun' && pron.pron === 'person') { const r = syn.refOf(pron, pron.start, previous); if (r) { ref = r; how += '-parse' } }
      // a verb without a subject either way: the last subject (or speaker) the parse saw, before the previous speaker
      if (syn && how.endsWith('-previous')) { ref = syn.lastSubject(q.outer.start, (t) => t === 'PERSON' || t === 'ORG' || t === 'GROUP') ?? ref; how += '-subject' }
      // a quotation that is a sentence of its own: an attribution right after it, or the speaker of the sentence before
      if (syn && how === 'alone') { const near = syn.alone(q.outer, marked.map((o) => o.outer), previous); if (near) { ref = near; how += '-near' } }
      if (!ref) messages.push(msg('quotes', 'no-speaker', `Expected a speaker for the quotation, got none (${how})`, 'info', q.inner))
      quotes.push({ id: `${docId}:q${quotes.length + 1}`, start: q.inner.start, end: q.inner.end, speaker: ref, text: inner, produced_by: quoteProducedBy(how) })
      if (ref) {
        previous = ref
        if (syn) syn.spoke(bySyntax?.ref === ref ? bySyntax.mention.start : q.outer.end, ref)
      }
    }
  }
  return { quotes, messages }
}

/** Direct quotes with speakers: the subject of the speech verb in the parse, resolved through the entities layer. */
export function quotesStage() {
  return defineStage({
    name: 'quotes', requires: ['paragraphs', 'tokens', 'sentences', 'syntax', 'entities'], produces: ['quotes'],
    run(doc, { paragraphs, tokens, sentences, syntax, entities }) {
      const { quotes, messages } = findQuotes(doc.text, paragraphs, sentences, entities, doc.id, undefined, { tokens, syntax })
      return { layers: { quotes }, messages }
    },
  })
}
