/**
 * Rules written against held-out pages (docs/coding-rules.md, "Events"): each test uses invented sentences and
 * invented actors, so the rules are checked as language, not as strings of any page.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Doc } from '../../doc/doc.js'
import type { Entity, EventRecord } from '../../doc/layers.js'
import { findTimex } from '../timex/timex.js'
import { findQuotes } from '../quotes/quotes.js'
import { findEvents } from './events.js'
import { testDoc, type TestActor } from './test-doc.js'
import type { TriggerEntry } from './events.data.js'

const ACTORS: (TestActor & { country?: string })[] = [
  { name: 'Anna Berg', type: 'PERSON', surfaces: ['Anna Berg', 'Berg'], country: 'NRD' },
  { name: 'Tomas Vik', type: 'PERSON', surfaces: ['Tomas Vik', 'Vik'], country: 'SUD' },
  { name: 'Lena Holm', type: 'PERSON', surfaces: ['Lena Holm', 'Holm'], country: 'NRD' },
  { name: 'Nordland', type: 'GPE', surfaces: ['Nordland'], country: 'NRD' },
  { name: 'Sudmark', type: 'GPE', surfaces: ['Sudmark'], country: 'SUD' },
  { name: 'Ostburg', type: 'GPE', surfaces: ['Ostburg'], country: 'NRD' },
  { name: 'Porta', type: 'GPE', surfaces: ['Porta'], country: 'SUD' },
  { name: 'Harbour League', type: 'GROUP', surfaces: ['Harbour League'] },
  { name: 'Nordland Interior Ministry', type: 'ORG', surfaces: ['Nordland Interior Ministry'], country: 'NRD' },
]
// a Wednesday
const PUB = '2024-05-15'

function run(text: string, published: string | null = PUB) {
  const base: Doc = testDoc(text, { published, actors: ACTORS })
  const entities: Entity[] = base.layers.entities!.map((e) => ({ ...e, affiliation: ACTORS.find((a) => a.name === e.name)?.country ?? null }))
  const doc: Doc = { ...base, layers: { ...base.layers, entities } }
  const L = doc.layers
  const timex = findTimex(doc.text, L.sentences!, published).timex
  const quotes = findQuotes(doc.text, L.paragraphs!, L.sentences!, entities, doc.id).quotes
  return { doc, quotes, ...findEvents(doc, { sentences: L.sentences!, entities, timex, quotes }) }
}
const rows = (text: string, published: string | null = PUB) => run(text, published).events.map((e) => [e.type, e.source_actor?.name ?? null, e.target_actor?.name ?? null, e.date])

/** Reads texts through the whole default pipeline (parse, knowledge base, trigger model): the events of a text set after a title line. */
async function fullPipeline(): Promise<(text: string) => readonly EventRecord[]> {
  const { defaultPipeline } = await import('../../pipeline/default.js')
  const { cleanedDoc } = await import('../clean/index.js')
  const { pipeline } = defaultPipeline()
  return (text) => pipeline.run(cleanedDoc({ path: 'x.txt', text: `Title\n\n${text}` }, 'x')).doc.layers.events!
}

test('what a speaker denies, or claims the speaker dismisses, are not events', () => {
  assert.deepEqual(rows('Berg denied on Monday that Nordland had shipped rockets to Sudmark.'), [['REJECT', 'Anna Berg', null, '2024-05-13']])
  assert.deepEqual(rows('Vik dismissed reports by foreign analysts that Sudmark had supplied drones to Nordland.').map((e) => e[0]), ['REJECT'])
})

test('"sent no rockets" is negated: the statement is the speaker\'s REJECT, dated by the statement', () => {
  assert.deepEqual(rows('Berg said on Tuesday that Nordland had sent no rockets to Sudmark.'), [['REJECT', 'Anna Berg', null, '2024-05-14']])
})

test('an indirect question or a hyphenated compound is not an event', () => {
  assert.deepEqual(rows('Analysts wonder whether Nordland pledged support to Sudmark.'), [])
  assert.deepEqual(rows('The long-promised Nordland plan for Sudmark is late.'), [])
})

test('a relative clause describing the subject never holds it; a predicate noun is not a subject', () => {
  assert.deepEqual(rows('Berg, who was the envoy of Sudmark until May, met Tomas Vik on Tuesday.'), [['CONSULT', 'Anna Berg', 'Tomas Vik', '2024-05-14']])
})

test('after a clause opener, the name before an apposition is the subject of the verb that follows', () => {
  assert.deepEqual(rows('Vik spoke in Porta, a day after Anna Berg, one of the ministers of Nordland, promised Sudmark closer ties.').map((e) => e.slice(0, 3)),
    [['AGREE', 'Anna Berg', 'Sudmark']])
})

test('an organisation before title words and a name qualifies that person', () => {
  assert.deepEqual(rows('Nordland Interior Ministry spokeswoman Lena Holm on Wednesday condemned the Harbour League.'), [['ACCUSE', 'Lena Holm', 'Harbour League', '2024-05-15']])
})

test('condolences sent to someone: a verbal SUPPORT with the addressee as target and its own day', () => {
  assert.deepEqual(rows('On Monday Berg sent Vik a message of condolence.'), [['SUPPORT', 'Anna Berg', 'Tomas Vik', '2024-05-13']])
  assert.deepEqual(rows('Berg expressed sympathy for the government and the people of Sudmark.').map((e) => e.slice(0, 3)), [['SUPPORT', 'Anna Berg', 'Sudmark']])
})

test('condolences to unnamed families go to the country of the attack\'s place', () => {
  const evs = rows('A bomb attack in Porta killed six people on Sunday.\n\nNordland expressed its condolences to the families of the victims.')
  assert.deepEqual(evs.find((e) => e[0] === 'SUPPORT')?.slice(0, 3), ['SUPPORT', 'Nordland', 'Sudmark'])
})

test('a speech act whose subject is the speaker\'s own state is the speaker\'s', () => {
  assert.deepEqual(rows('Berg told Vik on Tuesday that Nordland was ready to deepen its cooperation with Sudmark.').map((e) => e.slice(0, 3)),
    [['AGREE', 'Anna Berg', 'Sudmark']])
})

test('a speech act takes the day of a later reporting verb', () => {
  assert.deepEqual(rows('Berg has promised Sudmark more grain, her office said on Monday.'), [['AGREE', 'Anna Berg', 'Sudmark', '2024-05-13']])
})

test('a nominal accusation is dated by the statement it belongs to', () => {
  assert.deepEqual(rows('On Monday, Berg sent condolences to Vik, calling the bombing a heinous crime.').map((e) => [e[0], e[1], e[3]]),
    [['SUPPORT', 'Anna Berg', '2024-05-13'], ['ACCUSE', 'Anna Berg', '2024-05-13']])
})

test('two people agreeing somewhere met there; "A, the …, and his counterpart B agreed" is one mutual AGREE', () => {
  const evs = rows('Tomas Vik, the envoy of Sudmark, and his Nordland counterpart Anna Berg agreed in Ostburg on Tuesday to hold regular talks.')
  assert.deepEqual(evs.map((e) => [e[0], [e[1], e[2]].sort().join('+'), e[3]]), [['AGREE', 'Anna Berg+Tomas Vik', '2024-05-14'], ['CONSULT', 'Anna Berg+Tomas Vik', '2024-05-14']])
})

test('meetings held with a titled list, a bracketed acronym repeating a party is not another party', () => {
  const evs = rows('In Ostburg on Tuesday, Berg held separate meetings with Tomas Vik, the chief of staff Lena Holm and the Harbour League (HL).')
  assert.deepEqual(evs.map((e) => [e[0], e[2], e[3]]), [['CONSULT', 'Tomas Vik', '2024-05-14'], ['CONSULT', 'Lena Holm', '2024-05-14'], ['CONSULT', 'Harbour League', '2024-05-14']])
})

test('"saw" is a meeting only with a named person right after it', () => {
  assert.deepEqual(rows('Berg saw Tomas Vik in Ostburg.').map((e) => e.slice(0, 3)), [['CONSULT', 'Anna Berg', 'Tomas Vik']])
  assert.deepEqual(rows('Berg saw a sharp rise in trade with Sudmark.'), [])
})

test('readiness to widen an exchange "with our <nationality> friends" is an offer to that country', () => {
  const { events: evs } = run('“We are ready to widen the exchange of information with our Sudmarkian friends,” Berg said.')
  assert.deepEqual(evs.map((e) => [e.type, e.source_actor?.name]), [['AGREE', 'Anna Berg']])
})

