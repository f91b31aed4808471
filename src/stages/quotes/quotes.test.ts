import { test } from 'node:test'
import assert from 'node:assert/strict'
import { findQuotes } from './quotes.js'
import { badSpans, testDoc, type TestActor } from '../events/test-doc.js'
import type { Doc } from '../../doc/doc.js'
import { syntaxStage } from '../syntax/index.js'

const ACTORS: TestActor[] = [
  { name: 'Anna Berg', type: 'PERSON', surfaces: ['Anna Berg', 'Berg', 'the Nordland premier'] },
  { name: 'Tomas Vik', type: 'PERSON', surfaces: ['Tomas Vik', 'Vik'] },
  { name: 'Harbour Council', type: 'ORG', surfaces: ['Harbour Council', 'the council'] },
  { name: 'Nordland', type: 'GPE', surfaces: ['Nordland'] },
]
const SYNTAX = syntaxStage()
/** Quotes of a test document read with its dependency parse (the pipeline's way), or by the rules alone. */
const run = (doc: Doc, parsed = true) => {
  const L = doc.layers
  const parse = parsed ? { tokens: L.tokens!, syntax: SYNTAX.run(doc, { tokens: L.tokens!, sentences: L.sentences! }).layers.syntax! } : undefined
  return findQuotes(doc.text, L.paragraphs!, L.sentences!, L.entities!, doc.id, undefined, parse).quotes
}
const pairs = (doc: Doc) => run(doc).map((q) => [q.text, q.speaker?.name ?? null])

test('attributes quotes before and after the reporting verb, with curly and straight marks', () => {
  const doc = testDoc([
    '“We will rebuild the bridge before winter,” Anna Berg said on Monday.',
    'Tomas Vik told reporters that "the budget is not large enough for that."',
    '“The harbour will stay open all night,” said Vik.',
    '“Every ship will be inspected twice,” the council added.',
  ].join('\n\n'), { actors: ACTORS })
  assert.deepEqual(pairs(doc), [
    ['We will rebuild the bridge before winter', 'Anna Berg'],
    ['the budget is not large enough for that.', 'Tomas Vik'],
    ['The harbour will stay open all night', 'Tomas Vik'],
    ['Every ship will be inspected twice', 'Harbour Council'],
  ])
})

test('verbs of stress and emphasis attribute, also as participles ("underscored", "…, underscoring: “…”"), by the rules alone', () => {
  for (const text of ['Anna Berg spoke first. Tomas Vik spoke on Monday, underscoring: “The harbour must stay open to every ship.”', 'Anna Berg spoke first. “The harbour must stay open to every ship,” Tomas Vik underscored on Monday.']) {
    const doc = testDoc(text, { actors: ACTORS })
    assert.deepEqual(run(doc, false).map((q) => q.speaker?.name ?? null), ['Tomas Vik'], text)
  }
})

test('a quotation split by its attribution is two quotes; pronouns take the last person subject (#5)', () => {
  const doc = testDoc('Berg spoke at the port. “Our ferries are safe,” she said, “and the new pier opens in May.”', { actors: ACTORS })
  assert.deepEqual(pairs(doc), [['Our ferries are safe', 'Anna Berg'], ['and the new pier opens in May.', 'Anna Berg']])
})

test('scare quotes, one- or two-word quotations and quoted titles are not speech', () => {
  const doc = testDoc('Vik called the plan a “gift”, spoke of “green shipping” in Nordland and read “The Long Harbour Years” aloud.', { actors: ACTORS })
  assert.deepEqual(run(doc), [])
})

test('role descriptions resolved by the entities layer, "quoted X as saying", nested quotes', () => {
  const doc = testDoc([
    'Local radio quoted Vik as saying, “Nobody told us about the ‘temporary’ closure of the docks.”',
    '“We expect an answer by Friday,” the Nordland premier added.',
  ].join('\n\n'), { actors: ACTORS })
  assert.deepEqual(pairs(doc), [
    ['Nobody told us about the ‘temporary’ closure of the docks.', 'Tomas Vik'],
    ['We expect an answer by Friday', 'Anna Berg'],
  ])
})

