/**
 * Read-side queries the API and UI need beyond the Store interface, computed over it (no new SQL):
 * an in-memory corpus index (documents, events, actors, story events, quotes) cached per store and
 * rebuilt when the store's generation (bumped by every write) changes, the actor/pair event lists as unions of indexed lookups,
 * and the views built on the index (event card, actor page, network). More views: src/api/read/.
 */
import type { EventRecord, QuoteRecord } from '../doc/layers.js'
import type { Span } from '../doc/span.js'
import type { ActorRecord, ContradictionRecord, DocumentRecord, StoryEventRecord, StoryRecord } from '../model/records.js'
import type { EventFilter, EventRow, Store } from './store.js'

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
  /** actors the events and quotes name that the actors table does not hold ("western officials"): their name as the pages write it, and their events */
  readonly unlisted: ReadonlyMap<string, { readonly name: string; readonly events: number }>
}

/** The name of an actor id: the actors table's, else the name the pages give it; never the id itself. */
export function actorName(ix: CorpusIndex, id: string): string {
  return ix.actors.get(id)?.name ?? ix.unlisted.get(id)?.name ?? (id.replace(/^[^:]*:/, '').replace(/-/g, ' ') || 'unnamed actor')
}

const cache = new WeakMap<Store, { generation: number; index: Promise<CorpusIndex>; fingerprint: Promise<string> }>()

/**
 * Returns the store's corpus index, built on first use and rebuilt after any write: every write transaction bumps
 * the store's generation (one indexed row read per call), so an edit that keeps the counts is never served stale.
 * Requests that see the same new generation share one rebuild.
 */
export async function corpusIndex(store: Store): Promise<CorpusIndex> {
  const hit = cache.get(store)
  // an ingest job of this process is storing pages whose analysis has not run yet: the index built before it stands
  if (hit && held.has(store)) return hit.index
  const generation = await store.generation()
  if (hit && hit.generation === generation) return hit.index
  const fingerprint = store.stats().then((x) => JSON.stringify(x))
  const index = fingerprint.then(() => buildIndex(store))
  const entry = { generation, index, fingerprint }
  cache.set(store, entry)
  index.catch(() => { if (cache.get(store) === entry) cache.delete(store) })
  return index
}

/** The store's counts as of the cached index (cheap; `store.stats()` counts every table). */
export async function indexedStats(store: Store): Promise<Record<string, number>> {
  await corpusIndex(store)
  return JSON.parse(await cache.get(store)!.fingerprint)
}

const held = new Map<Store, number>()

/**
 * Holds the store's cached index while an ingest job of this process runs (src/api/jobs.ts): its pages are written in
 * batches, each bumping the generation, and rebuilding the whole index after each batch (every document read
 * again) would stall reads for as long, to show pages whose cross-source analysis has not run yet. Reads built on the
 * index show the corpus as it was before the job; the release forgets the index, so the next read sees the job's
 * pages with their analysis. Returns the release (idempotent).
 */
export function holdIndex(store: Store): () => void {
  held.set(store, (held.get(store) ?? 0) + 1)
  let released = false
  return () => {
    if (released) return
    released = true
    const n = (held.get(store) ?? 1) - 1
    if (n > 0) held.set(store, n); else held.delete(store)
    cache.delete(store)
  }
}

/** Forgets the cached index (call after writing to the store). */
export function invalidateIndex(store: Store): void { cache.delete(store) }

/**
 * Event rows like `store.listEvents`, but an `actor` filter (source OR target) runs as the UNION of two ordered,
 * indexed lookups (`source = a`, `target = a`; indexes on (source_actor|target_actor, date, id)), each limited to
 * `offset + limit` rows and merged here; a `pair` is the union of (a→b) and (b→a). An OR over the two columns made
 * SQLite fetch and sort every event of the actor (p95 121 ms for a frequent actor at 100k events; see src/bench/api.ts).
 */
