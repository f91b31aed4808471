/**
 * The greedy left-to-right tagger over hashed features: static features of the token plus its tag
 * history, scored against one weight row per feature; invalid IOB2 moves (I-X after anything but X) are barred.
 */
import { MAX_STATIC, mix, ROW_MASK, type SentenceFeatures } from './features.js'
import { N_CLASSES } from './ner.data.js'

/** History class before the first token (not a real class, so I-X cannot start a sentence). */
export const START = N_CLASSES

/** Most rows one token can have: static plus the tag-history features. */
export const MAX_ROWS = MAX_STATIC + 8

/** True when class `c` may follow class `prev` in IOB2 (I-X only after B-X or I-X). */
export function allowed(prev: number, c: number): boolean {
  return c === 0 || c % 2 === 1 || prev === c || prev === c - 1
}

/**
 * Writes the rows of token `i` (static + history given the two previous classes) into `buf`.
 * @returns the number of rows written
 */
export function tokenRows(sf: SentenceFeatures, i: number, p1: number, p2: number, buf: Int32Array): number {
  const base = i * MAX_STATIC
  const k = sf.counts[i]!
  for (let j = 0; j < k; j++) buf[j] = sf.rows[base + j]!
  let o = k
  buf[o++] = (mix(40, p1) >>> 0) & ROW_MASK
  buf[o++] = (mix(41, p1, p2) >>> 0) & ROW_MASK
  buf[o++] = (mix(42, p1, sf.lower[i]!) >>> 0) & ROW_MASK
  buf[o++] = (mix(43, p1, sf.shape[i]!) >>> 0) & ROW_MASK
  return o
}

/** Adds the weight rows of `buf[0..count)` into `scores` (N_CLASSES long, zeroed here). */
export function scoreRows(w: Float32Array, buf: Int32Array, count: number, scores: Float64Array): void {
  scores.fill(0)
  for (let j = 0; j < count; j++) {
    const r = buf[j]! * N_CLASSES
    for (let c = 0; c < N_CLASSES; c++) scores[c]! += w[r + c]!
  }
}

/** Best class allowed after `prev`. */
export function argmaxAllowed(scores: Float64Array, prev: number): number {
  let best = 0
  let bestScore = -Infinity
  for (let c = 0; c < N_CLASSES; c++) {
    if (scores[c]! > bestScore && allowed(prev, c)) { best = c; bestScore = scores[c]! }
  }
  return best
}

const buf = new Int32Array(MAX_ROWS)
const scores = new Float64Array(N_CLASSES)

/** Greedy decoding of one sentence with weights `w`; returns one class id per token. */
export function decode(w: Float32Array, sf: SentenceFeatures): Uint8Array {
  const out = new Uint8Array(sf.n)
  let p1: number = START
  let p2: number = START
  for (let i = 0; i < sf.n; i++) {
    const count = tokenRows(sf, i, p1, p2, buf)
    scoreRows(w, buf, count, scores)
    const c = argmaxAllowed(scores, p1)
    out[i] = c
    p2 = p1
    p1 = c
  }
  return out
}
