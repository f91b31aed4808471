// Bench of near-duplicate detection (issue 6): MinHash/LSH over 100,000 synthetic documents on one core,
// with a naive all-pairs exact-Jaccard peer on a small subset. Run: node --import tsx src/bench/corpus.ts [n]
import { findDuplicates, type DupInput } from '../corpus/duplicates.js'
import { NEAR_DUPLICATE_MIN } from '../corpus/corpus.data.js'
import { shingleHashes, wordHashes } from '../corpus/minhash.js'

/** Deterministic PRNG (mulberry32), so every run benches the same corpus. */
function rng(seed: number): () => number {
  return () => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296 }
}

/** A synthetic corpus: Zipf-like word choice; 8% near-copies (5% of words changed) and 2% exact copies of earlier documents. */
export function syntheticCorpus(n: number, seed = 42): { docs: DupInput[]; copyOf: Map<number, number> } {
  const r = rng(seed)
  const vocab = Array.from({ length: 20000 }, (_, i) => (i * 2654435761 >>> 0).toString(36).slice(0, 3 + (i % 6)))
  const word = () => vocab[Math.floor(vocab.length * r() ** 2.5)]
  const docs: DupInput[] = [], copyOf = new Map<number, number>()
  for (let i = 0; i < n; i++) {
    const roll = r()
    if (i > 10 && roll < 0.1) {
      const src = Math.floor(r() * i)
      const words = docs[src].body.split(' ')
      if (roll >= 0.02) for (let k = 0; k < words.length * 0.05; k++) words[Math.floor(r() * words.length)] = word()
      docs.push({ id: `s${i}`, body: words.join(' '), published: null, outlet: `o${i % 50}`, copy_of: null })
      copyOf.set(i, src)
    } else {
      const len = 180 + Math.floor(r() * 160)
      docs.push({ id: `s${i}`, body: Array.from({ length: len }, word).join(' '), published: null, outlet: `o${i % 50}`, copy_of: null })
    }
  }
  return { docs, copyOf }
}

/** Exact Jaccard of two sorted, de-duplicated hash arrays. */
function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0, j = 0, inter = 0
  while (i < a.length && j < b.length) { if (a[i] === b[j]) { inter++; i++; j++ } else if (a[i] < b[j]) i++; else j++ }
  return inter / (a.length + b.length - inter || 1)
}

/** Runs the bench: docs/s of MinHash/LSH at `n`, recall of the injected copies, and the all-pairs peer on a subset. */
export function benchCorpus(n = 100_000, peerN = 2_000) {
  const t0 = performance.now()
  const { docs, copyOf } = syntheticCorpus(n)
  const genS = (performance.now() - t0) / 1000
  const t1 = performance.now()
  const res = findDuplicates(docs)
  const lshS = (performance.now() - t1) / 1000
  const root = (i: number): number => (copyOf.has(i) ? root(copyOf.get(i)!) : i)
  let found = 0, falseLinks = 0
  for (const [i] of copyOf) if (res.originalOf.get(docs[i].id) === res.originalOf.get(docs[root(i)].id)) found++
  docs.forEach((d, i) => { const o = res.originalOf.get(d.id)!; if (o !== d.id && root(Number(o.slice(1))) !== root(i)) falseLinks++ })

  // the naive peer: exact Jaccard over every pair of a subset, O(n²)
  const sub = docs.slice(0, peerN)
  const t2 = performance.now()
  const sets = sub.map((d) => Uint32Array.from(new Set(shingleHashes(wordHashes(d.body)))).sort())
  const naivePairs = new Set<string>()
  for (let i = 0; i < sets.length; i++) for (let j = i + 1; j < sets.length; j++) if (jaccard(sets[i], sets[j]) >= NEAR_DUPLICATE_MIN) naivePairs.add(`${i}:${j}`)
  const naiveS = (performance.now() - t2) / 1000
  const t3 = performance.now()
  const subRes = findDuplicates(sub)
  const subLshS = (performance.now() - t3) / 1000
  const naiveGroupsAgree = [...naivePairs].filter((p) => { const [i, j] = p.split(':').map(Number); return subRes.originalOf.get(sub[i].id) === subRes.originalOf.get(sub[j].id) }).length
  return {
    documents: n, generate_s: +genS.toFixed(2), minhash_lsh_s: +lshS.toFixed(2), docs_per_s: Math.round(n / lshS), candidate_pairs: res.candidates,
    injected_copies: copyOf.size, copies_found: found, recall: +(found / copyOf.size).toFixed(4), false_links: falseLinks,
    peer: { name: 'naive all-pairs exact Jaccard', documents: peerN, seconds: +naiveS.toFixed(2), docs_per_s: Math.round(peerN / naiveS),
      extrapolated_s_at_n: Math.round(naiveS * (n / peerN) ** 2), pairs_found: naivePairs.size, pairs_also_found_by_lsh: naiveGroupsAgree, lsh_seconds_same_subset: +subLshS.toFixed(3) },
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(benchCorpus(Number(process.argv[2] ?? 100_000)), null, 2))
