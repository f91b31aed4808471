/**
 * Greedy arc-hybrid dependency parser: a transition classifier (SHIFT/LEFT/RIGHT) and a label classifier run
 * when an arc is made, both averaged perceptrons over hashed features in the style of Zhang & Nivre (2011):
 * words, tags and clusters of s0-s2 and b0-b2, their pairs and triples, the distance s0-b0, valencies, the
 * leftmost/rightmost children (and second ones) with their labels, and the label sets of s0's and b0's children.
 * Trained with the dynamic oracle and exploration (Goldberg & Nivre 2012, 2013); or, for the beam parser (`Beam`,
 * `BeamTrainer`), globally over a beam with max-violation or early updates (Zhang & Nivre 2011; Huang et al. 2012).
 */
import { mix } from '../entities/ner/features.js'
import { argmax, QuantizedScorer, type Averaged, type RowScorer } from './perceptron.js'
import { N_MOVES, N_TAGS, LABEL_HASH_BITS, LEFT, PARSER_HASH_BITS, RIGHT, SHIFT } from './syntax.data.js'
import { cost, Gold, State } from './transitions.js'
import { readingCache } from '../../reading-caches.js'
export { oracleSequence } from './transitions.js'

const MASK = (1 << PARSER_HASH_BITS) - 1
const LMASK = (1 << LABEL_HASH_BITS) - 1
/** Tag values of the root and of "no word". */
const ROOT_TAG = N_TAGS, NIL_TAG = N_TAGS + 1
const ROOT_HASH = 0x5a17c0de, NIL_HASH = 0x0badf00d
export const PARSE_MAX_ROWS = 128
export const LABEL_MAX_ROWS = 48

/** One sentence as the parser sees it: per word (1..n; n+1 = root, 0 = none) its lower-case hash, tag, cluster, suffix. */
export interface ParseInput {
  readonly n: number
  readonly W: Int32Array
  readonly T: Int32Array
  readonly C: Int32Array
  readonly S: Int32Array
}

/** Builds the parser's per-word arrays from word hashes and tag ids. */
export function parseInput(words: readonly { readonly h: { readonly lower: number; readonly fine: number }; readonly suf3: number }[], tags: ArrayLike<number>): ParseInput {
  const n = words.length
  const W = new Int32Array(n + 2), T = new Int32Array(n + 2), C = new Int32Array(n + 2), S = new Int32Array(n + 2)
  W[0] = C[0] = S[0] = NIL_HASH; T[0] = NIL_TAG
  W[n + 1] = C[n + 1] = S[n + 1] = ROOT_HASH; T[n + 1] = ROOT_TAG
  for (let i = 0; i < n; i++) {
    const w = words[i]!
    W[i + 1] = w.h.lower; T[i + 1] = tags[i]!; C[i + 1] = w.h.fine; S[i + 1] = w.suf3
  }
  return { n, W, T, C, S }
}

const dist = (a: number, b: number): number => { const d = Math.abs(b - a); return d < 5 ? d : d < 7 ? 5 : d < 10 ? 6 : 7 }

/**
 * The row buffer and write position of the feature writers f and g below. They are module state rather than
 * closures made in each feature function: those were allocated on every call, several times per parser state.
 */
let rowBuf: Int32Array = new Int32Array(0), rowAt = 0, labelDir = 0
readingCache(() => { rowBuf = new Int32Array(0); rowAt = 0; labelDir = 0 })
/** Writes the transition row of template t over values a, b. */
const f = (t: number, a: number, b = 0): void => { rowBuf[rowAt++] = (mix(t, a, b) >>> 0) & MASK }
/** Writes the relation row of template t over values a, b (for the arc direction set in labelDir). */
const g = (t: number, a: number, b = 0): void => { rowBuf[rowAt++] = (mix(t * 2 + labelDir + 1000, a, b) >>> 0) & LMASK }
/** Two tags as one value. */
const t2 = (a: number, b: number): number => a * 64 + b
/** The relation label (id + 1) of word w in a state's `lab`, 0 for no word. */
const L = (lab: Int32Array, w: number): number => w ? lab[w]! : 0

