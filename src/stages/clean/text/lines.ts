import { findDate, type FoundDate } from '../dates.js'
import {
  BOILERPLATE_RE, CAPTION_LINE_RE, CHROME_LINE_RE, COUNT_LINE_RE, MIN_PROSE_WORDS, NAV_LINE_RE, SENTENCE_END_RE, TEASER_SNIPPET_RE,
} from './text.data.js'

/** What a line of scraped text looks like on its own. */
export type LineKind = 'prose' | 'teaser-snippet' | 'date' | 'chrome' | 'nav' | 'caption' | 'boilerplate' | 'short'

/** A non-empty line of the page: trimmed text, raw `[start,end)` of that text, and its kind. */
export interface Line {
  readonly text: string
  readonly start: number
  readonly end: number
  /** index among the non-empty lines */
  readonly n: number
  readonly kind: LineKind
  /** a date the line is made of (the line is little more than the date) */
  readonly date: FoundDate | null
}

const WORD_RE = /[\p{L}\p{N}]+/gu
export const wordCount = (s: string): number => s.match(WORD_RE)?.length ?? 0

/** Splits raw text into its non-empty lines, with raw offsets of the trimmed text. */
export function splitLines(raw: string): Line[] {
  const out: Line[] = []
  let pos = 0
  while (pos <= raw.length) {
    let nl = raw.indexOf('\n', pos)
    if (nl < 0) nl = raw.length
    let s = pos, e = nl
    while (s < e && /\s/.test(raw[s]!)) s++
    while (e > s && /\s/.test(raw[e - 1]!)) e--
    if (e > s) {
      const text = raw.slice(s, e)
      out.push({ text, start: s, end: e, n: out.length, ...classify(text) })
    }
    pos = nl + 1
  }
  return out
}

/** A line is a date line when, once the date is removed, little but weekday/time/calendar words remain. */
function dateOf(text: string): FoundDate | null {
  if (text.length > 80) return null
  const d = findDate(text)
  if (!d) return null
  const rest = (text.slice(0, d.index) + ' ' + text.slice(d.index + d.length)).replace(/\d{1,2}:\d{2}\s*(am|pm)?|\b(am|pm|gmt|utc|[a-z]{3}t)\b/gi, ' ')
  return wordCount(rest) <= 4 ? d : null
}

function classify(text: string): { kind: LineKind; date: FoundDate | null } {
  const date = dateOf(text)
  if (date) return { kind: 'date', date }
  if (CHROME_LINE_RE.test(text)) return { kind: 'chrome', date: null }
  if (NAV_LINE_RE.test(text) || COUNT_LINE_RE.test(text)) return { kind: 'nav', date: null }
  if (BOILERPLATE_RE.test(text)) return { kind: 'boilerplate', date: null }
  if (CAPTION_LINE_RE.test(text) && !SENTENCE_END_RE.test(text)) return { kind: 'caption', date: null }
  if (TEASER_SNIPPET_RE.test(text)) return { kind: 'teaser-snippet', date: null }
  if (SENTENCE_END_RE.test(text) && wordCount(text) >= MIN_PROSE_WORDS && /\p{Ll}/u.test(text)) return { kind: 'prose', date: null }
  return { kind: 'short', date: null }
}
