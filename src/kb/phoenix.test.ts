import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { loadKb } from './index.js'
import { codeOffice, codeOfficeId, parseActorDictionary, phoenixDate, phoenixKind, phoenixName, stripPersonTitles, type Lexicon } from './phoenix.js'

// invented dictionary lines in the Phoenix format (no real entries)
const DICT = [
  '# a comment line',
  'ZORAN_EXAMPLEVIC_  # CountryInfo.txt',
  '+PRESIDENT_ZORAN_EXAMPLEVIC_',
  '+Z._EXAMPLEVIC',
  '\t[FRAELI 850101-990809]',
  '\t[FRAGOV >990810]',
  '\t[FRAELI]',
  'LEAGUE_OF_TEST_CITIES_ [IGOTST] # an invented body',
  '+LTC_',
  'NOCODE_FIRST_',
  'NOCODE_SECOND_',
  '\t[GBRGOV 20010101-020101]',
  'BAD_DATES_PERSON_',
  '\t[GBRGOV 2004017-20061201]',
].join('\n')

const lex: Lexicon = { common: new Set(['league', 'of', 'cities', 'president', 'army', 'god']), acronyms: new Set(['un', 'nato']) }
const demonyms = new Set(['french', 'russian'])

describe('Phoenix dictionary converter', () => {
  it('parses entries, synonyms and dated codes; uncoded entries share the next codes', () => {
    const notes: { what: string; reason: string }[] = []
    const e = parseActorDictionary(DICT, 'test.actors.txt', notes)
    assert.deepEqual(e.map((x) => x.name), ['ZORAN_EXAMPLEVIC_', 'LEAGUE_OF_TEST_CITIES_', 'NOCODE_FIRST_', 'NOCODE_SECOND_', 'BAD_DATES_PERSON_'])
    assert.deepEqual(e[0]!.synonyms, ['PRESIDENT_ZORAN_EXAMPLEVIC_', 'Z._EXAMPLEVIC'])
    assert.deepEqual(e[0]!.codes, [
      { code: 'FRAELI', from: '1985-01-01', to: '1999-08-09', dated: true },
      { code: 'FRAGOV', from: '1999-08-10', to: null, dated: true },
      { code: 'FRAELI', from: null, to: null, dated: false },
    ])
    assert.deepEqual(e[1]!.codes.map((c) => c.code), ['IGOTST'])
    assert.deepEqual(e[2]!.codes, e[3]!.codes, 'an uncoded entry takes the codes of the next coded one')
    assert.equal(e[3]!.codes[0]!.from, '2001-01-01')
    assert.equal(e[4]!.codes[0]!.dated, false, 'a date it cannot read is dropped, the code kept')
    assert.equal(notes.length, 1)
  })

  it('reads dates, casing, titles and kinds', () => {
    assert.equal(phoenixDate('130801'), '2013-08-01')
    assert.equal(phoenixDate('370101'), '1937-01-01')
    assert.equal(phoenixDate('20130815'), '2013-08-15')
    assert.equal(phoenixDate('2004017'), null)
    assert.equal(phoenixName('ZORAN_EXAMPLEVIC_', lex), 'Zoran Examplevic')
    assert.equal(phoenixName('UN_ARMY_OF_GOD', lex), 'UN Army of God')
    assert.equal(phoenixName('ABU_AL-EXAMPLE', lex), 'Abu al-Example')
    assert.equal(phoenixName("O'TESTY_D'EXAMPLE", lex), "O'Testy D'Example")
    assert.equal(phoenixName('IXTC', lex), 'IXTC')
    assert.equal(stripPersonTitles('RUSSIAN_PRESIDENT_ZORAN_EXAMPLEVIC', demonyms), 'ZORAN EXAMPLEVIC')
    const [person, org] = parseActorDictionary(DICT, 't')
    assert.equal(phoenixKind(person!, 'countries', lex, demonyms), 'person')
    assert.equal(phoenixKind(org!, 'international', lex, demonyms), 'org')
    // a ruler known by one name, with dated role codes, is skipped (no organisation, no alias of a lone given name); occupied territory stays
    const [mononym, place] = parseActorDictionary('JORUND_  # CountryInfo.txt\n\t[NORGOV 750325-820613]\nKOSTOVA_  # CountryInfo.txt\n\t[NOROCC 990610-080217]\n', 't')
    assert.equal(phoenixKind(mononym!, 'countries', lex, demonyms), 'skip')
    assert.equal(phoenixKind(place!, 'countries', lex, demonyms), 'org')
    const states = new Set(['FRA'])
    assert.equal(codeOfficeId('FRAGOV'), 'FRA:cameo-fragov')
    assert.deepEqual(codeOffice('FRAGOV', states, () => 'France'), { id: 'FRA:cameo-fragov', title: 'France: government (CAMEO FRAGOV)', country: 'FRA', kind: 'cameo-fragov', nouns: [], code: 'FRAGOV' })
  })

  it('resolves a Phoenix-only actor through loadKb, with its dated codes as roles', () => {
    const kb = loadKb()
    const a = kb.actor('P:mohammad-zahir-shah')
    assert.equal(a?.name, 'Mohammad Zahir Shah')
    assert.equal(a?.generated, true)
    assert.equal(a?.affiliation, 'AFG')
    assert.ok(kb.lookup('mohammad zahir shah')?.some((e) => e.actor === 'P:mohammad-zahir-shah' && e.how === 'alias'))
    assert.ok(kb.holders('AFG:cameo-afggov', '1960-01-01').some((x) => x.id === 'P:mohammad-zahir-shah'))
    // curated records win: the imported dictionaries add no second Vladimir Putin, and no bare word is a generated name
    assert.deepEqual(kb.lookup('vladimir putin')?.map((e) => e.actor), ['P:vladimir-putin'])
    assert.ok(!kb.lookup('council')?.some((e) => kb.actor(e.actor)?.generated))
  })
})
