import type { DocMeta } from '../../../doc/doc.js'
import type { Message } from '../../../doc/span.js'
import { msg } from '../../../doc/span.js'
import type { RawParagraph } from '../clean.js'
import { MIN_LEAD_WORDS } from '../clean.data.js'
import { normalizeLanguage } from '../../../lang/index.js'
import { findCopyOf, hostOf } from '../source.js'
import { extractFromTree } from './extract.js'
import { readHtmlMeta } from './meta.js'
import { parseHtml } from './parse.js'

const q = (s: string) => JSON.stringify(s.length > 80 ? s.slice(0, 77) + '...' : s)

/**
 * Cleans an HTML page: parse, read the page's own metadata, extract the body, keep the standfirst ahead of it,
 * and look for copy evidence (a canonical link to another site, a credit line, a wire dateline).
 */
export function cleanHtml(html: string, url: string | null): { paragraphs: RawParagraph[]; meta: DocMeta; messages: Message[] } {
  const messages: Message[] = []
  const parsed = parseHtml(html)
  for (const w of parsed.warnings) messages.push(msg('clean', 'html-bounded', `HTML ${w}`, 'warning'))
  const m = readHtmlMeta(parsed.root, url, messages)
  const ex = extractFromTree(parsed.root)
  messages.push(msg('clean', 'body-strategy', `Body found by the ${ex.strategy} strategy`))
  if (ex.outside) messages.push(msg('clean', 'drop-outside', `Dropped ${ex.outside} text block(s) outside the article container (menus, sidebars, footer, skipped script/nav/aside/form subtrees not counted)`))
  const paragraphs: RawParagraph[] = ex.paragraphs.map(p => ({ text: p.text, rawStart: p.start, rawEnd: p.end }))
  const firstStart = paragraphs[0]?.rawStart ?? Infinity
  const lead = ex.dropped.find(d => d.lead && d.start < firstStart && d.text.split(/\s+/).length >= MIN_LEAD_WORDS && /[.!?”"]$/.test(d.text))
  if (lead) {
    paragraphs.unshift({ text: lead.text, rawStart: lead.start, rawEnd: lead.end })
    messages.push(msg('clean', 'keep-lead', `Kept the standfirst ahead of the body: ${q(lead.text)}`))
  }
  for (const d of ex.dropped) if (d !== lead) messages.push(msg('clean', 'drop-' + d.rule, `Dropped ${d.rule} block: ${q(d.text)}`))
  let copy_of = findCopyOf(m.rawTitle, paragraphs.map(p => p.text), [], m.outlet, messages, m.author)
  const own = hostOf(url)
  if (!copy_of && m.canonicalHost && own && m.canonicalHost !== own) {
    copy_of = m.canonicalHost
    messages.push(msg('clean', 'copy-canonical', `Copy of ${m.canonicalHost}: the page's canonical link points there, not to ${own}`))
  }
  // the page's own language tag is a claim: cleanPage detects the language from the text and keeps this one only when it cannot
  const language = normalizeLanguage(m.lang)
  return { paragraphs, meta: { title: m.title, published: m.published, author: m.author, outlet: m.outlet, copy_of, ...(language ? { language } : {}) }, messages }
}
