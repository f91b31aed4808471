import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { ContradictionRecord, StoryEventRecord, StoryRecord } from '../model/records.js'
import { analyzeCorpus } from './index.js'
import { addClaim, addEntity, addEvent, addTimex, makeDoc, tinyKb } from './fixtures.js'

// Invented states (Norland, Suderia), people and places; every sentence written for this test (with an emoji and a combining mark).
const KB = tinyKb([
  { id: 'T:norland', name: 'Norland', type: 'GPE', affiliation: 'NOR', code: 'NOR' },
  { id: 'T:suderia', name: 'Suderia', type: 'GPE', affiliation: 'SUD', code: 'SUD' },
  { id: 'T:anna-berg', name: 'Anna Berg', type: 'PERSON', affiliation: 'NOR', code: null },
  { id: 'T:tomas-rey', name: 'Tomas Rey', type: 'PERSON', affiliation: 'SUD', code: null },
  { id: 'T:marco-vell', name: 'Marco Vell', type: 'PERSON', affiliation: 'SUD', code: null },
  { id: 'T:lena-ortiz', name: 'Lena Ortiz', type: 'PERSON', affiliation: 'SUD', code: null,
    roles: [{ office: 'SUD:fm', title: 'Foreign Minister of Suderia', from: '2019-01-10', to: null, code: null }] },
  { id: 'T:porto-alto', name: 'Porto Alto', type: 'GPE', affiliation: 'SUD', code: null },
  { id: 'T:lindholm', name: 'Lindholm', type: 'GPE', affiliation: 'NOR', code: null },
])

function corpus() {
  // Wednesday 2024-05-15: the bombing was on Sunday the 12th, the talks on Tuesday the 14th
  const p1 = makeDoc({ id: 'p1', outlet: 'North Ledger', published: '2024-05-15', text:
    'A car bomb tore through the market square of Porto Alto on Sunday, killing 23 people 💩.\n' +
    'Defence minister Tomas Rey met Anna Berg on Tuesday to discuss the border.\n' +
    'Foreign minister Lena Ortiz on Wednesday rejected the claim that Suderia armed the rebels.' })
  addEvent(p1, { n: 1, type: 'ASSAULT', date: '2024-05-12', basis: 'relative-to-publication', location: 'Porto Alto', needle: 'car bomb tore', trigger: 'tore through' })
  addEvent(p1, { n: 2, type: 'CONSULT', source: 'Tomas Rey', target: 'Anna Berg', date: '2024-05-14', basis: 'relative-to-publication', needle: 'Rey met', trigger: 'met' })
  addEvent(p1, { n: 3, type: 'REJECT', source: 'Lena Ortiz', date: '2024-05-15', basis: 'relative-to-publication', needle: 'Ortiz on Wednesday', trigger: 'rejected' })
  addClaim(p1, 1, 23, null, 'killing 23 people', 'killing 23')
  // Tuesday 2024-05-14: a date that belongs to the condemnation, a chained "two days after", a toll in martyrs
  const p2 = makeDoc({ id: 'p2', outlet: 'South Wire', published: '2024-05-14', text:
    'Ministry spokesman Pavel Dorn on Tuesday condemned the bombing in Porto Alto.\n' +
    'Tomas Rey held talks with Anna Berg on Tuesday, two days after a car bomb attack in Porto Alto.\n' +
    'The toll has risen to 31 martyrs, among them 4 children, the provincial office said.' })
  addEvent(p2, { n: 1, type: 'ASSAULT', date: '2024-05-14', basis: 'relative-to-publication', location: 'Porto Alto', needle: 'condemned the bombing', trigger: 'bombing' })
  addEvent(p2, { n: 2, type: 'ACCUSE', source: 'Pavel Dorn', date: '2024-05-14', basis: 'relative-to-publication', needle: 'condemned the bombing', trigger: 'condemned' })
  addEvent(p2, { n: 3, type: 'CONSULT', source: 'Tomas Rey', target: 'Anna Berg', date: '2024-05-14', basis: 'relative-to-publication', needle: 'held talks', trigger: 'held talks' })
  addEvent(p2, { n: 4, type: 'ASSAULT', location: 'Porto Alto', needle: 'two days after', trigger: 'attack' })
  addTimex(p2, 'on Tuesday', '2024-05-14')
  addClaim(p2, 1, 31, null, '31 martyrs', 'toll has risen')
  addClaim(p2, 2, 4, null, '4 children', 'toll has risen')
  // undated newsletter: weekdays only, "in March" without a year, an older bombing elsewhere, two figures in one sentence
  const p3 = makeDoc({ id: 'p3', outlet: 'Desk Notes', text:
    'On Wednesday, Lena Ortiz rejected the claim once more.\n' +
    'Sunday\'s bombing in Porto Alto still dominates the week. State radio says 23 dead, the governor says 31, and nobody explains the gap.\n' +
    'A report in March said Suderia shipped rifles to the rebels. The twin bombings in Lindholm in January were claimed by the Hollow Front.' })
  addEvent(p3, { n: 1, type: 'REJECT', source: 'Lena Ortiz', basis: 'unresolved', needle: 'rejected the claim once', trigger: 'rejected' })
  addEvent(p3, { n: 2, type: 'ASSAULT', basis: 'unresolved', location: 'Porto Alto', needle: "bombing in Porto Alto still", trigger: 'bombing' })
  addEvent(p3, { n: 3, type: 'AID', source: 'Suderia', basis: 'unresolved', needle: 'shipped rifles', trigger: 'shipped' })
  addEvent(p3, { n: 4, type: 'ASSAULT', source: 'Hollow Front', basis: 'unresolved', location: 'Lindholm', needle: 'twin bombings', trigger: 'bombings' })
  for (const t of ['On Wednesday', 'Sunday', 'in March', 'in January']) addTimex(p3, t)
  // a copy of p1 a day later, and a page that reaches the minister through his title and gives the talks only its week
  const p4 = makeDoc({ id: 'p4', outlet: 'Clickfarm', published: '2024-05-16', text: p1.text })
  addEvent(p4, { n: 1, type: 'ASSAULT', date: '2024-05-12', basis: 'relative-to-publication', location: 'Porto Alto', needle: 'car bomb tore', trigger: 'tore through' })
  addClaim(p4, 1, 23, null, 'killing 23 people', 'killing 23')
  const p5 = makeDoc({ id: 'p5', outlet: 'East Post', published: '2024-05-15', text: 'Suderia\'s defence minister met Anna Berg to discuss the border crossings.' })
  addEvent(p5, { n: 1, type: 'CONSULT', source: 'Marco Vell', target: 'Anna Berg', date: '2024-05-13', precision: 'week', basis: 'publication', needle: 'met Anna Berg', trigger: 'met' })
  addEntity(p5, 'Marco Vell', 'PERSON', 'role', "Suderia's defence minister")
  addEntity(p5, 'Anna Berg', 'PERSON', 'alias')
  return [p1, p2, p3, p4, p5]
}

