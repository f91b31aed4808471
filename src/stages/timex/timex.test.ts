import { test } from 'node:test'
import assert from 'node:assert/strict'
import { findTimex } from './timex.js'
import { testDoc } from '../events/test-doc.js'

// publication anchor: Tuesday 2024-03-12
const PUB = '2024-03-12'
const one = (text: string, published: string | null = PUB) => findTimex(text, [{ start: 0, end: text.length }], published).timex[0]

test('resolves relative expressions against the publication date (gold conventions)', () => {
  const cases: [string, string | null, string, string][] = [
    ['The envoys talked on Monday.', '2024-03-11', 'day', 'relative-to-publication'],
    ['The envoys talked on Tuesday.', '2024-03-12', 'day', 'relative-to-publication'], // same day as publication
    ['The envoys talked on Wednesday.', '2024-03-06', 'day', 'relative-to-publication'], // the latest one before
    ['The convoy left early Sunday.', '2024-03-10', 'day', 'relative-to-publication'],
    ['Earlier this week the port reopened.', '2024-03-11', 'week', 'relative-to-publication'],
    ['Last week the port reopened.', '2024-03-04', 'week', 'relative-to-publication'],
    ['The fund was created in January.', '2024-01', 'month', 'relative-to-publication'],
    ['The fund was created in November.', '2023-11', 'month', 'relative-to-publication'], // would be in the future
    ['The border closed on May 2.', '2023-05-02', 'day', 'relative-to-publication'],
    ['The border closed on 4 March 2021.', '2021-03-04', 'day', 'stated'],
    ['The border closed on July 9, 2020.', '2020-07-09', 'day', 'stated'],
    ['The border closed in June 2019.', '2019-06', 'month', 'stated'],
    ['The border closed in 2015.', '2015', 'year', 'stated'],
    ['The market fell yesterday.', '2024-03-11', 'day', 'relative-to-publication'],
  ]
  for (const [text, value, precision, basis] of cases) {
    const x = one(text)
    assert.ok(x, text)
    assert.deepEqual([x.value, x.precision, x.basis], [value, precision, basis], text)
  }
})

test('keeps relative dates unresolved on an undated page, with a message', () => {
  const text = 'The ministers met on Friday and again last week.'
  const { timex, messages } = findTimex(text, [{ start: 0, end: text.length }], null)
  assert.deepEqual(timex.map((x) => [x.text, x.value, x.basis]), [['Friday', null, 'unresolved'], ['last week', null, 'unresolved']])
  assert.equal(messages.length, 2)
  assert.ok(messages.every((m) => m.ruleId === 'unresolved-relative-date' && m.place))
})

test('leaves the modal "may", ages, counts and names alone', () => {
  for (const text of ['Talks may resume soon.', 'A 22-year-old was hurt.', 'Some 2,000 people marched.', 'The channel USA Today said so.']) {
    assert.equal(findTimex(text, [{ start: 0, end: text.length }], PUB).timex.length, 0, text)
  }
})

test('spans are UTF-16 slices of the text, after an emoji and a combining mark', () => {
  const doc = testDoc('💩 Cafe\u0301 owners met on Thursday.\n\nThey spoke again in February.', { published: PUB })
  const { timex } = findTimex(doc.text, doc.layers.sentences!, PUB)
  assert.deepEqual(timex.map((x) => x.text), ['Thursday', 'February'])
  for (const x of timex) assert.equal(doc.text.slice(x.start, x.end), x.text)
  assert.equal(timex[0].value, '2024-03-07')
})
