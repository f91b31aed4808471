import type { ActorRef, Entity, Sentence } from '../../doc/layers.js'
import type { Span } from '../../doc/span.js'
import { COPULAS, DETERMINERS, IRREGULAR_VERBS, PREPOSITIONS, TITLE_GAP_WORDS } from './actors.data.js'
import { REPORT_VERBS_RE } from './events.data.js'
import { buildMentions, nameRef, type ActorMention } from './mentions.js'
import { pairOf, resolvePronouns } from './pronouns.js'
import { countryOfDemonym } from './places.js'
import { lowerBound } from '../tokens/tokens.js'
import { readingCache } from '../../reading-caches.js'

/** Every match of a global regex over the text, as spans in order. */
function matchSpans(re: RegExp, text: string): Span[] {
  const out: Span[] = []
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) out.push({ start: m.index, end: m.index + m[0].length })
  return out
}

/** The spans of a start-sorted list lying inside `[start, end)`. */
function spansWithin<T extends Span>(sorted: readonly T[], start: number, end: number): T[] {
  const out: T[] = []
  for (let i = lowerBound(sorted, start); i < sorted.length && sorted[i].start < end; i++) if (sorted[i].end <= end) out.push(sorted[i])
  return out
}

export type { ActorMention } from './mentions.js'

