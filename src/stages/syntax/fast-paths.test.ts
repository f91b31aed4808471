import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { SHARED } from '../../paths.js'
import { readConllu } from './conllu.js'
import { loadSyntaxModel } from './model.js'
import { B0, parseInput, parseSentence, positionRows, S0, S1, S2, stateContextRows, stateRows } from './parser.js'
import type { RowScorer } from './perceptron.js'
import { BOS_WORD, contextRows, EOS_WORD, NEXT1, NEXT2, PREV1, PREV2, ROLES, roleRows, SELF, tagRows, tagSentence, TAG_START } from './tagger.js'
import { Gold, oracleSequence, State } from './transitions.js'
import { N_MOVES, SHIFT } from './syntax.data.js'

const EWT_DEV = join(SHARED, 'data', 'parsing', 'ud-en-ewt', 'en_ewt-ud-dev.conllu')
const noDev = !existsSync(EWT_DEV) && 'no EWT dev'
const devForms = (k: number): string[][] => readConllu(readFileSync(EWT_DEV, 'utf8')).filter((s) => s.words.length).slice(0, k).map((s) => s.words.map((w) => w.form))
const sorted = (a: Int32Array, n: number): number[] => Array.from(a.subarray(0, n)).sort((x, y) => x - y)
/** The committed scorer behind a wrapper that is no QuantizedScorer: the parser then takes its general path. */
const plain = (s: RowScorer): RowScorer => ({ nClasses: s.nClasses, addAll: (r, c, acc, at) => s.addAll(r, c, acc, at) })

describe('run-time tagger (fast-tagger.ts)', () => {
  it('reads the same rows as tagRows: the per-word rows of the five roles plus the context rows', { skip: noDev }, () => {
    const p = loadSyntaxModel()
    const a = new Int32Array(64), b = new Int32Array(64)
    for (const forms of devForms(200)) {
      const words = p.hash(forms), n = words.length
      const first = Uint8Array.from(forms, (_, i) => (i * 7) % 17)
      for (let i = 0; i < n; i++) for (const f of [undefined, first]) {
        const p1 = i ? (i * 3) % 17 : TAG_START, p2 = i > 1 ? (i * 5) % 17 : TAG_START
        const count = tagRows(words, i, p1, p2, a, f)
        let o = contextRows(words, i, p1, p2, b, f)
        const at = [[SELF, words[i]!], [PREV1, words[i - 1] ?? BOS_WORD], [NEXT1, words[i + 1] ?? EOS_WORD], [PREV2, i > 1 ? words[i - 2]! : BOS_WORD], [NEXT2, words[i + 2] ?? EOS_WORD]] as const
        assert.equal(at.length, ROLES)
        for (const [role, w] of at) o = roleRows(w, role, b, o)
        assert.deepEqual(sorted(b, o), sorted(a, count))
      }
    }
  })

  it('tags 1,000 EWT dev sentences as tagSentence does, in both passes', { skip: noDev }, () => {
    const p = loadSyntaxModel()
    for (const forms of devForms(1000)) {
      const words = p.hash(forms), n = words.length
      const first = new Uint8Array(n), second = new Uint8Array(n)
      tagSentence(p.tagger, p.tagDict, words, first)
      tagSentence(p.tagger2!, p.tagDict, words, second, false, first)
      assert.deepEqual(Array.from(p.tag(forms)), Array.from(second))
    }
  })
})

describe('parser position scores (PositionScores)', () => {
  it('reads the same rows as stateRows: the rows of s0, s1, s2 and b0 alone plus the context rows', { skip: noDev }, () => {
    const p = loadSyntaxModel()
    const a = new Int32Array(128), b = new Int32Array(128), r = new Int32Array(16)
    for (const forms of devForms(100)) {
      const x = parseInput(p.hash(forms), p.tag(forms))
      const heads = new Int32Array(x.n), labs = new Int32Array(x.n)
      parseSentence(p.moves, p.labelScorer, x, new State(), heads, labs)
      // the states of that parse: its moves (an arc-hybrid tree is projective) with its labels
      const seq = oracleSequence(Gold.fromConllu(Array.from(heads)), x.n)
      const s = new State().reset(x.n)
      for (const m of seq) {
        const count = stateRows(x, s, a)
        let o = stateContextRows(x, s, b)
        for (const [role, at] of [[S0, s.s0], [S1, s.s1], [S2, s.s2], [B0, s.b]] as const) { const c = positionRows(x, at, role, r); b.set(r.subarray(0, c), o); o += c }
        assert.deepEqual(sorted(b, o), sorted(a, count))
        s.apply(m, m === SHIFT ? -1 : labs[s.s0 - 1]!)
      }
    }
  })

  it('parses 1,000 EWT dev sentences as the general path does', { skip: noDev }, () => {
    const p = loadSyntaxModel()
    const moves = plain(p.moves), labels = plain(p.labelScorer)
    assert.equal(moves.nClasses, N_MOVES)
    for (const forms of devForms(1000)) {
      const x = parseInput(p.hash(forms), p.tag(forms)), n = x.n
      const h1 = new Int32Array(n), l1 = new Int32Array(n), h2 = new Int32Array(n), l2 = new Int32Array(n)
      parseSentence(p.moves, p.labelScorer, x, new State(), h1, l1)
      parseSentence(moves, labels, x, new State(), h2, l2)
      assert.deepEqual([Array.from(h1), Array.from(l1)], [Array.from(h2), Array.from(l2)])
    }
  })
})
