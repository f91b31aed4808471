import { corpusIndex } from '../../store/queries.js'
import type { Store } from '../../store/store.js'

/** Full-text search with facets (outlet, year); `outlet` narrows the hits after the facets are counted. */
export async function searchFacets(store: Store, q: string, opts: { outlet?: string; year?: string; limit?: number; offset?: number } = {}) {
  const ix = await corpusIndex(store)
  const hits = (await store.search(q, { limit: 1000 })).map((h) => ({ ...h, published: ix.docs.get(h.doc_id)?.published ?? null }))
  const facet = (f: (h: (typeof hits)[number]) => string | null) => {
    const m = new Map<string, number>()
    for (const h of hits) { const v = f(h); if (v) m.set(v, (m.get(v) ?? 0) + 1) }
    return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value, count]) => ({ value, count }))
  }
  const facets = { outlet: facet((h) => h.outlet), year: facet((h) => h.published?.slice(0, 4) ?? null) }
  const kept = hits.filter((h) => (!opts.outlet || h.outlet === opts.outlet) && (!opts.year || h.published?.startsWith(opts.year)))
  const offset = opts.offset ?? 0, limit = opts.limit ?? 50
  return { total: kept.length, items: kept.slice(offset, offset + limit), facets }
}