const run = () => analyzeCorpus(corpus(), { kb: KB })
const storyOf = (u: ReturnType<typeof run>, id: string) => u.eventStory.get(id)

test('an undated page is dated by the weekdays of the events it shares, as the week of their Monday', () => {
  const u = run()
  const inf = u.docs.get('p3')?.published_inferred
  assert.deepEqual([inf?.date, inf?.precision], ['2024-05-13', 'week'])
  assert.equal(storyOf(u, 'p3:e1'), storyOf(u, 'p1:e3'), '"On Wednesday" joins the denial another page dates to Wednesday')
  assert.equal(u.events?.get('p3:e2')?.date, '2024-05-12')
  assert.equal(u.events?.get('p3:e3')?.date, '2024-03', 'a month without a year is the latest such month before the anchor')
  assert.equal(u.events?.get('p3:e4')?.date, '2024-01')
  assert.notEqual(storyOf(u, 'p3:e4'), storyOf(u, 'p1:e1'), 'a bombing in another town stays apart')
})

test('a date that belongs to a later act, and a chained offset, both leave the bombing on its own day', () => {
  const u = run()
  const se = storyOf(u, 'p1:e1')
  assert.equal(storyOf(u, 'p2:e1'), se)
  assert.equal(storyOf(u, 'p2:e4'), se)
  assert.equal(u.events?.get('p2:e1')?.date, '2024-05-12', 'the condemnation\'s Tuesday is replaced by the bombing\'s day')
  assert.equal(u.events?.get('p2:e4')?.date, '2024-05-12')
  const rec = u.records.find((r) => r.kind === 'story_event' && r.id === se) as StoryEventRecord
  assert.equal(rec.date, '2024-05-12')
  assert.equal(u.records.some((r) => r.kind === 'contradiction' && r.field === 'date'), false)
})

