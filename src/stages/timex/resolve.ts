import type { DatePrecision } from '../../doc/layers.js'

/** A resolved date: ISO value cut to its precision. */
export interface Resolved { readonly value: string; readonly precision: DatePrecision }

const pad = (n: number): string => String(n).padStart(2, '0')
/** `YYYY-MM-DD` of a UTC date. */
export const isoDay = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 864e5)

/** Parses the publication date (`YYYY-MM-DD…`) as a UTC day; null when absent or unreadable. */
export function anchorOf(published: string | null | undefined): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? '')
  if (!m) return null
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
  return isNaN(d.getTime()) ? null : d
}

/** A weekday: the most recent such day on or before the anchor ("last" skips the anchor day, "next" looks forward). */
export function weekday(anchor: Date, day: number, rel: string | undefined): Resolved {
  if (rel === 'next') return { value: isoDay(addDays(anchor, ((day - anchor.getUTCDay() + 7) % 7) || 7)), precision: 'day' }
  let back = (anchor.getUTCDay() - day + 7) % 7
  if (rel === 'last' && back === 0) back = 7
  return { value: isoDay(addDays(anchor, -back)), precision: 'day' }
}

/** Monday of the anchor's week shifted by `offset` weeks ("this week" 0, "last week" −1). */
export function weekOf(anchor: Date, offset: number): Resolved {
  const monday = addDays(anchor, -((anchor.getUTCDay() + 6) % 7) + 7 * offset)
  return { value: isoDay(monday), precision: 'week' }
}

/** The anchor's month shifted by `offset` months. */
export function monthOf(anchor: Date, offset: number): Resolved {
  const d = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + offset, 1))
  return { value: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`, precision: 'month' }
}

/** A month without a year: that month of the anchor's year, or of the year before when it would lie after the anchor. */
export function bareMonth(anchor: Date, month: number): Resolved {
  const y = month > anchor.getUTCMonth() + 1 ? anchor.getUTCFullYear() - 1 : anchor.getUTCFullYear()
  return { value: `${y}-${pad(month)}`, precision: 'month' }
}

/** A month and day without a year: the latest such day on or before the anchor. */
export function monthDay(anchor: Date, month: number, day: number): Resolved {
  let y = anchor.getUTCFullYear()
  if (Date.UTC(y, month - 1, day) > anchor.getTime()) y--
  return { value: `${y}-${pad(month)}-${pad(day)}`, precision: 'day' }
}

/** A day offset from the anchor ("yesterday" −1). */
export const dayOffset = (anchor: Date, n: number): Resolved => ({ value: isoDay(addDays(anchor, n)), precision: 'day' })

/** An absolute date; null when the day does not exist in that month. */
export function absolute(y: number, month?: number, day?: number): Resolved | null {
  if (month == null) return { value: String(y), precision: 'year' }
  if (day == null) return { value: `${y}-${pad(month)}`, precision: 'month' }
  const d = new Date(Date.UTC(y, month - 1, day))
  if (d.getUTCMonth() !== month - 1) return null
  return { value: isoDay(d), precision: 'day' }
}