test('speech running over two paragraphs keeps its speaker', () => {
  const doc = testDoc('Berg said: “The first ships arrive next week and the rest follow.\n\n“All of them will be unloaded at night.”', { actors: ACTORS })
  const qs = run(doc)
  assert.equal(qs.length, 2)
  assert.deepEqual(qs.map((q) => q.speaker?.name), ['Anna Berg', 'Anna Berg'])
})

test('spans index the text after an emoji and a combining mark; ids are deterministic', () => {
  const doc = testDoc('💩 Jose\u0301 wrote nothing. “Prices in the market rose again today,” Vik said.', { actors: ACTORS })
  const qs = run(doc)
  assert.equal(qs.length, 1)
  assert.deepEqual(badSpans(doc, qs), [])
  assert.equal(qs[0].id, `${doc.id}:q1`)
  assert.deepEqual(run(doc), qs)
})

test('"X called it “…” and said …": the coordinated verb is not a postposed attribution; a ministry before a title and a name is not the speaker', () => {
  const doc = testDoc('Nordland council spokeswoman Anna Berg on Monday called the fire “a deliberate act of sabotage” and said the harbour would stay closed.', { actors: ACTORS })
  assert.deepEqual(pairs(doc), [['a deliberate act of sabotage', 'Anna Berg']])
})

test('a statement named by its author\'s office speaks for the author', () => {
  const doc = testDoc('Vik spoke first.\n\nThe statement from Berg’s office said the two ports would “share every shipping record from now on.”', { actors: ACTORS })
  assert.deepEqual(pairs(doc), [['share every shipping record from now on.', 'Anna Berg']])
})

const PEOPLE: TestActor[] = [
  ...ACTORS,
  { name: 'Lena Strand', type: 'PERSON', surfaces: ['Lena Strand', 'Strand'] },
  { name: 'Ports Ministry', type: 'ORG', surfaces: ['Ports Ministry', 'Nordland Ports Ministry'] },
  { name: 'Coast Daily', type: 'ORG', surfaces: ['Coast Daily'] },
  { name: 'Westmark', type: 'GPE', surfaces: ['Westmark'] },
]

test('the parse names the speaker: a title before a name, an apposition, a speaker after the verb', () => {
  const doc = testDoc([
    '“The ferry line will reopen in March,” Nordland Ports Ministry spokeswoman Lena Strand said on Tuesday.',
    'Tomas Vik, the head of the Harbour Council, said: “Nobody will lose a job this winter.”',
    '“We are still counting the damaged boats,” said Anna Berg, who visited the docks.',
  ].join('\n\n'), { actors: PEOPLE })
  assert.deepEqual(pairs(doc), [
    ['The ferry line will reopen in March', 'Lena Strand'],
    ['Nobody will lose a job this winter.', 'Tomas Vik'],
    ['We are still counting the damaged boats', 'Anna Berg'],
  ])
})

test('"quoted X as saying" and "according to X" name the speaker, not the outlet', () => {
  const doc = testDoc([
    '“The storm wall held better than we hoped,” Coast Daily quoted Tomas Vik as saying.',
    'The new cranes “will double the harbour’s capacity by autumn,” according to Anna Berg.',
  ].join(' '), { actors: PEOPLE })
  assert.deepEqual(pairs(doc), [
    ['The storm wall held better than we hoped', 'Tomas Vik'],
    ['will double the harbour’s capacity by autumn', 'Anna Berg'],
  ])
})

test('pronouns take the last person subject; a role takes the person named with it; on one long paragraph', () => {
  const doc = testDoc([
    'Ports Ministry spokeswoman Lena Strand met Tomas Vik on Monday.',
    'Vik later toured the new terminal with Anna Berg.',
    '“The terminal is ready for the first ships,” he said.',
    'Speaking in Westmark a day later, the spokeswoman said: “Our inspectors will visit every berth before the opening.”',
  ].join(' '), { actors: PEOPLE })
  assert.deepEqual(pairs(doc), [
    ['The terminal is ready for the first ships', 'Tomas Vik'],
    ['Our inspectors will visit every berth before the opening.', 'Lena Strand'],
  ])
})

