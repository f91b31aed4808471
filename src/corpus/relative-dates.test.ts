import { test } from 'node:test'
import assert from 'node:assert/strict'
import { offsetBefore, resolveRelative, weekdayOf, yearlessCandidates, yearlessDate } from './relative-dates.js'
import { dateRange, dayNumber } from './dates.js'

test('relative expressions resolve against an anchor day', () => {
  const cases: [string, string, string | null, string | null][] = [
    ['on Monday', '2024-08-05', '2024-08-05', 'day'], // the anchor is a Monday: that same day
    ['early Wednesday', '2024-08-05', '2024-07-31', 'day'],
    ['on Friday', '2024-08-05', '2024-08-02', 'day'],
    ['next Tuesday', '2024-08-05', '2024-08-06', 'day'],
    ['last week', '2024-08-05', '2024-07-29', 'week'],
    ['earlier this week', '2024-08-07', '2024-08-05', 'week'],
    ['yesterday', '2024-03-01', '2024-02-29', 'day'],
    ['in June', '2024-08-05', '2024-06', 'month'],
    ['in December', '2024-11-13', '2023-12', 'month'], // a month name without a year: the latest such month on or before the anchor
    ['January 3', '2024-01-20', '2024-01-03', 'day'],
    ['3 January', '2023-12-20', '2023-01-03', 'day'],
    ['a while ago', '2024-08-05', null, null],
  ]
  for (const [text, anchor, value, precision] of cases) {
    const r = resolveRelative(text, anchor)
    assert.deepEqual(r && [r.value, r.precision], value ? [value, precision] : null, `${text} @ ${anchor}`)
  }
})

test('yearless dates fall in a tenure window', () => {
  const y = yearlessDate('on March 9')!
  assert.deepEqual(y, { month: 2, day: 9 })
  assert.deepEqual(yearlessCandidates(y, dayNumber('2021-06-01'), dayNumber('2022-05-01')).map((c) => c.value), ['2022-03-09'])
  assert.equal(yearlessDate('March 9, 2021'), null)
  assert.deepEqual(dateRange('2024-02', 'month'), [dayNumber('2024-02-01'), dayNumber('2024-02-29')])
})

test('a weekday on its own names a weekday; next/last ones do not', () => {
  assert.equal(weekdayOf("Sunday's blast"), 0)
  assert.equal(weekdayOf('on Wednesday'), 3)
  assert.equal(weekdayOf('next Wednesday'), null)
  assert.equal(weekdayOf('in March'), null)
})

test('chained offsets before a trigger count from the act of the clause', () => {
  const cases: [string, number | null][] = [
    ['The envoy landed on Friday, two days after a ', -2],
    ['Talks opened on Monday, a day after the ', -1],
    ['The vote came 3 days before the ', 3],
    ['One week after the deadly ', -7],
    ['He spoke for two days about the ', null],
  ]
  for (const [text, want] of cases) assert.equal(offsetBefore(text), want, text)
})
