/**
 * The corrected view of a store: the same `Store`, whose reads (documents, the event lists, hence the event card,
 * the timeline, the network and the export) give the machine output with the analysts' corrections laid over it.
 * Writes and the cross-source analysis go to the store underneath, which keeps machine output only. What the
 * corrections resolve to is computed once per store generation (every write, a correction included, moves it).
 */
import type { DocumentRecord } from '../model/records.js'
import type { EventFilter, EventRow, Store } from '../store/store.js'
import type { ActorRef } from '../doc/layers.js'
import { applyCorrections, applyMerges, mergeMap, namesMerged, type CorrectedDocument, type CorrectedEvent } from './apply.js'
import type { Correction, CorrectionState } from './types.js'

/** Every active correction and where it holds now. */
export interface Resolution {
  readonly corrections: readonly Correction[]
  readonly states: ReadonlyMap<string, CorrectionState>
  /** corrected current documents, by id (only those with corrections) */
  readonly docs: ReadonlyMap<string, CorrectedDocument>
  /** machine event ids the lists must not show as the machine wrote them */
  readonly touched: ReadonlySet<string>
  /** event rows of the events corrections changed or added, as they read now */
  readonly rows: readonly (EventRow & { correction?: CorrectedEvent['correction'] })[]
  /** actor merges in force: each merged-away actor id to the actor it now is */
  readonly merges: ReadonlyMap<string, ActorRef>
}

const cache = new WeakMap<Store, { generation: number; value: Promise<Resolution> }>()

/** The page a correction belongs to: its path, else its url, else (a page sent as content) its document. */
const pageKey = (c: Correction) => c.anchor ? (c.anchor.path ? `p:${c.anchor.path}` : c.anchor.url ? `u:${c.anchor.url}` : `d:${c.anchor.doc}`) : null

/** The current, accepted document of a correction's page (the newest version), or null. */
async function currentDoc(store: Store, c: Correction): Promise<DocumentRecord | null> {
  const a = c.anchor!
  if (a.path || a.url) {
    const known = await store.findLatest(a.path, a.url)
    if (known?.status === 'ok') return store.getDocument(known.id)
    // a newer copy of the page that was rejected supersedes nothing: the version the correction was made on still stands
    return known ? (await store.documentsByIds([a.doc]))[0] ?? null : null
  }
  return (await store.documentsByIds([a.doc]))[0] ?? null
}

/** The machine output under a corrected view (the store itself when it is no view). */
export const machineStore = (store: Store): Store => (store as { machine?: Store }).machine ?? store

/** Resolves every active correction against the store's current documents (cached per store generation; a view resolves against its machine store). */
export function resolveCorrections(view: Store): Promise<Resolution> {
  const store = machineStore(view)
  return store.generation().then((generation) => {
    const hit = cache.get(store)
    if (hit && hit.generation === generation) return hit.value
    const value = build(store)
    cache.set(store, { generation, value })
    value.catch(() => cache.delete(store))
    return value
  })
}

async function build(store: Store): Promise<Resolution> {
  const corrections = await store.corrections.list()
  const states = new Map<string, CorrectionState>()
  const byPage = new Map<string, Correction[]>()
  for (const c of corrections) {
    const k = pageKey(c)
    if (k == null) { states.set(c.id, { status: 'attached', doc: null, fact: null, reason: null }); continue }
    const list = byPage.get(k); if (list) list.push(c); else byPage.set(k, [c])
  }
  const docs = new Map<string, CorrectedDocument>(), touched = new Set<string>(), rows = new Map<string, Resolution['rows'][number]>()
  for (const list of byPage.values()) {
    const doc = await currentDoc(store, list[0]!)
    if (!doc) { for (const c of list) states.set(c.id, { status: 'orphaned', doc: null, fact: null, reason: 'page-gone' }); continue }
    const applied = applyCorrections(doc, list)
    for (const [id, s] of applied.states) states.set(id, s)
    docs.set(doc.id, applied.doc)
    for (const id of applied.touched) touched.add(id)
    for (const e of applied.changed) rows.set(e.id, eventRow(doc, e))
  }
  // actor merges hold corpus-wide: every current page naming a merged-away actor reads with the actor it now is
  const merges = mergeMap(corrections)
  if (merges.size) for (const d of await store.allDocuments()) {
    const base = docs.get(d.id) ?? (d as CorrectedDocument)
    if (!namesMerged(base, merges)) continue
    const m = applyMerges(base, merges)
    docs.set(d.id, m.doc)
    for (const e of m.changed) { if (!e.correction || e.correction.status !== 'added') touched.add(e.id); rows.set(e.id, eventRow(d, e)) }
  }
  return { corrections, states, docs, touched, rows: [...rows.values()], merges }
}

