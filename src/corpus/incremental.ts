import type { Kb } from '../kb/index.js'
import type { ActorRecord, DocumentRecord, OutletProfileRecord, StoryEventRecord } from '../model/records.js'
import type { CorpusPart, Store } from '../store/store.js'
import { actorInfo } from './actor-compat.js'
import { analyzeParts, asGiven } from './analyze.js'
import { attackKey, corpusIndex, documentKeys, termCounts } from './corpus-keys.js'
import { COREF_BLOCK_WINDOW, COREF_MIN_SCORE, INCREMENTAL_KEY_EACH, INCREMENTAL_MAX_PART, INCREMENTAL_MAX_SHARE, NEAR_DUPLICATE_MIN } from './corpus.data.js'
import { blockKeys, eventMentions, scorePair, type DateOverride, type EventMention } from './event-coref.js'
import { estimateJaccard, exactKey, minhashSignature, shingleHashes, wordHashes } from './minhash.js'
import { dayNumber } from './dates.js'
import { collectActors } from './index.js'
import { mergeOutlets } from './outlet-merge.js'
import { shortHash } from './story-events.js'
import { contentWords, Idf } from './text-sim.js'

/** What the incremental analysis reads and writes. */
export type PartStore = Pick<Store, 'documentsByIds' | 'keyRefs' | 'keyCounts' | 'corpusMembers' | 'corpusByIds' | 'termCounts' | 'latestPublished' | 'documentOrder' | 'getActor' | 'replaceCorpusPart' | 'unindexedDocuments'>

/** How an incremental analysis went: the documents it analysed again, or why the whole analysis is needed instead. */
export type IncrementResult = { readonly analysed: number; readonly records: number } | { readonly whole: string }

/** The part of the corpus new pages can affect: its documents (in ingest order), the records it replaces, and the events it leaves in their story event. */
export interface Part { readonly docs: DocumentRecord[]; readonly records: { kind: string; id: string }[]; readonly frozen: Map<string, string> }

/**
 * The documents new pages can affect, closed as far as the analysis groups them: the pages, the stored documents
 * they meet (`meetings`) and every member of the story events they meet; then, until nothing is added, every
 * document of a story, contradiction or duplicate group that holds one of them. The other events of these documents
 * stay in their story events (`frozen`), which count for stories as they are. Null past `max` documents.
 */
export async function affectedPart(store: PartStore, pages: readonly DocumentRecord[], kb: Kb, max: number, idf: Idf): Promise<Part | null> {
  const ids = new Set(pages.map((d) => d.id))
  const met = await meetings(store, pages, kb, idf)
  for (const id of met.docs) ids.add(id)
  for (const r of await store.corpusByIds('story_event', [...met.stories])) for (const m of r.members) ids.add(m.doc)
  const records = new Map<string, { kind: string; id: string }>()
  /** story events left out of the closure, with their documents */
  const outside = new Map<string, string[]>()
  let frontier = [...ids]
  while (frontier.length) {
    if (ids.size > max) return null
    const next = new Set<string>()
    for (const d of await store.documentsByIds(frontier)) for (const x of d.duplicates ?? []) if (!ids.has(x.doc)) next.add(x.doc)
    const members = new Map<string, { kind: string; id: string; docs: string[] }>()
    for (const m of await store.corpusMembers(frontier)) {
      const k = `${m.kind}\u0000${m.id}`, r = members.get(k)
      if (r) r.docs.push(m.doc_id); else members.set(k, { kind: m.kind, id: m.id, docs: [m.doc_id] })
    }
    for (const [k, r] of members) {
      if (r.kind === 'story_event' && !met.stories.has(r.id)) { outside.set(k, r.docs); continue }
      records.set(k, { kind: r.kind, id: r.id })
      for (const d of r.docs) if (!ids.has(d)) next.add(d)
    }
    for (const id of next) ids.add(id)
    frontier = [...next]
  }
  // in ingest order, as the whole analysis sees them
  const docs = await store.documentsByIds([...ids])
  // a story event the part holds whole is analysed again with it, when its events' coreference blocks are small
  // enough to be compared whole in the corpus too (the part would compare pairs the corpus's window does not)
  const whole = [...outside].filter(([, members]) => members.every((d) => ids.has(d))).map(([k]) => k.slice(k.indexOf('\u0000') + 1))
  if (whole.length) {
    const wanted = new Set(whole), info = actorInfo(docs, kb), blocks = new Map<string, string[]>()
    for (const d of docs) for (const e of d.events) if (e.story_event && wanted.has(e.story_event)) {
      const l = blocks.get(e.story_event) ?? []
      for (const k of blockKeys(d.id, e, info)) if (!k.includes('|d|')) l.push('b:' + k)
      blocks.set(e.story_event, l)
    }
    const counts = await store.keyCounts([...new Set([...blocks.values()].flat())])
    for (const id of whole) if ((blocks.get(id) ?? []).every((k) => (counts.get(k) ?? 0) + pages.length <= COREF_BLOCK_WINDOW)) records.set(`story_event\u0000${id}`, { kind: 'story_event', id })
  }
  const frozen = new Map<string, string>()
  for (const d of docs) for (const e of d.events) if (e.story_event && !records.has(`story_event\u0000${e.story_event}`)) frozen.set(e.id, e.story_event)
  // the disagreements inside a story event that stays (its dates, its perpetrators) stay with it
  for (const se of new Set(frozen.values())) for (const what of ['date', 'actor']) records.delete(`contradiction\u0000ct_${shortHash(`${se}:${what}`)}`)
  return { docs, records: [...records.values()], frozen }
}