test('"he" after a quotation attributed behind it stands for that quotation\'s speaker, not an earlier subject', () => {
  const doc = testDoc([
    'Tomas Vik opened the terminal on Monday.',
    '“Ships will come back to the harbour soon,” Anna Berg said, according to a local newspaper.',
    'He praised the pledges and warned in a statement: “Cutting the funds would close the port.”',
  ].join(' '), { actors: PEOPLE })
  // ("He" is written as the author would: the text only names Berg as the last speaker)
  assert.equal(pairs(doc).at(-1)?.[1], 'Anna Berg')
})

test('"the statement said" and "the ministry said" speak for the organisation that issued them', () => {
  const doc = testDoc([
    'The Nordland Ports Ministry said in a statement on Friday that the harbour fees would rise.',
    '“The new fees will pay for the dredging of the channel,” the statement said.',
    'Anna Berg criticised the decision.',
    '“All ship owners were consulted before the change,” the ministry added.',
  ].join(' '), { actors: PEOPLE })
  assert.deepEqual(pairs(doc), [
    ['The new fees will pay for the dredging of the channel', 'Ports Ministry'],
    ['All ship owners were consulted before the change', 'Ports Ministry'],
  ])
})

test('a passive speech verb takes its agent; a name the entities layer missed is read off the parse', () => {
  const doc = testDoc([
    'The bridge plan was hailed by Anna Berg as “the best investment the harbour has made in decades.”',
    'Engineer Pekka Halvorsen noted, “The old pillars will carry the new deck without trouble.”',
  ].join(' '), { actors: PEOPLE })
  assert.deepEqual(pairs(doc), [
    ['the best investment the harbour has made in decades.', 'Anna Berg'],
    ['The old pillars will carry the new deck without trouble.', 'Pekka Halvorsen'],
  ])
})

test('a subject inside an earlier quotation never resolves "he"', () => {
  const doc = testDoc('Tomas Vik spoke after the vote. “Anna Berg promised us the money last year,” he said. “Now the council must pay for the repairs,” he added.', { actors: PEOPLE })
  assert.deepEqual(run(doc).map((q) => q.speaker?.name), ['Tomas Vik', 'Tomas Vik'])
})

test('a quotation that loses its closing mark ends where the next one opens; one nested in the same marks stays inside', () => {
  const doc = testDoc('Vik wrote: “The docks need repairs. Berg told us “we must wait for the money” and we waited,” he said. Later Berg said, “The money is here now, so the work can start,” in a speech. Vik then warned: “Nobody has read the contract “line by line” yet.”', { actors: ACTORS })
  const texts = run(doc).map((q) => q.text)
  assert.deepEqual(texts, [
    'The docks need repairs. Berg told us “we must wait for the money” and we waited',
    'The money is here now, so the work can start',
    'Nobody has read the contract “line by line” yet.',
  ])
  const broken = testDoc('Vik said: “The docks need repairs. Later Berg said, “The money is here now, so the work can start,” in a speech.', { actors: ACTORS })
  assert.deepEqual(run(broken).map((q) => [q.text, q.speaker?.name]), [['The docks need repairs. Later Berg said', 'Tomas Vik'], ['The money is here now, so the work can start', 'Anna Berg']])
})

test('a role nobody is named with in the entities layer takes the name the text gives after its title', () => {
  const doc = testDoc('Nordland Prime Minister Rana Holm resigned on Monday after the port scandal. “I take full responsibility for the failures at the harbour,” the prime minister said in a televised speech.', { actors: PEOPLE })
  assert.deepEqual(pairs(doc), [['I take full responsibility for the failures at the harbour', 'Rana Holm']])
})

test('a speech verb wins over the outlet that carried the words ("…,” according to X)', () => {
  const doc = testDoc('Anna Berg also said, “The ferry will run twice a day from May,” according to Coast Daily. “Passengers will pay less than before,” according to Tomas Vik.', { actors: PEOPLE })
  assert.deepEqual(pairs(doc), [['The ferry will run twice a day from May', 'Anna Berg'], ['Passengers will pay less than before', 'Tomas Vik']])
})

test('a verb of thinking inside what someone says gives way to the verb of saying', () => {
  const doc = testDoc('Anna Berg said the Harbour Council expects Westmark “to pay its share of the dredging before June.”', { actors: PEOPLE })
  assert.deepEqual(pairs(doc), [['to pay its share of the dredging before June.', 'Anna Berg']])
})

