import { test } from 'node:test'
import assert from 'node:assert/strict'
import { findDuplicates } from './duplicates.js'
import { estimateJaccard, textSignature } from './minhash.js'

// Written for this test: a harbour story with an emoji (2 UTF-16 units) and a combining mark (e + U+0301).
const STORY = `Dockworkers in the port of Vale\u0301ria walked off the job on Tuesday 💩 after talks over night-shift pay collapsed, the union said.
The strike halted loading at four grain terminals and left eleven ships waiting at anchor outside the breakwater.
Port managers said they would return to the table once the union withdrew its demand for a retroactive bonus.
A spokesman for the shipping agents warned that every idle day cost exporters about two hundred thousand dollars in fees.`
const OTHER = `A regional court upheld the ban on night fishing in the northern lakes, rejecting an appeal by three cooperatives.
The judges found that the ministry had consulted the fishers properly before the ban took effect last spring.`

const doc = (id: string, body: string, extra: Partial<{ published: string; outlet: string; copy_of: string }> = {}) =>
  ({ id, body, published: extra.published ?? null, outlet: extra.outlet ?? null, copy_of: extra.copy_of ?? null })

test('exact and near copies are linked to their original; an unrelated page is not', () => {
  const edited = STORY.replace('the union said', 'the dockers’ union said on its website').replace('eleven ships', '11 ships')
  const r = findDuplicates([
    doc('copy', STORY, { published: '2024-03-06', outlet: 'Scraper Daily' }),
    doc('orig', STORY, { published: '2024-03-05', outlet: 'Harbour Times' }),
    doc('near', edited, { published: '2024-03-07', outlet: 'Coast Post' }),
    doc('other', OTHER, { published: '2024-03-05', outlet: 'Harbour Times' }),
  ])
  assert.equal(r.originalOf.get('copy'), 'orig')
  assert.equal(r.originalOf.get('near'), 'orig')
  assert.equal(r.originalOf.get('other'), 'other')
  assert.deepEqual(r.links.get('copy'), [{ doc: 'orig', similarity: 1, relation: 'copy-of' }])
  assert.ok(r.links.get('orig')!.some((l) => l.doc === 'near'))
  assert.equal(r.links.get('other'), undefined)
})

test('the outlet a copy names is its original, even when published later', () => {
  const r = findDuplicates([doc('a', STORY, { published: '2024-01-01', outlet: 'Content Farm' , copy_of: 'Harbour Times' }), doc('b', STORY, { published: '2024-01-02', outlet: 'Harbour Times' })])
  assert.equal(r.originalOf.get('a'), 'b')
})

test('MinHash estimates Jaccard within a few points', () => {
  const half = STORY.split('\n').slice(0, 2).join('\n') + '\n' + OTHER
  const est = estimateJaccard(textSignature(STORY), textSignature(half))
  assert.ok(est > 0.15 && est < 0.55, `estimate ${est}`)
  assert.equal(estimateJaccard(textSignature(STORY), textSignature(STORY)), 1)
})
