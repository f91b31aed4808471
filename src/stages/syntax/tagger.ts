/**
 * Greedy left-to-right averaged-perceptron UPOS tagger. Words are hashed with the NER model's `hashWord`
 * (form, lower-cased form, shape, prefixes and suffixes 1-4, word clusters of models/ner/clusters.tsv.gz);
 * features are the word and its neighbours (±2), their suffixes, shapes and clusters, and the two previous
 * predicted tags. Frequent unambiguous words are tagged from a tag dictionary and never scored.
 */
import { BOS, EOS, hashWord, mix, normaliseToken, type Clusters, type WordHashes } from '../entities/ner/features.js'
import { argmax, type Averaged, type RowScorer } from './perceptron.js'
import { N_TAGS, TAGDICT_MIN_COUNT, TAGDICT_MIN_SHARE, TAGGER_HASH_BITS } from './syntax.data.js'

/** History value before the first token. */
export const TAG_START = N_TAGS
const MASK = (1 << TAGGER_HASH_BITS) - 1
/** Most rows one token can have. */
export const TAG_MAX_ROWS = 48

/**
 * The hashes of a word plus its 3-char suffix hash (padding words have only padding hashes), and the slot where
 * the run-time tagger of the parser that hashed it keeps the word's partial scores (`fast-tagger.ts`; null until then).
 */
export interface TagWord { readonly norm: string; readonly h: WordHashes; readonly suf3: number; scores: Int32Array | null }

const pad = (x: number): TagWord => ({
  norm: '',
  h: { form: x, lower: x, shape: x, wlen: 0, pre: [], suf: [], finest: x, fine: x, flags: 0, letters: 0, lowers: 0 }, suf3: x, scores: null,
})
/** The words before the first token and after the last. */
export const BOS_WORD = pad(BOS), EOS_WORD = pad(EOS)

/** Hashes words, caching them by form (the same token always hashes the same). */
export class WordCache {
  private readonly cache = new Map<string, TagWord>()
  constructor(readonly clusters: Clusters, private readonly max = 100_000) {}
  get(token: string): TagWord {
    let w = this.cache.get(token)
    if (w) return w
    const norm = normaliseToken(token)
    const h = hashWord(norm, this.clusters)
    w = { norm, h, suf3: h.suf.length ? h.suf[Math.min(2, h.suf.length - 1)]! : EOS, scores: null }
    if (this.cache.size >= this.max) this.cache.clear()
    this.cache.set(token, w)
    return w
  }
}

/** Tag dictionary: normalised form -> tag id, for frequent words that (almost) always carry one tag. */
export function buildTagDict(sentences: readonly { forms: readonly string[]; tags: Uint8Array }[]): Map<string, number> {
  const counts = new Map<string, Int32Array>()
  for (const s of sentences) s.forms.forEach((f, i) => {
    const k = normaliseToken(f)
    let c = counts.get(k)
    if (!c) counts.set(k, (c = new Int32Array(N_TAGS)))
    c[s.tags[i]!]!++
  })
  const dict = new Map<string, number>()
  for (const [k, c] of counts) {
    let total = 0, best = 0
    for (let t = 0; t < N_TAGS; t++) { total += c[t]!; if (c[t]! > c[best]!) best = t }
    if (total >= TAGDICT_MIN_COUNT && c[best]! / total >= TAGDICT_MIN_SHARE) dict.set(k, best)
  }
  return dict
}

const row = (x: number): number => (x >>> 0) & MASK

/**
 * Writes the rows of token i (static features and the tag history p1, p2) into buf; returns the count. `first`
 * (second pass only) holds the first pass's tags, so the second pass sees the tags to the right too.
 */
