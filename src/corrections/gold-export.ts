/**
 * `dossier gold export`: the corrected documents written as gold, one `<stem>.json` per page in the schema of
 * `../shared/gold/seeds` (README there), so `dossier eval --gold <dir> --pages <the pages>` scores the machine
 * against the analysts. `dossier eval` finds a page's gold by the file stem of the page's path, so the stem is the
 * page's file name without its extension (a page with no path: its URL's last segment, else its document id).
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DossierError } from '../errors.js'
import { stemOf } from '../eval/text-match.js'
import type { Store } from '../store/store.js'
import type { CorrectedDocument, CorrectedEvent } from './apply.js'
import { correctedStore, resolveCorrections } from './view.js'

export interface GoldExportOptions {
  /** only the documents an analyst touched: at least one correction attached, or marked reviewed */
  readonly reviewedOnly?: boolean
}

export interface GoldExportSummary {
  readonly out: string
  readonly reviewed_only: boolean
  readonly documents: number
  readonly events: number
  readonly written: readonly { readonly file: string; readonly events: number; readonly corrections: number; readonly reviewed: boolean }[]
  /** documents left out: another page has the same file stem (eval could not tell them apart) */
  readonly skipped: readonly { readonly doc: string; readonly file: string; readonly reason: string }[]
  readonly corrections: { readonly active: number; readonly attached: number; readonly orphaned: number }
}

/** The file stem a page's gold is written under (what `dossier eval` matches a page by). */
export function goldStem(d: { id: string; source: { path: string | null; url: string | null } }): string {
  if (d.source.path) return stemOf(d.source.path.replace(/#.*$/, ''))
  const seg = d.source.url ? d.source.url.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() ?? '' : ''
  return (stemOf(seg) || d.id).replace(/[^\p{L}\p{N}._-]+/gu, '-')
}

/** An event's date basis for the gold: an analyst's date is stated; an inferred one needs other pages. */
function basisOf(e: CorrectedEvent): string | null {
  if (e.date == null) return null
  if (e.correction?.machine && 'date' in e.correction.machine) return 'stated'
  if (e.date_inferred) return 'inferred'
  return e.date_basis && e.date_basis !== 'unresolved' ? e.date_basis : 'stated'
}

/** One corrected document as a gold page (schema of ../shared/gold/seeds). */
export function goldPage(d: CorrectedDocument, stem: string): Record<string, unknown> {
  const note = (e: CorrectedEvent) => {
    const c = e.correction
    if (!c || c.status === 'accepted') return c ? 'accepted by an analyst' : undefined
    if (c.status === 'added') return 'added by an analyst (missed by the machine)'
    return `corrected by an analyst: ${Object.entries(c.machine ?? {}).map(([k, v]) => `${k} was ${JSON.stringify(v && typeof v === 'object' && 'name' in v ? (v as { name: string }).name : v)}`).join(', ')}`
  }
  return {
    doc: stem, outlet: d.outlet, copy_of: d.copy_of, title: d.title, title_alternatives: [], published: d.published ? d.published.slice(0, 10) : null,
    page_dates_not_publication: [], author: d.author, body: d.body, body_optional: [], excluded_inside_body: [],
    entities: d.entities.map((e) => ({ name: e.name, type: e.type, affiliation: e.affiliation, role_at_time: null, mentions: [...new Set(e.mentions.map((m) => m.text))] })),
    events: d.events.map((e) => ({
      type: e.type, mode: e.mode, source_actor: e.source_actor?.name ?? null, target_actor: e.target_actor?.name ?? null,
      date: e.date ? e.date.slice(0, 10) : null, date_basis: basisOf(e), date_precision: e.date ? e.date_precision : null, location: e.location,
      evidence: e.evidence.text, ...(note(e) ? { note: note(e) } : {}),
    })),
    quotes: d.quotes.map((q) => ({ speaker: q.speaker?.name ?? null, text: q.text })), quotes_optional: [],
    claims: d.claims.map((c) => ({ what: c.what, value: c.value, qualifier: c.qualifier, unit: c.unit, evidence: c.evidence.text })),
    framing: d.framing.map((f) => ({ term: f.term, neutral: f.neutral, evidence: f.text })),
    dossier: { document: d.id, reviewed: !!d.reviewed, wrong_events: (d.wrong_events ?? []).map((w) => ({ type: w.fact.type, evidence: w.fact.evidence.text, reason: w.reason })) },
  }
}

/**
 * Writes the gold folder. Every current document by default; with `reviewedOnly`, those an analyst touched. A
 * folder that already holds .json files is refused (eval would read them as gold too).
 */
export async function exportGold(store0: Store, out: string, opts: GoldExportOptions = {}): Promise<GoldExportSummary> {
  const store = correctedStore(store0)
  const r = await resolveCorrections(store0)
  const touched = new Set([...r.states.values()].filter((s) => s.status === 'attached' && s.doc).map((s) => s.doc!))
  const perDoc = new Map<string, number>()
  for (const s of r.states.values()) if (s.status === 'attached' && s.doc) perDoc.set(s.doc, (perDoc.get(s.doc) ?? 0) + 1)
  const docs = (await store.allDocuments()) as CorrectedDocument[]
  mkdirSync(out, { recursive: true })
  const stale = readdirSync(out).filter((f) => f.endsWith('.json'))
  if (stale.length) throw new DossierError('E_USAGE', `Expected --out ${out} to hold no .json files (dossier eval would read them as gold), got ${stale.length}: ${stale.slice(0, 3).join(', ')}`)
  const written: { file: string; events: number; corrections: number; reviewed: boolean }[] = [], skipped: { doc: string; file: string; reason: string }[] = []
  const used = new Map<string, string>()
  for (const d of docs) {
    if (opts.reviewedOnly && !touched.has(d.id)) continue
    const stem = goldStem(d)
    const file = `${stem}.json`
    if (used.has(stem) || stem === 'cross-document') { skipped.push({ doc: d.id, file, reason: stem === 'cross-document' ? 'the name of the cross-document file' : `the same file stem as document ${used.get(stem)}` }); continue }
    used.set(stem, d.id)
    writeFileSync(join(out, file), JSON.stringify(goldPage(d, stem), null, 2) + '\n')
    written.push({ file, events: d.events.length, corrections: perDoc.get(d.id) ?? 0, reviewed: !!d.reviewed })
  }
  const states = [...r.states.values()]
  return {
    out, reviewed_only: !!opts.reviewedOnly, documents: written.length, events: written.reduce((n, w) => n + w.events, 0), written, skipped,
    corrections: { active: r.corrections.length, attached: states.filter((s) => s.status === 'attached').length, orphaned: states.filter((s) => s.status === 'orphaned').length },
  }
}
