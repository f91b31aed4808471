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
    ['Officials said 30 people had been killed in the blast.', [[30, null, 'people', 'people killed in the blast']]],
    ['In a suicide attack on the market, 12 people were killed.', [[12, null, 'people', 'people killed in the suicide attack']]],
    ['The Riverside fire destroyed 40 homes in Canada’s worst fire.', [[40, null, 'homes', 'homes destroyed in Canada’s worst fire']]],
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

import { syntaxStage, SyntaxView } from '../syntax/index.js'

const parser = syntaxStage()
/** Claims read with the dependency parse, as the pipeline runs them. */
const parsed = (text: string) => {
  const doc = testDoc(text, { published: '2024-03-12' })
  const syntax = parser.run(doc, { tokens: doc.layers.tokens!, sentences: doc.layers.sentences! }).layers.syntax
  const timex = findTimex(doc.text, doc.layers.sentences!, '2024-03-12').timex
  return findClaims(doc.text, doc.layers.sentences!, timex, doc.id, new SyntaxView(doc.text, doc.layers.tokens!, syntax)).map((c) => [c.value, c.qualifier, c.unit])
}

test('the counted noun is the head of the noun phrase after the number, past names, models and quotes', () => {
  const cases: [string, unknown[]][] = [
    ['The navy ordered 12 Karavel K-9 patrol boats and 30 trucks.', [[12, null, 'boats'], [30, null, 'trucks']]],
    ['Three U.N. inspectors left the plant.', [[3, null, 'inspectors']]],
    ['The two armies set up five “buffer zones” along the river.', [[5, null, 'zones']]],
    ['Police detained 14 Corvina harbour workers.', [[14, null, 'people']]],
    ['The blast killed four simultaneous shoppers.', [[4, null, 'shoppers']]],
  ]
  for (const [text, want] of cases) assert.deepEqual(parsed(text), want, text)
})

test('measures, shares, prices, abstract nouns and named groups are not counts', () => {
  for (const text of [
    'The convoy stopped 40 kilometers (25 miles) from the border.',
    'Turnout fell by 12 percent in the north.',
    'Wheat sold for $310 per tonne last spring.',
    'The ministers held three rounds of talks in Oslo.',
    'The pact between Norway and five coastal states expired.',
    'Chile and Peru, two copper exporters, signed the accord.',
    'Lima and Quito are two large capitals.',
    'They met as two equal partners.',
    'The harbour lies 300 meters from the shore.',
    'The paper quoted three senior Chilean officials as saying the deal was dead.',
    'Aid reached four provinces: Arica, Tacna, Puno and Cusco.',
    'Both leaders praised the two nations’ shared history.',
    'The bomb weighed 500 pounds.',
    'Chile signed deals with three neighbours of Peru, Bolivia and Argentina.',
    'Two Chilean mining firms, Andes Copper Ltd and Pacifico Minerals, were fined.',
    'Crude traded at $84 dollars per barrel.',
    'The insurer will pay $20,000 in damages for each passenger.',
    'He gave an interview to Radio Norte 24 on Sunday.',
    'The treaty was a deal between two rivals.',
    'The 9/11 attacks changed the region.',
    'The tanker weighs 90,000 tons.',
    'The pipeline carries no gas and 2 gas lines were shut.',
    'The P5 + 1 group met the 3 + 3 format envoys.',
    'The bloc has four members (Chile, Peru, Bolivia and Ecuador).',
    'The fair drew local firms and 70 foreign ones.',
    'The region saw 4.2 fatal crashes and 12 thefts per 100,000 residents.',
  ]) assert.deepEqual(parsed(text), [], text)
})

test('votes, body sizes, article numbers and parts of a count', () => {
  assert.deepEqual(parsed('The senate voted 61-38 to confirm her.'), [[61, null, 'votes'], [38, null, 'votes']])
  assert.deepEqual(parsed('The plan won 120 votes, with 14 abstaining and nine voting against.'), [[120, null, 'votes'], [14, null, 'votes'], [9, null, 'votes']])
  assert.deepEqual(parsed('The 21-member panel met in Geneva.'), [[21, null, 'members']])
  assert.deepEqual(parsed('The envoy began a three-nation tour of the 54-nation union.'), [[54, null, 'countries']])
  assert.deepEqual(parsed('Rebels seized at least a dozen trucks.'), [[12, 'at least', 'trucks']])
  assert.deepEqual(parsed('The flood killed 30 people, 9 of them children.'), [[30, null, 'people'], [9, null, 'people']])
  assert.deepEqual(parsed('Guards detained six of the smugglers.'), [[6, null, 'smugglers']])
  assert.deepEqual(parsed('Air defences shot down 40 of 52 drones.'), [[40, null, 'drones'], [52, null, 'drones']])
  assert.deepEqual(parsed('The council voted 14-0 and two dozen envoys watched.'), [[14, null, 'votes'], [24, null, 'envoys']])
})

