import { bylineAuthor, wordCount } from './byline.js'
import type { Line } from './lines.js'
import { MAX_TITLE_WORDS, MIN_TITLE_WORDS, STANDFIRST_MIN_WORDS } from './text.data.js'

/**
 * A line shaped like a headline: not a sentence, date, byline, menu, share bar or other chrome (its kind is `short`),
 * MIN_TITLE_WORDS to MAX_TITLE_WORDS words, opening with a capital (or a letter of a script without case), digit or quote, not ending in a colon or arrow, and
 * not a short all-capitals line (a masthead such as "CITY EVENING POST").
 */
export function isHeadlineShape(l: Line): boolean {
  if (l.kind !== 'short') return false
  const n = wordCount(l.text)
  if (n < MIN_TITLE_WORDS || n > MAX_TITLE_WORDS) return false
  if (!/^[\p{Lu}\p{Lo}\p{N}"'“‘«(¿¡]/u.test(l.text) || /[:•»|›]\s*$/.test(l.text)) return false
  if (!/[\p{Ll}\p{Lo}]/u.test(l.text) && n <= 4) return false
  return bylineAuthor(l.text) === null
}

/** Sentence case and long enough to be a standfirst: most words after the first start in lower case. */
export function isStandfirstShape(text: string): boolean {
  const words = text.split(/\s+/).filter(w => /^\p{L}/u.test(w))
  if (wordCount(text) < STANDFIRST_MIN_WORDS) return false
  const lower = words.slice(1).filter(w => /^[\p{Ll}\p{Lo}]/u.test(w)).length
  return lower / Math.max(1, words.length - 1) >= 0.5
}
