import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { Message } from '../../doc/span.js'
import type { InputItem } from '../read.js'
import { dateClaim, fieldsOf, sourceNote, textClaim, textNote, type Claim } from './claims.js'
import { FEED_CONTENT_TAGS } from './formats.data.js'

/** True when a text is XML whose root is an RSS (2.0 or 1.0/RDF) or Atom feed. */
export function looksLikeFeed(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<\?[^>]*\?>\s*)*(?:<!DOCTYPE[^>]*>\s*)?<(?:rss|feed|rdf:RDF)\b/i.test(text)
}

const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, trimValues: true,
  // content elements are kept as written (escaped HTML, CDATA or XHTML) and read below
  stopNodes: FEED_CONTENT_TAGS.map((t) => `*.${t}`),
  isArray: (name) => ['item', 'entry', 'link', 'author', 'dc:creator', 'category'].includes(name),
  processEntities: true, htmlEntities: false,
})

/** The text of a parsed element (a string, or an element with attributes and `#text`). */
const str = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() || null
  if (v && typeof v === 'object' && '#text' in v) return str((v as Record<string, unknown>)['#text'])
  return null
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
/** Decodes XML character references and the five named entities once (escaped HTML becomes HTML). */
const unescapeXml = (s: string) => s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (m, e: string) =>
  e[0] === '#' ? safeChar(e[1]!.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : XML_ENTITIES[e.toLowerCase()] ?? m)
const safeChar = (n: number) => (n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '')

