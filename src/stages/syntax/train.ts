/**
 * `npm run train:parser`: trains the UPOS tagger and the arc-hybrid parser on UD English-EWT train, tuning
 * (best epoch) on EWT dev only, and writes models/syntax/. The parser is trained on predicted tags: the tagger is
 * jackknifed over JACKKNIFE_FOLDS folds of train (two worker threads), so the parser sees tags as noisy as at run
 * time. Seeded throughout, so a rerun gives the same weights.
 *
 * Flags for tuning runs: `--no-write` (train and report, keep the committed model), `--reuse-tags` (reuse the
 * jackknifed tags of the last run, from the system temp folder, to try parser changes quickly), `--gold-tags`
 * (train and score the parser on gold tags: what tagging errors cost).
 */
import { copyFileSync, readFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { fileURLToPath } from 'node:url'
import { SHARED } from '../../paths.js'
import { committedClusters, rng } from '../entities/ner/clusters.js'
import type { Clusters } from '../entities/ner/features.js'
import { expandCompanded, NER_MODEL_DIR, quantizeWeights, readLinesGz, readQuantized, writeLinesGz, writeQuantized, writeWeights } from '../entities/ner/model-files.js'
import { isProjective, projectivize, readConllu, writeConllu } from './conllu.js'
import { lemmatize } from './lemma.js'
import { BEAM_PARSER_DIR, MAGIC_LABELS, MAGIC_MOVES, MAGIC_TAGGER, readLemmas, SYNTAX_MODEL_DIR, SyntaxParser } from './model.js'
import { Beam, beamParseSentence, BeamTrainer, parseInput, parseSentence, trainParseSentence, type BeamUpdate, type ParseInput, type TrainStats } from './parser.js'
import { Averaged, FloatScorer, QuantizedScorer, shuffled } from './perceptron.js'
import {
  EXPLORE, EXPLORE_FROM, JACKKNIFE_FOLDS, LABEL_HASH_BITS, N_MOVES, N_TAGS, PARSER_EPOCHS, PARSER_HASH_BITS, TAGGER_EPOCHS,
  TAGGER_HASH_BITS, TRAIN_SEED, TWO_PASS, UPOS, PARSER_RUNS as RUNS0, LIFT_NONPROJECTIVE as LIFT0, COMPAND_INT8 as COMPAND0, BEAM_WIDTH as WIDTH0, BEAM_UPDATE as UPDATE0, BEAM_DECODE,
} from './syntax.data.js'
import { buildTagDict, tagSentence, trainTagSentence, WordCache, type TagWord } from './tagger.js'
import { Gold, oracleSequence, State } from './transitions.js'

/** Tuning runs may override the configuration through the environment (the committed model uses syntax.data.ts). */
const env = (name: string): string | undefined => process.env[name]
const PARSER_RUNS = Number(env('SYNTAX_RUNS') ?? RUNS0), LIFT_NONPROJECTIVE = (env('SYNTAX_LIFT') ?? String(LIFT0)) === 'true'
const COMPAND_INT8 = (env('SYNTAX_COMPAND') ?? String(COMPAND0)) === 'true', BEAM_WIDTH = Number(env('SYNTAX_BEAM') ?? WIDTH0)
const BEAM_UPDATE = (env('SYNTAX_BEAM_UPDATE') ?? UPDATE0) as BeamUpdate
const DECODE_WIDTH = Number(env('SYNTAX_DECODE') ?? (BEAM_WIDTH > 1 ? BEAM_DECODE : 1))
const MAX_EPOCHS = Number(env('SYNTAX_EPOCHS') ?? PARSER_EPOCHS)
const FLAGS = { noWrite: process.argv.includes('--no-write'), reuseTags: process.argv.includes('--reuse-tags'), goldTags: process.argv.includes('--gold-tags') }

export const EWT_DIR = join(SHARED, 'data', 'parsing', 'ud-en-ewt')
export const EWT_TRAIN = join(EWT_DIR, 'en_ewt-ud-train.conllu')
export const EWT_DEV = join(EWT_DIR, 'en_ewt-ud-dev.conllu')

/** A sentence of a treebank with gold annotation, hashed. */
interface Sent {
  readonly forms: string[]
  readonly words: TagWord[]
  readonly tags: Uint8Array
  /** CoNLL-U heads (0 = root) and label names */
  readonly heads: number[]
  readonly rels: string[]
  readonly lemmas: string[]
}

function load(file: string, cache: WordCache): Sent[] {
  return readConllu(readFileSync(file, 'utf8')).filter((s) => s.words.length > 0).map((s) => {
    const forms = s.words.map((w) => w.form)
    return {
      forms, words: forms.map((f) => cache.get(f)),
      tags: Uint8Array.from(s.words, (w) => Math.max(0, (UPOS as readonly string[]).indexOf(w.upos))),
      heads: s.words.map((w) => w.head), rels: s.words.map((w) => w.deprel), lemmas: s.words.map((w) => w.lemma),
    }
  })
}

const clusters = (): Clusters => committedClusters()

/**
 * Trains a tagger on `train` for `epochs` (keeping the best epoch on `dev` when given); returns averaged weights.
 * With `first` (the first pass's tags of train and dev) it trains the second pass.
 */
function trainTagger(train: readonly Sent[], dev: readonly Sent[] | null, epochs: number, seed: number, log: (s: string) => void, first?: { train: readonly Uint8Array[]; dev: readonly Uint8Array[] | null }): { w: Float32Array; dict: Map<string, number>; acc: number; epoch: number } {
  const dict = buildTagDict(train)
  const model = new Averaged(TAGGER_HASH_BITS, N_TAGS)
  const rand = rng(seed)
  let best: { w: Float32Array; acc: number; epoch: number } = { w: new Float32Array(0), acc: -1, epoch: 0 }
  for (let e = 1; e <= epochs; e++) {
    let errors = 0
    for (const k of shuffled(train.length, rand)) { const s = train[k]!; errors += trainTagSentence(model, dict, s.words, s.tags, first?.train[k]) }
    const w = model.averaged()
    if (!dev) { best = { w, acc: 0, epoch: e }; continue }
    const acc = tagAccuracy(new FloatScorer(w, N_TAGS), dict, dev, first?.dev ?? undefined)
    log(`tagger ${first ? 'pass 2' : 'pass 1'} epoch ${e}: ${errors} train errors, dev UPOS ${(acc * 100).toFixed(2)}`)
    if (acc > best.acc) best = { w, acc, epoch: e }
  }
  return { ...best, dict }
}

/** Tags of sentences (first pass, or second pass given the first's). */
function tagAll(scorer: FloatScorer, dict: ReadonlyMap<string, number>, sents: readonly Sent[], first?: readonly Uint8Array[]): Uint8Array[] {
  return sents.map((s, k) => { const out = new Uint8Array(s.words.length); tagSentence(scorer, dict, s.words, out, true, first?.[k]); return out })
}

function tagAccuracy(scorer: FloatScorer, dict: ReadonlyMap<string, number>, dev: readonly Sent[], first?: readonly Uint8Array[]): number {
  let ok = 0, n = 0
  tagAll(scorer, dict, dev, first).forEach((out, k) => { for (let i = 0; i < out.length; i++) { n++; if (out[i] === dev[k]!.tags[i]) ok++ } })
  return ok / n
}

/** Fold of sentence i: contiguous blocks, so a document's sentences stay in one fold (as unseen text would). */
const foldOf = (i: number, n: number): number => Math.floor((i * JACKKNIFE_FOLDS) / n)

/**
 * Jackknife worker: trains a tagger pass on all folds but `fold` and returns the tags of that fold's sentences
 * (pass 2 reads the jackknifed pass-1 tags of all train sentences, `first`).
 */
function workerMain(): void {
  const { fold, first } = workerData as { fold: number; first: Uint8Array[] | null }
  const cache = new WordCache(clusters(), 1 << 30)
  const all = load(EWT_TRAIN, cache)
  const inTrain = (i: number): boolean => foldOf(i, all.length) !== fold
  const train = all.filter((_, i) => inTrain(i)), held = all.filter((_, i) => !inTrain(i))
  const f = first ? { train: first.filter((_, i) => inTrain(i)), dev: null } : undefined
  const { w, dict } = trainTagger(train, null, TAGGER_EPOCHS, TRAIN_SEED + fold + 1 + (first ? 100 : 0), () => {}, f)
  parentPort!.postMessage(tagAll(new FloatScorer(w, N_TAGS), dict, held, first ? first.filter((_, i) => !inTrain(i)) : undefined))
}

/** Runs the jackknife folds of one tagger pass, two at a time; returns each train sentence's predicted tags. */
async function jackknife(nSentences: number, first: Uint8Array[] | null): Promise<Uint8Array[]> {
  const out: Uint8Array[] = new Array(nSentences)
  const file = fileURLToPath(import.meta.url)
  const run = (fold: number): Promise<void> => new Promise((resolve, reject) => {
    const w = new Worker(file, { workerData: { fold, first } })
    w.once('message', (tags: Uint8Array[]) => {
      let k = 0
      for (let i = 0; i < nSentences; i++) if (foldOf(i, nSentences) === fold) out[i] = tags[k++]!
      resolve()
    })
    w.once('error', reject)
  })
  const queue = Array.from({ length: JACKKNIFE_FOLDS }, (_, i) => i)
  await Promise.all([0, 1].map(async () => { for (let f = queue.shift(); f !== undefined; f = queue.shift()) await run(f) }))
  return out
}

/** Per-sentence parser inputs with the given tags. */
function inputs(sents: readonly Sent[], tags: readonly Uint8Array[]): ParseInput[] {
  return sents.map((s, i) => parseInput(s.words, tags[i]!))
}

interface Score { upos: number; uas: number; las: number }

function scoreParse(moves: FloatScorer | QuantizedScorer, labels: FloatScorer | QuantizedScorer, deprels: readonly string[], dev: readonly Sent[], xs: readonly ParseInput[], tags: readonly Uint8Array[]): Score {
  const st = new State(), beam = new Beam(BEAM_WIDTH)
  let n = 0, upos = 0, uas = 0, las = 0
  const exact = moves instanceof FloatScorer
  dev.forEach((s, k) => {
    const heads = new Int32Array(s.words.length), labs = new Int32Array(s.words.length)
    if (BEAM_WIDTH > 1) beamParseSentence(moves, labels, xs[k]!, beam, heads, labs, exact)
    else parseSentence(moves, labels, xs[k]!, st, heads, labs, exact)
    for (let i = 0; i < heads.length; i++) {
      n++
      if (tags[k]![i] === s.tags[i]) upos++
      if (heads[i] === s.heads[i]) { uas++; if (deprels[labs[i]!]!.split(':')[0] === s.rels[i]!.split(':')[0]) las++ }
    }
  })
  return { upos: upos / n, uas: uas / n, las: las / n }
}

/**
 * Lemma exceptions: `UPOS<TAB>lower-cased form<TAB>lemma` for the train words (seen twice or more) whose usual
 * EWT lemma the rules of lemma.ts do not give.
 */
function lemmaExceptions(train: readonly Sent[]): string[] {
  const counts = new Map<string, Map<string, number>>()
  for (const s of train) s.forms.forEach((f, i) => {
    const upos = UPOS[s.tags[i]!]!
    if (!['VERB', 'AUX', 'NOUN', 'ADJ', 'ADV', 'PRON'].includes(upos) || s.lemmas[i] === '_') return
    const key = `${upos}\t${f.toLowerCase()}`
    let m = counts.get(key)
    if (!m) counts.set(key, (m = new Map()))
    m.set(s.lemmas[i]!, (m.get(s.lemmas[i]!) ?? 0) + 1)
  })
  const out: string[] = []
  for (const [key, m] of counts) {
    const [lemma, c] = [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!
    const [upos, form] = key.split('\t') as [string, string]
    if (c >= 2 && lemmatize(form, upos) !== lemma) out.push(`${key}\t${lemma}`)
  }
  return out.sort()
}

async function main(): Promise<void> {
  const seconds = (from: number): number => Math.round((Date.now() - from) / 100) / 10
  const t0 = Date.now()
  const log = (s: string): void => console.log(`[${seconds(t0)}s] ${s}`)
  const cache = new WordCache(clusters(), 1 << 30)
  const train = load(EWT_TRAIN, cache), dev = load(EWT_DEV, cache)
  log(`train ${train.length} sentences, dev ${dev.length}`)

  // pass 1: jackknifed train tags (workers) while the final tagger trains here; then pass 2 the same way
  const CACHE = env('SYNTAX_TAG_CACHE') ?? join(tmpdir(), 'dossier-syntax-tags.json')
  let trainTags: Uint8Array[], devTags: Uint8Array[]
  let tagger1: ReturnType<typeof trainTagger>, tagger2: ReturnType<typeof trainTagger> | null = null
  if (FLAGS.reuseTags) {
    const c = JSON.parse(readFileSync(CACHE, 'utf8')) as { train: number[][]; dev: number[][] }
    trainTags = c.train.map((a) => Uint8Array.from(a)); devTags = c.dev.map((a) => Uint8Array.from(a))
    tagger1 = { w: new Float32Array(0), dict: new Map(), acc: 0, epoch: 0 }
  } else {
    const jk1 = jackknife(train.length, null)
    tagger1 = trainTagger(train, dev, TAGGER_EPOCHS, TRAIN_SEED, log)
    const train1 = await jk1
    const dev1 = tagAll(new FloatScorer(tagger1.w, N_TAGS), tagger1.dict, dev)
    const acc = (tags: readonly Uint8Array[], sents: readonly Sent[]): string => {
      let ok = 0, n = 0
      sents.forEach((s, k) => s.tags.forEach((t, i) => { n++; if (tags[k]![i] === t) ok++ }))
      return (100 * ok / n).toFixed(2)
    }
    log(`pass 1: jackknifed train UPOS ${acc(train1, train)}; best epoch ${tagger1.epoch}, dev UPOS ${(tagger1.acc * 100).toFixed(2)}`)
    trainTags = train1; devTags = dev1
    if (TWO_PASS) {
      const jk2 = jackknife(train.length, train1)
      tagger2 = trainTagger(train, dev, TAGGER_EPOCHS, TRAIN_SEED + 1, log, { train: train1, dev: dev1 })
      trainTags = await jk2
      devTags = tagAll(new FloatScorer(tagger2.w, N_TAGS), tagger2.dict, dev, dev1)
      log(`pass 2: jackknifed train UPOS ${acc(trainTags, train)}; best epoch ${tagger2.epoch}, dev UPOS ${acc(devTags, dev)}`)
    }

    writeFileSync(CACHE, JSON.stringify({ train: trainTags.map((a) => Array.from(a)), dev: devTags.map((a) => Array.from(a)) }))
  }
  const taggerSeconds = seconds(t0)

  // parser
  const counts = new Map<string, number>()
  for (const s of train) for (const r of s.rels) counts.set(r, (counts.get(r) ?? 0) + 1)
  const deprels = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([r]) => r)
  const labelId = new Map(deprels.map((r, i) => [r, i]))
  // the dynamic oracle needs projective trees: non-projective ones are lifted or left out; dev keeps all arcs
  const lifted = train.filter((s) => !isProjective(s.heads)).length
  const projective = train.map((s, k) => ({ s: isProjective(s.heads) || !LIFT_NONPROJECTIVE ? s : { ...s, heads: projectivize(s.heads) }, k }))
    .filter(({ s }) => isProjective(s.heads) && s.heads.filter((h) => h === 0).length === 1)
  log(`parser: ${lifted} of ${train.length} train sentences non-projective, ${LIFT_NONPROJECTIVE ? 'lifted to projective trees' : 'left out'}; ${deprels.length} relations`)
  const trainX = inputs(projective.map((p) => p.s), projective.map((p) => trainTags[p.k]!))
  const golds = projective.map(({ s }) => Gold.fromConllu(s.heads))
  const goldLabels = projective.map(({ s }) => { const a = new Int32Array(s.words.length + 2); s.rels.forEach((r, i) => { a[i + 1] = labelId.get(r)! }); return a })
  const devX = inputs(dev, FLAGS.goldTags ? dev.map((s) => s.tags) : devTags)
  if (FLAGS.goldTags) trainX.splice(0, trainX.length, ...inputs(projective.map((p) => p.s), projective.map((p) => p.s.tags)))
  const st = new State()
  const beamTrainer = BEAM_WIDTH > 1 ? new BeamTrainer(BEAM_WIDTH, BEAM_UPDATE) : null
  const gseqs = golds.map((g, k) => oracleSequence(g, trainX[k]!.n, st))
  log(`parser: beam width ${BEAM_WIDTH}${BEAM_WIDTH > 1 ? `, ${BEAM_UPDATE} updates` : ', dynamic oracle'}, ${PARSER_RUNS} run(s), lift ${LIFT_NONPROJECTIVE}, compand ${COMPAND_INT8}`)
  const t1 = Date.now()
  /** One parser training run (its own shuffles); returns the averaged weights of its best dev epoch. */
  const trainParser = (run: number): { las: number; uas: number; epoch: number; moves: Float32Array; labels: Float32Array } => {
    const moves = new Averaged(PARSER_HASH_BITS, N_MOVES)
    const labels = new Averaged(LABEL_HASH_BITS, deprels.length)
    const rand = rng(TRAIN_SEED + 100 + run)
    let best: { las: number; uas: number; epoch: number; moves: Float32Array; labels: Float32Array } = { las: -1, uas: 0, epoch: 0, moves: new Float32Array(0), labels: new Float32Array(0) }
    for (let e = 1; e <= MAX_EPOCHS; e++) {
      const stats: TrainStats = { moveErrors: 0, labelErrors: 0, moves: 0 }
      const explore = e >= EXPLORE_FROM ? EXPLORE : 0
      for (const k of shuffled(trainX.length, rand)) {
        if (beamTrainer) beamTrainer.train(moves, labels, trainX[k]!, gseqs[k]!, goldLabels[k]!, stats)
        else trainParseSentence(moves, labels, trainX[k]!, golds[k]!, goldLabels[k]!, st, explore, rand, stats)
      }
      const mw = moves.averaged(), lw = labels.averaged()
      const sc = scoreParse(new FloatScorer(mw, N_MOVES), new FloatScorer(lw, deprels.length), deprels, dev, devX, devTags)
      log(`parser ${run + 1}/${PARSER_RUNS} epoch ${e}: ${stats.moveErrors}/${stats.moves} move errors, ${stats.labelErrors} label errors; dev UAS ${(sc.uas * 100).toFixed(2)} LAS ${(sc.las * 100).toFixed(2)}`)
      if (sc.las > best.las) best = { las: sc.las, uas: sc.uas, epoch: e, moves: mw, labels: lw }
      else if (e - best.epoch >= 3) { log('no dev LAS gain in 3 epochs: stopping'); break }
    }
    return best
  }
  // several runs in different orders, their weights averaged (a cheap ensemble: one model at run time)
  const runs = Array.from({ length: PARSER_RUNS }, (_, r) => trainParser(r))
  const mean = (ws: Float32Array[]): Float32Array => {
    const out = new Float32Array(ws[0]!.length)
    for (const w of ws) for (let i = 0; i < out.length; i++) out[i]! += w[i]! / ws.length
    return out
  }
  const best = { epoch: runs.map((r) => r.epoch), moves: mean(runs.map((r) => r.moves)), labels: mean(runs.map((r) => r.labels)) }
  if (PARSER_RUNS > 1) {
    const sc = scoreParse(new FloatScorer(best.moves, N_MOVES), new FloatScorer(best.labels, deprels.length), deprels, dev, devX, devTags)
    log(`parser, ${PARSER_RUNS} runs averaged: dev UAS ${(sc.uas * 100).toFixed(2)} LAS ${(sc.las * 100).toFixed(2)}`)
  }
  const parserSeconds = seconds(t1)

  // int8 parser tables, linear or companded: whichever loses least on dev (int16 for the taggers)
  const int8 = (COMPAND_INT8 ? [false, true] : [false]).map((companded) => {
    const m = quantizeWeights(best.moves, 1, companded), l = quantizeWeights(best.labels, 1, companded)
    const em = companded ? expandCompanded(m.q, m.scale) : m, el = companded ? expandCompanded(l.q, l.scale) : l
    const sc = scoreParse(new QuantizedScorer(em.q, em.scale, N_MOVES), new QuantizedScorer(el.q, el.scale, deprels.length), deprels, dev, devX, devTags)
    log(`int8 parser tables${companded ? ', companded' : ''}: dev UAS ${(sc.uas * 100).toFixed(2)} LAS ${(sc.las * 100).toFixed(2)}`)
    return { companded, m, l, las: sc.las }
  }).sort((a, b) => b.las - a.las)[0]!
  if (FLAGS.noWrite) return
  // write and score what is committed (int16 weights read back through the run-time path)
  const dir = env('SYNTAX_OUT') ?? SYNTAX_MODEL_DIR
  mkdirSync(dir, { recursive: true })
  if (FLAGS.reuseTags) {
    // a parser-only tuning run: the parser tables beside a copy of the committed taggers (never the committed folder)
    if (dir === SYNTAX_MODEL_DIR) throw new Error('--reuse-tags writes only with SYNTAX_OUT set to another folder')
    writeQuantized(join(dir, 'moves.bin.gz'), int8.m.q, int8.m.scale, PARSER_HASH_BITS, N_MOVES, MAGIC_MOVES, 1, int8.companded)
    writeQuantized(join(dir, 'labels.bin.gz'), int8.l.q, int8.l.scale, LABEL_HASH_BITS, deprels.length, MAGIC_LABELS, 1, int8.companded)
    for (const f of ['tagger.bin.gz', 'tagger2.bin.gz', 'tagdict.tsv.gz', 'lemmas.tsv.gz']) copyFileSync(join(SYNTAX_MODEL_DIR, f), join(dir, f))
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ beamWidth: DECODE_WIDTH, trainBeamWidth: BEAM_WIDTH, parserEpochs: best.epoch, deprels }, null, 2) + '\n')
    return
  }
  // a beam model's parser tables and meta.json go to beam/ beside the (same) taggers
  const pdir = BEAM_WIDTH > 1 ? join(dir, BEAM_PARSER_DIR) : dir
  mkdirSync(pdir, { recursive: true })
  const bytes = {
    tagger: writeWeights(join(dir, 'tagger.bin.gz'), tagger1.w, TAGGER_HASH_BITS, N_TAGS, MAGIC_TAGGER),
    tagger2: tagger2 ? writeWeights(join(dir, 'tagger2.bin.gz'), tagger2.w, TAGGER_HASH_BITS, N_TAGS, MAGIC_TAGGER) : 0,
    moves: writeQuantized(join(pdir, 'moves.bin.gz'), int8.m.q, int8.m.scale, PARSER_HASH_BITS, N_MOVES, MAGIC_MOVES, 1, int8.companded),
    labels: writeQuantized(join(pdir, 'labels.bin.gz'), int8.l.q, int8.l.scale, LABEL_HASH_BITS, deprels.length, MAGIC_LABELS, 1, int8.companded),
    lemmas: writeLinesGz(join(dir, 'lemmas.tsv.gz'), lemmaExceptions(train)),
    tagdict: writeLinesGz(join(dir, 'tagdict.tsv.gz'), [...tagger1.dict.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([f, t]) => `${f}\t${UPOS[t]}`)),
  }
  const q = (file: string, magic: number, from = dir): QuantizedScorer => { const r = readQuantized(join(from, file), magic); return new QuantizedScorer(r.q, r.scale, r.nClasses) }
  if (!tagger2) rmSync(join(dir, 'tagger2.bin.gz'), { force: true })
  const parser = new SyntaxParser(q('tagger.bin.gz', MAGIC_TAGGER), tagger2 ? q('tagger2.bin.gz', MAGIC_TAGGER) : null, q('moves.bin.gz', MAGIC_MOVES, pdir), q('labels.bin.gz', MAGIC_LABELS, pdir), tagger1.dict, deprels, cache.clusters, readLemmas(join(dir, 'lemmas.tsv.gz')), false, DECODE_WIDTH)
  const devSents = readConllu(readFileSync(EWT_DEV, 'utf8'))
  const preds = devSents.map((s) => s.words.length ? parser.parse(s.words.map((w) => w.form)) : undefined)
  const predFile = join(tmpdir(), 'dossier-ewt-dev.pred.conllu')
  writeFileSync(predFile, writeConllu(devSents, preds?.map((p) => p && { upos: p.upos, head: p.heads, deprel: p.deprels })))
  let n = 0, upos = 0, uas = 0, las = 0
  devSents.forEach((s, k) => s.words.forEach((w, i) => {
    const p = preds[k]!
    n++
    if (p.upos[i] === w.upos) upos++
    if (p.heads[i] === w.head) { uas++; if (p.deprels[i]!.split(':')[0] === w.deprel.split(':')[0]) las++ }
  }))
  const round = (x: number): number => Math.round(x * 10000) / 10000
  // dev UAS / LAS of the stored model run with other beam widths (the run-time width is meta.json's beamWidth)
  const widthCurve = BEAM_WIDTH > 1 ? [1, 2, 4, 8, 16].map((w) => {
    const p = new SyntaxParser(parser.tagger, parser.tagger2, parser.moves, parser.labelScorer, tagger1.dict, deprels, cache.clusters, new Map(), false, w)
    let m = 0, a = 0, l = 0
    devSents.forEach((s) => { if (!s.words.length) return; const r = p.parse(s.words.map((x) => x.form)); s.words.forEach((x, i) => { m++; if (r.heads[i] === x.head) { a++; if (r.deprels[i]!.split(':')[0] === x.deprel.split(':')[0]) l++ } }) })
    return { width: w, uas: round(a / m), las: round(l / m) }
  }) : undefined
  const meta = {
    trainedOn: 'UD English-EWT train (en_ewt-ud-train.conllu)', tunedOn: 'UD English-EWT dev (en_ewt-ud-dev.conllu)', license: 'CC BY-SA 4.0',
    seed: TRAIN_SEED, jackknifeFolds: JACKKNIFE_FOLDS, taggerEpochs: tagger2 ? [tagger1.epoch, tagger2.epoch] : [tagger1.epoch], twoPassTagger: !!tagger2, beamWidth: DECODE_WIDTH, trainBeamWidth: BEAM_WIDTH, beamUpdate: BEAM_WIDTH > 1 ? BEAM_UPDATE : undefined, widthCurve, parserRuns: PARSER_RUNS, liftNonProjective: LIFT_NONPROJECTIVE, parserEpochs: best.epoch, int8Companded: int8.companded,
    hashBits: { tagger: TAGGER_HASH_BITS, moves: PARSER_HASH_BITS, labels: LABEL_HASH_BITS },
    taggerSeconds, parserSeconds, totalSeconds: seconds(t0), bytes,
    dev: { words: n, upos: round(upos / n), uas: round(uas / n), las: round(las / n) },
    deprels,
  }
  writeFileSync(join(pdir, 'meta.json'), JSON.stringify(meta, null, 2) + '\n')
  log(JSON.stringify({ ...meta, deprels: deprels.length }))
}

if (isMainThread) void main()
else workerMain()