/** Clause boundaries: punctuation, quotation marks and clause-opening words. */
const BOUNDARY_RE = /[,;:()\u2014\u2013“”"]|\s-\s|\b(?:that|which|who|whom|where|when|while|but|whereas|because|although|as saying)\b/g
/** Segments that open a sentence without its subject ("In the meeting,", "Last week,"). */
const LEADING_ADVERBIAL = /^\s*(?:in|on|at|during|after|before|following|according|earlier|last|this|as|while|when|since|meanwhile|so far)\b/iu
/** A dateline opening a story ("TEHRAN –", "MOSCOW, May 3 -"): the place it was filed from, never the subject. */
const DATELINE = /^\s*\p{Lu}[\p{Lu}\s.,'’]*(?:\s+\p{Lu}\p{Ll}+\.?\s+\d{1,2})?\s*$/u
/** What follows a dateline's place name: an optional date after a comma ("MOSCOW, May 3"), then a dash ("TEHRAN –", "TEHRAN-"). */
const DATELINE_TAIL = /^\s*(?:,[^\n–—-]{0,30})?\s*[-–—]/u
/** Words that are prepositions but can open a clause whose subject follows ("after Ukraine accused", "with forces deploying"). */
const CLAUSE_OPENERS = new Set(['after', 'before', 'since', 'until', 'with', 'as', 'while', 'when', 'because', 'although', 'once'])
/** Latin letters, apostrophes and hyphens (ASCII-mode regex: faster than \p{L} in this hot path). */
const WORD_CHARS = /[a-z\u00c0-\u024f'’-]+/g
const STOP_CHARS = new Set([...'.!?,;:“”"()—'])
/** Lower-cased words just before `pos`, not crossing punctuation (a sentence end, a comma, a quotation mark). */
function wordsBefore(text: string, pos: number): string[] {
  let from = pos
  while (from > 0 && from > pos - 40 && !STOP_CHARS.has(text[from - 1])) from--
  return text.slice(from, pos).toLowerCase().match(WORD_CHARS) ?? []
}

let CACHE = new WeakMap<readonly Entity[], ActorIndex>()
readingCache(() => { CACHE = new WeakMap() })
/** The actor index of a document, built once per entities layer and shared by the quotes and events stages. */
export function actorIndex(text: string, sentences: readonly Sentence[], entities: readonly Entity[]): ActorIndex {
  const hit = CACHE.get(entities)
  if (hit && hit.text === text && hit.sentences === sentences) return hit
  const idx = new ActorIndex(text, sentences, entities)
  CACHE.set(entities, idx)
  return idx
}

/** Actor mentions of a document, with pronoun and role resolution and clause-level subject/object lookup. */
export class ActorIndex {
  readonly mentions: ActorMention[]
  /** pronouns and roles, resolved on first use: many documents never ask */
  private resolved: Map<ActorMention, ActorRef | null> | null = null

  constructor(readonly text: string, readonly sentences: readonly Sentence[], entities: readonly Entity[]) {
    this.mentions = buildMentions(text, sentences, entities)
  }

  /** The actor a mention stands for (pronouns and role descriptions resolved to the last person subject). */
  refOf(m: ActorMention | null | undefined): ActorRef | null {
    if (!m) return null
    if (m.kind === 'name') return m.ref
    if (!this.resolved) this.resolved = resolvePronouns(this)
    return this.resolved.get(m) ?? null
  }

  /** Mentions lying inside `[start, end)` (binary search: the layer is sorted by start). */
  within(start: number, end: number): ActorMention[] {
    return spansWithin(this.mentions, start, end)
  }

  /** True when the words just before `pos` are a preposition (optionally + determiner/adjective): not a subject. */
  afterPreposition(pos: number): boolean {
    // the head of a possessive phrase ("Iran's Supreme Council") is placed where its possessor is
    const poss = /['’]s\s+$/u.exec(this.text.slice(Math.max(0, pos - 4), pos))
    if (poss) { const owner = this.mentions.find((m) => m.end === pos - poss[0].length); if (owner) return this.afterPreposition(owner.start) }
    const before = this.wordsAt(pos)
    const w1 = before.at(-1), w2 = before.at(-2), w3 = before.at(-3)
    if (!w1) return false
    return PREPOSITIONS.has(w1) || (DETERMINERS.has(w1) && !!w2 && PREPOSITIONS.has(w2)) || (!!w2 && DETERMINERS.has(w2) && !!w3 && PREPOSITIONS.has(w3) && !/^\p{Lu}/u.test(w1))
  }

  private reports: Span[] | null = null
  /** Reporting verbs ("said", "according to") inside `[start, end)`, found once per document. */
  reportVerbs(start: number, end: number): Span[] {
    this.reports ??= matchSpans(new RegExp(REPORT_VERBS_RE.source, 'gi'), this.text)
    return spansWithin(this.reports, start, end)
  }

  private bounds: Span[] | null = null
  /** Clause segments of `[sent.start, end)`, cut at the document's clause boundaries (found once per document). */
  segments(sent: Span, end = sent.end): Span[] {
    this.bounds ??= matchSpans(new RegExp(BOUNDARY_RE.source, 'g'), this.text)
    const b = this.bounds
    const lo = lowerBound(b, sent.start)
    const out: Span[] = []
    let from = sent.start
    for (let i = lo; i < b.length && b[i].start < end; i++) { if (b[i].start > from) out.push({ start: from, end: b[i].start }); from = b[i].end }
    if (end > from) out.push({ start: from, end })
    return out
  }

  /**
   * Subject of a verb at `pos`. In the verb's own clause segment: the nearest candidate before it, or the first one
   * when an "and" separates them (a shared subject: "X met Y and discussed"). Further back: the first candidate of the
   * nearest segment that has one, skipping appositions ("X, the former minister, visited").
   */
  subjectBefore(pos: number, sent: Span, skip: readonly Span[] = []): ActorMention | null {
    const segs = this.segments(sent, pos)
    // (mentions are sorted by start: only those starting in the sentence before `pos` are looked at, not the page's)
    let adjacent: ActorMention | undefined
    for (let k = lowerBound(this.mentions, sent.start); k < this.mentions.length && this.mentions[k]!.start < pos; k++) {
      const m = this.mentions[k]!
      if (m.end <= pos && /^\s+(?:(?:also|has|have|had|then|later|quickly)\s+)?$/u.test(this.text.slice(m.end, pos)) && !skip.some((x) => m.start >= x.start && m.end <= x.end) && !this.nested(m) && !this.isDateline(m)) { adjacent = m; break }
    }
    // a name right before the verb is its subject, also after "after" or "with" ("after Ukraine accused", "with Russian forces deploying")
    if (adjacent && !this.afterVerb(adjacent.start) && !this.modifiesPerson(adjacent) && (!this.afterPreposition(adjacent.start) || CLAUSE_OPENERS.has(this.wordsAt(adjacent.start).at(-1) ?? ''))) return adjacent
    for (let i = segs.length - 1; i >= 0; i--) {
      if (i < segs.length - 1 && i > 0 && /^\s*(?:the|a|an)\s/iu.test(this.text.slice(segs[i].start, segs[i].end))) { const o = this.openerSubject(segs[i], skip); if (o) return o; continue }
      // a relative clause ("X, who was Y's minister, met Z") describes the subject; it never holds it
      if (i < segs.length - 1 && i > 0 && /\b(?:who|which|whom)\s*$/iu.test(this.text.slice(Math.max(0, segs[i].start - 8), segs[i].start))) continue
      const all = this.allCandidates(segs[i], skip)
      if (!all.length) {
        // "a day after X, the Y of Z, promised": a clause opener's object that ends its segment, before the verb's segment
        const opened = i < segs.length - 1 ? this.openerSubject(segs[i], skip) : null
        if (opened) return opened
        continue
      }
      if (i < segs.length - 1) return all[0]
      // a name right before the verb is its subject even after a subordinating "after"/"before" ("after Ukraine accused")
      const and = this.text.slice(segs[i].start, pos).search(/\band\s+(?:\S+\s+){0,2}$/u)
      const after = and >= 0 ? all.filter((m) => m.start > segs[i].start + and) : all
      return after.length ? after[after.length - 1] : all[0]
    }
    return null
  }

  /** The last mention of a segment when it follows a clause-opening word ("after", "since") and ends the segment. */
  private openerSubject(seg: Span, skip: readonly Span[]): ActorMention | null {
    const last = this.within(seg.start, seg.end).filter((m) => !this.nested(m) && !skip.some((k) => m.start >= k.start && m.end <= k.end)).at(-1)
    if (!last || !/^\s*$/u.test(this.text.slice(last.end, seg.end))) return null
    const opener = this.wordsAt(last.start).filter((w) => !DETERMINERS.has(w)).at(-1)
    return opener && CLAUSE_OPENERS.has(opener) && opener !== 'with' ? last : null
  }

  /** True when a name is followed by title words and then a person ("the Foreign Ministry spokeswoman X"): it modifies that person. */
  private readonly modifiers = new Map<ActorMention, boolean>()
  modifiesPerson(m: ActorMention): boolean {
    if (m.type === 'PERSON') return false
    let v = this.modifiers.get(m)
    if (v === undefined) { v = this.computeModifier(m); this.modifiers.set(m, v) }
    return v
  }

  private computeModifier(m: ActorMention): boolean {
    const next = this.within(m.end, m.end + 80).find((o) => o.start >= m.end)
    if (!next || next.type !== 'PERSON') return false
    const gap = this.text.slice(m.end, next.start)
    if (!/^(?:['’]s)?\s+(?:[\p{L}.]+\s+){1,5}$/u.test(gap)) return false
    return gap.replace(/^['’]s/u, '').trim().split(/\s+/u).every((w) => TITLE_GAP_WORDS.has(w.toLowerCase().replace(/\.$/u, '')))
  }

  /** A nationality adjective in `[start, end)` as its country ("requested advanced Russian systems" → Russia). */
  demonymAfter(start: number, end: number): ActorMention | undefined {
    const m = /\b(\p{Lu}\p{Ll}+)\s+\p{Ll}/u.exec(this.text.slice(start, end))
    const country = m && countryOfDemonym(m[1])
    if (!m || !country) return undefined
    const ent = this.mentions.find((x) => x.ref?.name === country)
    const at = start + m.index
    return { start: at, end: at + m[1].length, text: m[1], ref: ent?.ref ?? nameRef(country), type: 'GPE', kind: 'name' }
  }

  /** A pair description ("the two countries", or "they" right after one): the two actors it stands for. */
  pairOf(m: ActorMention): [ActorRef, ActorRef] | null { return pairOf(this, m) }

  /** Subject of a sentence's main clause: the first candidate after leading adverbial or prepositional segments. */
  sentenceSubject(sent: Span, skip: readonly Span[] = []): ActorMention | null {
    const segs = this.segments(sent)
    for (const seg of segs) {
      const s = this.text.slice(seg.start, seg.end)
      if (LEADING_ADVERBIAL.test(s) || (seg === segs[0] && segs.length > 1 && DATELINE.test(s))) continue
      const c = this.candidates(seg, skip)
      if (c) return c
    }
    return null
  }

  private candidates(seg: Span, skip: readonly Span[]): ActorMention | undefined { return this.allCandidates(seg, skip)[0] }

  /** Mentions of a segment that can be subjects: not after a preposition or a verb, not nested, not skipped. */
  private allCandidates(seg: Span, skip: readonly Span[]): ActorMention[] {
    return this.within(seg.start, seg.end).filter((m) => !this.afterPreposition(m.start) && !this.afterVerb(m.start) && !this.afterCopula(m.start) && !this.nested(m) && !this.modifiesPerson(m) && !this.isDateline(m) && !skip.some((k) => m.start >= k.start && m.end <= k.end))
  }

  /**
   * True for the place name of a dateline opening a sentence ("TEHRAN –", "TEHRAN- An advisor …", "MOSCOW, May 3 -"):
   * where the story was filed from, never who speaks or acts, whether or not a space stands before the dash.
   */
  isDateline(m: ActorMention): boolean {
    if (!/^[\p{Lu}\s.'’-]+$/u.test(m.text) || !/\p{Lu}{2}/u.test(m.text) || !DATELINE_TAIL.test(this.text.slice(m.end, m.end + 40))) return false
    const sent = this.sentences[lowerBound(this.sentences, m.start + 1) - 1]
    return !sent || /^[\s"“]*$/u.test(this.text.slice(sent.start, m.start))
  }

  /** True when a copula stands right before `pos` (after a possible determiner): a predicate noun, not a subject. */
  afterCopula(pos: number): boolean {
    const w = this.wordsAt(pos)
    const k = w.length - 1
    return k >= 0 && (COPULAS.has(w[k]) || (k > 0 && DETERMINERS.has(w[k]) && COPULAS.has(w[k - 1])))
  }

  /** True when a verb form ends right before `pos` ("accused Russia", "assassinating X"): an object, not a subject. */
  afterVerb(pos: number): boolean {
    const w = this.wordsAt(pos).at(-1)
    return !!w && ((!w.includes('-') && /(?:ed|ing)$/u.test(w) && !/^(?:red|bed|need|united|led)$/u.test(w)) || IRREGULAR_VERBS.has(w))
  }

  /** Actors after `pos` in the same clause segment, each with the preposition before it ('' for a direct object). */
  after(pos: number, sent: Span, crossComma = false): { m: ActorMention; prep: string }[] {
    const seg = this.segments({ start: pos, end: sent.end }).find((s) => s.end > pos) ?? { start: pos, end: sent.end }
    const limit = crossComma ? sent.end : seg.end
    return this.within(pos, limit).filter((m) => !this.nested(m)).map((m) => ({ m, prep: this.prepBefore(m.start) }))
  }

  /** The preposition governing a phrase at `pos` ('' when none): skips determiners, titles and adjectives, stops at a verb. */
  private readonly preps = new Map<number, string>()
  prepBefore(pos: number): string {
    let v = this.preps.get(pos)
    if (v === undefined) { v = this.computePrep(pos); this.preps.set(pos, v) }
    return v
  }

  private computePrep(pos: number): string {
    const raw = this.text.slice(Math.max(0, pos - 60), pos)
    const window = !/\bof\s+(?:the\s+)?$/i.test(raw) ? raw : raw.replace(/\b(?:a\s+(?:number|series|group|range|handful)|dozens|hundreds|scores|several|some|many|all|each|most|one|two|three)\s+of\s+(?:the\s+)?$/iu, '')
    const before = wordsBefore(window, window.length)
    for (let k = before.length - 1; k >= Math.max(0, before.length - 4); k--) {
      const w = before[k]
      if (PREPOSITIONS.has(w)) return w
      if ((!w.includes('-') && /(?:ed|ing)$/u.test(w)) || IRREGULAR_VERBS.has(w)) return ''
      if (['and', 'or', 'to', 'that', 'is', 'was', 'are', 'were', 'has', 'have', 'had'].includes(w)) return w === 'to' ? 'to' : ''
    }
    return ''
  }

  private nestedSet: Set<ActorMention> | null = null
  /** True when a longer mention holds this one (computed once: mentions are sorted by start, longest first). */
  nested(m: ActorMention): boolean {
    if (!this.nestedSet) {
      this.nestedSet = new Set()
      let cover: ActorMention | null = null
      for (const o of this.mentions) {
        if (cover && o.start >= cover.start && o.end <= cover.end && o.end - o.start < cover.end - cover.start) this.nestedSet.add(o)
        else if (!cover || o.end > cover.end) cover = o
      }
    }
    return this.nestedSet.has(m)
  }
  private readonly before = new Map<number, string[]>()
  /** Cached lower-cased words before a position. */
  private wordsAt(pos: number): string[] {
    let w = this.before.get(pos)
    if (!w) { w = wordsBefore(this.text, pos); this.before.set(pos, w) }
    return w
  }
}
