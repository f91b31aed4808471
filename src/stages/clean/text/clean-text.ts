import type { DocMeta } from '../../../doc/doc.js'
import type { Message } from '../../../doc/span.js'
import { msg } from '../../../doc/span.js'
import { findCopyOf, hostOf, outletFromLine, outletFromSuffix, restoreCase, splitTitleSuffix } from '../source.js'
import { findTextBody } from './body.js'
import { splitLines, wordCount, type Line } from './lines.js'
import { readHeader } from './meta.js'

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
  if (found.first > 0) messages.push(note('drop-header', `Dropped ${found.first} line(s) of page header above the article`))
  if (found.last >= 0 && found.last < lines.length - 1) messages.push(note('drop-footer', `Dropped ${lines.length - 1 - found.last} line(s) of page footer below the article`))
  const header = readHeader(lines, found.first, messages, found.headline)
  const split = header.title ? splitTitleSuffix(header.title) : { title: null, suffix: null }
  if (split.suffix) messages.push(note('title-suffix', `Removed the suffix ${q(split.suffix)} from the title`))
  const outside = lines.filter(l => l.n < found.first || l.n > found.last)
  const outlet = textOutlet(lines, outside, found.last, outletFromSuffix(split.suffix), url, messages)
  const credits = found.dropped.filter(d => d.rule === 'credit').map(d => d.line.text)
  const copy_of = findCopyOf(header.title, found.body.map(l => l.text), [...credits, ...lines.slice(found.last + 1).map(l => l.text)], outlet, messages)
  const meta: DocMeta = { title: split.title, published: header.published, author: header.author, outlet, copy_of }
  return { body: found.body, meta, messages }
}

/**
 * Outlet cascade (first hit wins): a "Join the X" line; a masthead (a short capitalised line repeated around the
 * article); a copyright line; the page's last line when it is a bare name after the article (footer); the title
 * suffix; the URL's host. Null when none names the site.
 */
function textOutlet(lines: readonly Line[], outside: readonly Line[], last: number, suffix: string | null, url: string | null, messages: Message[]): string | null {
  const texts = lines.map(l => l.text)
  const found = (name: string, how: string) => { messages.push(note('outlet-' + how, `Outlet ${q(name)} from the ${how}`)); return name }
  for (const l of outside) { const o = outletFromLine(l.text); if (o?.how === 'join') return found(o.name, 'join line ' + q(l.text)) }
  const counts = new Map<string, number>()
  for (const l of outside) if (isBareName(l)) counts.set(l.text, (counts.get(l.text) ?? 0) + 1)
  for (const [name, c] of counts) if (c >= 2) return found(name, `masthead repeated ${c} times`)
  for (const l of outside) { const o = outletFromLine(l.text); if (o) return found(restoreCase(o.name, texts), 'copyright line ' + q(l.text)) }
  const tail = lines[lines.length - 1]
  if (tail && last >= 0 && tail.n > last && isBareName(tail)) return found(tail.text, 'footer line after the article')
  if (suffix) return found(suffix, 'title suffix')
  const host = hostOf(url)
  if (host) return found(host, 'URL host')
  messages.push(note('outlet-none', 'The page does not name its site; outlet left empty'))
  return null
}

/** A line that is only a name: one to four capitalised words, no digits or punctuation at its end. */
function isBareName(l: Line): boolean {
  return l.kind === 'short' && wordCount(l.text) <= 4 && !/\d|[.:!?,;|]$/.test(l.text) && /^(\p{Lu}[\p{L}'’&-]*\s*)+$/u.test(l.text)
}