test('"hailed as “…” by the premier": the agent of the passive, the premier being the prime minister named before', () => {
  const actors: TestActor[] = [...PEOPLE, { name: 'Rana Holm', type: 'PERSON', surfaces: ['Rana Holm', 'Holm'] }]
  const doc = testDoc('Nordland Prime Minister Rana Holm visited the docks with Tomas Vik on Monday. The crane company was hailed as “the most reliable partner of the harbour” by the premier.', { actors })
  assert.deepEqual(pairs(doc), [['the most reliable partner of the harbour', 'Rana Holm']])
})

test('the subject of "said" beats an "according to" phrase the parser may read as an agent; "he said" finds a passive agent', () => {
  const doc = testDoc([
    '"The report needs to be examined first," Tomas Vik said, according to the official news agency of Nordland.',
    'The sharpest criticism was levelled by Anna Berg, who spoke in the council. "This plan breaks the charter," she said.',
  ].join('\n\n'), { actors: ACTORS })
  assert.deepEqual(pairs(doc).map((p) => p[1]), ['Tomas Vik', 'Anna Berg'])
})

test('"he said" skips a person someone reported on or named in an adverbial clause, and a name inside a thing a relative "which" describes', () => {
  const doc = testDoc([
    'Tomas Vik spoke after the vote. Vik said Anna Berg had hidden the repair costs from the council.',
    '“The council deserved to know the truth,” he said.',
    'Since Anna Berg took office, the harbour has lost money. “Nobody checks the accounts any more,” he added.',
  ].join(' '), { actors: PEOPLE })
  assert.deepEqual(run(doc).map((q) => q.speaker?.name), ['Tomas Vik', 'Tomas Vik'])
})

test('a role takes the person the entities layer found through it; a title followed by the next person\'s name is not an apposition', () => {
  const actors: TestActor[] = [...PEOPLE, { name: 'Rana Holm', type: 'PERSON', surfaces: ['Rana Holm', 'Holm', 'the Nordland president'] }, { name: 'Ivo Lind', type: 'PERSON', surfaces: ['Ivo Lind', 'Lind'] }]
  const role = testDoc('President Ivo Lind of Westmark sent a letter on Monday. A day later the Nordland president answered it. Holm also spoke to reporters. “The letter changes nothing in our plans,” the president said.', { actors })
  assert.deepEqual(pairs(role), [['The letter changes nothing in our plans', 'Rana Holm']])
  const next = testDoc('The talks brought together Tomas Vik, Westmark’s special envoy on ports Ivo Lind and Anna Berg. Lind spoke first. “Both harbours will share the new pilots,” the envoy said.', { actors })
  assert.deepEqual(pairs(next), [['Both harbours will share the new pilots', 'Ivo Lind']])
  // a title before a description is someone else's: the adviser to the Nordland president is not the president
  const adviser = testDoc('Tomas Vik, the policy adviser to the Nordland president, met traders on Monday. The adviser spoke at length. “The ports will stay open all winter,” he said.', { actors })
  assert.deepEqual(pairs(adviser), [['The ports will stay open all winter', 'Tomas Vik']])
})

test('a quotation no verb of saying reports speaks for the subject of the clause that holds it; a resolution speaks for its author', () => {
  const doc = testDoc('Anna Berg expressed hope that the dredging would be finished in “less than a month of work.” The Harbour Council adopted a resolution on Monday. The resolution also calls upon Westmark “to stop dumping waste into the channel.”', { actors: ACTORS })
  assert.deepEqual(pairs(doc), [['less than a month of work.', 'Anna Berg'], ['to stop dumping waste into the channel.', 'Harbour Council']])
})

test('a quotation that is a sentence of its own speaks for a bare attribution after it, else for the speaker of the sentence before', () => {
  const doc = testDoc([
    'The harbour reopened on Monday. Tomas Vik said the repairs had taken too long. “The council ignored every warning about the old pillars.”',
    'Anna Berg rejected the criticism on Tuesday. “Every ship will be inspected twice before it docks.” Berg wrote.',
  ].join('\n\n'), { actors: ACTORS })
  assert.deepEqual(pairs(doc), [
    ['The council ignored every warning about the old pillars.', 'Tomas Vik'],
    ['Every ship will be inspected twice before it docks.', 'Anna Berg'],
  ])
})

