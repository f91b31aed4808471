import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { isModeOf, isPloverType } from '../catalogue.js'
import { parseCode, parsePattern, parseVerbDictionary, parseVerbLine, patternFrame, tokenize } from './petrarch.js'
import { buildLexicon, DROP_BARE, serialize, singular, VERB_DICTIONARY, type Lexicon } from './build.js'
import { lexicon, LEXICON_PATH, LexiconIndex } from './index.js'

const SMALL = `
# a comment
&WEAPON
+GUN
+RIFLE
# comment inside a set
+ASSAULT RIFLE

---  BLAME   [112]  ---
ACCUSE [112]
CONDEMN [111]
INDICT
- * {TERRORIST ATTACK}                                [018]         # CONDEMN
- * (OF {RIGHTS ABUSES})                              [1122]        # ACCUSE
- POLICE * (DURING DEMONSTRATION)                     [175]         # ACCUSE

---  SEND   [---]  ---
SEND {SENDS SENDING SENT }
+CARRY_OUT
- * &WEAPON (TO +)                                    [072]         # SEND
- * TROOPS                                            [154]         # SEND
- * + MESSAGE                                         [010]         # SEND

---  SAY   [010]  ---
SAY {SAID SAYING SAYS}
- * CONDOLENCES                                       [018]         # SAY

---  VISIT   [042:043]  ---
VISIT

---  GRANT   [070]  ---
GRANT
GIVE {GAVE GIVEN GIVING GIVES}

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
`

test('PETRARCH codes: plain, reciprocal pairs and the null code', () => {
  assert.equal(parseCode('[111]'), '111')
  assert.equal(parseCode('[042:043]'), '042')
  assert.equal(parseCode('[---]'), null)
  assert.equal(parseCode('no code'), null)
})

test('verb lines: regular forms, listed irregular forms, own codes, multi-word verbs', () => {
  assert.deepEqual(parseVerbLine('CONDEMN [111] '), { lemma: 'condemn', forms: ['condemn', 'condemns', 'condemned', 'condemning'], code: '111' })
  assert.deepEqual(parseVerbLine('DENY {DENYING DENIED DENIES }'), { lemma: 'deny', forms: ['deny', 'denying', 'denied', 'denies'], code: null })
  assert.deepEqual(parseVerbLine('+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]'), { lemma: 'ask for', forms: ['ask for', 'asked for', 'asking for', 'asks for'], code: '020' })
  assert.deepEqual(parseVerbLine('+CALL_OFF')?.forms, ['call off', 'calls off', 'called off', 'calling off'])
  assert.deepEqual(parseVerbLine('RE_+ARREST')?.lemma, 're arrest')
  assert.equal(parseVerbLine('# only a comment'), null)
})

test('pattern lines: words before and after the verb, phrases, groups, code and the verb named in the comment', () => {
  assert.deepEqual(tokenize('* (OF {RIGHTS ABUSES}) BY +'), ['*', '(OF {RIGHTS ABUSES})', 'BY', '+'])
  const p = parsePattern('- * (OF {RIGHTS ABUSES})                              [1122]        # ACCUSE')!
  assert.deepEqual([p.lower, p.upper, p.code, p.verb], [[], ['(OF {RIGHTS ABUSES})'], '1122', 'accuse'])
  const q = parsePattern('- + BEEN * BY $ WITH FORMING GOVERNMENT               [060]         # CHARGE')!
  assert.deepEqual(q.lower, ['+', 'BEEN'])
  assert.equal(parsePattern('- * TALKS [164:164] # CALLED_OFF')!.verb, 'called off')
})

