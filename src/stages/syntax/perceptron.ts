/**
 * Averaged perceptron over hashed feature rows (the NER model's scheme: one row of class weights per hashed
 * feature), and the row scorer both training (float weights) and run time (the NER model's int16 CompactWeights)
 * go through.
 */
import { CompactWeights } from '../entities/ner/compact-weights.js'

/** Adds the class weights of rows[0..count) into acc[0..nClasses) (acc is not cleared). */
export interface RowScorer {
  readonly nClasses: number
  addAll(rows: Int32Array, count: number, acc: Int32Array | Float64Array, at: number): void
}

/** Float weights (training and evaluation during training). */
export class FloatScorer implements RowScorer {
  constructor(readonly w: Float32Array, readonly nClasses: number) {}
  addAll(rows: Int32Array, count: number, acc: Int32Array | Float64Array, at: number): void {
    const w = this.w, C = this.nClasses
    for (let j = 0; j < count; j++) {
      const o = rows[j]! * C
      for (let c = 0; c < C; c++) acc[at + c]! += w[o + c]!
    }
  }
}

/** The committed int16 (or int8) weights in the NER model's CompactWeights (packed, sparse or dense rows, whichever suits the table), summed as integers. */
export class QuantizedScorer implements RowScorer {
  private readonly cw: CompactWeights
  constructor(q: Int16Array, scale: number, readonly nClasses: number) { this.cw = new CompactWeights(q, scale, nClasses) }
  addAll(rows: Int32Array, count: number, acc: Int32Array | Float64Array, at: number): void {
    this.cw.addAll(rows, count, acc as Int32Array, at)
  }
}

/** Averaged perceptron: w is the current vector, u accumulates step-weighted updates (w - u/step = average). */
export class Averaged {
  readonly w: Float32Array
  private readonly u: Float64Array
  readonly scorer: FloatScorer
  step = 1

  constructor(hashBits: number, readonly nClasses: number) {
    this.w = new Float32Array((1 << hashBits) * nClasses)
    this.u = new Float64Array(this.w.length)
    this.scorer = new FloatScorer(this.w, nClasses)
  }

  update(rows: Int32Array, count: number, good: number, bad: number): void {
    const C = this.nClasses, w = this.w, u = this.u, step = this.step
    for (let j = 0; j < count; j++) {
      const r = rows[j]! * C
      w[r + good]! += 1
      w[r + bad]! -= 1
      u[r + good]! += step
      u[r + bad]! -= step
    }
  }

  /** Adds delta to the weights of class cls in rows[0..count) (the global update of beam training). */
  add(rows: Int32Array, count: number, cls: number, delta: number): void {
    const C = this.nClasses, w = this.w, u = this.u, sd = this.step * delta
    for (let j = 0; j < count; j++) {
      const r = rows[j]! * C + cls
      w[r]! += delta
      u[r]! += sd
    }
  }

  averaged(): Float32Array {
    const out = new Float32Array(this.w.length)
    const w = this.w, u = this.u, step = this.step
    for (let i = 0; i < out.length; i++) if (w[i] !== 0 || u[i] !== 0) out[i] = w[i]! - u[i]! / step
    return out
  }
}

/** Best class of scores[0..n) among those `ok` allows (first wins ties); -1 when none. */
export function argmax(scores: Int32Array | Float64Array, n: number, ok?: (c: number) => boolean): number {
  let best = -1, bs = -Infinity
  for (let c = 0; c < n; c++) {
    if (ok && !ok(c)) continue
    if (scores[c]! > bs) { bs = scores[c]!; best = c }
  }
  return best
}

/** Fisher-Yates order with a seeded generator: the one the NER trainer uses. */
export { shuffled } from '../entities/ner/clusters.js'
