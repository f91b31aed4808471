import type { Message } from '../../../doc/span.js'
import { msg } from '../../../doc/span.js'
import { MONTH_WORD_RE, WEEKDAY_RE, findDate } from '../dates.js'
import type { Line } from './lines.js'
import { wordCount } from './lines.js'
import { BYLINE_RE, MAX_BYLINE_WORDS, SENTENCE_END_RE } from './text.data.js'

/** Title, byline and date read from the lines above the article. */
export interface TextHeader {
  readonly title: string | null
  readonly titleLine: Line | null
  readonly author: string | null
  readonly bylineLine: Line | null
  readonly published: string | null
}

const note = (ruleId: string, reason: string) => msg('clean', ruleId, reason, 'info')
const quote = (s: string) => JSON.stringify(s.length > 80 ? s.slice(0, 77) + '...' : s)

/** Splits text glued by a scraper ("SteinarBy SteinarNovember 12, 2022No Comments") at case and digit changes. */
export const unglue = (s: string): string => s.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\d)(\p{L})/gu, '$1 $2')

/** The author named by a byline line, or null. Stops at a month or weekday glued after the name. */
export function bylineAuthor(text: string): string | null {
  const t = unglue(text)
  if (wordCount(t) > MAX_BYLINE_WORDS || SENTENCE_END_RE.test(t)) return null
  const m = BYLINE_RE.exec(t)
  // a byline ends after the name (or runs into a date); a headline goes on in lower case ("attack by Russia kills")
  if (!m || /^\s*\p{Ll}/u.test(t.slice(m.index + m[0].length))) return null
  const words: string[] = []
  for (const w of m[1]!.split(/\s+/)) {
    if (MONTH_WORD_RE.test(w) || WEEKDAY_RE.test(w.replace(/,$/, ''))) break
    words.push(w.replace(/[,.]$/, ''))
  }
  return words.length ? words.join(' ') : null
}

function isHeadline(l: Line): boolean {
  return l.kind === 'short' && wordCount(l.text) >= 3 && !/[:•»]\s*$/.test(l.text) && bylineAuthor(l.text) === null
}

/**
 * Reads the header above the article (lines before `first`). Cascade, each decision a message:
 * - title: the nearest headline-like line above the body; when the line just above it is a shorter headline it
 *   contains, that one (a second headline line that repeats the first with a prefix);
 * - author: a byline ("by Jane Doe") within two lines of the title;
 * - published: a dated line next to the title or byline (or the byline itself); dates elsewhere (clock headers
 *   among site chrome, teaser lists, year-less dates) are named and refused.
 */
export function readHeader(lines: readonly Line[], first: number, messages: Message[]): TextHeader {
  const top = first < 0 ? lines.length : first
  let titleLine: Line | null = null
  for (let i = top - 1; i >= 0 && !titleLine; i--) if (isHeadline(lines[i]!)) titleLine = lines[i]!
  if (titleLine) {
    const prev = lines[titleLine.n - 1]
    if (prev && isHeadline(prev) && titleLine.text.includes(prev.text) && prev.text !== titleLine.text) {
      messages.push(note('title-first-line', `Took ${quote(prev.text)} as title; the next line repeats it with more words`))
      titleLine = prev
    }
  }
  let bylineLine: Line | null = null
  let author: string | null = null
  const near = titleLine ? lines.slice(Math.max(0, titleLine.n - 2), Math.min(lines.length, titleLine.n + 4)) : lines.slice(0, top)
  for (const l of near) {
    const a = bylineAuthor(l.text)
    if (a) { bylineLine = l; author = a; messages.push(note('author-byline', `Author ${quote(a)} from byline ${quote(l.text)}`)); break }
  }
  const published = pickDate(lines, top, titleLine, bylineLine, messages)
  if (titleLine) messages.push(note('title-line', `Title from the headline line above the body: ${quote(titleLine.text)}`))
  return { title: titleLine?.text ?? null, titleLine, author, bylineLine, published }
}

function pickDate(lines: readonly Line[], top: number, title: Line | null, byline: Line | null, messages: Message[]): string | null {
  const anchors = [title, byline].filter((l): l is Line => l !== null)
  if (byline) {
    const d = findDate(unglue(byline.text))
    if (d?.hasYear) { messages.push(note('published-byline', `Published ${d.iso} from the byline ${quote(byline.text)}`)); return d.iso }
  }
  let chosen: string | null = null
  for (let i = 0; i < top; i++) {
    const l = lines[i]!
    if (l.kind !== 'date' || !l.date) continue
    const adjacent = anchors.some(a => Math.abs(a.n - l.n) === 1)
    if (!l.date.hasYear) messages.push(note('date-no-year', `Ignored ${quote(l.text)}: no year (a site header clock)`))
    else if (!adjacent) messages.push(note('date-not-article', `Ignored ${quote(l.text)}: not next to the headline or byline (site header, teaser or sidebar date)`))
    else if (!chosen) { chosen = l.date.iso; messages.push(note('published-dateline', `Published ${chosen} from the date line next to the headline: ${quote(l.text)}`)) }
  }
  if (!chosen) messages.push(note('published-none', 'No publication date on the page; published left empty'))
  return chosen
}