test('pattern frames: preposition, object phrase, synonym sets and where the target is', () => {
  const syn = new Map([['&WEAPON', ['gun', 'rifle']]])
  const f = (s: string) => patternFrame(parsePattern(s)!, syn)
  assert.deepEqual(f('- * (AGAINST) [111]'), { prep: 'against', objects: [], target: null, lowerWords: false })
  assert.deepEqual(f('- * + (FOR TORTURE) [1122]'), { prep: 'for', objects: ['torture'], target: 'object', lowerWords: false }, 'the preposition\'s object stands in when the verb has none')
  assert.deepEqual(f('- * {TERRORIST ATTACKS} [018]').objects, ['terrorist attacks'])
  assert.deepEqual(f('- * &WEAPON (TO +) [072]'), { prep: 'to', objects: ['&WEAPON'], target: 'prep', lowerWords: false })
  assert.equal(f('- &AIRCRAFT * RAIDS [195]').lowerWords, true)
})

test('the dictionary reader: synonym sets (comments inside them kept apart), groups, verbs and patterns; transformations skipped', () => {
  const d = parseVerbDictionary(SMALL)
  assert.deepEqual(d.synsets.get('&WEAPON'), ['gun', 'rifle', 'assault rifle'])
  assert.deepEqual(d.groups.map((g) => [g.name, g.code, g.verbs.length, g.patterns.length]), [['BLAME', '112', 3, 3], ['SEND', null, 2, 3], ['SAY', '010', 1, 1], ['VISIT', '042', 1, 0], ['GRANT', '070', 2, 0]])
})

test('building a lexicon from a small dictionary: bare verbs, conditioned entries, remaps, drops', () => {
  const lex = buildLexicon(SMALL)
  const find = (lemma: string, object: string | null = null, prep: string | null = null) => lex.entries.find((e) => e.lemma === lemma && e.pos === 'verb' && e.object === object && e.prep === prep)
  assert.equal(find('condemn')?.type, 'ACCUSE')
  assert.equal(find('condemn', 'terrorist attack'), undefined, 'condemning an attack stays ACCUSE (gold), so it adds nothing to the bare verb')
  assert.equal(find('accuse')?.mode, 'allege')
  assert.equal(find('accuse', 'rights abuse', 'of'), undefined, 'a condition that reads as the bare verb (ACCUSE/allege) is folded into it')
  assert.equal(find('send'), undefined, 'send has no code of its own')
  assert.deepEqual([find('send', 'weapon', 'to')?.type, find('send', 'weapon', 'to')?.objectClass, find('send', 'weapon', 'to')?.target], ['AID', true, 'prep'])
  assert.equal(find('send', 'troop')?.type, 'MOBILIZE')
  assert.equal(find('say'), undefined, 'say is dropped as a bare verb')
  assert.equal(find('say', 'condolence')?.type, 'SUPPORT')
  assert.equal(find('visit')?.type, 'CONSULT')
  assert.equal(find('grant')?.type, 'AID')
  assert.equal(find('give'), undefined, 'give is too ambiguous as a bare verb')
  assert.ok(lex.dropped.some((d) => d.startsWith('give:')))
  assert.deepEqual(lex.classes.weapon, ['assault rifle', 'gun', 'rifle'])
  assert.ok(lex.entries.every((e) => e.source.startsWith('dossier:') || e.source.startsWith('petrarch2')))
})

test('the build is deterministic: the same input gives the same bytes', () => {
  assert.equal(serialize(buildLexicon(SMALL)), serialize(buildLexicon(SMALL)))
})

test('the committed lexicon is what the build makes of the PETRARCH2 dictionary', { skip: !existsSync(VERB_DICTIONARY) && `no ${VERB_DICTIONARY}` }, () => {
  assert.equal(serialize(buildLexicon(readFileSync(VERB_DICTIONARY, 'utf8'))), readFileSync(LEXICON_PATH, 'utf8'), 'data/plover/lexicon.json is stale: npm run build:lexicon')
})

