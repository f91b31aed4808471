import { wordCount, type Line } from './lines.js'
import { isHeadlineShape } from './headline.js'
import {
  CREDIT_TAIL_LINES, CUT_BRIEF_MIN_WORDS, END_MARKER_RE, MAX_CREDIT_WORDS, MAX_GAP_LINES, MAX_TEASER_LINES, MAX_TITLE_WORDS, SENTENCE_END_RE, SOURCE_LEAD_RE, TEASER_HEAD_RE,
} from './text.data.js'

/** A line left out of the body, with the rule that dropped it. */
export interface DroppedLine { readonly line: Line; readonly rule: string }

/** The article found in a text page: body lines, the span of lines it covers, and what was dropped inside it. */
export interface TextBody {
  readonly body: readonly Line[]
  /** first and last line index (among non-empty lines) of the article region; -1 when none */
  readonly first: number
  readonly last: number
  readonly dropped: readonly DroppedLine[]
  /** a sentence-shaped headline ("Will the treaty hold?") that opened the region and was moved out of it */
  readonly headline: Line | null
  /** the body is one line of running text that ends no sentence (a brief the site cut short) */
  readonly unfinished?: boolean
}

/**
 * Finds the article in scraped text:
 * 1. regions: runs of prose lines with at most MAX_GAP_LINES other lines between two of them, cut at end markers
 *    ("Share this Story", "Leave a reply", "Previous Article"); the region with the most prose characters wins;
 * 2. a sentence-shaped headline opening the region (see `proseHeadline`) is moved out of it, to the header;
 * 3. inside it, a teaser block (a "Related coverage"/"Read More" heading plus up to MAX_TEASER_LINES date, headline
 *    and "..."-snippet lines) is dropped whole, as is every other non-prose line (captions, dates, crossheads);
 * 4. a credit line among the last CREDIT_TAIL_LINES body lines ("This article originally appeared in X.", "Source: X")
 *    is dropped: it says where the story comes from and is not part of it (copy evidence reads it).
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
  if (!best) {
    // no line of prose: a brief the site cut short ("TEHRAN – The rate will drop to … the deputy governor of"), or a
    // photo page whose only text is its caption, is still the article when one line of it reads as running text
    const cut = lines.filter((l) => (l.kind === 'short' || l.kind === 'caption') && wordCount(l.text) >= CUT_BRIEF_MIN_WORDS && /\p{Ll}/u.test(l.text)).sort((a, b) => b.text.length - a.text.length)[0]
    return cut ? { body: [cut], first: cut.n, last: cut.n, dropped: [], headline: null, unfinished: true } : { body: [], first: -1, last: -1, dropped: [], headline: null }
  }
  let { first } = best as { first: number; last: number }
  const { last } = best as { first: number; last: number }
  const headline = proseHeadline(lines, first, last)
  if (headline) first = lines.findIndex((l, i) => i > headline.n && i <= last && l.kind === 'prose')
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
  for (let k = Math.max(1, body.length - CREDIT_TAIL_LINES); k < body.length; k++) {
    const l = body[k]!
    if (SOURCE_LEAD_RE.test(l.text) && wordCount(l.text) <= MAX_CREDIT_WORDS) { dropped.push({ line: l, rule: 'credit' }); body.splice(k--, 1) }
  }
  return { body, first, last, dropped, headline }
}

/**
 * A headline written as a sentence ("Will Moscow and Tehran sign the treaty this year?") is classified as prose and
 * would open the body. It is one when it is short, a byline/date line follows it before the next prose line, and no
 * headline stands above it among the header lines (then it is a standfirst under that headline, which stays in the body).
 */
function proseHeadline(lines: readonly Line[], first: number, last: number): Line | null {
  const l = lines[first]!
  if (wordCount(l.text) > MAX_TITLE_WORDS) return null
  let sawMeta = false
  let i = first + 1
  for (; i <= last && lines[i]!.kind !== 'prose'; i++) if (lines[i]!.kind === 'meta' || lines[i]!.kind === 'date') sawMeta = true
  if (!sawMeta || i > last) return null
  for (let k = first - 1; k >= 0 && k >= first - 4; k--) {
    const above = lines[k]!
    if (isHeadlineShape(above)) return null
    if (above.kind === 'prose' || above.kind === 'short') break
  }
  return l
}

/** A line of another article's teaser: its date, its headline (no sentence end), or its cut-off snippet. */
function isTeaserPart(l: Line): boolean {
  return l.kind === 'date' || l.kind === 'teaser-snippet' || (l.kind !== 'prose' && !SENTENCE_END_RE.test(l.text))
}
