import type { DocumentRecord, OutletProfileRecord } from '../model/records.js'
import { documentTone, loadLexicon } from '../stages/framing/index.js'
import { outletOf, shortHash } from './story-events.js'

/** Most evidence snippets kept per term and outlet. */
const MAX_EVIDENCE = 5

const hostOf = (url: string | null) => { try { return url ? new URL(url).hostname.replace(/^www\./, '') : null } catch { return null } }

/**
 * Per-outlet framing profile: which lexicon terms it uses in its own voice, how often per 1,000 words, with
 * evidence, and its tone (mean of its documents'). Copies count for the outlet they copy, once.
 */
export function outletProfiles(docs: readonly DocumentRecord[], originalOf: ReadonlyMap<string, string>): OutletProfileRecord[] {
  const lexicon = loadLexicon()
  const groups = new Map<string, DocumentRecord[]>()
  for (const d of docs) {
    if ((originalOf.get(d.id) ?? d.id) !== d.id) continue
    const name = outletOf(d) ?? hostOf(d.source.url)
    if (!name) continue
    const g = groups.get(name); if (g) g.push(d); else groups.set(name, [d])
  }
  return [...groups].map(([name, ds]) => {
    const detail = ds.map((d) => {
      const body = d.body.join('\n')
      return { doc: d.id, words: (body.match(/[\p{L}\p{N}]+/gu) ?? []).length, tone: documentTone(body, d.framing, lexicon), terms: d.framing.length }
    })
    const words = detail.reduce((s, x) => s + x.words, 0)
    const terms = new Map<string, { term: string; neutral: string; count: number; evidence: { doc: string; start: number; end: number; text: string }[] }>()
    for (const d of ds) for (const f of d.framing) {
      const key = f.label ?? f.term.toLowerCase()
      const t = terms.get(key) ?? { term: key, neutral: f.neutral, count: 0, evidence: [] }
      t.count++
      if (t.evidence.length < MAX_EVIDENCE) t.evidence.push({ doc: d.id, start: f.start, end: f.end, text: f.text })
      terms.set(key, t)
    }
    return {
      kind: 'outlet' as const, id: 'ou_' + shortHash(name.toLowerCase()), name, documents: ds.length, words,
      terms: [...terms.values()].sort((a, b) => b.count - a.count || a.term.localeCompare(b.term))
        .map((t) => ({ ...t, per_1000_words: words ? Math.round((t.count / words) * 1e6) / 1e3 : 0 })),
      tone: detail.length ? Math.round((detail.reduce((s, x) => s + x.tone, 0) / detail.length) * 1000) / 1000 : 0,
      documents_detail: detail,
    }
  })
}