/**
 * The stored documents the new pages meet in the analysis: those an LSH band (or the exact text) makes candidates
 * whose text is near enough to be a duplicate, and those of the coreference blocks the pages' events fall in (of a
 * big block, its latest INCREMENTAL_KEY_EACH, as the coreference window compares a new page with) holding an event
 * that could be one with a page's (scored as the coreference scores a pair, with a margin). Claims tied to a place
 * are compared between dated pages: a dated page meets the pages naming the same place with figures.
 */
async function meetings(store: PartStore, pages: readonly DocumentRecord[], kb: Kb, idf: Idf): Promise<{ docs: Set<string>; stories: Set<string> }> {
  const info = actorInfo(pages, kb), own = new Set(pages.map((d) => d.id))
  const keys = [...new Set(pages.flatMap((d) => documentKeys(d, info)))]
  const lsh = keys.filter((k) => k.startsWith('l:') || k.startsWith('x:')), blocks = keys.filter((k) => k.startsWith('b:'))
  const places = pages.some((d) => d.published) ? keys.filter((k) => k.startsWith('c:')) : []
  const refs = async (ks: string[], end: 'first' | 'last') => new Set([...(await store.keyRefs(ks, INCREMENTAL_KEY_EACH, end)).values()].flat().filter((r) => !own.has(r)))
  const out = await refs(places, 'last')
  const near = await store.documentsByIds([...await refs(lsh, 'first')])
  const sig = (d: DocumentRecord) => { const w = wordHashes(d.body.join('\n')); return { key: exactKey(w), sig: minhashSignature(shingleHashes(w)) } }
  const mine = pages.map(sig)
  for (const d of near) { const s = sig(d); if (mine.some((m) => m.key === s.key || estimateJaccard(m.sig, s.sig) >= NEAR_DUPLICATE_MIN * MEET_MARGIN)) out.add(d.id) }
  const others = await store.documentsByIds([...await refs(blocks, 'last')])
  const stories = new Set<string>()
  if (!others.length) return { docs: out, stories }
  // each side as the first pass sees it and, for the stored pages, with the dates the last analysis inferred
  const all = [...pages, ...others], both = actorInfo(all, kb)
  for (const ms of [eventMentions(all.map(asGiven), new Map(), idf), eventMentions(all, new Map(), idf)]) {
    const fresh = ms.filter((m) => own.has(m.doc.id))
    const byKey = new Map<string, EventMention[]>()
    for (const m of ms) if (!own.has(m.doc.id)) for (const k of blockKeys(m.doc.id, m.event, both)) { const l = byKey.get(k); if (l) l.push(m); else byKey.set(k, [m]) }
    for (const x of fresh) for (const k of blockKeys(x.doc.id, x.event, both)) for (const y of byKey.get(k) ?? []) {
      if (y.event.story_event && stories.has(y.event.story_event)) continue
      const r = scorePair(x, y, both)
      if (r.ruledOut || r.score < COREF_MIN_SCORE * MEET_MARGIN) continue
      out.add(y.doc.id)
      if (y.event.story_event) stories.add(y.event.story_event)
    }
  }
  return { docs: out, stories }
}

/** Share of a threshold (near-duplicate similarity, coreference score) at which a stored page counts as met: a margin for what the analysis of the part may change (inferred dates, word weights). */
const MEET_MARGIN = 0.75

/**
 * Places new pages (already stored, `added`) into the stored analysis: finds the part of the corpus they can affect
 * (`affectedPart`), runs the one cross-source analysis (analyzeParts) over that part with the corpus's word weights,
 * latest date and attacks, and replaces exactly that part's records and results; outlet profiles and actors are
 * updated by what the part changed. Past INCREMENTAL_MAX_PART documents (or INCREMENTAL_MAX_SHARE of the corpus)
 * it does nothing and says the whole analysis is needed.
 */
