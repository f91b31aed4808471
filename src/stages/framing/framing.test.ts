import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { documentTone, findFraming, loadLexicon, quotedSpans } from './index.js'

const LEX = loadLexicon()
const terms = (text: string) => {
  const paras = [{ start: 0, end: text.length }]
  return findFraming(text, LEX, quotedSpans(text, paras), paras).map((f) => f.term)
}

test('loaded terms in the outlet\'s own voice are found, with their neutral equivalent (table)', () => {
  const cases: [string, string[]][] = [
    ['The occupying entity shelled the camp 💩 again.', ['occupying entity']],
    ['Officials in the Damascus regime denied it.', ['Damascus regime']],
    ['The sanctions regime was tightened in May.', []],
    ['Crowds mourned the martyrs of the raid.', ['martyrs']],
    ['The resistance movement claimed a heroic operation near the border.', ['resistance movement', 'heroic operation']],
    ['Regime-controlled media aired the confession.', ['Regime-controlled media']],
    ['A Western-backed militia took the town, said Café owners.', ['Western-backed militia']],
    ['The ministry called it a special military operation.', ['special military operation']],
    ['Rebels and the army traded fire near the river.', []],
    // evaluative labels for acts, words, sanctions and seizures in the reporter's voice
    ['In another provocative move, the navy sent two more ships.', ['provocative move']],
    ['The council answered the Nordland bluster with a note.', ['bluster']],
    ['The ministry made empty calls for talks last year.', ['empty calls for talks']],
    ['The unilateral and illegal sanctions hit medicine imports.', ['unilateral and illegal sanctions']],
    ['Nordland and its vassal states cut ties with the port.', ['vassal states']],
    ['The war minister of Nordland spoke of new strikes.', ['war minister']],
    ['The blatant stealing of the oil tanker angered Porta.', ['stealing of the oil tanker']],
    ['The sanctions were imposed under the pretext of human rights.', ['under the pretext']],
    ['The sanctions were extended on Monday.', []],
  ]
  for (const [text, want] of cases) assert.deepEqual(terms(text), want, text)
})

test('terms inside quotation marks are not the outlet\'s voice', () => {
  assert.deepEqual(terms('The minister said “the Zionist regime will pay” and left.'), [])
  assert.deepEqual(terms('He vowed revenge on what he called the "occupying entity".'), [])
  // a stray closing mark does not open a quote
  assert.deepEqual(terms('Police’s”Special Unit” acted as the regime ordered.'), ['the regime'])
})

test('a framing record points at its own text (spans are UTF-16, combining marks kept)', () => {
  const text = 'Cafe\u0301 talk 💩: the regime’s critics spoke of atrocities.'
  const f = findFraming(text, LEX, [], [{ start: 0, end: text.length }])
  for (const r of f) assert.equal(text.slice(r.start, r.end), r.text)
  assert.deepEqual(f.map((r) => r.label), ['the regime', 'atrocities'])
})

test('user lexicon files are merged and validated', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lex-'))
  writeFileSync(join(dir, 'mine.json'), JSON.stringify([{ term: 'bandit formations', neutral: 'armed groups', phrases: ['bandit formations'], users: ['test'] }]))
  const lex = loadLexicon([dir])
  assert.deepEqual(findFraming('Bandit formations crossed the pass.', lex, []).map((f) => f.label), ['bandit formations'])
  writeFileSync(join(dir, 'bad.json'), JSON.stringify([{ term: 'x', neutral: 'y' }]))
  assert.throws(() => loadLexicon([dir]), (e: any) => e.code === 'E_KB' && /phrases/.test(e.message))
})

test('tone is negative for disparaging wording and positive for cooperative wording', () => {
  assert.ok(documentTone('The attack killed many; the massacre was condemned.', [], LEX) < 0)
  assert.ok(documentTone('Both sides welcomed the agreement and praised the cooperation.', [], LEX) > 0)
})

test('scare quotes around a group noun or a group adjective in the outlet\'s own voice are found (table)', () => {
  const cases: [string, string[]][] = [
    ['Foreign "observers" were bused in to praise the count.', ['Foreign "observers"']],
    ['The so-called "activists" blocked the harbour road.', ['The so-called "activists"']],
    ['Ministers met the “moderate” rebels in a hotel lobby.', ['the “moderate” rebels']],
    ['He lectured NATO ‘peace monitors’ about the front line.', ['NATO ‘peace monitors’']],
    ['Their "independent" media never covered the floods.', ['Their "independent" media']],
  ]
  for (const [text, want] of cases) assert.deepEqual(terms(text), want, text)
  const [f] = findFraming('Western "analysts" cheered.', LEX, quotedSpans('Western "analysts" cheered.', [{ start: 0, end: 27 }]))
  assert.equal(f?.label, 'scare quotes')
  assert.match(f!.neutral, /without quotation marks/)
})

test('short quotations of speech, titles and quoted words are not scare quotes (table)', () => {
  const none = [
    'The spokesman called the inspectors "spies" on Tuesday.', // after a word of saying
    'She described the visiting envoys as "clowns" before leaving.',
    'The drill, dubbed "steel partners", ended on Friday.',
    'Tanks rolled out in Operation "Northern Dawn" at night.', // a title: capitalised
    'The newspaper ran the series "quiet farmers" last spring.', // named as a title
    'The word "refugees" appears twice in the draft.', // a word quoted as a word
    'He says the talks were "useful" and left.', // an adjective with no group noun
    'Trade had ended with the port "weeks" earlier.', // not a noun for people
    'The envoy said the plan would "protect civilians and allow aid to flow".', // three words or more: speech
    'Peace broke not only the "rules" of war but its "customs" too, the general remarked.', // trailing attribution
    'The minister promised "the independent media will thrive under the new law".',
  ]
  for (const text of none) assert.deepEqual(terms(text).filter((t) => /["“‘]/.test(t)), [], text)
  // a scare quote inside a longer quotation is that speaker's, not the outlet's
  assert.deepEqual(terms('Officials wrote: “Western ‘experts’ invent these stories every week.”'), [])
})

test('arms supplies described as a flood are found, other pouring is not (table)', () => {
  const cases: [string, string[]][] = [
    ['For years the allies have pumped arms into the war zone.', ['pumped arms into']],
    ['Both capitals are pouring more advanced weapons into the region.', ['pouring more advanced weapons into']],
    ['Smugglers flooded the border towns with cheap weapons.', ['flooded the border towns with cheap weapons']],
    ['The company poured concrete into the foundations.', []],
    ['Rain flooded the valley with mud.', []],
    ['The state pumped oil and sold arms to neighbours.', []],
  ]
  for (const [text, want] of cases) assert.deepEqual(terms(text), want, text)
})

test('every framing term says what found it: its lexicon entry (a rule, no score)', () => {
  const text = 'Officials in the Damascus regime denied it.'
  const [f] = findFraming(text, LEX, [], [{ start: 0, end: text.length }])
  assert.equal(f!.produced_by?.method, 'rule'); assert.equal(f!.produced_by?.score, null)
  assert.equal(f!.produced_by?.detail, `framing lexicon entry "${f!.label}"`)
})