/** Writes the transition features of state s into buf; returns the count. */
export function stateRows(x: ParseInput, s: State, buf: Int32Array): number {
  const { W, T, C } = x
  const n = x.n
  const s0 = s.s0, s1 = s.s1, s2 = s.s2
  const b0 = s.b, b1 = b0 <= n ? b0 + 1 : 0, b2 = b1 > 0 && b1 <= n ? b1 + 1 : 0
  const { lc1, lc2, rc1, rc2, nl, nr, lset, rset, lab } = s
  const s0L = s0 ? lc1[s0]! : 0, s0L2 = s0 ? lc2[s0]! : 0, s0R = s0 ? rc1[s0]! : 0, s0R2 = s0 ? rc2[s0]! : 0
  const b0L = lc1[b0]!, b0L2 = lc2[b0]!
  const s1L = s1 ? lc1[s1]! : 0, s1R = s1 ? rc1[s1]! : 0
  const ws0 = W[s0]!, ts0 = T[s0]!, ws1 = W[s1]!, ts1 = T[s1]!, wb0 = W[b0]!, tb0 = T[b0]!, wb1 = W[b1]!, tb1 = T[b1]!
  const cs0 = C[s0]!, cs1 = C[s1]!, cb0 = C[b0]!, cb1 = C[b1]!
  const wts0 = mix(0, ws0, ts0), wtb0 = mix(0, wb0, tb0)
  const d = s0 ? dist(s0, b0) : 0
  const d1 = s0 && s1 ? dist(s1, s0) : 0
  rowBuf = buf; rowAt = 0
  f(0, 0)
  f(1, ws0); f(2, ts0); f(3, wts0); f(4, cs0)
  f(5, ws1); f(6, ts1); f(7, ws1, ts1); f(8, cs1)
  f(9, wb0); f(10, tb0); f(11, wtb0); f(12, cb0)
  f(13, wb1); f(14, tb1); f(15, wb1, tb1); f(16, cb1)
  f(17, W[b2]!); f(18, T[b2]!); f(19, W[s2]!); f(20, T[s2]!)
  f(21, wts0, wtb0); f(22, wts0, wb0); f(23, ws0, wtb0); f(24, wts0, tb0); f(25, ts0, wtb0)
  f(26, ws0, wb0); f(27, t2(ts0, tb0)); f(28, t2(tb0, tb1))
  f(29, t2(ts0, tb0), tb1); f(30, t2(ts1, ts0), tb0); f(31, t2(ts0, tb0), T[s0L]!); f(32, t2(ts0, tb0), T[s0R]!)
  f(33, t2(ts0, tb0), T[b0L]!); f(34, t2(tb0, tb1), T[b2]!); f(35, t2(ts1, ts0), T[s0L]!); f(36, t2(ts1, ts0), T[s1R]!)
  f(37, ws1, ws0); f(38, ts1, ws0); f(39, ws1, ts0); f(95, t2(ts1, ts0), T[s0R]!); f(96, t2(T[s2]!, ts1), ts0)
  f(40, ws0, d); f(41, ts0, d); f(42, wb0, d); f(43, tb0, d); f(44, t2(ts0, tb0), d); f(45, t2(ts1, ts0), d1); f(46, ws1, d1)
  f(47, ws0, s0 ? nr[s0]! : 0); f(48, ts0, s0 ? nr[s0]! : 0); f(49, ws0, s0 ? nl[s0]! : 0); f(50, ts0, s0 ? nl[s0]! : 0)
  f(51, wb0, nl[b0]!); f(52, tb0, nl[b0]!); f(53, ts1, s1 ? nr[s1]! * 16 + nl[s1]! : 0)
  f(54, W[s0L]!); f(55, T[s0L]!); f(56, L(lab, s0L)); f(57, W[s0R]!); f(58, T[s0R]!); f(59, L(lab, s0R))
  f(60, W[b0L]!); f(61, T[b0L]!); f(62, L(lab, b0L)); f(63, W[s1R]!); f(64, T[s1R]!); f(65, L(lab, s1R)); f(66, T[s1L]!); f(67, L(lab, s1L))
  f(68, T[s0L2]!); f(69, L(lab, s0L2)); f(70, T[s0R2]!); f(71, L(lab, s0R2)); f(72, T[b0L2]!); f(73, L(lab, b0L2))
  f(74, t2(ts0, T[s0L]!), T[s0L2]!); f(75, t2(ts0, T[s0R]!), T[s0R2]!); f(76, t2(tb0, T[b0L]!), T[b0L2]!)
  f(77, t2(ts0, L(lab, s0L)), L(lab, s0R)); f(78, t2(tb0, L(lab, b0L)), ts0)
  f(79, ws0, s0 ? lset[s0]! : 0); f(80, ws0, s0 ? rset[s0]! : 0); f(81, wb0, lset[b0]!)
  f(82, ts0, s0 ? lset[s0]! : 0); f(83, ts0, s0 ? rset[s0]! : 0); f(84, tb0, lset[b0]!)
  f(85, cs0, cb0); f(86, cs0, tb0); f(87, ts0, cb0); f(88, cs1, cs0); f(89, cb0, cb1); f(90, cs1, ts0); f(91, ts1, cs0)
  f(92, C[s0L]!); f(93, C[s0R]!); f(94, C[b0L]!)
  f(97, t2(ts0, tb0), t2(tb1, ts1)); f(98, wb0, tb1); f(99, tb0, wb1)
  return rowAt
}