test('an actor reached through a title does not veto a match, and a week default takes its story event\'s day', () => {
  const u = run()
  assert.equal(storyOf(u, 'p5:e1'), storyOf(u, 'p1:e2'))
  assert.equal(u.records.some((r) => r.kind === 'contradiction' && r.field === 'source_actor'), false)
  assert.deepEqual(u.events?.get('p5:e1'), { date: '2024-05-14', date_precision: 'day', date_basis: 'inferred', date_given: { date: '2024-05-13', date_precision: 'week', date_basis: 'publication' } })
})

test('pages sharing one dated story event reported by two outlets are one story', () => {
  const stories = run().records.filter((r) => r.kind === 'story') as StoryRecord[]
  assert.equal(stories.length, 1)
  assert.deepEqual([...stories[0].documents].sort(), ['p1', 'p2', 'p3', 'p4', 'p5'])
})

test('tolls of one attack disagree across pages and within one; parts of a toll and copies add nothing', () => {
  const cs = run().records.filter((r) => r.kind === 'contradiction') as ContradictionRecord[]
  assert.equal(cs.length, 1)
  const c = cs[0]
  assert.equal(c.field, 'claim:killed')
  const got = c.members.map((m) => `${m.doc}:${m.value}`).sort()
  assert.deepEqual(got, ['p1:23', 'p2:31', 'p3:23', 'p3:31'], 'martyrs count as people killed; "among them 4" is a part; the copy p4 is skipped')
  const docs = corpus()
  for (const m of c.members) assert.equal(docs.find((d) => d.id === m.doc)!.text.slice(m.evidence.start, m.evidence.end), m.evidence.text)
})

test('a re-run over stored records with inferred dates gives the same dates', () => {
  const first = run()
  const stored = corpus().map((d) => ({ ...d, events: d.events.map((e) => { const o = first.events?.get(e.id); return o ? { ...e, ...o, date_inferred: true } : e }) }))
  const again = analyzeCorpus(stored, { kb: KB })
  assert.deepEqual([...(again.events ?? new Map())].sort(), [...(first.events ?? new Map())].sort())
})

test('a toll on a page with no attack event joins the attack at the place it names, within a month', () => {
  const docs = corpus()
  const p6 = makeDoc({ id: 'p6', outlet: 'Hill Times', published: '2024-05-16', text: 'Hospital staff in Porto Alto said 27 people were killed and 40 were wounded.' })
  addEntity(p6, 'Porto Alto', 'GPE', 'alias', 'Porto Alto', 'SUD')
  addClaim(p6, 1, 27, null, '27 people', '27 people')
  const late = makeDoc({ id: 'p7', outlet: 'Hill Times', published: '2024-09-20', text: 'Doctors in Porto Alto said 5 people were killed in a new blast.' })
  addEntity(late, 'Porto Alto', 'GPE', 'alias', 'Porto Alto', 'SUD')
  addClaim(late, 1, 5, null, '5 people', '5 people')
  const cs = analyzeCorpus([...docs, p6, late], { kb: KB }).records.filter((r) => r.kind === 'contradiction') as ContradictionRecord[]
  assert.equal(cs.length, 1)
  assert.ok(cs[0].members.some((m) => m.doc === 'p6' && m.value === 27))
  assert.ok(!cs[0].members.some((m) => m.doc === 'p7'), 'four months later the place names another attack')
})

test('an ambiguous yearless month never dates a page on its own', () => {
  const d = makeDoc({ id: 'q', outlet: 'Letters', text: 'Foreign Minister of Suderia Lena Ortiz said in March that the port would reopen.' })
  addEntity(d, 'Lena Ortiz', 'PERSON', 'alias')
  addTimex(d, 'in March')
  const dated = makeDoc({ id: 'r', outlet: 'North Ledger', published: '2024-05-15', text: 'Nothing else happened.' })
  const u = analyzeCorpus([d, dated], { kb: KB })
  assert.equal(u.docs.get('q')?.published_inferred ?? null, null, 'a term from 2019 to now leaves March in five years')
})

