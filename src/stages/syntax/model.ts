/**
 * The committed tagger and parser under `models/syntax/`:
 * - `tagger.bin.gz`, `tagger2.bin.gz` (second tagger pass): int16 weights, `moves.bin.gz`, `labels.bin.gz`: int8
 *   weights, one scale each (the NER model's format, magics POS1, ARC1, LAB1);
 * - `tagdict.tsv.gz`: `form<TAB>UPOS` of frequent unambiguous words;
 * - `lemmas.tsv.gz`: `UPOS<TAB>form<TAB>lemma` where EWT's lemma of a train word differs from the rules';
 * - `meta.json`: the relation labels (class order), scores and training facts (quoted in MODEL_CARD.md).
 * Word clusters are the NER model's (`models/ner/clusters.tsv.gz`).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DossierError } from '../../errors.js'
import { MODELS_DIR } from '../../paths.js'
import { committedClusters } from '../entities/ner/clusters.js'
import type { Clusters } from '../entities/ner/features.js'
import { NER_MODEL_DIR, readLinesGz, readQuantized } from '../entities/ner/model-files.js'
import { Beam, beamParseSentence, parseInput, parseSentence } from './parser.js'
import { QuantizedScorer, type RowScorer } from './perceptron.js'
import { UPOS, USE_BEAM_MODEL } from './syntax.data.js'
import { lemmatize } from './lemma.js'
import { tagSentence, WordCache, type TagWord } from './tagger.js'
import { FastTagger } from './fast-tagger.js'
import { State } from './transitions.js'
import { readingCache } from '../../reading-caches.js'

/** Folder of the committed syntax model. */
export const SYNTAX_MODEL_DIR = join(MODELS_DIR, 'syntax')
export const MAGIC_TAGGER = 0x31534f50 // 'POS1'
export const MAGIC_MOVES = 0x31435241 // 'ARC1'
export const MAGIC_LABELS = 0x3142414c // 'LAB1'

/** One parsed sentence: per word its UPOS, head (1-based, 0 = root) and relation. */
export interface ParsedSentence { readonly upos: string[]; readonly heads: number[]; readonly deprels: string[] }

/**
 * Distinct words a parser keeps hashed, with their cached tagger scores (about 1.5 KB each), before it starts
 * afresh: at most about 60 MB, what 100,000 words hashed without scores took before.
 */
const WORD_CACHE_MAX = 40_000

/** A loaded tagger + parser. */
export class SyntaxParser {
  private readonly words: WordCache
  private readonly state = new State()
  private heads = new Int32Array(64)
  private labels = new Int32Array(64)
  private tags = new Uint8Array(64)
  private first = new Uint8Array(64)

  constructor(
    readonly tagger: RowScorer, readonly tagger2: RowScorer | null, readonly moves: RowScorer, readonly labelScorer: RowScorer,
    readonly tagDict: ReadonlyMap<string, number>, readonly deprels: readonly string[], clusters: Clusters,
    private readonly lemmas: ReadonlyMap<string, string> = new Map(), private readonly exact = false,
    /** beam width of the parser (meta.json's beamWidth; 1 = greedy) */
    readonly beamWidth = 1,
  ) {
    this.words = new WordCache(clusters, WORD_CACHE_MAX)
    this.beam = beamWidth > 1 ? new Beam(beamWidth) : null
    // integer weights (the committed model): the run-time tagger, whose tags are tagSentence's
    const passes = [tagger, tagger2].filter((s): s is RowScorer => s !== null)
    this.fast = !exact && passes.every((s) => s instanceof QuantizedScorer) ? new FastTagger(passes as QuantizedScorer[], tagDict) : null
  }
  private readonly beam: Beam | null
  private readonly fast: FastTagger | null

  /** Lemma of a word with its UPOS: the EWT lemma where the rules get a frequent train word wrong, else the rules'. */
  lemma(word: string, upos: string): string {
    return this.lemmas.get(`${upos}\t${word.toLowerCase()}`) ?? lemmatize(word, upos)
  }

  /** Hashes tokens (cached by form). */
  hash(tokens: readonly string[]): TagWord[] { return tokens.map((t) => this.words.get(t)) }

  /** Tag ids of a sentence. */
  tag(tokens: readonly string[]): Uint8Array {
    const out = new Uint8Array(tokens.length)
    this.tagInto(this.hash(tokens), out)
    return out
  }

