/**
 * The run-time decoder: the same features, weights and greedy decoding as `extractFeatures` + `decode`
 * (model.ts, used by training), organised for speed. Word-level rows are summed once per distinct token and
 * cached (its own features, and its features as the token 1 or 2 before or after another); only the rows that
 * pair a token with its neighbours, the gazetteer and memory rows and the tag history are read per token.
 *
 * Scores are sums of the stored int16 values. The training decoder sums the float32 weights
 * (fround(q * scale)) in float64, which is exact; each float32 rounding is at most 2^-24 of its weight, so over
 * at most MAX_ROWS rows of |q| < 2^15 two classes whose int sums differ keep their order in float. Only when the
 * best int sums tie is the token scored again the training decoder's way, so the tags are identical to `decode`'s.
 */
import { CompactWeights } from './compact-weights.js'
import { BOS, EOS, extractFeatures, hashWord, headlineFlag, MAX_STATIC, mix, NONE, ROW_MASK, type Clusters, type SentenceFeatures, type WordHashes } from './features.js'
import type { NerMemory } from './memory.js'
import { allowed, argmaxAllowed, MAX_ROWS, START, tokenRows } from './model.js'
import { N_CLASSES } from './ner.data.js'

const C = N_CLASSES
/** Offsets of a word's cached partial scores: its own features; as the token 1 before, 1 after, 2 before, 2 after. */
const SELF = 0, PREV1 = C, NEXT1 = 2 * C, PREV2 = 3 * C, NEXT2 = 4 * C, ROLES = 5 * C
/** Distinct tokens cached per tagger before the cache starts afresh (bounds memory: ~0.3 KB each). */
const WORD_CACHE_MAX = 50_000
/** History classes: the NER classes and START. */
const H = START + 1

/** A token (normalised), its hashes and cached partial scores (from `FastDecoder.word`). */
export interface FastWord { readonly token: string; readonly h: WordHashes; readonly vec: Int32Array }

const row = (x: number): number => x & ROW_MASK

/** What the decoder needs from one sentence besides its words. */
export interface SentenceInput {
  readonly words: readonly FastWord[]
  /** gazetteer bits per token: train names + caller, and world-countries (as for `extractFeatures`) */
  readonly gaz: Uint8Array
  readonly world: Uint8Array
  readonly memory?: NerMemory
}

/** Greedy decoder over compact quantised weights with a per-token cache. */
export class FastDecoder {
  private readonly weights: CompactWeights
  private readonly cache = new Map<string, FastWord>()
  private readonly bos: Int32Array
  private readonly eos: Int32Array
  /** rows of features 40 (previous class) and 41 (two previous classes), summed per history */
  private readonly hist1: Int32Array
  private readonly hist2: Int32Array
  private stat = new Int32Array(64 * C)
  private readonly scores = new Int32Array(C)
  private readonly exact = new Float64Array(C)
  private readonly rowBuf = new Int32Array(MAX_ROWS)

  /** `checkEveryToken` scores every token the training decoder's way as well (tests of the tie path). */
  constructor(q: Int16Array, scale: number, private readonly clusters: Clusters, private readonly checkEveryToken = false) {
    this.weights = new CompactWeights(q, scale)
    this.bos = this.roles(BOS, BOS, BOS)
    this.eos = this.roles(EOS, EOS, EOS)
    this.hist1 = new Int32Array(H * C)
    this.hist2 = new Int32Array(H * H * C)
    for (let p1 = 0; p1 < H; p1++) {
      this.weights.add(row(mix(40, p1)), this.hist1, p1 * C)
      for (let p2 = 0; p2 < H; p2++) this.weights.add(row(mix(41, p1, p2)), this.hist2, (p1 * H + p2) * C)
    }
  }

  /** The partial scores of a padding or word as a neighbour (its own features are added by `word`). */
  private roles(lower: number, shape: number, fine: number): Int32Array {
    const v = new Int32Array(ROLES)
    const add = (x: number, at: number): void => this.weights.add(row(x), v, at)
    add(mix(3, lower), PREV1); add(mix(18, shape), PREV1); add(mix(24, fine), PREV1)
    add(mix(4, lower), NEXT1); add(mix(19, shape), NEXT1); add(mix(25, fine), NEXT1)
    add(mix(5, lower), PREV2); add(mix(33, fine), PREV2)
    add(mix(6, lower), NEXT2); add(mix(34, fine), NEXT2)
    return v
  }

  /** The cached hashes and partial scores of a (normalised) token. */
  word(token: string): FastWord {
    let w = this.cache.get(token)
    if (w) return w
    const h = hashWord(token, this.clusters)
    const v = this.roles(h.lower, h.shape, h.fine)
    const add = (x: number): void => this.weights.add(row(x), v, SELF)
    add(mix(0, 0)); add(mix(1, h.form)); add(mix(2, h.lower))
    for (let k = 0; k < Math.min(4, h.wlen); k++) { add(mix(9 + k, h.pre[k]!)); add(mix(13 + k, h.suf[k]!)) }
    add(mix(17, h.shape)); add(mix(22, h.fine)); add(mix(23, h.fine === NONE ? NONE : this.clusters.coarseOf[h.fine]!))
    add(mix(35, h.fine, h.shape)); add(mix(36, h.finest))
    if (this.cache.size >= WORD_CACHE_MAX) this.cache.clear()
    this.cache.set(token, (w = { token, h, vec: v }))
    return w
  }

