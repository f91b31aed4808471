import { test } from 'node:test'
import assert from 'node:assert/strict'
import { findClaims } from './claims.js'
import { findTimex } from '../timex/timex.js'
import { badSpans, testDoc } from '../events/test-doc.js'

const claimsOf = (text: string) => {
  const doc = testDoc(text, { published: '2024-03-12' })
  const timex = findTimex(doc.text, doc.layers.sentences!, '2024-03-12').timex
  return { doc, claims: findClaims(doc.text, doc.layers.sentences!, timex, doc.id) }
}
const values = (text: string) => claimsOf(text).claims.map((c) => [c.value, c.qualifier, c.unit])

test('counts with their hedge and unit', () => {
  const cases: [string, unknown[]][] = [
    ['The flood killed at least 12 people.', [[12, 'at least', 'people']]],
    ['The storm destroyed more than 3,400 homes and damaged 200 others.', [[3400, 'more than', 'homes'], [200, null, 'homes']]],
    ['Nearly 4.5 million voters stayed home.', [[4500000, 'nearly', 'voters']]],
    ['Three trucks and two buses were burned.', [[3, null, 'trucks'], [2, null, 'buses']]],
    ['The city asked for $40 million in aid.', [[40000000, null, 'USD']]],
    ['Some 900 soldiers crossed the river.', [[900, 'some', 'soldiers']]],
  ]
  for (const [text, want] of cases) assert.deepEqual(values(text), want, text)
})

test('vague counts, ages, ordinals, dates, years and model numbers are not claims', () => {
  for (const text of [
    'Hundreds of people and dozens of cars were stuck.',
    'A 22-year-old student was arrested.',
    'It was the 40th day of the strike.',
    'The talks began on March 3 and ended in 2021.',
    'The 2022 drought hurt farmers.',
    'The T-90 tanks and the two leaders arrived.',
    'The vote was held at 10:30 on Tuesday.',
  ]) assert.deepEqual(values(text), [], text)
})

test('evidence and number spans index the text after an emoji and a combining mark; ids deterministic', () => {
  const { doc, claims } = claimsOf('💩 Se\u0301verine counted 1,250 ballots.\n\nInspectors found 17 errors.')
  assert.deepEqual(claims.map((c) => c.value), [1250, 17])
  assert.deepEqual(badSpans(doc, claims.flatMap((c) => [c.evidence, c.number])), [])
  assert.deepEqual(claims.map((c) => c.id), [`${doc.id}:c1`, `${doc.id}:c2`])
  assert.equal(claims[0].what, 'counted 1,250 ballots')
})
