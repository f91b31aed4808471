import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import type { SyntaxToken, Token } from '../../doc/layers.js'
import { readBaseline } from '../../eval/gates.js'
import { REPO_ROOT, SHARED } from '../../paths.js'
import { splitSentences, tokenize } from '../tokens/index.js'
import { isProjective, projectivize, readConllu, writeConllu } from './conllu.js'
import { ewtPieces, lemmatize, loadSyntaxModel, parseConllu, SyntaxView, syntaxStage } from './index.js'
import { interposedTime, repairNews, repairTags } from './stage.js'
import { BEAM_PARSER_DIR, SYNTAX_MODEL_DIR } from './model.js'
import { LEFT, RIGHT, SHIFT } from './syntax.data.js'
import { cost, Gold, oracleSequence, State } from './transitions.js'
import { Beam, beamParseSentence, BeamTrainer, parseInput, parseSentence, type BeamUpdate, type TrainStats } from './parser.js'
import { Averaged } from './perceptron.js'
import { LABEL_HASH_BITS, N_MOVES, PARSER_HASH_BITS } from './syntax.data.js'

const EWT_DEV = join(SHARED, 'data', 'parsing', 'ud-en-ewt', 'en_ewt-ud-dev.conllu')
const EWT_TRAIN = join(SHARED, 'data', 'parsing', 'ud-en-ewt', 'en_ewt-ud-train.conllu')
const SCORER = join(SHARED, 'tools', 'conllu-score.mjs')
const TESTDATA = join(REPO_ROOT, 'src', 'stages', 'syntax', 'testdata')

/** A state after the given moves on n words. */
function stateAfter(n: number, moves: number[]): State {
  const s = new State().reset(n)
  for (const m of moves) { assert.ok(s.valid(m), `move ${m} valid`); s.apply(m, 0) }
  return s
}

describe('arc-hybrid transitions', () => {
  it('SHIFT moves b0 onto the stack; it is barred when only the root is left in the buffer', () => {
    const s = stateAfter(2, [SHIFT])
    assert.deepEqual([s.sp, s.s0, s.b], [1, 1, 2])
    s.apply(SHIFT)
    assert.deepEqual([s.sp, s.s0, s.s1, s.b], [2, 2, 1, 3])
    assert.equal(s.valid(SHIFT), false) // b0 is the root (n+1)
  })

  it('LEFT attaches s0 to b0 and pops it; needs a stack word; onto the root only when s0 is the only one', () => {
    const s = new State().reset(3)
    assert.equal(s.valid(LEFT), false)
    s.apply(SHIFT)
    s.apply(LEFT, 4)
    assert.deepEqual([s.sp, s.head[1], s.lab[1], s.lc1[2], s.nl[2], s.b], [0, 2, 5, 1, 1, 2])
    s.apply(SHIFT); s.apply(SHIFT) // stack 2 3, buffer root
    assert.equal(s.valid(LEFT), false) // two words on the stack: the root may take only one
    s.apply(RIGHT, 1)
    assert.equal(s.valid(LEFT), true)
    s.apply(LEFT, 0)
    assert.equal(s.done, true)
    assert.deepEqual(Array.from(s.head.subarray(1, 4)), [2, 4, 2])
  })

  it('RIGHT attaches s0 to s1 and pops it; needs two stack words', () => {
    const s = stateAfter(3, [SHIFT])
    assert.equal(s.valid(RIGHT), false)
    s.apply(SHIFT)
    s.apply(RIGHT, 2)
    assert.deepEqual([s.sp, s.s0, s.head[2], s.rc1[1], s.nr[1], s.lab[2]], [1, 1, 1, 2, 1, 3])
  })
})

describe('dynamic oracle', () => {
  it('zero-cost moves rebuild every projective gold tree of the first 2,000 EWT train sentences', { skip: !existsSync(EWT_TRAIN) && 'no EWT' }, () => {
    const sents = readConllu(readFileSync(EWT_TRAIN, 'utf8')).slice(0, 2000).filter((s) => isProjective(s.words.map((w) => w.head)))
    assert.ok(sents.length > 1900)
    const s = new State()
    for (const sent of sents) {
      const heads = sent.words.map((w) => w.head)
      const g = Gold.fromConllu(heads)
      s.reset(heads.length)
      while (!s.done) {
        const m = [SHIFT, LEFT, RIGHT].find((t) => cost(s, g, t) === 0)
        assert.notEqual(m, undefined, 'a zero-cost move exists')
        s.apply(m!)
      }
      assert.deepEqual(heads.map((_, i) => (s.head[i + 1] === heads.length + 1 ? 0 : s.head[i + 1])), heads)
    }
  })

  it('counts the gold arcs a move makes unreachable', () => {
    // "she saw him": she <- saw -> him, saw <- root
    const g = Gold.fromConllu([2, 0, 2])
    const s = new State().reset(3)
    assert.equal(cost(s, g, SHIFT), 0)
    assert.equal(cost(s, g, LEFT), Infinity) // not valid on an empty stack
    s.apply(SHIFT) // stack: she; buffer: saw him root
    assert.equal(cost(s, g, LEFT), 0) // she <- saw is gold
    assert.equal(cost(s, g, SHIFT), 2) // she could no longer take saw as head, nor saw (over she) the root
    s.apply(SHIFT) // wrong: stack she saw; saw -> she and root -> saw are lost already
    assert.equal(cost(s, g, RIGHT), 1) // she -> saw pops saw: loses saw -> him
    assert.equal(cost(s, g, SHIFT), 0) // him can still take saw (s0) as head by RIGHT
    assert.equal(cost(s, g, LEFT), 1) // him -> saw: loses saw -> him
  })
})