export async function eventRows(store: Store, f: EventFilter = {}): Promise<EventRow[]> {
  const branches: EventFilter[] | null = f.pair ? [{ source: f.pair[0], target: f.pair[1] }, { source: f.pair[1], target: f.pair[0] }]
    : f.actor ? [{ source: f.actor }, { target: f.actor }] : null
  if (!branches) return store.listEvents(f)
  const limit = f.limit ?? 500, offset = f.offset ?? 0
  const { actor: _a, pair: _p, ...rest } = f
  const parts = await Promise.all(branches.map((b) => store.listEvents({ ...rest, ...b, limit: offset + limit, offset: 0 })))
  // merge by the key the SQL sorted on: the stored date (null for inferred dates; SQLite puts nulls first, PostgreSQL last), then id
  const nullKey = store.dialect === 'sqlite' ? '' : '\uffff'
  const key = (r: EventRow) => (r.date_inferred || r.date == null ? nullKey : r.date)
  const seen = new Set<string>()
  const merged = parts.flat().filter((r) => !seen.has(r.id) && !!seen.add(r.id))
  merged.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return merged.slice(offset, offset + limit)
}

/** Memoises a value derived from one index (the index is immutable, so a WeakMap keyed by it is safe). */
export function memo<T>(f: (ix: CorpusIndex) => T): (ix: CorpusIndex) => T {
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
  const listed = new Set(actorList.map((a) => a.id)), unlisted = new Map<string, { name: string; events: number }>()
  const note = (ref: { actor: string; name: string } | null | undefined, isEvent: boolean) => {
    if (!ref || listed.has(ref.actor)) return
    const u = unlisted.get(ref.actor) ?? { name: ref.name, events: 0 }
    if (isEvent) u.events++
    unlisted.set(ref.actor, u)
  }
  for (const doc of all) {
    for (const event of doc.events) {
      events.set(event.id, { doc, event })
      note(event.source_actor, true); note(event.target_actor, event.target_actor?.actor !== event.source_actor?.actor)
      const s = event.source_actor?.actor, t = event.target_actor?.actor
      if (!s || !t || s === t) continue
      const key = s + '\u0000' + t
      const e = edgeMap.get(key) ?? { source: s, target: t, weight: 0, types: {} }
      e.weight++; e.types[event.type] = (e.types[event.type] ?? 0) + 1
      edgeMap.set(key, e)
    }
    for (const quote of doc.quotes) if (quote.speaker) {
      note(quote.speaker, false)
      const list = quotesBySpeaker.get(quote.speaker.actor) ?? []
      list.push({ doc, quote }); quotesBySpeaker.set(quote.speaker.actor, list)
    }
  }
  const edges = [...edgeMap.values()].sort((a, b) => b.weight - a.weight || a.source.localeCompare(b.source) || a.target.localeCompare(b.target))
  return { docs, events, actors: new Map(actorList.map((a) => [a.id, a])), stories, storyEvents: new Map(storyEvents.map((s) => [s.id, s])),
    contradictions, quotesBySpeaker, edges, unlisted }
}

