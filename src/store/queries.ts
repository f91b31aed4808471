/**
 * Read-side queries the API and UI need beyond the Store interface, computed over it (no new SQL):
 * an in-memory corpus index (documents, events, actors, story events, quotes) cached per store and
 * refreshed when the store's counts change, plus the views built on it (event card, actor page,
 * network, map places, search facets).
 */
import type { EventRecord, QuoteRecord } from '../doc/layers.js'
import type { Span } from '../doc/span.js'
import type { ActorRecord, ContradictionRecord, DocumentRecord, StoryEventRecord, StoryRecord } from '../model/records.js'
import type { Store } from './store.js'

export type ActorWithCounts = ActorRecord & { mentions: number; events: number }
/** A directed "who acts on whom" edge, weighted by events, with counts per event type. */
export interface NetworkEdge { readonly source: string; readonly target: string; readonly weight: number; readonly types: Readonly<Record<string, number>> }

/** Everything the read views need, built once from the store. */
export interface CorpusIndex {
  readonly docs: ReadonlyMap<string, DocumentRecord>
  readonly events: ReadonlyMap<string, { readonly doc: DocumentRecord; readonly event: EventRecord }>
  readonly actors: ReadonlyMap<string, ActorWithCounts>
  readonly stories: readonly StoryRecord[]
  readonly storyEvents: ReadonlyMap<string, StoryEventRecord>
  readonly contradictions: readonly ContradictionRecord[]
  readonly quotesBySpeaker: ReadonlyMap<string, readonly { readonly doc: DocumentRecord; readonly quote: QuoteRecord }[]>
  readonly edges: readonly NetworkEdge[]
}

/**
 * How often a cached index is checked against the store's counts (ms). The check runs after the answer
 * (stale-while-revalidate): counting a large store takes a few hundred ms and must not sit in a request.
 */
const INDEX_CHECK_MS = 30_000

const cache = new WeakMap<Store, { index: Promise<CorpusIndex>; fingerprint: Promise<string>; checkedAt: number; checking: boolean }>()

/** Returns the store's corpus index; built on first use, then revalidated in the background at most every 30 s. */
export async function corpusIndex(store: Store): Promise<CorpusIndex> {
  const hit = cache.get(store)
  if (!hit) {
    const fingerprint = store.stats().then((x) => JSON.stringify(x))
    const index = fingerprint.then(() => buildIndex(store))
    cache.set(store, { index, fingerprint, checkedAt: Date.now(), checking: false })
    index.catch(() => cache.delete(store))
    return index
  }
  if (!hit.checking && Date.now() - hit.checkedAt > INDEX_CHECK_MS) {
    hit.checking = true
    setTimeout(() => void revalidate(store, hit), 0)
  }
  return hit.index
}

async function revalidate(store: Store, hit: { index: Promise<CorpusIndex>; fingerprint: Promise<string>; checkedAt: number; checking: boolean }): Promise<void> {
  try {
    const now = JSON.stringify(await store.stats())
    if (now !== (await hit.fingerprint)) {
      const index = buildIndex(store)
      await index
      cache.set(store, { index, fingerprint: Promise.resolve(now), checkedAt: Date.now(), checking: false })
      return
    }
  } catch { /* keep serving the last good index */ }
  hit.checkedAt = Date.now(); hit.checking = false
}

/** The store's counts as of the cached index (cheap; `store.stats()` counts every table). */
export async function indexedStats(store: Store): Promise<Record<string, number>> {
  await corpusIndex(store)
  return JSON.parse(await cache.get(store)!.fingerprint)
}

/** Forgets the cached index (call after writing to the store). */
export function invalidateIndex(store: Store): void { cache.delete(store) }

/** Memoises a value derived from one index (the index is immutable, so a WeakMap keyed by it is safe). */
function memo<T>(f: (ix: CorpusIndex) => T): (ix: CorpusIndex) => T {
  const m = new WeakMap<CorpusIndex, T>()
  return (ix) => { if (!m.has(ix)) m.set(ix, f(ix)); return m.get(ix)! }
}

