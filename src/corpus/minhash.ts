import { LSH_BANDS, LSH_ROWS, MAX_BUCKET_SCAN, MINHASH_BINS, SHINGLE_WORDS } from './corpus.data.js'

/** Murmur3's 32-bit finaliser: spreads bits so that low bits of the result are well mixed. */
export function fmix32(h: number): number {
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16
  return h >>> 0
}

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && !(c >= 0x2010 && c <= 0x206f) && c !== 0xa0)

/** FNV-1a hashes of the text's lower-cased words, in order (one pass, no substrings). */
export function wordHashes(text: string): Uint32Array {
  const out: number[] = []
  let h = 0x811c9dc5, inWord = false
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32
    if (isWordChar(c)) { h = Math.imul(h ^ (c >= 65 && c <= 90 ? c | 32 : c), 0x01000193); inWord = true }
    else if (inWord) { out.push(h >>> 0); h = 0x811c9dc5; inWord = false }
  }
  return Uint32Array.from(out)
}

/** Hashes of every run of `k` consecutive words (all words when the text is shorter than `k`). */
export function shingleHashes(words: Uint32Array, k = SHINGLE_WORDS): Uint32Array {
  if (words.length < k) return words.length ? Uint32Array.of(words.reduce((h, w) => fmix32(h ^ w), 0x9747b28c)) : new Uint32Array()
  const out = new Uint32Array(words.length - k + 1)
  for (let i = 0; i < out.length; i++) {
    let h = 0x9747b28c
    for (let j = 0; j < k; j++) h = fmix32(Math.imul(h, 31) ^ words[i + j])
    out[i] = h
  }
  return out
}

/**
 * One-permutation MinHash with rotation densification: each shingle is hashed once, falls into one of `bins`
 * bins and keeps the bin's minimum; empty bins borrow from the next full bin. Same estimator as classic MinHash
 * (fraction of equal bins ≈ Jaccard) at O(shingles + bins) instead of O(shingles × bins).
 */
export function minhashSignature(shingles: Uint32Array, bins = MINHASH_BINS): Uint32Array {
  const sig = new Uint32Array(bins).fill(0xffffffff)
  const full = new Uint8Array(bins)
  for (let i = 0; i < shingles.length; i++) {
    const h = fmix32(shingles[i] ^ 0x5bd1e995)
    const b = h % bins
    const v = fmix32(h + 0x27d4eb2f)
    if (v < sig[b]) sig[b] = v
    full[b] = 1
  }
  if (!shingles.length) return sig
  for (let b = 0; b < bins; b++) {
    if (full[b]) continue
    let j = (b + 1) % bins, d = 1
    while (!full[j]) { j = (j + 1) % bins; d++ }
    sig[b] = fmix32(sig[j] + Math.imul(d, 0x9e3779b1))
  }
  return sig
}

/** Fraction of equal bins: the MinHash estimate of the shingle sets' Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++
  return a.length ? same / a.length : 0
}

/** Signature of a text, from words through shingles. */
export const textSignature = (text: string): Uint32Array => minhashSignature(shingleHashes(wordHashes(text)))

/** The LSH bucket key of each band of a signature (30-bit: V8 keeps them as small integers); the incremental analysis stores them. */
export function bandKeys(sig: Uint32Array, bands = LSH_BANDS, rows = LSH_ROWS): number[] {
  const out: number[] = []
  for (let b = 0; b < bands; b++) {
    let h = Math.imul(b + 1, 0x9e3779b1)
    for (let r = 0; r < rows; r++) h = fmix32(h ^ sig[b * rows + r])
    out.push(h >>> 2)
  }
  return out
}

/**
 * Locality-sensitive hashing over signatures: each band of `rows` bins is one bucket key, so documents that
 * agree on any whole band become candidates. Insert-and-query is O(bands) per document.
 */
export class LshIndex {
  // keys are 30-bit so V8 keeps them as small integers; most buckets hold one id, stored bare
  private readonly buckets = new Map<number, number | number[]>()
  constructor(readonly bands = LSH_BANDS, readonly rows = LSH_ROWS) {}

  /** Adds document `id` and returns the ids already indexed that share a band with it (each once). */
  add(id: number, sig: Uint32Array): number[] {
    const seen: number[] = []
    for (const key of bandKeys(sig, this.bands, this.rows)) {
      const bucket = this.buckets.get(key)
      if (bucket === undefined) { this.buckets.set(key, id); continue }
      if (typeof bucket === 'number') { seen.push(bucket); this.buckets.set(key, [bucket, id]); continue }
      // a huge bucket is one big cluster: its first members are enough to join it (keeps the index sub-quadratic)
      for (let i = 0; i < Math.min(bucket.length, MAX_BUCKET_SCAN); i++) seen.push(bucket[i])
      if (bucket.length < MAX_BUCKET_SCAN) bucket.push(id)
    }
    return seen.length > 1 ? [...new Set(seen)] : seen
  }
}

/** A key for exact duplicates: two independent hashes of the word sequence (case and spacing do not count). */
export function exactKey(words: Uint32Array): string {
  let a = 0x811c9dc5, b = words.length
  for (let i = 0; i < words.length; i++) { a = fmix32(a ^ words[i]); b = Math.imul(b, 0x01000193) ^ words[i] }
  return `${a.toString(36)}.${(b >>> 0).toString(36)}.${words.length}`
}
