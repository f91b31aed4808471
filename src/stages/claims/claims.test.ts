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
    ['Some 900 soldiers crossed the river.', [[900, 'some', 'people']]],
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
  assert.equal(claims[0].what, 'ballots')
})

const whats = (text: string) => claimsOf(text).claims.map((c) => [c.value, c.qualifier, c.unit, c.what])

test('what is counted is normalised: noun + role, people nouns in the unit people, synonyms folded', () => {
  const cases: [string, unknown[]][] = [
    ['The blast left at least 12 martyrs.', [[12, 'at least', 'people', 'people killed']]],
    ['Officials said 30 people had been killed in the blast.', [[30, null, 'people', 'people killed']]],
    ['About 40 people died when the bridge fell.', [[40, 'about', 'people', 'people killed']]],
    ['The storm killed 9 villagers.', [[9, null, 'villagers', 'villagers killed']]],
    ['Troops arrested 14 students.', [[14, null, 'people', 'students arrested']]],
    ['The strike killed 8 Palestinians.', [[8, null, 'people', 'Palestinians killed']]],
    ['The army fired 20 rockets.', [[20, null, 'rockets', 'rockets launched']]],
  ]
  for (const [text, want] of cases) assert.deepEqual(whats(text), want, text)
})

test('"others" repeats the whole count before it, not a part of it; a part shares the role', () => {
  assert.deepEqual(whats('The fire killed 20 people, among them 4 children, and injured more than 50 others.'), [
    [20, null, 'people', 'people killed'], [4, null, 'people', 'children killed'], [50, 'more than', 'people', 'people injured'],
  ])
})

test('bare numbers: a toll, a count verb or a reporting verb repeating the previous count', () => {
  assert.deepEqual(whats('The radio kept reporting a toll of 23.'), [[23, null, 'people', 'people killed']])
  assert.deepEqual(whats('The quake killed 15 people and wounding more than 60, officials said.').map((c) => c[3]), ['people killed', 'people injured'])
  assert.deepEqual(whats('The radio says 23 dead, the mayor says 19, and nobody explains why.'), [[23, null, 'people', 'people killed'], [19, null, 'people', 'people killed']])
  assert.deepEqual(whats('The mayor said 19.'), [])
})
