import type { DatePrecision } from '../doc/layers.js'

const DAY = 864e5
/** Days since 1970-01-01 of an ISO date's first day (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); NaN when unreadable. */
export function dayNumber(iso: string): number {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso)
  return m ? Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1) / DAY : NaN
}
/** ISO `YYYY-MM-DD` of a day number. */
export const isoDay = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10)

/** The closed range of days a date covers at its precision (a `week` date names the week's first day). */
export function dateRange(value: string, precision: DatePrecision | null): [number, number] | null {
  const d = dayNumber(value)
  if (Number.isNaN(d)) return null
  const p = precision ?? (value.length <= 4 ? 'year' : value.length <= 7 ? 'month' : 'day')
  if (p === 'day') return [d, d]
  if (p === 'week') return [d, d + 6]
  const y = +value.slice(0, 4), m = p === 'month' ? +value.slice(5, 7) || 1 : 1
  const end = p === 'month' ? Date.UTC(y, m, 1) / DAY - 1 : Date.UTC(y + 1, 0, 1) / DAY - 1
  return [p === 'month' ? Date.UTC(y, m - 1, 1) / DAY : Date.UTC(y, 0, 1) / DAY, end]
}

/** Days between two ranges (0 when they overlap). */
export const rangeGap = (a: [number, number], b: [number, number]): number => Math.max(0, a[0] - b[1], b[0] - a[1])

/** Rank of a precision, finest first. */
export const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, week: 1, month: 2, year: 3 }

/** Formats a date at a precision: `YYYY-MM` for months, `YYYY` for years, the day otherwise. */
export function atPrecision(day: string, precision: DatePrecision): string {
  return precision === 'month' ? day.slice(0, 7) : precision === 'year' ? day.slice(0, 4) : day.slice(0, 10)
}
/** Monday of the week holding a day number. */
export const mondayOf = (n: number): number => n - ((new Date(n * DAY).getUTCDay() + 6) % 7)
