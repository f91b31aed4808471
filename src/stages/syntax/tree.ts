/**
 * Queries over a document's dependency trees: the `syntax` layer read together with the `tokens` layer and the
 * text. All indices are token indices of the document; -1 means "none". Relations match by their universal part
 * when asked without a subtype (`obl` matches `obl:tmod`), exactly when asked with one (`nsubj:pass`).
 */
import type { SyntaxToken, Token } from '../../doc/layers.js'

const SUBJECT = ['nsubj', 'csubj']
const NEGATION = new Set(['not', "n't", 'n’t', 'never', 'no', 'nt'])
/** Relations whose dependent inherits a missing subject from its head (control, coordination, adverbial clauses). */
const INHERITS_SUBJECT = new Set(['xcomp', 'conj', 'advcl'])

/** Matches a relation against an asked one (see module doc). */
export function relIs(rel: string, asked: string): boolean {
  if (rel === asked) return true
  return !asked.includes(':') && rel.length > asked.length && rel.charCodeAt(asked.length) === 58 && rel.startsWith(asked)
}

/** A read-only view of one document's dependency trees. */
export class SyntaxView {
  private readonly kids: number[][]
  private spans: ({ start: number; end: number } | undefined)[] = []

  constructor(readonly text: string, readonly tokens: readonly Token[], readonly syntax: readonly SyntaxToken[]) {
    this.kids = Array.from({ length: syntax.length }, () => [])
    for (let i = 0; i < syntax.length; i++) {
      const h = syntax[i]!.head
      if (h >= 0 && h < syntax.length && h !== i) this.kids[h]!.push(i)
    }
  }

  get length(): number { return this.syntax.length }
  head(i: number): number { return this.syntax[i]?.head ?? -1 }
  rel(i: number): string { return this.syntax[i]?.deprel ?? '' }
  upos(i: number): string { return this.syntax[i]?.upos ?? '' }
  lemma(i: number): string { return this.syntax[i]?.lemma ?? '' }
  word(i: number): string { const t = this.tokens[i]; return t ? this.text.slice(t.start, t.end) : '' }

  /** Dependents of i in token order. */
  children(i: number): readonly number[] { return this.kids[i] ?? [] }

  /** Dependents of i with one of the relations (all dependents when none is given). */
  dependents(i: number, ...rels: string[]): number[] {
    const k = this.children(i)
    return rels.length ? k.filter((c) => rels.some((r) => relIs(this.rel(c), r))) : k.slice()
  }

  /**
   * Subject of v: its nsubj/csubj (any subtype); for an xcomp, conj or advcl without one, the controlling subject
   * (the head's object for an xcomp under a verb with an object: "urged Iran to stop"), else the head's subject.
   */
  subject(v: number): number {
    for (let x = v, steps = 0; x >= 0 && steps < 20; steps++) {
      const own = this.children(x).find((c) => SUBJECT.some((r) => relIs(this.rel(c), r)))
      if (own !== undefined) return own
      const r = this.rel(x).split(':')[0]!
      if (!INHERITS_SUBJECT.has(r)) return -1
      const h = this.head(x)
      if (h < 0) return -1
      if (r === 'xcomp') {
        const obj = this.children(h).find((c) => relIs(this.rel(c), 'obj') || relIs(this.rel(c), 'iobj'))
        if (obj !== undefined) return obj
      }
      x = h
    }
    return -1
  }

  /** Objects of v (obj, iobj) and their conjuncts, in token order. */
  objects(v: number): number[] {
    const out: number[] = []
    for (const o of this.dependents(v, 'obj', 'iobj')) out.push(o, ...this.conjuncts(o))
    return out.sort((a, b) => a - b)
  }

  /** The passive agent of v: an obl:agent dependent, or an obl with case "by" under a passive verb; -1. */
  agent(v: number): number {
    const a = this.children(v).find((c) => this.rel(c) === 'obl:agent')
    if (a !== undefined) return this.activeArgs(v) ? -1 : a
    if (!this.isPassive(v)) return -1
    return this.dependents(v, 'obl').find((c) => this.caseOf(c).toLowerCase() === 'by') ?? -1
  }

  /** obl and nmod dependents of v with their case marker ('' when none; multiword markers joined: "on behalf of"). */
  obliques(v: number): { prep: string; head: number }[] {
    return this.dependents(v, 'obl', 'nmod').map((head) => ({ prep: this.caseOf(head), head }))
  }

