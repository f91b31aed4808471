import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createDoc, type Doc } from '../../doc/doc.js'
import type { Paragraph } from '../../doc/layers.js'
import { normText } from '../text-match.js'

/** Gold page as written in shared/gold/seeds (only the fields scored here). */
export interface GoldPage {
  doc: string; published: string | null; body: string[]; body_optional?: string[]
  entities: { name: string; mentions: string[] }[]
  events: { type: string; source_actor: unknown; target_actor: unknown; date: string | null; date_precision: string | null; date_basis: string | null; evidence: string; evidence_also?: string[] }[]
  quotes: { speaker: string; speaker_alternatives?: string[]; text: string }[]
  quotes_optional?: { text: string }[]
  claims: { value: number; evidence: string }[]
}

/** Reads a seed page the way the gold sees it: the raw lines kept as body (or optional body), in page order. */
export function seedDoc(sharedDir: string, stem: string): { doc: Doc; gold: GoldPage } {
  const gold = JSON.parse(readFileSync(join(sharedDir, 'gold', 'seeds', `${stem}.json`), 'utf8')) as GoldPage
  const keep = new Set([...gold.body, ...(gold.body_optional ?? [])].map(normText))
  const lines = readFileSync(join(sharedDir, 'seeds', `${stem}.txt`), 'utf8').split('\n').map((l) => l.trim()).filter((l) => keep.has(normText(l)))
  const paragraphs: Paragraph[] = []
  let text = ''
  for (const l of lines) { if (text) text += '\n\n'; paragraphs.push({ start: text.length, end: text.length + l.length }); text += l }
  const doc = createDoc({ path: `seeds/${stem}.txt`, url: null, sha256: stem, fetched_at: null }, text, paragraphs,
    { title: null, published: gold.published, author: null, outlet: null, copy_of: null })
  return { doc, gold }
}

/** Stems of the gold seed pages. */
export const seedStems = (sharedDir: string): string[] => readdirSync(join(sharedDir, 'gold', 'seeds')).filter((f) => /^\d.*\.json$/.test(f)).map((f) => f.replace(/\.json$/, '')).sort()
