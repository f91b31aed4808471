/** Numeric claims across pages, grouped by unit, so readers can compare the figures outlets give (no verdict is added). */
import { corpusIndex, memo, type CorpusIndex } from '../../store/queries.js'
import type { Store } from '../../store/store.js'
import type { ClaimRecord } from '../../doc/layers.js'

/** One numeric claim with its page and evidence. */
export interface ClaimRow {
  readonly id: string; readonly doc: string; readonly outlet: string | null; readonly title: string | null; readonly copy: boolean
  readonly what: string; readonly value: number; readonly qualifier: string | null; readonly unit: string
  readonly evidence: { readonly start: number; readonly end: number; readonly text: string }
  /** what found it (the claims stage's rules); null for records stored before the field existed */
  readonly produced_by: NonNullable<ClaimRecord['produced_by']> | null
}
/** The claims of one unit, with the distinct values and the pages giving each. */
export interface ClaimGroup { readonly unit: string; readonly values: readonly { readonly value: number; readonly docs: number; readonly outlets: readonly string[] }[]; readonly claims: readonly ClaimRow[] }

const groups = memo((ix: CorpusIndex): ClaimGroup[] => {
  const by = new Map<string, ClaimRow[]>()
  for (const doc of ix.docs.values()) for (const c of doc.claims) {
    const copy = !!doc.copy_of || (doc.duplicates ?? []).some((x) => x.relation === 'copy-of')
    const row: ClaimRow = { id: c.id, doc: doc.id, outlet: doc.outlet, title: doc.title, copy, what: c.what, value: c.value, qualifier: c.qualifier, unit: c.unit, evidence: c.evidence, produced_by: c.produced_by ?? null }
    by.set(c.unit, [...(by.get(c.unit) ?? []), row])
  }
  return [...by].map(([unit, claims]) => {
    const vals = new Map<number, { docs: Set<string>; outlets: Set<string> }>()
    for (const c of claims) { const v = vals.get(c.value) ?? { docs: new Set(), outlets: new Set() }; v.docs.add(c.doc); if (c.outlet) v.outlets.add(c.outlet); vals.set(c.value, v) }
    return { unit, claims: [...claims].sort((a, b) => a.value - b.value || (a.outlet ?? '').localeCompare(b.outlet ?? '')),
      values: [...vals].sort((a, b) => b[1].docs.size - a[1].docs.size || a[0] - b[0]).map(([value, v]) => ({ value, docs: v.docs.size, outlets: [...v.outlets].sort() })) }
  }).sort((a, b) => b.claims.length - a.claims.length || a.unit.localeCompare(b.unit))
})

/** Every numeric claim, grouped by unit (largest group first). */
export async function claimGroups(store: Store): Promise<ClaimGroup[]> { return groups(await corpusIndex(store)) }
