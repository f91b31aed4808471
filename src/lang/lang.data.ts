/** Data of language detection: how much text the detector needs, which languages read right to left. */

/** Fewest letters of text the detector is trusted with (a shorter text keeps the language its record or page claims). */
export const MIN_DETECT_LETTERS = 40
/**
 * Smallest lead of eld's best language over English, as a fraction of the best score, for a verdict that a text is
 * not English (which turns the English reading stages off). Short texts made mostly of names score close for
 * several languages ("In February, Hossein Amir Abdollahian visited Nicaragua and Venezuela." reads Yoruba 0.62,
 * English 0.60): such a text is not detected rather than misread. Close neighbours (Russian and Bulgarian) do not
 * need the lead.
 */
export const MIN_DETECT_LEAD = 0.05
/** Characters of the cleaned text given to the detector (the start of a page says which language it is written in). */
export const DETECT_CHARS = 4000
/** Languages written right to left (ISO 639-1): their text is laid out `dir="rtl"` in the UI. */
export const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'ku', 'sd', 'ug', 'dv'])
/** Languages the English-only reading stages (syntax, entities, timex, quotes, events, claims, framing) are built for. */
export const ENGLISH: readonly string[] = ['en']