  /** The case marker words of a nominal (with their fixed parts), joined by spaces. */
  caseOf(n: number): string {
    const parts: number[] = []
    for (const c of this.children(n)) if (relIs(this.rel(c), 'case')) parts.push(c, ...this.dependents(c, 'fixed'))
    return parts.sort((a, b) => a - b).map((i) => this.word(i)).join(' ')
  }

  /**
   * The clausal complement of a (speech) verb: its ccomp or xcomp, else its parataxis dependent; when v itself
   * is a parataxis ("The talks failed, he said"), the clause it comments on. -1 when none.
   */
  clause(v: number): number {
    const c = this.dependents(v, 'ccomp', 'xcomp')[0] ?? this.dependents(v, 'parataxis')[0]
    if (c !== undefined) return c
    return relIs(this.rel(v), 'parataxis') ? this.head(v) : -1
  }

  /** True when v has a passive auxiliary or a passive subject (or a "by" agent). */
  isPassive(v: number): boolean {
    // an "agent" not introduced by "by" is a misread oblique ("X said, according to the agency"), not a passive; nor is a
    // "by" phrase of a verb with an active subject or an object (`activeArgs`)
    const active = this.activeArgs(v)
    return this.children(v).some((c) => { const r = this.rel(c); return r === 'aux:pass' || r === 'nsubj:pass' || r === 'csubj:pass' || (r === 'obl:agent' && !active && /^(?:by)?$/i.test(this.caseOf(c))) })
  }

  /** True when v has an active subject or a direct object: a "by" phrase of it is no agent ("X rejected accusations by Y": the accusations' author). */
  private activeArgs(v: number): boolean {
    return this.children(v).some((c) => this.rel(c) === 'nsubj' || this.rel(c) === 'obj')
  }

  /** True when v has a negating dependent (not, n't, never, no; or an auxiliary token that contracts n't: "didn't"). */
  isNegated(v: number): boolean {
    return this.children(v).some((c) => {
      const r = this.rel(c).split(':')[0]
      const w = this.word(c).toLowerCase()
      return ((r === 'advmod' || r === 'det' || r === 'neg' || r === 'aux') && NEGATION.has(w)) || (r === 'aux' && (/n['’]t$/.test(w) || w === 'cannot'))
    })
  }

  /** The words coordinated with i (its conj dependents, and theirs), in token order. */
  conjuncts(i: number): number[] {
    const out: number[] = []
    const walk = (x: number, depth: number): void => {
      if (depth > 20) return
      for (const c of this.dependents(x, 'conj')) { out.push(c); walk(c, depth + 1) }
    }
    walk(i, 0)
    return out.sort((a, b) => a - b)
  }

  /** appos dependents of i. */
  appositions(i: number): number[] { return this.dependents(i, 'appos') }

  /** Character span of i's subtree. */
  span(i: number): { start: number; end: number } {
    const known = this.spans[i]
    if (known) return known
    const t = this.tokens[i]
    if (!t) return { start: -1, end: -1 }
    let start = t.start, end = t.end
    const stack = [i]
    const seen = new Set<number>([i])
    while (stack.length) {
      for (const c of this.children(stack.pop()!)) {
        if (seen.has(c)) continue
        seen.add(c)
        const ct = this.tokens[c]!
        if (ct.start < start) start = ct.start
        if (ct.end > end) end = ct.end
        stack.push(c)
      }
    }
    return (this.spans[i] = { start, end })
  }

  /** Index of the token covering a character offset, -1 when none does. */
  tokenAt(charOffset: number): number {
    let lo = 0, hi = this.tokens.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const t = this.tokens[mid]!
      if (charOffset < t.start) hi = mid - 1
      else if (charOffset >= t.end) lo = mid + 1
      else return mid
    }
    return -1
  }

  /** True for a clause head: a verb, or a word with a subject, a copula or an auxiliary, or a sentence root. */
  isPredicate(i: number): boolean {
    if (this.upos(i) === 'VERB') return true
    return this.children(i).some((c) => { const r = this.rel(c).split(':')[0]; return r === 'nsubj' || r === 'csubj' || r === 'cop' })
  }

  /** The nearest predicate among i's ancestors (i itself when i is a verb or predicate); -1 when none. */
  predicateOf(i: number): number {
    for (let x = i, steps = 0; x >= 0 && steps < 100; x = this.head(x), steps++) if (this.isPredicate(x)) return x
    return -1
  }
}
