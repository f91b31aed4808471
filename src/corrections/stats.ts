import type { Store } from '../store/store.js'
import { resolveCorrections } from './view.js'

/** How the machine's events of one type fared with the analysts so far. */
export interface TypePrecision {
  readonly type: string
  /** machine events of this type an analyst judged (accepted, fixed, marked wrong or retyped; every uncorrected event of a reviewed document counts as accepted) */
  readonly reviewed: number
  readonly accepted: number
  /** the type stood, another field (actor, date, place, mode) was fixed */
  readonly fixed: number
  /** marked wrong, or given another type */
  readonly wrong: number
  readonly retyped: number
  /** (accepted + fixed) / reviewed: how often the machine was right to code an event of this type here; null before any review */
  readonly precision: number | null
  /** events of this type the machine missed (added by an analyst) */
  readonly missed: number
}

/**
 * Per-type precision of the machine's events from the corrections made so far (GET /api/corrections/stats): each
 * machine event counts once, by its latest judgement, under the type the machine gave it.
 */
export async function correctionStats(store: Store): Promise<{ types: TypePrecision[]; totals: Omit<TypePrecision, 'type'>; corrections: number; orphaned: number; documents_reviewed: number }> {
  const r = await resolveCorrections(store)
  const t = new Map<string, { accepted: number; fixed: number; wrong: number; retyped: number; missed: number }>()
  const row = (type: string) => { let x = t.get(type); if (!x) t.set(type, (x = { accepted: 0, fixed: 0, wrong: 0, retyped: 0, missed: 0 })); return x }
  let reviewedDocs = 0
  for (const d of r.docs.values()) {
    if (d.reviewed) reviewedDocs++
    for (const w of d.wrong_events ?? []) row(w.fact.type).wrong++
    for (const e of d.events) {
      const c = e.correction
      if (!c) { if (d.reviewed) row(e.type).accepted++; continue }
      if (c.status === 'added') { row(e.type).missed++; continue }
      if (c.status === 'accepted') { row(e.type).accepted++; continue }
      const machineType = (c.machine?.type as string | undefined) ?? e.type
      if (machineType !== e.type) { row(machineType).retyped++; row(machineType).wrong++ } else row(machineType).fixed++
    }
  }
  const finish = (x: { accepted: number; fixed: number; wrong: number; retyped: number; missed: number }) => {
    const reviewed = x.accepted + x.fixed + x.wrong
    return { reviewed, ...x, precision: reviewed ? Number(((x.accepted + x.fixed) / reviewed).toFixed(3)) : null }
  }
  const types = [...t].map(([type, x]) => ({ type, ...finish(x) })).sort((a, b) => b.reviewed - a.reviewed || a.type.localeCompare(b.type))
  const sum = { accepted: 0, fixed: 0, wrong: 0, retyped: 0, missed: 0 }
  for (const x of t.values()) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += x[k]
  const orphaned = [...r.states.values()].filter((s) => s.status === 'orphaned').length
  return { types, totals: finish(sum), corrections: r.corrections.length, orphaned, documents_reviewed: reviewedDocs }
}