test('"the Russian diplomat said" is never a person known to be of another country, though one was the last subject', () => {
  const actors: TestActor[] = [
    { name: 'Sergei Tarkov', type: 'PERSON', surfaces: ['Sergei Tarkov'] },
    { name: 'Li Wenhao', type: 'PERSON', surfaces: ['Li Wenhao'] },
    { name: 'Russia', type: 'GPE', surfaces: ['Russia'] },
  ]
  const base = testDoc([
    'Sergei Tarkov, the envoy of Russia in Vienna, said on Twitter that there was no alternative to the deal.',
    'Foreign ministry spokesman Li Wenhao said his government supported the talks.',
    '“Almost all countries support the deal because it is a key part of the order,” the Russian diplomat tweeted.',
  ].join('\n\n'), { actors })
  const state: Record<string, string> = { 'Sergei Tarkov': 'RUS', 'Li Wenhao': 'CHN', Russia: 'RUS' }
  const doc: Doc = { ...base, layers: { ...base.layers, entities: base.layers.entities!.map((e) => ({ ...e, affiliation: state[e.name] ?? null })) } }
  assert.deepEqual(run(doc).map((q) => q.speaker?.name ?? null), ['Sergei Tarkov'])
})

test('"“…,” read the statement" speaks for the statement\'s issuer, though the parse takes the statement for the object of "read"', () => {
  const doc = testDoc([
    'The drills will involve 200 troops, the Harbour Council announced in a statement on Tuesday.',
    '“The drills will be held at the training centre for special forces in the highlands,” read the statement.',
  ].join('\n\n'), { actors: ACTORS })
  assert.deepEqual(pairs(doc).map((p) => p[1]), ['Harbour Council'])
})

test('"X, the leader of Y — another Z faction — said": where the parse gives the verb several subjects, the person named among them speaks', () => {
  const actors: TestActor[] = [...PEOPLE, { name: 'Kasim Harbi', type: 'PERSON', surfaces: ['Kasim Harbi'] }, { name: 'Asaib Nur al-Haq', type: 'GROUP', surfaces: ['Asaib Nur al-Haq'] }, { name: 'Popular Mobilization Forces', type: 'GROUP', surfaces: ['PMU'] }]
  const doc = testDoc('Speaking to reporters, Kasim Harbi, the leader of Asaib Nur al-Haq — another PMU faction — said “Americans are unwanted in Iraq. They are a source of evil and must leave.”', { actors })
  assert.deepEqual(pairs(doc).map((p) => p[1]), ['Kasim Harbi'])
})

test('the speaker named right after the closing mark, a body described by its state\'s adjective, and a statement issued before a quotation', () => {
  const actors: TestActor[] = [
    ...ACTORS,
    { name: 'Ministry of Defence of Russia', type: 'ORG', surfaces: ['Russian Defense Ministry'] },
    { name: 'Russia', type: 'GPE', surfaces: ['Russia'] },
  ]
  const doc = testDoc([
    // a name inside the quotation, and the one after its closing mark with an apposition: the latter speaks
    '“The answer will be given by the head of state, Premier Anna Berg,” Tomas Vik, Berg\'s spokesman, told reporters on Monday.',
    // "the Russian ministry" is the ministry named before, not Russia
    'Last week the Russian Defense Ministry said it was using the harbour. “Our ships left the harbour at dawn and returned at night,” the Russian ministry said.',
    // a sentence that issues a statement, then the statement alone
    'The Harbour Council issued a statement on Sunday.',
    '“The harbour will stay closed to every ship until the storm passes.”',
  ].join('\n\n'), { actors })
  assert.deepEqual(pairs(doc).map(([, s]) => s), ['Tomas Vik', 'Ministry of Defence of Russia', 'Harbour Council'])
})