export function tagRows(words: readonly TagWord[], i: number, p1: number, p2: number, buf: Int32Array, first?: Uint8Array): number {
  const n = words.length
  const w = words[i]!, h = w.h
  const m1 = i > 0 ? words[i - 1]! : BOS_WORD, m2 = i > 1 ? words[i - 2]! : BOS_WORD
  const n1 = i + 1 < n ? words[i + 1]! : EOS_WORD, n2 = i + 2 < n ? words[i + 2]! : EOS_WORD
  let o = 0
  buf[o++] = row(mix(100, 0))
  buf[o++] = row(mix(101, h.lower))
  buf[o++] = row(mix(102, h.form))
  const len = Math.min(4, h.wlen)
  for (let k = 0; k < len; k++) { buf[o++] = row(mix(103 + k, h.pre[k]!)); buf[o++] = row(mix(107 + k, h.suf[k]!)) }
  buf[o++] = row(mix(111, h.shape))
  buf[o++] = row(mix(112, h.flags | (i === 0 ? 32 : 0)))
  buf[o++] = row(mix(113, m1.h.lower))
  buf[o++] = row(mix(114, n1.h.lower))
  buf[o++] = row(mix(115, m2.h.lower))
  buf[o++] = row(mix(116, n2.h.lower))
  buf[o++] = row(mix(117, m1.suf3))
  buf[o++] = row(mix(118, n1.suf3))
  buf[o++] = row(mix(119, h.fine))
  buf[o++] = row(mix(120, h.finest))
  buf[o++] = row(mix(121, m1.h.fine))
  buf[o++] = row(mix(122, n1.h.fine))
  buf[o++] = row(mix(123, m1.h.lower, h.lower))
  buf[o++] = row(mix(124, h.lower, n1.h.lower))
  buf[o++] = row(mix(125, n1.h.shape))
  buf[o++] = row(mix(126, m1.h.shape))
  buf[o++] = row(mix(127, n2.h.fine))
  buf[o++] = row(mix(128, m2.h.fine))
  return pairAndTagRows(words, i, n1, p1, p2, buf, o, first)
}

/**
 * The last rows of both `tagRows` and `contextRows`, in the same order: the word with the next one's cluster, the tag
 * history, and (second pass) the first pass's tags around the word; written into buf from o; returns the new end.
 */
function pairAndTagRows(words: readonly TagWord[], i: number, n1: TagWord, p1: number, p2: number, buf: Int32Array, o: number, first?: Uint8Array): number {
  const n = words.length
  const w = words[i]!, h = w.h
  buf[o++] = row(mix(129, h.fine, n1.h.fine))
  buf[o++] = row(mix(130, p1))
  buf[o++] = row(mix(131, p1, p2))
  buf[o++] = row(mix(132, p1, h.lower))
  buf[o++] = row(mix(133, p1, w.suf3))
  buf[o++] = row(mix(134, p1, n1.h.lower))
  if (first) {
    const r0 = first[i]!, r1 = i + 1 < n ? first[i + 1]! : TAG_START, r2 = i + 2 < n ? first[i + 2]! : TAG_START
    buf[o++] = row(mix(150, r1))
    buf[o++] = row(mix(151, r1, r2))
    buf[o++] = row(mix(152, h.lower, r1))
    buf[o++] = row(mix(153, r0))
    buf[o++] = row(mix(154, r0, r1))
    buf[o++] = row(mix(155, p1, r1))
    buf[o++] = row(mix(156, w.suf3, r1))
    buf[o++] = row(mix(157, r0, h.lower))
    buf[o++] = row(mix(158, p1 * 32 + r0, r1))
  }
  return o
}

/**
 * Where a word stands to the token being tagged, for the rows that read that word alone (`roleRows`): the token
 * itself (with the bias row), the one and two before it, the one and two after it.
 */
export const SELF = 0, PREV1 = 1, NEXT1 = 2, PREV2 = 3, NEXT2 = 4
/** Number of roles. */
export const ROLES = 5

/**
 * The rows of `tagRows` that read one word alone, in one role: written into buf from o; returns the new end.
 * With `contextRows` they are the same rows as `tagRows` (a test checks it), in another order; the run-time
 * tagger (`fast-tagger.ts`) sums them once per distinct word, since its integer sums do not depend on the order.
 */
