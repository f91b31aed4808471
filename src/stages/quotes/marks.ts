import type { Span } from '../../doc/span.js'

/** A quotation found between marks: `inner` is the words inside, `outer` includes the marks. */
export interface MarkedQuote { readonly inner: Span; readonly outer: Span; readonly closed: boolean }

const DOUBLE = /[“”"„«»]/gu
const SINGLE = /[‘’]/gu
const isSpace = (c: string | undefined): boolean => c === undefined || /\s/u.test(c)

/**
 * Pairs quotation marks inside one paragraph. Curly and straight marks may be mixed ("“…," closes), a mark glued
 * to the next word opens (`Iran’s”Morality`), a mark after a non-space closes. A quotation with no closing mark runs
 * to the paragraph end (speech continued in the next paragraph), or to the next opening mark when one opens before
 * it closes; a quotation nested in the same marks (“… “inner” …”) belongs to the outer one. Single curly marks are
 * used only when a paragraph has no double marks (British style), and a ’ between letters is an apostrophe.
 */
export function pairMarks(text: string, para: Span): MarkedQuote[] {
  const body = text.slice(para.start, para.end)
  const single = !DOUBLE.test(body)
  DOUBLE.lastIndex = 0
  const re = new RegExp(single ? SINGLE.source : DOUBLE.source, 'gu')
  const marks: number[] = []
  let m: RegExpExecArray | null
  re.lastIndex = para.start
  const slice = text.slice(0, para.end)
  while ((m = re.exec(slice))) {
    const i = m.index, prev = text[i - 1], next = text[i + 1]
    if (!(single && m[0] === '’' && /\p{L}/u.test(prev ?? '') && /\p{L}/u.test(next ?? ''))) marks.push(i)
  }
  const opensAgain = (i: number): boolean => /[“‘«]/u.test(text[i]!) && isSpace(text[i - 1])
  const closes = (i: number): boolean => !isSpace(text[i - 1]) && !opensAgain(i)
  const out: MarkedQuote[] = []
  let open = -1
  for (let k = 0; k < marks.length; k++) {
    const i = marks[k]!, ch = text[i]!, prev = text[i - 1], next = text[i + 1]
    if (open < 0) {
      if (!isSpace(next) && !/[,.;:!?)]/u.test(next!) && (ch !== '’' || isSpace(prev))) open = i
      continue
    }
    if (opensAgain(i)) {
      // a quotation inside a quotation in the same marks (“… “inner” …”): two closing marks follow; skip to the outer one
      const j = marks[k + 1], l = marks[k + 2]
      if (j !== undefined && l !== undefined && closes(j) && closes(l) && /[\s,.;:!?)]/u.test(text[l + 1] ?? ' ')) {
        out.push(quote(text, open, l, true)); open = -1; k += 2; continue
      }
      // else the earlier quotation lost its closing mark: it ends where the next one opens
      out.push(quote(text, open, i, false)); open = i; continue
    }
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
