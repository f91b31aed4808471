/**
 * Matching after each ingest and re-analysis: every watchlist looks at the documents stored since it last looked (its
 * cursor, less RESCAN_MS) and, when it asks for contradictions, at every contradiction; each matching fact not
 * recorded before becomes a hit. A hit is keyed by what stays when machine ids change (the page's URL or path, the
 * event type, the evidence sentence, the trigger within it), so re-running an ingest or a re-analysis adds nothing.
 */
import { createHash } from 'node:crypto'
import type { ActorRef, EventRecord } from '../doc/layers.js'
import { translitKey } from '../kb/names.js'
import type { ContradictionRecord, DocumentRecord } from '../model/records.js'
import { actorsNamed } from '../api/read/search.js'
import { sentenceAround, type CorpusIndex } from '../store/queries.js'
import type { Store } from '../store/store.js'
import type { Watchlist, WatchlistHit, WatchlistQuery } from '../store/watchlists.js'
import { MATCH_CHUNK, RESCAN_MS, WEBHOOK_BATCH } from './watchlists.data.js'
import { webhookPayload } from './payload.js'

/** What one matching pass found, per watchlist. */
export interface MatchSummary {
  readonly watchlists: number
  /** hits recorded by this pass (baseline ones included) */
  readonly hits: number
  readonly by: readonly { readonly id: string; readonly name: string; readonly hits: number; readonly baseline: boolean }[]
}

/** Resolves the actor terms of queries: an actor id, or a name any spelling of which an actor of the store carries. */
class Actors {
  private ids = new Map<string, Set<string>>()
  /** the store's actors alone (the whole corpus index, rebuilt after every ingest, is not needed to name them) */
  private index: Promise<Pick<CorpusIndex, 'actors'>> | null = null
  constructor(private readonly store: Store) {}
  /** the actor ids a term stands for (looked up once per pass) */
  async resolve(term: string): Promise<Set<string>> {
    const hit = this.ids.get(term)
    if (hit) return hit
    this.index ??= this.store.listActors({ limit: 10_000_000 }).then((list) => ({ actors: new Map(list.map((a) => [a.id, a])) }))
    const ix = await this.index
    const out = new Set<string>([term])
    const key = translitKey(term)
    for (const a of actorsNamed(ix, term)) if (a.how === 'spelling') out.add(a.id)
    // an actor without mentions yet, named exactly (actorsNamed looks at actors with pages only)
    for (const a of ix.actors.values()) if (key && [a.name, ...a.aliases].some((n) => translitKey(n) === key)) out.add(a.id)
    this.ids.set(term, out)
    return out
  }
}

/** A term's resolved ids and its spelling key, so an actor only the pages name ("western officials") is matched by name. */
interface Term { readonly ids: ReadonlySet<string>; readonly key: string }
const termOf = async (actors: Actors, t: string): Promise<Term> => ({ ids: await actors.resolve(t), key: translitKey(t) })
const names = (ref: ActorRef | null | undefined, t: Term) => !!ref && (t.ids.has(ref.actor) || (!!t.key && translitKey(ref.name) === t.key))

/** The query with its actor terms resolved. */
interface Resolved { readonly q: WatchlistQuery; readonly actors: readonly Term[]; readonly pair: readonly [Term, Term] | null; readonly words: readonly string[]; readonly outlets: ReadonlySet<string> }

async function resolveQuery(q: WatchlistQuery, actors: Actors): Promise<Resolved> {
  return {
    q, actors: await Promise.all(q.actors.map((t) => termOf(actors, t))),
    pair: q.pair ? [await termOf(actors, q.pair[0]), await termOf(actors, q.pair[1])] : null,
    words: q.words.map((w) => w.toLowerCase()), outlets: new Set(q.outlets.map((o) => o.toLowerCase())),
  }
}