describe('beam search', () => {
  it('the static oracle sequence has 2n moves and rebuilds every projective gold tree of the first 2,000 EWT train sentences', { skip: !existsSync(EWT_TRAIN) && 'no EWT' }, () => {
    const sents = readConllu(readFileSync(EWT_TRAIN, 'utf8')).slice(0, 2000).filter((s) => isProjective(s.words.map((w) => w.head)) && s.words.length)
    const s = new State()
    for (const sent of sents) {
      const heads = sent.words.map((w) => w.head), n = heads.length
      const seq = oracleSequence(Gold.fromConllu(heads), n)
      assert.equal(seq.length, 2 * n)
      s.reset(n)
      for (const m of seq) { assert.ok(s.valid(m)); s.apply(m) }
      assert.ok(s.done)
      assert.deepEqual(heads.map((_, i) => (s.head[i + 1] === n + 1 ? 0 : s.head[i + 1])), heads)
    }
  })

  it('with width 1 gives exactly the greedy parse (committed model, 300 EWT dev sentences)', { skip: !existsSync(EWT_DEV) && 'no EWT dev' }, () => {
    const p = loadSyntaxModel()
    const beam = new Beam(1), st = new State()
    for (const sent of readConllu(readFileSync(EWT_DEV, 'utf8')).filter((x) => x.words.length).slice(0, 300)) {
      const forms = sent.words.map((w) => w.form), n = forms.length
      const x = parseInput(p.hash(forms), p.tag(forms))
      const h1 = new Int32Array(n), l1 = new Int32Array(n), h2 = new Int32Array(n), l2 = new Int32Array(n)
      beamParseSentence(p.moves, p.labelScorer, x, beam, h1, l1)
      parseSentence(p.moves, p.labelScorer, x, st, h2, l2)
      assert.deepEqual([Array.from(h1), Array.from(l1)], [Array.from(h2), Array.from(l2)])
    }
  })

  /** A toy sentence "the cat saw a dog ." with gold heads and labels, as parser input (word hashes = ids). */
  const toy = (): { x: ReturnType<typeof parseInput>; heads: number[]; gl: Int32Array } => {
    const heads = [2, 3, 0, 5, 3, 3], labs = [1, 2, 0, 1, 3, 4], tags = [5, 0, 2, 5, 0, 1]
    const x = parseInput(heads.map((_, i) => ({ h: { lower: 1000 + i, fine: 7 }, suf3: 0 })), tags)
    const gl = new Int32Array(heads.length + 2)
    labs.forEach((l, i) => { gl[i + 1] = l })
    return { x, heads, gl }
  }
  /** The toy sentence trained over a beam of `width` with `update` until it is learnt (at most 50 updates). */
  const trainToy = (width: number, update: BeamUpdate) => {
    const { x, heads, gl } = toy()
    const n = heads.length, gseq = oracleSequence(Gold.fromConllu(heads), n)
    const moves = new Averaged(PARSER_HASH_BITS, N_MOVES), labels = new Averaged(LABEL_HASH_BITS, 5)
    const trainer = new BeamTrainer(width, update)
    const stats: TrainStats = { moveErrors: 0, labelErrors: 0, moves: 0 }
    let rounds = 0
    while (trainer.train(moves, labels, x, gseq, gl, stats) && rounds < 50) rounds++
    return { x, heads, gl, n, gseq, moves, labels, trainer, rounds }
  }

  it('early-update training learns a toy sentence; afterwards its gold prefix is never pruned from the beam', () => {
    const { x, heads, gl, n, gseq, moves, labels, trainer, rounds } = trainToy(4, 'early')
    assert.ok(rounds > 0 && rounds < 50, `converges (${rounds} updates)`)
    // with the trained weights, the gold prefix is in the beam after every step, and it wins
    const B = trainer.beam
    let g = 0
    B.search(moves.scorer, labels.scorer, x, true, (t) => {
      let found = -1
      for (let i = 0; i < B.size; i++) if (B.bp[t * B.width + i] === g && B.bm[t * B.width + i] === gseq[t]) { found = i; break }
      assert.ok(found >= 0, `gold prefix in the beam at step ${t}`)
      g = found
      return false
    })
    assert.equal(g, 0)
    const h = new Int32Array(n), l = new Int32Array(n)
    beamParseSentence(moves.scorer, labels.scorer, x, B, h, l, true)
    assert.deepEqual(Array.from(h), heads)
    assert.deepEqual(Array.from(l), Array.from(gl.subarray(1, n + 1)))
  })

  it('max-violation training also learns the toy sentence, and a beam of 1 then parses it like the greedy parser', () => {
    const { x, heads, n, moves, labels, trainer, rounds } = trainToy(3, 'max-violation')
    assert.ok(rounds < 50)
    const h = new Int32Array(n), l = new Int32Array(n), h1 = new Int32Array(n), l1 = new Int32Array(n)
    beamParseSentence(moves.scorer, labels.scorer, x, trainer.beam, h, l, true)
    assert.deepEqual(Array.from(h), heads)
    beamParseSentence(moves.scorer, labels.scorer, x, new Beam(1), h, l, true)
    parseSentence(moves.scorer, labels.scorer, x, new State(), h1, l1, true)
    assert.deepEqual([Array.from(h), Array.from(l)], [Array.from(h1), Array.from(l1)])
  })
})