/** Roles of a word in a parser state whose `stateRows` read that word alone (or its next two words, for B0). */
export const S0 = 0, S1 = 1, S2 = 2, B0 = 3
/** Number of roles; rows per role at most. */
export const POSITION_ROLES = 4
const POSITION_MAX_ROWS = 16

/**
 * The rows of `stateRows` that read one position alone, in one role: s0's, s1's or s2's word, tag and cluster, or
 * (B0, with the bias row) those of b0 and the two words after it. Written into buf from 0; returns the count. With
 * `stateContextRows` they are the same rows as `stateRows` (a test checks it), in another order: the run-time
 * parser sums them once per position and sentence (`PositionScores`), since its integer sums do not depend on the order.
 */
export function positionRows(x: ParseInput, p: number, role: number, buf: Int32Array): number {
  const { W, T, C } = x
  rowBuf = buf; rowAt = 0
  if (role === S0) { f(1, W[p]!); f(2, T[p]!); f(3, mix(0, W[p]!, T[p]!)); f(4, C[p]!) }
  else if (role === S1) { f(5, W[p]!); f(6, T[p]!); f(7, W[p]!, T[p]!); f(8, C[p]!) }
  else if (role === S2) { f(19, W[p]!); f(20, T[p]!) }
  else {
    const n = x.n, b1 = p <= n ? p + 1 : 0, b2 = b1 > 0 && b1 <= n ? b1 + 1 : 0
    const wb0 = W[p]!, tb0 = T[p]!, wb1 = W[b1]!, tb1 = T[b1]!
    f(0, 0)
    f(9, wb0); f(10, tb0); f(11, mix(0, wb0, tb0)); f(12, C[p]!)
    f(13, wb1); f(14, tb1); f(15, wb1, tb1); f(16, C[b1]!)
    f(17, W[b2]!); f(18, T[b2]!)
    f(28, tb0 * 64 + tb1); f(34, tb0 * 64 + tb1, T[b2]!); f(89, C[p]!, C[b1]!); f(98, wb0, tb1); f(99, tb0, wb1)
  }
  return rowAt
}

