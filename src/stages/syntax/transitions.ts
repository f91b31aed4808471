/**
 * Arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011) with the artificial root at the END of
 * the buffer (Ballesteros & Nivre 2013), and its dynamic oracle (Goldberg & Nivre 2013): the cost of a transition
 * is the number of gold arcs it makes unreachable.
 *
 * Words are 1..n, the root is n+1, 0 means "none". SHIFT moves b0 onto the stack; LEFT attaches s0 to b0 and pops
 * it; RIGHT attaches s0 to s1 and pops it. LEFT onto the root is allowed only when s0 is the only stack word, so
 * a finished parse has exactly one word under the root.
 */
import { LEFT, RIGHT, SHIFT } from './syntax.data.js'

/** Parser configuration with per-word child bookkeeping for features. */
export class State {
  n = 0
  /** stack of word ids; sp = its size */
  stack: Int32Array = new Int32Array(8)
  sp = 0
  /** front of the buffer (n+1 = only the root left) */
  b = 1
  head: Int32Array = new Int32Array(8)
  /** label id + 1 (0 = no label yet) */
  lab: Int32Array = new Int32Array(8)
  /** leftmost, second leftmost, rightmost, second rightmost child (0 = none) */
  lc1: Int32Array = new Int32Array(8)
  lc2: Int32Array = new Int32Array(8)
  rc1: Int32Array = new Int32Array(8)
  rc2: Int32Array = new Int32Array(8)
  /** number of left / right children, and bit sets of their labels */
  nl: Int32Array = new Int32Array(8)
  nr: Int32Array = new Int32Array(8)
  lset: Int32Array = new Int32Array(8)
  rset: Int32Array = new Int32Array(8)

  /** One buffer holding the 11 per-word arrays above, each `stride` = n+3 long (so a copy is one move). */
  private buf: Int32Array = new Int32Array(0)
  private stride = 0

  /** Lays the per-word arrays out for n words (the buffer is reused between sentences). */
  private layout(n: number): void {
    const k = n + 3
    if (this.buf.length < 11 * k) this.buf = new Int32Array(11 * k * 2)
    if (this.stride === k) return
    this.stride = k
    const v = (i: number): Int32Array => this.buf.subarray(i * k, i * k + k)
    this.stack = v(0); this.head = v(1); this.lab = v(2); this.lc1 = v(3); this.lc2 = v(4); this.rc1 = v(5); this.rc2 = v(6)
    this.nl = v(7); this.nr = v(8); this.lset = v(9); this.rset = v(10)
  }

  /** Starts a parse of n words (arrays are reused between sentences). */
  reset(n: number): this {
    this.layout(n)
    this.buf.fill(0, 0, 11 * (n + 3))
    this.n = n
    this.sp = 0
    this.b = 1
    return this
  }

  /** Makes this state a copy of o (the beam's successor states; buffers are reused). */
  copyFrom(o: State): this {
    this.layout(o.n)
    this.n = o.n; this.sp = o.sp; this.b = o.b
    this.buf.set(o.buf.subarray(0, 11 * o.stride))
    return this
  }

  get root(): number { return this.n + 1 }
  get s0(): number { return this.sp > 0 ? this.stack[this.sp - 1]! : 0 }
  get s1(): number { return this.sp > 1 ? this.stack[this.sp - 2]! : 0 }
  get s2(): number { return this.sp > 2 ? this.stack[this.sp - 3]! : 0 }
  get done(): boolean { return this.sp === 0 && this.b === this.n + 1 }

  /** True when transition t may be applied now. */
  valid(t: number): boolean {
    if (t === SHIFT) return this.b <= this.n
    if (t === LEFT) return this.sp > 0 && (this.b <= this.n || this.sp === 1)
    return this.sp > 1
  }

  /** Applies transition t; an arc gets label id `label` (-1 = none yet). */
  apply(t: number, label = -1): void {
    if (t === SHIFT) { this.stack[this.sp++] = this.b++; return }
    const d = this.stack[--this.sp]!
    this.arc(t === LEFT ? this.b : this.stack[this.sp - 1]!, d, label)
  }

  /** The head and dependent the arc transition t would make now. */
  arcOf(t: number): { h: number; d: number } {
    return { h: t === LEFT ? this.b : this.s1, d: this.s0 }
  }

