/**
 * Hashed feature extraction. Strings are hashed once per token (FNV-1a over char codes, prefixes and
 * suffixes incrementally); features are integer mixes of a template id with those hashes, so the hot
 * loop allocates no string per feature.
 */
import { CHAR_NORMALISATION, HASH_BITS, SUBCLUSTERS } from './ner.data.js'

/** Most static features one token can have (gazetteer bits included). */
export const MAX_STATIC = 96
/** Hash-row mask. */
export const ROW_MASK = (1 << HASH_BITS) - 1

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193
/** Hash of the padding before the first token. */
export const BOS = 0x1b0f5a1
/** Hash of the padding after the last token. */
export const EOS = 0x2e05b3c
/** Cluster id of a word without one. */
export const NONE = 0x3c6ef37

/**
 * Word-cluster lookup: lowercased word -> finest cluster id (fine id * SUBCLUSTERS + sub-cluster),
 * and fine id -> coarse id.
 */
export interface Clusters { readonly finest: ReadonlyMap<string, number>; readonly coarseOf: Int32Array }

/** Mixes a template id with one or two values into a 32-bit hash (murmur3 finaliser). */
export function mix(t: number, a: number, b = 0): number {
  let h = Math.imul(t + 0x7f4a7c15, 0x9e3779b1) ^ a
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) ^ b
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return h ^ (h >>> 16)
}

const NORMALISE_RE = /[\u2018\u2019\u201A-\u201F\u2032\u2033\u00B4\u0060\u00AB\u00BB\u2010-\u2014\u2212\u00A0\u2026]/g

/**
 * Maps curly quotes, dashes and the like to the ASCII forms CoNLL uses.
 * @example normaliseToken('’s') // "'s"
 */
export function normaliseToken(token: string): string {
  return NORMALISE_RE.test(token) ? token.replace(NORMALISE_RE, (c) => CHAR_NORMALISATION[c] ?? c) : token
}

/** Character class for shapes: 88 (X) upper, 120 (x) lower, 100 (d) digit, else the code itself. */
export function charClass(c: number): number {
  if (c >= 65 && c <= 90) return 88 // X
  if (c >= 97 && c <= 122) return 120 // x
  if (c >= 48 && c <= 57) return 100 // d
  if (c > 127) {
    const s = String.fromCharCode(c)
    if (s.toLowerCase() !== s) return 88
    if (s.toUpperCase() !== s) return 120
  }
  return c
}

/** Per-token hashes and flags of one sentence, ready for the tagger. */
export interface SentenceFeatures {
  readonly n: number
  /** static feature rows, MAX_STATIC slots per token */
  readonly rows: Int32Array
  readonly counts: Uint16Array
  /** counts before any document-memory rows were appended */
  readonly baseCounts: Uint16Array
  /** hashes reused by the tag-history features */
  readonly lower: Int32Array
  readonly shape: Int32Array
  /** 1 where the token starts with a capital letter (the tokens document memory keeps) */
  readonly cap: Uint8Array
}

/** Per-token hashes of one sentence; lower/shape/fine are padded with two BOS and two EOS slots. */
interface TokenHashes {
  readonly lower: Int32Array; readonly shape: Int32Array; readonly fine: Int32Array; readonly finest: Int32Array
  readonly form: Int32Array; readonly flags: Int32Array; readonly wlen: Int32Array
  /** FNV states after 1..4 chars: prefixes of the form, suffixes of the lowercased form */
  readonly pre: Int32Array; readonly suf: Int32Array
  /** 256 when the sentence is an ALL-CAPS headline (capitalisation says nothing there) */
  readonly headline: number
}

/** The hashes and flags of one (normalised) token, whatever its position. */
export interface WordHashes {
  /** FNV of the form, of the lower-cased form (digits as 0), of the shape */
  readonly form: number; readonly lower: number; readonly shape: number
  readonly wlen: number
  /** FNV states after 1..4 chars: prefixes of the form, suffixes of the lowercased form */
  readonly pre: readonly number[]; readonly suf: readonly number[]
  /** finest cluster id, its fine id (NONE when the word has none) */
  readonly finest: number; readonly fine: number
  /** shape flags (bit 32, first token, is the caller's) */
  readonly flags: number
  /** letters and lower-case letters, for the ALL-CAPS headline test */
  readonly letters: number; readonly lowers: number
}

/** Hashes one token (already normalised; normalising again changes nothing). */
export function hashWord(w: string, clusters: Clusters): WordHashes {
  const lw = w.toLowerCase()
  let hf = FNV_OFFSET, hl = FNV_OFFSET, hs = FNV_OFFSET, hx = FNV_OFFSET
  let last = -1, up = 0, lo = 0, dig = 0, hyph = 0, dot = 0
  const pre: number[] = [], suf: number[] = []
  for (let j = 0; j < w.length; j++) {
    const c = w.charCodeAt(j)
    hf = Math.imul(hf ^ c, FNV_PRIME)
    const lc = lw.charCodeAt(j)
    hl = Math.imul(hl ^ (lc >= 48 && lc <= 57 ? 48 : lc), FNV_PRIME)
    const k = charClass(c)
    if (k === 88) up++
    else if (k === 120) lo++
    else if (k === 100) dig++
    else if (c === 45) hyph++
    else if (c === 46) dot++
    if (k !== last) hs = Math.imul(hs ^ k, FNV_PRIME)
    last = k
    hx = Math.imul(hx ^ lw.charCodeAt(lw.length - 1 - j), FNV_PRIME)
    if (j < 4) { pre.push(hf); suf.push(hx) }
  }
  const f = clusters.finest.get(lw)
  const initCap = up > 0 && charClass(w.charCodeAt(0)) === 88 ? 1 : 0
  return {
    form: hf, lower: hl, shape: hs, wlen: w.length, pre, suf,
    finest: f === undefined ? NONE : f, fine: f === undefined ? NONE : Math.floor(f / SUBCLUSTERS),
    flags: initCap | (up > 0 && lo === 0 ? 2 : 0) | (dig ? 4 : 0) | (hyph ? 8 : 0) | (dot ? 16 : 0) | (lo > 0 ? 64 : 0) | (w.length === 1 ? 128 : 0),
    letters: up + lo, lowers: lo,
  }
}

