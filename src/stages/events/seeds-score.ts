import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createDoc, type Doc } from '../../doc/doc.js'
import type { Paragraph } from '../../doc/layers.js'

/** Gold page as written in shared/gold/seeds (only the fields scored here). */
export interface GoldPage {
  doc: string; published: string | null; body: string[]; body_optional?: string[]
  entities: { name: string; mentions: string[] }[]
  events: { type: string; source_actor: unknown; target_actor: unknown; date: string | null; date_precision: string | null; date_basis: string | null; evidence: string; evidence_also?: string[] }[]
  quotes: { speaker: string; speaker_alternatives?: string[]; text: string }[]
  quotes_optional?: { text: string }[]
  claims: { value: number; evidence: string }[]
}

/** Matching normalisation of the gold README: NFKC, straight quotes, '-' dashes, collapsed space, lower case. */
export const normalize = (s: string): string => s.normalize('NFKC').replace(/[‘’‛′]/g, "'").replace(/[“”„″]/g, '"').replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase()
const words = (s: string): string[] => normalize(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean)
/** Share of `a`'s words that occur in `b`. */
export function cover(a: string, b: string): number { const A = words(a), B = new Set(words(b)); return A.length ? A.filter((w) => B.has(w)).length / A.length : 0 }

/** Same surface form, or one holds the other on word boundaries with the same last word and at most two extra words. */
export function sameName(gold: string, sys: string): boolean {
  const g = words(gold), s = words(sys)
  if (!g.length || !s.length) return false
  if (g.join(' ') === s.join(' ')) return true
  if (g.at(-1) !== s.at(-1) || Math.abs(g.length - s.length) > 2) return false
  const [short, long] = g.length < s.length ? [g, s] : [s, g]
  return ` ${long.join(' ')} `.includes(` ${short.join(' ')} `)
}

/** Reads a seed page the way the gold sees it: the raw lines kept as body (or optional body), in page order. */
export function seedDoc(sharedDir: string, stem: string): { doc: Doc; gold: GoldPage } {
  const gold = JSON.parse(readFileSync(join(sharedDir, 'gold', 'seeds', `${stem}.json`), 'utf8')) as GoldPage
  const keep = new Set([...gold.body, ...(gold.body_optional ?? [])].map(normalize))
  const lines = readFileSync(join(sharedDir, 'seeds', `${stem}.txt`), 'utf8').split('\n').map((l) => l.trim()).filter((l) => keep.has(normalize(l)))
  const paragraphs: Paragraph[] = []
  let text = ''
  for (const l of lines) { if (text) text += '\n\n'; paragraphs.push({ start: text.length, end: text.length + l.length }); text += l }
  const doc = createDoc({ path: `seeds/${stem}.txt`, url: null, sha256: stem, fetched_at: null }, text, paragraphs,
    { title: null, published: gold.published, author: null, outlet: null, copy_of: null })
  return { doc, gold }
}

/** Stems of the gold seed pages. */
export const seedStems = (sharedDir: string): string[] => readdirSync(join(sharedDir, 'gold', 'seeds')).filter((f) => /^\d.*\.json$/.test(f)).map((f) => f.replace(/\.json$/, '')).sort()

export interface Counts { tp: number; pred: number; gold: number }
export const f1 = (c: Counts): number => { const p = c.pred ? c.tp / c.pred : 0, r = c.gold ? c.tp / c.gold : 0; return p + r ? (2 * p * r) / (p + r) : 0 }