test('the location is said in the trigger\'s own clause; it is kept as an actor when an entity names it', () => {
  const { events: evs } = run('Berg pledged support to Sudmark, as Porta counted its dead.')
  assert.equal(evs[0].location, null)
  const visit = run('Berg held talks with Vik in Ostburg.').events[0]
  assert.deepEqual([visit.location, visit.location_actor?.name], ['Ostburg', 'Ostburg'])
})

test('a negated verb before a noun of support negates it; an unclaimed attack stays an event', () => {
  assert.deepEqual(rows('Nordland has not found a single word of sympathy for Sudmark.'), [])
  assert.deepEqual(rows('No group has claimed the bombing in Porta.').map((e) => e[0]), ['ASSAULT'])
})

test('new verbal triggers: fingerprints, punishment vowed, expectations, sitting down, pouring weapons, rounds of sanctions', () => {
  assert.deepEqual(rows('Vik said the blast bore the fingerprints of Nordland.').map((e) => e.slice(0, 3)), [['ACCUSE', 'Tomas Vik', 'Nordland']])
  assert.deepEqual(rows('Vik said Sudmark would “find and punish” the Harbour League.').map((e) => e.slice(0, 3)), [['THREATEN', 'Tomas Vik', 'Harbour League']])
  assert.deepEqual(run('“We expect our partners to stand by us,” Vik said.').events.map((e) => [e.type, e.source_actor?.name]), [['REQUEST', 'Tomas Vik']])
  assert.deepEqual(rows('Berg also sat down with Tomas Vik.').map((e) => e.slice(0, 3)), [['CONSULT', 'Anna Berg', 'Tomas Vik']])
  assert.deepEqual(rows('Nordland has poured weapons into Sudmark.').map((e) => e.slice(0, 3)), [['AID', 'Nordland', 'Sudmark']])
  assert.deepEqual(rows('Nordland imposed new rounds of sanctions on Sudmark.').map((e) => e.slice(0, 3)), [['SANCTION', 'Nordland', 'Sudmark']])
})

test('an attack told with its toll, or "which took place" somewhere, is the attack, not a reference', () => {
  assert.deepEqual(rows('Officials said six people had been killed in the explosion at the market in Porta.').map((e) => e[0]), ['ASSAULT'])
  assert.deepEqual(rows('Six people were killed in the terrorist attack, which took place on Sunday in Porta.').map((e) => [e[0], e[3]]), [['ASSAULT', '2024-05-12']])
  assert.deepEqual(rows('A bomb tore through a market in Porta on Sunday.').map((e) => [e[0], e[3]]), [['ASSAULT', '2024-05-12']])
})

test('a meeting day carries over to what its participants say a few sentences later (basis context)', () => {
  const evs = run('Berg held talks with Vik in Ostburg on Tuesday.\n\nVik thanked Nordland for its help.').events
  const thanks = evs.find((e) => e.type === 'SUPPORT')!
  assert.deepEqual([thanks.date, thanks.date_precision, thanks.date_basis], ['2024-05-14', 'day', 'context'])
})

test('a quoted fragment inside a sentence takes the clause subject (and the speaker for its own state)', () => {
  assert.deepEqual(rows('Berg said Nordland was “ready to share its experience” with Sudmark.').map((e) => e.slice(0, 3)), [['AGREE', 'Anna Berg', 'Sudmark']])
})

test('"X rejected it": the claim\'s author named earlier in the sentence is the target', () => {
  assert.deepEqual(rows('The Harbour League has repeated the charge, and Nordland has rejected it.').map((e) => e.slice(0, 3)), [['REJECT', 'Nordland', 'Harbour League']])
})

test('an attack retold with its toll and day merges into the one first named, and keeps the toll sentence as evidence', () => {
  const { events: evs } = run('Berg condemned the bombing in Porta.\n\nSix people were killed in the attack, which took place on Sunday at a market.')
  const a = evs.filter((e) => e.type === 'ASSAULT')
  assert.equal(a.length, 1)
  assert.deepEqual([a[0].location, a[0].date, a[0].evidence.text.startsWith('Six people')], ['Porta', '2024-05-12', true])
})

test('pointing (the finger) at someone is an accusation; pointing at a thing is not', () => {
  assert.deepEqual(rows('Officials in Porta who have pointed at the Harbour League gave no evidence.').map((e) => e.slice(0, 3)), [['ACCUSE', null, 'Harbour League']])
  assert.deepEqual(rows('Berg pointed at the map.'), [])
})

test('an "if" inside a parenthetical between dashes does not make the main verb hypothetical', () => {
  assert.deepEqual(rows('The Harbour League - which would object if talks resumed - called for a boycott of Nordland.').map((e) => e[0]), ['REQUEST'])
})

test('a nominal attack on a named victim with its own time or place is an event, even after "after"/"during"', () => {
  assert.deepEqual(rows('After the killing of Berg in Ostburg late Tuesday, Holm resigned 💩.'), [['ASSAULT', null, 'Anna Berg', '2024-05-14']])
  assert.deepEqual(rows('During the assassination of Berg on Sunday, Holm was abroad.'), [['ASSAULT', null, 'Anna Berg', '2024-05-12']])
  // no time or place of its own: a reference to an act already told; "since": background
  assert.deepEqual(rows('Following the killing of Berg, Holm resigned.'), [])
  assert.deepEqual(rows('Holm has raised prices since the killing of Berg in Ostburg in 2020.'), [])
})

test('a nominal attack named as the reason for a threat takes the threatened party as its author', () => {
  const evs = rows('Holm stated on Monday that Sudmark would receive a harsh response for the killing of Berg early Sunday.')
  assert.deepEqual(evs.find((e) => e[0] === 'ASSAULT'), ['ASSAULT', 'Sudmark', 'Anna Berg', '2024-05-12'])
  assert.deepEqual(evs.find((e) => e[0] === 'THREATEN')?.slice(0, 3), ['THREATEN', 'Lena Holm', 'Sudmark'])
})

test('an attack told twice keeps as evidence the telling that gives its own time (café\u0301)', () => {
  const text = 'Nordland condemned the killing of Berg at the café\u0301.\n\nHolm stated that Sudmark would receive a harsh response for the killing of Berg early Sunday.'
  const { events } = run(text, null)
  const attacks = events.filter((e) => e.type === 'ASSAULT')
  assert.equal(attacks.length, 1)
  assert.match(attacks[0].evidence.text, /early Sunday/)
  assert.equal(attacks[0].date_basis, 'unresolved', 'the undated page keeps the weekday for the corpus to resolve')
  assert.equal(attacks[0].source_actor?.name, 'Sudmark')
})

test('a speaker telling what someone fired "against us" accuses them, dated like the statement', () => {
  assert.deepEqual(rows('Earlier this week, Berg told reporters in Ostburg that “Sudmark has used almost 900 rockets against us and its stock is shrinking.”'),
    [['ACCUSE', 'Anna Berg', 'Sudmark', '2024-05-13']])
  assert.deepEqual(rows('Sudmark has fired drones at us, Berg said on Monday.'), [['ACCUSE', 'Anna Berg', 'Sudmark', '2024-05-13']])
  // a third party's account is no accusation by a speaker, and a negated use is none either
  assert.deepEqual(rows('Sudmark has used rockets against Nordland.'), [])
  assert.deepEqual(rows('Berg said Sudmark has never used rockets against us.').filter((e) => e[0] === 'ACCUSE'), [])
})

test('"the Andean country" stands for the country named last before it, not a city', async () => {
  const { actorIndex } = await import('./actors.js')
  const text = 'Chile hosted the talks in Valparaiso. The Andean country later condemned the raid.'
  const entities: Entity[] = [
    { id: 'e1', actor: 'chl', name: 'Chile', type: 'GPE', affiliation: 'CHL', code: 'CHL', mentions: [{ start: 0, end: 5, text: 'Chile' }] },
    { id: 'e2', actor: 'val', name: 'Valparaiso', type: 'GPE', affiliation: 'CHL', code: null, mentions: [{ start: 26, end: 36, text: 'Valparaiso' }] },
  ]
  const idx = actorIndex(text, [{ start: 0, end: 37 }, { start: 38, end: text.length }], entities)
  const desc = idx.mentions.find((m) => m.text === 'The Andean country')
  assert.ok(desc, 'the description is an actor mention')
  assert.equal(idx.refOf(desc)?.name, 'Chile')
})

