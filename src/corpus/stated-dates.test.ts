/**
 * A date the page states for an event is never replaced by a date inferred from other pages (docs/cross-source.md,
 * "dates carried to members"). Invented states, people and sentences (with an emoji and a combining mark).
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { StoryEventRecord } from '../model/records.js'
import { analyzeCorpus } from './index.js'
import { addEntity, addEvent, addTimex, makeDoc, tinyKb } from './fixtures.js'

const KB = tinyKb([
  { id: 'T:norland', name: 'Norland', type: 'GPE', affiliation: 'NOR', code: 'NOR' },
  { id: 'T:tomas-rey', name: 'Tomas Rey', type: 'PERSON', affiliation: 'SUD', code: null },
  { id: 'T:lindholm', name: 'Lindholm', type: 'GPE', affiliation: 'NOR', code: null },
])

function corpus() {
  // Wednesday 2024-05-15: the pledge is dated by its announcement, "said on Wednesday"; the blast has its own Sunday
  const a = makeDoc({ id: 'a', outlet: 'East Courier', published: '2024-05-15', text:
    'Tomas Rey has pledged to ship grain to Norland, his ministry said on Wednesday, as Norland counted the dead from Sunday\u2019s blast in Lindholm 💩.\n' +
    'Officials in Lindholm said the café\u0301 near the port was destroyed.' })
  addEvent(a, { n: 1, type: 'AGREE', source: 'Tomas Rey', target: 'Norland', date: '2024-05-15', basis: 'relative-to-publication', needle: 'has pledged', trigger: 'pledged' })
  addEvent(a, { n: 2, type: 'ASSAULT', date: '2024-05-12', basis: 'relative-to-publication', location: 'Lindholm', needle: 'has pledged', trigger: 'blast' })
  addTimex(a, 'Wednesday', '2024-05-15')
  addTimex(a, 'Sunday', '2024-05-12')
  // Tuesday 2024-05-14: the same pledge, dated to the day it was made
  const b = makeDoc({ id: 'b', outlet: 'West Post', published: '2024-05-14', text: 'Tomas Rey has pledged to ship grain to Norland, his ministry said on Tuesday, as Norland counted the dead of the blast in Lindholm.' })
  addEvent(b, { n: 1, type: 'AGREE', source: 'Tomas Rey', target: 'Norland', date: '2024-05-14', basis: 'relative-to-publication', needle: 'has pledged', trigger: 'pledged' })
  addTimex(b, 'Tuesday', '2024-05-14')
  for (const d of [a, b]) { addEntity(d, 'Tomas Rey', 'PERSON', 'alias'); addEntity(d, 'Norland', 'GPE', 'alias') }
  return [a, b]
}

test('a day the page states for an event is kept when its story event is dated to another day by another page', () => {
  const u = analyzeCorpus(corpus(), { kb: KB })
  const se = u.eventStory.get('a:e1')
  assert.ok(se && se === u.eventStory.get('b:e1'), 'the two pledges are one story event')
  assert.ok(u.records.some((r) => r.kind === 'story_event' && (r as StoryEventRecord).id === se))
  // the Sunday blast is nearer "said on Wednesday" than the pledge, but it has its own day: the Wednesday is the pledge's
  assert.equal(u.events?.get('a:e1'), undefined, 'no inferred date is laid over the stated one')
})