/** The rows of `stateRows` that read two positions or the state's arcs (the ones `positionRows` leaves out); returns the count. */
export function stateContextRows(x: ParseInput, s: State, buf: Int32Array): number {
  const { W, T, C } = x
  const n = x.n
  const s0 = s.s0, s1 = s.s1, s2 = s.s2
  const b0 = s.b, b1 = b0 <= n ? b0 + 1 : 0, b2 = b1 > 0 && b1 <= n ? b1 + 1 : 0
  const { lc1, lc2, rc1, rc2, nl, nr, lset, rset, lab } = s
  const s0L = s0 ? lc1[s0]! : 0, s0L2 = s0 ? lc2[s0]! : 0, s0R = s0 ? rc1[s0]! : 0, s0R2 = s0 ? rc2[s0]! : 0
  const b0L = lc1[b0]!, b0L2 = lc2[b0]!
  const s1L = s1 ? lc1[s1]! : 0, s1R = s1 ? rc1[s1]! : 0
  const ws0 = W[s0]!, ts0 = T[s0]!, ws1 = W[s1]!, ts1 = T[s1]!, wb0 = W[b0]!, tb0 = T[b0]!, tb1 = T[b1]!
  const cs0 = C[s0]!, cs1 = C[s1]!, cb0 = C[b0]!
  const wts0 = mix(0, ws0, ts0), wtb0 = mix(0, wb0, tb0)
  const d = s0 ? dist(s0, b0) : 0
  const d1 = s0 && s1 ? dist(s1, s0) : 0
  rowBuf = buf; rowAt = 0
  f(21, wts0, wtb0); f(22, wts0, wb0); f(23, ws0, wtb0); f(24, wts0, tb0); f(25, ts0, wtb0)
  f(26, ws0, wb0); f(27, t2(ts0, tb0))
  f(29, t2(ts0, tb0), tb1); f(30, t2(ts1, ts0), tb0); f(31, t2(ts0, tb0), T[s0L]!); f(32, t2(ts0, tb0), T[s0R]!)
  f(33, t2(ts0, tb0), T[b0L]!); f(35, t2(ts1, ts0), T[s0L]!); f(36, t2(ts1, ts0), T[s1R]!)
  f(37, ws1, ws0); f(38, ts1, ws0); f(39, ws1, ts0); f(95, t2(ts1, ts0), T[s0R]!); f(96, t2(T[s2]!, ts1), ts0)
  f(40, ws0, d); f(41, ts0, d); f(42, wb0, d); f(43, tb0, d); f(44, t2(ts0, tb0), d); f(45, t2(ts1, ts0), d1); f(46, ws1, d1)
  f(47, ws0, s0 ? nr[s0]! : 0); f(48, ts0, s0 ? nr[s0]! : 0); f(49, ws0, s0 ? nl[s0]! : 0); f(50, ts0, s0 ? nl[s0]! : 0)
  f(51, wb0, nl[b0]!); f(52, tb0, nl[b0]!); f(53, ts1, s1 ? nr[s1]! * 16 + nl[s1]! : 0)
  f(54, W[s0L]!); f(55, T[s0L]!); f(56, L(lab, s0L)); f(57, W[s0R]!); f(58, T[s0R]!); f(59, L(lab, s0R))
  f(60, W[b0L]!); f(61, T[b0L]!); f(62, L(lab, b0L)); f(63, W[s1R]!); f(64, T[s1R]!); f(65, L(lab, s1R)); f(66, T[s1L]!); f(67, L(lab, s1L))
  f(68, T[s0L2]!); f(69, L(lab, s0L2)); f(70, T[s0R2]!); f(71, L(lab, s0R2)); f(72, T[b0L2]!); f(73, L(lab, b0L2))
  f(74, t2(ts0, T[s0L]!), T[s0L2]!); f(75, t2(ts0, T[s0R]!), T[s0R2]!); f(76, t2(tb0, T[b0L]!), T[b0L2]!)
  f(77, t2(ts0, L(lab, s0L)), L(lab, s0R)); f(78, t2(tb0, L(lab, b0L)), ts0)
  f(79, ws0, s0 ? lset[s0]! : 0); f(80, ws0, s0 ? rset[s0]! : 0); f(81, wb0, lset[b0]!)
  f(82, ts0, s0 ? lset[s0]! : 0); f(83, ts0, s0 ? rset[s0]! : 0); f(84, tb0, lset[b0]!)
  f(85, cs0, cb0); f(86, cs0, tb0); f(87, ts0, cb0); f(88, cs1, cs0); f(90, cs1, ts0); f(91, ts1, cs0)
  f(92, C[s0L]!); f(93, C[s0R]!); f(94, C[b0L]!)
  f(97, t2(ts0, tb0), t2(tb1, ts1))
  return rowAt
}

/**
 * Per sentence, the transition scores of every position's `positionRows` in each role, summed once (a word is
 * s0, s1, s2 or b0 in several states: about a quarter of a state's rows are read again otherwise).
 */
export class PositionScores {
  private v = new Int32Array(0)
  private readonly rows = new Int32Array(POSITION_MAX_ROWS)
  /** Sums the rows of positions 0..n+1 (0 = none, n+1 = the root) of x in every role. */
  fill(moves: QuantizedScorer, x: ParseInput): void {
    const size = (x.n + 2) * POSITION_ROLES * N_MOVES
    if (this.v.length < size) this.v = new Int32Array(size * 2)
    this.v.fill(0, 0, size)
    for (let p = 0; p <= x.n + 1; p++) for (let role = 0; role < POSITION_ROLES; role++) {
      // the root is never on the stack, and b0 is never "none"
      if (p === x.n + 1 ? role !== B0 : p === 0 && role === B0) continue
      moves.addAll(this.rows, positionRows(x, p, role, this.rows), this.v, (p * POSITION_ROLES + role) * N_MOVES)
    }
  }
  /** Adds the position scores of state s (its s0, s1, s2 and b0) into acc[0..N_MOVES). */
  addTo(s: State, acc: Int32Array): void {
    const v = this.v, R = POSITION_ROLES * N_MOVES
    const a = s.s0 * R + S0 * N_MOVES, b = s.s1 * R + S1 * N_MOVES, c = s.s2 * R + S2 * N_MOVES, d = s.b * R + B0 * N_MOVES
    for (let m = 0; m < N_MOVES; m++) acc[m]! += v[a + m]! + v[b + m]! + v[c + m]! + v[d + m]!
  }
}

