import type { DocumentRecord, OutletProfileRecord } from '../model/records.js'
import type { Store } from '../store/store.js'
import { finishProfile, MAX_EVIDENCE, outletId, outletShares } from './outlets.js'

type Term = OutletProfileRecord['terms'][number]
type Evidence = Term['evidence'][number]

/**
 * The outlet profiles a re-analysed part of the corpus changes, as the whole analysis would give them: each stored
 * profile without what the part's documents added to it before (their framing has not changed; whether they were
 * counted is in its `documents_detail`), with what they add now (`now`: the part's own profiles), in ingest order.
 * Null when a term's evidence (its first MAX_EVIDENCE) lost a snippet that only the documents outside the part could
 * replace: then only the whole analysis can give the profile. `order`: every current document's place in ingest order.
 */
export async function mergeOutlets(store: Pick<Store, 'corpusByIds'>, part: readonly DocumentRecord[], now: readonly OutletProfileRecord[], order: ReadonlyMap<string, string>): Promise<{ records: OutletProfileRecord[]; removed: string[] } | null> {
  const inPart = new Set(part.map((d) => d.id))
  // what each document of the part would add as an original of the outlet it spoke for before this analysis
  const before = outletShares(part, new Map(), { tone: false })
  const names = new Map<string, string>()
  for (const s of before) names.set(outletId(s.name), s.name)
  for (const p of now) names.set(p.id, p.name)
  if (!names.size) return { records: [], removed: [] }
  const stored = new Map((await store.corpusByIds('outlet', [...names.keys()])).map((p) => [p.id, p]))
  const nowById = new Map(now.map((p) => [p.id, p]))
  const ord = (doc: string) => order.get(doc) ?? ''
  const records: OutletProfileRecord[] = [], removed: string[] = []
  for (const [id, name] of names) {
    const old = stored.get(id), add = nowById.get(id)
    const counted = new Set((old?.documents_detail ?? []).map((x) => x.doc).filter((d) => inPart.has(d)))
    const detail = [...(old?.documents_detail ?? []).filter((x) => !inPart.has(x.doc)), ...(add?.documents_detail ?? [])].sort((a, b) => cmp(ord(a.doc), ord(b.doc)))
    const terms = new Map<string, { term: string; neutral: string; count: number; evidence: Evidence[]; full: string | null }>()
    for (const t of old?.terms ?? []) {
      const kept = t.evidence.filter((e) => !inPart.has(e.doc))
      // a full list that lost a snippet: the merged list must still end no later than it did
      const full = t.evidence.length >= MAX_EVIDENCE && kept.length < t.evidence.length ? ord(t.evidence.at(-1)!.doc) : null
      terms.set(t.term, { term: t.term, neutral: t.neutral, count: t.count, evidence: kept, full })
    }
    for (const s of before) if (s.name === name && counted.has(s.detail.doc)) for (const f of s.framing) { const t = terms.get(f.key); if (t) t.count-- }
    for (const t of add?.terms ?? []) {
      const e = terms.get(t.term)
      if (!e || e.count <= 0) terms.set(t.term, { term: t.term, neutral: t.neutral, count: t.count, evidence: [...(e?.evidence ?? []), ...t.evidence], full: e?.full ?? null })
      else { e.count += t.count; e.evidence.push(...t.evidence) }
    }
    const out: Omit<Term, 'per_1000_words'>[] = []
    for (const t of terms.values()) {
      if (t.count <= 0) continue
      const evidence = t.evidence.map((e, i) => ({ e, i })).sort((a, b) => cmp(ord(a.e.doc), ord(b.e.doc)) || a.i - b.i).map((x) => x.e).slice(0, MAX_EVIDENCE)
      if (t.full !== null && (evidence.length < MAX_EVIDENCE || cmp(ord(evidence.at(-1)!.doc), t.full) > 0)) return null
      out.push({ term: t.term, neutral: t.neutral, count: t.count, evidence })
    }
    if (!detail.length) { if (old) removed.push(id); continue }
    records.push(finishProfile(old?.name ?? name, detail, out))
  }
  return { records, removed }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