describe('CoNLL-U', () => {
  const text = [
    '# sent_id = t1', '# text = I don\'t know.',
    '1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t3:nsubj\t_',
    '2-3\tdon\'t\t_\t_\t_\t_\t_\t_\t_\t_',
    '2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_',
    '3\tn\'t\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_',
    '4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No',
    '4.1\tknow\tknow\tVERB\tVB\t_\t_\t_\t4:conj\tCopyOf=4',
    '5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_',
  ].join('\n') + '\n\n'

  it('reads basic words only and writes every line back untouched', () => {
    const s = readConllu(text)
    assert.equal(s.length, 1)
    assert.deepEqual(s[0]!.words.map((w) => w.form), ['I', 'do', "n't", 'know', '.'])
    assert.deepEqual(s[0]!.words.map((w) => w.head), [3, 4, 4, 0, 4])
    assert.equal(writeConllu(s), text)
  })

  it('rewrites only UPOS, HEAD and DEPREL of the basic words', () => {
    const s = readConllu(text)
    const out = writeConllu(s, [{ upos: ['X', 'X', 'X', 'X', 'X'], head: [0, 1, 1, 1, 1], deprel: ['root', 'dep', 'dep', 'dep', 'dep'] }])
    const a = text.split('\n'), b = out.split('\n')
    assert.equal(a.length, b.length)
    a.forEach((line, i) => {
      if (!/^\d+\t/.test(line)) { assert.equal(b[i], line); return }
      const x = line.split('\t'), y = b[i]!.split('\t')
      for (const c of [0, 1, 2, 4, 5, 8, 9]) assert.equal(y[c], x[c])
      assert.equal(y[3], 'X')
    })
    assert.equal(isProjective([2, 0, 2]), true)
    assert.equal(isProjective([3, 4, 0, 3]), false)
    // 1 <- 3 crosses 2 <- 4: word 2 is lifted to 4's head
    assert.deepEqual(projectivize([3, 4, 0, 3]), [3, 3, 0, 3])
    assert.equal(isProjective(projectivize([3, 4, 0, 3])), true)
  })
})

describe('token mapping and lemmas', () => {
  it('splits contractions and hyphenated words as EWT does', () => {
    assert.deepEqual(ewtPieces("don't"), ['do', "n't"])
    assert.deepEqual(ewtPieces('can’t'), ['ca', 'n’t'])
    assert.deepEqual(ewtPieces("they're"), ['they', "'re"])
    assert.deepEqual(ewtPieces('Amir-Abdollahian'), ['Amir', '-', 'Abdollahian'])
    assert.deepEqual(ewtPieces('e-mail'), ['e-mail'])
    assert.deepEqual(ewtPieces('2020-21'), ['2020-21'])
    assert.deepEqual(ewtPieces('Tehran'), ['Tehran'])
  })

  it('lemmatises common inflections', () => {
    assert.equal(lemmatize('said', 'VERB'), 'say')
    assert.equal(lemmatize('met', 'VERB'), 'meet')
    assert.equal(lemmatize('held', 'VERB'), 'hold')
    assert.equal(lemmatize('went', 'VERB'), 'go')
    assert.equal(lemmatize('killed', 'VERB'), 'kill')
    assert.equal(lemmatize('stopped', 'VERB'), 'stop')
    assert.equal(lemmatize('attacks', 'VERB'), 'attack')
    assert.equal(lemmatize('visiting', 'VERB'), 'visit')
    assert.equal(lemmatize('were', 'AUX'), 'be')
    assert.equal(lemmatize('talks', 'NOUN'), 'talk')
    assert.equal(lemmatize('casualties', 'NOUN'), 'casualty')
    assert.equal(lemmatize('Iran', 'PROPN'), 'Iran')
  })
})

/** tokens, syntax layer and view of a text (one paragraph). */
function parseText(text: string): { tokens: Token[]; syntax: readonly SyntaxToken[]; view: SyntaxView } {
  const tokens = tokenize(text)
  const sentences = splitSentences(text, tokens, { start: 0, end: text.length })
  const { layers } = syntaxStage().run({ text } as never, { tokens, sentences })
  return { tokens, syntax: layers.syntax, view: new SyntaxView(text, tokens, layers.syntax) }
}

describe('syntax stage', () => {
  it('produces one entry per token with heads inside the sentence', () => {
    const text = 'Iran\'s foreign minister didn\'t attend. He stayed in Tehran-based offices.'
    const { tokens, syntax, view } = parseText(text)
    assert.equal(syntax.length, tokens.length)
    const second = view.tokenAt(text.indexOf('He'))
    syntax.forEach((s, i) => {
      assert.ok(s.head >= -1 && s.head < tokens.length && s.head !== i)
      if (s.head >= 0) assert.equal(s.head >= second, i >= second, 'no arc crosses the sentence boundary')
    })
    assert.equal(syntax.filter((s) => s.head === -1).length, 2)
    const attend = view.tokenAt(text.indexOf('attend'))
    assert.equal(view.isNegated(attend), true)
    assert.equal(view.word(view.subject(attend)), 'minister')
  })

  it('matches the golden parse of news sentences (rerun with DOSSIER_GOLDEN=1 after retraining)', () => {
    const text = readFileSync(join(TESTDATA, 'news.txt'), 'utf8')
    const lines: string[] = []
    for (const sentence of text.split('\n').filter(Boolean)) {
      const { syntax, view } = parseText(sentence)
      lines.push(`# ${sentence}`)
      syntax.forEach((s, i) => lines.push([i, view.word(i), s.upos, s.lemma, s.head, s.deprel].join('\t')))
      lines.push('')
    }
    const golden = join(TESTDATA, 'news.golden.tsv')
    if (process.env.DOSSIER_GOLDEN === '1') writeFileSync(golden, lines.join('\n'))
    assert.equal(lines.join('\n'), readFileSync(golden, 'utf8'))
  })
})