/** Writes the label features of the arc h -> d (dir 0: d left of h) into buf; returns the count. */
export function labelRows(x: ParseInput, s: State, h: number, d: number, buf: Int32Array): number {
  const { W, T, C, S } = x
  const dir = d < h ? 0 : 1
  const { lc1, rc1, lset, rset, lab } = s
  const dl = lc1[d]!, dr = rc1[d]!, hl = lc1[h]!, hr = rc1[h]!
  const th = T[h]!, td = T[d]!, wh = W[h]!, wd = W[d]!
  const thd = th * 64 + td
  const ds = dist(h, d)
  rowBuf = buf; rowAt = 0; labelDir = dir
  g(0, 0)
  g(1, wd); g(2, td); g(3, wh); g(4, th); g(5, thd); g(6, wh, td); g(7, th, wd); g(8, wh, wd)
  g(9, C[d]!); g(10, C[h]!); g(11, C[h]!, C[d]!); g(12, thd, ds); g(13, L(lab, dl)); g(14, L(lab, dr))
  g(15, lset[d]!); g(16, rset[d]!); g(17, td, lset[d]!); g(18, td, rset[d]!); g(19, thd, T[d - 1]!); g(20, thd, d + 1 <= x.n + 1 ? T[d + 1]! : NIL_TAG)
  g(21, S[d]!); g(22, th, S[d]!); g(23, S[h]!, td); g(24, thd, T[dl]!); g(25, W[dl]!); g(26, thd, W[dl]!); g(27, W[dl]!, L(lab, dl))
  g(28, thd, W[hl]!); g(29, W[hl]!, L(lab, hl)); g(30, thd, L(lab, hl)); g(31, thd, W[hr]!); g(32, thd, lset[h]!); g(33, thd, rset[h]!)
  g(34, td, T[dr]!); g(35, wd, T[dr]!); g(36, thd, s.b > x.n ? 1 : 0); g(37, C[d]!, th); g(38, C[h]!, td)
  return rowAt
}

const tbuf = { rows: new Int32Array(PARSE_MAX_ROWS), lrows: new Int32Array(LABEL_MAX_ROWS), mq: new Int32Array(N_MOVES), mf: new Float64Array(N_MOVES), lq: new Int32Array(256), lf: new Float64Array(256) }

const positions = new PositionScores()

/**
 * Parses one sentence; heads (0 = root, 1-based) and label ids written into heads[0..n), labels[0..n). Over the
 * committed integer weights, the rows of single positions are summed once per sentence (`PositionScores`).
 */
export function parseSentence(moves: RowScorer, labels: RowScorer, x: ParseInput, s: State, heads: Int32Array, labelIds: Int32Array, exact = false): void {
  s.reset(x.n)
  const ms = exact ? tbuf.mf : tbuf.mq, ls = exact ? tbuf.lf : tbuf.lq
  const nL = labels.nClasses
  const cached = !exact && moves instanceof QuantizedScorer
  if (cached) positions.fill(moves, x)
  while (!s.done) {
    ms.fill(0)
    let count: number
    if (cached) { positions.addTo(s, ms as Int32Array); count = stateContextRows(x, s, tbuf.rows) }
    else count = stateRows(x, s, tbuf.rows)
    moves.addAll(tbuf.rows, count, ms, 0)
    let t = -1, bs = -Infinity
    for (let m = 0; m < N_MOVES; m++) if (s.valid(m) && ms[m]! > bs) { bs = ms[m]!; t = m }
    if (t === SHIFT) { s.apply(t); continue }
    const { h, d } = s.arcOf(t)
    const lc = labelRows(x, s, h, d, tbuf.lrows)
    ls.fill(0, 0, nL)
    labels.addAll(tbuf.lrows, lc, ls, 0)
    s.apply(t, argmax(ls, nL))
  }
  const root = x.n + 1
  for (let i = 1; i <= x.n; i++) {
    const h = s.head[i]!
    heads[i - 1] = h === root ? 0 : h
    labelIds[i - 1] = s.lab[i]! - 1
  }
}

