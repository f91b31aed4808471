import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { SHARED } from '../../../paths.js'
import { chunks, loadNer, normaliseToken, readConll, scoreNer, tagConll, toIob2 } from './index.js'

/** Pinned dev (eng.testa) F1 floor: what the committed model reaches, rounded down. */
const DEV_F1_FLOOR = 0.9

const DEV = join(SHARED, 'data', 'ner', 'conll2003', 'eng.testa')
const SCORER = join(SHARED, 'tools', 'ner-score.mjs')

describe('conll helpers', () => {
  it('decodes IOB1 and IOB2 into the same chunks', () => {
    assert.deepEqual(chunks(['I-PER', 'I-PER', 'B-PER', 'O', 'I-LOC']), [
      { type: 'PER', start: 0, end: 2 }, { type: 'PER', start: 2, end: 3 }, { type: 'LOC', start: 4, end: 5 },
    ])
    assert.deepEqual(toIob2(['I-ORG', 'I-ORG', 'O', 'I-MISC']), ['B-ORG', 'I-ORG', 'O', 'B-MISC'])
  })

  it('scores with the conlleval definition (exact span and type)', () => {
    const s = scoreNer([['B-PER', 'I-PER', 'O', 'B-LOC']], [['B-PER', 'O', 'O', 'B-LOC']])
    assert.equal(s.overall.correct, 1)
    assert.equal(s.overall.predicted, 2)
    assert.equal(s.overall.gold, 2)
    assert.equal(s.perType.LOC!.f1, 1)
  })

  it('reads documents, sentences and the last column', () => {
    const docs = readConll('-DOCSTART- -X- O O\n\nMaria NNP I-PER\nsang VBD O\n\nOslo NNP I-LOC\n')
    assert.equal(docs.length, 1)
    assert.deepEqual(docs[0]!.sentences.map((s) => s.tokens), [['Maria', 'sang'], ['Oslo']])
    assert.deepEqual(docs[0]!.sentences[0]!.tags, ['I-PER', 'O'])
  })
})

describe('tagger', () => {
  it('normalises curly quotes and dashes to the CoNLL forms', () => {
    assert.equal(normaliseToken('\u2019s'), "'s")
    assert.equal(normaliseToken('\u201Cno\u201D'), '"no"')
    const ner = loadNer()
    const words = ['Ingrid', 'Lindqvist', '\u2019s', 'office', 'in', 'Stockholm', 'said', '\u201Cyes\u201D', '.', '\uD83D\uDCA9']
    const ascii = words.map(normaliseToken)
    assert.deepEqual(ner.tag(words), ner.tag(ascii))
    assert.equal(ner.tag([]).length, 0)
  })

  it('finds persons and places in plain mixed-case text', () => {
    const tags = loadNer().tag(['Ingrid', 'Lindqvist', 'flew', 'from', 'Stockholm', 'to', 'Madrid', 'on', 'Monday', '.'])
    assert.deepEqual(tags, ['B-PER', 'I-PER', 'O', 'O', 'B-LOC', 'O', 'B-LOC', 'O', 'O', 'O'])
  })

  it('uses the caller gazetteer as a feature and keeps IOB2 valid', () => {
    const tokens = ['Talks', 'with', 'Zorvakia', 'Trading', 'ended', '.']
    const tags = loadNer().tag(tokens, { gazetteer: (i) => (i === 2 || i === 3 ? 'ORG' : null) })
    assert.equal(tags.length, tokens.length)
    tags.forEach((t, i) => { if (t.startsWith('I-')) assert.equal(tags[i - 1]!.slice(2), t.slice(2)) })
  })

  it('appends a tag column and keeps -DOCSTART- and blank lines', () => {
    const out = tagConll('-DOCSTART- -X- O O\n\nIngrid NNP\nsmiled VBD\n\n').split('\n')
    assert.equal(out[0], '-DOCSTART- -X- O O')
    assert.equal(out[1], '')
    assert.match(out[2]!, /^Ingrid NNP (B|I)-PER$/)
    assert.equal(out[3], 'smiled VBD O')
  })
})

describe('dev set quality gate (eng.testa)', () => {
  it(`reaches F1 >= ${DEV_F1_FLOOR} and agrees with shared/tools/ner-score.mjs`, () => {
    const gold = readFileSync(DEV, 'utf8')
    const predicted = tagConll(gold)
    const docs = readConll(predicted)
    const goldDocs = readConll(gold)
    const sentences = docs.flatMap((d) => d.sentences)
    const goldTags = goldDocs.flatMap((d) => d.sentences.map((s) => s.tags!))
    const ours = scoreNer(goldTags, sentences.map((s) => s.tags!))
    assert.ok(ours.overall.f1 >= DEV_F1_FLOOR, `dev F1 ${ours.overall.f1} below floor ${DEV_F1_FLOOR}`)
    const file = join(mkdtempSync(join(tmpdir(), 'ner-')), 'dev.pred')
    writeFileSync(file, predicted)
    const ref = JSON.parse(execFileSync(process.execPath, [SCORER, DEV, file, '--json', '--quiet-warnings'], { encoding: 'utf8' })) as { overall: { f1: number; correct: number; predicted: number; gold: number } }
    assert.deepEqual([ours.overall.correct, ours.overall.predicted, ours.overall.gold], [ref.overall.correct, ref.overall.predicted, ref.overall.gold])
    assert.ok(Math.abs(ref.overall.f1 - ours.overall.f1) < 1e-9, `ours ${ours.overall.f1} vs scorer ${ref.overall.f1}`)
  })
})