describe('SyntaxView', () => {
  // "Officials said the ship, a tanker, was seized by guards on behalf of the court and did not sail ."
  const words = ['Officials', 'said', 'the', 'ship', ',', 'a', 'tanker', ',', 'was', 'seized', 'by', 'guards', 'on', 'behalf', 'of', 'the', 'court', 'and', 'did', 'not', 'sail', '.']
  const tree: [string, number, string][] = [
    ['NOUN', 1, 'nsubj'], ['VERB', -1, 'root'], ['DET', 3, 'det'], ['NOUN', 9, 'nsubj:pass'], ['PUNCT', 6, 'punct'], ['DET', 6, 'det'],
    ['NOUN', 3, 'appos'], ['PUNCT', 6, 'punct'], ['AUX', 9, 'aux:pass'], ['VERB', 1, 'ccomp'], ['ADP', 11, 'case'], ['NOUN', 9, 'obl:agent'],
    ['ADP', 16, 'case'], ['NOUN', 12, 'fixed'], ['ADP', 12, 'fixed'], ['DET', 16, 'det'], ['NOUN', 9, 'obl'], ['CCONJ', 20, 'cc'],
    ['AUX', 20, 'aux'], ['PART', 20, 'advmod'], ['VERB', 9, 'conj'], ['PUNCT', 1, 'punct'],
  ]
  let text = ''
  const tokens: Token[] = words.map((w) => { if (text) text += ' '; const start = text.length; text += w; return { start, end: text.length } })
  const syntax: SyntaxToken[] = tree.map(([upos, head, deprel], i) => ({ upos, head, deprel, lemma: lemmatize(words[i]!, upos) }))
  const v = new SyntaxView(text, tokens, syntax)

  it('reads heads, relations and children', () => {
    assert.equal(v.head(3), 9)
    assert.equal(v.rel(3), 'nsubj:pass')
    assert.equal(v.lemma(9), 'seize')
    assert.deepEqual(v.children(9), [3, 8, 11, 16, 20])
    assert.deepEqual(v.dependents(9, 'obl'), [11, 16])
    assert.deepEqual(v.dependents(9, 'obl:agent'), [11])
    assert.deepEqual(v.dependents(9, 'nsubj'), [3])
  })

  it('finds subjects (own and inherited), agents, obliques and clauses', () => {
    assert.equal(v.subject(1), 0)
    assert.equal(v.subject(9), 3)
    assert.equal(v.subject(20), 3) // conj without a subject: the first conjunct's
    assert.equal(v.agent(9), 11)
    assert.equal(v.isPassive(9), true)
    assert.equal(v.isPassive(1), false)
    assert.deepEqual(v.obliques(9), [{ prep: 'by', head: 11 }, { prep: 'on behalf of', head: 16 }])
    assert.equal(v.clause(1), 9)
    assert.equal(v.clause(9), -1)
    assert.equal(v.isNegated(20), true)
    assert.equal(v.isNegated(9), false)
    assert.deepEqual(v.objects(1), [])
  })

  it('finds conjuncts, appositions, spans, tokens and predicates', () => {
    assert.deepEqual(v.conjuncts(9), [20])
    assert.deepEqual(v.appositions(3), [6])
    const sp = v.span(3)
    assert.equal(text.slice(sp.start, sp.end), 'the ship , a tanker ,')
    assert.equal(v.tokenAt(text.indexOf('tanker') + 2), 6)
    assert.equal(v.tokenAt(text.indexOf(' by')), -1)
    assert.equal(v.predicateOf(6), 9)
    assert.equal(v.predicateOf(9), 9)
  })

  it('reads a "by" phrase of a verb with an active subject and an object as no passive agent ("X rejected accusations by Y")', () => {
    const t = ['Iran', 'rejected', 'accusations', 'by', 'Kyiv']
    let s = ''
    const toks: Token[] = t.map((w) => { if (s) s += ' '; const start = s.length; s += w; return { start, end: s.length } })
    const syn: SyntaxToken[] = ([['PROPN', 1, 'nsubj'], ['VERB', -1, 'root'], ['NOUN', 1, 'obj'], ['ADP', 4, 'case'], ['PROPN', 1, 'obl:agent']] as const)
      .map(([upos, head, deprel]) => ({ upos, head, deprel, lemma: '' }))
    const w = new SyntaxView(s, toks, syn)
    assert.equal(w.isPassive(1), false)
    assert.equal(w.agent(1), -1)
  })

  it('gives the controlling subject of an xcomp (object control first)', () => {
    const t = ['Iran', 'urged', 'the', 'West', 'to', 'act']
    let s = ''
    const toks: Token[] = t.map((w) => { if (s) s += ' '; const start = s.length; s += w; return { start, end: s.length } })
    const syn: SyntaxToken[] = ([['PROPN', 1, 'nsubj'], ['VERB', -1, 'root'], ['DET', 3, 'det'], ['PROPN', 1, 'obj'], ['PART', 5, 'mark'], ['VERB', 1, 'xcomp']] as const)
      .map(([upos, head, deprel]) => ({ upos, head, deprel, lemma: '' }))
    const w = new SyntaxView(s, toks, syn)
    assert.equal(w.subject(5), 3)
    assert.deepEqual(w.objects(1), [3])
  })
})