/** Relation id the label classifier gives the arc h -> d in state s. */
function predictLabel(labels: RowScorer, x: ParseInput, s: State, h: number, d: number, exact: boolean): number {
  const ls = exact ? tbuf.lf : tbuf.lq, nL = labels.nClasses
  const lc = labelRows(x, s, h, d, tbuf.lrows)
  ls.fill(0, 0, nL)
  labels.addAll(tbuf.lrows, lc, ls, 0)
  return argmax(ls, nL)
}

/**
 * The relation of an arc depends on its label feature rows only, and the beam's states often share them: the
 * search looks each arc's rows up in a per-sentence cache (keyed by a 53-bit hash of the rows) before scoring.
 */
function cachedLabel(cache: Map<number, number>, labels: RowScorer, x: ParseInput, s: State, h: number, d: number, exact: boolean): number {
  const lc = labelRows(x, s, h, d, tbuf.lrows)
  const rows = tbuf.lrows
  let a = 0x811c9dc5, b = 0x1b873593
  for (let j = 0; j < lc; j++) { const r = rows[j]!; a = Math.imul(a ^ r, 0x01000193); b = Math.imul(b ^ r, 0x5bd1e995) ^ (b >>> 13) }
  const key = (a >>> 0) * 2097152 + ((b >>> 0) & 0x1fffff)
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  const ls = exact ? tbuf.lf : tbuf.lq, nL = labels.nClasses
  ls.fill(0, 0, nL)
  labels.addAll(rows, lc, ls, 0)
  const l = argmax(ls, nL)
  cache.set(key, l)
  return l
}

/**
 * Buffers of a beam search of width `width` (reused between sentences): the states of the current and next
 * beam with their scores, and per step t and beam slot j the backpointers (parent slot, move, relation).
 */
export class Beam {
  cur: State[]
  next: State[]
  score: Float64Array
  nscore: Float64Array
  size = 0
  bp = new Int32Array(0)
  bm = new Int8Array(0)
  bl = new Int16Array(0)
  /** top-k candidates of a step: score, parent slot, move (sorted by score, earlier first on ties) */
  private readonly cs: Float64Array
  private readonly cp: Int32Array
  private readonly cm: Int32Array
  private readonly labelCache = new Map<number, number>()

  constructor(readonly width: number) {
    this.cur = Array.from({ length: width }, () => new State())
    this.next = Array.from({ length: width }, () => new State())
    this.score = new Float64Array(width); this.nscore = new Float64Array(width)
    this.cs = new Float64Array(width); this.cp = new Int32Array(width); this.cm = new Int32Array(width)
  }

  /**
   * Beam search over the 2n transitions of a sentence: every slot's valid moves are scored, the `width` best
   * (prefix score + move score; ties keep the earlier slot and move, so width 1 is the greedy parser) survive,
   * and an arc gets its relation from the label classifier. `onStep(t)` (training) runs after step t and may
   * return true to stop. The best parse ends in cur[0].
   */
  search(moves: RowScorer, labels: RowScorer, x: ParseInput, exact: boolean, onStep?: (t: number) => boolean): void {
    const k = this.width, n = x.n, T = 2 * n
    if (this.bp.length < T * k) { this.bp = new Int32Array(T * k * 2); this.bm = new Int8Array(T * k * 2); this.bl = new Int16Array(T * k * 2) }
    const ms = exact ? tbuf.mf : tbuf.mq
    const { cs, cp, cm } = this
    this.cur[0]!.reset(n); this.score[0] = 0; this.size = 1
    const cache = this.labelCache
    cache.clear()
    for (let t = 0; t < T; t++) {
      let nc = 0
      if (this.size === 1 && !onStep && this.cur[0]!.sp === 0) {
        // one state whose only move is SHIFT (the first step): its score is the same for every parse, so it is not computed
        cs[0] = this.score[0]!; cp[0] = 0; cm[0] = SHIFT; nc = 1
      } else for (let j = 0; j < this.size; j++) {
        const s = this.cur[j]!
        const count = stateRows(x, s, tbuf.rows)
        ms.fill(0)
        moves.addAll(tbuf.rows, count, ms, 0)
        const base = this.score[j]!
        for (let m = 0; m < N_MOVES; m++) {
          if (!s.valid(m)) continue
          const sc = base + ms[m]!
          if (nc === k && !(sc > cs[k - 1]!)) continue
          let i = nc < k ? nc++ : k - 1
          while (i > 0 && sc > cs[i - 1]!) { cs[i] = cs[i - 1]!; cp[i] = cp[i - 1]!; cm[i] = cm[i - 1]!; i-- }
          cs[i] = sc; cp[i] = j; cm[i] = m
        }
      }
      const o = t * k
      for (let i = 0; i < nc; i++) {
        const ns = this.next[i]!.copyFrom(this.cur[cp[i]!]!)
        const m = cm[i]!
        let lab = -1
        if (m !== SHIFT) { const { h, d } = ns.arcOf(m); lab = k > 1 ? cachedLabel(cache, labels, x, ns, h, d, exact) : predictLabel(labels, x, ns, h, d, exact) }
        ns.apply(m, lab)
        this.nscore[i] = cs[i]!
        this.bp[o + i] = cp[i]!; this.bm[o + i] = m; this.bl[o + i] = lab
      }
      const c = this.cur; this.cur = this.next; this.next = c
      const sc = this.score; this.score = this.nscore; this.nscore = sc
      this.size = nc
      if (onStep && onStep(t)) return
    }
  }