test('a meeting written with its sides the other way round is no dispute over who acted', () => {
  const a = makeDoc({ id: 's1', outlet: 'North Ledger', published: '2024-05-15', text: 'Tomas Rey met Anna Berg on Tuesday in Lindholm.' })
  addEvent(a, { n: 1, type: 'CONSULT', source: 'Tomas Rey', target: 'Anna Berg', date: '2024-05-14', location: 'Lindholm', needle: 'Rey met', trigger: 'met' })
  const b = makeDoc({ id: 's2', outlet: 'South Wire', published: '2024-05-15', text: 'Anna Berg and Tomas Rey held talks in Lindholm on Tuesday.' })
  addEvent(b, { n: 1, type: 'CONSULT', source: 'Anna Berg', target: 'Tomas Rey', date: '2024-05-14', location: 'Lindholm', needle: 'held talks', trigger: 'held talks' })
  const u = analyzeCorpus([a, b], { kb: KB })
  assert.equal(u.eventStory.get('s1:e1'), u.eventStory.get('s2:e1'))
  assert.equal(u.records.filter((r) => r.kind === 'contradiction').length, 0)
})

test('the day a statement announced an act is not another day for the act; two days given for the act itself are', () => {
  // Wednesday 2024-05-15 and Thursday 2024-05-16: one page dates the promise, the other only its announcement
  const a = makeDoc({ id: 'n1', outlet: 'North Ledger', published: '2024-05-15', text: 'Tomas Rey promised Anna Berg on Tuesday to share border maps.' })
  addEvent(a, { n: 1, type: 'AGREE', source: 'Tomas Rey', target: 'Anna Berg', date: '2024-05-14', basis: 'relative-to-publication', needle: 'Rey promised', trigger: 'promised' })
  addTimex(a, 'Tuesday', '2024-05-14')
  const b = makeDoc({ id: 'n2', outlet: 'South Wire', published: '2024-05-16', text: 'Tomas Rey has promised Anna Berg to share border maps, his office said on Wednesday.' })
  addEvent(b, { n: 1, type: 'AGREE', source: 'Tomas Rey', target: 'Anna Berg', date: '2024-05-15', basis: 'relative-to-publication', needle: 'has promised', trigger: 'promised' })
  addTimex(b, 'Wednesday', '2024-05-15')
  const u = analyzeCorpus([a, b], { kb: KB })
  assert.equal(u.eventStory.get('n1:e1'), u.eventStory.get('n2:e1'), 'one promise')
  assert.equal(u.records.filter((r) => r.kind === 'contradiction').length, 0, 'the office announced on Wednesday a promise made on Tuesday')
  // the same words with the act itself on Wednesday: two days for one act
  const c = makeDoc({ id: 'n3', outlet: 'South Wire', published: '2024-05-16', text: 'Tomas Rey promised Anna Berg on Wednesday to share border maps, his office said.' })
  addEvent(c, { n: 1, type: 'AGREE', source: 'Tomas Rey', target: 'Anna Berg', date: '2024-05-15', basis: 'relative-to-publication', needle: 'Rey promised', trigger: 'promised' })
  addTimex(c, 'Wednesday', '2024-05-15')
  const v = analyzeCorpus([a, c], { kb: KB })
  const cs = v.records.filter((r) => r.kind === 'contradiction') as ContradictionRecord[]
  assert.equal(v.eventStory.get('n1:e1'), v.eventStory.get('n3:e1'))
  assert.equal(cs.length, 1)
  assert.deepEqual(cs[0].members.map((m) => m.value).sort(), ['2024-05-14', '2024-05-15'])
  assert.equal(cs[0].description, 'dates of one AGREE event disagree', 'no internal id in the description')
})

test('a toll of children is not a toll of people: no contradiction between "23 killed" and "6 children killed"', () => {
  const docs = corpus()
  const p8 = makeDoc({ id: 'p8', outlet: 'Hill Times', published: '2024-05-15', text: 'Sunday\'s car bomb in Porto Alto killed 6 children, hospital staff in Porto Alto said.' })
  addEntity(p8, 'Porto Alto', 'GPE', 'alias', 'Porto Alto', 'SUD')
  addEvent(p8, { n: 1, type: 'ASSAULT', date: '2024-05-12', basis: 'relative-to-publication', location: 'Porto Alto', needle: 'car bomb in', trigger: 'car bomb' })
  addClaim(p8, 1, 6, null, '6 children', 'killed 6 children')
  const cs = analyzeCorpus([...docs, p8], { kb: KB }).records.filter((r) => r.kind === 'contradiction') as ContradictionRecord[]
  assert.equal(cs.length, 1, 'only the tolls of people (23 against 31) disagree')
  assert.ok(!cs[0].members.some((m) => m.doc === 'p8'), 'the children are a part of the toll, not another toll')
  assert.match(cs[0].description, /^people killed \(the ASSAULT event in Porto Alto on 2024-05-12\)/)
})
