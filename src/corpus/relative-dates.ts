import type { DatePrecision } from '../doc/layers.js'
import { dayNumber, isoDay } from './dates.js'
import { findTimex } from '../stages/timex/timex.js'
import { MONTHS as TIMEX_MONTHS, WEEKDAYS as TIMEX_WEEKDAYS } from '../stages/timex/timex.data.js'

// the month and weekday names are the timex stage's (one table for the project), matched here in lower case
const WEEKDAYS = [...TIMEX_WEEKDAYS.entries()].sort((a, b) => a[1] - b[1]).map(([w]) => w.toLowerCase())
const MONTH_RE = `(${[...TIMEX_MONTHS.keys()].map((m) => m.toLowerCase()).join('|')})\\.?`
const monthIndex = (s: string) => (TIMEX_MONTHS.get(s[0].toUpperCase() + s.slice(1).toLowerCase().replace('.', '')) ?? 0) - 1

/** A resolved date. */
export interface ResolvedDate { readonly value: string; readonly precision: DatePrecision }

/** Month and day of a date written without a year ("January 3", "3 January", "in June"); null otherwise or when a year is written. */
export function yearlessDate(text: string): { month: number; day: number | null } | null {
  const t = text.toLowerCase()
  if (/\b(1[89]|20)\d{2}\b/.test(t)) return null
  let m = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`).exec(t)
  if (m) return { month: monthIndex(m[1]), day: +m[2] }
  m = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}\\b`).exec(t)
  if (m) return { month: monthIndex(m[2]), day: +m[1] }
  m = new RegExp(`\\b${MONTH_RE}\\b`).exec(t)
  if (m && (m[1] !== 'may' || /\bin\s+may\b/.test(t))) return { month: monthIndex(m[1]), day: null }
  return null
}

/**
 * Resolves a relative or yearless time expression against an anchor day (the publication date, known or
 * inferred): weekdays name the latest such day on or before the anchor ("next" ones the first after it),
 * "this/last/next week" the week's Monday, "yesterday/today", "last month", yearless dates the latest on or before.
 * @example resolveRelative('on Wednesday', '2024-08-05') // { value: '2024-07-31', precision: 'day' }
 */
export function resolveRelative(text: string, anchor: string): ResolvedDate | null {
  // one date resolver for the project: the timex stage's, run on the expression with the (inferred) anchor
  if (Number.isNaN(dayNumber(anchor))) return null
  const first = (t: string) => findTimex(t, [{ start: 0, end: t.length }], anchor).timex.find((x) => x.value != null)
  // a stored expression leaves out the cue word the stage read it with ("in" March): give it back when needed
  const found = first(text) ?? first(`in ${text}`)
  return found ? { value: found.value!, precision: found.precision } : null
}

/** Every year in which a yearless date falls inside `[from, to]` (day numbers), as ISO values. */
export function yearlessCandidates(y: { month: number; day: number | null }, from: number, to: number): ResolvedDate[] {
  const out: ResolvedDate[] = []
  for (let year = new Date(from * 864e5).getUTCFullYear(); year <= new Date(to * 864e5).getUTCFullYear(); year++) {
    const d = Date.UTC(year, y.month, y.day ?? 1) / 864e5
    const end = y.day ? d : Date.UTC(year, y.month + 1, 1) / 864e5 - 1
    if (end >= from && d <= to) out.push(y.day ? { value: isoDay(d), precision: 'day' } : { value: isoDay(d).slice(0, 7), precision: 'month' })
  }
  return out
}

/** The weekday (0 = Sunday) an unresolved expression names on its own ("on Tuesday", "Sunday's"); null for "next/last Tuesday" or none. */
export function weekdayOf(text: string): number | null {
  const t = text.toLowerCase()
  if (/\b(?:next|last|previous|following)\b/.test(t)) return null
  const wd = WEEKDAYS.findIndex((w) => new RegExp(`\\b${w}\\b`).test(t))
  return wd >= 0 ? wd : null
}

const COUNT_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, the: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 }

/**
 * A chained relative date written just before an event's trigger: "two days after a bombing" → -2 (the bombing was
 * two days before the date of the clause), "a day before the talks" → +1; null when the text before the trigger has none.
 * @example offsetBefore('held talks on Tuesday, two days after a terrorist ') // -2
 */
export function offsetBefore(textBeforeTrigger: string): number | null {
  const m = /\b(\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|the)\s+(days?|weeks?)\s+(after|before)\s+(?:(?:a|an|the|this|that|its|their|[\p{L}’'-]+)\s+){0,3}$/iu.exec(textBeforeTrigger)
  if (!m) return null
  const n = COUNT_WORDS[m[1].toLowerCase()] ?? Number(m[1])
  const days = n * (/^week/i.test(m[2]) ? 7 : 1)
  return m[3].toLowerCase() === 'after' ? -days : days
}