/** One source's view of an event: its sentence, the evidence and trigger spans, and whether the page is a copy. */
export interface EventSource {
  readonly doc: string; readonly event: string; readonly outlet: string | null; readonly title: string | null; readonly url: string | null
  readonly published: string | null; readonly copy_of: string | null; readonly is_copy: boolean
  readonly sentence: Span & { readonly text: string }; readonly evidence: Span; readonly trigger: Span | null
  /** mentions of the event's source and target actors inside the sentence */
  readonly actors: readonly (Span & { readonly actor: string; readonly role: 'source' | 'target' })[]
  /** the event's date as this page gives it */
  readonly date: string | null
  /** who this page says asserts the event ("X says …"): an allegation, not the page's own statement; null when the page states it */
  readonly reported_by: string | null
  /** what coded this page's event: a rule or the trigger model (with its score); null when unrecorded */
  readonly produced_by: NonNullable<EventRecord['produced_by']> | null
  /** this report's own coding (an analyst's correction may set it apart from the story event's), and what the analyst did (src/corrections) */
  readonly fact: Pick<EventRecord, 'type' | 'mode' | 'source_actor' | 'target_actor' | 'date_precision' | 'location'>
  readonly correction: unknown
}
export interface EventCard {
  readonly event: Omit<EventRecord, 'reported_by' | 'produced_by'> & { readonly doc: string; readonly reported_by: string | null; readonly produced_by: NonNullable<EventRecord['produced_by']> | null }
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
  const sentence = sentenceAround(doc, event.evidence)
  const roles = new Map<string, 'source' | 'target'>()
  if (event.target_actor) roles.set(event.target_actor.actor, 'target')
  if (event.source_actor) roles.set(event.source_actor.actor, 'source')
  const actors = doc.entities.filter((e) => roles.has(e.actor)).flatMap((e) => e.mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end)
    .map((m) => ({ start: m.start, end: m.end, actor: e.actor, role: roles.get(e.actor)! }))).sort((a, b) => a.start - b.start)
  return { doc: doc.id, event: event.id, outlet: doc.outlet, title: doc.title, url: doc.source.url, published: doc.published, copy_of: doc.copy_of, is_copy: isCopy,
    sentence, evidence: { start: event.evidence.start, end: event.evidence.end }, trigger: event.trigger ? { start: event.trigger.start, end: event.trigger.end } : null,
    actors, date: event.date, reported_by: event.reported_by ?? null, produced_by: event.produced_by ?? null,
    fact: { type: event.type, mode: event.mode, source_actor: event.source_actor, target_actor: event.target_actor, date_precision: event.date_precision, location: event.location },
    correction: (event as { correction?: unknown }).correction ?? null }
}

/** An event with every source that reports it (its story event's members) and the contradictions touching their sentences. */
export async function eventCard(store: Store, id: string): Promise<EventCard | null> {
  const ix = await corpusIndex(store)
  const hit = ix.events.get(id)
  if (!hit) return null
  const se = hit.event.story_event ? ix.storyEvents.get(hit.event.story_event) ?? null : null
  const members = se ? se.members.map((m) => ix.events.get(m.event)).filter((x): x is NonNullable<typeof x> => !!x) : [hit]
  if (!members.some((m) => m.event.id === id)) members.unshift(hit)
  // original reports first (by publication), copies after them
  const sources = members.map((m) => sourceOf(m.doc, m.event))
    .sort((a, b) => Number(a.is_copy) - Number(b.is_copy) || (a.published ?? '\uffff').localeCompare(b.published ?? '\uffff') || (a.outlet ?? '').localeCompare(b.outlet ?? ''))
  const contradictions = ix.contradictions.filter((c) => c.members.some((cm) => sources.some((s) => s.doc === cm.doc && overlaps(cm.evidence, s.sentence))))
    .map((c) => ({ ...c, members: c.members.map((m) => ({ ...m, outlet: ix.docs.get(m.doc)?.outlet ?? null, title: ix.docs.get(m.doc)?.title ?? null })) }))
  return { event: { ...hit.event, doc: hit.doc.id, reported_by: hit.event.reported_by ?? null, produced_by: hit.event.produced_by ?? null }, story_event: se, sources, contradictions }
}

/** Up to 50 mentions per actor, in document order. */
/** Each actor's mentions, as (document, entity) references in document order (the mentions are read when a page is asked for). */
const mentionRefs = memo((ix) => {
  const out = new Map<string, { doc: DocumentRecord; mentions: readonly { start: number; end: number; text: string }[] }[]>()
  for (const doc of ix.docs.values()) for (const e of doc.entities) {
    if (!e.mentions.length) continue
    const list = out.get(e.actor) ?? []
    list.push({ doc, mentions: e.mentions })
    out.set(e.actor, list)
  }
  return out
})

