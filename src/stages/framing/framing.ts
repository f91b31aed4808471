import type { FramingRecord, Paragraph } from '../../doc/layers.js'
import type { Span } from '../../doc/span.js'
import { defineStage } from '../../doc/stage.js'
import { NEUTRAL_REGIME_HEADS, TONE_NEGATIVE, TONE_POSITIVE } from './framing.data.js'
import { loadLexicon, type CompiledEntry } from './lexicon.js'
import { KeywordSet, requiredLiterals } from './prefilter.js'
import { quotedSpans } from './quoted.js'
import { readingCache } from '../../reading-caches.js'

export interface FramingOptions {
  /** folders (or files) of user lexicon JSON merged over the built-in lexicon */
  readonly extraDirs?: readonly string[]
}

const HEADS = new Set(NEUTRAL_REGIME_HEADS)
/** Opening quotation marks, where a `quoted` lexicon entry's match starts. */
const QUOTE_MARKS = /["“‘«]/g

/** Drops leading words that do not make "<X> regime" a label for a government ("The sanctions regime"). */
function trimRegimeHead(text: string, start: number, end: number): number | null {
  let s = start
  for (;;) {
    const m = /^([\p{L}'’.-]+)\s+/u.exec(text.slice(s, end))
    if (!m || !HEADS.has(m[1].toLowerCase())) break
    s += m[0].length
  }
  return /^regime$/i.test(text.slice(s, end)) ? null : s
}

/** A lexicon ready to run: per entry a private regex (its lastIndex is ours) and the keywords one of which a match needs. */
interface Plan { readonly entries: readonly { readonly re: RegExp; readonly keywords: readonly string[] | null }[]; readonly keywords: KeywordSet }
let plans = new WeakMap<readonly CompiledEntry[], Plan>()
readingCache(() => { plans = new WeakMap() })
function planOf(lexicon: readonly CompiledEntry[]): Plan {
  let p = plans.get(lexicon)
  if (!p) {
    const entries = lexicon.map((e) => ({ re: new RegExp(e.re.source, e.re.flags + (e.quoted ? 'y' : '')), keywords: requiredLiterals(e.re.source) }))
    plans.set(lexicon, (p = { entries, keywords: new KeywordSet(entries.flatMap((e) => e.keywords ?? [])) }))
  }
  return p
}

function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0, hi = xs.length
  while (lo < hi) { const mid = (lo + hi) >> 1; if (xs[mid]! < x) lo = mid + 1; else hi = mid }
  return lo
}

/** Excluded spans sorted by start with the running maximum of their ends, for an overlap test by binary search. */
function overlapTest(excluded: readonly Span[]): (start: number, end: number) => boolean {
  const sorted = [...excluded].sort((a, b) => a.start - b.start)
  const starts = sorted.map((q) => q.start)
  const maxEnd: number[] = []
  for (let i = 0, m = -Infinity; i < sorted.length; i++) maxEnd.push((m = Math.max(m, sorted[i]!.end)))
  // some q with q.start < end and q.end > start: among spans starting before `end`, the furthest end
  return (start, end) => { const i = lowerBound(starts, end) - 1; return i >= 0 && maxEnd[i]! > start }
}

/** True when an excluded span overlaps [start, end) without lying wholly inside it (a quotation the match does not hold). */
function crossesExcluded(excluded: readonly Span[], start: number, end: number): boolean {
  return excluded.some((q) => q.start < end && q.end > start && (q.start < start || q.end > end))
}

/**
 * Finds lexicon terms in a text outside the excluded spans (quotes). Where matches overlap, the longest wins.
 * A `quoted` entry (scare quotes) may hold a short quotation of its own, but never overlap one it does not hold.
 * Each entry's pattern runs only over the paragraphs that hold one of its keywords (see prefilter.ts).
 * @example findFraming('They fought the occupying entity.', loadLexicon(), [])[0].term // 'occupying entity'
 */
export function findFraming(text: string, lexicon: readonly CompiledEntry[], excluded: readonly Span[], within: readonly Span[] = [{ start: 0, end: text.length }]): FramingRecord[] {
  const found: (FramingRecord & { prio: number })[] = []
  const plan = planOf(lexicon)
  const hits = plan.keywords.find(text)
  const isExcluded = overlapTest(excluded)
  const slices = within.map((w) => text.slice(0, w.end))
  const marks = lexicon.some((e) => e.quoted) ? [...text.matchAll(QUOTE_MARKS)].map((m) => m.index) : []
  lexicon.forEach((e, prio) => {
    const { re, keywords } = plan.entries[prio]!
    within.forEach((w, wi) => {
      if (keywords && !hits.any(keywords, w.start, w.end)) return
      const slice = slices[wi]!
      // a quoted entry starts at an opening quotation mark: try it (sticky) at each mark of the paragraph only
      const starts = e.quoted ? marks.slice(lowerBound(marks, w.start), lowerBound(marks, w.end)) : [w.start]
      for (const at of starts) for (let m = ((re.lastIndex = at), re.exec(slice)); m; m = e.quoted ? null : re.exec(slice)) {
        if (!m[0]) { re.lastIndex++; continue }
        let start = e.quoted ? m.indices?.groups?.lead?.[0] ?? m.index : m.index
        const end = m.index + (e.quoted ? m[0].trimEnd() : m[0].replace(/[\s.,;:’']+$/u, '')).length
        if (e.id === 'capital-regime') { const s = trimRegimeHead(text, start, end); if (s === null) continue; start = s }
        if (e.quoted ? crossesExcluded(excluded, start, end) : isExcluded(start, end)) continue
        found.push({ start, end, term: text.slice(start, end).replace(/\s+/g, ' '), neutral: e.neutral, text: text.slice(start, end), label: e.term, produced_by: { method: 'rule', detail: `framing lexicon entry "${e.term}"`, score: null }, prio })
      }
    })
  })
  // longest first, then lexicon order; keep those that overlap nothing already kept
  found.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.prio - b.prio || a.start - b.start)
  const kept: FramingRecord[] = []
  for (const { prio: _p, ...f } of found) if (!kept.some((k) => f.start < k.end && f.end > k.start)) kept.push(f)
  return kept.sort((a, b) => a.start - b.start)
}

const NEG = new Set(TONE_NEGATIVE), POS = new Set(TONE_POSITIVE)

/**
 * Tone of a text in [-1, 1]: evaluative words (positive minus negative) plus the polarity of the framing terms
 * found, over all of them. 0 when nothing evaluative is found.
 */
export function documentTone(text: string, framing: readonly FramingRecord[], lexicon: readonly CompiledEntry[]): number {
  let pos = 0, neg = 0
  for (const w of text.toLowerCase().match(/[\p{L}-]+/gu) ?? []) { if (POS.has(w)) pos++; else if (NEG.has(w)) neg++ }
  const polarity = new Map(lexicon.map((e) => [e.term, e.polarity]))
  for (const f of framing) { const p = polarity.get(f.label ?? '') ?? -1; if (p > 0) pos++; else if (p < 0) neg++ }
  return pos + neg ? Math.round(((pos - neg) / (pos + neg)) * 1000) / 1000 : 0
}

/** The framing stage: lexicon terms in the outlet's own voice (outside quotes and quotation marks), per paragraph. */
export function framingStage(opts: FramingOptions = {}) {
  const lexicon = loadLexicon(opts.extraDirs ?? [])
  return defineStage({
    name: 'framing', requires: ['tokens', 'sentences', 'quotes'], produces: ['framing'],
    run(doc, { quotes }) {
      const paragraphs: readonly Paragraph[] = doc.layers.paragraphs ?? [{ start: 0, end: doc.text.length }]
      const excluded = [...quotes.map((q) => ({ start: q.start, end: q.end })), ...quotedSpans(doc.text, paragraphs)]
      return { layers: { framing: findFraming(doc.text, lexicon, excluded, paragraphs) } }
    },
  })
}