test('"the Rojas administration" stands for the state its leader heads, when the document names it; "Rojas said" stays the person', async () => {
  const { actorIndex } = await import('./actors.js')
  const text = 'Ana Rojas spoke in Chile. The Rojas administration later condemned the raid.'
  const entities: Entity[] = [
    { id: 'e1', actor: 'rojas', name: 'Ana Rojas', type: 'PERSON', affiliation: 'CHL', code: null, mentions: [{ start: 0, end: 9, text: 'Ana Rojas' }, { start: 30, end: 35, text: 'Rojas' }] },
    { id: 'e2', actor: 'chl', name: 'Chile', type: 'GPE', affiliation: 'CHL', code: 'CHL', mentions: [{ start: 19, end: 24, text: 'Chile' }] },
  ]
  const idx = actorIndex(text, [{ start: 0, end: 25 }, { start: 26, end: text.length }], entities)
  assert.deepEqual(idx.mentions.filter((m) => m.kind === 'name').map((m) => [m.text, m.ref?.name]), [['Ana Rojas', 'Ana Rojas'], ['Chile', 'Chile'], ['Rojas', 'Chile']])
})

test('a form of "be" before an -ing trigger is the progressive, not a passive: its subject acts', async () => {
  const { readArgs } = await import('./steps/03-arguments.js')
  const args = (text: string, word: string) => {
    const { doc } = run(text)
    const start = text.indexOf(word)
    const entry: TriggerEntry = { pattern: '', type: 'AID', mode: null, pos: 'verb', targetPreps: ['to', ''], reason: 'model' }
    const t = { start, end: start + word.length, text: word, entry }
    const idx = actorIndex(doc.text, doc.layers.sentences!, doc.layers.entities!)
    const r = readArgs({ text, idx, sent: doc.layers.sentences![0]!, quotes: [] }, t)
    return [r.sources.map((x) => x?.name ?? null), r.targets.map((x) => x?.name ?? null)]
  }
  const { actorIndex } = await import('./actors.js')
  assert.deepEqual(args('Nordland has been arming the Harbour League.', 'arming'), [['Nordland'], ['Harbour League']])
  assert.deepEqual(args('The Harbour League was armed by Nordland.', 'armed'), [['Nordland'], ['Harbour League']])
})

test('withdrawing from a deal is SANCTION/withdraw against the party it is named with; forces withdrawing from ground are RETREAT', () => {
  assert.deepEqual(run('Nordland withdrew from the border treaty with Sudmark on Monday.').events.map((e) => [e.type, e.mode, e.source_actor?.name, e.target_actor?.name]), [['SANCTION', 'withdraw', 'Nordland', 'Sudmark']])
  assert.deepEqual(run('Nordland withdrew from the Sudmark border treaty on Monday.').events.map((e) => [e.type, e.target_actor?.name]), [['SANCTION', 'Sudmark']])
  assert.deepEqual(run('Nordland withdrew its troops from Porta on Monday.').events.map((e) => [e.type, e.source_actor?.name]), [['RETREAT', 'Nordland']])
})

test('"the Chilean foreign minister" is a role description (resolved to the last person subject), not the country its adjective names', async () => {
  const { actorIndex } = await import('./actors.js')
  const text = 'Ana Rojas arrived in Lima on Sunday. The Chilean foreign minister also met officials.'
  const entities: Entity[] = [
    { id: 'e1', actor: 'rojas', name: 'Ana Rojas', type: 'PERSON', affiliation: 'CHL', code: null, mentions: [{ start: 0, end: 9, text: 'Ana Rojas' }] },
    { id: 'e2', actor: 'chl', name: 'Chile', type: 'GPE', affiliation: 'CHL', code: 'CHL', mentions: [{ start: 41, end: 48, text: 'Chilean' }] },
  ]
  const idx = actorIndex(text, [{ start: 0, end: 36 }, { start: 37, end: text.length }], entities)
  const role = idx.mentions.find((m) => m.text === 'The Chilean foreign minister')
  assert.ok(role, 'the role description is an actor mention')
  assert.equal(idx.refOf(role)?.name, 'Ana Rojas')
})

test('saying that claims are false or calling them baseless denies them (REJECT by the speaker)', () => {
  assert.deepEqual(rows('Berg said on Monday that the accusations were baseless.'), [['REJECT', 'Anna Berg', null, '2024-05-13']])
  assert.deepEqual(rows('Vik called the allegations groundless on Monday.').map((r) => r.slice(0, 2)), [['REJECT', 'Tomas Vik']])
})

test('calling or describing what someone did as an aggression, a violation or illegal accuses its author', () => {
  assert.deepEqual(rows('Berg called the Sudmark blockade illegal on Monday.').map((r) => r.slice(0, 3)), [['ACCUSE', 'Anna Berg', 'Sudmark']])
  assert.deepEqual(rows('Nordland regards the Sudmark raids on Porta as an aggression.').filter((r) => r[0] === 'ACCUSE').map((r) => r.slice(0, 3)), [['ACCUSE', 'Nordland', 'Sudmark']])
  // a call for something, and praise, are no accusation
  assert.deepEqual(rows('Berg called for an end to the illegal blockade on Monday.').filter((r) => r[0] === 'ACCUSE' && r[2] === 'Sudmark'), [])
  assert.deepEqual(rows('Berg described the talks with Sudmark as constructive.').filter((r) => r[0] === 'ACCUSE'), [])
})

test('"we" in a quote does not make an attack named as a noun the speaker\'s', () => {
  assert.deepEqual(rows('“We condemn the Sudmark missile attacks on Porta,” Berg said on Monday.').filter((r) => r[0] === 'ASSAULT').map((r) => r[1]), [null])
})

test('holding someone responsible, calling them the cause of a crisis or untrustworthy, or saying they failed their obligations accuses them', () => {
  const acc = (text: string) => rows(text).filter((r) => r[0] === 'ACCUSE').map((r) => r.slice(0, 3))
  assert.deepEqual(acc('Nordland held Sudmark responsible for the blast on Monday.'), [['ACCUSE', 'Nordland', 'Sudmark']])
  assert.deepEqual(acc('Tomas Vik said on Monday that Nordland was the main cause of the crisis.'), [['ACCUSE', 'Tomas Vik', 'Nordland']])
  assert.deepEqual(acc('Tomas Vik said on Monday that Nordland is not trustworthy.'), [['ACCUSE', 'Tomas Vik', 'Nordland']])
  assert.deepEqual(acc('Tomas Vik said on Monday that Nordland had failed to honour its commitments.'), [['ACCUSE', 'Tomas Vik', 'Nordland']])
  // the narrator's own words accuse no one
  assert.deepEqual(acc('Nordland was the main cause of the crisis.'), [])
})

test('verbs of harsh criticism are accusations of their object', () => {
  assert.deepEqual(rows('Berg slammed Sudmark on Monday.').map((r) => r.slice(0, 3)), [['ACCUSE', 'Anna Berg', 'Sudmark']])
  assert.deepEqual(rows('Vik lashed out at Nordland on Monday.').map((r) => r.slice(0, 3)), [['ACCUSE', 'Tomas Vik', 'Nordland']])
})

test('a meeting or call framing the sentence ("In a meeting with X, Y said") is held by its main subject, never with oneself', () => {
  assert.deepEqual(rows('In a meeting with Tomas Vik on Monday, Anna Berg said the talks were useful.').filter((r) => r[0] === 'CONSULT').map((r) => r.slice(0, 3)), [['CONSULT', 'Anna Berg', 'Tomas Vik']])
  assert.deepEqual(rows('During a phone call with Anna Berg, Tomas Vik praised the deal.').filter((r) => r[0] === 'CONSULT').map((r) => r.slice(0, 3)), [['CONSULT', 'Tomas Vik', 'Anna Berg']])
  assert.deepEqual(rows('According to the agency, in a meeting with Anna Berg on Monday, Tomas Vik praised the deal.').filter((r) => r[0] === 'CONSULT').map((r) => r.slice(0, 3)), [['CONSULT', 'Tomas Vik', 'Anna Berg']])
})

test('two parties signing with no one else named sign with each other', () => {
  assert.deepEqual(rows('Nordland and Sudmark signed a border agreement on Monday.').filter((r) => r[0] === 'SUPPORT').map((r) => r.slice(0, 3)), [['SUPPORT', 'Nordland', 'Sudmark']])
})

