import { test } from 'node:test'
import assert from 'node:assert/strict'
import { claimMeasure, claimUnit } from './claim-measure.js'
import { casualtyFigures } from './casualty-figures.js'
import { addClaim, makeDoc } from './fixtures.js'

// Sentences written for this test (with an emoji and a combining mark).
test('each figure takes the measure word nearest to it; a part of a toll has none', () => {
  const d = makeDoc({ id: 'm', text: 'The blast at the cafe\u0301 killed at least 12 people, among them 3 children, and wounded 30 others 💩.' })
  addClaim(d, 1, 12, 'at least', 'at least 12 people', 'blast')
  addClaim(d, 2, 3, null, '3 children', 'blast')
  addClaim(d, 3, 30, null, '30 others', 'blast')
  assert.deepEqual(d.claims.map((c) => claimMeasure(d, c)), ['killed', null, 'injured'])
})

test('everyone counted under any name is people; a group (children, civilians, a nationality) is its own count; things stay things', () => {
  const cases: [string, string, string][] = [['killed', 'martyrs', 'people'], ['killed', 'others', 'people'], ['killed', 'victims', 'people'], ['injured', '', 'people'],
    ['killed', 'children', 'children'], ['killed', 'civilians', 'civilians'], ['injured', 'soldiers', 'soldiers'], ['killed', 'Palestinians', 'palestinians'], ['killed', 'explosions', 'explosions']]
  for (const [m, u, want] of cases) assert.equal(claimUnit(m, u), want, `${m} ${u}`)
})

test('casualty figures the claims stage left out are found, an elliptic one counting what its neighbour counts', () => {
  const d = makeDoc({ id: 'f', text: 'Radio Norte says 19 dead, the mayor\u0301s office says 24, and the toll of 2023 is not comparable 💩. Police said the death toll stood at 21.' })
  const got = casualtyFigures(d, []).map((f) => `${f.measure}:${f.value}:${d.text.slice(f.number!.start, f.number!.end)}`)
  assert.deepEqual(got, ['killed:19:19', 'killed:24:24', 'killed:21:21'])
  addClaim(d, 1, 19, null, '19 dead', 'Radio Norte')
  assert.deepEqual(casualtyFigures(d, d.claims).map((f) => f.value), [24, 21], 'a figure already claimed is not found twice')
})

test('a casualty figure keeps whom it counts: civilians are not people, and an elliptic figure counts whom its neighbour counts', () => {
  const d = makeDoc({ id: 'g', text: 'The strike killed 12 civilians, officials said. Another raid left 30 people dead. Radio Norte says 9 civilians dead, the mayor says 11.' })
  assert.deepEqual(casualtyFigures(d, []).map((f) => `${f.measure}:${f.value}:${f.unit}`), ['killed:12:civilians', 'killed:30:people', 'killed:9:civilians', 'killed:11:civilians'])
})
