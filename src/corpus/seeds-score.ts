import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { EventRecord } from '../doc/layers.js'
import type { ContradictionRecord, DocumentRecord, StoryRecord } from '../model/records.js'

/**
 * Scores cross-document results against the seed gold (`shared/gold/seeds/cross-document.json` and the
 * per-page `framing[]`), following the matching rules of the gold README. Written for the seeds test.
 */
export interface CrossScore {
  readonly sameEvent: Tally; readonly differentEvents: Tally; readonly sameStory: Tally
  readonly contradictions: Tally; readonly dateInference: Tally; readonly framing: Tally
}
export interface Tally { ok: number; total: number; misses: string[] }

/** Text normalisation of the matching rules: NFKC, straight quotes, "-" dashes, collapsed whitespace, lower case. */
export const normText = (s: string) => s.normalize('NFKC').replace(/[‘’‛′]/g, "'").replace(/[“”„″]/g, '"').replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase()
const words = (s: string) => normText(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean)
/** Share of the gold sentence's words that the system sentence holds. */
export const wordShare = (gold: string, sys: string) => { const g = words(gold), s = new Set(words(sys)); return g.length ? g.filter((w) => s.has(w)).length / g.length : 0 }

const stemOf = (d: DocumentRecord) => basename(d.source.path ?? d.id).replace(/\.[^.]*$/, '')

function agrees(sys: string | null | undefined, gold: string, precision: string): boolean {
  if (!sys) return false
  if (precision === 'week') { const a = Date.parse(sys), b = Date.parse(gold); return a >= b && a < b + 7 * 864e5 }
  const n = ({ year: 4, month: 7, day: 10 } as Record<string, number>)[precision] ?? 10
  return sys.slice(0, n) === gold.slice(0, n)
}

/** Scores documents (with story_event ids and inferred dates laid over) and corpus records against a gold folder. */
export function scoreCross(docs: readonly DocumentRecord[], stories: readonly StoryRecord[], contradictions: readonly ContradictionRecord[], goldDir: string): CrossScore {
  const gold = JSON.parse(readFileSync(join(goldDir, 'cross-document.json'), 'utf8'))
  const byStem = new Map(docs.map((d) => [stemOf(d), d]))
  const eventOf = (m: { doc: string; type?: string; evidence: string }): EventRecord | null => {
    const d = byStem.get(m.doc)
    const cands = (d?.events ?? []).filter((e) => !m.type || e.type === m.type).map((e) => [wordShare(m.evidence, e.evidence.text), e] as const).filter(([o]) => o >= 0.6)
    return cands.sort((a, b) => b[0] - a[0])[0]?.[1] ?? null
  }
  const tally = (): Tally => ({ ok: 0, total: 0, misses: [] })
  const s: CrossScore = { sameEvent: tally(), differentEvents: tally(), sameStory: tally(), contradictions: tally(), dateInference: tally(), framing: tally() }
  const count = (t: Tally, ok: boolean, what: string) => { t.total++; if (ok) t.ok++; else t.misses.push(what) }
  for (const g of gold.same_event ?? []) {
    const ids = g.members.map((m: any) => eventOf(m)?.story_event ?? null)
    count(s.sameEvent, ids.every((x: string | null) => x) && new Set(ids).size === 1, g.event)
  }
  for (const g of gold.different_events ?? []) {
    const evs = g.members.map((m: any) => eventOf(m))
    const ids = evs.map((e: EventRecord | null) => e?.story_event ?? null)
    count(s.differentEvents, evs.every(Boolean) && (ids.some((x: string | null) => !x) || new Set(ids).size === ids.length), g.why)
  }
  const idToStem = new Map(docs.map((d) => [d.id, stemOf(d)]))
  const storySets = stories.map((st) => new Set(st.documents.map((x) => idToStem.get(x) ?? x)))
  for (const g of gold.same_story ?? []) count(s.sameStory, storySets.some((st) => g.docs.every((x: string) => st.has(x))), g.story)
  for (const g of gold.contradictions ?? []) count(s.contradictions, contradictions.some((c) => { const v = new Set(c.members.map((m) => String(m.value))); return g.members.every((m: any) => v.has(String(m.value))) }), g.what)
  for (const g of gold.date_inference ?? []) {
    const d = byStem.get(g.doc)
    const ok = g.field === 'published' ? agrees(d?.published_inferred?.date, g.value, g.precision) : agrees(eventOf(g)?.date, g.value, g.precision)
    count(s.dateInference, ok, `${g.doc} ${g.field} ${g.type ?? ''} ${g.value}`)
  }
  for (const f of readdirSync(goldDir).filter((f) => /^\d.*\.json$/.test(f))) {
    const g = JSON.parse(readFileSync(join(goldDir, f), 'utf8'))
    const sys = (byStem.get(g.doc)?.framing ?? []).map((x) => normText(x.term))
    for (const t of g.framing ?? []) { const n = normText(t.term); count(s.framing, sys.some((x) => x && (x.includes(n) || n.includes(x))), `${g.doc}: ${t.term}`) }
  }
  return s
}