async function buildIndex(store: Store): Promise<CorpusIndex> {
  const [all, actorList, stories, storyEvents, contradictions] = await Promise.all([store.allDocuments(), store.listActors({ limit: 1_000_000 }),
    store.listCorpus('story'), store.listCorpus('story_event'), store.listCorpus('contradiction')])
  const docs = new Map(all.map((d) => [d.id, d]))
  const events = new Map<string, { doc: DocumentRecord; event: EventRecord }>()
  const quotesBySpeaker = new Map<string, { doc: DocumentRecord; quote: QuoteRecord }[]>()
  const edgeMap = new Map<string, { source: string; target: string; weight: number; types: Record<string, number> }>()
  for (const doc of all) {
    for (const event of doc.events) {
      events.set(event.id, { doc, event })
      const s = event.source_actor?.actor, t = event.target_actor?.actor
      if (!s || !t || s === t) continue
      const key = s + '\u0000' + t
      const e = edgeMap.get(key) ?? { source: s, target: t, weight: 0, types: {} }
      e.weight++; e.types[event.type] = (e.types[event.type] ?? 0) + 1
      edgeMap.set(key, e)
    }
    for (const quote of doc.quotes) if (quote.speaker) {
      const list = quotesBySpeaker.get(quote.speaker.actor) ?? []
      list.push({ doc, quote }); quotesBySpeaker.set(quote.speaker.actor, list)
    }
  }
  const edges = [...edgeMap.values()].sort((a, b) => b.weight - a.weight || a.source.localeCompare(b.source) || a.target.localeCompare(b.target))
  return { docs, events, actors: new Map(actorList.map((a) => [a.id, a])), stories, storyEvents: new Map(storyEvents.map((s) => [s.id, s])),
    contradictions, quotesBySpeaker, edges }
}

/** One source's view of an event: its sentence, the evidence and trigger spans, and whether the page is a copy. */
export interface EventSource {
  readonly doc: string; readonly event: string; readonly outlet: string | null; readonly title: string | null; readonly url: string | null
  readonly published: string | null; readonly copy_of: string | null; readonly is_copy: boolean
  readonly sentence: Span & { readonly text: string }; readonly evidence: Span; readonly trigger: Span | null
}
export interface EventCard {
  readonly event: EventRecord & { readonly doc: string }
  readonly story_event: StoryEventRecord | null
  readonly sources: readonly EventSource[]
  readonly contradictions: readonly ContradictionRecord[]
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end

/** The sentence(s) of a document that hold a span (the span itself when the document has no sentences). */
export function sentenceAround(doc: DocumentRecord, span: Span): Span & { text: string } {
  const hit = (doc.sentences ?? []).filter((s) => overlaps(s, span))
  const start = Math.min(span.start, ...hit.map((s) => s.start)), end = Math.max(span.end, ...hit.map((s) => s.end))
  return { start, end, text: doc.text.slice(start, end) }
}

function sourceOf(doc: DocumentRecord, event: EventRecord): EventSource {
  const isCopy = !!doc.copy_of || (doc.duplicates ?? []).some((d) => d.relation === 'copy-of')
  return { doc: doc.id, event: event.id, outlet: doc.outlet, title: doc.title, url: doc.source.url, published: doc.published, copy_of: doc.copy_of, is_copy: isCopy,
    sentence: sentenceAround(doc, event.evidence), evidence: { start: event.evidence.start, end: event.evidence.end },
    trigger: event.trigger ? { start: event.trigger.start, end: event.trigger.end } : null }
}

/** An event with every source that reports it (its story event's members) and the contradictions touching their sentences. */
export async function eventCard(store: Store, id: string): Promise<EventCard | null> {
  const ix = await corpusIndex(store)
  const hit = ix.events.get(id)
  if (!hit) return null
  const se = hit.event.story_event ? ix.storyEvents.get(hit.event.story_event) ?? null : null
  const members = se ? se.members.map((m) => ix.events.get(m.event)).filter((x): x is NonNullable<typeof x> => !!x) : [hit]
  if (!members.some((m) => m.event.id === id)) members.unshift(hit)
  const sources = members.map((m) => sourceOf(m.doc, m.event))
  const contradictions = ix.contradictions.filter((c) => c.members.some((cm) => sources.some((s) => s.doc === cm.doc && overlaps(cm.evidence, s.sentence))))
    .map((c) => ({ ...c, members: c.members.map((m) => ({ ...m, outlet: ix.docs.get(m.doc)?.outlet ?? null, title: ix.docs.get(m.doc)?.title ?? null })) }))
  return { event: { ...hit.event, doc: hit.doc.id }, story_event: se, sources, contradictions }
}

/** Up to 50 mentions per actor, in document order. */
const mentionSamples = memo((ix) => {
  const out = new Map<string, { doc: string; outlet: string | null; start: number; end: number; text: string }[]>()
  for (const doc of ix.docs.values()) for (const e of doc.entities) {
    const list = out.get(e.actor) ?? []
    for (const m of e.mentions) if (list.length < 50) list.push({ doc: doc.id, outlet: doc.outlet, start: m.start, end: m.end, text: m.text })
    out.set(e.actor, list)
  }
  return out
})

/** An actor with its quotes, a sample of its mentions, its most frequent counterparts and its edges. */
export async function actorPage(store: Store, id: string) {
  const ix = await corpusIndex(store)
  const actor = ix.actors.get(id) ?? (await store.getActor(id))
  if (!actor) return null
  const quotes = (ix.quotesBySpeaker.get(id) ?? []).map(({ doc, quote }) => ({ doc: doc.id, outlet: doc.outlet, title: doc.title, published: doc.published, id: quote.id, start: quote.start, end: quote.end, text: quote.text }))
  const mentions = mentionSamples(ix).get(id) ?? []
  const counterparts = new Map<string, number>()
  for (const e of ix.edges) {
    if (e.source === id) counterparts.set(e.target, (counterparts.get(e.target) ?? 0) + e.weight)
    if (e.target === id) counterparts.set(e.source, (counterparts.get(e.source) ?? 0) + e.weight)
  }
  const counts = ix.actors.get(id)
  return {
    actor: { ...actor, mentions: counts?.mentions ?? 0, events: counts?.events ?? 0 }, quotes, mentions,
    counterparts: [...counterparts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([a, n]) => ({ actor: a, name: ix.actors.get(a)?.name ?? a, events: n })),
  }
}

/** The actor network: the heaviest `limit` directed edges and the actors they join. */
export async function actorNetwork(store: Store, limit = 200) {
  const ix = await corpusIndex(store)
  const edges = ix.edges.slice(0, limit)
  const ids = new Set(edges.flatMap((e) => [e.source, e.target]))
  const nodes = [...ids].sort().map((id) => { const a = ix.actors.get(id); return { id, name: a?.name ?? id, type: a?.type ?? null, events: a?.events ?? 0 } })
  return { nodes, edges }
}

/** The two actors with the most events between them (either direction), or null when no event joins two actors. */
export async function mostConnectedPair(store: Store): Promise<[string, string] | null> { return topPair(await corpusIndex(store)) }
const topPair = memo((ix): [string, string] | null => {
  const pairs = new Map<string, number>()
  for (const e of ix.edges) { const k = [e.source, e.target].sort().join('\u0000'); pairs.set(k, (pairs.get(k) ?? 0) + e.weight) }
  const best = [...pairs].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]
  return best ? (best[0].split('\u0000') as [string, string]) : null
})