test('"A and his counterpart B discussed …" is a meeting between A and B', () => {
  assert.deepEqual(rows('Anna Berg and her new counterpart Tomas Vik discussed the border on Monday.').filter((r) => r[0] === 'CONSULT').map((r) => r.slice(0, 3)), [['CONSULT', 'Anna Berg', 'Tomas Vik']])
})

test('supplying fighter jets or helicopters is arms supply (AID/military)', () => {
  assert.deepEqual(rows('Nordland supplied Sudmark with fighter jets on Monday.').map((r) => r.slice(0, 3)), [['AID', 'Nordland', 'Sudmark']])
})

test('read by the whole pipeline: a capital acting is its state, and what an agreement says is no second agreement', async () => {
  const { defaultPipeline } = await import('../../pipeline/default.js')
  const { cleanedDoc } = await import('../clean/index.js')
  const { pipeline } = defaultPipeline()
  const events = (text: string) => pipeline.run(cleanedDoc({ path: 'x.txt', text }, 'x')).doc.layers.events!.map((e) => [e.type, e.source_actor?.name ?? null, e.target_actor?.name ?? null])
  assert.deepEqual(events('Tehran rejected the proposal on Monday.'), [['REJECT', 'Iran', null]])
  // a verb of naming whose complement praises accuses no one (the model learned "called the move illegal")
  assert.deepEqual(events('Lavrov called Iran a reliable partner on Monday. Nothing changed.').filter((e) => e[0] === 'ACCUSE'), [])
  // an offer or praise a speaker aims at their own state is said of it, to no one; domestic criticism keeps its target
  assert.deepEqual(events('Iranian President Ebrahim Raisi said Iran is determined to implement the agreements. Nothing changed.').filter((e) => e[0] === 'AGREE').map((e) => e[2]), [null])
  // an agreement is no party: what leaves it, or signs it, is
  const acts = events('Donald Trump pulled out of the Joint Comprehensive Plan of Action (JCPOA) in May 2018. The JCPOA was signed in 2015. Nothing changed.')
  assert.deepEqual(acts.map((e) => e.slice(0, 2)), [['SANCTION', 'Donald Trump']])
  // … nor is an office ("in charge of")
  assert.deepEqual(events('Zarif is in charge of the country\'s foreign policy. Nothing changed.'), [])
  assert.deepEqual(events('Iran called the US move a violation on Monday. Nothing changed.').filter((e) => e[0] === 'ACCUSE'), [['ACCUSE', 'Iran', 'United States']])
  // a name inside the subject's apposition is not the one who acts ("X, secretary of Iran's SNSC (SNSC), …")
  assert.deepEqual(events('Ali Shamkhani, secretary of Iran\'s Supreme National Security Council (SNSC), on Wednesday voiced regret over the raid.').map((e) => e.slice(0, 2)), [['ACCUSE', 'Ali Shamkhani']])
  // … and so is a government ("the Syrian government")
  assert.deepEqual(events('The Syrian government rejected the proposal on Monday.'), [['REJECT', 'Syria', null]])
  // a person killed in an airstrike is its target, before the town where it fell
  assert.deepEqual(events('Senior commander Razi Mousavi was killed in an Israeli airstrike in Damascus on Monday. Nothing changed.').filter((e) => e[0] === 'ASSAULT'), [['ASSAULT', 'Israel', 'Razi Mousavi']])
  // a refusal falls on whom the refused act concerns, read off the parse
  assert.deepEqual(events('On Friday, Russian President Vladimir Putin refused to certify Ukraine\'s compliance with the deal.'), [['REJECT', 'Vladimir Putin', 'Ukraine']])
  // firing rockets at someone, or shelling a place, is an attack; a launch with no target is not
  assert.deepEqual(events('Hezbollah fired dozens of rockets at northern Israel on Monday. Nothing changed.'), [['ASSAULT', 'Hezbollah', 'Israel']])
  assert.deepEqual(events('Russian forces shelled Kharkiv overnight. Nothing changed.').map((e) => e.slice(0, 2)), [['ASSAULT', 'Russia']])
  // an attack on what a party owns falls on that party; an attack on its policies is talk
  assert.deepEqual(events('Russia attacked Ukraine\'s power grid with drones on Monday. Nothing changed.'), [['ASSAULT', 'Russia', 'Ukraine']])
  assert.deepEqual(events('Lavrov attacked Washington\'s policies in the region. Nothing changed.').filter((e) => e[0] === 'ASSAULT'), [])
  // an attack told as the means of a killing is the killer's on the killed ("in an airstrike" hung on the object by the parser)
  assert.deepEqual(events('Israel killed a senior IRGC commander in an airstrike in Damascus on Monday. Nothing changed.').filter((e) => e[0] === 'ASSAULT'), [['ASSAULT', 'Israel', 'Islamic Revolutionary Guard Corps']])
  // a commitment to harm is a threat, a commitment to help an offer ("vowed to respond" / "vowed to help")
  assert.ok(!events('Iran vowed to respond to any attack by Israel. Nothing changed.').some((e) => e[0] === 'AGREE'), 'a vow to respond is no offer')
  assert.deepEqual(events('The IRGC pledged a crushing response to the attack on Monday. Nothing changed.').map((e) => e[0]), ['THREATEN'])
  assert.deepEqual(events('Iran vowed to help Syria rebuild its economy. Nothing changed.').map((e) => e[0]), ['AGREE'])
  // jets striking a depot is no agreement (the model learned "strike" from "struck a deal")
  assert.deepEqual(events('Israel\'s military said its jets struck a weapons depot near Damascus. Nothing changed.').filter((e) => e[0] === 'SUPPORT' || e[0] === 'AGREE'), [])
  // a place alone makes no agreement: only attacks, protests, arrests and deployments stand without an actor
  assert.deepEqual(events('It was announced in Baku, Azerbaijan, during the Fourth Islamic Conference of the Ministers of Higher Education held in October 2008.'), [])
  // talking to a news outlet is no meeting
  assert.deepEqual(events('A European diplomat talked to Reuters on Monday. Nothing changed.').filter((e) => e[0] === 'CONSULT'), [])
  // arms received come from the "from" phrase and go to the receiver
  assert.deepEqual(events('Russia has received hundreds of drones from Iran. Nothing changed.').filter((e) => e[0] === 'AID'), [['AID', 'Iran', 'Russia']])
  // a rejected accusation has no target, whoever made it (the gold's convention; the author of a condemned act is read as in model.test)
  assert.deepEqual(events('Iran on Monday rejected accusations by Kyiv that it had supplied Russia with drones.'), [['REJECT', 'Iran', null]])
  // a call told as the setting of what one party tells another is between them
  assert.deepEqual(events('Iranian Foreign Minister Hossein Amir-Abdollahian told his Russian counterpart Sergei Lavrov in a phone call that talks would go on.').filter((e) => e[0] === 'CONSULT'), [['CONSULT', 'Hossein Amir-Abdollahian', 'Sergei Lavrov']])
  // missile systems delivered are arms supply; troops or warships sent somewhere are a deployment, not aid
  assert.deepEqual(events('Russia delivered S-300 missile systems to Iran in 2016. Nothing changed.'), [['AID', 'Russia', 'Iran']])
  assert.deepEqual(events('Washington sent two aircraft carriers to the Middle East. Nothing changed.'), [['MOBILIZE', 'United States', null]])
  // saying someone violated a deal, acts illegally or was behind an attack accuses them; the narrator's own telling accuses no one
  assert.deepEqual(events('Sergey Lavrov said Washington had violated the resolution. Nothing changed.'), [['ACCUSE', 'Sergey Lavrov', 'United States']])
  assert.deepEqual(events('Iran violated the deal in 2019. Nothing changed.').filter((e) => e[0] === 'ACCUSE'), [])
  // sanctions extended or renewed, names added to a sanctions list, and cooperation suspended are SANCTION
  assert.deepEqual(events('The UN Security Council extended the arms embargo on Iran. Nothing changed.'), [['SANCTION', 'UN Security Council', 'Iran']])
  assert.deepEqual(events('Iran suspended cooperation with the IAEA on Monday. Nothing changed.'), [['SANCTION', 'Iran', 'International Atomic Energy Agency']])
  // sanctions imposed in the passive are imposed by the "by" phrase; each agent of a coordinated "by" phrase acts
  assert.deepEqual(events('Sanctions were imposed on Iran by the European Union on Monday. Nothing changed.'), [['SANCTION', 'European Union', 'Iran']])
  assert.deepEqual(events('The bombing was condemned by Russia and China on Monday. Nothing changed.').filter((e) => e[0] === 'ACCUSE').map((e) => e[1]), ['Russia', 'China'])
  // help a speaker says their own side will give is a promise (AGREE); another party's future act is no event of the speaker's
  assert.deepEqual(events('Vladimir Putin said Russia would supply Iran with fighter jets. Nothing changed.'), [['AGREE', 'Vladimir Putin', 'Iran']])
  assert.deepEqual(events('Ukraine says Iran will send more drones to Russia. Nothing changed.'), [])
  assert.deepEqual(events('Iran supplies the Houthis with missiles, the U.S. says. Nothing changed.'), [['AID', 'Iran', 'Houthis']])
  // a country's own drills are MOBILIZE, joint ones or drills held with someone COOPERATE
  assert.deepEqual(events('The IRGC staged large-scale drills near the border on Monday. Nothing changed.'), [['MOBILIZE', 'Islamic Revolutionary Guard Corps', null]])
  assert.deepEqual(events('Iran held naval drills with Russia on Monday. Nothing changed.'), [['COOPERATE', 'Iran', 'Russia']])
  // "the Iranian and Russian foreign ministers met": the two office holders on the page's date
  const { createDoc } = await import('../../doc/doc.js')
  const dated = 'The Iranian and Russian foreign ministers met in New York on Monday. Nothing changed.'
  const doc = createDoc({ path: 'x.txt', url: null, sha256: 'x', fetched_at: null }, dated, [{ start: 0, end: dated.length }], { title: null, published: '2023-06-10', author: null, outlet: null, copy_of: null })
  assert.deepEqual(pipeline.run(doc).doc.layers.events!.map((e) => [e.type, e.source_actor?.name, e.target_actor?.name]), [['CONSULT', 'Hossein Amir-Abdollahian', 'Sergey Lavrov']])
  // summoning another state's envoy, and lodging a complaint against someone, accuse them
  assert.deepEqual(events('Iran summoned the German ambassador over the remarks on Monday. Nothing changed.'), [['ACCUSE', 'Iran', 'Germany']])
  assert.deepEqual(events('Iran lodged a complaint with the UN Security Council against Israel on Monday. Nothing changed.'), [['ACCUSE', 'Iran', 'Israel']])
  // a call on someone to condemn is a request, not a condemnation; a demand that X act is addressed to X
  assert.deepEqual(events('Iran called on the UN to condemn the attack on Monday. Nothing changed.'), [['REQUEST', 'Iran', 'United Nations']])
  assert.deepEqual(events('Moscow demanded that Kyiv withdraw its troops on Monday. Nothing changed.'), [['REQUEST', 'Russia', 'Ukraine']])
  // turning down or ruling out is a refusal; calls that someone rejects are not their own request
  assert.deepEqual(events('Iran turned down the U.S. offer of direct talks on Monday. Nothing changed.'), [['REJECT', 'Iran', 'United States']])
  assert.deepEqual(events('Israel rejected calls for a ceasefire on Monday. Nothing changed.'), [['REJECT', 'Israel', null]])
  // launching a joint project is no attack; launching missiles at someone is one; a loan granted is aid
  assert.deepEqual(events('Iran and Russia launched a joint project to build a railway on Monday. Nothing changed.').filter((e) => e[0] === 'ASSAULT'), [])
  assert.deepEqual(events('Russia granted Iran a loan on Monday. Nothing changed.'), [['AID', 'Russia', 'Iran']])
  // speaking, talking or conferring by phone is a call
  assert.deepEqual(events('Raisi and Putin conferred by phone on Monday. Nothing changed.'), [['CONSULT', 'Raisi', 'Putin']])
  // a body inside a phrase that names a person is no party of its own ("Iran's parliament speaker": the speaker, not the parliament)
  assert.deepEqual(events('Putin received Iran\'s parliament speaker at the Kremlin on Monday. Nothing changed.'), [['CONSULT', 'Putin', 'Mohammad Bagher Ghalibaf']])
  // the threatened thing itself names whom the threat falls on ("threatened new sanctions on Iran")
  assert.deepEqual(events('The G7 threatened new sanctions on Iran on Monday. Nothing changed.'), [['THREATEN', 'Group of Seven', 'Iran']])
  // a threat falls on the owner of what the threatened act is done to
  assert.deepEqual(events('Israel threatened to strike Iranian nuclear facilities on Monday. Nothing changed.'), [['THREATEN', 'Israel', 'Iran']])
  // vowing to strengthen ties is a promise, not a threat; freeing captives is a release (RETREAT/release)
  assert.deepEqual(events('China and Iran vowed to strengthen ties on Monday. Nothing changed.'), [['AGREE', 'China', 'Iran']])
  assert.deepEqual(events('Tehran freed two French nationals on Friday. Nothing changed.'), [['RETREAT', 'Iran', 'France']])
  // people of several parties named together ("representatives from A and B", "the foreign ministers of A and B") meet as those parties
  assert.deepEqual(events('Representatives from Iran and Ukraine held technical talks about the accusations. Nothing changed.'), [['CONSULT', 'Iran', 'Ukraine']])
  assert.deepEqual(events('The foreign ministers of Iran and Germany held a telephone conversation on Monday. Nothing changed.'), [['CONSULT', 'Iran', 'Germany']])
  // … but a denied act's parties are no parties to the denial
  assert.deepEqual(events('Tehran has denied supplying Moscow with drones for use in Ukraine. Nothing changed.'), [['REJECT', 'Iran', null]])
  assert.deepEqual(events('Russia and Iran agreed that their ministries will increase contacts.'), [['AGREE', 'Russia', 'Iran']])
  // a nationality adjective of a nominal act names its author
  assert.deepEqual(events('Iranian Foreign Minister Hossein Amir-Abdollahian condemned the Israeli strikes on Syria.'),
    [['ACCUSE', 'Hossein Amir-Abdollahian', 'Israel'], ['ASSAULT', 'Israel', 'Syria']])
  // rejecting "the allegations" answers whoever was reported asserting the act
  assert.deepEqual(events('Ukraine says Iran has supplied drones to Russia. Tehran rejected the allegations on Tuesday.'), [['AID', 'Iran', 'Russia'], ['REJECT', 'Iran', 'Ukraine']])
  // a state's attack with no victim named on a place of another state is an attack on that state
  assert.deepEqual(events('Israeli jets struck targets in Damascus overnight.'), [['ASSAULT', 'Israel', 'Syria']])
  // what a meeting's participant offers with no one named is addressed to the other participant's state
  assert.deepEqual(events('Sergey Lavrov met Hossein Amir-Abdollahian in Moscow on Monday. During the meeting, Lavrov called for closer ties in the energy sector.'),
    [['CONSULT', 'Sergey Lavrov', 'Hossein Amir-Abdollahian'], ['AGREE', 'Sergey Lavrov', 'Iran']])
  // an accusation told as what is wrong with someone, or with what someone made, is aimed at them
  assert.deepEqual(events('Foreign Ministry spokesman Abbas Mousavi warned on Saturday that the United States\' missile test will destabilize the region. He spoke in Tehran.'),
    [['ACCUSE', 'Abbas Mousavi', 'United States']])
  assert.deepEqual(events('Nasser Kanaani also slammed the efforts made by the U.S. and its European allies to start a campaign against Iran. He spoke in Tehran.'), [['ACCUSE', 'Nasser Kanaani', 'United States']])
  // what two parties discuss is the topic: neither what they discussed nor where it happens is a party
  assert.deepEqual(events('Abdollahian and his Pakistani counterpart Shah Mahmood Qureshi discussed the latest developments in Afghanistan. They met in Islamabad.'),
    [['CONSULT', 'Abdollahian', 'Shah Mahmood Qureshi']])
  assert.deepEqual(events('Sergey Lavrov discussed the JCPOA and the situation in Syria on Monday. He spoke later.'), [])
  // a call on a body named by a common noun is addressed to it; "our partners" is left to the page's context
  assert.deepEqual(events('Abbas Mousavi called on the international community to stand up to the U.S. bullying. He spoke in Tehran.'), [['REQUEST', 'Abbas Mousavi', 'international community']])
  assert.deepEqual(events('Pezeshkian said we expect our partners to stand by us. He spoke in Tehran.'), [['REQUEST', 'Pezeshkian', null]])
  // where a deal is signed is no party to it
  assert.deepEqual(events('Russia, Iran and Turkey signed a document in Astana on Thursday. It sets up safe zones.'), [['SUPPORT', 'Iran', 'Turkey']])
  // two states inking a pact concluded it together
  assert.deepEqual(events('China and Iran inked a 25-year cooperation pact on Monday. It covers oil.'), [['SUPPORT', 'China', 'Iran']])
  // the author of a nominal act is the subject of the verb that carries it out, through a counting noun or a particle
  assert.deepEqual(events('The U.S. carried out a string of deadly airstrikes on Iraqi military bases last week. Iraq protested.'), [['ASSAULT', 'United States', 'Iraq']])
  assert.deepEqual(events('The Houthis have escalated attacks on Saudi energy facilities in recent weeks. Riyadh protested.'), [['ASSAULT', 'Houthis', 'Saudi Arabia']])
  // a phrase opening the sentence hides no subject from the act ("During the talks X called on Y")
  assert.deepEqual(events('During the talks Amir Abdollahian called on the IAEA to take technical approaches. He spoke in Tehran.'), [['REQUEST', 'Amir Abdollahian', 'International Atomic Energy Agency']])
  // a call for someone's act is addressed to them
  assert.deepEqual(events('Iran called for Israel\'s withdrawal from the Golan on Monday. Nothing changed.'), [['REQUEST', 'Iran', 'Israel']])
  // a threat is aimed at whoever the threatened act falls on
  assert.deepEqual(events('Washington has threatened to trigger a return of UN sanctions on Iran if the council fails. Nothing changed.'), [['THREATEN', 'United States', 'Iran']])
  // an arrest told without its agent is the state's where it happens
  assert.deepEqual(events('Assadollah Assadi was detained in Belgium in 2018 over charges of plotting an attack. The case is closed.'), [['COERCE', 'Belgium', 'Assadollah Assadi']])
  // a meeting told as the setting of what someone did is that someone's ("Speaking after a meeting with X, Y said")
  assert.deepEqual(events('Speaking to reporters after a meeting with Lavrov, Zarif said the deal was alive. He left Moscow.'), [['CONSULT', 'Zarif', 'Lavrov']])
  // the parties of "a meeting between" may be states; "the meeting took place" tells the same meeting, not a second one
  assert.deepEqual(events('A meeting between Iran and Russia took place on Monday. It lasted two hours.'), [['CONSULT', 'Iran', 'Russia']])
  assert.deepEqual(events('A meeting between Putin and Raisi took place in Tehran on Monday. It lasted two hours.'), [['CONSULT', 'Putin', 'Raisi']])
  assert.deepEqual(events('Talks between Iran and Russia were held in Tehran on Monday. They lasted two hours.'), [['CONSULT', 'Iran', 'Russia']])
  assert.deepEqual(events('A summit between Biden and Putin in Geneva sought to ease tensions. Nothing changed.'), [['CONSULT', 'Biden', 'Putin']])
  // a meeting owned by its subject with its partner named tells the meeting ("In his phone conversation with X")
  assert.deepEqual(events('In his phone conversation with Wang Yi, Hossein Amir-Abdollahian said the talks would go on. Nothing changed.').filter((e) => e[0] === 'CONSULT'), [['CONSULT', 'Hossein Amir-Abdollahian', 'Wang Yi']])
  // the base form of a verb of speech is an act in the present ("we condemn"), and the purpose of a done act is done
  assert.deepEqual(events('"We strongly condemn the Israeli strikes," Nasser Kanaani said on Monday. He spoke in Tehran.').filter((e) => e[0] === 'ACCUSE'), [['ACCUSE', 'Nasser Kanaani', 'Israel']])
  assert.deepEqual(events('Hamid Karzai took to Twitter to condemn the bombing on Monday. Nothing changed.').map((e) => e.slice(0, 2)), [['ACCUSE', 'Hamid Karzai']])
  assert.deepEqual(events('Hamid Karzai plans to condemn the bombing on Monday. Nothing changed.'), [])
  // the "of" phrase of a proposal or an accusation is its author ("welcomed the proposal of X"); not so "the killing of X"
  assert.deepEqual(events('Zarif welcomed the proposal of Azerbaijan on Monday. Nothing changed.'), [['SUPPORT', 'Zarif', 'Azerbaijan']])
  assert.deepEqual(events('Iran condemned the accusation of Israel on Monday. Nothing changed.'), [['ACCUSE', 'Iran', 'Israel']])
  // a nominal visit names its visitor with "by" or "of" and its host with "to"
  assert.deepEqual(events('The plan was first presented during a visit by Mohammad Javad Zarif to China in October. Nothing changed.'), [['CONSULT', 'Mohammad Javad Zarif', 'China']])
  // "both countries" are the two states named before, not the city where they met
  assert.deepEqual(events('Iran and Russia held talks in Moscow on Monday. Both countries agreed to expand trade.').filter((e) => e[0] === 'AGREE'), [['AGREE', 'Iran', 'Russia']])
})

