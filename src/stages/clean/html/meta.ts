import type { Message } from '../../../doc/span.js'
import { msg } from '../../../doc/span.js'
import { findDates, isoFromMeta } from '../dates.js'
import { decodeEntities } from './entities.js'
import { hostOf, outletFromSuffix, splitTitleSuffix } from '../source.js'
import type { HtmlElement } from './parse.js'
import { ARTICLE_TYPES, AUTHOR_META, DATE_META, DATELINE_LOOKAHEAD, MAX_JSON_LD_CHARS, SITE_META, TITLE_META } from './meta.data.js'
import { pushAll } from '../../../doc/arrays.js'

/** Metadata read from the page's own markup, each field with where it came from. */
export interface HtmlMeta {
  readonly title: string | null
  /** title before a site suffix was removed */
  readonly rawTitle: string | null
  readonly published: string | null
  readonly author: string | null
  readonly outlet: string | null
  readonly canonicalHost: string | null
  /** the page's own `<html lang>` (a claim; the clean stage detects the language from the text) */
  readonly lang: string | null
}

interface Found { metas: Map<string, string>; jsonLd: unknown[]; h1: string | null; h1El: HtmlElement | null; titleTag: string | null; times: { value: string; afterH1: boolean }[]; itemprops: Map<string, string>; canonical: string | null; lang: string | null }

const note = (ruleId: string, reason: string) => msg('clean', ruleId, reason, 'info')

/** Walks the tree once, collecting <meta>, JSON-LD, <title>, the first <h1>, <time datetime>, itemprops, canonical link. */
function collect(root: HtmlElement): Found {
  const f: Found = { metas: new Map(), jsonLd: [], h1: null, h1El: null, titleTag: null, times: [], itemprops: new Map(), canonical: null, lang: null }
  const stack: HtmlElement[] = [root]
  while (stack.length) {
    const el = stack.pop()!
    const a = el.attrs
    if (el.tag === 'html' && a.lang && f.lang === null) f.lang = a.lang
    if (el.tag === 'meta') {
      const key = (a.property ?? a.name ?? a.itemprop ?? '').toLowerCase()
      if (key && a.content && !f.metas.has(key)) f.metas.set(key, a.content.trim())
    } else if (el.tag === 'script') {
      const t = el.children[0]
      if (t?.kind === 'text' && t.text.length < MAX_JSON_LD_CHARS) { try { f.jsonLd.push(JSON.parse(t.text)) } catch { /* broken JSON-LD is ignored */ } }
    } else if (el.tag === 'title' && f.titleTag === null) f.titleTag = textOf(el)
    else if (el.tag === 'h1' && f.h1 === null) { f.h1 = textOf(el) || null; f.h1El = el }
    else if (el.tag === 'time' && a.datetime) f.times.push({ value: a.datetime, afterH1: f.h1El !== null })
    else if (el.tag === 'link' && /\bcanonical\b/i.test(a.rel ?? '') && a.href) f.canonical = a.href
    if (a.itemprop && !f.itemprops.has(a.itemprop)) f.itemprops.set(a.itemprop, a.content ?? a.datetime ?? textOf(el))
    for (let i = el.children.length - 1; i >= 0; i--) { const c = el.children[i]!; if (c.kind === 'el') stack.push(c) }
  }
  return f
}

/** Text content of an element, whitespace collapsed (recursion is bounded by the parser's depth cap). */
export function textOf(el: HtmlElement): string {
  const parts: string[] = []
  const walk = (e: HtmlElement) => { for (const c of e.children) if (c.kind === 'text') parts.push(c.text); else if (c.tag !== 'script' && c.tag !== 'style') walk(c) }
  walk(el)
  return parts.join('').replace(/\s+/g, ' ').trim()
}

/** The first JSON-LD object whose @type is an article type (searching @graph and arrays). */
function articleLd(items: unknown[]): Record<string, unknown> | null {
  const todo = [...items]
  for (let k = 0; todo.length && k < 200; k++) {
    const x = todo.shift()
    if (Array.isArray(x)) { pushAll(todo, x); continue }
    if (!x || typeof x !== 'object') continue
    const o = x as Record<string, unknown>
    const types = ([] as unknown[]).concat(o['@type'] ?? [])
    if (types.some(t => typeof t === 'string' && ARTICLE_TYPES.has(t))) return o
    if (o['@graph']) todo.push(o['@graph'])
  }
  return null
}

function names(v: unknown): string | null {
  const list = ([] as unknown[]).concat(v ?? []).map(x => typeof x === 'string' ? x : (x as { name?: unknown })?.name).filter((x): x is string => typeof x === 'string' && x.trim() !== '' && !/^https?:/.test(x))
  return list.length ? list.map(s => s.trim()).join(', ') : null
}