/** An event of a corrected document as an event-list row. */
function eventRow(doc: DocumentRecord, e: CorrectedEvent): Resolution['rows'][number] {
  return {
    id: e.id, doc_id: doc.id, story_event: e.story_event, type: e.type, mode: e.mode, source_actor: e.source_actor?.actor ?? null, target_actor: e.target_actor?.actor ?? null,
    date: e.date, date_precision: e.date_precision, location: e.location, start: e.evidence.start, end: e.evidence.end, text: e.evidence.text, outlet: doc.outlet,
    ...(e.date_inferred ? { date_inferred: true } : {}), reported_by: e.reported_by ?? null, produced_by: e.produced_by ?? null, ...(e.correction ? { correction: e.correction } : {}),
  }
}

/** Does an event row pass a list filter (the same tests the SQL of `listEvents` makes)? */
function passes(r: EventRow, f: EventFilter): boolean {
  const s = r.source_actor, t = r.target_actor
  if (f.actor && s !== f.actor && t !== f.actor) return false
  if (f.pair) { const [a, b] = f.pair; if (!((s === a && t === b) || (s === b && t === a))) return false }
  if (f.source && s !== f.source) return false
  if (f.target && t !== f.target) return false
  if (f.type && r.type !== f.type) return false
  // the SQL compares the stored date: an inferred one is not stored
  const stored = r.date_inferred ? null : r.date
  if (f.from && !(stored != null && stored >= f.from)) return false
  if (f.to && !(stored != null && stored <= f.to + '\uffff')) return false
  if (f.outlet && r.outlet !== f.outlet) return false
  if (f.story && r.story_event !== f.story) return false
  if (f.doc && r.doc_id !== f.doc) return false
  return true
}

/**
 * The store with corrections laid over its reads. Wrapping twice is harmless (the view of a view is the view).
 * @example const app = createApp(correctedStore(store))
 */
export function correctedStore(store: Store): Store {
  if ((store as { machine?: Store }).machine) return store
  // one view per store, so the read caches keyed by the store object (src/store/queries.ts corpusIndex) are shared
  const known = views.get(store)
  if (known) return known
  const view: Store & { machine: Store } = {
    ...store,
    machine: store,
    getDocument: async (id) => (await resolveCorrections(store)).docs.get(id) as DocumentRecord | undefined ?? store.getDocument(id),
    allDocuments: async () => {
      const [r, all] = await Promise.all([resolveCorrections(store), store.allDocuments()])
      return r.docs.size ? all.map((d) => (r.docs.get(d.id) as DocumentRecord | undefined) ?? d) : all
    },
    listActors: async (o = {}) => {
      const { merges } = await resolveCorrections(store)
      if (!merges.size) return store.listActors(o)
      // a merged-away actor is no longer listed; the actor it was merged into answers to its names too
      const limit = o.limit ?? 500, offset = o.offset ?? 0
      const rows = (await store.listActors({ ...o, limit: offset + limit + merges.size, offset: 0 })).filter((a) => !merges.has(a.id))
      const names = new Map<string, string[]>()
      for (const [from, into] of merges) { const a = await store.getActor(from); if (a) names.set(into.actor, [...(names.get(into.actor) ?? []), a.name, ...a.aliases]) }
      return rows.slice(offset, offset + limit).map((a) => names.has(a.id) ? { ...a, aliases: [...new Set([...a.aliases, ...names.get(a.id)!])] } : a)
    },
    getActor: async (id) => ((await resolveCorrections(store)).merges.has(id) ? null : store.getActor(id)),
    listEvents: async (f = {}) => {
      const r = await resolveCorrections(store)
      if (!r.touched.size && !r.rows.length) return store.listEvents(f)
      // the machine's rows (enough of them that dropping the touched ones leaves the page), then the corrected ones merged in the SQL's order
      const limit = f.limit ?? 500, offset = f.offset ?? 0
      const machine = (await store.listEvents({ ...f, limit: offset + limit + r.touched.size, offset: 0 })).filter((e) => !r.touched.has(e.id))
      const nullKey = store.dialect === 'sqlite' ? '' : '\uffff'
      const key = (e: EventRow) => (e.date_inferred || e.date == null ? nullKey : e.date)
      const merged = [...machine, ...r.rows.filter((e) => passes(e, f))]
      merged.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      return merged.slice(offset, offset + limit)
    },
  }
  views.set(store, view)
  return view
}
const views = new WeakMap<Store, Store>()
