/** Dates written on pages ("October 27, 2022 1:24 pm", "Friday, 15 November 2024", "13.11.2024, 16:05", "2024-08-06T10:00Z"). */
import { isValidJalaaliDate, toGregorian } from 'jalaali-js'
import { DATE_FILLER_WORDS, INTL_MONTHS, MONTHS, PUBLISHED_LABEL_RE, UPDATED_LABEL_RE, ZONE_OFFSETS } from './dates.data.js'

/**
 * The text as dates are matched in it: Persian (۰-۹) and Arabic-Indic (٠-٩) digits as ASCII digits, Arabic ي/ك as
 * the Persian ی/ک. Every character maps to one of the same length, so offsets into it are offsets into the input.
 */
export function foldForDates(s: string): string {
  return s.replace(/[\u06F0-\u06F9\u0660-\u0669\u064A\u0643]/g, (c) => {
    const k = c.charCodeAt(0)
    return k >= 0x06f0 && k <= 0x06f9 ? String(k - 0x06f0) : k >= 0x0660 && k <= 0x0669 ? String(k - 0x0660) : k === 0x064a ? 'ی' : 'ک'
  })
}
/** Russian, Arabic and Persian month names (folded), as the month and calendar they name. */
const INTL = new Map<string, { month: number; calendar: 'gregorian' | 'jalali' }>()
for (const m of INTL_MONTHS) for (const n of m.names) INTL.set(foldForDates(n).toLowerCase(), { month: m.month, calendar: m.calendar })
const INTL_ALT = [...INTL.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/ /g, '\\s+')).join('|')
/** Letters that may not follow a month name (it would be the start of a longer word). */
const NOT_AFTER_MONTH = '(?![A-Za-z\\u0400-\\u04FF\\u0600-\\u06FF])'

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?'
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)'
/**
 * Month-first (year optional), day-first with a month name, ISO (optionally with a time), day-first numeric
 * ("13.11.2024", "13/11/2024", "13-11-2024") and year-first numeric ("2024/11/13") dates; flags i.
 */
const DATE_SRC = `${MONTH}\\s+${DAY}(?:,?\\s*(\\d{4}))?|${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})` +
  `|\\b(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?))?` +
  `|\\b(\\d{1,2})([./-])(\\d{1,2})\\12(\\d{4})(?!\\d)|\\b(\\d{4})/(\\d{1,2})/(\\d{1,2})(?!\\d)` +
  `|(?<!\\d)(\\d{1,2})\\s+(${INTL_ALT})${NOT_AFTER_MONTH}[.,،]?\\s+(\\d{4})(?!\\d)`