/**
 * Reads metadata from the page's own markup. Cascades (first present wins; each choice is a message):
 * - title: JSON-LD headline, og:title / twitter:title, first <h1>, <title> (site suffix removed);
 * - published: JSON-LD datePublished, article:published_time and other date metas, itemprop datePublished, first <time datetime>;
 * - author: JSON-LD author name(s), meta author / article:author (not a URL), itemprop author;
 * - outlet: og:site_name, JSON-LD publisher name, application-name, title suffix, URL host.
 */
export function readHtmlMeta(root: HtmlElement, url: string | null, messages: Message[]): HtmlMeta {
  const f = collect(root)
  const ld = articleLd(f.jsonLd)
  const first = (cands: [string, string | null | undefined][], what: string): string | null => {
    for (const [from, v] of cands) if (v && v.trim()) { messages.push(note('meta-' + what, `${what} from ${from}`)); return v.trim() }
    messages.push(note('meta-' + what + '-none', `No ${what} in the page's markup`))
    return null
  }
  const meta = (keys: readonly string[]) => keys.map(k => [`meta ${k}`, f.metas.get(k)] as [string, string | undefined])
  const rawTitle = first([['JSON-LD headline', typeof ld?.headline === 'string' ? ld.headline : null], ...meta(TITLE_META), ['<h1>', f.h1], ['<title>', f.titleTag]], 'title')
  const split = rawTitle ? splitTitleSuffix(rawTitle) : { title: null, suffix: null }
  const titleSuffix = f.titleTag ? splitTitleSuffix(f.titleTag).suffix : null
  const dateRaw = first([['JSON-LD datePublished', typeof ld?.datePublished === 'string' ? ld.datePublished : null], ...meta(DATE_META),
    ['itemprop datePublished', f.itemprops.get('datePublished')], ['<time datetime>', (f.times.find(t => t.afterH1 || !f.h1El))?.value]], 'published')
  const author = first([['JSON-LD author', names(ld?.author)], ...meta(AUTHOR_META).filter(([, v]) => !v || !/^https?:/.test(v)), ['itemprop author', f.itemprops.get('author')]], 'author')
  const outlet = first([...meta(SITE_META), ['JSON-LD publisher', names((ld?.publisher as { name?: string })?.name ?? null)],
    ['title suffix', outletFromSuffix(split.suffix ?? titleSuffix)], ['URL host', hostOf(url)]], 'outlet')
  let published = isoFromMeta(dateRaw)
  if (!published && f.h1El) {
    published = datelineAfter(root, f.h1El)
    if (published) messages.push(note('meta-published-dateline', `published ${published} from a dated line right after the <h1>`))
  }
  return { title: split.title && decodeEntities(split.title), rawTitle: rawTitle && decodeEntities(rawTitle), published, author: cleanAuthor(author), outlet: outlet && decodeEntities(outlet), canonicalHost: hostOf(f.canonical), lang: f.lang ?? f.metas.get('og:locale') ?? f.metas.get('content-language') ?? null }
}

/** A byline value as a name: no "By"/"Analysis by" lead, nothing after " | ", no @handle, not overlong. */
export function cleanAuthor(v: string | null): string | null {
  if (!v) return null
  const s = decodeEntities(v).replace(/^(?:\S+\s+)?by\s+/i, '').split(/\s+[|•]\s+/)[0]!.trim()
  return s && !s.startsWith('@') && s.length < 120 ? s : null
}

/** Text-side fallback for pages without date metadata: the first dated line among the text that follows the <h1>, a
 *  publication date before an "Updated" one (used only when no other date is printed). */
function datelineAfter(root: HtmlElement, h1: HtmlElement): string | null {
  let seen = 0
  let after = false
  let updated: string | null = null
  let afterUpdatedLabel = false
  const stack: HtmlElement[] = [root]
  while (stack.length && seen < DATELINE_LOOKAHEAD) {
    const el = stack.pop()!
    if (el === h1) { after = true; continue }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!
      if (c.kind === 'el') { stack.push(c); continue }
    }
    if (!after) continue
    for (const c of el.children) {
      if (c.kind !== 'text' || !c.text.trim()) continue
      seen++
      const t = c.text.trim()
      // "Updated" may be printed before "Published": an updated date is kept only when no other date follows
      // (the label may be a text node of its own: <span>Updated:</span> <time>…</time>)
      const ds = t.length <= 80 ? findDates(t).filter(d => d.hasYear) : []
      const pub = afterUpdatedLabel ? undefined : ds.find(d => d.label !== 'updated')
      if (pub) return pub.dateTime ?? pub.iso
      if (ds[0] && !updated) updated = ds[0].dateTime ?? ds[0].iso
      afterUpdatedLabel = /^(?:last\s+)?(?:updated|modified|edited)\s*:?$/i.test(t)
    }
  }
  return updated
}
