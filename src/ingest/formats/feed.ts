import { XMLParser } from 'fast-xml-parser'
import { SaxesParser } from 'saxes'
import { MAX_PAGE_BYTES } from '../ingest.data.js'
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

/** The kinds of feed, by root element: where their items sit and what they are called. */
const FEEDS: Record<string, { atom: boolean; item: readonly string[]; title: readonly string[] }> = {
  rss: { atom: false, item: ['rss', 'channel', 'item'], title: ['rss', 'channel', 'title'] },
  'rdf:RDF': { atom: false, item: ['rdf:RDF', 'item'], title: ['rdf:RDF', 'channel', 'title'] },
  feed: { atom: true, item: ['feed', 'entry'], title: ['feed', 'title'] },
}
const samePath = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * An RSS 2.0, RSS 1.0 or Atom feed as input items, one per item/entry: its title, link, date (pubDate, published,
 * updated, dc:date) and author are the item's claims; the text is the first of content:encoded, content,
 * description, summary, cleaned as HTML when it is HTML. An item with no text is a problem item with its reason;
 * XML that is not well-formed, or not a feed, gives one problem item for the file.
 */
export function readFeed(text: string, path: string | null): InputItem[] {
  return [...feedItems([text], path)]
}

/**
 * The items of a feed given as text in pieces (a file read chunk by chunk), item by item: the XML is followed by a
 * streaming parser (saxes) that checks it is well-formed, and each item's own XML, cut out of the text, is read
 * alone (as `readFeed` always read items). Memory stays at one item, held up to MAX_PAGE_BYTES characters (a longer
 * one is rejected as too large, not held), whatever the feed's size. XML that breaks off or breaks the rules ends
 * the items with one problem item (the items before it stand); references to entities XML does not define
 * (`&nbsp;`, HTML's) are let through, as the whole-file parser let them.
 */
export function* feedItems(chunks: Iterable<string>, path: string | null): Generator<InputItem> {
  const name = path ?? 'stdin'
  const bad = (ruleId: string, reason: string): InputItem => ({ path, url: null, bytes: new Uint8Array(), problem: { ruleId, reason } })
  const sax = new SaxesParser({ position: true })
  const stack: string[] = []
  let feed: (typeof FEEDS)[string] | null = null, root: string | null = null, broken: string | null = null
  let feedTitle: string | null = null, titleText: string | null = null
  /** the text since `base` (an offset in the whole input): kept from an item's start to its end, else a short tail */
  let held = '', base = 0, written = 0, itemStart = -1, tooLong = false, index = 0
  const ready: InputItem[] = []
  sax.on('error', (e) => {
    // HTML's entities in an item (the whole-file parser let them through); anything else ends the feed
    if (/undefined entity\.$/.test(e.message) || broken) return
    const m = /^(\d+):\d+: (.*)$/.exec(e.message)
    broken = m ? `at line ${m[1]}: ${m[2]!.replace(/\s+/g, ' ')}` : e.message.replace(/\s+/g, ' ')
  })
  sax.on('opentagstart', (tag) => {
    stack.push(tag.name)
    if (stack.length === 1) { root = tag.name; feed = FEEDS[tag.name] ?? null }
    if (!feed || broken) return
    if (samePath(stack, feed.item)) { itemStart = sax.position - tag.name.length - 2; tooLong = false }
    else if (itemStart < 0 && samePath(stack, feed.title) && feedTitle == null) titleText = ''
  })
  const onText = (t: string) => { if (titleText != null) titleText += t }
  sax.on('text', onText); sax.on('cdata', onText)
  sax.on('closetag', () => {
    if (feed && !broken) {
      if (titleText != null && samePath(stack, feed.title)) { feedTitle = titleText.trim() || null; titleText = null }
      if (itemStart >= 0 && samePath(stack, feed.item)) {
        const i = index++
        ready.push(tooLong || sax.position - itemStart > MAX_PAGE_BYTES
          ? { path: `${name}#${i + 1}`, url: null, bytes: new Uint8Array(), problem: { ruleId: 'too-large', reason: `Expected a ${feed.atom ? 'feed entry' : 'feed item'} under ${MAX_PAGE_BYTES} characters, got more (item ${i + 1})` } }
          : feedItem(held.slice(itemStart - base, sax.position - base), i, name, feed.atom, feedTitle))
        itemStart = -1
      }
    }
    stack.pop()
  })
  let first = true
  for (const chunk of chunks) {
    if (first && chunk.trim()) {
      first = false
      if (!/^\s*</.test(chunk.replace(/^\ufeff/, ''))) { yield bad('not-a-feed', 'Expected an RSS or Atom feed (XML), got text that is not XML'); return }
    }
    held += chunk; written += chunk.length
    sax.write(chunk)
    yield* ready.splice(0)
    if (broken) break
    if (root && !feed) { yield bad('not-a-feed', `Expected an RSS (<rss>, <rdf:RDF>) or Atom (<feed>) root element, got <${root}>`); return }
    // keep only what the item being read needs (nothing once it is past the cap); between items, a short tail where
    // the next item's start tag may have begun (its start is found once its name is read)
    // (saxes' `position` is right only inside its events: between writes, the text written so far is counted here)
    if (itemStart >= 0 && written - itemStart > MAX_PAGE_BYTES) tooLong = true
    const cut = (itemStart >= 0 && !tooLong ? itemStart : Math.max(base, written - 64)) - base
    if (cut > 0) { held = held.slice(cut); base += cut }
  }
  if (!broken) { sax.close(); yield* ready.splice(0) }
  if (first) { yield bad('empty', 'Expected page content, got an empty file'); return }
  if (broken) { yield bad('invalid-xml', `Expected a well-formed RSS or Atom feed, got broken XML ${broken}`); return }
  if (root && !feed) { yield bad('not-a-feed', `Expected an RSS (<rss>, <rdf:RDF>) or Atom (<feed>) root element, got <${root}>`); return }
  if (!index) yield bad('empty-feed', `Expected items in the ${(feed as (typeof FEEDS)[string] | null)?.atom ? 'Atom feed' : 'RSS feed'}, got none`)
}

/** One item (or entry) of a feed, from its own XML: the `i`-th of the feed `name`. */
function feedItem(xml: string, i: number, name: string, atom: boolean, feedTitle: string | null): InputItem {
  const tag = atom ? 'entry' : 'item'
  const kind = atom ? 'Atom entry' : 'RSS item'
  let item: Record<string, unknown>
  try { item = (parser.parse(xml) as Record<string, Record<string, unknown>[]>)[tag]?.[0] ?? {} } catch (e) {
    return { path: `${name}#${i + 1}`, url: null, bytes: new Uint8Array(), problem: { ruleId: 'invalid-xml', reason: `Expected a well-formed ${kind}, got ${(e as Error).message.split('\n')[0]}` } }
  }
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
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