test('every committed entry has a catalogue type, a mode of that type, sorted unique forms, and entries are sorted and unique', () => {
  const lex = JSON.parse(readFileSync(LEXICON_PATH, 'utf8')) as Lexicon
  const keys = lex.entries.map((e) => [e.lemma, e.pos, e.prep ?? '', e.object ?? ''].join('|'))
  assert.deepEqual(keys, [...keys].sort(), 'sorted')
  assert.equal(new Set(keys).size, keys.length, 'unique')
  for (const e of lex.entries) {
    assert.ok(isPloverType(e.type), `${e.lemma}: ${e.type}`)
    assert.ok(isModeOf(e.type, e.mode), `${e.lemma}: ${e.type}/${e.mode}`)
    assert.deepEqual([...e.forms], [...new Set(e.forms)].sort(), e.lemma)
    assert.ok(e.forms.length > 0 && e.count >= 1)
    if (e.objectClass) assert.ok(lex.classes[e.object!], `${e.lemma}: class ${e.object}`)
    if (e.prep === null && e.object === null && e.pos === 'verb' && e.source.startsWith('petrarch2')) assert.ok(!DROP_BARE[e.lemma] || ['meet', 'offer', 'support', 'accept'].includes(e.lemma), `${e.lemma} should be dropped`)
  }
  const total = Object.values(lex.counts).reduce((a, b) => a + b, 0)
  assert.equal(total, lex.entries.length)
})

test('well-known triggers map as PLOVER and the gold README say', () => {
  const lx = lexicon()
  const t = (form: string, q: Parameters<LexiconIndex['match']>[1] = {}) => { const e = lx.match(form, { pos: 'verb', ...q }); return e ? `${e.type}${e.mode ? '/' + e.mode : ''}` : null }
  assert.equal(t('condemned'), 'ACCUSE/disapprove')
  assert.equal(t('visited'), 'CONSULT/visit')
  assert.equal(t('imposed', { object: ['new', 'sanctions'] }), 'SANCTION/discontinue')
  assert.equal(t('pledged')?.split('/')[0], 'AGREE')
  assert.equal(t('denied'), 'REJECT')
  assert.equal(t('urged')?.split('/')[0], 'REQUEST')
  assert.equal(t('threatened')?.split('/')[0], 'THREATEN')
  assert.equal(t('attacked')?.split('/')[0], 'ASSAULT')
  assert.equal(t('deployed')?.split('/')[0], 'MOBILIZE')
  assert.equal(t('arrested'), 'COERCE/arrest')
  assert.equal(t('withdrew')?.split('/')[0], 'RETREAT')
  assert.equal(t('held', { object: ['talks'] }), 'CONSULT')
  assert.equal(t('signed', { object: ['an', 'agreement'] }), 'SUPPORT/sign')
  assert.equal(t('expressed', { object: ['condolences'] }), 'SUPPORT/condole')
  assert.equal(t('launched', { object: ['an', 'attack'] })?.split('/')[0], 'ASSAULT')
  assert.equal(t('fired', { object: ['a', 'missile'] })?.split('/')[0], 'ASSAULT')
  assert.equal(t('lodged', { object: ['a', 'protest'] }), 'ACCUSE/disapprove')
  assert.equal(t('said'), null, 'a bare reporting verb is no event')
  assert.equal(t('called', { prep: 'for', prepObject: ['a', 'ceasefire'] }), 'REQUEST/yield')
  assert.equal(t('called', { prep: 'on' })?.split('/')[0], 'REQUEST')
  assert.equal(t('objected', { prep: 'to' }), 'ACCUSE/disapprove')
  assert.equal(t('indicted'), 'ACCUSE/allege')
  assert.equal(lx.match('hosted', { pos: 'verb' })?.reversed, true, 'the host of a visit is its target')
  const n = (form: string) => lx.match(form, { pos: 'noun' })?.type ?? null
  assert.deepEqual(['talks', 'visit', 'attack', 'strikes', 'sanctions', 'condemnation', 'accusation', 'agreement', 'meeting', 'drills', 'exercises', 'missile test'].map(n),
    ['CONSULT', 'CONSULT', 'ASSAULT', 'ASSAULT', 'SANCTION', 'ACCUSE', 'ACCUSE', 'SUPPORT', 'CONSULT', 'MOBILIZE', 'MOBILIZE', 'MOBILIZE'])
  assert.equal(singular('allies'), 'ally')
})
