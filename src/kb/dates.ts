/** First day a partial date can mean: "2023" → "2023-01-01", "2023-05" → "2023-05-01". */
export const dateFrom = (d: string): string => (d.length === 4 ? d + '-01-01' : d.length === 7 ? d + '-01' : d)

/** Last day a partial date can mean: "2023" → "2023-12-31", "2023-05" → "2023-05-31". */
export const dateTo = (d: string): string => (d.length === 4 ? d + '-12-31' : d.length === 7 ? d + '-31' : d)

/**
 * True when a role dated [from, to) covers the day. A day-precise `to` is the day the next holder took over, so
 * it is excluded; a month or year `to` is included whole.
 */
export function covers(from: string | null, to: string | null, day: string): boolean {
  if (from && dateFrom(from) > day) return false
  if (!to) return true
  return to.length === 10 ? day < to : day <= dateTo(to)
}

/** True when two role periods overlap. */
export function overlaps(a: { from: string | null; to: string | null }, b: { from: string | null; to: string | null }): boolean {
  const aFrom = a.from ? dateFrom(a.from) : '0000', aTo = a.to ? dateTo(a.to) : '9999'
  const bFrom = b.from ? dateFrom(b.from) : '0000', bTo = b.to ? dateTo(b.to) : '9999'
  return aFrom <= bTo && bFrom <= aTo
}
