import type { Ctx } from '../context.js'
import { QUOTE_MARKS, SECT_ADJECTIVES, SLOGAN_MAX_WORDS } from '../entities.data.js'
import type { Candidate } from './05-candidates.js'

/** Month names and their news abbreviations. */
const MONTH_RE = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?:\.|[a-z]*)$/

/** The words [a, b) between the quotation marks around word i in its sentence, or null when i is not quoted. */
function quotationAround(ctx: Ctx, i: number): { a: number; b: number } | null {
  const { words } = ctx
  const sent = words[i]!.sent
  let a = i - 1
  while (a >= 0 && words[a]!.sent === sent && !QUOTE_MARKS.has(words[a]!.text) && i - a <= SLOGAN_MAX_WORDS + 1) a--
  let b = i + 1
  while (b < words.length && words[b]!.sent === sent && !QUOTE_MARKS.has(words[b]!.text) && b - i <= SLOGAN_MAX_WORDS + 1) b++
  if (a < 0 || b >= words.length || !QUOTE_MARKS.has(words[a]!.text) || !QUOTE_MARKS.has(words[b]!.text)) return null
  return { a: a + 1, b }
}

/**
 * True for candidates that are no names, whoever proposed them: a religious, sectarian or ethnic adjective
 * ("a Shi'a shrine", seed 000), or one capitalised word of a quotation whose words are all capitalised (a slogan
 * or title such as “Bread, Work, Liberty”, seed 000), which a tagger reads as a name because of its capital.
 */
export function isNoName(ctx: Ctx, c: Candidate): boolean {
  if (c.w1 - c.w0 !== 1) return false
  const w = ctx.words[c.w0]!
  if (SECT_ADJECTIVES.has(w.fold.replace(/['-]/g, ''))) return true
  // a month before a day number is a date ("MOSCOW, Jan 10 (Reuters)"), whatever a tagger makes of its capital
  if (MONTH_RE.test(w.text) && /^\d{1,2}(?:st|nd|rd|th)?$/.test(ctx.words[c.w0 + 1]?.text ?? '')) return true
  const q = quotationAround(ctx, c.w0)
  if (!q) return false
  let named = 0
  for (let k = q.a; k < q.b; k++) {
    const x = ctx.words[k]!
    if (!/\p{L}/u.test(x.text)) continue
    if (!x.cap) return false
    named++
  }
  return named >= 2
}