  /** Tags hashed words into out (the second pass, when the model has one, reads the first pass's tags). */
  private tagInto(words: readonly TagWord[], out: Uint8Array): void {
    const n = words.length
    const pass = (k: number, into: Uint8Array, first?: Uint8Array): void => {
      if (this.fast) this.fast.tag(words, into, k, first)
      else tagSentence(k ? this.tagger2! : this.tagger, this.tagDict, words, into, this.exact, first)
    }
    if (!this.tagger2) { pass(0, out); return }
    if (this.first.length < n) this.first = new Uint8Array(n * 2)
    const first = this.first.subarray(0, n)
    pass(0, first)
    pass(1, out, first)
  }

  /** Tags and parses one tokenised sentence (EWT tokenisation: clitics and hyphens split). */
  parse(tokens: readonly string[], givenTags?: readonly string[]): ParsedSentence {
    const n = tokens.length
    if (n === 0) return { upos: [], heads: [], deprels: [] }
    if (this.heads.length < n) { this.heads = new Int32Array(n * 2); this.labels = new Int32Array(n * 2); this.tags = new Uint8Array(n * 2) }
    const words = this.hash(tokens)
    const tags = this.tags
    if (givenTags) givenTags.forEach((t, i) => { tags[i] = Math.max(0, (UPOS as readonly string[]).indexOf(t)) })
    else this.tagInto(words, tags.subarray(0, n))
    const x = parseInput(words, tags)
    if (this.beam) beamParseSentence(this.moves, this.labelScorer, x, this.beam, this.heads, this.labels, this.exact)
    else parseSentence(this.moves, this.labelScorer, x, this.state, this.heads, this.labels, this.exact)
    const upos: string[] = [], heads: number[] = [], deprels: string[] = []
    for (let i = 0; i < n; i++) {
      upos.push(UPOS[tags[i]!]!)
      heads.push(this.heads[i]!)
      deprels.push(this.deprels[this.labels[i]!] ?? 'dep')
    }
    return { upos, heads, deprels }
  }
}

/** The lemma exceptions (`UPOS<TAB>form<TAB>lemma`), keyed `UPOS<TAB>form`; empty when the file is missing. */
export function readLemmas(file: string): Map<string, string> {
  const m = new Map<string, string>()
  if (!existsSync(file)) return m
  for (const line of readLinesGz(file)) {
    const k = line.lastIndexOf('\t')
    m.set(line.slice(0, k), line.slice(k + 1))
  }
  return m
}

/** What meta.json must hold for loading. */
interface SyntaxMeta { readonly deprels: readonly string[]; readonly beamWidth?: number }

let cached: SyntaxParser | null = null
readingCache(() => { cached = null })

/** Folder of the beam parser's tables and meta.json (its taggers are those of SYNTAX_MODEL_DIR). */
export const BEAM_PARSER_DIR = 'beam'

/**
 * Loads the committed model (once per process): the taggers of `dir` and the parser of `dir` (greedy) or of
 * `dir/beam` (`beam`, default USE_BEAM_MODEL), run at its meta.json's beamWidth.
 */
export function loadSyntaxModel(dir = SYNTAX_MODEL_DIR, beam = USE_BEAM_MODEL): SyntaxParser {
  const standard = dir === SYNTAX_MODEL_DIR && beam === USE_BEAM_MODEL
  if (cached && standard) return cached
  const pdir = beam ? join(dir, BEAM_PARSER_DIR) : dir
  const metaFile = join(pdir, 'meta.json')
  if (!existsSync(metaFile)) throw new DossierError('E_INPUT', `Expected the syntax model in ${dir} (run npm run train:parser), got no meta.json`)
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as SyntaxMeta
  const load = (file: string, magic: number, from = dir): QuantizedScorer => {
    const q = readQuantized(join(from, file), magic)
    return new QuantizedScorer(q.q, q.scale, q.nClasses)
  }
  const dict = new Map<string, number>()
  for (const line of readLinesGz(join(dir, 'tagdict.tsv.gz'))) {
    const tab = line.lastIndexOf('\t')
    dict.set(line.slice(0, tab), (UPOS as readonly string[]).indexOf(line.slice(tab + 1)))
  }
  const clusters = committedClusters()
  const second = existsSync(join(dir, 'tagger2.bin.gz')) ? load('tagger2.bin.gz', MAGIC_TAGGER) : null
  const p = new SyntaxParser(load('tagger.bin.gz', MAGIC_TAGGER), second, load('moves.bin.gz', MAGIC_MOVES, pdir), load('labels.bin.gz', MAGIC_LABELS, pdir), dict, meta.deprels, clusters, readLemmas(join(dir, 'lemmas.tsv.gz')), false, meta.beamWidth ?? 1)
  if (standard) cached = p
  return p
}
