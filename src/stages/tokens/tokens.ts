import { defineStage } from '../../doc/stage.js'
import type { Sentence, Token } from '../../doc/layers.js'
import type { Span } from '../../doc/span.js'
import { ABBREVIATIONS, SENTENCE_STARTERS, TOKEN_RE } from './tokens.data.js'

/** Splits a range of text into tokens (CoNLL-like: punctuation apart, "U.S." whole, possessive "'s" apart). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = []
  const re = new RegExp(TOKEN_RE.source, 'gu')
  re.lastIndex = from
  const slice = from === 0 && to === text.length ? text : text.slice(0, to)
  let m: RegExpExecArray | null
  while ((m = re.exec(slice))) out.push({ start: m.index, end: m.index + m[0].length })
  return out
}

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»'])
const ENDERS = new Set(['.', '!', '?'])

/** True when the token just before a period is an abbreviation or an initial, so the period is not an end. */
function isAbbreviation(text: string, prev: Token | undefined, next: Token | undefined): boolean {
  if (!prev) return false
  const w = text.slice(prev.start, prev.end)
  if (ABBREVIATIONS.has(w.toLowerCase())) return true
  if (/^\p{Lu}$/u.test(w)) return true // an initial: "J. Smith"
  if (/^(?:\p{Lu}\.){2,}$/u.test(w)) return !(next && SENTENCE_STARTERS.has(text.slice(next.start, next.end)))
  return false
}

/** Splits a paragraph's tokens into sentences; a sentence never crosses the paragraph. */
export function splitSentences(text: string, tokens: readonly Token[], para: Span): Sentence[] {
  const out: Sentence[] = []
  let start = -1
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (start < 0) start = t.start
    const ch = text.slice(t.start, t.end)
    let endTok = i
    const isEnd = ENDERS.has(ch) || (/^(?:\p{Lu}\.){2,}$/u.test(ch) && i + 1 < tokens.length && SENTENCE_STARTERS.has(text.slice(tokens[i + 1].start, tokens[i + 1].end)))
    if (!isEnd) continue
    if (ch === '.' && isAbbreviation(text, tokens[i - 1], tokens[i + 1])) continue
    while (endTok + 1 < tokens.length && (CLOSERS.has(text.slice(tokens[endTok + 1].start, tokens[endTok + 1].end)) || ENDERS.has(text.slice(tokens[endTok + 1].start, tokens[endTok + 1].end)))) endTok++
    const next = tokens[endTok + 1]
    // a boundary needs a following word that can start a sentence (capital, digit or opening quote) or the paragraph end
    if (next && !/^[\p{Lu}\p{N}"“‘'(\[]/u.test(text.slice(next.start, next.end))) continue
    out.push({ start, end: tokens[endTok].end })
    start = -1
    i = endTok
  }
  if (start >= 0) out.push({ start, end: tokens[tokens.length - 1].end })
  return out.filter((s) => s.start >= para.start && s.end <= para.end)
}

/** Tokens and sentences, paragraph by paragraph. */
export const tokensStage = defineStage({
  name: 'tokens',
  requires: ['paragraphs'],
  produces: ['tokens', 'sentences'],
  run(doc, { paragraphs }) {
    const tokens: Token[] = []
    const sentences: Sentence[] = []
    for (const p of paragraphs) {
      const pt = tokenize(doc.text, p.start, p.end)
      tokens.push(...pt)
      sentences.push(...splitSentences(doc.text, pt, p))
    }
    return { layers: { tokens, sentences } }
  },
})

/** Index of the first token whose start is >= pos (binary search over a sorted layer). */
export function lowerBound(spans: readonly { start: number }[], pos: number): number {
  let lo = 0, hi = spans.length
  while (lo < hi) { const mid = (lo + hi) >> 1; if (spans[mid].start < pos) lo = mid + 1; else hi = mid }
  return lo
}
