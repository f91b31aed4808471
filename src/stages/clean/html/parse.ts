import { decodeEntities } from './entities.js'
import { CLOSES_P, KEPT_ATTRS, MAX_DEPTH, MAX_END_TAG_SEARCH, MAX_NODES, RAW_TEXT_TAGS, SELF_CLOSING_SIBLINGS, VOID_TAGS } from './tags.data.js'

/** A text node: decoded text and its `[start,end)` range in the raw HTML. */
export interface HtmlText { readonly kind: 'text'; readonly text: string; readonly start: number; readonly end: number }
/** An element with the attributes the cleaner reads; `start`/`end` cover its raw markup (end = after its end tag, or its last child). */
export interface HtmlElement {
  readonly kind: 'el'
  readonly tag: string
  readonly attrs: Readonly<Record<string, string>>
  readonly children: HtmlNode[]
  readonly parent: HtmlElement | null
  readonly start: number
  end: number
}
export type HtmlNode = HtmlText | HtmlElement

/** Parser result: the tree plus what it had to give up on (content problems, never exceptions). */
export interface ParsedHtml { readonly root: HtmlElement; readonly warnings: string[] }

const NAME_END = /[\s/>]/

/**
 * Parses HTML into a light tree in one forward pass (indexOf-driven, no regex backtracking on markup).
 * Lenient like a browser where it matters for text (implied </p>, </li>, stray end tags, unclosed elements) and
 * bounded on hostile input: depth capped at MAX_DEPTH, node count at MAX_NODES, end-tag search at MAX_END_TAG_SEARCH.
 * Script and style bodies are skipped; only JSON-LD scripts and <title> keep their text.
 * @example parseHtml('<p>a<p>b').root.children.length // 2
 */
export function parseHtml(html: string): ParsedHtml {
  const warnings: string[] = []
  const root: HtmlElement = { kind: 'el', tag: '#root', attrs: {}, children: [], parent: null, start: 0, end: html.length }
  const stack: HtmlElement[] = [root]
  const overflow = new Map<string, number>() // start tags not pushed because of the depth cap, by name
  let nodes = 0
  let i = 0
  const n = html.length
  const top = () => stack[stack.length - 1]!
  const addText = (s: number, e: number) => {
    const raw = html.slice(s, e)
    top().children.push({ kind: 'text', text: decodeEntities(raw), start: s, end: e })
  }
  while (i < n) {
    const lt = html.indexOf('<', i)
    if (lt < 0) { addText(i, n); break }
    if (lt > i) addText(i, lt)
    const c = html.charCodeAt(lt + 1)
    if (c === 33 /* ! */ || c === 63 /* ? */) { // comment, doctype, CDATA, processing instruction: skipped
      const close = html.startsWith('<!--', lt) ? html.indexOf('-->', lt + 4) : html.indexOf('>', lt + 2)
      i = close < 0 ? n : close + (html.startsWith('<!--', lt) ? 3 : 1)
      continue
    }
    if (c === 47 /* / */) { // end tag
      const gt = html.indexOf('>', lt + 2)
      const end = gt < 0 ? n : gt + 1
      const name = readName(html, lt + 2)
      if (name) closeElement(stack, overflow, name, end)
      i = end
      continue
    }
    if (!isAsciiAlpha(c)) { addText(lt, lt + 1); i = lt + 1; continue }
    const tag = readTag(html, lt)
    i = tag.end
    if (++nodes > MAX_NODES) { warnings.push(`more than ${MAX_NODES} elements; the rest of the page was not read`); break }
    const name = tag.name
    implyEndTags(stack, name)
    const parent = top()
    const el: HtmlElement = { kind: 'el', tag: name, attrs: tag.attrs, children: [], parent, start: lt, end: tag.end }
    parent.children.push(el)
    if (RAW_TEXT_TAGS.has(name)) {
      const close = findRawEnd(html, name, tag.end)
      if (name === 'title' || (name === 'script' && /ld\+json/i.test(tag.attrs.type ?? ''))) {
        el.children.push({ kind: 'text', text: name === 'title' ? decodeEntities(html.slice(tag.end, close)) : html.slice(tag.end, close), start: tag.end, end: close })
      }
      const gt = html.indexOf('>', close)
      i = el.end = gt < 0 ? n : gt + 1
      continue
    }
    if (VOID_TAGS.has(name) || tag.selfClosing) continue
    if (stack.length >= MAX_DEPTH) {
      overflow.set(name, (overflow.get(name) ?? 0) + 1)
      if (overflow.size === 1 && overflow.get(name) === 1) warnings.push(`elements nested deeper than ${MAX_DEPTH} were flattened`)
      continue
    }
    stack.push(el)
  }
  for (let k = stack.length - 1; k > 0; k--) stack[k]!.end = Math.max(stack[k]!.end, lastEnd(stack[k]!))
  return { root, warnings }
}