/** How many events name each actor (as source or target; an event naming it twice counts once). */
const eventCounts = memo((ix) => {
  const out = new Map<string, number>()
  for (const { event } of ix.events.values()) {
    const s = event.source_actor?.actor, t = event.target_actor?.actor
    if (s) out.set(s, (out.get(s) ?? 0) + 1)
    if (t && t !== s) out.set(t, (out.get(t) ?? 0) + 1)
  }
  return out
})

/** The largest page of each list of an actor page (`limit`). */
export const ACTOR_PAGE_MAX = 500

/**
 * An actor with its quotes, mentions, events and most frequent counterparts, each list paged alike: items
 * [offset, offset + limit) of each, with `totals` giving each list's length and `next_offset` null when no list has more.
 */
export async function actorPage(store: Store, id: string, opts: { limit?: number; offset?: number } = {}) {
  const limit = Math.min(ACTOR_PAGE_MAX, opts.limit ?? 100), offset = opts.offset ?? 0
  const ix = await corpusIndex(store)
  // an actor only the pages describe ("western officials") has a page too: its name as written and its events
  const u = ix.unlisted.get(id)
  const actor = ix.actors.get(id) ?? (await store.getActor(id)) ?? (u ? { kind: 'actor' as const, id, name: u.name, type: 'UNKNOWN', affiliation: null, code: null, aliases: [], roles: [], listed: false } : null)
  if (!actor) return null
  const allQuotes = ix.quotesBySpeaker.get(id) ?? []
  const quotes = allQuotes.slice(offset, offset + limit).map(({ doc, quote }) => ({ doc: doc.id, outlet: doc.outlet, title: doc.title, published: doc.published, id: quote.id, start: quote.start, end: quote.end, text: quote.text, produced_by: quote.produced_by ?? null }))
  // the mentions of the page, read from the references without copying the others
  const mentions: { doc: string; outlet: string | null; start: number; end: number; text: string }[] = []
  let mentionTotal = 0
  for (const r of mentionRefs(ix).get(id) ?? []) {
    for (let i = Math.max(0, offset - mentionTotal); i < r.mentions.length && mentions.length < limit && mentionTotal + i >= offset; i++) {
      const m = r.mentions[i]!
      mentions.push({ doc: r.doc.id, outlet: r.doc.outlet, start: m.start, end: m.end, text: m.text })
    }
    mentionTotal += r.mentions.length
  }
  const counterparts = new Map<string, number>()
  for (const e of ix.edges) {
    if (e.source === id) counterparts.set(e.target, (counterparts.get(e.target) ?? 0) + e.weight)
    if (e.target === id) counterparts.set(e.source, (counterparts.get(e.source) ?? 0) + e.weight)
  }
  const counts = ix.actors.get(id)
  const totals = { quotes: allQuotes.length, mentions: mentionTotal, events: eventCounts(ix).get(id) ?? 0, counterparts: counterparts.size }
  return {
    actor: { ...actor, mentions: counts?.mentions ?? 0, events: counts?.events ?? u?.events ?? 0 }, quotes, mentions,
    counterparts: [...counterparts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(offset, offset + limit).map(([a, n]) => ({ actor: a, name: actorName(ix, a), events: n })),
    limit, offset, totals, next_offset: Object.values(totals).some((n) => n > offset + limit) ? offset + limit : null,
  }
}

/** The actor network, a page at a time: directed edges [offset, offset + limit) by weight (heaviest first), the actors they join, and `total` edges. */
export async function actorNetwork(store: Store, page: { limit: number; offset: number } = { limit: 200, offset: 0 }) {
  const ix = await corpusIndex(store)
  const edges = ix.edges.slice(page.offset, page.offset + page.limit)
  const ids = new Set(edges.flatMap((e) => [e.source, e.target]))
  const nodes = [...ids].sort().map((id) => { const a = ix.actors.get(id); return { id, name: actorName(ix, id), type: a?.type ?? null, events: a?.events ?? ix.unlisted.get(id)?.events ?? 0 } })
  const total = ix.edges.length
  return { nodes, edges, limit: page.limit, offset: page.offset, next_offset: page.offset + page.limit < total ? page.offset + page.limit : null, total }
}
