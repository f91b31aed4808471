import { NAMING_MENTIONS } from '../../corpus/corpus.data.js'
import { skeletonKey, translitKey } from '../../kb/names.js'
import { corpusIndex, memo, type CorpusIndex } from '../../store/queries.js'
import type { DocumentRecord } from '../../model/records.js'
import type { Store } from '../../store/store.js'

/** Shortest needle (in letters) matched against actor names by sound as well as by spelling. */
const MIN_SOUND_LETTERS = 4

/** An actor the needle names, and how: the same spelling once transliterated ("Baqeri", "Bagheri"), or, for one word, the same consonants ("Baker"). */
export interface NamedActor { readonly id: string; readonly name: string; readonly how: 'spelling' | 'sound' }

/** The name keys of the actors with pages: each key → the ids of the actors one of whose names gives it. */
interface NameIndex {
  /** the transliteration key of a name or an alias */
  readonly key: ReadonlyMap<string, readonly string[]>
  /** the last word of that key */
  readonly lastKey: ReadonlyMap<string, readonly string[]>
  /** the consonant skeleton of a name's last word */
  readonly skeleton: ReadonlyMap<string, readonly string[]>
}
/** Built once per actor table (the corpus index's, or the watchlist matcher's for one pass): a look-up, not a scan of every name, per needle. */
const nameIndexes = new WeakMap<ReadonlyMap<string, unknown>, NameIndex>()
function nameIndex(actors: CorpusIndex['actors']): NameIndex {
  const hit = nameIndexes.get(actors)
  if (hit) return hit
  const key = new Map<string, string[]>(), lastKey = new Map<string, string[]>(), skeleton = new Map<string, string[]>()
  const add = (m: Map<string, string[]>, k: string, id: string) => { const l = m.get(k); if (!l) m.set(k, [id]); else if (l.at(-1) !== id) l.push(id) }
  for (const a of actors.values()) {
    if (!a.mentions) continue
    for (const n of [a.name, ...a.aliases]) {
      const k = translitKey(n)
      add(key, k, a.id); add(lastKey, k.split(' ').at(-1)!, a.id); add(skeleton, skeletonKey(n.split(/\s+/).at(-1) ?? ''), a.id)
    }
  }
  const ix: NameIndex = { key, lastKey, skeleton }
  nameIndexes.set(actors, ix)
  return ix
}

/**
 * The actors with pages whose name, an alias or its last word the needle spells (the knowledge base's transliteration key:
 * q/gh/k, ou/u, doubled letters…), or, for a one-word needle, sounds like (the same consonant skeleton): looked up in
 * the actor table's name index (built once per table).
 */
export function actorsNamed(ix: Pick<CorpusIndex, 'actors'>, q: string): NamedActor[] {
  const key = translitKey(q)
  if (key.replace(/\s/g, '').length < 3) return []
  const oneWord = !key.includes(' '), skeleton = oneWord && key.length >= MIN_SOUND_LETTERS ? skeletonKey(q) : null
  const names = nameIndex(ix.actors)
  const spelled = new Set([...names.key.get(key) ?? [], ...(oneWord ? names.lastKey.get(key) ?? [] : [])])
  const out: NamedActor[] = []
  for (const id of spelled) out.push({ id, name: ix.actors.get(id)!.name, how: 'spelling' })
  if (skeleton) for (const id of new Set(names.skeleton.get(skeleton))) if (!spelled.has(id)) out.push({ id, name: ix.actors.get(id)!.name, how: 'sound' })
  return out.sort((x, y) => (x.how === y.how ? x.name.localeCompare(y.name) : x.how === 'spelling' ? -1 : 1))
}

