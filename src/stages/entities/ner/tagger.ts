/** The runtime tagger: loads the committed model once and tags token sequences or CoNLL text. */
import { join } from 'node:path'
import { DossierError } from '../../../errors.js'
import { committedClusters } from './clusters.js'
import { FastDecoder, type FastWord } from './fast-decode.js'
import { extractFeatures, normaliseToken, type Clusters } from './features.js'
import { decode } from './model.js'
import { Gazetteer, mergeExternal } from './gazetteer.js'
import { worldGazetteer } from './world-gazetteer.js'
import { NerMemory } from './memory.js'
import { NER_MODEL_DIR, readLinesGz, readQuantized, type QuantizedWeights } from './model-files.js'
import { HASH_BITS, N_CLASSES, NER_TAGS } from './ner.data.js'
import { readingCache } from '../../../reading-caches.js'

/** Options of one `tag` call. */
export interface NerTagOptions {
  /**
   * Knowledge-base answer for token i: a type (`'PER'`, `'ORG'`, `'LOC'`, `'MISC'`, or `'PERSON'`, `'GPE'`,
   * `'GROUP'`), optionally with a `B-`/`I-` prefix, or null. Used as gazetteer features, not as a verdict.
   */
  gazetteer?: (i: number) => string | null
  /**
   * The document's memory (`createNerMemory()` once per document, then passed to each sentence in
   * order): lets earlier sentences' tags inform later ones, as in training. Optional.
   */
  memory?: NerMemory
}

/** A fresh per-document memory for `tag` (see NerTagOptions.memory). */
export function createNerMemory(): NerMemory {
  return new NerMemory()
}

/** A trained named-entity tagger. */
export interface NerTagger {
  /** IOB2 tags (B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC, B-MISC, I-MISC, O), one per token */
  tag(tokens: readonly string[], options?: NerTagOptions): string[]
}

/** What one raw token always gives: its normalised form, decoder word and gazetteer starts (cached per tagger). */
interface TokenInfo { readonly norm: string; readonly word: FastWord | null; readonly gaz: number; readonly world: number }
/** Distinct raw tokens cached per tagger before the cache starts afresh. */
const TOKEN_CACHE_MAX = 50_000

/** Per-sentence buffers, grown as needed and reused (a tagger is not re-entrant). */
class Buffers {
  bits = new Uint8Array(128); wbits = new Uint8Array(128); gazStarts = new Int32Array(128); worldStarts = new Int32Array(128); classes = new Uint8Array(128)
  /** Makes room for n tokens and zeroes the gazetteer bits. */
  reset(n: number): void {
    if (this.bits.length < n) { const m = n * 2; Object.assign(this, { bits: new Uint8Array(m), wbits: new Uint8Array(m), gazStarts: new Int32Array(m), worldStarts: new Int32Array(m), classes: new Uint8Array(m) }) }
    this.bits.fill(0, 0, n); this.wbits.fill(0, 0, n)
  }
}

/**
 * Builds a tagger from weights and resources. `loadNer` gives the stored int16 weights (fast decoder); float
 * weights (tests on tiny models, training) are decoded by the training decoder.
 */
export function createTagger(weights: Float32Array | QuantizedWeights, clusters: Clusters, gazetteer: Gazetteer, world = worldGazetteer()): NerTagger {
  const fast = weights instanceof Float32Array ? null : new FastDecoder(weights.q, weights.scale, clusters)
  const cache = new Map<string, TokenInfo>()
  const buf = new Buffers()
  const info = (raw: string): TokenInfo => {
    let t = cache.get(raw)
    if (t) return t
    // Gazetteer keys are in CoNLL's ASCII forms, so curly apostrophes must not block a match.
    const norm = normaliseToken(raw)
    t = { norm, word: fast ? fast.word(norm) : null, gaz: gazetteer.start(norm), world: world.start(norm) }
    if (cache.size >= TOKEN_CACHE_MAX) cache.clear()
    cache.set(raw, t)
    return t
  }
  return {
    tag(raw, options) {
      const n = raw.length
      if (n === 0) return []
      buf.reset(n)
      const { bits, wbits, gazStarts, worldStarts, classes } = buf
      const tokens: string[] = new Array(n), words: FastWord[] = new Array(n)
      for (let i = 0; i < n; i++) {
        const t = info(raw[i]!)
        tokens[i] = t.norm; words[i] = t.word!; gazStarts[i] = t.gaz; worldStarts[i] = t.world
      }
      gazetteer.match(tokens, bits, gazStarts)
      if (options?.gazetteer) mergeExternal(n, options.gazetteer, bits)
      world.match(tokens, wbits, worldStarts)
      const memory = options?.memory
      if (fast) fast.decode({ words, gaz: bits, world: wbits, memory }, classes)
      else {
        const sf = extractFeatures(tokens, clusters, bits, wbits)
        memory?.addFeatures(sf)
        classes.set(decode(weights as Float32Array, sf))
        memory?.record(sf, classes)
      }
      const tags: string[] = new Array(n)
      for (let i = 0; i < n; i++) tags[i] = NER_TAGS[classes[i]!]!
      return tags
    },
  }
}

let cached: NerTagger | null = null
readingCache(() => { cached = null })

/**
 * Loads the committed model from models/ner (once per process; later calls return the same tagger).
 * @example loadNer().tag(['Vladimir', 'Putin', 'visited', 'Tehran']) // ['B-PER', 'I-PER', 'O', 'B-LOC']
 */
export function loadNer(): NerTagger {
  if (cached) return cached
  const weights = readQuantized(join(NER_MODEL_DIR, 'weights.bin.gz'))
  const { hashBits, nClasses } = weights
  if (hashBits !== HASH_BITS || nClasses !== N_CLASSES) {
    throw new DossierError('E_INPUT', `Expected NER weights with ${HASH_BITS} hash bits and ${N_CLASSES} classes, got ${hashBits} and ${nClasses}`)
  }
  const clusters = committedClusters()
  const gazetteer = Gazetteer.fromLines(readLinesGz(join(NER_MODEL_DIR, 'gazetteer.tsv.gz')))
  cached = createTagger(weights, clusters, gazetteer)
  return cached
}

/**
 * Tags CoNLL text: every token line gets the predicted IOB2 tag appended as its last column;
 * `-DOCSTART-` and blank lines are kept as they are. Each `-DOCSTART-` starts a fresh document memory.
 * @example tagConll('EU NNP\nrejects VBZ\n') // 'EU NNP B-ORG\nrejects VBZ O\n'
 */
export function tagConll(input: string, tagger: NerTagger = loadNer()): string {
  const lines = input.split('\n')
  const out = lines.slice()
  let block: number[] = []
  let memory = createNerMemory()
  const flush = (): void => {
    if (!block.length) return
    const tokens = block.map((li) => lines[li]!.trim().split(/[ \t]+/)[0]!)
    const tags = tagger.tag(tokens, { memory })
    block.forEach((li, k) => {
      const line = lines[li]!.replace(/\r$/, '').replace(/[ \t]+$/, '')
      out[li] = line + (line.includes('\t') ? '\t' : ' ') + tags[k]
    })
    block = []
  }
  lines.forEach((line, li) => {
    const first = line.trim().split(/[ \t]+/)[0] ?? ''
    if (first === '') flush()
    else if (first === '-DOCSTART-') { flush(); memory = createNerMemory() }
    else block.push(li)
  })
  flush()
  return out.join('\n')
}