const DATE_RE = new RegExp(DATE_SRC, 'i')
const DATE_RE_G = new RegExp(DATE_SRC, 'gi')
/** A time printed right after a date ("10:20 am", "- 21:47", "at 15.20 GMT", "16:05 (UTC+3)"), with an optional zone. */
const TIME_AFTER_RE = /^\s*(?:[,|–—-]\s*|at\s+)?(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([ap])?\.?(?:m\b\.?)?\s*\(?(Z\b|[+-]\d{2}:?\d{2}\b|(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?\b|[A-Za-z]{1,5}\b)?/i
/** Names that cannot be part of a person's name in a byline (they start the date glued after it). */
export const WEEKDAY_RE = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i
export const MONTH_WORD_RE = new RegExp(`^${MONTH}$`, 'i')

/** A date found in a string, with where it stands in it. */
export interface FoundDate {
  /** `YYYY-MM-DD`, or `--MM-DD` when the year is not written */
  readonly iso: string
  readonly hasYear: boolean
  readonly index: number
  /** length of the date itself, without a time after it */
  readonly length: number
  /** the ISO date-time when the page wrote a time with a zone (or an ISO date-time) */
  readonly dateTime?: string
}

/** A date with what its label says it is: the publication, a later update, or unlabelled. */
export interface LabelledDate extends FoundDate { readonly label: 'published' | 'updated' | null }

const pad = (n: number | string) => String(n).padStart(2, '0')

/** Reads one match of DATE_RE; null when the numbers are no calendar date. */
function fromMatch(m: RegExpExecArray, s: string): FoundDate | null {
  let y: number | null, mo: number, d: number
  if (m[1]) { mo = MONTHS[m[1].toLowerCase()]!; d = +m[2]!; y = m[3] ? +m[3] : null }
  else if (m[5]) { d = +m[4]!; mo = MONTHS[m[5].toLowerCase()]!; y = +m[6]! }
  else if (m[7]) { y = +m[7]; mo = +m[8]!; d = +m[9]! }
  else if (m[11]) {
    // day-first unless only month-first reads as a date: the corpus' outlets (Russian, Iranian, European) write 13.11.2024
    const a = +m[11], b = +m[13]!
    ;[d, mo] = a <= 12 && b > 12 ? [b, a] : [a, b]; y = +m[14]!
  } else if (m[19]) {
    const month = INTL.get(m[19].toLowerCase().replace(/\s+/g, ' '))!
    d = +m[18]!; y = +m[20]!; mo = month.month
    if (month.calendar === 'jalali') {
      // a solar hijri date (Persian pages: "۲۵ آبان ۱۴۰۳") is converted to the Gregorian calendar
      if (!isValidJalaaliDate(y, mo, d)) return null
      const g = toGregorian(y, mo, d)
      y = g.gy; mo = g.gm; d = g.gd
    }
  } else { y = +m[15]!; mo = +m[16]!; d = +m[17]! }
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31) || (y !== null && (y < 1900 || y > 2100 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()))) return null
  const iso = `${y === null ? '-' : y}-${pad(mo)}-${pad(d)}`
  const dateTime = m[10] ? `${iso}T${m[10]}` : y === null ? undefined : timeAfter(iso, s.slice(m.index + m[0].length))
  return { iso, hasYear: y !== null, index: m.index, length: m[0].length, ...(dateTime ? { dateTime } : {}) }
}

/** The ISO date-time when a time and a known zone follow the date ("10:20 am GMT" -> "…T10:20:00Z"); else undefined. */
function timeAfter(iso: string, rest: string): string | undefined {
  const t = TIME_AFTER_RE.exec(rest)
  if (!t || !t[5]) return undefined
  let h = +t[1]!
  const min = +t[2]!
  if (t[4]) { if (h > 12) return undefined; h = (h % 12) + (t[4].toLowerCase() === 'p' ? 12 : 0) }
  if (h > 23 || min > 59) return undefined
  const zone = zoneOffset(t[5])
  return zone ? `${iso}T${pad(h)}:${pad(min)}:${pad(t[3] ?? '00')}${zone}` : undefined
}

/** "+0330" / "GMT+3" / "MSK" as an ISO offset; null for an unknown word. */
function zoneOffset(z: string): string | null {
  const num = /^(?:(?:UTC|GMT)\s*)?([+-])\s*(\d{1,2}):?(\d{2})?$/i.exec(z.trim())
  if (num) return `${num[1]}${pad(num[2]!)}:${num[3] ?? '00'}`
  return ZONE_OFFSETS[z.trim().toLowerCase()] ?? null
}

/** First date written in `s`, or null. @example findDate('Tuesday, August 6, 2024')?.iso // '2024-08-06' */
export function findDate(raw: string): FoundDate | null {
  const s = foldForDates(raw)
  const m = DATE_RE.exec(s)
  return m ? fromMatch(m, s) : null
}

/**
 * Every date in `s` (at most `max`), each with its label: the "Published"/"Updated" word between it and the date
 * before it. @example findDates('Published 4 March 2024 · Updated 5 March 2024').map(d => d.label) // ['published', 'updated']
 */
export function findDates(raw: string, max = 4): LabelledDate[] {
  const s = foldForDates(raw)
  const out: LabelledDate[] = []
  DATE_RE_G.lastIndex = 0
  let prevEnd = 0
  for (let m = DATE_RE_G.exec(s); m && out.length < max; m = DATE_RE_G.exec(s)) {
    const d = fromMatch(m, s)
    if (!d) continue
    const before = s.slice(prevEnd, m.index)
    const label = new RegExp(UPDATED_LABEL_RE.source, 'i').test(before) ? 'updated' : new RegExp(PUBLISHED_LABEL_RE.source, 'i').test(before) ? 'published' : null
    out.push({ ...d, label })
    prevEnd = m.index + m[0].length
  }
  return out
}

/** `s` with its dates, times, zones and date labels taken out (what is left tells whether a line is only a date). */
export function withoutDates(s: string): string {
  return foldForDates(s).replace(DATE_RE_G, ' ').replace(/\d{1,2}[:.]\d{2}(?::\d{2})?\s*([ap]\.?m\.?)?|\b(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}\b/gi, ' ')
    .split(/[^\p{L}\p{N}]+/u).filter(w => w && !DATE_FILLER_WORDS.has(w.toLowerCase()) && !(w.toLowerCase() in ZONE_OFFSETS)).join(' ')
}

/** Normalises a metadata date value (ISO, RFC 2822, "2019-11-18 10:00:00") to ISO date or date-time; null when unreadable. */
export function isoFromMeta(value: string | undefined | null): string | null {
  if (!value) return null
  const v = foldForDates(value.trim())
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(v)
  if (iso) return iso[2] ? `${iso[1]}T${iso[2]}${iso[3] ?? ''}` : iso[1]!
  const f = findDate(v)
  return f && f.hasYear ? f.iso : null
}