  /** Moves and relations of slot j's transition sequence up to step t into moves[0..t], labs[0..t]. */
  history(t: number, j: number, moves: Int8Array, labs: Int16Array): void {
    const k = this.width
    for (let u = t; u >= 0; u--) { const o = u * k + j; moves[u] = this.bm[o]!; labs[u] = this.bl[o]!; j = this.bp[o]! }
  }
}

/** Beam-search parse of one sentence; heads (0 = root, 1-based) and label ids written into heads[0..n), labels[0..n). */
export function beamParseSentence(moves: RowScorer, labels: RowScorer, x: ParseInput, beam: Beam, heads: Int32Array, labelIds: Int32Array, exact = false): void {
  beam.search(moves, labels, x, exact)
  const s = beam.cur[0]!, root = x.n + 1
  for (let i = 1; i <= x.n; i++) {
    const h = s.head[i]!
    heads[i - 1] = h === root ? 0 : h
    labelIds[i - 1] = s.lab[i]! - 1
  }
}

/** How beam training picks the prefix to update on (Collins & Roark 2004; Huang, Fayong & Guo 2012). */
export type BeamUpdate = 'early' | 'max-violation'

/** Scratch of beam training. */
export class BeamTrainer {
  readonly beam: Beam
  private readonly gs = new State()
  private readonly ps = new State()
  private gLab = new Int16Array(0)
  private pMoves = new Int8Array(0)
  private pLab = new Int16Array(0)
  constructor(width: number, readonly update: BeamUpdate) { this.beam = new Beam(width) }

