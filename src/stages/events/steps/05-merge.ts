import type { EventRecord } from '../../../doc/layers.js'

const key = (e: EventRecord): string => `${e.type}|${e.source_actor?.actor ?? '-'}|${e.target_actor?.actor ?? '-'}`
const SYMMETRIC = new Set(['CONSULT', 'COOPERATE', 'AGREE'])
const symKey = (e: EventRecord): string => `${e.type}|${e.target_actor?.actor ?? '-'}|${e.source_actor?.actor ?? '-'}`

/**
 * One real event told twice on a page is one event: same type and actors (either order for CONSULT, COOPERATE,
 * AGREE) and no conflicting day. The first telling is kept; it takes a date or location only the later one gives.
 */
export function mergeRepeats(events: readonly EventRecord[]): EventRecord[] {
  const out: EventRecord[] = []
  for (const e of events) {
    const i = out.findIndex((o) => (key(o) === key(e) || (SYMMETRIC.has(e.type) && key(o) === symKey(e))) && (!o.date || !e.date || o.date === e.date) && (o.source_actor || o.target_actor || o.location === e.location))
    if (i < 0) { out.push(e); continue }
    const o = out[i]
    out[i] = { ...o, date: o.date ?? e.date, date_precision: o.date ? o.date_precision : e.date_precision, date_basis: o.date ? o.date_basis : e.date_basis, location: o.location ?? e.location, mode: o.mode ?? e.mode }
  }
  return out
}
