import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SHARED } from '../paths.js'
import { evalExtraction, predictBodies, scorePage } from './extraction.js'

const DEV = join(SHARED, 'data/article-extraction/dev')
/** Pinned floor: the dev F1 reached when this test was written, rounded down (issue 3 asks >= 0.965). */
const DEV_F1_FLOOR = 0.980

describe('extraction metric', () => {
  it('scores identical texts 1 and disjoint texts 0', () => {
    assert.deepEqual(scorePage('a', 'one two three four five', 'one two three four five'), { id: 'a', precision: 1, recall: 1, exact: true })
    const p = scorePage('b', 'one two three four five', 'six seven eight nine')
    assert.equal(p.precision, 0); assert.equal(p.recall, 0)
  })
  it('leaves empty predictions out of precision and treats short texts as one shingle', () => {
    assert.equal(scorePage('c', 'a b', '').precision, null)
    assert.equal(scorePage('d', 'a b', 'a b').recall, 1)
    assert.equal(scorePage('e', 'ok 💩 é', 'ok é').exact, true) // an emoji is no token; "é" is one
    assert.equal(scorePage('f', 'cafe\u0301 ok', 'cafe ok').exact, true) // a combining mark is no letter: it ends the token, as in the reference
  })
})

describe('extraction on the dev set', () => {
  it('equals the reference scorer and keeps the pinned floor', async () => {
    const pred = predictBodies(DEV)
    const ours = await evalExtraction(DEV, pred)
    const dir = mkdtempSync(join(tmpdir(), 'dossier-extract-'))
    try {
      for (const [id, body] of pred) writeFileSync(join(dir, id + '.txt'), body)
      const out = execFileSync(process.execPath, [join(SHARED, 'tools/extraction-score.mjs'), '--pred', dir, '--truth', join(DEV, 'ground-truth.json'), '--summary-only', '--bootstrap', '0'], { encoding: 'utf8' })
      const row = out.split('\n').find(l => /^\S+\s+61\s/.test(l))
      assert.ok(row, 'Expected a summary row from the reference scorer, got:\n' + out)
      const [, , f1, p, r, acc] = row!.trim().split(/\s+/)
      assert.deepEqual([ours.f1, ours.precision, ours.recall, ours.accuracy].map(x => x.toFixed(3)), [f1, p, r, acc])
    } finally { rmSync(dir, { recursive: true, force: true }) }
    assert.equal(ours.pages, 61)
    assert.ok(ours.f1 >= DEV_F1_FLOOR, `Expected dev F1 >= ${DEV_F1_FLOOR}, got ${ours.f1.toFixed(4)}`)
  })
})
