import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { rng } from './clusters.js'
import { CompactWeights } from './compact-weights.js'

/** A random table of `rows` × `classes` values: a share `rowShare` of rows non-zero, each value non-zero with `valueShare`, |q| ≤ max. */
function table(rows: number, classes: number, rowShare: number, valueShare: number, max: number, seed: number): Int16Array {
  const rand = rng(seed), q = new Int16Array(rows * classes)
  for (let r = 0; r < rows; r++) {
    if (rand() >= rowShare) continue
    for (let c = 0; c < classes; c++) if (rand() < valueShare) q[r * classes + c] = Math.round((rand() * 2 - 1) * max)
  }
  return q
}

describe('CompactWeights', () => {
  const cases = [
    { name: 'sparse int16 (the taggers)', classes: 17, valueShare: 0.15, max: 32767, layout: 'sparse' },
    { name: 'sparse, many classes (the relation table)', classes: 51, valueShare: 0.08, max: 127, layout: 'sparse' },
    { name: 'packed int8 (the transition table)', classes: 3, valueShare: 0.8, max: 127, layout: 'packed' },
    { name: 'dense int8', classes: 9, valueShare: 0.9, max: 127, layout: 'dense' },
    { name: 'dense int16 (the NER model)', classes: 9, valueShare: 0.9, max: 30000, layout: 'dense' },
  ]
  for (const k of cases) it(`sums the rows of a ${k.name} table as the plain table does, integer and float`, () => {
    const rows = 4096, C = k.classes, scale = 0.0123
    const q = table(rows, C, 0.4, k.valueShare, k.max, C)
    const w = new CompactWeights(q, scale, C)
    assert.equal(w.layout, k.layout)
    const rand = rng(7)
    for (let trial = 0; trial < 200; trial++) {
      const count = 1 + Math.floor(rand() * 60)
      const rs = Int32Array.from({ length: count }, () => Math.floor(rand() * rows))
      const want = new Int32Array(C + 2), wantF = new Float64Array(C)
      for (const r of rs) for (let c = 0; c < C; c++) { want[1 + c]! += q[r * C + c]!; wantF[c]! += Math.fround(q[r * C + c]! * scale) }
      const got = new Int32Array(C + 2), one = new Int32Array(C + 2), gotF = new Float64Array(C)
      w.addAll(rs, count, got, 1)
      for (const r of rs) { w.add(r, one, 1); w.addFloat(r, gotF) }
      assert.deepEqual(got, want)
      assert.deepEqual(one, want)
      assert.deepEqual(gotF, wantF)
    }
  })
})