/** True when the event of this document matches every criterion of the query. */
export function eventMatches(r: Resolved, doc: DocumentRecord, e: EventRecord): boolean {
  if (e.negated) return false
  if (r.q.types.length && !r.q.types.includes(e.type)) return false
  if (r.outlets.size && !r.outlets.has((doc.outlet ?? '').toLowerCase())) return false
  if (r.actors.length && !r.actors.some((t) => names(e.source_actor, t) || names(e.target_actor, t))) return false
  if (r.pair) {
    const [a, b] = r.pair, s = e.source_actor, t = e.target_actor
    if (!((names(s, a) && names(t, b)) || (names(s, b) && names(t, a)))) return false
  }
  if (r.words.length) {
    const sentence = sentenceAround(doc, e.evidence).text.toLowerCase()
    if (!r.words.some((w) => sentence.includes(w))) return false
  }
  return true
}

/** True when the contradiction matches: an outlet, a word, the actors named in its members' sentences (types do not apply). */
function contradictionMatches(r: Resolved, c: ContradictionRecord, docs: ReadonlyMap<string, DocumentRecord>): boolean {
  const members = c.members.map((m) => ({ m, doc: docs.get(m.doc) })).filter((x): x is { m: typeof x.m; doc: DocumentRecord } => !!x.doc)
  if (!members.length) return false
  if (r.outlets.size && !members.some((x) => r.outlets.has((x.doc.outlet ?? '').toLowerCase()))) return false
  const sentences = members.map((x) => ({ ...x, s: sentenceAround(x.doc, x.m.evidence) }))
  if (r.words.length && !r.words.some((w) => c.description.toLowerCase().includes(w) || sentences.some((x) => x.s.text.toLowerCase().includes(w)))) return false
  // the actors a member's sentence names
  const named = (t: Term) => sentences.some((x) => x.doc.entities.some((en) => names({ actor: en.actor, name: en.name }, t) && en.mentions.some((mn) => mn.start >= x.s.start && mn.end <= x.s.end)))
  if (r.actors.length && !r.actors.some(named)) return false
  if (r.pair && !(named(r.pair[0]) && named(r.pair[1]))) return false
  return true
}

const hash = (parts: readonly unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32)
/** What names a page across its versions and re-readings: its URL, else its path, else its id. */
const pageKey = (doc: DocumentRecord) => doc.source.url ?? doc.source.path ?? doc.id

/** The stable key of an event hit: the page, the type, the evidence sentence and the trigger within it (never a machine id). */
export function eventKey(doc: DocumentRecord, e: EventRecord): string {
  const trigger = e.trigger ? [e.trigger.start - e.evidence.start, e.trigger.text] : null
  return 'ev:' + hash([pageKey(doc), e.type, e.evidence.text, trigger])
}

/** The stable key of a contradiction hit: what is disputed, and each member's page, sentence and value. */
export function contradictionKey(c: ContradictionRecord, docs: ReadonlyMap<string, DocumentRecord>): string {
  const members = c.members.map((m) => { const d = docs.get(m.doc); return [d ? pageKey(d) : m.doc, m.evidence.text, JSON.stringify(m.value)] })
  return 'cx:' + hash([c.field, members.map((m) => JSON.stringify(m)).sort()])
}

/** What a hit shows (feed, webhook, UI): names and text, plus the ids the UI's links need. */
function eventRecord(doc: DocumentRecord, e: EventRecord): Record<string, unknown> {
  const s = sentenceAround(doc, e.evidence)
  return {
    type: e.type, mode: e.mode, date: e.date, date_precision: e.date_precision, location: e.location,
    source: e.source_actor?.name ?? null, target: e.target_actor?.name ?? null, reported_by: e.reported_by ?? null,
    outlet: doc.outlet, title: doc.title, url: doc.source.url, published: doc.published, sentence: s.text,
    evidence: { start: e.evidence.start, end: e.evidence.end, text: e.evidence.text }, doc: doc.id, event: e.id,
  }
}
function contradictionRecord(c: ContradictionRecord, docs: ReadonlyMap<string, DocumentRecord>): Record<string, unknown> {
  return { description: c.description, field: c.field, members: c.members.map((m) => {
    const d = docs.get(m.doc)
    return { outlet: d?.outlet ?? null, title: d?.title ?? null, url: d?.source.url ?? null, published: d?.published ?? null, value: m.value, qualifier: m.qualifier ?? null,
      evidence: { start: m.evidence.start, end: m.evidence.end, text: m.evidence.text }, doc: m.doc }
  }) }
}