test('bare numbers after a toll, a killing verb or before a passive role count people', () => {
  assert.deepEqual(parsed('The toll from the landslide has climbed to 52, the agency said.'), [[52, null, 'people']])
  assert.deepEqual(parsed('Gunmen stormed the market, killing 11 and wounding at least 40.'), [[11, null, 'people'], [40, 'at least', 'people']])
  assert.deepEqual(parsed('Medics said more than 300 were injured.'), [[300, 'more than', 'people']])
  assert.deepEqual(parsed('The floods left 61 people dead, as 1,204 got injured.'), [[61, null, 'people'], [1204, null, 'people']])
  assert.deepEqual(parsed('The pact covers 12 states, home to 90 million people (four percent of the total).'), [[12, null, 'states'], [90000000, null, 'people']])
})

test('a sentence the page repeats gives its claims once', () => {
  assert.deepEqual(parsed('The storm destroyed 80 homes.\n\nThe storm destroyed 80 homes.'), [[80, null, 'homes']])
})

test('money named by a currency word, a plural past a participle, a count for a second place, totals', () => {
  assert.deepEqual(parsed('The two firms signed a 40 billion dollars gas deal.'), [[40000000000, null, 'dollars']])
  assert.deepEqual(parsed('The fund got US$ 3.5 billion and EUR 200 million in loans.'), [[3500000000, null, 'USD'], [200000000, null, 'EUR']])
  assert.deepEqual(parsed('Chile shipped one million tonnes of copper and half a million sacks of grain.'), [[1000000, null, 'tonnes'], [500000, null, 'sacks']])
  assert.deepEqual(parsed('The coast guard stopped at least a dozen boats bound for Malta.'), [[12, 'at least', 'boats']])
  assert.deepEqual(parsed('Police said 14 looters were arrested in Salta, and 9 in Jujuy.'), [[14, null, 'looters'], [9, null, 'looters']])
  assert.deepEqual(parsed('The death toll from the floods has risen to 212 with many still missing.'), [[212, null, 'people']])
  assert.deepEqual(parsed('Rain fell on seven of Chile\'s 16 regions.'), [[7, null, 'regions']])
  assert.deepEqual(parsed('Brazil and 20 other countries backed the text.'), [[20, null, 'countries']])
  assert.deepEqual(parsed('Kenya is home to over two million Somali refugees.'), [[2000000, 'over', 'people']])
  assert.deepEqual(parsed('Trade between the two was less than one billion dollars in 1990.'), [[1000000000, 'less than', 'dollars']])
  assert.deepEqual(parsed('There are three routes and they are two short ones.'), [[3, null, 'routes']])
  assert.deepEqual(parsed('The crew of the Karavel 12 rescued 40 sailors.'), [[40, null, 'sailors']])
  assert.deepEqual(parsed('The base hosts over 9,000 US and allied troops.'), [[9000, 'over', 'people']])
  assert.deepEqual(parsed('The blast killed two crewmen, a Greek and a Filipino national.'), [[2, null, 'crewmen']])
  assert.deepEqual(parsed('Up to eight “very strong” tremors and 300 search and rescue workers were reported.'), [[8, 'up to', 'tremors'], [300, null, 'people']])
  assert.deepEqual(parsed('Delegates came from 12 states including Chile, Peru and four Caribbean islands.'), [[12, null, 'states'], [4, null, 'islands']])
})

test('written numbers with tens, hundreds and scales; "several hundred" is vague; a range gives its lower bound', () => {
  assert.deepEqual(parsed('The raid killed twenty-five people and three hundred goats.'), [[25, null, 'people'], [300, null, 'goats']])
  assert.deepEqual(parsed('The army moved two thousand soldiers north.'), [[2000, null, 'people']])
  assert.deepEqual(parsed('The rebels may hold several hundred rifles.'), [])
  assert.deepEqual(parsed('Between 20 and 30 miners were trapped.'), [[20, 'at least', 'miners']])
  assert.deepEqual(parsed('The port handles 3 to 4 million containers.'), [[3000000, 'at least', 'containers']])
  assert.deepEqual(parsed('The count rose from 40 to 52 patients.'), [[52, null, 'patients']])
  assert.deepEqual(parsed('Cotton sold at $80 to $90 a bale.'), [])
})

test('every claim says what found it: a rule (the number pattern or the tally pattern), with no score', () => {
  const { claims } = claimsOf('The flood killed at least 12 people. The council voted 419-3 to act.')
  assert.deepEqual(claims.map((c) => [c.value, c.produced_by]), [
    [12, { method: 'rule', detail: 'number pattern with the unit and role rules (claims stage)', score: null }],
    [419, { method: 'rule', detail: 'vote tally or body size pattern (claims stage)', score: null }],
    [3, { method: 'rule', detail: 'vote tally or body size pattern (claims stage)', score: null }],
  ])
})
