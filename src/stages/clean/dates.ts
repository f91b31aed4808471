/** Dates written on pages ("October 27, 2022 1:24 pm", "Friday, 15 November 2024", "2024-08-06T10:00Z"). */

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
}
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?'
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?'
/** Month-first and day-first dates, with or without a year, and ISO dates; flags u + i. */
const DATE_RE = new RegExp(`${MONTH}\\s+${DAY}(?:,?\\s*(\\d{4}))?|${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})|\\b(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?))?`, 'i')
/** Names that cannot be part of a person's name in a byline (they start the date glued after it). */
export const WEEKDAY_RE = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i
export const MONTH_WORD_RE = new RegExp(`^${MONTH}$`, 'i')

/** A date found in a string, with where it stands in it. */
export interface FoundDate {
  /** `YYYY-MM-DD`, or `--MM-DD` when the year is not written */
  readonly iso: string
  readonly hasYear: boolean
  readonly index: number
  readonly length: number
  /** the ISO date-time when the page wrote one (metadata values) */
  readonly dateTime?: string
}

const pad = (n: number) => String(n).padStart(2, '0')

/** First date written in `s`, or null. @example findDate('Tuesday, August 6, 2024')?.iso // '2024-08-06' */
export function findDate(s: string): FoundDate | null {
  const m = DATE_RE.exec(s)
  if (!m) return null
  let y: number | null, mo: number, d: number
  if (m[1]) { mo = MONTHS[m[1].toLowerCase()]!; d = +m[2]!; y = m[3] ? +m[3] : null }
  else if (m[5]) { d = +m[4]!; mo = MONTHS[m[5].toLowerCase()]!; y = +m[6]! }
  else { y = +m[7]!; mo = +m[8]!; d = +m[9]! }
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31) || (y !== null && (y < 1900 || y > 2100))) return null
  const iso = `${y === null ? '-' : y}-${pad(mo)}-${pad(d)}`
  const dateTime = m[10] ? `${iso}T${m[10]}` : undefined
  return { iso, hasYear: y !== null, index: m.index, length: m[0].length, ...(dateTime ? { dateTime } : {}) }
}

/** Normalises a metadata date value (ISO, RFC 2822, "2019-11-18 10:00:00") to ISO date or date-time; null when unreadable. */
export function isoFromMeta(value: string | undefined | null): string | null {
  if (!value) return null
  const v = value.trim()
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(v)
  if (iso) return iso[2] ? `${iso[1]}T${iso[2]}${iso[3] ?? ''}` : iso[1]!
  const f = findDate(v)
  return f && f.hasYear ? f.iso : null
}
