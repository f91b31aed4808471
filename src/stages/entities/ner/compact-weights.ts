/**
 * The committed weights held compactly for tagging: of the 2^20 hashed rows only about 7% are non-zero, so
 * a bitmap (128 KiB) says which rows exist and a rank table finds them in a dense array (~2.6 MB instead of
 * 38 MB). Random row reads then mostly hit the CPU cache. Values are the same float32 numbers as `w`.
 */
import { N_CLASSES } from './ner.data.js'

/** Bits set in a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24)
}

/** Weight rows of the non-zero features, addressed by their hashed row number. */
export class CompactWeights {
  private readonly present: Uint32Array
  private readonly rank: Uint32Array
  private readonly rows: Float32Array

  /** Packs a row-major weight array (N_CLASSES values per row). */
  constructor(w: Float32Array) {
    const nRows = w.length / N_CLASSES
    this.present = new Uint32Array(Math.ceil(nRows / 32))
    this.rank = new Uint32Array(this.present.length)
    let nz = 0
    for (let r = 0; r < nRows; r++) {
      for (let c = 0; c < N_CLASSES; c++) if (w[r * N_CLASSES + c] !== 0) { this.present[r >>> 5]! |= 1 << (r & 31); nz++; break }
    }
    this.rows = new Float32Array(nz * N_CLASSES)
    let k = 0
    for (let b = 0; b < this.present.length; b++) {
      this.rank[b] = k
      for (let r = b * 32; r < Math.min(nRows, b * 32 + 32); r++) {
        if (!(this.present[b]! & (1 << (r & 31)))) continue
        this.rows.set(w.subarray(r * N_CLASSES, r * N_CLASSES + N_CLASSES), k * N_CLASSES)
        k++
      }
    }
  }

  /** Adds row `r`'s weights into acc[at..at+N_CLASSES). */
  add(r: number, acc: Float64Array, at: number): void {
    const word = this.present[r >>> 5]!
    const bit = 1 << (r & 31)
    if (!(word & bit)) return
    const o = (this.rank[r >>> 5]! + popcount(word & (bit - 1))) * N_CLASSES
    const rows = this.rows
    for (let c = 0; c < N_CLASSES; c++) acc[at + c]! += rows[o + c]!
  }
}