test('a quotation inside a sentence whose attribution names no actor is the sentence subject\'s, not a name inside a phrase before it', () => {
  const doc = testDoc('The Harbour Council coordinator of the Nordland talks is expected to present a new “plan for the harbour and its ships” next week, a local newspaper said.', { actors: ACTORS })
  assert.deepEqual(pairs(doc).map(([, s]) => s), ['Harbour Council'])
})

test('every quote says what named its speaker: the syntax model\'s parse, or a cue rule when read without the parse; no score either way', () => {
  const doc = testDoc('“We will rebuild the bridge before winter,” Anna Berg said on Monday.\n\nSome said “this could never happen here at all.”', { actors: ACTORS })
  const parsed = run(doc), rules = run(doc, false)
  assert.equal(parsed[0]!.speaker?.name, 'Anna Berg')
  assert.equal(parsed[0]!.produced_by?.method, 'model')
  assert.match(parsed[0]!.produced_by!.detail, /dependency parse|syntax model/)
  assert.deepEqual(rules[0]!.produced_by, { method: 'rule', detail: 'speaker cue rule (postposed)', score: null })
  for (const q of [...parsed, ...rules]) { assert.ok(q.produced_by, q.text); assert.equal(q.produced_by.score, null) }
})

test('a name and a colon before a quotation speak it; a dateline before the subject never speaks; a verb of saying conjoined to a reported clause is the reporter\'s', () => {
  const colon = testDoc('Anna Berg met the council on Monday.\n\nTomas Vik: “The harbour will stay open to every ship this winter.”', { actors: ACTORS })
  assert.deepEqual(pairs(colon), [['The harbour will stay open to every ship this winter.', 'Tomas Vik']])
  const dated = testDoc('NORDLAND- An adviser to the mayor has underlined that the port "would have closed a year ago" without the new funds.', { actors: [...ACTORS, { name: 'Nordland', type: 'GPE', surfaces: ['NORDLAND'] }] })
  assert.equal(run(dated).length, 1)
  assert.notEqual(run(dated)[0]!.speaker?.name, 'Nordland')
  const conj = testDoc('Anna Berg reiterated that Tomas Vik is seeking a full return to the old plan and said “nothing in the new deal would change our course.”', { actors: ACTORS })
  assert.deepEqual(pairs(conj), [['nothing in the new deal would change our course.', 'Anna Berg']])
})

test('the name right before the verb after a comma speaks, not a name the fronted phrase ends with; "“…,” X exemplified." with any verb; a verb whose lemma lost its silent e ("blamed") still reports', () => {
  const fronted = testDoc('In an indirect reference to the mayor Tomas Vik, Anna Berg said, “Every ship will be inspected twice before it sails.”', { actors: ACTORS })
  assert.deepEqual(pairs(fronted), [['Every ship will be inspected twice before it sails.', 'Anna Berg']])
  const anyVerb = testDoc('Anna Berg spoke first.\n\n“The harbour will stay open to every ship this winter,” Tomas Vik exemplified.', { actors: ACTORS })
  assert.deepEqual(pairs(anyVerb), [['The harbour will stay open to every ship this winter', 'Tomas Vik']])
  const blamed = testDoc('Tomas Vik spoke first. Anna Berg blamed the council for the long delay. “The harbour should have opened in May, not in June.”', { actors: ACTORS })
  assert.deepEqual(pairs(blamed), [['The harbour should have opened in May, not in June.', 'Anna Berg']])
})

test('"the Iranian foreign minister" is not the French foreign minister named beside the word "Iranian"', () => {
  const people: TestActor[] = [{ name: 'Anna Berg', type: 'PERSON', surfaces: ['Anna Berg', 'Berg'] }, { name: 'Erik Lund', type: 'PERSON', surfaces: ['Erik Lund', 'Lund'] }]
  const doc = testDoc('Iranian Foreign Minister Anna Berg toured Europe this week.\n\nIn her talks with French Foreign Minister Erik Lund, the Iranian foreign minister said the talks went well. The Iranian foreign minister reiterated her position on the talks. “We want a good agreement with every side in these talks.”', { actors: people })
  const state: Record<string, string> = { 'Anna Berg': 'IRN', 'Erik Lund': 'FRA' }
  const withStates = { ...doc, layers: { ...doc.layers, entities: doc.layers.entities!.map((e) => ({ ...e, affiliation: state[e.name] ?? null })) } }
  assert.deepEqual(pairs(withStates), [['We want a good agreement with every side in these talks.', 'Anna Berg']])
})

