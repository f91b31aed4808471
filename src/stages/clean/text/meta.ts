import type { Message } from '../../../doc/span.js'
import { msg } from '../../../doc/span.js'
import { findDates, type LabelledDate } from '../dates.js'
import { bareBylineName, bylineAuthor, unglue, wordCount } from './byline.js'
import { isHeadlineShape, isStandfirstShape } from './headline.js'
import type { Line, LineKind } from './lines.js'
import { END_MARKER_RE, HEADER_ZONE_LINES, MIN_HEADLINE_OVER_STANDFIRST, TEASER_HEAD_RE } from './text.data.js'

export { bylineAuthor, unglue }

/** Title, byline and date read from the lines above the article. */
export interface TextHeader {
  readonly title: string | null
  readonly titleLine: Line | null
  readonly author: string | null
  readonly bylineLine: Line | null
  readonly published: string | null
}

/** Kinds of line below a headline whose dates are the post's own (date lines, post-info, bars with a date item). */
const POST_INFO_KINDS: ReadonlySet<LineKind> = new Set(['date', 'meta', 'nav', 'chrome'])

const note = (ruleId: string, reason: string) => msg('clean', ruleId, reason, 'info')
const quote = (s: string) => JSON.stringify(s.length > 80 ? s.slice(0, 77) + '...' : s)

/**
 * Reads the header above the article (lines before `first`). Cascade, each decision a message:
 * - title: `headline` when the body finder moved a sentence-shaped headline out of the body; else the nearest
 *   headline-shaped line above the body (share bars, bylines, dates, read times, menus are not headline-shaped);
 *   when a headline just above it is contained in it (a second headline line), or it is a long sentence-case
 *   standfirst under a shorter headline, that headline;
 * - author: a byline in the header zone (see `headerZone`);
 * - published: the best date of the header zone (see `pickDate`); dates elsewhere (clock headers among site chrome,
 *   teaser lists, year-less dates) are named and refused.
 */
export function readHeader(lines: readonly Line[], first: number, messages: Message[], headline: Line | null = null): TextHeader {
  const top = first < 0 ? lines.length : first
  const titleLine = headline ?? findTitle(lines, top, messages)
  if (headline) messages.push(note('title-sentence', `Title from a headline written as a sentence above the byline: ${quote(headline.text)}`))
  else if (titleLine) messages.push(note('title-line', `Title from the headline line above the body: ${quote(titleLine.text)}`))
  const zone = headerZone(lines, titleLine, top)
  let bylineLine: Line | null = null
  let author: string | null = null
  for (const l of zone.all) {
    const a = bylineAuthor(l.text)
    if (a) { bylineLine = l; author = a; messages.push(note('author-byline', `Author ${quote(a)} from byline ${quote(l.text)}`)); break }
  }
  for (const l of author ? [] : zone.below.slice(0, 4)) {
    const next = lines[l.n + 1]
    const a = l.kind === 'short' ? bareBylineName(l.text, next?.text, next?.kind === 'date') : null
    if (a) { bylineLine = l; author = a; messages.push(note('author-bare-name', `Author ${quote(a)}: a name line above ${quote(next!.text)}`)); break }
  }
  const published = pickDate(lines, top, zone, bylineLine, messages)
  return { title: titleLine?.text ?? null, titleLine, author, bylineLine, published }
}

function findTitle(lines: readonly Line[], top: number, messages: Message[]): Line | null {
  let title: Line | null = null
  for (let i = top - 1; i >= 0 && !title; i--) if (isHeadlineShape(lines[i]!)) title = lines[i]!
  if (!title) return null
  const up = headlineAbove(lines, title)
  const next = lines[title.n + 1]
  if (up && bareBylineName(title.text, next?.text, next?.kind === 'date')) {
    messages.push(note('title-above-name', `Took ${quote(up.text)} as title; ${quote(title.text)} under it is the author's name`))
    return up
  }
  if (up && title.text.includes(up.text) && up.text !== title.text) {
    messages.push(note('title-first-line', `Took ${quote(up.text)} as title; the next headline line repeats it with more words`))
    return up
  }
  if (up && wordCount(up.text) >= MIN_HEADLINE_OVER_STANDFIRST && wordCount(title.text) >= wordCount(up.text) + 3 && isStandfirstShape(title.text)) {
    messages.push(note('title-above-standfirst', `Took ${quote(up.text)} as title; ${quote(title.text)} under it is a standfirst`))
    return up
  }
  const overByline = headlineOverByline(lines, title, top)
  if (overByline) {
    messages.push(note('title-above-byline', `Took ${quote(overByline.text)} as title: it stands over the byline; ${quote(title.text)} below the byline is a caption or standfirst`))
    return overByline
  }
  return title
}

/**
 * The headline over a byline block when `l` sits under that block with no byline or date of its own before the body
 * ("Headline / By X / date / unlabelled caption / body"); null otherwise. A date alone above `l` is not enough: a
 * sidebar teaser's date can stand right above the real headline.
 */
