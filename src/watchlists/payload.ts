import type { Watchlist, WatchlistHit } from '../store/watchlists.js'
import { describeQuery } from './query.js'

/** The UI route of a hit: the event card, or the first member's sentence of a contradiction (a hash route; ids stay in the link). */
export function hitRoute(h: Pick<WatchlistHit, 'kind' | 'record'>): string {
  const r = h.record as { event?: string; doc?: string; members?: { doc: string; evidence: { start: number; end: number } }[] }
  if (h.kind === 'event' && r.event) return `#/event/${encodeURIComponent(r.event)}`
  const m = r.members?.[0]
  return m ? `#/doc/${encodeURIComponent(m.doc)}?start=${m.evidence.start}&end=${m.evidence.end}` : '#/contradictions'
}

/** A one-line title of a hit for people: "CONSULT (meeting): Russia → Iran · Tehran Times", or the contradiction's description. */
export function hitTitle(h: Pick<WatchlistHit, 'kind' | 'record'>): string {
  const r = h.record as Record<string, any>
  if (h.kind === 'contradiction') return `Contradiction: ${r.description}`
  const who = `${r.source ?? 'no one named'}${r.target ? ` → ${r.target}` : ''}`
  return `${r.type}${r.mode ? ` (${r.mode})` : ''}: ${who}${r.outlet ? ` · ${r.outlet}` : ''}`
}

/** A hit as the webhook and the API give it: what it says, with the UI route and the API path of the fact (ids only in links). */
export function publicHit(h: WatchlistHit) {
  // the page's title is `page_title`: `title` is the hit's own
  const { doc: _d, event: _e, title: pageTitle, ...record } = h.record as Record<string, unknown>
  const r = h.record as { event?: string; members?: unknown[] }
  const members = Array.isArray(r.members) ? (r.members as Record<string, unknown>[]).map(({ doc: _x, title, ...m }) => ({ ...m, page_title: title })) : undefined
  return { key: h.key, kind: h.kind, found_at: h.found_at, baseline: h.baseline, ...record, ...(h.kind === 'event' ? { page_title: pageTitle ?? null } : {}), ...(members ? { members } : {}),
    title: hitTitle(h), links: { view: hitRoute(h), ...(h.kind === 'event' && r.event ? { api: `/api/events/${encodeURIComponent(r.event)}` } : {}) } }
}

/** The JSON body POSTed to a watchlist's webhook for a batch of new hits (fixed when the delivery is queued). */
export function webhookPayload(w: Watchlist, hits: readonly WatchlistHit[]): string {
  return JSON.stringify({ watchlist: { id: w.id, name: w.name, query: w.query, description: describeQuery(w.query) }, hits: hits.map(publicHit) })
}
