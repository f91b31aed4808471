import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { ContradictionRecord, StoryEventRecord, StoryRecord, OutletProfileRecord } from '../model/records.js'
import { analyzeCorpus } from './index.js'
import { addClaim, addEvent, addTimex, makeDoc, tinyKb } from './fixtures.js'

// Hand-written pages about invented officials of invented states (Norland, Suderia), with an emoji and a combining mark.
const KB = tinyKb([
  { id: 'T:norland', name: 'Norland', type: 'GPE', affiliation: 'NOR', code: 'NOR' },
  { id: 'T:suderia', name: 'Suderia', type: 'GPE', affiliation: 'SUD', code: 'SUD' },
  { id: 'T:anna-berg', name: 'Anna Berg', type: 'PERSON', affiliation: 'NOR', code: null,
    roles: [{ office: 'NOR:envoy', title: 'Chief Envoy of Norland', from: '2021-04-01', to: '2022-02-01', code: null }] },
  { id: 'T:tomas-rey', name: 'Tomas Rey', type: 'PERSON', affiliation: 'SUD', code: null },
  { id: 'T:lena-ortiz', name: 'Lena Ortiz', type: 'PERSON', affiliation: 'SUD', code: null },
  { id: 'T:porto-alto', name: 'Porto Alto', type: 'GPE', affiliation: 'SUD', code: null },
  { id: 'T:lindholm', name: 'Lindholm', type: 'GPE', affiliation: 'NOR', code: null },
])

function corpus() {
  const a = makeDoc({ id: 'a', outlet: 'Northern Ledger', published: '2024-05-14', text:
    'Norland’s foreign minister Anna Berg arrived in Porto Alto on Monday 💩 for talks with President Tomas Rey on river shipping.\n' +
    'The two sides said they would meet again before winter.' })
  addEvent(a, { n: 1, type: 'CONSULT', source: 'Anna Berg', target: 'Tomas Rey', date: '2024-05-13', basis: 'relative-to-publication', location: 'Porto Alto', needle: 'arrived in Porto Alto', trigger: 'arrived' })
  const b = makeDoc({ id: 'b', outlet: 'Southern Wire', text:
    'Anna Berg, the Norland foreign minister, arrived in Porto Alto on Monday for talks with President Tomas Rey about shipping on the river.\n' +
    'Officials said the talks followed a ferry collision early Thursday that killed 12 people.\n' +
    'A later statement put the toll at 19 people killed in the collision near Porto Alto.' })
  addEvent(b, { n: 1, type: 'CONSULT', source: 'Anna Berg', target: 'Tomas Rey', basis: 'unresolved', location: 'Porto Alto', needle: 'arrived in Porto Alto', trigger: 'arrived' })
  addTimex(b, 'Monday')
  addEvent(b, { n: 2, type: 'ASSAULT', basis: 'unresolved', location: 'Porto Alto', needle: 'ferry collision', trigger: 'collision' })
  addTimex(b, 'early Thursday')
  addClaim(b, 1, 12, null, 'people killed', 'killed 12 people')
  addClaim(b, 2, 19, null, 'people killed', 'toll at 19')
  // a copy of page a on a content farm: not a second source
  const c = makeDoc({ id: 'c', outlet: 'Clickfarm', published: '2024-05-15', text: a.text })
  addEvent(c, { n: 1, type: 'CONSULT', source: 'Anna Berg', target: 'Tomas Rey', date: '2024-05-13', basis: 'relative-to-publication', location: 'Porto Alto', needle: 'arrived in Porto Alto', trigger: 'arrived' })
  // another meeting of the same envoy: other partner, other month — a different event
  const d = makeDoc({ id: 'd', outlet: 'Northern Ledger', published: '2024-02-10', text: 'Anna Berg met Lena Ortiz in Porto Alto on Friday to discuss fishing quotas.' })
  addEvent(d, { n: 1, type: 'CONSULT', source: 'Anna Berg', target: 'Lena Ortiz', date: '2024-02-09', basis: 'relative-to-publication', location: 'Porto Alto', needle: 'met Lena Ortiz', trigger: 'met' })
  // an undated page dated by a role: the Chief Envoy of Norland held office 2021-04 to 2022-02, so "November 20" can only be 2021-11-20
  const e = makeDoc({ id: 'e', outlet: 'Archive Notes', text: 'Chief Envoy of Norland Anna Berg visited Lindholm on November 20 to open a cultural centre.' })
  addEvent(e, { n: 1, type: 'CONSULT', source: 'Anna Berg', target: null, basis: 'unresolved', location: 'Lindholm', needle: 'visited Lindholm', trigger: 'visited' })
  addTimex(e, 'November 20')
  return [a, b, c, d, e]
}

