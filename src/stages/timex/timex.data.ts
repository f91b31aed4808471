/** Cue lists for time expressions. Resolution conventions are documented in docs/coding-rules.md. */

/** Month names and their abbreviations → month number (1–12). Capitalised only, so the modal "may" never matches. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['January', 1], ['February', 2], ['March', 3], ['April', 4], ['May', 5], ['June', 6], ['July', 7], ['August', 8],
  ['September', 9], ['October', 10], ['November', 11], ['December', 12],
  ['Jan', 1], ['Feb', 2], ['Mar', 3], ['Apr', 4], ['Jun', 6], ['Jul', 7], ['Aug', 8], ['Sep', 9], ['Sept', 9], ['Oct', 10], ['Nov', 11], ['Dec', 12],
])

/** Weekday names → JavaScript day number (Sunday = 0). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['Sunday', 0], ['Monday', 1], ['Tuesday', 2], ['Wednesday', 3], ['Thursday', 4], ['Friday', 5], ['Saturday', 6],
])

/** Words before a bare month name that make it a date ("in February"); without one, "May" and "March" are too ambiguous. */
export const MONTH_LEADS = ['in', 'since', 'from', 'until', 'till', 'by', 'during', 'of', 'before', 'after', 'through', 'between', 'and', 'last', 'this', 'next', 'early', 'late', 'mid', 'end of', 'beginning of']

/** Day words → offset in days from the publication date. */
export const DAY_WORDS: Readonly<Record<string, number>> = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 }

/** "this/last/next" → offset in units (weeks, months, years) from the publication date. */
export const RELATIVE_OFFSETS: Readonly<Record<string, number>> = { this: 0, last: -1, next: 1, past: -1, previous: -1, coming: 1 }

/** Words before a bare year that make it a date ("in 2022", "since 2014"). */
export const YEAR_LEADS = ['in', 'since', 'from', 'until', 'by', 'of', 'during', 'before', 'after', 'through', 'early', 'late', 'mid']
