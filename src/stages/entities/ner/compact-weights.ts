/**
 * The committed weights held compactly for tagging and parsing. Rows are stored one of three ways, chosen per
 * table when it is loaded:
 * - packed: a table of at most 4 classes whose values all fit in int8 (the parser's transition table) keeps one
 *   int32 per hashed row, zeros included (4 MB for 2^20 rows): a row is one read, with no branch;
 * - sparse: when at most SPARSE_MAX_SHARE of the non-zero rows' values are non-zero (the relation table has 4 of 51
 *   per row, the taggers 3 of 17), only those are kept, each packed with its class: the relation table shrinks
 *   from 17 MB to 3.5 MB and a row costs 4 additions instead of 51;
 * - dense: every class's value of the non-zero rows (the NER model), int8 when all values fit, else int16.
 * Sparse and dense rows are found through a bitmap of the non-zero rows (64–128 KiB) and a rank table, so only
 * 7–60% of the 2^19–2^20 hashed rows take room. Random row reads then mostly hit the CPU cache. Scores are integer
 * sums of the same values in every layout, and the float sums of `addFloat` skip only additions of zero, so every
 * score is the same bit for bit.
 */
import { N_CLASSES } from './ner.data.js'

/** Rows are stored sparse when at most this share of their values is non-zero (see the header). */
export const SPARSE_MAX_SHARE = 0.25

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
  /** dense layout: nClasses values per non-zero row (empty when sparse) */
  private readonly rows: Int16Array | Int8Array
  /** sparse layout: non-zero row k's entries are entries[start[k] .. start[k + 1]), each value * 256 + class */
  private readonly start: Uint32Array
  private readonly entries: Int32Array
  /** packed layout: row r's (up to 4) int8 values, class c in byte c (empty otherwise) */
  private readonly packed: Int32Array
  /** how the rows are stored (see the header) */
  readonly layout: 'packed' | 'sparse' | 'dense'

  /**
   * Packs row-major int16 weights (`nClasses` per row, N_CLASSES for the NER model); a weight's value is
   * Math.fround(q * scale). The syntax models reuse it with their own class counts.
   */
  constructor(q: Int16Array, readonly scale: number, readonly nClasses: number = N_CLASSES) {
    const C = nClasses
    const nRows = q.length / C
    this.present = new Uint32Array(Math.ceil(nRows / 32))
    this.rank = new Uint32Array(this.present.length)
    let nz = 0, values = 0, small = true
    for (let r = 0; r < nRows; r++) {
      let any = false
      for (let c = 0; c < C; c++) {
        const v = q[r * C + c]!
        if (v === 0) continue
        any = true; values++
        if (v < -128 || v > 127) small = false
      }
      if (any) { this.present[r >>> 5]! |= 1 << (r & 31); nz++ }
    }
    // (a sparse entry's class must fit its low byte)
    this.layout = C <= 4 && small ? 'packed' : C <= 256 && values <= SPARSE_MAX_SHARE * nz * C ? 'sparse' : 'dense'
    const sparse = this.layout === 'sparse', dense = this.layout === 'dense'
    this.packed = new Int32Array(this.layout === 'packed' ? nRows : 0)
    for (let r = 0; r < this.packed.length; r++) for (let c = 0; c < C; c++) this.packed[r]! |= (q[r * C + c]! & 255) << (8 * c)
    this.rows = !dense ? new Int16Array(0) : small ? new Int8Array(nz * C) : new Int16Array(nz * C)
    this.start = new Uint32Array(sparse ? nz + 1 : 0)
    this.entries = new Int32Array(sparse ? values : 0)
    let k = 0, e = 0
    for (let b = 0; b < this.present.length; b++) {
      this.rank[b] = k
      for (let r = b * 32; r < Math.min(nRows, b * 32 + 32); r++) {
        if (!(this.present[b]! & (1 << (r & 31)))) continue
        if (dense) this.rows.set(q.subarray(r * C, r * C + C), k * C)
        else if (sparse) {
          this.start[k] = e
          for (let c = 0; c < C; c++) { const v = q[r * C + c]!; if (v !== 0) this.entries[e++] = v * 256 + c }
        }
        k++
      }
    }
    if (sparse) this.start[nz] = e
  }

  /** Index of row r among the non-zero rows, or -1 when the row is all zeros. */
  private at(r: number): number {
    const word = this.present[r >>> 5]!
    const bit = 1 << (r & 31)
    return word & bit ? this.rank[r >>> 5]! + popcount(word & (bit - 1)) : -1
  }

  /** Adds row r's int16 values into acc[at..at+nClasses). */
  add(r: number, acc: Int32Array, at: number): void {
    if (this.layout === 'packed') { const v = this.packed[r]!; for (let c = 0; c < this.nClasses; c++) acc[at + c]! += (v << (24 - 8 * c)) >> 24; return }
    const k = this.at(r)
    if (k < 0) return
    if (this.layout === 'sparse') {
      const { start, entries } = this
      for (let e = start[k]!, end = start[k + 1]!; e < end; e++) { const x = entries[e]!; acc[at + (x & 255)]! += x >> 8 }
      return
    }
    const rows = this.rows, C = this.nClasses, o = k * C
    for (let c = 0; c < C; c++) acc[at + c]! += rows[o + c]!
  }

  /** Adds rows rs[0..count) into acc[at..at+nClasses). */
  addAll(rs: Int32Array, count: number, acc: Int32Array, at: number): void {
    if (this.layout === 'packed') {
      const t = this.packed
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0
      for (let j = 0; j < count; j++) { const v = t[rs[j]!]!; a0 += (v << 24) >> 24; a1 += (v << 16) >> 24; a2 += (v << 8) >> 24; a3 += v >> 24 }
      const C = this.nClasses
      acc[at]! += a0
      if (C > 1) acc[at + 1]! += a1
      if (C > 2) acc[at + 2]! += a2
      if (C > 3) acc[at + 3]! += a3
      return
    }
    const { present, rank } = this
    if (this.layout === 'sparse') {
      const { start, entries } = this
      for (let j = 0; j < count; j++) {
        const r = rs[j]!
        const word = present[r >>> 5]!
        const bit = 1 << (r & 31)
        if (!(word & bit)) continue
        const k = rank[r >>> 5]! + popcount(word & (bit - 1))
        for (let e = start[k]!, end = start[k + 1]!; e < end; e++) { const x = entries[e]!; acc[at + (x & 255)]! += x >> 8 }
      }
      return
    }
    const rows = this.rows, C = this.nClasses
    for (let j = 0; j < count; j++) {
      const r = rs[j]!
      const word = present[r >>> 5]!
      const bit = 1 << (r & 31)
      if (!(word & bit)) continue
      const o = (rank[r >>> 5]! + popcount(word & (bit - 1))) * C
      for (let c = 0; c < C; c++) acc[at + c]! += rows[o + c]!
    }
  }

  /** Adds row r's weights as the float32 values the training decoder reads (exact in float64; zeros add nothing). */
  addFloat(r: number, acc: Float64Array): void {
    if (this.layout === 'packed') {
      const v = this.packed[r]!
      for (let c = 0; c < this.nClasses; c++) { const x = (v << (24 - 8 * c)) >> 24; if (x !== 0) acc[c]! += Math.fround(x * this.scale) }
      return
    }
    const k = this.at(r)
    if (k < 0) return
    if (this.layout === 'sparse') {
      const { start, entries } = this
      for (let e = start[k]!, end = start[k + 1]!; e < end; e++) { const x = entries[e]!; acc[x & 255]! += Math.fround((x >> 8) * this.scale) }
      return
    }
    const C = this.nClasses, o = k * C
    for (let c = 0; c < C; c++) acc[c]! += Math.fround(this.rows[o + c]! * this.scale)
  }
}