/** Contradiction hits of one watchlist: every current contradiction it matches that it has not recorded. */
async function contradictionHits(store: Store, w: Watchlist, r: Resolved, baseline: boolean): Promise<Omit<WatchlistHit, 'found_at'>[]> {
  const all = await store.listCorpus('contradiction')
  const memberDocs = new Map((await store.documentsByIds([...new Set(all.flatMap((c) => c.members.map((m) => m.doc)))])).map((d) => [d.id, d]))
  const keyed = all.map((c) => ({ c, key: contradictionKey(c, memberDocs) }))
  const known = await store.watchlists.knownKeys(w.id, keyed.map((k) => k.key))
  return keyed.filter(({ c, key }) => !known.has(key) && contradictionMatches(r, c, memberDocs)).map(({ c, key }) => ({ key, kind: 'contradiction' as const, baseline, record: contradictionRecord(c, memberDocs) }))
}

/**
 * Matches watchlists against what each has not looked at yet (its first pass records baseline hits). The documents
 * are read once for all of them, from the earliest point any of them needs (its cursor less RESCAN_MS).
 */
async function matchAll(store: Store, lists: readonly Watchlist[], actors: Actors): Promise<{ w: Watchlist; hits: WatchlistHit[]; baseline: boolean }[]> {
  const startedAt = new Date().toISOString()
  const jobs = await Promise.all(lists.map(async (w) => ({
    w, r: await resolveQuery(w.query, actors), baseline: w.cursor == null, found: [] as Omit<WatchlistHit, 'found_at'>[], cursor: null as string | null,
    since: w.cursor ? new Date(Date.parse(w.cursor) - RESCAN_MS).toISOString() : null,
  })))
  const events = jobs.filter((j) => !j.w.query.contradictions)
  for (const j of jobs) if (j.w.query.contradictions) j.found.push(...await contradictionHits(store, j.w, j.r, j.baseline))
  if (events.length) {
    const from = events.some((j) => j.since == null) ? null : events.map((j) => j.since!).sort()[0]!
    let after: { at: string; id: string } | undefined
    for (;;) {
      const rows = await store.watchlists.documentsSince(from, MATCH_CHUNK, after)
      if (!rows.length) break
      after = { at: rows.at(-1)!.ingested_at, id: rows.at(-1)!.id }
      const at = new Map(rows.map((x) => [x.id, x.ingested_at]))
      for (const doc of await store.documentsByIds(rows.map((x) => x.id))) {
        const stamp = at.get(doc.id)!
        for (const j of events) {
          if (j.since && stamp < j.since) continue
          for (const e of doc.events) if (eventMatches(j.r, doc, e)) j.found.push({ key: eventKey(doc, e), kind: 'event', baseline: j.baseline, record: eventRecord(doc, e) })
        }
      }
      for (const j of events) j.cursor = after.at
      if (rows.length < MATCH_CHUNK) break
    }
  }
  const out = []
  for (const j of jobs) {
    const hits = await store.watchlists.recordHits(j.w.id, j.found, { cursor: j.cursor ?? j.w.cursor ?? startedAt, batch: WEBHOOK_BATCH, payload: (h) => webhookPayload(j.w, h) })
    out.push({ w: j.w, hits, baseline: j.baseline })
  }
  return out
}

/**
 * Matches every watchlist (or the one `only` names) against what was stored since it last looked; run after each
 * ingest and each re-analysis, and when a watchlist is created (its baseline). Idempotent.
 */
export async function matchWatchlists(store: Store, opts: { only?: string } = {}): Promise<MatchSummary> {
  const all = opts.only ? [await store.watchlists.get(opts.only)].filter((w): w is Watchlist => !!w) : await store.watchlists.list()
  const by = (await matchAll(store, all, new Actors(store))).map(({ w, hits, baseline }) => ({ id: w.id, name: w.name, hits: hits.length, baseline }))
  return { watchlists: all.length, hits: by.reduce((n, b) => n + b.hits, 0), by }
}
