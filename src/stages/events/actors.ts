import type { ActorRef, Entity, EntityType, Sentence } from '../../doc/layers.js'
import type { Span } from '../../doc/span.js'
import { DETERMINERS, PREPOSITIONS } from './actors.data.js'
import { sentenceChunks } from './chunks.js'

/** An actor phrase in the text: an entity mention, or a rule-found name, pronoun or role description. */
export interface ActorMention extends Span {
  readonly text: string
  readonly ref: ActorRef | null
  readonly type: EntityType | 'UNKNOWN'
  readonly kind: 'name' | 'pronoun' | 'role'
  readonly pron?: 'person' | 'thing' | 'group'
}

/** Clause boundaries: punctuation, quotation marks and clause-opening words. */
const BOUNDARY_RE = /[,;:()\u2014\u2013“”"]|\s-\s|\b(?:that|which|who|whom|where|when|while|but|whereas|because|although|as saying)\b/gu
/** Segments that open a sentence without its subject ("In the meeting,", "Last week,"). */
const LEADING_ADVERBIAL = /^\s*(?:in|on|at|during|after|before|following|according|earlier|last|this|as|while|when|since|meanwhile|so far)\b/iu
/** Lower-cased words just before `pos`, not crossing punctuation (a sentence end, a comma, a quotation mark). */
function wordsBefore(text: string, pos: number): string[] {
  const window = text.slice(Math.max(0, pos - 40), pos)
  const cut = Math.max(...[...'.!?,;:“”"()—'].map((c) => window.lastIndexOf(c)))
  return window.slice(cut + 1).toLowerCase().match(/[\p{L}'’-]+/gu) ?? []
}
const slug = (name: string): string => 'x:' + name.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-')

/** Actor mentions of a document, with pronoun and role resolution and clause-level subject/object lookup. */
export class ActorIndex {
  readonly mentions: ActorMention[]
  private readonly resolved = new Map<ActorMention, ActorRef | null>()

  constructor(readonly text: string, readonly sentences: readonly Sentence[], entities: readonly Entity[]) {
    const fromEntities: ActorMention[] = entities.flatMap((e) => e.mentions.map((m) => ({
      start: m.start, end: m.end, text: text.slice(m.start, m.end), ref: { actor: e.actor, name: e.name }, type: e.type, kind: 'name' as const,
    })))
    fromEntities.sort((a, b) => a.start - b.start)
    const chunks = sentences.flatMap((s) => sentenceChunks(text, s))
    const lastNames = new Map<string, string>()
    for (const c of chunks) if (c.type === 'PERSON' && c.kind === 'name' && c.name.includes(' ')) { const l = c.name.split(' ').pop()!; if (!lastNames.has(l)) lastNames.set(l, c.name) }
    for (const e of entities) if (e.type === 'PERSON') { const l = e.name.split(' ').pop()!; if (!lastNames.has(l)) lastNames.set(l, e.name) }
    const seen = new Set(chunks.filter((c) => !c.initial).map((c) => c.text))
    const extra: ActorMention[] = []
    for (const c of chunks) {
      if (c.initial && !lastNames.has(c.text) && !seen.has(c.text)) continue
      if (fromEntities.some((m) => m.start < c.end && c.start < m.end)) continue
      if (c.kind !== 'name') { extra.push({ start: c.start, end: c.end, text: c.text, ref: null, type: c.type, kind: c.kind, pron: c.pron }); continue }
      const full = !c.name.includes(' ') && c.type !== 'GPE' ? lastNames.get(c.name) : undefined
      const ent = entities.find((e) => e.name === (full ?? c.name))
      const name = full ?? c.name
      const type = full ? 'PERSON' : c.type
      extra.push({ start: c.start, end: c.end, text: c.text, ref: ent ? { actor: ent.actor, name: ent.name } : { actor: slug(name), name }, type: ent?.type ?? type, kind: 'name' })
    }
    this.mentions = [...fromEntities, ...extra].sort((a, b) => a.start - b.start || b.end - a.end)
    this.resolvePronouns()
  }

  /** The actor a mention stands for (pronouns and role descriptions resolved to the last person subject). */
  refOf(m: ActorMention | null | undefined): ActorRef | null {
    if (!m) return null
    return m.kind === 'name' ? m.ref : this.resolved.get(m) ?? null
  }

  /** Mentions lying inside `[start, end)`. */
  within(start: number, end: number): ActorMention[] { return this.mentions.filter((m) => m.start >= start && m.end <= end) }

  /** True when the words just before `pos` are a preposition (optionally + determiner/adjective): not a subject. */
  afterPreposition(pos: number): boolean {
    // the head of a possessive phrase ("Iran's Supreme Council") is placed where its possessor is
    const poss = /['’]s\s+$/u.exec(this.text.slice(Math.max(0, pos - 4), pos))
    if (poss) { const owner = this.mentions.find((m) => m.end === pos - poss[0].length); if (owner) return this.afterPreposition(owner.start) }
    const before = wordsBefore(this.text, pos)
    const w1 = before.at(-1), w2 = before.at(-2), w3 = before.at(-3)
    if (!w1) return false
    return PREPOSITIONS.has(w1) || (DETERMINERS.has(w1) && !!w2 && PREPOSITIONS.has(w2)) || (!!w2 && DETERMINERS.has(w2) && !!w3 && PREPOSITIONS.has(w3) && !/^\p{Lu}/u.test(w1))
  }

  /** Clause segments of a sentence up to `end`: `[start, end)` pairs, in order. */
  segments(sent: Span, end = sent.end): Span[] {
    const out: Span[] = []
    const re = new RegExp(BOUNDARY_RE.source, 'gu')
    re.lastIndex = sent.start
    let from = sent.start
    let m: RegExpExecArray | null
    while ((m = re.exec(this.text)) && m.index < end) { out.push({ start: from, end: m.index }); from = m.index + m[0].length }
    out.push({ start: from, end })
    return out.filter((s) => s.end > s.start)
  }

  /** Subject of a verb at `pos`: the first non-prepositional actor of the nearest clause segment before it that has one. */
  subjectBefore(pos: number, sent: Span, skip: readonly Span[] = []): ActorMention | null {
    const segs = this.segments(sent, pos)
    for (let i = segs.length - 1; i >= 0; i--) {
      const c = this.candidates(segs[i], skip)
      if (c) return c
    }
    return null
  }

  /** Subject of a sentence's main clause: the first candidate after leading adverbial or prepositional segments. */
  sentenceSubject(sent: Span, skip: readonly Span[] = []): ActorMention | null {
    for (const seg of this.segments(sent)) {
      if (LEADING_ADVERBIAL.test(this.text.slice(seg.start, seg.end))) continue
      const c = this.candidates(seg, skip)
      if (c) return c
    }
    return null
  }

  private candidates(seg: Span, skip: readonly Span[]): ActorMention | undefined {
    return this.within(seg.start, seg.end).find((m) => !this.afterPreposition(m.start) && !this.nested(m) && !skip.some((k) => m.start >= k.start && m.end <= k.end))
  }

  /** Actors after `pos` in the same clause segment, each with the preposition before it ('' for a direct object). */
  after(pos: number, sent: Span, crossComma = false): { m: ActorMention; prep: string }[] {
    const seg = this.segments({ start: pos, end: sent.end }).find((s) => s.end > pos) ?? { start: pos, end: sent.end }
    const limit = crossComma ? sent.end : seg.end
    return this.within(pos, limit).filter((m) => !this.nested(m)).map((m) => ({ m, prep: this.prepBefore(m.start) }))
  }

  /** The preposition governing a phrase at `pos` ('' when none). */
  prepBefore(pos: number): string {
    const before = wordsBefore(this.text, pos)
    for (let k = before.length - 1; k >= Math.max(0, before.length - 3); k--) {
      if (PREPOSITIONS.has(before[k])) return before[k]
      if (!DETERMINERS.has(before[k]) && k === before.length - 1 && !/^(?:other|two|both)$/.test(before[k])) return ''
    }
    return ''
  }

  private nested(m: ActorMention): boolean { return this.mentions.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start) }

  /** Sentence subjects in order; pronouns/roles take the last person subject before them (subjects first, then others). */
  private resolvePronouns(): void {
    const subjects: { pos: number; ref: ActorRef | null; type: string }[] = []
    const resolve = (m: ActorMention): void => {
      if (m.kind !== 'name' && !this.resolved.has(m)) this.resolved.set(m, m.pron === 'person' || m.kind === 'role' ? lastPerson(subjects, m.start) : null)
    }
    for (const s of this.sentences) {
      const c = this.sentenceSubject(s)
      if (c) {
        resolve(c)
        subjects.push({ pos: c.start, ref: this.refOf(c), type: c.kind === 'name' ? c.type : c.pron === 'person' || c.kind === 'role' ? 'PERSON' : 'UNKNOWN' })
      }
      for (const m of this.within(s.start, s.end)) resolve(m)
    }
  }
}

function lastPerson(subjects: readonly { pos: number; ref: ActorRef | null; type: string }[], pos: number): ActorRef | null {
  for (let i = subjects.length - 1; i >= 0; i--) if (subjects[i].pos < pos && subjects[i].type === 'PERSON' && subjects[i].ref) return subjects[i].ref
  return null
}