/** The content of a raw (stop-node) element: { markup, html } — CDATA unwrapped, escaped HTML unescaped, XHTML as is. */
function rawContent(v: unknown): { value: string; html: boolean } | null {
  const raw = typeof v === 'string' ? v : v && typeof v === 'object' ? (v as Record<string, unknown>)['#text'] : null
  if (typeof raw !== 'string' || !raw.trim()) return null
  const type = v && typeof v === 'object' ? String((v as Record<string, unknown>)['@_type'] ?? '') : ''
  let value: string
  if (/^\s*<!\[CDATA\[/.test(raw)) value = raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
  else if (/xhtml/i.test(type)) value = raw
  else value = unescapeXml(raw)
  value = value.trim()
  if (!value) return null
  // Atom says what it holds; RSS holds HTML or text, so look
  const html = /^text$/i.test(type) ? false : /html/i.test(type) || /<\/?[a-z][a-z0-9]*[\s>/]/i.test(value)
  return { value, html }
}

/** The link of an item: RSS `<link>` text, Atom `<link rel="alternate" href>` (or the first href), else a permalink guid. */
function linkOf(item: Record<string, unknown>): { url: string; from: string } | null {
  const links = (item.link as unknown[] | undefined) ?? []
  for (const l of links) {
    const s = str(l)
    if (s && !(l && typeof l === 'object' && '@_href' in l)) return { url: s, from: 'the item\'s `link`' }
  }
  const hrefs = links.filter((l): l is Record<string, unknown> => !!l && typeof l === 'object' && typeof (l as Record<string, unknown>)['@_href'] === 'string')
  const alt = hrefs.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? hrefs[0]
  if (alt) return { url: String(alt['@_href']).trim(), from: 'the entry\'s `link href`' }
  const guid = item.guid
  const g = str(guid)
  const perma = guid && typeof guid === 'object' ? (guid as Record<string, unknown>)['@_isPermaLink'] !== 'false' : true
  if (g && perma && /^https?:\/\//i.test(g)) return { url: g, from: 'the item\'s `guid`' }
  return null
}

/** Authors: RSS `author` / `dc:creator`, Atom `author/name`. */
function authorOf(item: Record<string, unknown>, tag: string): Claim | undefined {
  for (const key of ['author', 'dc:creator']) {
    const vals = ((item[key] as unknown[] | undefined) ?? []).map((a) => (a && typeof a === 'object' && 'name' in a ? str((a as Record<string, unknown>).name) : str(a))).filter((x): x is string => !!x)
    if (vals.length) return textClaim(vals, `the ${tag}'s \`${key === 'author' && tag === 'entry' ? 'author/name' : key}\``)
  }
  return undefined
}

/**
 * An RSS 2.0, RSS 1.0 or Atom feed as input items, one per item/entry: its title, link, date (pubDate, published,
 * updated, dc:date) and author are the item's claims; the text is the first of content:encoded, content,
 * description, summary, cleaned as HTML when it is HTML. An item with no text is a problem item with its reason;
 * XML that is not well-formed, or not a feed, gives one problem item for the file.
 */
export function readFeed(text: string, path: string | null): InputItem[] {
  const name = path ?? 'stdin'
  const bytes = new TextEncoder().encode(text)
  const bad = (ruleId: string, reason: string): InputItem[] => [{ path, url: null, bytes, problem: { ruleId, reason } }]
  const valid = XMLValidator.validate(text)
  if (valid !== true) return bad('invalid-xml', `Expected a well-formed RSS or Atom feed, got broken XML at line ${valid.err.line}: ${valid.err.msg.replace(/\s+/g, ' ')}`)
  let doc: Record<string, any>
  try { doc = parser.parse(text) } catch (e) { return bad('invalid-xml', `Expected a well-formed RSS or Atom feed, got ${(e as Error).message.split('\n')[0]}`) }
  const atom = doc.feed
  const channel = doc.rss?.channel ?? doc['rdf:RDF']?.channel
  const items: Record<string, unknown>[] | undefined = atom ? atom.entry ?? [] : doc.rss ? channel?.item ?? [] : doc['rdf:RDF'] ? doc['rdf:RDF'].item ?? [] : undefined
  if (!items) {
    const root = Object.keys(doc).find((k) => !k.startsWith('?')) ?? 'nothing'
    return bad('not-a-feed', `Expected an RSS (<rss>, <rdf:RDF>) or Atom (<feed>) root element, got <${root}>`)
  }
  if (!items.length) return bad('empty-feed', `Expected items in the ${atom ? 'Atom feed' : 'RSS feed'}, got none`)
  const tag = atom ? 'entry' : 'item'
  const kind = atom ? 'Atom entry' : 'RSS item'
  const feedTitle = str(atom ? atom.title : channel?.title)
  return items.map((item, i) => {
    const notes: Message[] = []
    const link = linkOf(item)
    const url = link?.url ?? null
    if (link) notes.push(sourceNote('url', link.url, link.from))
    const id = str(item.guid) ?? str(item.id) ?? url ?? String(i + 1)
    const where = `${name}#${id}`
    const dateKey = ['pubDate', 'published', 'updated', 'dc:date'].find((k) => str(item[k]))
    const title = textClaim(str(item.title), `the ${tag}'s \`title\``)
    const fields = fieldsOf({
      title,
      published: dateKey ? dateClaim(str(item[dateKey]), `the ${tag}'s \`${dateKey}\``, notes) : undefined,
      author: authorOf(item, tag),
      outlet: textClaim(feedTitle, `the feed's \`${atom ? 'title' : 'channel/title'}\``),
    })
    const contentKey = FEED_CONTENT_TAGS.find((k) => rawContent(item[k]))
    const content = contentKey ? rawContent(item[contentKey])! : null
    // the bytes that stand for the item: what was read from it, so a re-fetched feed whose item did not change is known
    const itemBytes = new TextEncoder().encode(JSON.stringify([where, url, fields, content?.value ?? null]))
    const claims = { kind, fields, notes }
    if (!content) return { path: where, url, bytes: itemBytes, claims, problem: { ruleId: 'no-content', reason: `Expected text in the ${tag}'s ${FEED_CONTENT_TAGS.join(', ')}, got none` } }
    notes.push(textNote(content.value.length, content.html ? 'HTML' : 'text', `the ${tag}'s \`${contentKey}\``))
    const t = title?.value
    const page = content.html
      ? { path: where, url, fetched_at: null, html: `<html><head>${t ? `<title>${escapeHtml(t)}</title>` : ''}</head><body><article>${t ? `<h1>${escapeHtml(t)}</h1>` : ''}${content.value}</article></body></html>` }
      : { path: where, url, fetched_at: null, text: t ? `${t}\n\n${content.value}` : content.value }
    return { path: where, url, bytes: itemBytes, claims, page }
  })
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
