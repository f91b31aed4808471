import { defineStage } from '../../doc/stage.js'
import type { Sentence, Token } from '../../doc/layers.js'
import type { Span } from '../../doc/span.js'
import { ABBREVIATIONS, SENTENCE_STARTERS, TOKEN_RE } from './tokens.data.js'
import { pushAll } from '../../doc/arrays.js'

/** True for the characters `\s` matches (none of them can start a token; every other character does). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff))
}

const STICKY = new RegExp(TOKEN_RE.source, 'uy')

/**
 * Splits a range of text into tokens (CoNLL-like: punctuation apart, "U.S." whole, possessive "'s" apart).
 * Scanning TOKEN_RE globally finds each token at the first non-space character (its last branch is `\S`), so the
 * token is matched there with a sticky `test`, which allocates no match array.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = []
  const slice = from === 0 && to === text.length ? text : text.slice(0, to)
  if (splitsPair(slice, from)) return tokenizeGlobal(slice, from)
  const re = STICKY
  const n = slice.length
  for (let i = from; ;) {
    while (i < n && isSpace(slice.charCodeAt(i))) i++
    if (i >= n) break
    re.lastIndex = i
    if (!re.test(slice)) break // cannot happen: \S matches any non-space character
    out.push({ start: i, end: re.lastIndex })
    i = re.lastIndex
  }
  return out
}

/** True when `i` falls between the two halves of a surrogate pair (a global unicode scan then starts a unit earlier). */
function splitsPair(s: string, i: number): boolean {
  const c = s.charCodeAt(i), b = s.charCodeAt(i - 1)
  return i > 0 && c >= 0xdc00 && c <= 0xdfff && b >= 0xd800 && b <= 0xdbff
}

/** The plain global scan, for a range that starts inside a surrogate pair. */
function tokenizeGlobal(slice: string, from: number): Token[] {
  const out: Token[] = []
  const re = new RegExp(TOKEN_RE.source, 'gu')
  re.lastIndex = from
  for (let m = re.exec(slice); m; m = re.exec(slice)) out.push({ start: m.index, end: m.index + m[0].length })
  return out
}

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»'])

/**
 * True when `t` closes what ends at `prev`: a closing bracket or quote. A straight quote is ambiguous, so it
 * closes only when it touches the previous token ('said." He' closes; 'said. "We' opens the next sentence).
 */
function isCloser(text: string, prev: Token, t: Token): boolean {
  const s = text.slice(t.start, t.end)
  if (!CLOSERS.has(s)) return false
  return (s !== '"' && s !== "'") || t.start === prev.end
}
const ENDERS = new Set(['.', '!', '?'])

/** True when the token just before a period is an abbreviation or an initial, so the period is not an end. */
function isAbbreviation(text: string, prev: Token | undefined, next: Token | undefined): boolean {
  if (!prev) return false
  const w = text.slice(prev.start, prev.end)
  // "No. 5" abbreviates number; "he said no." ends a sentence
  if (w.toLowerCase() === 'no') return !!next && /^\p{N}/u.test(text.slice(next.start, next.end))
  if (ABBREVIATIONS.has(w.toLowerCase())) return true
  if (/^\p{Lu}$/u.test(w)) return true // an initial: "J. Smith"
  if (/^(?:\p{Lu}\.){2,}$/u.test(w)) return !(next && SENTENCE_STARTERS.has(text.slice(next.start, next.end)))
  return false
}

/**
 * True when a period runs on, with no space, into one capital letter and a second period: the middle of a dotted
 * abbreviation the token pattern cut after a hyphen ("Sen. Cory Booker (D-N.J.) said": "D-N", ".", "J", "."), not an end.
 */
function dottedTail(text: string, dot: Token, next: Token | undefined, after: Token | undefined): boolean {
  return !!next && !!after && next.start === dot.end && next.end - next.start === 1 && /\p{Lu}/u.test(text[next.start]!) && after.start === next.end && text[after.start] === '.'
}

const DOTTED = /^(?:\p{Lu}\.){2,}$/u
const CAN_START = /^[\p{Lu}\p{N}"“‘'(\[]/u

/** True when the token is one of ENDERS ('.', '!', '?'), read without slicing. */
function isEnder(text: string, t: Token): boolean {
  if (t.end - t.start !== 1) return false
  const c = text.charCodeAt(t.start)
  return c === 46 || c === 33 || c === 63
}

/** True for a dotted capital abbreviation ("U.S.") — at least four units, ending in a period, checked in that order. */
function isDotted(text: string, t: Token): boolean {
  return t.end - t.start >= 4 && text.charCodeAt(t.end - 1) === 46 && DOTTED.test(text.slice(t.start, t.end))
}

/** Splits a paragraph's tokens into sentences; a sentence never crosses the paragraph. */
export function splitSentences(text: string, tokens: readonly Token[], para: Span): Sentence[] {
  const out: Sentence[] = []
  const str = (t: Token) => text.slice(t.start, t.end)
  let start = -1
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (start < 0) start = t.start
    let endTok = i
    const ender = isEnder(text, t)
    const isEnd = ender || (isDotted(text, t) && i + 1 < tokens.length && SENTENCE_STARTERS.has(str(tokens[i + 1])))
    if (!isEnd) continue
    if (ender && text.charCodeAt(t.start) === 46 && (isAbbreviation(text, tokens[i - 1], tokens[i + 1]) || dottedTail(text, t, tokens[i + 1], tokens[i + 2]))) continue
    while (endTok + 1 < tokens.length && (isCloser(text, tokens[endTok], tokens[endTok + 1]) || isEnder(text, tokens[endTok + 1]))) endTok++
    const next = tokens[endTok + 1]
    // a boundary needs a following word that can start a sentence (capital, digit or opening quote) or the paragraph end
    if (next && !CAN_START.test(str(next))) continue
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
      pushAll(tokens, pt)
      pushAll(sentences, splitSentences(doc.text, pt, p))
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
