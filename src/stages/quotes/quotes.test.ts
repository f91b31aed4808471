import { test } from 'node:test'
import assert from 'node:assert/strict'
import { findQuotes } from './quotes.js'
import { badSpans, testDoc, type TestActor } from '../events/test-doc.js'
import type { Doc } from '../../doc/doc.js'

const ACTORS: TestActor[] = [
  { name: 'Anna Berg', type: 'PERSON', surfaces: ['Anna Berg', 'Berg', 'the Nordland premier'] },
  { name: 'Tomas Vik', type: 'PERSON', surfaces: ['Tomas Vik', 'Vik'] },
  { name: 'Harbour Council', type: 'ORG', surfaces: ['Harbour Council', 'the council'] },
  { name: 'Nordland', type: 'GPE', surfaces: ['Nordland'] },
]
const run = (doc: Doc) => findQuotes(doc.text, doc.layers.paragraphs!, doc.layers.sentences!, doc.layers.entities!, doc.id).quotes
const pairs = (doc: Doc) => run(doc).map((q) => [q.text, q.speaker?.name ?? null])

test('attributes quotes before and after the reporting verb, with curly and straight marks', () => {
  const doc = testDoc([
    '“We will rebuild the bridge before winter,” Anna Berg said on Monday.',
    'Tomas Vik told reporters that "the budget is not large enough for that."',
    '“The harbour will stay open all night,” said Vik.',
    '“Every ship will be inspected twice,” the council added.',
  ].join('\n\n'), { actors: ACTORS })
  assert.deepEqual(pairs(doc), [
    ['We will rebuild the bridge before winter', 'Anna Berg'],
    ['the budget is not large enough for that.', 'Tomas Vik'],
    ['The harbour will stay open all night', 'Tomas Vik'],
    ['Every ship will be inspected twice', 'Harbour Council'],
  ])
})

test('a quotation split by its attribution is two quotes; pronouns take the last person subject (#5)', () => {
  const doc = testDoc('Berg spoke at the port. “Our ferries are safe,” she said, “and the new pier opens in May.”', { actors: ACTORS })
  assert.deepEqual(pairs(doc), [['Our ferries are safe', 'Anna Berg'], ['and the new pier opens in May.', 'Anna Berg']])
})

test('scare quotes, one- or two-word quotations and quoted titles are not speech', () => {
  const doc = testDoc('Vik called the plan a “gift”, spoke of “green shipping” in Nordland and read “The Long Harbour Years” aloud.', { actors: ACTORS })
  assert.deepEqual(run(doc), [])
})

test('role descriptions resolved by the entities layer, "quoted X as saying", nested quotes', () => {
  const doc = testDoc([
    'Local radio quoted Vik as saying, “Nobody told us about the ‘temporary’ closure of the docks.”',
    '“We expect an answer by Friday,” the Nordland premier added.',
  ].join('\n\n'), { actors: ACTORS })
  assert.deepEqual(pairs(doc), [
    ['Nobody told us about the ‘temporary’ closure of the docks.', 'Tomas Vik'],
    ['We expect an answer by Friday', 'Anna Berg'],
  ])
})

test('speech running over two paragraphs keeps its speaker', () => {
  const doc = testDoc('Berg said: “The first ships arrive next week and the rest follow.\n\n“All of them will be unloaded at night.”', { actors: ACTORS })
  const qs = run(doc)
  assert.equal(qs.length, 2)
  assert.deepEqual(qs.map((q) => q.speaker?.name), ['Anna Berg', 'Anna Berg'])
})

test('spans index the text after an emoji and a combining mark; ids are deterministic', () => {
  const doc = testDoc('💩 Jose\u0301 wrote nothing. “Prices in the market rose again today,” Vik said.', { actors: ACTORS })
  const qs = run(doc)
  assert.equal(qs.length, 1)
  assert.deepEqual(badSpans(doc, qs), [])
  assert.equal(qs[0].id, `${doc.id}:q1`)
  assert.deepEqual(run(doc), qs)
})

test('"X called it “…” and said …": the coordinated verb is not a postposed attribution; a ministry before a title and a name is not the speaker', () => {
  const doc = testDoc('Nordland council spokeswoman Anna Berg on Monday called the fire “a deliberate act of sabotage” and said the harbour would stay closed.', { actors: ACTORS })
  assert.deepEqual(pairs(doc), [['a deliberate act of sabotage', 'Anna Berg']])
})

test('a statement named by its author\'s office speaks for the author', () => {
  const doc = testDoc('Vik spoke first.\n\nThe statement from Berg’s office said the two ports would “share every shipping record from now on.”', { actors: ACTORS })
  assert.deepEqual(pairs(doc), [['share every shipping record from now on.', 'Anna Berg']])
})
