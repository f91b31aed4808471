import type { Span } from '../../doc/span.js'

/** A quotation found between marks: `inner` is the words inside, `outer` includes the marks. */
export interface MarkedQuote { readonly inner: Span; readonly outer: Span; readonly closed: boolean }

const DOUBLE = /[“”"„«»]/gu
const SINGLE = /[‘’]/gu
const isSpace = (c: string | undefined): boolean => c === undefined || /\s/u.test(c)

/**
 * Pairs quotation marks inside one paragraph. Curly and straight marks may be mixed ("“…," closes), a mark glued
 * to the next word opens (`Iran’s”Morality`), a mark after a non-space closes. A quotation with no closing mark runs
 * to the paragraph end (speech continued in the next paragraph). Single curly marks are used only when a paragraph
 * has no double marks (British style), and a ’ between letters is an apostrophe.
 */
export function pairMarks(text: string, para: Span): MarkedQuote[] {
  const body = text.slice(para.start, para.end)
  const single = !DOUBLE.test(body)
  DOUBLE.lastIndex = 0
  const re = new RegExp(single ? SINGLE.source : DOUBLE.source, 'gu')
  const out: MarkedQuote[] = []
  let open = -1
  let m: RegExpExecArray | null
  re.lastIndex = para.start
  const slice = text.slice(0, para.end)
  while ((m = re.exec(slice))) {
    const i = m.index, ch = m[0], prev = text[i - 1], next = text[i + 1]
    if (single && ch === '’' && /\p{L}/u.test(prev ?? '') && /\p{L}/u.test(next ?? '')) continue
    if (open < 0) {
      if (!isSpace(next) && !/[,.;:!?)]/u.test(next!) && (ch !== '’' || isSpace(prev))) open = i
      continue
    }
    const opensAgain = (ch === '“' || ch === '‘' || ch === '«') && isSpace(prev)
    if (opensAgain) { out.push(quote(text, open, para.end, false)); open = i; continue }
    if (!isSpace(prev)) { out.push(quote(text, open, i, true)); open = -1 }
  }
  if (open >= 0) out.push(quote(text, open, para.end, false))
  return out.filter((q) => q.inner.end > q.inner.start)
}

function quote(text: string, open: number, close: number, closed: boolean): MarkedQuote {
  let s = open + 1, e = close
  while (s < e && /\s/u.test(text[s])) s++
  while (e > s && /[\s,]/u.test(text[e - 1])) e--
  return { inner: { start: s, end: e }, outer: { start: open, end: closed ? close + 1 : close }, closed }
}