export function roleRows(w: TagWord, role: number, buf: Int32Array, o: number): number {
  const h = w.h
  if (role === SELF) {
    buf[o++] = row(mix(100, 0))
    buf[o++] = row(mix(101, h.lower))
    buf[o++] = row(mix(102, h.form))
    const len = Math.min(4, h.wlen)
    for (let k = 0; k < len; k++) { buf[o++] = row(mix(103 + k, h.pre[k]!)); buf[o++] = row(mix(107 + k, h.suf[k]!)) }
    buf[o++] = row(mix(111, h.shape))
    buf[o++] = row(mix(119, h.fine))
    buf[o++] = row(mix(120, h.finest))
  } else if (role === PREV1) {
    buf[o++] = row(mix(113, h.lower))
    buf[o++] = row(mix(117, w.suf3))
    buf[o++] = row(mix(121, h.fine))
    buf[o++] = row(mix(126, h.shape))
  } else if (role === NEXT1) {
    buf[o++] = row(mix(114, h.lower))
    buf[o++] = row(mix(118, w.suf3))
    buf[o++] = row(mix(122, h.fine))
    buf[o++] = row(mix(125, h.shape))
  } else if (role === PREV2) {
    buf[o++] = row(mix(115, h.lower))
    buf[o++] = row(mix(128, h.fine))
  } else {
    buf[o++] = row(mix(116, h.lower))
    buf[o++] = row(mix(127, h.fine))
  }
  return o
}

/** The rows of `tagRows` that read two words, the position or the tags (the ones `roleRows` leaves out); returns the count. */
export function contextRows(words: readonly TagWord[], i: number, p1: number, p2: number, buf: Int32Array, first?: Uint8Array): number {
  const n = words.length
  const w = words[i]!, h = w.h
  const m1 = i > 0 ? words[i - 1]! : BOS_WORD, n1 = i + 1 < n ? words[i + 1]! : EOS_WORD
  let o = 0
  buf[o++] = row(mix(112, h.flags | (i === 0 ? 32 : 0)))
  buf[o++] = row(mix(123, m1.h.lower, h.lower))
  buf[o++] = row(mix(124, h.lower, n1.h.lower))
  return pairAndTagRows(words, i, n1, p1, p2, buf, o, first)
}

const bufs = { rows: new Int32Array(TAG_MAX_ROWS), f: new Float64Array(N_TAGS), q: new Int32Array(N_TAGS) }

/**
 * Tags one sentence greedily; dictionary words are looked up by normalised form. With `first` (the first pass's
 * tags) this is the second pass.
 */
export function tagSentence(scorer: RowScorer, dict: ReadonlyMap<string, number>, words: readonly TagWord[], out: Uint8Array, exact = false, first?: Uint8Array): void {
  const scores = exact ? bufs.f : bufs.q
  let p1: number = TAG_START, p2: number = TAG_START
  for (let i = 0; i < words.length; i++) {
    let t = dict.get(words[i]!.norm)
    if (t === undefined) {
      const count = tagRows(words, i, p1, p2, bufs.rows, first)
      scores.fill(0)
      scorer.addAll(bufs.rows, count, scores, 0)
      t = argmax(scores, N_TAGS)
    }
    out[i] = t
    p2 = p1
    p1 = t
  }
}

/** One training pass over a sentence (gold tags); returns the errors. Dictionary words are not trained on. */
export function trainTagSentence(model: Averaged, dict: ReadonlyMap<string, number>, words: readonly TagWord[], gold: Uint8Array, first?: Uint8Array): number {
  const scores = bufs.f
  let p1: number = TAG_START, p2: number = TAG_START, errors = 0
  for (let i = 0; i < words.length; i++) {
    let t = dict.get(words[i]!.norm)
    if (t === undefined) {
      const count = tagRows(words, i, p1, p2, bufs.rows, first)
      scores.fill(0)
      model.scorer.addAll(bufs.rows, count, scores, 0)
      t = argmax(scores, N_TAGS)
      if (t !== gold[i]) { model.update(bufs.rows, count, gold[i]!, t); errors++ }
      model.step++
    }
    p2 = p1
    p1 = t
  }
  return errors
}
