import type { DocMeta } from '../../../doc/doc.js'
import type { Message } from '../../../doc/span.js'
import { msg } from '../../../doc/span.js'
import { findCopyOf, outletFromSuffix, splitTitleSuffix } from '../source.js'
import { findTextBody } from './body.js'
import { splitLines, type Line } from './lines.js'
import { textOutlet } from './outlet.js'
import { readHeader } from './meta.js'
import { TRAILING_INITIALS_RE, TRAILING_NOTICE_RE } from './text.data.js'

/** Output of the text path before it is assembled into a CleanResult. */
export interface TextClean {
  readonly body: readonly Line[]
  readonly meta: DocMeta
  readonly messages: Message[]
}

const note = (ruleId: string, reason: string) => msg('clean', ruleId, reason, 'info')
const q = (s: string) => JSON.stringify(s.length > 80 ? s.slice(0, 77) + '...' : s)

/**
 * Cleans a scraped text page: finds the article region, drops chrome and teasers inside it, then reads the
 * header (title, byline, date) above it and the outlet/copy evidence around it. Every decision is a message.
 */
export function cleanText(raw: string, url: string | null): TextClean {
  const messages: Message[] = []
  const lines = splitLines(raw)
  const found = findTextBody(lines)
  for (const d of found.dropped) messages.push(msg('clean', 'drop-' + d.rule, `Dropped ${d.rule} line inside the article: ${q(d.line.text)}`, 'info', { start: d.line.start, end: d.line.end }))
  if (found.unfinished) messages.push(msg('clean', 'body-unfinished', 'Expected paragraphs of prose, got one line of running text (a brief cut short, or a photo caption): kept as the body', 'warning'))
  if (found.first > 0) messages.push(note('drop-header', `Dropped ${found.first} line(s) of page header above the article`))
  if (found.last >= 0 && found.last < lines.length - 1) messages.push(note('drop-footer', `Dropped ${lines.length - 1 - found.last} line(s) of page footer below the article`))
  const header = readHeader(lines, found.first, messages, found.headline)
  const split = header.title ? splitTitleSuffix(header.title) : { title: null, suffix: null }
  if (split.suffix) messages.push(note('title-suffix', `Removed the suffix ${q(split.suffix)} from the title`))
  const outside = lines.filter(l => l.n < found.first || l.n > found.last)
  const outlet = textOutlet({ lines, outside, last: found.last, title: split.title, suffix: outletFromSuffix(split.suffix), url }, messages)
  const credits = found.dropped.filter(d => d.rule === 'credit').map(d => d.line.text)
  const copy_of = findCopyOf(header.title, found.body.map(l => l.text), [...credits, ...lines.slice(found.last + 1).map(l => l.text)], outlet, messages, header.author)
  const meta: DocMeta = { title: split.title, published: header.published, author: header.author, outlet, copy_of }
  return { body: found.body.map(l => withoutTrailingNotice(l, messages)), meta, messages }
}

/** The line without a licence or copyright notice, or the desk's initials, glued to its end (recorded as dropped). */
function withoutTrailingNotice(l: Line, messages: Message[]): Line {
  const m = TRAILING_NOTICE_RE.exec(l.text) ?? TRAILING_INITIALS_RE.exec(l.text)
  if (!m) return l
  const text = l.text.slice(0, m.index).trimEnd()
  messages.push(msg('clean', 'drop-notice', `Dropped a licence/copyright notice or desk initials glued to a paragraph: ${q(m[0].trim())}`, 'info', { start: l.start + text.length, end: l.end }))
  return { ...l, text, end: l.start + text.length }
}
