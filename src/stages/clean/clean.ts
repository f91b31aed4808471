import { createDoc, type Doc, type DocMeta, type RawMapEntry } from '../../doc/doc.js'
import type { Paragraph } from '../../doc/layers.js'
import type { Message } from '../../doc/span.js'
import { msg } from '../../doc/span.js'
import { cleanHtml } from './html/clean-html.js'
import { extractFromTree } from './html/extract.js'
import { parseHtml } from './html/parse.js'
import { MAX_HTML_CHARS } from './html/tags.data.js'
import { MAX_TEXT_CHARS } from './clean.data.js'
import { cleanText } from './text/clean-text.js'
import { detectLanguage, type Detection } from '../../lang/index.js'
import { pushAll } from '../../doc/arrays.js'

/** A raw page: scraped text (`text`, e.g. a .txt seed) or HTML (`html`), with where it came from. */
export interface RawPage { path?: string | null; url?: string | null; fetched_at?: string | null; html?: string; text?: string }

/** The cleaned page: body text, its paragraphs, metadata, every decision as a message, and the map back to the raw page. */
export interface CleanResult {
  /** the cleaned text = body paragraphs joined with "\n\n" (title NOT included) */
  text: string
  /** spans into text, in order, one per body paragraph */
  paragraphs: Paragraph[]
  /** title, published, author, outlet, copy_of */
  meta: DocMeta
  /** every dropped block / metadata decision (info), problems (warning); fatal when no body was found */
  messages: Message[]
  /** per paragraph: [start,end) in text -> [rawStart,rawEnd) in the raw input string */
  rawMap: RawMapEntry[]
  /** what the language detector read in the title and body (`meta.language` is this unless the text was too short) */
  detected?: Detection
}

/** A body paragraph before assembly: its text and raw range. */
export interface RawParagraph { readonly text: string; readonly rawStart: number; readonly rawEnd: number }

/**
 * Body paragraphs of an HTML page only, without the standfirst (the fast path of the extraction eval and bench).
 * @example extractBody('<article><p>One long paragraph of the story...</p></article>')
 */
export function extractBody(html: string): string[] {
  const src = html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html
  return extractFromTree(parseHtml(src).root).paragraphs.map(p => p.text)
}

/**
 * Cleans one raw page. HTML when `page.html` is given, else scraped text. Never throws on content: problems are
 * messages, and a page with no usable body gets a fatal `empty-body` message and an empty text.
 * @example cleanPage({ text: 'Title\n\nA first sentence of the article, long enough to count.' }).meta.title
 */
export function cleanPage(page: RawPage): CleanResult {
  const messages: Message[] = []
  const isHtml = typeof page.html === 'string'
  let raw = (isHtml ? page.html : page.text) ?? ''
  const cap = isHtml ? MAX_HTML_CHARS : MAX_TEXT_CHARS
  if (raw.length > cap) {
    messages.push(msg('clean', 'input-truncated', `Expected at most ${cap} characters of ${isHtml ? 'HTML' : 'text'}, got ${raw.length}; read the first ${cap}`, 'warning'))
    raw = raw.slice(0, cap)
  }
  let paras: RawParagraph[]
  let meta: DocMeta
  if (isHtml) {
    const r = cleanHtml(raw, page.url ?? null)
    paras = r.paragraphs; meta = r.meta; pushAll(messages, r.messages)
  } else {
    const r = cleanText(raw, page.url ?? null)
    paras = r.body.map(l => ({ text: l.text, rawStart: l.start, rawEnd: l.end })); meta = r.meta; pushAll(messages, r.messages)
  }
  return withLanguage(assemble(paras, meta, messages))
}

/**
 * Sets `meta.language` from the title and body text (eld). The page's own tag (`<html lang>`, og:locale) is a
 * claim: it is kept only when the text is too short to detect, and a tag that disagrees with the text is named.
 */
function withLanguage(r: CleanResult): CleanResult {
  const claimed = r.meta.language ?? null
  const detected = detectLanguage(r.meta.title ? `${r.meta.title}\n${r.text}` : r.text)
  let language = claimed
  if (detected.language) {
    language = detected.language
    const differs = claimed && claimed !== detected.language ? `; the page's own language tag says ${JSON.stringify(claimed)}, which was not taken` : ''
    r.messages.push(msg('clean', 'language-detected', `Language ${detected.language} detected in the text (eld, score ${detected.score.toFixed(2)}, ${detected.letters} letters read)${differs}`, differs ? 'warning' : 'info'))
  } else if (claimed) {
    r.messages.push(msg('clean', 'language-claimed', `Language ${claimed} from the page's own language tag: the text (${detected.letters} letters) is too short to detect`))
  } else if (r.text) {
    r.messages.push(msg('clean', 'language-none', `No language: the text (${detected.letters} letters) is too short to detect and the page names none`))
  }
  return { ...r, meta: { ...r.meta, language }, detected }
}

/** A raw page cleaned into a fresh document (no source URL or fetch time; `id` stands for its content hash), as the reading stages take it. */
export function cleanedDoc(page: RawPage & { readonly path: string }, id: string = page.path): Doc {
  const c = cleanPage(page)
  return createDoc({ path: page.path, url: null, sha256: id, fetched_at: null }, c.text, c.paragraphs, c.meta, c.messages, c.rawMap)
}

/** Joins paragraphs into the text and builds the paragraph spans and the raw map. */
function assemble(paras: readonly RawParagraph[], meta: DocMeta, messages: Message[]): CleanResult {
  const paragraphs: Paragraph[] = []
  const rawMap: RawMapEntry[] = []
  let text = ''
  for (const p of paras) {
    if (text) text += '\n\n'
    const start = text.length
    text += p.text
    paragraphs.push({ start, end: text.length })
    rawMap.push({ start, end: text.length, rawStart: p.rawStart, rawEnd: p.rawEnd })
  }
  if (!paragraphs.length) messages.push(msg('clean', 'empty-body', 'No main text found', 'fatal'))
  return { text, paragraphs, meta, messages, rawMap }
}