// targets a sentence leaves unnamed but the page gives: [text, expected (type, source, target) rows]
const FROM_THE_PAGE: [string, string, (string | null)[][]][] = [
  ['a meeting participant\'s offer goes to the other participant (no knowledge base: the person)', 'Anna Berg met Tomas Vik in Porta on Monday. Berg later pledged closer ties.',
    [['CONSULT', 'Anna Berg', 'Tomas Vik'], ['AGREE', 'Anna Berg', 'Tomas Vik']]],
  ['condemning an attack accuses the author the page gives it', 'The Harbour League attacked Sudmark on Monday. Anna Berg condemned the attack.',
    [['ASSAULT', 'Harbour League', 'Sudmark'], ['ACCUSE', 'Anna Berg', 'Harbour League']]],
  ['denouncing "the move" told just before is aimed at its author', 'Nordland imposed sanctions on Sudmark on Monday. Tomas Vik denounced the move as illegal.',
    [['SANCTION', 'Nordland', 'Sudmark'], ['ACCUSE', 'Tomas Vik', 'Nordland']]],
  ['rejecting "the demand" answers whoever made it', 'Nordland urged Sudmark to free the prisoners on Monday. Sudmark rejected the demand on Tuesday.',
    [['REQUEST', 'Nordland', 'Sudmark'], ['REJECT', 'Sudmark', 'Nordland']]],
  ['"both countries" without an article is the pair named just before', 'Nordland and Sudmark signed a trade pact on Monday. Both countries pledged to expand cooperation.',
    [['SUPPORT', 'Nordland', 'Sudmark'], ['AGREE', 'Nordland', 'Sudmark']]],
]
test('targets from the page, not the sentence', () => {
  for (const [what, text, expected] of FROM_THE_PAGE) assert.deepEqual(rows(text).map((e) => e.slice(0, 3)), expected, what)
})