/** Event locations placed on the map: a location name is joined to an actor with `geo` by its name or an alias. */
export async function eventPlaces(store: Store) { return places(await corpusIndex(store)) }
const places = memo((ix) => {
  const byName = new Map<string, ActorRecord>()
  for (const a of ix.actors.values()) if (a.geo) for (const n of [a.name, ...a.aliases]) if (!byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), a)
  type Ev = { id: string; type: string; date: string | null; doc: string; outlet: string | null }
  const byPlace = new Map<string, { name: string; actor: string; lat: number; lon: number; events: Ev[] }>()
  const unplaced = new Map<string, number>()
  for (const { event, doc } of ix.events.values()) {
    if (!event.location) continue
    const a = byName.get(event.location.toLowerCase())
    if (!a?.geo) { unplaced.set(event.location, (unplaced.get(event.location) ?? 0) + 1); continue }
    const p = byPlace.get(a.id) ?? { name: a.name, actor: a.id, lat: a.geo.lat, lon: a.geo.lon, events: [] }
    p.events.push({ id: event.id, type: event.type, date: event.date, doc: doc.id, outlet: doc.outlet }); byPlace.set(a.id, p)
  }
  return {
    places: [...byPlace.values()].sort((a, b) => b.events.length - a.events.length || a.name.localeCompare(b.name)).map((p) => ({ ...p, count: p.events.length, events: p.events.slice(0, 25) })),
    unplaced: [...unplaced].sort((a, b) => b[1] - a[1]).map(([location, count]) => ({ location, count })),
  }
})

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