function lastEnd(el: HtmlElement): number {
  const last = el.children[el.children.length - 1]
  return last ? last.end : el.end
}

function isAsciiAlpha(c: number): boolean { return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) }

function readName(html: string, from: number): string {
  let j = from
  while (j < html.length && j - from < 64 && !NAME_END.test(html[j]!)) j++
  return html.slice(from, j).toLowerCase()
}

/** Reads a start tag at `lt`: name, kept attributes, whether it ends with "/>", and where it ends. Quotes may hide ">". */
function readTag(html: string, lt: number): { name: string; attrs: Record<string, string>; selfClosing: boolean; end: number } {
  const name = readName(html, lt + 1)
  const attrs: Record<string, string> = {}
  const n = html.length
  let j = lt + 1 + name.length
  let selfClosing = false
  while (j < n) {
    let ch = html.charCodeAt(j)
    if (ch === 62 /* > */) { j++; break }
    if (ch <= 32) { j++; continue }
    if (ch === 47 /* / */) { selfClosing = html.charCodeAt(j + 1) === 62; j++; continue }
    const ns = j
    while (j < n && (ch = html.charCodeAt(j)) > 32 && ch !== 61 && ch !== 62 && !(ch === 47 && html.charCodeAt(j + 1) === 62)) j++
    const aname = html.slice(ns, j).toLowerCase()
    while (j < n && html.charCodeAt(j) <= 32) j++
    let value = ''
    if (html.charCodeAt(j) === 61 /* = */) {
      j++
      while (j < n && html.charCodeAt(j) <= 32) j++
      const q = html.charCodeAt(j)
      if (q === 34 || q === 39) {
        const close = html.indexOf(q === 34 ? '"' : "'", j + 1)
        const e = close < 0 ? n : close
        value = html.slice(j + 1, e)
        j = e + 1
      } else {
        const vs = j
        while (j < n && (ch = html.charCodeAt(j)) > 32 && ch !== 62) j++
        value = html.slice(vs, j)
      }
    }
    if (KEPT_ATTRS.has(aname) && !(aname in attrs)) attrs[aname] = decodeEntities(value)
  }
  return { name, attrs, selfClosing, end: j }
}

/** Position of the end tag `</name` closing a raw-text element (case-insensitive), or the input's end. */
function findRawEnd(html: string, name: string, from: number): number {
  let j = from
  for (;;) {
    const k = html.indexOf('</', j)
    if (k < 0) return html.length
    if (html.substr(k + 2, name.length).toLowerCase() === name && NAME_END.test(html[k + 2 + name.length] ?? '>')) return k
    j = k + 2
  }
}

/** Implied end tags: a block start closes an open <p>; <li> closes the previous <li> of its list, and so on. */
/** The elements that belong inside <head>; any other start tag closes an unclosed head. */
const HEAD_CONTENT_TAGS = new Set(['title', 'meta', 'link', 'style', 'script', 'base', 'noscript', 'template', 'head'])

function implyEndTags(stack: HtmlElement[], name: string): void {
  // an unclosed <head> ends at the first start tag that cannot be in it (<body>, <div>, <p>…), as browsers do:
  // otherwise the whole page would sit inside the head, and no text would be found
  if (!HEAD_CONTENT_TAGS.has(name)) {
    for (let k = stack.length - 1; k > 0; k--) if (stack[k]!.tag === 'head') { stack.length = k; break }
  }
  if (CLOSES_P.has(name)) {
    for (let k = stack.length - 1; k > 0 && stack.length - k < 4; k--) {
      if (stack[k]!.tag === 'p') { stack.length = k; break }
    }
  }
  const closes = SELF_CLOSING_SIBLINGS[name]
  if (closes) {
    const topTag = stack[stack.length - 1]!.tag
    if (closes.includes(topTag)) stack.pop()
  }
}

function closeElement(stack: HtmlElement[], overflow: Map<string, number>, name: string, end: number): void {
  const pending = overflow.get(name)
  if (pending) { // the start tag was flattened away by the depth cap
    if (pending === 1) overflow.delete(name); else overflow.set(name, pending - 1)
    return
  }
  const limit = Math.max(1, stack.length - MAX_END_TAG_SEARCH)
  for (let k = stack.length - 1; k >= limit; k--) {
    if (stack[k]!.tag === name) {
      for (let m = stack.length - 1; m >= k; m--) stack[m]!.end = end
      stack.length = k
      return
    }
  }
}