/** The mentions that name each actor (a name, a surname, a transliteration; not a role or a pronoun), with the sentence each stands in, numbered in the order of the pages, their entities and mentions; per corpus index. */
const namingMentions = memo((ix: CorpusIndex) => {
  const by = new Map<string, { seq: number; doc: DocumentRecord; sentence: { start: number; end: number }; mention: { start: number; end: number } }[]>()
  let seq = 0
  for (const d of ix.docs.values()) {
    const sentences = d.sentences?.length ? d.sentences : d.paragraphs
    for (const e of d.entities) for (const m of e.mentions) if (NAMING_MENTIONS.has(m.how ?? 'alias')) {
      const s = sentences.find((x) => x.start <= m.start && x.end >= m.end)
      if (!s) continue
      const l = by.get(e.actor)
      const item = { seq: seq++, doc: d, sentence: s, mention: { start: m.start, end: m.end } }
      if (l) l.push(item); else by.set(e.actor, [item])
    }
  }
  return by
})

/** The year a page is filed under: its publication year, else the year the analysis inferred for it, else `undated`. */
const yearOf = (ix: CorpusIndex, doc: string) => { const d = ix.docs.get(doc); return d?.published?.slice(0, 4) ?? d?.published_inferred?.date.slice(0, 4) ?? 'undated' }

/**
 * Full-text search with facets (outlet, year); `outlet` and `year` narrow the hits after the facets are counted. The
 * text hits (ranked by the store's full-text index) come first, then the sentences naming an actor the needle names
 * under another spelling. An undated page is filed under the year inferred for it, else under `undated`: no facet drops it.
 */
export async function searchFacets(store: Store, q: string, opts: { outlet?: string; year?: string; limit?: number; offset?: number } = {}) {
  const ix = await corpusIndex(store)
  // the pages' texts come from the corpus index in memory, not from their stored records
  const text = await store.search(q, { limit: 1000, texts: (id) => ix.docs.get(id) })
  const seen = new Set(text.map((h) => `${h.doc_id}:${h.start}`))
  const actors = actorsNamed(ix, q), ids = new Set(actors.map((a) => a.id))
  // every hit as a reference (its sentence's text is cut out for the page shown only): the text hits, then the named sentences
  type Ref = { readonly doc_id: string; readonly title: string | null; readonly outlet: string | null; readonly start: number; readonly end: number; readonly text?: string; readonly mention?: { start: number; end: number } }
  const refs: Ref[] = [...text]
  if (ids.size) {
    // in the order of the pages, their entities and mentions
    const mentions = namingMentions(ix)
    const found = [...ids].flatMap((id) => mentions.get(id) ?? []).sort((a, b) => a.seq - b.seq)
    for (const { doc: d, sentence: s, mention } of found) {
      if (seen.has(`${d.id}:${s.start}`)) continue
      seen.add(`${d.id}:${s.start}`)
      refs.push({ doc_id: d.id, title: d.title, outlet: d.outlet, start: s.start, end: s.end, mention })
    }
  }
  const years = new Map<string, string>()
  const year = (h: Ref) => { let y = years.get(h.doc_id); if (y === undefined) years.set(h.doc_id, (y = yearOf(ix, h.doc_id))); return y }
  const facet = (f: (h: Ref) => string | null) => {
    const m = new Map<string, number>()
    for (const h of refs) { const v = f(h); if (v) m.set(v, (m.get(v) ?? 0) + 1) }
    return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value, count]) => ({ value, count }))
  }
  const facets = { outlet: facet((h) => h.outlet), year: facet(year) }
  const kept = opts.outlet || opts.year ? refs.filter((h) => (!opts.outlet || h.outlet === opts.outlet) && (!opts.year || year(h) === opts.year)) : refs
  const offset = opts.offset ?? 0, limit = opts.limit ?? 50
  const items = kept.slice(offset, offset + limit).map((h) => {
    const d = ix.docs.get(h.doc_id)
    return { doc_id: h.doc_id, title: h.title, outlet: h.outlet, start: h.start, end: h.end, text: h.text ?? d!.text.slice(h.start, h.end), ...(h.mention ? { mention: h.mention } : {}),
      published: d?.published ?? null, date_inferred: d?.published ? null : d?.published_inferred?.date ?? null }
  })
  return { total: kept.length, items, facets, actors }
}