test('one visit reported by two outlets and a copy is one story event with two independent sources', () => {
  const u = analyzeCorpus(corpus(), { kb: KB })
  const se = u.eventStory.get('a:e1')
  assert.ok(se)
  assert.equal(u.eventStory.get('b:e1'), se)
  assert.equal(u.eventStory.get('c:e1'), se)
  assert.notEqual(u.eventStory.get('d:e1'), se, 'a meeting with another partner months earlier stays apart')
  const rec = u.records.find((r) => r.kind === 'story_event' && r.id === se) as StoryEventRecord
  assert.deepEqual([...rec.independent_sources].sort(), ['a', 'b'])
  assert.equal(rec.first_reported_by, 'Northern Ledger')
  assert.equal(u.docs.get('c')?.duplicates?.[0]?.relation, 'copy-of')
  const story = u.records.find((r) => r.kind === 'story' && r.documents.includes('a')) as StoryRecord
  assert.ok(story.documents.includes('b') && story.documents.includes('c') && !story.documents.includes('d'))
})

test('an undated page is dated from the event it shares with a dated page, and its relative dates follow', () => {
  const u = analyzeCorpus(corpus(), { kb: KB })
  assert.deepEqual({ ...u.docs.get('b')?.published_inferred, basis: undefined }, { date: '2024-05-13', precision: 'week', basis: undefined })
  // what the events stage said ("unresolved") is kept beside the inferred date: the next analysis starts from it again
  const given = { date: null, date_precision: null, date_basis: 'unresolved' }
  assert.deepEqual(u.events?.get('b:e1'), { date: '2024-05-13', date_precision: 'day', date_basis: 'inferred', date_given: given })
  assert.deepEqual(u.events?.get('b:e2'), { date: '2024-05-09', date_precision: 'day', date_basis: 'inferred', date_given: given })
})

test('role tenure dates a page and resolves its yearless date', () => {
  const u = analyzeCorpus(corpus(), { kb: KB })
  const inf = u.docs.get('e')?.published_inferred
  assert.equal(inf?.date, '2021-11')
  assert.equal(inf?.precision, 'month')
  assert.match(inf!.basis, /Chief Envoy of Norland/)
  assert.equal(u.events?.get('e:e1')?.date, '2021-11-20')
})

test('two tolls for one collision on one page are a contradiction; unrelated figures are not', () => {
  const u = analyzeCorpus(corpus(), { kb: KB })
  const cs = u.records.filter((r) => r.kind === 'contradiction') as ContradictionRecord[]
  assert.equal(cs.length, 1)
  assert.deepEqual(cs[0].members.map((m) => m.value).sort(), [12, 19])
  for (const m of cs[0].members) assert.equal(corpus()[1].text.slice(m.evidence.start, m.evidence.end), m.evidence.text)
})

test('outlet profiles count framing per 1,000 words, once per original', () => {
  const docs = corpus()
  docs[0].framing.push({ start: 0, end: 6, term: 'Norland', neutral: 'x', text: docs[0].text.slice(0, 6), label: 'test-term' })
  docs[2].framing.push({ start: 0, end: 6, term: 'Norland', neutral: 'x', text: docs[2].text.slice(0, 6), label: 'test-term' })
  const u = analyzeCorpus(docs, { kb: KB })
  const ledger = u.records.find((r) => r.kind === 'outlet' && r.name === 'Northern Ledger') as OutletProfileRecord
  assert.equal(ledger.documents, 2)
  assert.equal(ledger.terms[0].count, 1)
  assert.ok(ledger.terms[0].per_1000_words > 0)
  assert.equal(u.records.some((r) => r.kind === 'outlet' && r.name === 'Clickfarm'), false, 'a copy adds no outlet of its own')
})