test('a planned visit or meeting told as a noun is no event; a visit paid is', () => {
  const consult = (text: string) => rows(text).filter((e) => e[0] === 'CONSULT').map((e) => e.slice(0, 3))
  assert.deepEqual(consult('Anna Berg will pay a visit to Sudmark next week, her office said.'), [])
  assert.deepEqual(consult('Officials discussed Berg\'s upcoming visit to Sudmark on Monday.'), [])
  assert.deepEqual(consult('The planned visit to Sudmark by Anna Berg was announced on Monday.'), [])
  assert.deepEqual(consult('Anna Berg paid a visit to Sudmark on Monday.'), [['CONSULT', 'Anna Berg', 'Sudmark']])
})

test('a participle before its noun describes it ("the detained sailors"): no act', () => {
  assert.deepEqual(rows('Sudmark released the detained sailors of Nordland on Monday.').filter((e) => e[0] === 'COERCE'), [])
  assert.deepEqual(rows('Sudmark detained the sailors of Nordland on Monday.').filter((e) => e[0] === 'COERCE').map((e) => e.slice(0, 2)), [['COERCE', 'Sudmark']])
})

test('a call for closer, deeper or expanding ties is an offer (AGREE), not a demand', () => {
  for (const text of ['Anna Berg called for deepening ties with Sudmark on Monday.', 'Anna Berg called for the expansion of cooperation with Sudmark on Monday.', 'Anna Berg calls for closer interactions with Sudmark.'])
    assert.deepEqual(rows(text).map((e) => e.slice(0, 3)), [['AGREE', 'Anna Berg', 'Sudmark']], text)
})

