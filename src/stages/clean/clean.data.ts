/** Limits of the clean stage (bounded time and memory on hostile input). */

/** Longest scraped-text input read, in UTF-16 units; the rest is dropped with a warning. */
export const MAX_TEXT_CHARS = 2_000_000
/** A standfirst kept ahead of an HTML body must have at least this many words (shorter header lines are kickers or bylines). */
export const MIN_LEAD_WORDS = 8