  private arc(h: number, d: number, label: number): void {
    this.head[d] = h
    this.lab[d] = label + 1
    const bit = label >= 0 ? 1 << (label & 31) : 0
    if (d < h) {
      if (this.lc1[h] === 0 || d < this.lc1[h]!) { this.lc2[h] = this.lc1[h]!; this.lc1[h] = d } else if (this.lc2[h] === 0 || d < this.lc2[h]!) this.lc2[h] = d
      this.nl[h]!++
      this.lset[h]! |= bit
    } else {
      if (d > this.rc1[h]!) { this.rc2[h] = this.rc1[h]!; this.rc1[h] = d } else if (d > this.rc2[h]!) this.rc2[h] = d
      this.nr[h]!++
      this.rset[h]! |= bit
    }
  }

  /** Sets the label of an arc already made (the label classifier runs after the transition classifier). */
  setLabel(d: number, label: number): void {
    this.lab[d] = label + 1
    const h = this.head[d]!, bit = 1 << (label & 31)
    if (d < h) this.lset[h]! |= bit
    else this.rset[h]! |= bit
  }
}

/**
 * Gold trees for the oracle: heads (1-based, root = n+1) and, per word, its gold dependents.
 */
export class Gold {
  readonly deps: number[][]
  constructor(readonly heads: Int32Array) {
    this.deps = Array.from({ length: heads.length }, () => [])
    for (let d = 1; d < heads.length - 1; d++) this.deps[heads[d]!]!.push(d)
  }

  /** From CoNLL-U heads (0 = root) of n words. */
  static fromConllu(heads: readonly number[]): Gold {
    const n = heads.length
    const h = new Int32Array(n + 2)
    heads.forEach((x, i) => { h[i + 1] = x === 0 ? n + 1 : x })
    return new Gold(h)
  }
}

/** Gold dependents of w still in the buffer (ids >= b). */
function depsInBuffer(g: Gold, w: number, b: number): number {
  let c = 0
  for (const d of g.deps[w]!) if (d >= b) c++
  return c
}

/** Cost of transition t in state s (gold arcs made unreachable); Infinity when t is not valid. */
export function cost(s: State, g: Gold, t: number): number {
  if (!s.valid(t)) return Infinity
  const { b, sp, stack } = s
  const root = s.n + 1
  const gh = g.heads
  if (t === SHIFT) {
    // b0 goes onto the stack: it can no longer take a head from the stack below s0 (or the root if the stack
    // is not empty), nor any dependent on the stack
    let c = 0
    const h = gh[b]!
    for (let k = 0; k < sp; k++) {
      const x = stack[k]!
      if (gh[x] === b) c++
      if (x === h && k < sp - 1) c++
    }
    if (h === root && sp > 0) c++
    return c
  }
  const s0 = stack[sp - 1]!
  let c = depsInBuffer(g, s0, b)
  const h = gh[s0]!
  if (t === LEFT) {
    if (h !== b) {
      if (h === root) { if (sp === 1) c++ } else if (h > b || (sp > 1 && h === stack[sp - 2])) c++
    }
    return c
  }
  // RIGHT: s0 can no longer take its head from the buffer (the root is out of reach once the stack has two words)
  if (h >= b && h !== root) c++
  return c
}

/**
 * The static oracle's transition sequence of a projective gold tree (2n moves): the first zero-cost move in the
 * order LEFT, RIGHT, SHIFT (arcs as soon as a word has all its dependents). The gold path of beam training.
 */
export function oracleSequence(g: Gold, n: number, s = new State()): Int8Array {
  s.reset(n)
  const seq = new Int8Array(2 * n)
  for (let t = 0; t < 2 * n; t++) {
    const m = cost(s, g, LEFT) === 0 ? LEFT : cost(s, g, RIGHT) === 0 ? RIGHT : cost(s, g, SHIFT) === 0 ? SHIFT : -1
    if (m < 0) throw new Error('oracleSequence: no zero-cost move (non-projective tree?)')
    seq[t] = m
    s.apply(m)
  }
  return seq
}

/** Transitions in preference order for ties among zero-cost moves. */
export const MOVES = [SHIFT, LEFT, RIGHT] as const
export { SHIFT, LEFT, RIGHT }
