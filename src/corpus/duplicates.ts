import type { DocumentRecord } from '../model/records.js'
import { COPY_MIN, NEAR_DUPLICATE_MIN } from './corpus.data.js'
import { estimateJaccard, exactKey, LshIndex, minhashSignature, shingleHashes, wordHashes } from './minhash.js'
import { UnionFind } from './union-find.js'

/** What duplicate detection needs of a document. */
export interface DupInput { readonly id: string; readonly body: string; readonly published: string | null; readonly outlet: string | null; readonly copy_of: string | null }

export type Duplicate = NonNullable<DocumentRecord['duplicates']>[number]

/** Result: duplicate links per document, and each document's original (itself when it is not a copy). */
export interface DuplicateResult {
  readonly links: ReadonlyMap<string, Duplicate[]>
  readonly originalOf: ReadonlyMap<string, string>
  /** candidate pairs checked, for the bench */
  readonly candidates: number
}

const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim()
const sameOutlet = (a: string | null, b: string | null) => !!a && !!b && (normalise(a).includes(normalise(b)) || normalise(b).includes(normalise(a)))

/**
 * Exact and near-duplicate pages: exact by hash of the body's word sequence, near by MinHash/LSH over word
 * shingles. Within a group, the original is the page whose outlet a copy names (its `copy_of`), else the
 * earliest published, else the first ingested.
 */
export function findDuplicates(docs: readonly DupInput[]): DuplicateResult {
  const uf = new UnionFind(docs.length)
  const sim = new Map<string, number>()
  const exact = new Map<string, number>()
  const lsh = new LshIndex()
  const sigs: Uint32Array[] = []
  let candidates = 0
  docs.forEach((d, i) => {
    const words = wordHashes(d.body)
    const key = exactKey(words)
    const first = exact.get(key)
    sigs.push(first !== undefined ? sigs[first] : minhashSignature(shingleHashes(words)))
    if (first !== undefined) { uf.union(first, i); sim.set(`${first}:${i}`, 1); return }
    exact.set(key, i)
    if (!words.length) return
    for (const j of lsh.add(i, sigs[i])) {
      candidates++
      const s = estimateJaccard(sigs[i], sigs[j])
      if (s >= NEAR_DUPLICATE_MIN) { uf.union(j, i); sim.set(`${j}:${i}`, s) }
    }
  })
  const links = new Map<string, Duplicate[]>()
  const originalOf = new Map<string, string>(docs.map((d) => [d.id, d.id]))
  for (const group of uf.groups()) {
    if (group.length < 2) continue
    const orig = pickOriginal(group.map((i) => docs[i]), group)
    for (const i of group) {
      if (i === orig) continue
      const s = Math.round((sim.get(`${Math.min(i, orig)}:${Math.max(i, orig)}`) ?? estimateJaccard(sigs[i], sigs[orig])) * 1000) / 1000
      const copy = s >= COPY_MIN
      push(links, docs[i].id, { doc: docs[orig].id, similarity: s, relation: copy ? 'copy-of' : 'near-duplicate' })
      push(links, docs[orig].id, { doc: docs[i].id, similarity: s, relation: copy ? 'copied-by' : 'near-duplicate' })
      originalOf.set(docs[i].id, docs[orig].id)
    }
  }
  return { links, originalOf, candidates }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) { const l = m.get(k); if (l) l.push(v); else m.set(k, [v]) }

/** Index (in `idx`) of the group's original. */
function pickOriginal(group: readonly DupInput[], idx: readonly number[]): number {
  for (const c of group) {
    if (!c.copy_of) continue
    const named = group.findIndex((o) => o !== c && sameOutlet(o.outlet, c.copy_of))
    if (named >= 0) return idx[named]
  }
  let best = 0
  group.forEach((d, k) => {
    const b = group[best]
    if (d.published && (!b.published || d.published < b.published)) best = k
  })
  return idx[best]
}
