import { XMLParser, XMLValidator } from 'fast-xml-parser'

/** One item of a feed: the article's link and what the feed says about it. */
export interface FeedItem { readonly link: string; readonly title: string | null; readonly published: string | null; readonly summary: string | null }
export interface Feed { readonly kind: 'rss' | 'atom' | 'rdf'; readonly title: string | null; readonly items: readonly FeedItem[] }

const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@_', removeNSPrefix: true, parseTagValue: false, trimValues: true,
  isArray: (name) => ['item', 'entry', 'link'].includes(name),
})

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed with fast-xml-parser: every item's link (Atom: the `alternate`
 * link; RSS: `link`, else a permalink `guid`), title, date and description/content. Links are made absolute
 * against `base` (the feed's URL). Throws an Error with one line when the text is no feed. (Kept in one module so
 * a shared feed reader can replace it.)
 */
export function parseFeed(xml: string, base?: string): Feed {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new Error(`Expected well-formed XML, got ${valid.err.msg} (line ${valid.err.line})`)
  const doc = parser.parse(xml)
  const abs = (href: string | null) => { if (!href) return null; try { return new URL(href, base).href } catch { return null } }
  const items: FeedItem[] = []
  let kind: Feed['kind'], title: string | null
  if (doc.rss) {
    kind = 'rss'
    const ch = first(doc.rss.channel) ?? {}
    title = text(ch.title)
    for (const it of list(ch.item)) {
      const guid = first(it.guid)
      const permalink = guid && (typeof guid !== 'object' || guid['@_isPermaLink'] !== 'false') ? text(guid) : null
      const link = abs(linkOf(it.link) ?? (permalink && /^https?:/i.test(permalink) ? permalink : null))
      if (link) items.push({ link, title: text(it.title), published: text(it.pubDate) ?? text(it.date), summary: text(it.encoded) ?? text(it.description) })
    }
  } else if (doc.feed) {
    kind = 'atom'
    title = text(doc.feed.title)
    for (const e of list(doc.feed.entry)) {
      const link = abs(linkOf(e.link))
      if (link) items.push({ link, title: text(e.title), published: text(e.published) ?? text(e.updated), summary: text(e.content) ?? text(e.summary) })
    }
  } else if (doc.RDF) {
    kind = 'rdf'
    title = text(first(doc.RDF.channel)?.title)
    for (const it of list(doc.RDF.item)) {
      const link = abs(linkOf(it.link) ?? it['@_about'] ?? null)
      if (link) items.push({ link, title: text(it.title), published: text(it.date), summary: text(it.description) })
    }
  } else {
    const root = Object.keys(doc).find((k) => !k.startsWith('?')) ?? 'nothing'
    throw new Error(`Expected an RSS or Atom feed, got <${root}>`)
  }
  // one entry per link, in feed order
  const seen = new Set<string>()
  return { kind, title, items: items.filter((i) => !seen.has(i.link) && (seen.add(i.link), true)) }
}

const list = (v: unknown): any[] => (v == null ? [] : Array.isArray(v) ? v : [v])
const first = (v: unknown): any => list(v)[0]

/** The text of an element that may carry attributes (`{ '#text': …, '@_type': 'html' }`). */
function text(v: unknown): string | null {
  const x = first(v)
  if (x == null) return null
  const s = typeof x === 'object' ? x['#text'] : x
  return s == null || String(s).trim() === '' ? null : String(s).trim()
}

/** The article link among `<link>` elements: RSS text, or Atom's `href` with rel alternate (or no rel). */
function linkOf(v: unknown): string | null {
  const links = list(v)
  for (const l of links) if (typeof l !== 'object' && String(l).trim()) return String(l).trim()
  const withHref = links.filter((l) => typeof l === 'object' && l['@_href'])
  const alt = withHref.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? null
  return alt ? String(alt['@_href']) : links.map((l) => (typeof l === 'object' ? l['#text'] : null)).find(Boolean) ?? null
}