  /** Tags one sentence into out[0..n); the memory is read before and updated after, as in training. */
  decode(input: SentenceInput, out: Uint8Array): void {
    const { words, memory } = input
    const n = words.length
    let letters = 0, lowers = 0
    for (let i = 0; i < n; i++) { letters += words[i]!.h.letters; lowers += words[i]!.h.lowers }
    const headline = headlineFlag(letters, lowers)
    if (this.stat.length < n * C) this.stat = new Int32Array(n * C * 2)
    const stat = this.stat.fill(0, 0, n * C)
    for (let i = 0; i < n; i++) this.staticScores(input, i, headline, stat, i * C)
    const s = this.scores, W = this.weights, hist1 = this.hist1, hist2 = this.hist2
    let sf: SentenceFeatures | null = null
    let p1: number = START, p2: number = START
    for (let i = 0; i < n; i++) {
      const h = words[i]!.h
      const a1 = p1 * C, a2 = (p1 * H + p2) * C, at = i * C
      for (let c = 0; c < C; c++) s[c] = stat[at + c]! + hist1[a1 + c]! + hist2[a2 + c]!
      W.add(row(mix(42, p1, h.lower)), s, 0)
      W.add(row(mix(43, p1, h.shape)), s, 0)
      let best = 0, bestScore = s[0]!, tie = false
      for (let c = 1; c < C; c++) {
        if (!allowed(p1, c)) continue
        if (s[c]! > bestScore) { best = c; bestScore = s[c]!; tie = false } else if (s[c] === bestScore) tie = true
      }
      if (tie || this.checkEveryToken) best = this.exactClass((sf ??= this.features(input)), i, p1, p2)
      out[i] = best
      p2 = p1
      p1 = best
    }
    if (memory) for (let i = 0; i < n; i++) if (words[i]!.h.flags & 1) memory.note(words[i]!.h.lower, out[i]!)
  }

  /** The sentence's features as the training decoder builds them (only for the rare tied token). */
  private features(input: SentenceInput): SentenceFeatures {
    const sf = extractFeatures(input.words.map((w) => w.token), this.clusters, input.gaz, input.world)
    input.memory?.addFeatures(sf)
    return sf
  }

  /** Token i's class as `decode` in model.ts picks it: float32 weights summed in float64. */
  private exactClass(sf: SentenceFeatures, i: number, p1: number, p2: number): number {
    const count = tokenRows(sf, i, p1, p2, this.rowBuf)
    const f = this.exact.fill(0)
    for (let j = 0; j < count; j++) this.weights.addFloat(this.rowBuf[j]!, f)
    return argmaxAllowed(f, p1)
  }

  /** Adds the static rows of token i (all but the tag history) into stat[at..]. */
  private staticScores(input: SentenceInput, i: number, headline: number, stat: Int32Array, at: number): void {
    const { words, gaz, world, memory } = input
    const n = words.length
    const { h, vec } = words[i]!
    const prev = i > 0 ? words[i - 1]! : null, next = i + 1 < n ? words[i + 1]! : null
    const prevVec = prev ? prev.vec : this.bos, nextVec = next ? next.vec : this.eos
    const prev2 = i > 1 ? words[i - 2]!.vec : this.bos, next2 = i + 2 < n ? words[i + 2]!.vec : this.eos
    for (let c = 0; c < C; c++) stat[at + c]! += vec[SELF + c]! + prevVec[PREV1 + c]! + nextVec[NEXT1 + c]! + prev2[PREV2 + c]! + next2[NEXT2 + c]!
    const lp = prev ? prev.h.lower : BOS, ln = next ? next.h.lower : EOS
    const sp = prev ? prev.h.shape : BOS, sn = next ? next.h.shape : EOS
    const fp = prev ? prev.h.fine : BOS
    // the token's own rows: collected first, then read in one loop
    const r = this.rowBuf
    r[0] = row(mix(7, lp, h.lower))
    r[1] = row(mix(8, h.lower, ln))
    r[2] = row(mix(20, mix(sp, h.shape), sn))
    r[3] = row(mix(21, h.flags | (i === 0 ? 32 : 0) | headline))
    r[4] = row(mix(26, fp, h.fine))
    r[5] = row(mix(27, lp, h.shape))
    r[6] = row(mix(28, h.shape, ln))
    let k = 7
    for (let d = -1; d <= 1; d++) {
      const inside = i + d >= 0 && i + d < n
      const bits = inside ? gaz[i + d]! : 0
      const wbits = inside ? world[i + d]! : 0
      if (!(bits | wbits)) continue
      for (let b = 0; b < 8; b++) if (bits & (1 << b)) r[k++] = row(mix(30 + d, b))
      for (let b = 0; b < 8; b++) if (wbits & (1 << b)) r[k++] = row(mix(38 + d, b))
    }
    // static rows so far, as extractFeatures counts them: 9 + prefixes and suffixes + 16 + gazetteer bits
    const count = 9 + 2 * Math.min(4, h.wlen) + 16 + (k - 7)
    if (memory && h.flags & 1 && count + 2 <= MAX_STATIC) {
      const m = memory.summary(h.lower)
      if (m >= 0) { r[k++] = row(mix(44, m & 7)); r[k++] = row(mix(45, m >> 3)) }
    }
    this.weights.addAll(r, k, stat, at)
  }
}