  /**
   * Trains on one projective sentence: a beam search along which the gold transition sequence `gseq` (the static
   * oracle's) is scored too; the move classifier gets one global perceptron update, gold prefix up, the beam's
   * best prefix down, at the first step the gold prefix falls off the beam (early update) or at the step where
   * the best prefix outscores it most (max-violation); none when the gold sequence wins. The label classifier is
   * then trained on the arcs of the gold sequence. Returns true when the moves were updated.
   */
  train(moves: Averaged, labels: Averaged, x: ParseInput, gseq: Int8Array, goldLabels: Int32Array, stats: TrainStats): boolean {
    const B = this.beam, k = B.width, T = 2 * x.n, gs = this.gs
    if (this.gLab.length < T) { this.gLab = new Int16Array(T * 2); this.pMoves = new Int8Array(T * 2); this.pLab = new Int16Array(T * 2) }
    const gLab = this.gLab, ms = tbuf.mf, early = this.update === 'early'
    gs.reset(x.n)
    let gIdx = 0, gScore = 0, maxV = -Infinity, maxT = -1
    B.search(moves.scorer, labels.scorer, x, true, (t) => {
      const count = stateRows(x, gs, tbuf.rows)
      ms.fill(0)
      moves.scorer.addAll(tbuf.rows, count, ms, 0)
      const g = gseq[t]!
      gScore += ms[g]!
      let lab = -1
      if (g !== SHIFT) { const { h, d } = gs.arcOf(g); lab = predictLabel(labels.scorer, x, gs, h, d, true) }
      gs.apply(g, lab)
      gLab[t] = lab
      if (gIdx >= 0) {
        const o = t * k
        let found = -1
        for (let i = 0; i < B.size; i++) if (B.bp[o + i] === gIdx && B.bm[o + i] === g) { found = i; break }
        gIdx = found
      }
      if (gIdx === 0) return false
      const v = B.score[0]! - gScore
      if (early) {
        if (gIdx < 0 || t === T - 1) { maxV = v; maxT = t; return true }
      } else if (v > maxV) { maxV = v; maxT = t }
      return false
    })
    stats.moves += T
    let updated = false
    if (maxT >= 0 && maxV >= 0) {
      updated = true
      stats.moveErrors++
      B.history(maxT, 0, this.pMoves, this.pLab)
      const pm = this.pMoves, pl = this.pLab, ps = this.ps
      gs.reset(x.n); ps.reset(x.n)
      let same = true
      for (let u = 0; u <= maxT; u++) {
        if (same && pm[u] === gseq[u] && pl[u] === gLab[u]) { gs.apply(gseq[u]!, gLab[u]!); ps.apply(pm[u]!, pl[u]!); continue }
        same = false
        let c = stateRows(x, gs, tbuf.rows)
        moves.add(tbuf.rows, c, gseq[u]!, 1)
        c = stateRows(x, ps, tbuf.rows)
        moves.add(tbuf.rows, c, pm[u]!, -1)
        gs.apply(gseq[u]!, gLab[u]!); ps.apply(pm[u]!, pl[u]!)
      }
    }
    moves.step++
    // relations: along the gold sequence, each arc's predicted relation is trained towards the gold one
    gs.reset(x.n)
    const ls = tbuf.lf, nL = labels.nClasses
    for (let t = 0; t < T; t++) {
      const g = gseq[t]!
      if (g === SHIFT) { gs.apply(g); continue }
      const { h, d } = gs.arcOf(g)
      const lc = labelRows(x, gs, h, d, tbuf.lrows)
      ls.fill(0, 0, nL)
      labels.scorer.addAll(tbuf.lrows, lc, ls, 0)
      const l = argmax(ls, nL), gl = goldLabels[d]!
      if (l !== gl) { labels.update(tbuf.lrows, lc, gl, l); stats.labelErrors++ }
      labels.step++
      gs.apply(g, l)
    }
    return updated
  }
}

/** Training counters of one sentence. */
export interface TrainStats { moveErrors: number; labelErrors: number; moves: number }

/**
 * One dynamic-oracle training pass over a (projective) sentence: the move classifier is updated towards the
 * best-scoring zero-cost move whenever its prediction has a cost; with probability `explore` the parser then
 * follows its own prediction, else that best zero-cost move. The label classifier is trained on correct arcs.
 */
export function trainParseSentence(moves: Averaged, labels: Averaged, x: ParseInput, gold: Gold, goldLabels: Int32Array, s: State, explore: number, rand: () => number, stats: TrainStats): void {
  s.reset(x.n)
  const ms = tbuf.mf, ls = tbuf.lf
  const nL = labels.nClasses
  const costs = [0, 0, 0]
  while (!s.done) {
    const count = stateRows(x, s, tbuf.rows)
    ms.fill(0)
    moves.scorer.addAll(tbuf.rows, count, ms, 0)
    let pred = -1, bp = -Infinity, best = -1, bb = -Infinity
    for (let m = 0; m < N_MOVES; m++) {
      costs[m] = cost(s, gold, m)
      if (costs[m] === Infinity) continue
      if (ms[m]! > bp) { bp = ms[m]!; pred = m }
      if (costs[m] === 0 && ms[m]! > bb) { bb = ms[m]!; best = m }
    }
    if (best < 0) { // no zero-cost move (cannot happen on projective trees): take the cheapest
      let bc = Infinity
      for (let m = 0; m < N_MOVES; m++) if (costs[m]! < bc) { bc = costs[m]!; best = m }
    }
    stats.moves++
    if (costs[pred]! > 0) { moves.update(tbuf.rows, count, best, pred); stats.moveErrors++ }
    moves.step++
    const t = costs[pred] === 0 || rand() < explore ? pred : best
    if (t === SHIFT) { s.apply(t); continue }
    const { h, d } = s.arcOf(t)
    const lc = labelRows(x, s, h, d, tbuf.lrows)
    ls.fill(0, 0, nL)
    labels.scorer.addAll(tbuf.lrows, lc, ls, 0)
    let l = argmax(ls, nL)
    if (gold.heads[d] === h) {
      const gl = goldLabels[d]!
      if (l !== gl) { labels.update(tbuf.lrows, lc, gl, l); stats.labelErrors++ }
      labels.step++
      if (explore === 0) l = gl
    }
    s.apply(t, l)
  }
}

export { LEFT, RIGHT, SHIFT }
