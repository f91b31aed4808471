import type { Message } from '../../../doc/span.js'
import { msg } from '../../../doc/span.js'
import { hostOf, outletFromLine, outletFromSuffix, restoreCase, splitTitleSuffix, trimName } from '../source.js'
import { wordCount, type Line } from './lines.js'
import { MASTHEAD_TOP_LINES, NEWSLETTER_LINE_RES } from './text.data.js'

const note = (ruleId: string, reason: string) => msg('clean', ruleId, reason, 'info')
const q = (s: string) => JSON.stringify(s.length > 80 ? s.slice(0, 77) + '...' : s)

/** Where the text path looks for the outlet: all lines, those outside the article, the article's last line, the title. */
export interface OutletInput {
  readonly lines: readonly Line[]
  readonly outside: readonly Line[]
  readonly last: number
  readonly title: string | null
  readonly suffix: string | null
  readonly url: string | null
}

/**
 * Outlet cascade (first hit wins), each step a message:
 * 1. a "Join the X" line; 2. a masthead: a short capitalised line repeated around the article; 3. a copyright line
 * ("© 2024 X", "© X · Unsubscribe"); 4. a masthead at the top of the page named again below the article (footer,
 * sign-up box); 5. a newsletter line ("Sign up for the X briefing", "You are reading X", "X — Issue 12"); 6. the page's
 * last line when it is a bare name after the article; 7. the title's suffix, or the suffix of a page-title line
 * repeating the headline ("Headline | X"); 8. the URL's host. Null when none names the site.
 */
export function textOutlet(inp: OutletInput, messages: Message[]): string | null {
  const { lines, outside, last } = inp
  const texts = lines.map(l => l.text)
  const found = (name: string, how: string) => { messages.push(note('outlet-' + how.split(' ')[0], `Outlet ${q(name)} from the ${how}`)); return name }
  for (const l of outside) { const o = outletFromLine(l.text); if (o?.how === 'join') return found(o.name, 'join line ' + q(l.text)) }
  const counts = new Map<string, number>()
  for (const l of outside) if (isBareName(l)) counts.set(l.text, (counts.get(l.text) ?? 0) + 1)
  for (const [name, c] of counts) if (c >= 2) return found(name, `masthead repeated ${c} times`)
  for (const l of outside) { const o = outletFromLine(l.text); if (o) return found(restoreCase(o.name, texts), 'copyright line ' + q(l.text)) }
  const echoed = mastheadEchoed(lines, last)
  if (echoed) return found(echoed.name, `masthead ${q(echoed.top)} named again below the article (${q(echoed.where)})`)
  for (const l of outside) {
    for (const re of NEWSLETTER_LINE_RES) {
      const m = re.exec(l.text)
      const name = m ? trimName(m[1]!) : ''
      if (name && wordCount(name) <= 5 && /^\p{Lu}/u.test(name)) return found(name, 'newsletter line ' + q(l.text))
    }
  }
  const tail = lines[lines.length - 1]
  if (tail && last >= 0 && tail.n > last && isBareName(tail)) return found(tail.text, 'footer line after the article')
  if (inp.suffix) return found(inp.suffix, 'title suffix')
  const pageTitle = inp.title ? outside.map(l => splitTitleSuffix(l.text)).find(s => s.suffix && s.title === inp.title) : undefined
  const fromPageTitle = outletFromSuffix(pageTitle?.suffix ?? null)
  if (fromPageTitle) return found(fromPageTitle, 'suffix of the page-title line')
  const host = hostOf(inp.url)
  if (host) return found(host, 'URL host')
  messages.push(note('outlet-none', 'The page does not name its site; outlet left empty'))
  return null
}

/** A bare name among the first MASTHEAD_TOP_LINES lines that a line after the article names again, spelt as printed there. */
function mastheadEchoed(lines: readonly Line[], last: number): { name: string; top: string; where: string } | null {
  if (last < 0) return null
  for (const top of lines.slice(0, MASTHEAD_TOP_LINES)) {
    if (top.n >= last || !isBareName(top) || wordCount(top.text) < 1) continue
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${top.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu')
    for (const l of lines.slice(last + 1)) {
      const m = re.exec(l.text)
      if (m && l.text !== top.text) return { name: /\p{Ll}/u.test(top.text) ? top.text : m[0], top: top.text, where: l.text }
    }
  }
  return null
}

/** A line that is only a name: one to four capitalised words, no digits or punctuation at its end. */
export function isBareName(l: Line): boolean {
  return l.kind === 'short' && wordCount(l.text) <= 4 && !/\d|[.:!?,;|]$/.test(l.text) && /^(\p{Lu}[\p{L}'’&-]*\s*)+$/u.test(l.text)
}