describe('EWT dev quality gate', () => {
  it('holds the floors pinned in gates/baseline.json ("ewt-dev") and agrees with conllu-score.mjs', { skip: !existsSync(EWT_DEV) && 'no EWT dev' }, () => {
    const floors = readBaseline()['ewt-dev']?.floors
    assert.ok(floors, 'floors pinned under "ewt-dev"')
    const gold = readFileSync(EWT_DEV, 'utf8')
    const predicted = parseConllu(gold, loadSyntaxModel())
    const file = join(mkdtempSync(join(tmpdir(), 'ewt-')), 'dev.pred.conllu')
    writeFileSync(file, predicted)
    const ref = JSON.parse(execFileSync(process.execPath, [SCORER, EWT_DEV, file, '--json'], { encoding: 'utf8' })) as Record<string, number>
    for (const [k, floor] of Object.entries(floors)) assert.ok(ref[k]! >= floor, `${k} ${ref[k]} below the pinned ${floor}`)
  })
})

describe('beam model', () => {
  const beamMeta = join(SYNTAX_MODEL_DIR, BEAM_PARSER_DIR, 'meta.json')
  it('loads the beam parser (models/syntax/beam) at its width and scores EWT dev as its training run recorded', { skip: (!existsSync(EWT_DEV) || !existsSync(beamMeta)) && 'no EWT dev or no beam model' }, () => {
    const meta = JSON.parse(readFileSync(beamMeta, 'utf8')) as { beamWidth: number; dev: { uas: number; las: number } }
    const p = loadSyntaxModel(SYNTAX_MODEL_DIR, true)
    assert.equal(p.beamWidth, meta.beamWidth)
    assert.ok(p.beamWidth > 1)
    let n = 0, uas = 0, las = 0
    for (const s of readConllu(readFileSync(EWT_DEV, 'utf8')).filter((x) => x.words.length)) {
      const r = p.parse(s.words.map((w) => w.form))
      s.words.forEach((w, i) => { n++; if (r.heads[i] === w.head) { uas++; if (r.deprels[i]!.split(':')[0] === w.deprel.split(':')[0]) las++ } })
    }
    assert.ok(Math.abs(uas / n - meta.dev.uas) < 1e-4 && Math.abs(las / n - meta.dev.las) < 1e-4, `UAS ${uas / n} LAS ${las / n} against ${meta.dev.uas} ${meta.dev.las}`)
  })
})

