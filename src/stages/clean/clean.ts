import type { DocMeta, RawMapEntry } from '../../doc/doc.js'
import type { Paragraph } from '../../doc/layers.js'
import type { Message } from '../../doc/span.js'
import { parseHtml } from './html/parse.js'
import { extractFromTree } from './html/extract.js'

export interface RawPage { path?: string | null; url?: string | null; fetched_at?: string | null; html?: string; text?: string }
export interface CleanResult {
  text: string
  paragraphs: Paragraph[]
  meta: DocMeta
  messages: Message[]
  rawMap: RawMapEntry[]
}

/** Body paragraphs of an HTML page only (the fast path of the extraction eval and bench). */
export function extractBody(html: string): string[] {
  return extractFromTree(parseHtml(html).root).paragraphs.map(p => p.text)
}

export function cleanPage(page: RawPage): CleanResult {
  const paras = extractBody(page.html ?? '')
  return { text: paras.join('\n\n'), paragraphs: [], meta: { title: null, published: null, author: null, outlet: null, copy_of: null }, messages: [], rawMap: [] }
}