/** The headline flag (256) of a sentence from its letter counts: ALL CAPS over more than 6 letters. */
export const headlineFlag = (letters: number, lowers: number): number => letters > 6 && lowers === 0 ? 256 : 0

function hashTokens(tokens: readonly string[], clusters: Clusters): TokenHashes {
  const n = tokens.length
  const h: TokenHashes = {
    lower: new Int32Array(n + 4), shape: new Int32Array(n + 4), fine: new Int32Array(n + 4), finest: new Int32Array(n),
    form: new Int32Array(n), flags: new Int32Array(n), wlen: new Int32Array(n), pre: new Int32Array(n * 4),
    suf: new Int32Array(n * 4), headline: 0,
  }
  const { lower, shape, fine, pre, suf } = h
  lower[0] = lower[1] = shape[0] = shape[1] = fine[0] = fine[1] = BOS
  lower[n + 2] = lower[n + 3] = shape[n + 2] = shape[n + 3] = fine[n + 2] = fine[n + 3] = EOS
  let letters = 0
  let lowers = 0
  for (let i = 0; i < n; i++) {
    const wh = hashWord(normaliseToken(tokens[i]!), clusters)
    for (let j = 0; j < wh.pre.length; j++) { pre[i * 4 + j] = wh.pre[j]!; suf[i * 4 + j] = wh.suf[j]! }
    h.form[i] = wh.form
    h.wlen[i] = wh.wlen
    lower[i + 2] = wh.lower
    shape[i + 2] = wh.shape
    h.finest[i] = wh.finest
    fine[i + 2] = wh.fine
    h.flags[i] = wh.flags | (i === 0 ? 32 : 0)
    letters += wh.letters
    lowers += wh.lowers
  }
  return { ...h, headline: headlineFlag(letters, lowers) }
}

/** Writes the static feature rows of token i at rows[o..]; returns the new end. */
function emitRows(h: TokenHashes, i: number, n: number, clusters: Clusters, gaz: Uint8Array, world: Uint8Array, rows: Int32Array, o: number): number {
  const { lower, shape, fine, pre, suf } = h
  const p = i + 2
  const put = (x: number): void => { rows[o++] = (x >>> 0) & ROW_MASK }
  put(mix(0, 0))
  put(mix(1, h.form[i]!))
  put(mix(2, lower[p]!))
  put(mix(3, lower[p - 1]!))
  put(mix(4, lower[p + 1]!))
  put(mix(5, lower[p - 2]!))
  put(mix(6, lower[p + 2]!))
  put(mix(7, lower[p - 1]!, lower[p]!))
  put(mix(8, lower[p]!, lower[p + 1]!))
  const len = Math.min(4, h.wlen[i]!)
  for (let k = 0; k < len; k++) { put(mix(9 + k, pre[i * 4 + k]!)); put(mix(13 + k, suf[i * 4 + k]!)) }
  put(mix(17, shape[p]!))
  put(mix(18, shape[p - 1]!))
  put(mix(19, shape[p + 1]!))
  put(mix(20, mix(shape[p - 1]!, shape[p]!), shape[p + 1]!))
  put(mix(21, h.flags[i]! | h.headline))
  put(mix(22, fine[p]!))
  put(mix(23, fine[p] === NONE ? NONE : clusters.coarseOf[fine[p]!]!))
  put(mix(24, fine[p - 1]!))
  put(mix(25, fine[p + 1]!))
  put(mix(26, fine[p - 1]!, fine[p]!))
  put(mix(33, fine[p - 2]!))
  put(mix(34, fine[p + 2]!))
  put(mix(35, fine[p]!, shape[p]!))
  put(mix(36, h.finest[i]!))
  put(mix(27, lower[p - 1]!, shape[p]!))
  put(mix(28, shape[p]!, lower[p + 1]!))
  for (let d = -1; d <= 1; d++) {
    const inside = i + d >= 0 && i + d < n
    const bits = inside ? gaz[i + d]! : 0
    for (let b = 0; b < 8; b++) if (bits & (1 << b)) put(mix(30 + d, b))
    const wbits = inside ? world[i + d]! : 0
    for (let b = 0; b < 8; b++) if (wbits & (1 << b)) put(mix(38 + d, b))
  }
  return o
}

/**
 * Extracts the static features of one sentence. `gaz` holds the B/I bits of the train-names + caller
 * gazetteer channel per token, `world` those of the world-countries channel.
 */
export function extractFeatures(tokens: readonly string[], clusters: Clusters, gaz: Uint8Array, world: Uint8Array): SentenceFeatures {
  const n = tokens.length
  const h = hashTokens(tokens, clusters)
  const rows = new Int32Array(n * MAX_STATIC)
  const counts = new Uint16Array(n)
  for (let i = 0; i < n; i++) counts[i] = emitRows(h, i, n, clusters, gaz, world, rows, i * MAX_STATIC) - i * MAX_STATIC
  const cap = Uint8Array.from(h.flags, (f) => f & 1)
  return { n, rows, counts, baseCounts: counts.slice(), lower: h.lower.subarray(2, n + 2), shape: h.shape.subarray(2, n + 2), cap }
}