export async function analyzeIncrement(store0: PartStore, added: readonly string[], kb: Kb, opts: { maxShare?: number } = {}): Promise<IncrementResult> {
  const order = await store0.documentOrder(), total = order.size
  // each stored document is read once per increment (the store does not change until the part is written)
  const store: PartStore = { ...store0, documentsByIds: cachedDocuments(store0, order) }
  // pages another writer stored meanwhile without an analysis (it skipped it, or was cut off) are new pages here too
  const pages = await store.documentsByIds([...new Set([...added, ...await store.unindexedDocuments(INCREMENTAL_MAX_PART)])])
  const max = Math.min(INCREMENTAL_MAX_PART, Math.max(pages.length, Math.floor(total * (opts.maxShare ?? INCREMENTAL_MAX_SHARE))))
  // the word weights of the whole corpus: the stored counts and the new pages' sentences (not yet among them)
  const fresh = termCounts(pages)
  const weights = async (ds: readonly DocumentRecord[]) => {
    const words = [...new Set(ds.flatMap((d) => d.events.flatMap((e) => contentWords(e.evidence.text))))]
    const stored = await store.termCounts(words)
    const df = new Map<string, number>()
    for (const w of words) { const n = (stored.df.get(w) ?? 0) + (fresh.terms.get(w) ?? 0); if (n) df.set(w, n) }
    return new Idf(df, stored.sentences + fresh.sentences)
  }
  const part = await affectedPart(store, pages, kb, max, await weights(pages))
  if (!part) return { whole: `the new pages reach more than ${max} of ${total} documents` }
  const { docs } = part
  const info = actorInfo(docs, kb)
  const latest = await store.latestPublished()
  const removed = new Set(part.records.map((r) => `${r.kind}\u0000${r.id}`))
  // attack story events elsewhere at the places the part's pages name with figures (claims are tied to them)
  const placeKeys = [...new Set(docs.flatMap((d) => documentKeys(d, info)).filter((k) => k.startsWith('c:')).map((k) => 'a:' + k.slice(2)))]
  const attackIds = [...new Set([...(await store.keyRefs(placeKeys, INCREMENTAL_KEY_EACH, 'last')).values()].flat())].filter((id) => !removed.has(`story_event\u0000${id}`))
  const attacks: StoryEventRecord[] = await store.corpusByIds('story_event', attackIds)
  const kept = (await store.corpusByIds('story_event', [...new Set(part.frozen.values())])).map((r) => ({
    id: r.id, docs: [...new Set(r.members.map((m) => m.doc))], sources: r.independent_sources.length, dated: r.date_precision === 'day' || r.date_precision === 'week' }))
  const parts = analyzeParts(docs, kb, { idf: await weights(docs), latestDay: latest ? dayNumber(latest) : -Infinity, attacks, frozen: part.frozen, kept })
  const records = parts.records.filter((r) => r.kind !== 'outlet')
  // outlet profiles are per outlet, over the whole corpus: the stored ones, with what the part changed
  const outlets = await mergeOutlets(store, docs, parts.records.filter((r): r is OutletProfileRecord => r.kind === 'outlet'), order)
  if (!outlets) return { whole: 'an outlet profile lost evidence only the whole analysis can find again' }
  // the frozen events keep their story event and the date the last analysis gave them (written again: the part's events are reset)
  const keptDates = new Map<string, DateOverride>()
  for (const d of docs) for (const e of d.events) if (part.frozen.has(e.id) && e.date_inferred) {
    const { date, date_precision, date_basis, date_given } = e as typeof e & { date_given?: DateOverride['date_given'] }
    keptDates.set(e.id, { date: date!, date_precision: date_precision!, date_basis: date_basis!, ...(date_given !== undefined ? { date_given } : {}) })
  }
  const update: CorpusPart = {
    ...parts, eventStory: new Map([...part.frozen, ...parts.eventStory]), events: new Map([...(parts.events ?? []), ...keptDates]), actors: await newActors(store, pages, kb), records: [...records, ...outlets.records], analysed: docs.map((d) => d.id),
    remove: [...part.records, ...outlets.removed.map((id) => ({ kind: 'outlet', id }))],
    unindex: part.records.filter((r) => r.kind === 'story_event').map((r) => r.id),
    // the index rows of the new pages and of the new story events (a stored page's keys do not change)
    index: corpusIndex(pages, records, info, kb, fresh),
  }
  await store.replaceCorpusPart(update)
  return { analysed: docs.length, records: records.length }
}

/** `documentsByIds` reading each document once: later calls take it from memory, in ingest order (`order`). */
function cachedDocuments(store: PartStore, order: ReadonlyMap<string, string>): PartStore['documentsByIds'] {
  const seen = new Map<string, DocumentRecord | null>()
  return async (ids) => {
    const missing = [...new Set(ids)].filter((id) => !seen.has(id))
    if (missing.length) {
      for (const id of missing) seen.set(id, null)
      for (const d of await store.documentsByIds(missing)) seen.set(d.id, d)
    }
    const out = [...new Set(ids)].map((id) => seen.get(id)).filter((d): d is DocumentRecord => !!d)
    const at = (d: DocumentRecord) => order.get(d.id) ?? '\uffff'
    return out.sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0))
  }
}

/** Actor records the new pages add to or extend (aliases in document order, as `collectActors` gives them over the corpus). */
async function newActors(store: PartStore, pages: readonly DocumentRecord[], kb: Kb): Promise<ActorRecord[]> {
  const out: ActorRecord[] = []
  for (const a of collectActors(pages, kb)) {
    const old = await store.getActor(a.id)
    if (!old) { out.push(a); continue }
    const aliases = [...old.aliases]
    for (const x of a.aliases) if (!aliases.includes(x)) aliases.push(x)
    if (aliases.length !== old.aliases.length) out.push({ ...old, aliases })
  }
  return out
}