test('a quotation of its own after a sentence about one person, with no one speaking before, is that person\'s', () => {
  const doc = testDoc('Anna Berg met Tomas Vik in Porta on Tuesday. “Pleased to meet my good friend in the harbour town today.”', { actors: ACTORS })
  assert.deepEqual(pairs(doc), [['Pleased to meet my good friend in the harbour town today.', 'Anna Berg']])
})

test('a person the parse makes the subject of "…, saying “…”" speaks, though the rules name a state in the sentence', () => {
  const doc = testDoc('Leader of the Harbour Council Anna Berg on Sunday denounced the Nordland missile attacks on the airbase, saying, “What they did was a strategic mistake and a crime.”', { actors: ACTORS })
  assert.deepEqual(pairs(doc), [['What they did was a strategic mistake and a crime.', 'Anna Berg']])
})

test('a lead sentence\'s description of a person named only in the next sentences is that person ("Iceland\'s foreign ministry spokesman branded … ¶ X said")', () => {
  const actors: TestActor[] = [...ACTORS, { name: 'Iceland', type: 'GPE', surfaces: ['Iceland'] }]
  const doc = testDoc('Iceland’s foreign ministry spokesman on Friday branded the plan “the most costly mistake of the decade” in a statement. Tomas Vik said the council had ignored the port.', { actors })
  assert.deepEqual(pairs(doc), [['the most costly mistake of the decade', 'Tomas Vik']])
  // a person of another state named next is no one the description stands for
  const state = { ...doc, layers: { ...doc.layers, entities: doc.layers.entities!.map((e) => ({ ...e, affiliation: e.name === 'Tomas Vik' ? 'NOR' : null })) } }
  assert.deepEqual(pairs(state), [['the most costly mistake of the decade', null]])
})

test('"the agency quoted her as saying" is the person "her" stands for; the author of a bill speaks its words', () => {
  const her = testDoc('Anna Berg said the bridge would open soon. “It will carry every lorry in the region,” the agency quoted her as saying.', { actors: ACTORS })
  assert.deepEqual(pairs(her), [['It will carry every lorry in the region', 'Anna Berg']])
  const bill = testDoc('The Harbour Council approved a bill on Sunday. The bill cites “material or moral damage” caused by the storm.', { actors: ACTORS })
  assert.deepEqual(pairs(bill), [['material or moral damage', 'Harbour Council']])
})

test('words under a verb of saying with no subject of its own are the subject\'s of the clause it hangs on ("X repeated the claim, telling reporters that … “…”")', () => {
  const doc = testDoc('Tomas Vik repeated the claim on Monday, telling reporters before leaving for Porta that the council closed the pier “to raise the price of fish in the whole region.”', { actors: ACTORS })
  assert.deepEqual(pairs(doc), [['to raise the price of fish in the whole region.', 'Tomas Vik']])
})

test('words quoted inside what a person reports a state told are the person\'s ("X said Nordland told Y that it has “…”")', () => {
  const actors: TestActor[] = [...ACTORS, { name: 'Sudmark', type: 'GPE', surfaces: ['Sudmark'] }]
  const doc = testDoc('Tomas Vik said Nordland told Sudmark as soon as the talks began that the plan has “absolutely no chance of being adopted.”', { actors })
  assert.deepEqual(pairs(doc), [['absolutely no chance of being adopted.', 'Tomas Vik']])
})

test('"The Foreign Ministry official also said that “…”" is the person who spoke for the ministry, not the ministry', () => {
  const actors: TestActor[] = [...ACTORS, { name: 'Nordland Foreign Ministry', type: 'ORG', surfaces: ['Foreign Ministry'] }]
  const doc = testDoc('Tomas Vik condemned the attack. “This is a crime against every sailor,” Vik stated. The Foreign Ministry official also said that “the ships and all the peace-seeking crews” should stay away from the pier.', { actors })
  assert.deepEqual(pairs(doc).at(-1), ['the ships and all the peace-seeking crews', 'Tomas Vik'])
})