function headlineOverByline(lines: readonly Line[], l: Line, top: number): Line | null {
  for (let i = l.n + 1; i < top; i++) if (lines[i]!.kind === 'meta' || lines[i]!.kind === 'date') return null
  let byline = false
  for (let i = l.n - 1; i >= 0 && i >= l.n - 5; i--) {
    const u = lines[i]!
    if (u.kind === 'meta' && bylineAuthor(u.text)) byline = true
    else if (isHeadlineShape(u)) return byline ? u : null
    else if (u.kind === 'prose' || u.kind === 'short') return null
  }
  return null
}

/** The headline-shaped line above `l` within 3 lines, with only byline/date/chrome lines between; null when none. */
function headlineAbove(lines: readonly Line[], l: Line): Line | null {
  for (let i = l.n - 1; i >= 0 && i >= l.n - 3; i--) {
    const u = lines[i]!
    if (isHeadlineShape(u)) return u
    if (u.kind === 'prose' || u.kind === 'short') return null
  }
  return null
}

/** The lines that carry a headline's byline and date: `below` it (to the body, at most HEADER_ZONE_LINES, up to a teaser
 *  heading, an end marker, another headline that is no standfirst, or a second paragraph) and the two lines `above` it. */
interface HeaderZone { readonly below: readonly Line[]; readonly above: readonly Line[]; readonly all: readonly Line[] }

function headerZone(lines: readonly Line[], title: Line | null, top: number): HeaderZone {
  if (!title) { const near = lines.slice(Math.max(0, top - 3), top); return { below: near, above: [], all: near } }
  const below: Line[] = []
  let prose = 0
  for (let i = title.n + 1; i < lines.length && below.length < HEADER_ZONE_LINES; i++) {
    const l = lines[i]!
    if (TEASER_HEAD_RE.test(l.text) || END_MARKER_RE.test(l.text) || (isHeadlineShape(l) && !isStandfirstShape(l.text))) break
    if (l.kind === 'prose' && ++prose > 1) break
    below.push(l)
  }
  const above = lines.slice(Math.max(0, title.n - 2), title.n).reverse()
  return { below, above, all: [...below, ...above] }
}

/** Rank of a date by what the page says it is (lower is better): "Published" label, byline, unlabelled, "Updated". */
const rankOf = (d: LabelledDate, fromByline: boolean) => d.label === 'published' ? 0 : d.label === 'updated' ? 3 : fromByline ? 1 : 2

/**
 * Publication date from the header zone, best rank first (then page order): a date labelled "Published"/"Posted on", the
 * byline's date, an unlabelled date line below the headline or right above it, and last an "Updated" date. Dates
 * without a year and date lines outside the zone (site clocks, teasers, sidebars) are refused with a message.
 * The value is the ISO date, or the ISO date-time when the page prints a time with a zone.
 */
function pickDate(lines: readonly Line[], top: number, zone: HeaderZone, byline: Line | null, messages: Message[]): string | null {
  const cands: { d: LabelledDate; line: Line; rank: number }[] = []
  const inZone = new Set<Line>()
  const consider = (l: Line, fromByline: boolean) => {
    inZone.add(l)
    for (const d of findDates(fromByline ? unglue(l.text) : l.text)) {
      if (!d.hasYear) { messages.push(note('date-no-year', `Ignored ${quote(l.text)}: no year (a site header clock)`)); continue }
      cands.push({ d, line: l, rank: rankOf(d, fromByline) })
    }
  }
  if (byline) consider(byline, true)
  // post-info lines only: a caption's or a subtitle's date is the date of something else
  for (const l of zone.below) if (l !== byline && POST_INFO_KINDS.has(l.kind)) consider(l, false)
  const adjacent = zone.above[0]
  if (adjacent && adjacent.kind === 'date' && adjacent !== byline) consider(adjacent, false)
  for (let i = 0; i < top; i++) {
    const l = lines[i]!
    if (l.kind !== 'date' || inZone.has(l)) continue
    messages.push(note(l.date?.hasYear ? 'date-not-article' : 'date-no-year', l.date?.hasYear
      ? `Ignored ${quote(l.text)}: not next to the headline or byline (site header, teaser or sidebar date)`
      : `Ignored ${quote(l.text)}: no year (a site header clock)`))
  }
  const best = cands.reduce<typeof cands[number] | null>((b, c) => (!b || c.rank < b.rank ? c : b), null)
  if (!best) { messages.push(note('published-none', 'No publication date on the page; published left empty')); return null }
  const value = best.d.dateTime ?? best.d.iso
  const how = ['a "Published" label', 'the byline', 'the date line by the headline', 'an "Updated" label (no publication date given)'][best.rank]
  messages.push(note(best.rank === 1 ? 'published-byline' : 'published-dateline', `Published ${value} from ${how}: ${quote(best.line.text)}`))
  return value
}
