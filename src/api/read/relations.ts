/**
 * Who deals with whom, counted in real-world events: a country stands for itself, its officials and bodies
 * (actors whose `affiliation` is its code) and its places (`geo.country`), so "Russia ⇄ Iran" gathers Shoigu
 * meeting Bagheri as well as the two states' own statements. Pairs are ranked by distinct story events, so
 * five outlets reporting one meeting count once.
 */
import { createRequire } from 'node:module'
import type { EventRecord } from '../../doc/layers.js'
import type { DocumentRecord } from '../../model/records.js'
import { corpusIndex, eventRows, memo, type CorpusIndex } from '../../store/queries.js'
import type { EventRow, Store } from '../../store/store.js'

interface CountryRow { readonly cca3: string; readonly name: { readonly common: string; readonly official: string }; readonly altSpellings: readonly string[] }

/** Lower-cased names of each country by ISO 3166 alpha-3 code (world-countries data: common, official, alternative spellings). */
const COUNTRY_NAMES: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  (createRequire(import.meta.url)('world-countries/countries.json') as CountryRow[])
    .map((c) => [c.cca3, new Set([c.name.common, c.name.official, ...c.altSpellings].map((n) => n.toLowerCase()))]))

/** Country actors and the actors that belong to each. */
export interface Blocs {
  /** actor id → the id of the country actor it belongs to (a country maps to itself) */
  readonly countryOf: ReadonlyMap<string, string>
  /** country actor id → its members, itself included */
  readonly members: ReadonlyMap<string, ReadonlySet<string>>
}

/**
 * A country actor is a GPE whose `code` is an ISO alpha-3 code and whose name or an alias names that country
 * (so a city that carries its country's code, like a provincial capital, is not taken for the country).
 */
export const blocs = memo((ix: CorpusIndex): Blocs => {
  const country = new Map<string, string>()
  for (const a of ix.actors.values()) {
    const names = a.type === 'GPE' && a.code ? COUNTRY_NAMES.get(a.code) : undefined
    if (names && !country.has(a.code!) && [a.name, ...a.aliases].some((n) => names.has(n.toLowerCase()))) country.set(a.code!, a.id)
  }
  const countryOf = new Map<string, string>(), members = new Map<string, Set<string>>()
  for (const a of ix.actors.values()) {
    const c = country.get(a.code ?? '') === a.id ? a.id : country.get(a.affiliation ?? '') ?? country.get(a.geo?.country ?? '')
    if (!c) continue
    countryOf.set(a.id, c)
    members.set(c, (members.get(c) ?? new Set([c])).add(a.id))
  }
  return { countryOf, members }
})

/** An unordered pair of actors (or countries) with the real-world events between them. */
export interface PairCount { readonly a: string; readonly b: string; readonly events: number; readonly mentions: number; readonly countries: boolean }

/** Every pair by distinct story events (then mentions), each event counted for its actors and, when they differ, their countries. */
export const pairRanking = memo((ix: CorpusIndex): readonly PairCount[] => {
  const { countryOf } = blocs(ix)
  const pairs = new Map<string, { a: string; b: string; keys: Set<string>; mentions: number; countries: boolean }>()
  const add = (x: string, y: string, key: string, countries: boolean) => {
    const [a, b] = x < y ? [x, y] : [y, x], k = a + '\u0000' + b
    const p = pairs.get(k) ?? { a, b, keys: new Set<string>(), mentions: 0, countries }
    p.keys.add(key); p.mentions++; pairs.set(k, p)
  }
  for (const { event } of ix.events.values()) {
    const s = event.source_actor?.actor, t = event.target_actor?.actor
    if (!s || !t || s === t) continue
    const key = event.story_event ?? event.id, cs = countryOf.get(s), ct = countryOf.get(t)
    add(s, t, key, cs === s && ct === t)
    if (cs && ct && cs !== ct && !(cs === s && ct === t)) add(cs, ct, key, true)
  }
  return [...pairs.values()].map(({ keys, ...p }) => ({ ...p, events: keys.size }))
    .sort((x, y) => y.events - x.events || y.mentions - x.mentions || (x.a + x.b).localeCompare(y.a + y.b))
})

/** The pair with the most real-world events between them (countries included), or null when no event joins two actors. */
export async function topPair(store: Store): Promise<PairCount | null> { return pairRanking(await corpusIndex(store))[0] ?? null }

const rowOf = (doc: DocumentRecord, e: EventRecord): EventRow => ({
  id: e.id, doc_id: doc.id, story_event: e.story_event, type: e.type, mode: e.mode, source_actor: e.source_actor?.actor ?? null, target_actor: e.target_actor?.actor ?? null,
  date: e.date, date_precision: e.date_precision, location: e.location, start: e.evidence.start, end: e.evidence.end, text: e.evidence.text, outlet: doc.outlet,
  ...(e.date_inferred ? { date_inferred: true } : {}), reported_by: e.reported_by ?? null, produced_by: e.produced_by ?? null,
})

/** Unordered pair key of two actor ids. */
const pairKey = (a: string, b: string) => (a < b ? a + '\u0000' + b : b + '\u0000' + a)

/** Events between two actors (either direction, the actors differing), per unordered pair: the index's directed edges summed. */
const pairCounts = memo((ix: CorpusIndex): ReadonlyMap<string, number> => {
  const m = new Map<string, number>()
  for (const e of ix.edges) m.set(pairKey(e.source, e.target), (m.get(pairKey(e.source, e.target)) ?? 0) + e.weight)
  return m
})

/** Distinct pairs whose expanded rows are kept per index (the UI asks for a timeline page by page). */
const EXPANDED_KEPT = 32
/** The rows of an expanded pair, per index: built whole, then kept (a few pairs), so its pages are slices. */
const expandedRows = memo((_ix: CorpusIndex) => new Map<string, readonly EventRow[]>())

/**
 * A page of the events between `a` and `b`, either direction, with their number (`total`). With `expand`, a
 * country also stands for its members (officials, bodies, places); two plain actors are one indexed store query
 * (and their total the index's edge weights). Sorted by date (undated first), then id.
 */
export async function pairEvents(store: Store, a: string, b: string, expand: boolean, page: { limit: number; offset: number }): Promise<{ rows: EventRow[]; total: number; members: [number, number] }> {
  const ix = await corpusIndex(store)
  const { members } = blocs(ix)
  const A = (expand && members.get(a)) || new Set([a]), B = (expand && members.get(b)) || new Set([b])
  if (A.size === 1 && B.size === 1 && a !== b) {
    const rows = await eventRows(store, { pair: [a, b], limit: page.limit, offset: page.offset })
    return { rows, total: pairCounts(ix).get(pairKey(a, b)) ?? 0, members: [0, 0] }
  }
  const kept = expandedRows(ix), key = pairKey(a, b)
  let all = kept.get(key)
  if (!all) {
    const rows: EventRow[] = []
    for (const { doc, event } of ix.events.values()) {
      const s = event.source_actor?.actor, t = event.target_actor?.actor
      if (s && t && s !== t && ((A.has(s) && B.has(t)) || (B.has(s) && A.has(t)))) rows.push(rowOf(doc, event))
    }
    rows.sort((x, y) => (x.date ?? '').localeCompare(y.date ?? '') || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    if (kept.size >= EXPANDED_KEPT) kept.clear()
    kept.set(key, (all = rows))
  }
  return { rows: all.slice(page.offset, page.offset + page.limit), total: all.length, members: [A.size - 1, B.size - 1] }
}