test('offering condolences is SUPPORT, not an offer', () => {
  assert.deepEqual(rows('Anna Berg offered her condolences to Sudmark on Monday.').map((e) => e.slice(0, 3)), [['SUPPORT', 'Anna Berg', 'Sudmark']])
  assert.deepEqual(rows('Anna Berg offered Sudmark a loan on Monday.').map((e) => e.slice(0, 3)), [['AGREE', 'Anna Berg', 'Sudmark']])
})

test('announced retaliation is a threat: "will not go unanswered", "will respond to any", countermeasures, an ultimatum', () => {
  const threats = (text: string) => rows(text).filter((e) => e[0] === 'THREATEN').map((e) => e.slice(0, 3))
  assert.deepEqual(threats('Such an attack will not remain unanswered, Anna Berg said on Monday.'), [['THREATEN', 'Anna Berg', null]])
  assert.deepEqual(threats('Nordland will respond decisively to any hostile action, Anna Berg said on Monday.'), [['THREATEN', 'Nordland', null]])
  assert.deepEqual(threats('Nordland said it will take reciprocal measures against Sudmark on Monday.'), [['THREATEN', 'Nordland', 'Sudmark']])
  assert.deepEqual(threats('Nordland gave Sudmark an ultimatum on Monday.').map((e) => e.slice(0, 2)), [['THREATEN', 'Nordland']])
})

test('a denial told as a participle ("…, rejecting the allegation") and a vote against are REJECT', () => {
  assert.deepEqual(rows('Nordland issued a statement on Monday, strongly rejecting the allegation.').filter((e) => e[0] === 'REJECT').map((e) => e.slice(0, 2)), [['REJECT', 'Nordland']])
  assert.deepEqual(rows('Sudmark voted against the resolution on Monday.').map((e) => e.slice(0, 2)), [['REJECT', 'Sudmark']])
})

test('praise and criticism told as a participle ("…, welcoming the deal", "…, denouncing the move") are events', () => {
  assert.deepEqual(rows('Anna Berg issued a statement on Monday, welcoming the decision of Sudmark.').filter((e) => e[0] === 'SUPPORT').map((e) => e.slice(0, 2)), [['SUPPORT', 'Anna Berg']])
  assert.deepEqual(rows('Anna Berg spoke on Monday, denouncing the move by Sudmark.').filter((e) => e[0] === 'ACCUSE').map((e) => e.slice(0, 2)), [['ACCUSE', 'Anna Berg']])
  // a welcoming ceremony is no praise
  assert.deepEqual(rows('Anna Berg attended a welcoming ceremony in Porta on Monday.').filter((e) => e[0] === 'SUPPORT'), [])
})

test('concern or outrage voiced over what someone did, and a warning against it, are disapproval', () => {
  assert.deepEqual(rows('Anna Berg expressed deep concern over Sudmark\'s decision on Monday.').map((e) => e.slice(0, 3)), [['ACCUSE', 'Anna Berg', 'Sudmark']])
  assert.deepEqual(rows('Anna Berg warned against any interference by Sudmark on Monday.').map((e) => e.slice(0, 2)), [['ACCUSE', 'Anna Berg']])
})

test('satisfaction or gratitude voiced over someone is praise', () => {
  assert.deepEqual(rows('Anna Berg expressed satisfaction with the level of ties with Sudmark on Monday.').map((e) => e.slice(0, 3)), [['SUPPORT', 'Anna Berg', 'Sudmark']])
})

test('declared support for someone is SUPPORT', () => {
  assert.deepEqual(rows('Anna Berg reiterated her country\'s full support for Sudmark on Monday.').map((e) => e.slice(0, 3)), [['SUPPORT', 'Anna Berg', 'Sudmark']])
})

test('asking someone to act is REQUEST; being asked about something is not', () => {
  assert.deepEqual(rows('Anna Berg asked Sudmark to release the sailors on Monday.').map((e) => e.slice(0, 3)), [['REQUEST', 'Anna Berg', 'Sudmark']])
  assert.deepEqual(rows('Asked about plans to reopen the port, Anna Berg said talks with Sudmark would go on.').filter((e) => e[0] === 'REQUEST'), [])
})

test('declared readiness to act is an offer; agreeing with someone on a need is AGREE', () => {
  assert.deepEqual(rows('Anna Berg expressed readiness to help Sudmark rebuild the port on Monday.').map((e) => e.slice(0, 2)), [['AGREE', 'Anna Berg']])
  assert.deepEqual(rows('Nordland stands ready to work with Sudmark on a settlement.').map((e) => e.slice(0, 3)), [['AGREE', 'Nordland', 'Sudmark']])
  assert.deepEqual(rows('Anna Berg agreed with Tomas Vik on the need to reopen the port.').map((e) => e.slice(0, 3)), [['AGREE', 'Anna Berg', 'Tomas Vik']])
})

test('a veto rejects, an indictment accuses', () => {
  assert.deepEqual(rows('Nordland vetoed the resolution on Monday.').map((e) => e.slice(0, 2)), [['REJECT', 'Nordland']])
  // the power to veto, and a veto expected, are no veto
  assert.deepEqual(rows('To get around the veto power of Nordland, Sudmark drafted a new text on Monday.').filter((e) => e[0] === 'REJECT'), [])
  assert.deepEqual(rows('Analysts believe that Nordland will veto the plan.').filter((e) => e[0] === 'REJECT'), [])
  assert.deepEqual(rows('A court in Nordland indicted Tomas Vik on Monday.').map((e) => e[0]), ['ACCUSE'])
})

test('a denial told as a clause, or of a claim named just before it in the sentence, answers whoever made the claim', () => {
  const denials = (text: string) => rows(text).filter((e) => e[0] === 'REJECT').map((e) => e.slice(0, 3))
  assert.deepEqual(denials('Sudmark accused Nordland of breaking the truce on Monday. Nordland denied that it had broken the truce.'), [['REJECT', 'Nordland', 'Sudmark']])
  assert.deepEqual(denials('Sudmark accused Nordland on Monday of shelling Porta, a claim that Nordland has denied.'), [['REJECT', 'Nordland', 'Sudmark']])
  assert.deepEqual(denials('Sudmark has repeated the allegation since then, and Nordland has rejected it each time.'), [['REJECT', 'Nordland', 'Sudmark']])
  // a sentence subject that makes no claim of its own before the denial is no claimant
  assert.deepEqual(denials('Tomas Vik noted on Monday that Nordland rejects any step that violates the truce.'), [['REJECT', 'Nordland', null]])
})

test('"A and Foreign Minister B met": a capitalised title after "and" keeps B a co-subject', () => {
  assert.deepEqual(rows('Sudmark President Tomas Vik and Foreign Minister Anna Berg met in Porta on Monday.').map((e) => e.slice(0, 3)), [['CONSULT', 'Tomas Vik', 'Anna Berg']])
})

test('a noun after "not" is no act its speaker denies; "attacks in response to" names no place attacked', () => {
  assert.deepEqual(rows('Berg says the main problem is not the Sudmark sanctions but the harbour.'), [])
  assert.deepEqual(rows('Nordland reviewed the files on the attacks in response to calls from Sudmark.').filter((r) => r[0] === 'ASSAULT'), [])
  assert.deepEqual(rows('Berg said Nordland had not supplied rockets to Sudmark.').map((r) => r.slice(0, 2)), [['REJECT', 'Anna Berg']])
})

test('a sentence opened by a negated subject negates its acts ("Neither X nor Y ever promised …")', () => {
  assert.deepEqual(rows('Neither Berg nor anybody in her cabinet ever promised to return to the deal.'), [])
  assert.deepEqual(rows('No one in Nordland has promised to return to the deal.'), [])
})

test('an act someone is in danger of, or at risk of, has not happened', () => {
  assert.deepEqual(rows('Berg said Sudmark was in danger of being attacked by Nordland.').filter((r) => r[0] === 'ASSAULT'), [])
  assert.deepEqual(rows('There is a risk of Nordland attacking Sudmark.').filter((r) => r[0] === 'ASSAULT'), [])
})

test('a clause opened by "none of" negates its acts', () => {
  assert.deepEqual(rows('Critics say the plan failed, none of the members have imposed sanctions on Sudmark.').filter((r) => r[0] === 'SANCTION'), [])
})

test('"both countries" act each on their own unless the act is mutual (a meeting, a signed deal)', () => {
  const text = 'Nordland and Sudmark held talks on Monday. Both countries condemned the Harbour League attacks.'
  assert.deepEqual(rows(text).filter((r) => r[0] === 'ACCUSE').map((r) => r.slice(0, 3)), [['ACCUSE', 'Nordland', 'Harbour League'], ['ACCUSE', 'Sudmark', 'Harbour League']])
  assert.deepEqual(rows('Nordland and Sudmark held talks on Monday. The two countries signed a trade deal.').filter((r) => r[0] === 'SUPPORT').map((r) => r.slice(0, 3)), [['SUPPORT', 'Nordland', 'Sudmark']])
})

