import type { DocumentRecord, OutletProfileRecord } from '../model/records.js'
import { documentTone, loadLexicon } from '../stages/framing/index.js'
import { outletOf, shortHash } from './story-events.js'

/** Most evidence snippets kept per term and outlet. */
export const MAX_EVIDENCE = 5

const hostOf = (url: string | null) => { try { return url ? new URL(url).hostname.replace(/^www\./, '') : null } catch { return null } }

/** The outlet a document's profile counts it for: the outlet it speaks for, else its site. */
export const profileName = (d: DocumentRecord): string | null => outletOf(d) ?? hostOf(d.source.url)

/** The id of an outlet's profile. */
export const outletId = (name: string) => 'ou_' + shortHash(name.toLowerCase())

type Detail = NonNullable<OutletProfileRecord['documents_detail']>[number]
type Term = OutletProfileRecord['terms'][number]

/** What one original document adds to its outlet's profile: its words, tone and framing terms (each with its evidence). */
export interface OutletShare {
  readonly name: string
  readonly detail: Detail
  readonly framing: readonly { readonly key: string; readonly neutral: string; readonly evidence: Term['evidence'][number] }[]
}

/** The shares of the original documents that have an outlet, in document order (copies count for the outlet they copy, once). */
export function outletShares(docs: readonly DocumentRecord[], originalOf: ReadonlyMap<string, string>, opts: { tone?: boolean } = {}): OutletShare[] {
  const lexicon = loadLexicon()
  // without `tone`, words and tone are left at 0 (a caller that needs only the framing terms)
  const measure = opts.tone !== false
  const out: OutletShare[] = []
  for (const d of docs) {
    if ((originalOf.get(d.id) ?? d.id) !== d.id) continue
    const name = profileName(d)
    if (!name) continue
    const body = measure ? d.body.join('\n') : ''
    out.push({
      name, detail: { doc: d.id, words: measure ? (body.match(/[\p{L}\p{N}]+/gu) ?? []).length : 0, tone: measure ? documentTone(body, d.framing, lexicon) : 0, terms: d.framing.length },
      framing: d.framing.map((f) => ({ key: f.label ?? f.term.toLowerCase(), neutral: f.neutral, evidence: { doc: d.id, start: f.start, end: f.end, text: f.text } })),
    })
  }
  return out
}

/** An outlet's profile from its documents' shares (in document order), with terms as counted (`counts`) when given. */
export function profileOf(name: string, shares: readonly OutletShare[]): OutletProfileRecord {
  const detail = shares.map((s) => s.detail)
  const terms = new Map<string, { term: string; neutral: string; count: number; evidence: Term['evidence'][number][] }>()
  for (const s of shares) for (const f of s.framing) {
    const t = terms.get(f.key) ?? { term: f.key, neutral: f.neutral, count: 0, evidence: [] }
    t.count++
    if (t.evidence.length < MAX_EVIDENCE) t.evidence.push(f.evidence)
    terms.set(f.key, t)
  }
  return finishProfile(name, detail, [...terms.values()])
}

/** A profile from its per-document detail and its terms (counted, with evidence): totals, rates, order. */
export function finishProfile(name: string, detail: readonly Detail[], terms: readonly Omit<Term, 'per_1000_words'>[]): OutletProfileRecord {
  const words = detail.reduce((s, x) => s + x.words, 0)
  return {
    kind: 'outlet' as const, id: outletId(name), name, documents: detail.length, words,
    terms: [...terms].sort((a, b) => b.count - a.count || a.term.localeCompare(b.term))
      .map((t) => ({ ...t, per_1000_words: words ? Math.round((t.count / words) * 1e6) / 1e3 : 0 })),
    tone: detail.length ? Math.round((detail.reduce((s, x) => s + x.tone, 0) / detail.length) * 1000) / 1000 : 0,
    documents_detail: detail,
  }
}

/**
 * Per-outlet framing profile: which lexicon terms it uses in its own voice, how often per 1,000 words, with
 * evidence, and its tone (mean of its documents'). Copies count for the outlet they copy, once.
 */
export function outletProfiles(docs: readonly DocumentRecord[], originalOf: ReadonlyMap<string, string>): OutletProfileRecord[] {
  const groups = new Map<string, OutletShare[]>()
  for (const s of outletShares(docs, originalOf)) { const g = groups.get(s.name); if (g) g.push(s); else groups.set(s.name, [s]) }
  return [...groups].map(([name, shares]) => profileOf(name, shares))
}