describe('news sentences (what the events, quotes and claims stages ask)', () => {
  const at = (text: string, word: string, nth = 0): number => {
    const { view } = parseText(text)
    let from = -1
    for (let k = 0; k <= nth; k++) from = text.indexOf(word, from + 1)
    return view.tokenAt(from)
  }
  it('keeps a dateline out of the first clause and reads an apposition between commas', () => {
    const text = 'KABUL – The interior minister, Rahim Nazari, met the visiting envoy on Tuesday.'
    const { view } = parseText(text)
    const met = at(text, 'met')
    assert.equal(view.word(view.subject(met)), 'minister')
    assert.deepEqual(view.appositions(view.subject(met)).map((i) => view.word(i)), ['Rahim'])
    assert.equal(view.head(0), -1)
  })
  it('finds the passive agent and the speaker of a reported clause', () => {
    const text = 'Two border guards were wounded by gunfire near the crossing, the provincial governor said.'
    const { view } = parseText(text)
    const wounded = at(text, 'wounded'), said = at(text, 'said')
    assert.equal(view.isPassive(wounded), true)
    assert.equal(view.word(view.agent(wounded)), 'gunfire')
    assert.equal(view.word(view.subject(wounded)), 'guards')
    assert.equal(view.word(view.subject(said)), 'governor')
  })
  it('attributes a quotation to the named speaker after a title', () => {
    const text = '"We will not accept any new conditions," Deputy Foreign Minister Lena Okafor told reporters in Geneva.'
    const { view } = parseText(text)
    const told = at(text, 'told')
    assert.equal(view.word(view.subject(told)), 'Lena')
    assert.equal(view.word(view.clause(told)), 'accept')
    assert.equal(view.isNegated(at(text, 'accept')), true)
  })
  it('reads an honorific before a name ("Seyed", "Hojatoleslam") as a title, never as the verb', () => {
    const text = 'Seyed Karim Nasri said the two countries can cooperate.'
    const { view } = parseText(text)
    assert.equal(view.word(view.subject(at(text, 'said'))), 'Karim') // the name's first word heads it, as EWT writes names
  })
  it('reads the particle of a phrasal verb ("carried out a string of strikes") as the verb\'s, its noun as the object', () => {
    const words = ['Nordland', 'carried', 'out', 'a', 'string', 'of', 'strikes', '.']
    // the misreading: "out" the preposition of "string", "string" an oblique (heads 1-based)
    const heads = [2, 0, 5, 5, 2, 7, 5, 2]
    const rels = ['nsubj', 'root', 'case', 'det', 'obl', 'case', 'nmod', 'punct']
    const upos = ['PROPN', 'VERB', 'ADP', 'DET', 'NOUN', 'ADP', 'NOUN', 'PUNCT']
    repairNews(words, heads, rels, upos)
    assert.deepEqual([heads[2], rels[2], heads[4], rels[4]], [2, 'compound:prt', 2, 'obj'])
    // a true preposition after a verb stays one ("walked out of the room" is no phrasal object)
    const w2 = ['Berg', 'walked', 'out', 'the', 'door', '.']
    const h2 = [2, 0, 5, 5, 2, 2], r2 = ['nsubj', 'root', 'case', 'det', 'obl', 'punct']
    repairNews(w2, h2, r2, ['PROPN', 'VERB', 'ADP', 'DET', 'NOUN', 'PUNCT'])
    assert.deepEqual([r2[2], r2[4]], ['case', 'obl'])
  })

  it('retags "read" after a noun and before a clause break as the verb ("“…,” the statement read."), and "general" in "the general said" as a noun', () => {
    assert.deepEqual(repairTags(['the', 'statement', 'read', '.'], ['DET', 'NOUN', 'NOUN', 'PUNCT']), ['DET', 'NOUN', 'VERB', 'PUNCT'])
    assert.equal(repairTags(['a', 'good', 'read', 'for', 'all'], ['DET', 'ADJ', 'NOUN', 'ADP', 'DET']), null)
    // "the general said": the word between the determiner and the reporting verb is the subject noun
    assert.deepEqual(repairTags(['the', 'general', 'said', ','], ['DET', 'ADJ', 'VERB', 'PUNCT']), ['DET', 'NOUN', 'VERB', 'PUNCT'])
    assert.equal(repairTags(['the', 'most', 'used', 'tools'], ['DET', 'ADV', 'VERB', 'NOUN']), null)
    // "the Porta Ministry official also said": a role word that is also an adjective, after a name, before the reporting verb
    assert.deepEqual(repairTags(['Ministry', 'official', 'also', 'said'], ['PROPN', 'ADV', 'ADV', 'VERB']), ['PROPN', 'NOUN', 'ADV', 'VERB'])
    assert.equal(repairTags(['an', 'official', 'visit', 'said'], ['DET', 'ADJ', 'NOUN', 'VERB']), null)
    // "President Anna Berg spoke at the summit": a past form after a name, before a preposition, is a verb
    assert.deepEqual(repairTags(['Anna', 'Berg', 'spoke', 'at', 'the', 'summit'], ['PROPN', 'PROPN', 'NOUN', 'ADP', 'DET', 'NOUN']), ['PROPN', 'PROPN', 'VERB', 'ADP', 'DET', 'NOUN'])
    assert.equal(repairTags(['the', 'Berg', 'report', 'at', 'the', 'summit'], ['DET', 'PROPN', 'NOUN', 'ADP', 'DET', 'NOUN']), null)
  })

  it('makes a lower-case title the description of the name after it, whatever the name\'s inner shape ("commander Erik Lund")', () => {
    // "Fleet commander Erik Lund was hurt ." with "commander" and "Lund" both subjects of "hurt" (heads 1-based)
    const words = ['Fleet', 'commander', 'Erik', 'Lund', 'was', 'hurt', '.']
    const heads = [2, 6, 4, 6, 6, 0, 6], rels = ['compound', 'nsubj:pass', 'compound', 'nsubj:pass', 'aux:pass', 'root', 'punct']
    repairNews(words, heads, rels, ['PROPN', 'NOUN', 'PROPN', 'PROPN', 'AUX', 'VERB', 'PUNCT'])
    assert.deepEqual([heads[1], rels[1], heads[3], rels[3]], [4, 'nmod:desc', 6, 'nsubj:pass'])
  })

  it('reads a fronted "In a meeting with X, Y said" with Y as the subject, whichever way the parser first read "with"', () => {
    const words = ['In', 'a', 'meeting', 'with', 'Erik', 'Lund', ',', 'Anna', 'Berg', 'said', 'the', 'talks', 'went', 'well', '.']
    // the misreading: "with" a marker of "said", Erik the subject, Anna his conjunct (heads 1-based)
    const heads = [3, 3, 10, 10, 10, 5, 8, 5, 8, 0, 12, 13, 10, 13, 10]
    const rels = ['case', 'det', 'obl', 'mark', 'nsubj', 'flat', 'punct', 'conj', 'flat', 'root', 'det', 'nsubj', 'ccomp', 'advmod', 'punct']
    const upos = ['ADP', 'DET', 'NOUN', 'ADP', 'PROPN', 'PROPN', 'PUNCT', 'PROPN', 'PROPN', 'VERB', 'DET', 'NOUN', 'VERB', 'ADV', 'PUNCT']
    repairNews(words, heads, rels, upos)
    assert.deepEqual([heads[7], rels[7]], [10, 'nsubj'])
    assert.deepEqual([heads[4], rels[4], heads[3], rels[3]], [3, 'nmod', 5, 'case'])
  })

  it('gives a verb without a subject the name read as a conjunct of its fronted adverbial ("On Wednesday, X, the envoy, said")', () => {
    // "On Monday , Erik Lund , the envoy , mentioned the plan ." with "Lund" a conjunct of "Monday" (heads 1-based)
    const words = ['On', 'Monday', ',', 'Erik', 'Lund', ',', 'the', 'envoy', ',', 'mentioned', 'the', 'plan', '.']
    const heads = [2, 10, 5, 5, 2, 8, 8, 2, 2, 0, 12, 10, 10]
    const rels = ['case', 'obl', 'punct', 'compound', 'conj', 'punct', 'det', 'appos', 'punct', 'root', 'det', 'obj', 'punct']
    repairNews(words, heads, rels, ['ADP', 'PROPN', 'PUNCT', 'PROPN', 'PROPN', 'PUNCT', 'DET', 'NOUN', 'PUNCT', 'VERB', 'DET', 'NOUN', 'PUNCT'])
    assert.deepEqual([heads[4], rels[4], heads[2]], [10, 'nsubj', 10])
    // "Pointing to Porta , Anna Berg said it ." with "Anna" an apposition of "Porta" inside the fronted participle clause
    const w1 = ['Pointing', 'to', 'Porta', ',', 'Anna', 'Berg', 'said', 'it', '.']
    const h1 = [7, 3, 1, 5, 3, 5, 0, 7, 7], r1 = ['advcl', 'case', 'obl', 'punct', 'appos', 'flat', 'root', 'obj', 'punct']
    repairNews(w1, h1, r1, ['VERB', 'ADP', 'PROPN', 'PUNCT', 'PROPN', 'PROPN', 'VERB', 'PRON', 'PUNCT'])
    assert.deepEqual([h1[4], r1[4], h1[3]], [7, 'nsubj', 7])
    // "On Monday and Tuesday , ministers met ." keeps its conjoined days
    const w2 = ['On', 'Monday', 'and', 'Tuesday', ',', 'ministers', 'met', '.']
    const h2 = [2, 7, 4, 2, 7, 7, 0, 7], r2 = ['case', 'obl', 'cc', 'conj', 'punct', 'nsubj', 'root', 'punct']
    repairNews(w2, h2, r2, ['ADP', 'PROPN', 'CCONJ', 'PROPN', 'PUNCT', 'NOUN', 'VERB', 'PUNCT'])
    assert.deepEqual([h2[3], r2[3]], [2, 'conj'])
  })

  it('reads a time phrase between a subject and its verb ("X on Wednesday expressed hope") as the verb\'s, the subject as its subject', () => {
    const text = 'Foreign Minister Anna Berg on Wednesday expressed hope that the deal will be signed soon.'
    const { view } = parseText(text)
    const v = at(text, 'expressed')
    assert.equal(view.word(view.subject(v)), 'Anna')
    assert.equal(view.head(at(text, 'Wednesday')), v)
    assert.deepEqual(interposedTime(['Berg', 'late', 'on', 'Sunday', 'night', 'rejected', 'it'], ['PROPN', 'ADV', 'ADP', 'PROPN', 'NOUN', 'VERB', 'PRON']), [1, 5])
    assert.deepEqual(interposedTime(['Berg', 'last', 'week', 'warned', 'them'], ['PROPN', 'ADJ', 'NOUN', 'VERB', 'PRON']), [1, 3])
    // a participle after the phrase is no verb of the noun before it ("a statement on Sunday saying …")
    assert.equal(interposedTime(['a', 'statement', 'on', 'Sunday', 'saying', 'that'], ['DET', 'NOUN', 'ADP', 'PROPN', 'VERB', 'SCONJ']), null)
    assert.equal(interposedTime(['talks', 'on', 'Monday', 'with', 'Berg'], ['NOUN', 'ADP', 'PROPN', 'ADP', 'PROPN']), null)
  })

  it('makes a sentence-opening participle that the parser made the root the adverbial of the main clause ("Speaking …, X accused Y")', () => {
    // "Speaking in Porta , Lund accused Nordland ." with "accused" a clausal complement of "Speaking" (heads 1-based)
    const words = ['Speaking', 'in', 'Porta', ',', 'Lund', 'accused', 'Nordland', '.']
    const heads = [0, 3, 1, 3, 6, 1, 6, 1], rels = ['root', 'case', 'obl', 'punct', 'nsubj', 'ccomp', 'obj', 'punct']
    repairNews(words, heads, rels, ['VERB', 'ADP', 'PROPN', 'PUNCT', 'PROPN', 'VERB', 'PROPN', 'PUNCT'])
    assert.deepEqual([heads[5], rels[5], heads[0], rels[0], heads[7]], [0, 'root', 6, 'advcl', 6])
    // "Citing sources , the Nordland Agency reported it ." with the agency an apposition of "sources"
    const w2 = ['Citing', 'sources', ',', 'the', 'Nordland', 'Agency', 'reported', 'it', '.']
    const h2 = [0, 1, 1, 6, 6, 2, 1, 7, 1], r2 = ['root', 'obj', 'punct', 'det', 'compound', 'appos', 'advcl', 'obj', 'punct']
    repairNews(w2, h2, r2, ['VERB', 'NOUN', 'PUNCT', 'DET', 'PROPN', 'PROPN', 'VERB', 'PRON', 'PUNCT'])
    assert.deepEqual([h2[6], r2[6], h2[5], r2[5], h2[0], r2[0]], [0, 'root', 7, 'nsubj', 7, 'advcl'])
    // a participle that is the main verb of a sentence without a comma stays the root
    const w3 = ['Being', 'late', 'hurt', 'us', '.']
    const h3 = [0, 1, 1, 3, 1], r3 = ['root', 'xcomp', 'conj', 'obj', 'punct']
    repairNews(w3, h3, r3, ['VERB', 'ADJ', 'VERB', 'PRON', 'PUNCT'])
    assert.deepEqual([h3[0], r3[0]], [0, 'root'])
  })

  it('makes a name read as the clausal complement before a verb without a subject that verb\'s subject ("…, Seyed Anna Berg said …")', () => {
    // ", Seyed Anna Berg said the plan failed ." with "Seyed" a verb and "Anna" a clausal complement of "said" (heads 1-based)
    const words = ['Seyed', 'Anna', 'Berg', 'said', 'the', 'plan', 'failed', '.']
    const heads = [2, 4, 2, 0, 6, 7, 4, 4], rels = ['nmod:desc', 'ccomp', 'flat', 'root', 'det', 'nsubj', 'ccomp', 'punct']
    repairNews(words, heads, rels, ['VERB', 'PROPN', 'PROPN', 'VERB', 'DET', 'NOUN', 'VERB', 'PUNCT'])
    assert.deepEqual([heads[1], rels[1], rels[6]], [4, 'nsubj', 'ccomp'])
  })

  it('gives back its verb to a sentence whose root was read as the object noun, the verb its adjective ("X expressed deep concern")', () => {
    // "President Anna Berg expressed deep concern ." with "Anna" a compound and "expressed" an adjective of "concern"
    const words = ['President', 'Anna', 'Berg', 'expressed', 'deep', 'concern', '.']
    const heads = [2, 6, 2, 6, 6, 0, 6], rels = ['nmod:desc', 'compound', 'flat', 'amod', 'amod', 'root', 'punct']
    repairNews(words, heads, rels, ['PROPN', 'PROPN', 'PROPN', 'VERB', 'ADJ', 'NOUN', 'PUNCT'])
    assert.deepEqual([heads[3], rels[3], heads[1], rels[1], heads[5], rels[5], heads[6]], [0, 'root', 4, 'nsubj', 4, 'obj', 4])
    // "the expressed concern" (a determiner before the participle) is a noun phrase
    const w2 = ['Berg', 'the', 'expressed', 'concern', '.']
    const h2 = [4, 4, 4, 0, 4], r2 = ['compound', 'det', 'amod', 'root', 'punct']
    repairNews(w2, h2, r2, ['PROPN', 'DET', 'VERB', 'NOUN', 'PUNCT'])
    assert.deepEqual([h2[2], r2[2]], [4, 'amod'])
  })

  it('gives a sentence whose root was read as a noun its verb back: subject, conjoined subjects, fronted time', () => {
    // "Nordland's port office also issued a notice ." with "issued" read as a reduced relative of "office" (heads 1-based)
    const w1 = ['Nordland', "'s", 'port', 'office', 'also', 'issued', 'a', 'notice', '.']
    const h1 = [4, 1, 4, 0, 6, 4, 8, 6, 4], r1 = ['nmod:poss', 'case', 'compound', 'root', 'advmod', 'acl', 'det', 'obj', 'punct']
    repairNews(w1, h1, r1, ['PROPN', 'PART', 'NOUN', 'NOUN', 'ADV', 'VERB', 'DET', 'NOUN', 'PUNCT'])
    assert.deepEqual([h1[5], r1[5], h1[3], r1[3], h1[8]], [0, 'root', 6, 'nsubj', 6])
    // "Anna Berg and Tomas Vik met in Porta ." with "met" a conjunct of "Anna"
    const w2 = ['Anna', 'Berg', 'and', 'Tomas', 'Vik', 'met', 'in', 'Porta', '.']
    const h2 = [0, 1, 6, 6, 4, 1, 8, 6, 1], r2 = ['root', 'flat', 'cc', 'nsubj', 'flat', 'conj', 'case', 'obl', 'punct']
    repairNews(w2, h2, r2, ['PROPN', 'PROPN', 'CCONJ', 'PROPN', 'PROPN', 'VERB', 'ADP', 'PROPN', 'PUNCT'])
    assert.deepEqual([h2[5], h2[0], r2[0], h2[3], r2[3], h2[2]], [0, 6, 'nsubj', 1, 'conj', 4])
    // "Last June , the League claimed the attack ." with "claimed" a relative clause of "June"
    const w3 = ['Last', 'June', ',', 'the', 'League', 'claimed', 'the', 'attack', '.']
    const h3 = [2, 0, 2, 5, 6, 2, 8, 6, 2], r3 = ['amod', 'root', 'punct', 'det', 'nsubj', 'acl:relcl', 'det', 'obj', 'punct']
    repairNews(w3, h3, r3, ['ADJ', 'PROPN', 'PUNCT', 'DET', 'PROPN', 'VERB', 'DET', 'NOUN', 'PUNCT'])
    assert.deepEqual([h3[5], h3[1], r3[1], h3[4]], [0, 6, 'obl:tmod', 6])
    // a real relative clause stays one ("the report which the League issued")
    const w4 = ['The', 'report', 'which', 'the', 'League', 'issued', '.']
    const h4 = [2, 0, 6, 5, 6, 2, 2], r4 = ['det', 'root', 'obj', 'det', 'nsubj', 'acl:relcl', 'punct']
    repairNews(w4, h4, r4, ['DET', 'NOUN', 'PRON', 'DET', 'PROPN', 'VERB', 'PUNCT'])
    assert.deepEqual([h4[5], r4[5]], [2, 'acl:relcl'])
  })
})
