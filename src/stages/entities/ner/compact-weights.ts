/**
 * The committed weights held compactly for tagging: of the 2^20 hashed rows only about 7% are non-zero, so
 * a bitmap (128 KiB) says which rows exist and a rank table finds them in a dense int16 array (~1.3 MB instead
 * of 38 MB of float32). Random row reads then mostly hit the CPU cache.
 */
import { N_CLASSES } from './ner.data.js'

/** Bits set in a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24)
}

/** Quantised weight rows of the non-zero features, addressed by their hashed row number. */
export class CompactWeights {
  private readonly present: Uint32Array
  private readonly rank: Uint32Array
  private readonly rows: Int16Array

  /**
   * Packs row-major int16 weights (`nClasses` per row, N_CLASSES for the NER model); a weight's value is
   * Math.fround(q * scale). The syntax models reuse it with their own class counts.
   */
  constructor(q: Int16Array, readonly scale: number, readonly nClasses: number = N_CLASSES) {
    const N_CLASSES = nClasses
    const nRows = q.length / N_CLASSES
    this.present = new Uint32Array(Math.ceil(nRows / 32))
    this.rank = new Uint32Array(this.present.length)
    let nz = 0
    for (let r = 0; r < nRows; r++) {
      for (let c = 0; c < N_CLASSES; c++) if (q[r * N_CLASSES + c] !== 0) { this.present[r >>> 5]! |= 1 << (r & 31); nz++; break }
    }
    this.rows = new Int16Array(nz * N_CLASSES)
    let k = 0
    for (let b = 0; b < this.present.length; b++) {
      this.rank[b] = k
      for (let r = b * 32; r < Math.min(nRows, b * 32 + 32); r++) {
        if (!(this.present[b]! & (1 << (r & 31)))) continue
        this.rows.set(q.subarray(r * N_CLASSES, r * N_CLASSES + N_CLASSES), k * N_CLASSES)
        k++
      }
    }
  }

  /** Offset of row r in `rows`, or -1 when the row is all zeros. */
  private at(r: number): number {
    const N_CLASSES = this.nClasses
    const word = this.present[r >>> 5]!
    const bit = 1 << (r & 31)
    return word & bit ? (this.rank[r >>> 5]! + popcount(word & (bit - 1))) * N_CLASSES : -1
  }

  /** Adds row r's int16 values into acc[at..at+N_CLASSES). */
  add(r: number, acc: Int32Array, at: number): void {
    const o = this.at(r)
    if (o < 0) return
    const rows = this.rows, N_CLASSES = this.nClasses
    for (let c = 0; c < N_CLASSES; c++) acc[at + c]! += rows[o + c]!
  }

  /** Adds rows rs[0..count) into acc[at..at+N_CLASSES). */
  addAll(rs: Int32Array, count: number, acc: Int32Array, at: number): void {
    const { present, rank, rows } = this, N_CLASSES = this.nClasses
    for (let j = 0; j < count; j++) {
      const r = rs[j]!
      const word = present[r >>> 5]!
      const bit = 1 << (r & 31)
      if (!(word & bit)) continue
      const o = (rank[r >>> 5]! + popcount(word & (bit - 1))) * N_CLASSES
      for (let c = 0; c < N_CLASSES; c++) acc[at + c]! += rows[o + c]!
    }
  }

  /** Adds row r's weights as the float32 values the training decoder reads (exact in float64). */
  addFloat(r: number, acc: Float64Array): void {
    const o = this.at(r)
    if (o < 0) return
    const N_CLASSES = this.nClasses
    for (let c = 0; c < N_CLASSES; c++) acc[c]! += Math.fround(this.rows[o + c]! * this.scale)
  }
}
