/** Words whose trailing period belongs to the word (titles, months, ranks): never a sentence end. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'brig', 'capt', 'cmdr', 'adm', 'sgt', 'sen', 'rep', 'gov',
  'pres', 'st', 'jr', 'sr', 'rev', 'hon', 'amb', 'messrs', 'no', 'vs', 'etc', 'approx', 'dept', 'est', 'inc', 'ltd', 'co', 'corp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'fig', 'vol', 'al',
])

/** Abbreviations that usually end a sentence only when followed by a capitalised function word. */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  'The', 'He', 'She', 'It', 'They', 'We', 'I', 'In', 'On', 'But', 'And', 'A', 'An', 'This', 'That', 'His', 'Her', 'Their', 'Its', 'There',
])

/**
 * Token pattern, tried in order: dotted abbreviations (U.S., U.N.), numbers with separators (25,490 / 4.5),
 * words with inner hyphens or apostrophes (Moscow-Tehran, Shi'a) — a possessive 's is split off as CoNLL does —
 * a possessive or contraction tail, then any other single non-space character.
 */
export const TOKEN_RE = /(?:\p{Lu}\.){2,}|\p{N}+(?:[.,]\p{N}+)*(?:st|nd|rd|th)?|[\p{L}\p{M}\p{N}]+(?:(?:-|['’](?![sS]\b))[\p{L}\p{M}\p{N}]+)*|['’][sS]\b|\S/guy