test('a nationality adjective in a description of a country names it ("condolences to the Turkish nation"), by the knowledge base\'s name', () => {
  assert.deepEqual(rows('Anna Berg offered condolences to the Turkish nation on Monday.').map((r) => r.slice(0, 3)), [['SUPPORT', 'Anna Berg', 'Turkey']])
  // … and so does a nationality adjective before a state's people, government or side after the act's preposition
  assert.deepEqual(rows('Anna Berg offered condolences to the Turkish people on Monday.').map((r) => r.slice(0, 3)), [['SUPPORT', 'Anna Berg', 'Turkey']])
})

test('a postposed attribution ends the act\'s clause: who reports a meeting is none of its parties', () => {
  assert.deepEqual(rows('Anna Berg met Tomas Vik in Porta on Monday, the Nordland Interior Ministry said.').map((r) => r.slice(0, 3)), [['CONSULT', 'Anna Berg', 'Tomas Vik']])
  assert.deepEqual(rows('Anna Berg met Tomas Vik, the Sudmark envoy, in Porta on Monday.').map((r) => r.slice(0, 3)), [['CONSULT', 'Anna Berg', 'Tomas Vik']])
})

test('new sanctions agreed or announced against someone are SANCTION; drones used to attack someone are an attack on them', () => {
  assert.deepEqual(rows('Nordland agreed new sanctions against Sudmark on Monday.').map((r) => r.slice(0, 3)), [['SANCTION', 'Nordland', 'Sudmark']])
  assert.ok(!rows('Nordland agreed to lift sanctions on Sudmark on Monday.').some((r) => r[0] === 'SANCTION'), 'lifting sanctions is no sanction')
  assert.deepEqual(rows('Nordland has used drones to attack Sudmark, officials in Porta said.').map((r) => r.slice(0, 3)), [['ASSAULT', 'Nordland', 'Sudmark']])
})

test('a warning is a threat when the warner\'s own side is to act, an accusation when another party\'s act or fate is warned of', async () => {
  const read = await fullPipeline()
  const warned = (text: string) => read(text)
    .filter((e) => e.trigger?.text === 'warned').map((e) => [e.type, e.source_actor?.name ?? null, e.target_actor?.name ?? null])
  assert.deepEqual(warned('Sergey Lavrov warned Washington on Monday that it would pay a heavy price for the new sanctions.'), [['ACCUSE', 'Sergey Lavrov', 'United States']])
  assert.deepEqual(warned('Sergey Lavrov warned on Monday that Russia will respond to any attack on its forces.').map((e) => e.slice(0, 2)), [['THREATEN', 'Sergey Lavrov']])
})

test('what someone refrained from, declined, stopped short of or failed to do is no event, and no denial either', () => {
  for (const text of ['Nordland refrained from condemning Sudmark on Monday.', 'Nordland may stop short of condemning Sudmark.', 'Nordland cannot condemn Sudmark, Anna Berg said.', 'Anna Berg declined to condemn Sudmark on Monday.', 'Nordland stopped short of accusing Sudmark on Monday.', 'Anna Berg said Nordland failed to reach an agreement with Sudmark.'])
    assert.deepEqual(rows(text), [], text)
  assert.deepEqual(rows('Nordland condemned Sudmark on Monday.').map((e) => e.slice(0, 3)), [['ACCUSE', 'Nordland', 'Sudmark']])
})

test('people of two named parties who meet somewhere meet each other, not the place', async () => {
  const read = await fullPipeline()
  const events = read('The foreign ministers of Iran and Saudi Arabia met in Beijing on Thursday.')
  assert.deepEqual(events.map((e) => [e.type, e.source_actor?.name, e.target_actor?.name, e.location]), [['CONSULT', 'Iran', 'Saudi Arabia', 'Beijing']])
})

test('learned triggers that name no act: talks that hit a deadlock, leave to act, and receiving no one', async () => {
  const read = await fullPipeline()
  const types = (text: string) => read(text).map((e) => e.type)
  assert.ok(!types('The talks in Vienna have hit a deadlock as Washington refuses to lift the designation.').includes('ASSAULT'))
  assert.ok(!types('Zakharova stated it will allow Iran to ratify the documents.').includes('THREATEN'))
  assert.ok(!types('Biden received no firm commitment from the Saudis on oil.').includes('CONSULT'))
  assert.deepEqual(types('Putin received the visiting Iranian delegation in Moscow on Monday.'), ['CONSULT'])
})

test('what should, could or would have happened did not ("should have been frozen", "could have condemned")', () => {
  for (const text of ['Nordland could have condemned Sudmark on Monday.', 'Anna Berg said Nordland should have condemned Sudmark.'])
    assert.deepEqual(rows(text).filter((e) => e[0] === 'ACCUSE'), [], text)
})

test('a joint act of several subjects with no one else named is one event among them, the others kept as co-sources', async () => {
  const events = await fullPipeline()
  const signed = events('The accord was signed by Germany, France, Italy and Spain on Monday.').filter((e) => e.type === 'SUPPORT')
  assert.deepEqual(signed.map((e) => [e.source_actor?.name, e.target_actor?.name, e.co_sources?.map((r) => r.name)]), [['Germany', 'France', ['Italy', 'Spain']]])
  // several subjects acting on a third party each act
  const condemned = events('Germany and France condemned Iran on Monday.').filter((e) => e.type === 'ACCUSE')
  assert.deepEqual(condemned.map((e) => [e.source_actor?.name, e.target_actor?.name, e.co_sources]), [['Germany', 'Iran', undefined], ['France', 'Iran', undefined]])
})

test('a subject described by role is the person named with that role before ("the Kremlin spokesman condemned …")', async () => {
  const read = await fullPipeline()
  const events = read('Kremlin spokesman Dmitry Peskov spoke to reporters on Monday. The Kremlin spokesman condemned the new sanctions imposed by Washington.')
  assert.deepEqual(events.filter((e) => e.type === 'ACCUSE').map((e) => [e.source_actor?.name, e.target_actor?.name]), [['Dmitry Peskov', 'United States']])
})

test('an attack named with "any" is no attack that happened ("condemned any attack on Sudmark")', () => {
  const r = rows('Nordland condemned any attack on Sudmark on Monday.')
  assert.ok(!r.some((e) => e[0] === 'ASSAULT'), JSON.stringify(r))
})

test('a people or its officials named by nationality are its state ("praised the Turkish people", "met Russian officials")', async () => {
  const read = await fullPipeline()
  const events = read('Zarif praised the Turkish people for their bravery on Monday.')
  assert.deepEqual(events.filter((e) => e.type === 'SUPPORT').map((e) => e.target_actor?.name), ['Turkey'])
  const met = read('Zarif met Russian officials in Moscow on Monday.')
  assert.deepEqual(met.filter((e) => e.type === 'CONSULT').map((e) => e.target_actor?.name), ['Russia'])
  // … as the knowledge base's state, the actor the entities layer gives the country where the page names it (not a second "Russia")
  assert.deepEqual(met.filter((e) => e.type === 'CONSULT').map((e) => e.target_actor?.actor), ['GPE:RUS'])
})

test('a visit told in a fronted phrase is the main subject\'s, to the place it names ("Prior to his visit to Tehran, X held talks …")', async () => {
  const read = await fullPipeline()
  const events = read('Prior to his visit to Tehran in October, Erdogan held talks with Saudi Arabia’s leaders in Riyadh.')
  assert.deepEqual(events.filter((e) => e.trigger?.text === 'visit to').map((e) => [e.source_actor?.name, e.target_actor?.name]), [['Erdogan', 'Iran']])
})

test('leaving a deal is no retreat of forces, however far the deal is named from the verb', () => {
  for (const text of ['Berg officially withdrew the whole of Nordland from the harbour treaty on Monday.', 'The harbour deal, which Nordland withdrew from in March, is still in force.']) {
    const r = rows(text)
    assert.ok(!r.some((e) => e[0] === 'RETREAT'), `${text} ${JSON.stringify(r)}`)
  }
  assert.deepEqual(rows('Nordland withdrew its troops from Porta on Monday.').map((e) => e[0]), ['RETREAT'])
})
