import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Doc } from '../../doc/doc.js'
import { findTimex } from '../timex/timex.js'
import { findQuotes } from '../quotes/quotes.js'
import { findEvents } from './events.js'
import { badSpans, testDoc, type TestActor } from './test-doc.js'

const ACTORS: TestActor[] = [
  { name: 'Anna Berg', type: 'PERSON', surfaces: ['Anna Berg', 'Berg'] },
  { name: 'Tomas Vik', type: 'PERSON', surfaces: ['Tomas Vik', 'Vik'] },
  { name: 'Nordland', type: 'GPE', surfaces: ['Nordland'] },
  { name: 'Sudmark', type: 'GPE', surfaces: ['Sudmark'] },
  { name: 'Ostburg', type: 'GPE', surfaces: ['Ostburg'] },
  { name: 'Harbour League', type: 'GROUP', surfaces: ['Harbour League'] },
  { name: 'Daily Courier', type: 'ORG', surfaces: ['Daily Courier'] },
  { name: 'Coastal Union', type: 'ORG', surfaces: ['Coastal Union'] },
]
// Tuesday
const PUB = '2024-03-12'

function events(text: string, published: string | null = PUB) {
  const doc: Doc = testDoc(text, { published, actors: ACTORS })
  const L = doc.layers
  const timex = findTimex(doc.text, L.sentences!, published).timex
  const quotes = findQuotes(doc.text, L.paragraphs!, L.sentences!, L.entities!, doc.id).quotes
  const out = findEvents(doc, { sentences: L.sentences!, entities: L.entities!, timex, quotes })
  return { doc, ...out }
}
const rows = (text: string, published: string | null = PUB) => events(text, published).events.map((e) => [e.type, e.source_actor?.name ?? null, e.target_actor?.name ?? null, e.date])

test('a visit: visitor as source, the person met as target, the city as location, the weekday resolved', () => {
  const { events: evs } = events('Anna Berg visited Ostburg on Monday, where she met Tomas Vik.')
  assert.equal(evs.length, 1)
  assert.deepEqual([evs[0].type, evs[0].mode, evs[0].source_actor?.name, evs[0].target_actor?.name, evs[0].location, evs[0].date, evs[0].date_precision],
    ['CONSULT', 'visit', 'Anna Berg', 'Tomas Vik', 'Ostburg', '2024-03-11', 'day'])
})

test('negations, hypotheticals and plans are not events (#5)', () => {
  assert.deepEqual(rows('Nordland had not supplied Sudmark with missiles.'), [])
  assert.deepEqual(rows('Nordland could impose sanctions on Sudmark.'), [])
  assert.deepEqual(rows('Nordland is preparing to attack Sudmark.'), [])
})

test('passive voice: the subject is the target, the "by" phrase the source; "attacked X\'s plan" is talk', () => {
  assert.deepEqual(rows('Tomas Vik was arrested by Nordland in Ostburg.').map((e) => e.slice(0, 3)), [['COERCE', 'Nordland', 'Tomas Vik']])
  assert.deepEqual(rows('Berg attacked Vik’s budget plan in a debate.'), [])
})

test('a denial inside a statement is the speaker\'s REJECT', () => {
  assert.deepEqual(rows('Nordland said it had never supplied Sudmark with drones.'), [['REJECT', 'Nordland', null, null]])
})

test('attribution: who reports it is kept, and a pluperfect background act keeps no statement date', () => {
  const { events: evs } = events('In January, the Daily Courier reported that Nordland had supplied Sudmark with rockets.')
  assert.deepEqual(evs.map((e) => [e.type, e.mode, e.source_actor?.name, e.target_actor?.name, e.date, e.reported_by]),
    [['AID', 'military', 'Nordland', 'Sudmark', null, 'Daily Courier']])
})

test('background clauses keep their own date', () => {
  const evs = rows('On Friday, Vik condemned the assassination of Anna Berg in Ostburg last week.')
  assert.deepEqual(evs.find((e) => e[0] === 'ACCUSE')?.slice(0, 2), ['ACCUSE', 'Tomas Vik'])
  assert.equal(evs.find((e) => e[0] === 'ACCUSE')?.[3], '2024-03-08')
  assert.equal(evs.find((e) => e[0] === 'ASSAULT')?.[3], '2024-03-04')
})

test('a claimed attack takes its claimant as source, and its condemnation the claimant as target', () => {
  const evs = rows('A bomb attack in Ostburg killed nine people on Sunday. The Harbour League claimed responsibility for the attack. Berg condemned the attack.')
  assert.deepEqual(evs.find((e) => e[0] === 'ASSAULT'), ['ASSAULT', 'Harbour League', null, '2024-03-10'])
  assert.deepEqual(evs.find((e) => e[0] === 'ACCUSE')?.slice(0, 3), ['ACCUSE', 'Anna Berg', 'Harbour League'])
})

test('coordinated sources give one event each; a phone call joins both leaders', () => {
  assert.deepEqual(rows('Nordland and the Coastal Union imposed sanctions on Sudmark.').map((e) => e.slice(0, 3)),
    [['SANCTION', 'Nordland', 'Sudmark'], ['SANCTION', 'Coastal Union', 'Sudmark']])
  const phone = events('Anna Berg and her counterpart, Tomas Vik, discussed trade in a phone call on Saturday.').events
  assert.deepEqual(phone.map((e) => [e.type, e.mode, e.source_actor?.name, e.target_actor?.name, e.date]), [['CONSULT', 'phone', 'Anna Berg', 'Tomas Vik', '2024-03-09']])
})

test('one event told twice is one event', () => {
  const evs = rows('Berg pledged closer cooperation with Sudmark on Monday.\n\nBerg also promised cooperation with Sudmark.')
  assert.deepEqual(evs, [['AGREE', 'Anna Berg', 'Sudmark', '2024-03-11']])
})

test('an undated page keeps relative dates unresolved', () => {
  const { events: evs } = events('Vik visited Ostburg on Monday.', null)
  assert.equal(evs[0].date, null)
  assert.equal(evs[0].date_basis, 'unresolved')
})

test('evidence and trigger spans index the text after an emoji and a combining mark; ids are deterministic', () => {
  const text = '💩 Re\u0301gis wrote twice.\n\nNordland withdrew from Ostburg this week. Vik urged Sudmark to reopen the border.'
  const a = events(text), b = events(text)
  assert.deepEqual(a.events.map((e) => e.type), ['RETREAT', 'REQUEST'])
  assert.deepEqual(badSpans(a.doc, a.events.flatMap((e) => [e.evidence, e.trigger])), [])
  assert.deepEqual(a.events.map((e) => e.id), [`${a.doc.id}:e1`, `${a.doc.id}:e2`])
  assert.deepEqual(a.events, b.events)
  assert.equal(a.events[0].date_precision, 'week')
})
