import type { Paragraph } from '../../doc/layers.js'
import type { Span } from '../../doc/span.js'
import { MAX_QUOTE_CHARS } from './framing.data.js'

/**
 * Spans of text inside quotation marks, paragraph by paragraph: curly “…” and ‘…’ pairs (a lone closing mark
 * with no opening one is ignored, as in "the city’s”Harbour Watch”" where a typo turned the opener) and straight "…" pairs.
 * Used with the quotes layer so framing only counts the outlet's own voice (scare quotes are not its voice either).
 */
export function quotedSpans(text: string, paragraphs: readonly Paragraph[]): Span[] {
  const out: Span[] = []
  const paras = paragraphs.length ? paragraphs : [{ start: 0, end: text.length }]
  for (const p of paras) {
    let openCurly = -1, openStraight = -1
    for (let i = p.start; i < p.end; i++) {
      const c = text[i]
      if (c === '“' || c === '«') { if (openCurly < 0) openCurly = i }
      else if ((c === '”' || c === '»') && openCurly >= 0) { if (i - openCurly <= MAX_QUOTE_CHARS) out.push({ start: openCurly, end: i + 1 }); openCurly = -1 }
      else if (c === '"') {
        if (openStraight < 0) openStraight = i
        else { if (i - openStraight <= MAX_QUOTE_CHARS) out.push({ start: openStraight, end: i + 1 }); openStraight = -1 }
      } else if (c === '‘' && !/[\p{L}\p{N}]/u.test(text[i - 1] ?? ' ')) {
        // single curly quotes: an opening mark after a non-letter, closed by ’ followed by a non-letter
        const close = findSingleClose(text, i + 1, p.end)
        if (close > 0) out.push({ start: i, end: close + 1 })
      }
    }
  }
  return out.sort((a, b) => a.start - b.start)
}

function findSingleClose(text: string, from: number, end: number): number {
  for (let j = from; j < end && j - from <= MAX_QUOTE_CHARS; j++) if (text[j] === '’' && !/[\p{L}\p{N}]/u.test(text[j + 1] ?? ' ')) return j
  return -1
}
