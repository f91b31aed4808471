import type { Line } from './lines.js'
import { END_MARKER_RE, MAX_GAP_LINES, MAX_TEASER_LINES, SENTENCE_END_RE, TEASER_HEAD_RE } from './text.data.js'

/** A line left out of the body, with the rule that dropped it. */
export interface DroppedLine { readonly line: Line; readonly rule: string }

/** The article found in a text page: body lines, the span of lines it covers, and what was dropped inside it. */
export interface TextBody {
  readonly body: readonly Line[]
  /** first and last line index (among non-empty lines) of the article region; -1 when none */
  readonly first: number
  readonly last: number
  readonly dropped: readonly DroppedLine[]
}

/**
 * Finds the article in scraped text:
 * 1. regions: runs of prose lines with at most MAX_GAP_LINES other lines between two of them, cut at end markers
 *    ("Share this Story", "Leave a reply", "Previous Article"); the region with the most prose characters wins;
 * 2. inside it, a teaser block (a "Related coverage"/"Read More" heading plus up to MAX_TEASER_LINES date, headline
 *    and "..."-snippet lines) is dropped whole, as is every other non-prose line (captions, dates, crossheads).
 */
export function findTextBody(lines: readonly Line[]): TextBody {
  let best: { first: number; last: number; chars: number } | null = null
  let cur: { first: number; last: number; chars: number } | null = null
  let gap = 0
  const close = () => { if (cur && (!best || cur.chars > best.chars)) best = cur; cur = null }
  for (const l of lines) {
    if (END_MARKER_RE.test(l.text)) { close(); continue }
    if (l.kind === 'prose') {
      if (cur && gap <= MAX_GAP_LINES) { cur.last = l.n; cur.chars += l.text.length }
      else { close(); cur = { first: l.n, last: l.n, chars: l.text.length } }
      gap = 0
    } else gap++
  }
  close()
  if (!best) return { body: [], first: -1, last: -1, dropped: [] }
  const { first, last } = best as { first: number; last: number }
  const body: Line[] = []
  const dropped: DroppedLine[] = []
  for (let i = first; i <= last; i++) {
    const l = lines[i]!
    if (TEASER_HEAD_RE.test(l.text)) {
      dropped.push({ line: l, rule: 'teaser-heading' })
      let k = 0
      while (k < MAX_TEASER_LINES && i + 1 <= last && isTeaserPart(lines[i + 1]!)) { dropped.push({ line: lines[++i]!, rule: 'teaser' }); k++ }
      continue
    }
    if (l.kind === 'prose') body.push(l)
    else dropped.push({ line: l, rule: l.kind === 'short' ? 'not-prose' : l.kind })
  }
  return { body, first, last, dropped }
}

/** A line of another article's teaser: its date, its headline (no sentence end), or its cut-off snippet. */
function isTeaserPart(l: Line): boolean {
  return l.kind === 'date' || l.kind === 'teaser-snippet' || (l.kind !== 'prose' && !SENTENCE_END_RE.test(l.text))
}
