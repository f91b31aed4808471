import { randomUUID } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import { DossierError } from '../errors.js'
import type { ActorRecord, CorpusRecord, DocumentRecord } from '../model/records.js'
import type { StageStatus } from '../doc/stage.js'
import { bumpGeneration, CORPUS_DUE, eventProvenance, GENERATION, PG_DOC_TSVECTOR, setMeta, TERM_SENTENCES, type DB } from './schema.js'
import { createWatchlistStore } from './watchlists.js'
import { createCorrectionStore } from './corrections.js'
import type { CorpusIndex, CorpusMember, CorpusPart, CorpusUpdate, DocumentSummary, EventFilter, EventRow, KnownPage, SearchText, Stats, Store } from './store.js'

const now = () => new Date().toISOString()
let lastStamp = 0
/**
 * A document's `ingested_at`: the time, made strictly increasing within this process (a millisecond later than the
 * last one when the clock has not moved), so pages written in one batch keep the order they were read in (the
 * documents list sorts by it, then by id).
 */
const ingestStamp = () => { lastStamp = Math.max(Date.now(), lastStamp + 1); return new Date(lastStamp).toISOString() }
const CHUNK = 200

/** Inserts rows in chunks (SQLite caps bound parameters per statement). */
async function insertMany<T extends keyof DB>(tx: Transaction<DB>, table: T, rows: any[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insertInto(table).values(rows.slice(i, i + CHUNK) as any).execute()
}

/**
 * Sets columns of many rows by id, CHUNK rows to a statement: `WITH v(id, …) AS (VALUES …) UPDATE t SET … FROM v
 * WHERE t.id = v.id` (SQLite 3.33+ and PostgreSQL; each row found through the primary key). Values are text or null.
 */
async function updateFrom(tx: Transaction<DB>, table: 'events' | 'documents', cols: readonly string[], rows: readonly (readonly (string | null)[])[]): Promise<void> {
  const names = sql.join(['id', ...cols].map((c) => sql.id(c)))
  const set = sql.join(cols.map((c) => sql`${sql.id(c)} = v.${sql.id(c)}`))
  for (let i = 0; i < rows.length; i += CHUNK) {
    // PostgreSQL types a VALUES column of parameters (or NULLs) as text, which every column set here is
    const values = sql.join(rows.slice(i, i + CHUNK).map((r) => sql`(${sql.join(r.map((x) => sql`${x}`))})`))
    await sql`with v(${names}) as (values ${values}) update ${sql.table(table)} set ${set} from v where ${sql.table(table)}.id = v.id`.execute(tx)
  }
}

/** Wraps a driver error with the operation name (style.md §9). */
async function guard<T>(op: string, f: () => Promise<T>): Promise<T> {
  try { return await f() } catch (cause) {
    if (cause instanceof DossierError) throw cause
    throw new DossierError('E_STORE', `Expected store operation \`${op}\` to succeed, got: ${(cause as Error)?.message}`, { op }, { cause })
  }
}

/** The advisory-lock key that serialises writers on PostgreSQL (any constant; "dossier" in ASCII). */
export const PG_WRITE_LOCK = 0x646f7373
/**
 * Takes the store's write lock for the rest of the transaction, so two processes writing one store take turns:
 * SQLite gets its write lock at once by writing first (under the busy timeout, no stale read snapshot to upgrade);
 * PostgreSQL takes a transaction-level advisory lock.
 */
async function writeLock(tx: Transaction<DB>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${sql.lit(PG_WRITE_LOCK)})`.execute(tx)
  else await sql`delete from store_meta where key = '__write_lock__'`.execute(tx)
}

/** A value with every NUL character (which PostgreSQL text refuses) replaced by U+FFFD, keeping every span offset. */
function noNul<T>(v: T): T {
  if (typeof v === 'string') return (v.includes('\u0000') ? v.replace(/\u0000/g, '\ufffd') : v) as T
  if (Array.isArray(v)) return v.map(noNul) as T
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, noNul(x)])) as T
  return v
}

/** What `saveDocument` is given for one page. */
type SaveOpts = Parameters<Store['saveDocument']>[1]

/**
 * Writes one processed document inside a write transaction that holds the store's lock (its caller's): replaces
 * the same id's rows, supersedes the other current versions of its path (url), refreshes the SQLite full-text row.
 */
async function saveOne(tx: Transaction<DB>, dialect: 'sqlite' | 'postgres', rec0: DocumentRecord, opts: SaveOpts): Promise<'saved' | 'exists'> {
  const json0 = JSON.stringify(rec0)
  const rec = json0.includes('\\u0000') ? noNul(rec0) : rec0
  // another writer may have stored this very page since the caller looked: then it is there once, and stays current
  const same = await tx.selectFrom('documents').select(['id', 'superseded_by']).where('id', '=', rec.id).executeTakeFirst()
  if (same && same.superseded_by == null) return 'exists' as const
  // the versions this one replaces, read under the lock: the caller's, and any other current one of the same path (url)
  const { path, url } = rec.source
  let others: { id: string; version: number }[] = []
  if (path || url) {
    let q = tx.selectFrom('documents').select(['id', 'version']).where('superseded_by', 'is', null).where('id', '!=', rec.id)
    q = path ? q.where('path', '=', path) : q.where('url', '=', url!)
    others = await q.execute()
  }
  const replaced = new Set(others.map((o) => o.id))
  if (opts.replaces && opts.replaces !== rec.id) replaced.add(opts.replaces)
  const version = Math.max(opts.version, ...others.map((o) => Number(o.version) + 1))
  // the SQLite full-text index follows the current documents (rowid = the document row's rowid)
  if (dialect === 'sqlite') await sql`delete from doc_fts where rowid in (select rowid from documents where id = ${rec.id})`.execute(tx)
  await tx.deleteFrom('documents').where('id', '=', rec.id).execute()
  for (const t of ['mentions', 'events', 'quotes', 'claims', 'messages'] as const) await tx.deleteFrom(t).where('doc_id', '=', rec.id).execute()
  await tx.insertInto('documents').values({
    id: rec.id, path: rec.source.path, url: rec.source.url, raw_sha256: rec.source.sha256, text_sha256: null, version,
    superseded_by: null, status: 'ok', reason: null, outlet: rec.outlet, copy_of: rec.copy_of, title: rec.title, published: rec.published,
    published_inferred: null, author: rec.author, duplicates: null, record: rec === rec0 ? json0 : JSON.stringify(rec), ingested_at: ingestStamp(), run_id: opts.runId,
    language: rec.language ?? null,
  }).execute()
  // a document is never superseded by itself (two concurrent ingests once did that, hiding the page)
  if (replaced.size) await tx.updateTable('documents').set({ superseded_by: rec.id }).where('id', 'in', [...replaced]).where('id', '!=', rec.id).execute()
  if (dialect === 'sqlite') {
    if (replaced.size) await sql`delete from doc_fts where rowid in (select rowid from documents where id in (${sql.join([...replaced])}))`.execute(tx)
    await sql`insert into doc_fts (rowid, text) select rowid, ${rec.text} from documents where id = ${rec.id}`.execute(tx)
  }
  await insertMany(tx, 'mentions', rec.entities.flatMap((e) => e.mentions.map((m) => ({ doc_id: rec.id, entity_id: e.id, actor_id: e.actor, start_char: m.start, end_char: m.end, text: m.text }))))
  await insertMany(tx, 'events', rec.events.map((e) => ({
    id: e.id, doc_id: rec.id, story_event: e.story_event, type: e.type, mode: e.mode, source_actor: e.source_actor?.actor ?? null,
    target_actor: e.target_actor?.actor ?? null, date: e.date, date_precision: e.date_precision, location: e.location,
    start_char: e.evidence.start, end_char: e.evidence.end, text: e.evidence.text, ...eventProvenance(e),
  })))
  await insertMany(tx, 'quotes', rec.quotes.map((q) => ({ id: q.id, doc_id: rec.id, speaker: q.speaker?.actor ?? null, start_char: q.start, end_char: q.end, text: q.text })))
  await insertMany(tx, 'claims', rec.claims.map((c) => ({ id: c.id, doc_id: rec.id, what: c.what, value: c.value, qualifier: c.qualifier, unit: c.unit, start_char: c.evidence.start, end_char: c.evidence.end, text: c.evidence.text })))
  await insertMany(tx, 'messages', rec.messages.map((m) => ({ doc_id: rec.id, source: m.source, rule_id: m.ruleId, severity: m.severity, reason: m.reason, start_char: m.place?.start ?? null, end_char: m.place?.end ?? null })))
  await insertMany(tx, 'stage_runs', opts.stages.map((s) => ({ run_id: opts.runId, doc_id: rec.id, stage: s.stage, status: s.status, ms: s.ms, error: noNul(s.error ?? null), reason: s.reason ?? null })))
  return 'saved'
}

/** The Store over a kysely instance; dialect differences are capability flags, not scattered branches. */
export function createKyselyStore(db: Kysely<DB>, dialect: 'sqlite' | 'postgres', onClose: () => Promise<void> = () => db.destroy()): Store {
  const store: Store = {
    dialect,
    findRaw: (sha) => guard('findRaw', async () => {
      const r = await db.selectFrom('documents').select(['id', 'status', 'version', 'superseded_by']).where('raw_sha256', '=', sha)
        .orderBy(sql`case when superseded_by is null then 0 else 1 end`).orderBy('version', 'desc').executeTakeFirst()
      return (r as KnownPage | undefined) ?? null
    }),
    findLatest: (path, url) => guard('findLatest', async () => {
      if (!path && !url) return null
      let q = db.selectFrom('documents').select(['id', 'status', 'version']).where('superseded_by', 'is', null)
      q = path ? q.where('path', '=', path) : q.where('url', '=', url!)
      const r = await q.orderBy('version', 'desc').executeTakeFirst()
      return (r as KnownPage | undefined) ?? null
    }),
    saveDocument: (rec, opts) => store.saveDocuments([{ rec, opts }]).then((r) => r[0]!),
    saveDocuments: (items) => guard('saveDocument', () => db.transaction().execute(async (tx) => {
      await writeLock(tx, dialect)
      const out: ('saved' | 'exists')[] = []
      for (const { rec, opts } of items) out.push(await saveOne(tx, dialect, rec, opts))
      // the corpus no longer matches the documents until the cross-source analysis runs again
      if (out.includes('saved')) { await setMeta(tx, CORPUS_DUE, now()); await bumpGeneration(tx) }
      return out
    })),
    saveRejected: (r0) => guard('saveRejected', () => db.transaction().execute(async (tx) => {
      await writeLock(tx, dialect)
      const r = noNul(r0)
      const exists = await tx.selectFrom('documents').select('id').where('id', '=', r.id).executeTakeFirst()
      if (exists) return
      await tx.insertInto('documents').values({
        id: r.id, path: r.path, url: r.url, raw_sha256: r.rawSha256, text_sha256: null, version: 1, superseded_by: null, status: 'rejected',
        reason: r.reason, outlet: null, copy_of: null, title: null, published: null, published_inferred: null, author: null, duplicates: null,
        record: null, ingested_at: ingestStamp(), run_id: r.runId, language: null,
      }).execute()
      await insertMany(tx, 'messages', r.messages.map((m) => ({ doc_id: r.id, source: m.source, rule_id: m.ruleId, severity: m.severity, reason: m.reason, start_char: null, end_char: null })))
      await bumpGeneration(tx)
    })),
    stageRuns: (docId) => guard('stageRuns', async () => {
      const rows = await db.selectFrom('stage_runs').select(['run_id', 'stage', 'status', 'ms', 'error', 'reason']).where('doc_id', '=', docId).execute()
      return rows.map((r) => ({ run_id: r.run_id, stage: r.stage, status: r.status as StageStatus['status'], ms: Number(r.ms), ...(r.error ? { error: r.error } : {}), ...(r.reason ? { reason: r.reason } : {}) }))
    }),
    getDocument: (id) => guard('getDocument', async () => {
      const r = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst()
      return r?.record ? (await overlayStories(db, [withCorpus(r)]))[0] : null
    }),
    listDocuments: (o = {}) => guard('listDocuments', async () => {
      let q = db.selectFrom('documents').select(['id', 'path', 'url', 'status', 'reason', 'title', 'outlet', 'published', 'copy_of', 'author', 'version', 'ingested_at', 'language'])
        .where('superseded_by', 'is', null)
      if (o.status !== 'all') q = q.where('status', '=', o.status ?? 'ok')
      if (o.outlet) q = q.where('outlet', '=', o.outlet)
      return (await q.orderBy('ingested_at').orderBy('id').limit(o.limit ?? 100).offset(o.offset ?? 0).execute()) as DocumentSummary[]
    }),
    allDocuments: () => guard('allDocuments', async () => {
      const rows = await db.selectFrom('documents').selectAll().where('status', '=', 'ok').where('superseded_by', 'is', null).orderBy('ingested_at').orderBy('id').execute()
      return overlayStories(db, rows.map(withCorpus))
    }),
    listEvents: (f = {}) => guard('listEvents', async () => {
      let q = db.selectFrom('events').innerJoin('documents', 'documents.id', 'events.doc_id')
        .select(['events.id', 'events.doc_id', 'events.story_event', 'events.type', 'events.mode', 'events.source_actor', 'events.target_actor', 'events.date',
          'events.date_precision', 'events.location', 'events.start_char', 'events.end_char', 'events.text', 'documents.outlet', 'events.date_inferred',
          'events.reported_by', 'events.produced_by'])
        .where('documents.superseded_by', 'is', null)
      if (f.actor) q = q.where((eb) => eb.or([eb('events.source_actor', '=', f.actor!), eb('events.target_actor', '=', f.actor!)]))
      if (f.pair) { const [a, b] = f.pair; q = q.where((eb) => eb.or([eb.and([eb('events.source_actor', '=', a), eb('events.target_actor', '=', b)]), eb.and([eb('events.source_actor', '=', b), eb('events.target_actor', '=', a)])])) }
      if (f.source) q = q.where('events.source_actor', '=', f.source)
      if (f.target) q = q.where('events.target_actor', '=', f.target)
      if (f.type) q = q.where('events.type', '=', f.type)
      if (f.from) q = q.where('events.date', '>=', f.from)
      if (f.to) q = q.where('events.date', '<=', f.to + '\uffff')
      if (f.outlet) q = q.where('documents.outlet', '=', f.outlet)
      if (f.story) q = q.where('events.story_event', '=', f.story)
      if (f.doc) q = q.where('events.doc_id', '=', f.doc)
      const rows = await q.orderBy('events.date').orderBy('events.id').limit(f.limit ?? 500).offset(f.offset ?? 0).execute()
      return rows.map(({ start_char, end_char, date_inferred, produced_by, ...r }) => {
        const d = date_inferred ? JSON.parse(date_inferred) : null // inferred dates (cross-source) replace missing ones
        return { ...r, ...(d ? { date: d.date, date_precision: d.date_precision, date_inferred: true } : {}), start: start_char, end: end_char,
          produced_by: produced_by ? JSON.parse(produced_by) : null }
      }) as EventRow[]
    }),
    listActors: (o = {}) => guard('listActors', async () => {
      let q = db.selectFrom('actors').select(['record',
        sql<number>`(select count(*) from mentions m where m.actor_id = actors.id)`.as('mentions'),
        sql<number>`(select count(*) from events e where e.source_actor = actors.id or e.target_actor = actors.id)`.as('events')])
      if (o.q) q = q.where(sql<boolean>`lower(name) like ${'%' + o.q.toLowerCase() + '%'}`)
      const rows = await q.orderBy('name').limit(o.limit ?? 500).offset(o.offset ?? 0).execute()
      return rows.map((r) => ({ ...(JSON.parse(r.record) as ActorRecord), mentions: Number(r.mentions ?? 0), events: Number(r.events ?? 0) }))
    }),
    getActor: (id) => guard('getActor', async () => {
      const r = await db.selectFrom('actors').select('record').where('id', '=', id).executeTakeFirst()
      return r ? (JSON.parse(r.record) as ActorRecord) : null
    }),
    listCorpus: (kind) => guard('listCorpus', async () => {
      const rows = await db.selectFrom('corpus').select('record').where('kind', '=', kind).orderBy('id').execute()
      return rows.map((r) => JSON.parse(r.record))
    }),
    replaceCorpus: (u: CorpusUpdate) => guard('replaceCorpus', () => db.transaction().execute(async (tx) => {
      await writeLock(tx, dialect)
      await tx.deleteFrom('actors').execute()
      await tx.deleteFrom('corpus').execute()
      for (const t of ['corpus_docs', 'corpus_keys', 'term_df'] as const) await tx.deleteFrom(t).execute()
      await setMeta(tx, TERM_SENTENCES, null)
      await insertMany(tx, 'corpus_docs', u.records.flatMap(memberRows))
      if (u.index) await writeIndex(tx, u.index)
      await insertMany(tx, 'actors', u.actors.map((a) => ({ id: a.id, name: a.name, type: a.type, affiliation: a.affiliation, code: a.code, record: JSON.stringify(a) })))
      await insertMany(tx, 'corpus', u.records.map((r: CorpusRecord) => ({ kind: r.kind, id: r.id, record: JSON.stringify(r) })))
      await tx.updateTable('events').set({ story_event: null, date_inferred: null }).execute()
      await tx.updateTable('documents').set({ published_inferred: null, duplicates: null }).execute()
      await writeResults(tx, u)
      await setMeta(tx, CORPUS_DUE, null)
      await bumpGeneration(tx)
    })),
    replaceCorpusPart: (p: CorpusPart) => guard('replaceCorpusPart', () => db.transaction().execute(async (tx) => {
      await writeLock(tx, dialect)
      const inChunks = async (ids: readonly string[], f: (chunk: string[]) => Promise<unknown>) => { for (let i = 0; i < ids.length; i += CHUNK) await f(ids.slice(i, i + CHUNK)) }
      // the records of the part: the old ones out, the new ones (and the outlet profiles and actors it changed) in, by id
      const byKind = new Map<string, string[]>()
      for (const r of [...p.remove, ...p.records]) { const l = byKind.get(r.kind); if (l) l.push(r.id); else byKind.set(r.kind, [r.id]) }
      for (const [kind, ids] of byKind) await inChunks([...new Set(ids)], async (c) => {
        await tx.deleteFrom('corpus').where('kind', '=', kind).where('id', 'in', c).execute()
        await tx.deleteFrom('corpus_docs').where('kind', '=', kind).where('id', 'in', c).execute()
      })
      await insertMany(tx, 'corpus', p.records.map((r: CorpusRecord) => ({ kind: r.kind, id: r.id, record: JSON.stringify(r) })))
      await insertMany(tx, 'corpus_docs', p.records.flatMap(memberRows))
      await inChunks(p.actors.map((a) => a.id), (c) => tx.deleteFrom('actors').where('id', 'in', c).execute())
      await insertMany(tx, 'actors', p.actors.map((a) => ({ id: a.id, name: a.name, type: a.type, affiliation: a.affiliation, code: a.code, record: JSON.stringify(a) })))
      // the per-row results of the documents analysed again
      await inChunks(p.analysed, async (c) => {
        await tx.updateTable('events').set({ story_event: null, date_inferred: null }).where('doc_id', 'in', c).execute()
        await tx.updateTable('documents').set({ published_inferred: null, duplicates: null }).where('id', 'in', c).execute()
      })
      await writeResults(tx, p)
      await inChunks(p.unindex, (c) => tx.deleteFrom('corpus_keys').where('ref', 'in', c).execute())
      if (p.index) await writeIndex(tx, p.index)
      await setMeta(tx, CORPUS_DUE, null)
      await bumpGeneration(tx)
    })),
    documentsByIds: (ids) => guard('documentsByIds', async () => {
      const rows: DB['documents'][] = []
      for (let i = 0; i < ids.length; i += CHUNK) {
        rows.push(...await db.selectFrom('documents').selectAll().where('id', 'in', ids.slice(i, i + CHUNK) as string[]).where('status', '=', 'ok').where('superseded_by', 'is', null).execute())
      }
      rows.sort((a, b) => (a.ingested_at < b.ingested_at ? -1 : a.ingested_at > b.ingested_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      return overlayStories(db, rows.map(withCorpus))
    }),
    keyRefs: (keys, each, end = 'first') => guard('keyRefs', async () => {
      const out = new Map<string, string[]>()
      const dir = end === 'first' ? 'asc' : 'desc'
      for (const key of new Set(keys)) {
        const rows = await db.selectFrom('corpus_keys').select('ref').where('key', '=', key).orderBy('ord', dir).orderBy('ref', dir).limit(each).execute()
        out.set(key, rows.map((r) => r.ref).sort())
      }
      return out
    }),
    keyCounts: (keys) => guard('keyCounts', async () => {
      const out = new Map<string, number>(), list = [...new Set(keys)]
      for (let i = 0; i < list.length; i += CHUNK) {
        const rows = await db.selectFrom('corpus_keys').select(['key', (eb) => eb.fn.countAll().as('n')]).where('key', 'in', list.slice(i, i + CHUNK)).groupBy('key').execute()
        for (const r of rows) out.set(r.key, Number(r.n))
      }
      return out
    }),
    corpusMembers: (docIds) => guard('corpusMembers', async () => {
      // one join per chunk: the records holding these documents (index on doc_id), then all their rows (index on kind, id)
      const out: CorpusMember[] = [], seen = new Set<string>()
      for (let i = 0; i < docIds.length; i += CHUNK) {
        const rows = await db.selectFrom('corpus_docs as c1').innerJoin('corpus_docs as c2', (j) => j.onRef('c2.kind', '=', 'c1.kind').onRef('c2.id', '=', 'c1.id'))
          .select(['c2.kind', 'c2.id', 'c2.doc_id']).distinct().where('c1.doc_id', 'in', docIds.slice(i, i + CHUNK) as string[]).execute()
        for (const r of rows) { const k = `${r.kind}\u0000${r.id}\u0000${r.doc_id}`; if (!seen.has(k)) { seen.add(k); out.push(r) } }
      }
      return out
    }),
    corpusByIds: (kind, ids) => guard('corpusByIds', async () => {
      const out = []
      for (let i = 0; i < ids.length; i += CHUNK) {
        const rows = await db.selectFrom('corpus').select('record').where('kind', '=', kind).where('id', 'in', ids.slice(i, i + CHUNK) as string[]).orderBy('id').execute()
        out.push(...rows.map((r) => JSON.parse(r.record)))
      }
      return out
    }),
    termCounts: (terms) => guard('termCounts', async () => {
      const df = new Map<string, number>()
      const list = [...new Set(terms)]
      for (let i = 0; i < list.length; i += CHUNK) for (const r of await db.selectFrom('term_df').select(['term', 'df']).where('term', 'in', list.slice(i, i + CHUNK)).execute()) df.set(r.term, Number(r.df))
      const n = await db.selectFrom('store_meta').select('value').where('key', '=', TERM_SENTENCES).executeTakeFirst()
      return { sentences: Number(n?.value ?? 0), df }
    }),
    latestPublished: () => guard('latestPublished', async () => {
      const r = await db.selectFrom('documents').select((eb) => eb.fn.max('published').as('p')).where('status', '=', 'ok').where('superseded_by', 'is', null).executeTakeFirst()
      return (r?.p as string | null | undefined) ?? null
    }),
    documentOrder: () => guard('documentOrder', async () => {
      const rows = await db.selectFrom('documents').select(['id', 'ingested_at']).where('status', '=', 'ok').where('superseded_by', 'is', null).execute()
      return new Map(rows.map((r) => [r.id, `${r.ingested_at} ${r.id}`]))
    }),
    unindexedDocuments: (limit) => guard('unindexedDocuments', async () => {
      const rows = await db.selectFrom('documents').select('id').where('status', '=', 'ok').where('superseded_by', 'is', null)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('corpus_keys').select('ref').whereRef('corpus_keys.ref', '=', 'documents.id')))).orderBy('ingested_at').orderBy('id').limit(limit).execute()
      return rows.map((r) => r.id)
    }),
    hasCorpusIndex: () => guard('hasCorpusIndex', async () => !!(await db.selectFrom('store_meta').select('key').where('key', '=', TERM_SENTENCES).executeTakeFirst())),
    generation: () => guard('generation', async () => Number((await db.selectFrom('store_meta').select('value').where('key', '=', GENERATION).executeTakeFirst())?.value ?? 0)),
    corpusDue: () => guard('corpusDue', async () => !!(await db.selectFrom('store_meta').select('key').where('key', '=', CORPUS_DUE).executeTakeFirst())),
    markCorpusDue: () => guard('markCorpusDue', () => setMeta(db, CORPUS_DUE, now())),
    search: (text, o = {}) => guard('search', async () => {
      // no stored text holds NUL (src/ingest strips it), and neither FTS5 nor PostgreSQL takes it in a query
      const needle = text.replace(/\u0000/g, '').trim().toLowerCase()
      if (!needle) return []
      type Row = { id: string; title: string | null; outlet: string | null }
      // a bounded scan. SQLite's lower() and LIKE fold ASCII only: a Cyrillic or Greek needle is also looked for capitalised and in capitals
      const scan = async (): Promise<Row[]> => {
        const variants = [...new Set([needle, needle[0]!.toUpperCase() + needle.slice(1), needle.toUpperCase()])].map((v) => '%' + v.replace(/[%_]/g, '') + '%')
        return db.selectFrom('documents').select(['id', 'title', 'outlet']).where('status', '=', 'ok').where('superseded_by', 'is', null)
          .where((eb) => eb.or(variants.map((v, i) => i === 0 ? eb(sql<string>`lower(record)`, 'like', v) : eb('record', 'like', v)))).limit(200).execute()
      }
      let rows: Row[]
      if (dialect === 'sqlite' && [...needle].length >= 3) {
        // SQLite: the trigram FTS5 index finds the pages holding the phrase (any case, any script), best ranked (bm25) first
        rows = (await sql<Row>`select d.id, d.title, d.outlet from doc_fts f
          join documents d on d.rowid = f.rowid where doc_fts match ${'"' + needle.replace(/"/g, '""') + '"'} and d.status = 'ok' and d.superseded_by is null
          order by f.rank limit 200`.execute(db)).rows
      } else if (dialect === 'postgres' && /[\p{L}\p{N}]/u.test(needle)) {
        // PostgreSQL: the pages holding the words as a phrase (GIN index over the text's words), best ranked first; the
        // exact substring is then looked for in each page's text below. A database whose locale does not know a
        // script's letters finds no word in them: a needle outside ASCII that the index misses is looked for by the scan
        rows = (await sql<Row>`select id, title, outlet from documents
          where status = 'ok' and superseded_by is null and ${PG_DOC_TSVECTOR} @@ phraseto_tsquery('simple'::regconfig, ${needle})
          order by ts_rank(${PG_DOC_TSVECTOR}, phraseto_tsquery('simple'::regconfig, ${needle})) desc, id limit 200`.execute(db)).rows
        if (!rows.length && /[^\x00-\x7f]/.test(needle)) rows = await scan()
      } else rows = await scan()
      // each page's text and sentences: from memory when the caller has them, else its stored record (read only for those)
      const texts = new Map<string, SearchText>()
      for (const r of rows) { const t = o.texts?.(r.id); if (t) texts.set(r.id, t) }
      const missing = rows.map((r) => r.id).filter((id) => !texts.has(id))
      for (let i = 0; i < missing.length; i += CHUNK) {
        for (const r of await db.selectFrom('documents').select(['id', 'record']).where('id', 'in', missing.slice(i, i + CHUNK)).execute()) texts.set(r.id, JSON.parse(r.record!) as DocumentRecord)
      }
      const hits = []
      for (const r of rows) {
        const rec = texts.get(r.id)
        if (!rec) continue
        const lower = rec.text.toLowerCase()
        for (let i = lower.indexOf(needle); i >= 0 && hits.length < (o.limit ?? 50); i = lower.indexOf(needle, i + needle.length)) {
          const s = (rec.sentences ?? []).find((x) => x.start <= i && x.end >= i + needle.length) ?? { start: i, end: i + needle.length }
          hits.push({ doc_id: r.id, title: r.title, outlet: r.outlet, start: s.start, end: s.end, text: rec.text.slice(s.start, s.end) })
        }
      }
      return hits
    }),
    saveJob: (job) => guard('saveJob', async () => {
      const row = { id: job.id, status: job.status, created_at: job.created_at, record: JSON.stringify(job) }
      await db.insertInto('jobs').values(row).onConflict((oc) => oc.column('id').doUpdateSet({ status: row.status, record: row.record })).execute()
    }),
    getJob: (id) => guard('getJob', async () => {
      const r = await db.selectFrom('jobs').select('record').where('id', '=', id).executeTakeFirst()
      return r ? JSON.parse(r.record) as Record<string, unknown> : null
    }),
    abandonJobs: (reason, at) => guard('abandonJobs', async () => {
      const left = await db.selectFrom('jobs').select(['id', 'record']).where('status', 'in', ['queued', 'running']).execute()
      for (const r of left) {
        const record = { ...JSON.parse(r.record), status: 'failed', error: reason, finished_at: at }
        await db.updateTable('jobs').set({ status: 'failed', record: JSON.stringify(record) }).where('id', '=', r.id).execute()
      }
      return left.length
    }),
    startRun: (command) => guard('startRun', async () => {
      const id = 'r_' + randomUUID().slice(0, 12)
      await db.insertInto('runs').values({ id, started_at: now(), finished_at: null, command, summary: null }).execute()
      return id
    }),
    finishRun: (id, summary) => guard('finishRun', async () => {
      await db.updateTable('runs').set({ finished_at: now(), summary: JSON.stringify(summary) }).where('id', '=', id).execute()
    }),
    stats: () => guard('stats', async () => {
      const count = async (t: keyof DB, where?: (q: any) => any) => {
        let q: any = db.selectFrom(t as any).select((eb: any) => eb.fn.countAll().as('n'))
        if (where) q = where(q)
        return Number((await q.executeTakeFirst())?.n ?? 0)
      }
      const current = (q: any) => q.where('doc_id', 'in', db.selectFrom('documents').select('id').where('superseded_by', 'is', null))
      return {
        documents: await count('documents', (q) => q.where('status', '=', 'ok').where('superseded_by', 'is', null)),
        rejected: await count('documents', (q) => q.where('status', '=', 'rejected')),
        actors: await count('actors'), events: await count('events', current), quotes: await count('quotes', current), claims: await count('claims', current),
        stories: await count('corpus', (q) => q.where('kind', '=', 'story')), contradictions: await count('corpus', (q) => q.where('kind', '=', 'contradiction')),
      } satisfies Stats
    }),
    getWatchFeed: (url) => guard('getWatchFeed', async () => (await db.selectFrom('watch_feeds').selectAll().where('url', '=', url).executeTakeFirst()) ?? null),
    saveWatchFeed: (f) => guard('saveWatchFeed', async () => {
      const set = { etag: f.etag, last_modified: f.last_modified, last_poll: f.last_poll, last_status: f.last_status, items: f.items }
      await db.insertInto('watch_feeds').values({ url: f.url, ...set }).onConflict((oc) => oc.column('url').doUpdateSet(set)).execute()
    }),
    seenWatchLinks: (links) => guard('seenWatchLinks', async () => {
      const seen = new Set<string>()
      for (let i = 0; i < links.length; i += CHUNK) {
        const rows = await db.selectFrom('watch_items').select('link').where('link', 'in', links.slice(i, i + CHUNK) as string[]).execute()
        for (const r of rows) seen.add(r.link)
      }
      return seen
    }),
    saveWatchItem: (it) => guard('saveWatchItem', async () => {
      const row = { link: it.link, feed: it.feed, title: it.title, first_seen: it.first_seen, status: it.status, attempts: it.attempts, last_try: it.last_try, error: it.error }
      await db.insertInto('watch_items').values(row).onConflict((oc) => oc.column('link').doUpdateSet({ status: it.status, attempts: it.attempts, last_try: it.last_try, error: it.error })).execute()
    }),
    pendingWatchItems: (o) => guard('pendingWatchItems', async () => (await db.selectFrom('watch_items').selectAll()
      .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'failed'), eb('attempts', '<', o.maxAttempts)])]))
      .orderBy('first_seen').orderBy('link').limit(o.limit).execute()) as import('./store.js').WatchItem[]),
    watchlists: createWatchlistStore(db, (f) => db.transaction().execute(async (tx) => { await writeLock(tx, dialect); return f(tx) }), guard),
    corrections: createCorrectionStore(db, dialect),
    close: onClose,
  }
  return store
}

/** The per-row results of an analysis (events' story events and inferred dates, documents' duplicates, inferred dates and copies), CHUNK rows to a statement (an UPDATE … FROM a VALUES list), not one row at a time. */
async function writeResults(tx: Transaction<DB>, u: CorpusUpdate): Promise<void> {
  await updateFrom(tx, 'events', ['story_event'], [...u.eventStory].map(([ev, story]) => [ev, story]))
  await updateFrom(tx, 'events', ['date_inferred'], [...(u.events ?? [])].map(([ev, d]) => [ev, JSON.stringify(d)]))
  const docRow = ([id, d]: [string, CorpusUpdate['docs'] extends ReadonlyMap<string, infer V> ? V : never]) =>
    [id, d.published_inferred ? JSON.stringify(d.published_inferred) : null, d.duplicates?.length ? JSON.stringify(d.duplicates) : null]
  const docs = [...u.docs]
  await updateFrom(tx, 'documents', ['published_inferred', 'duplicates'], docs.filter(([, d]) => d.copy_of === undefined).map(docRow))
  await updateFrom(tx, 'documents', ['published_inferred', 'duplicates', 'copy_of'], docs.filter(([, d]) => d.copy_of !== undefined).map((x) => [...docRow(x), x[1].copy_of ?? null]))
}

/** The documents a corpus record is made of, as `corpus_docs` rows (outlet profiles have none: they are replaced by outlet). */
function memberRows(r: CorpusRecord): CorpusMember[] {
  const docs = r.kind === 'story' ? r.documents : r.kind === 'story_event' || r.kind === 'contradiction' ? r.members.map((m) => m.doc) : []
  return [...new Set(docs)].map((doc_id) => ({ kind: r.kind, id: r.id, doc_id }))
}

/**
 * Writes index rows (keys, with each document's ingest order; a ref that is no document sorts first) and adds the
 * term counts to the stored ones.
 */
async function writeIndex(tx: Transaction<DB>, ix: CorpusIndex): Promise<void> {
  const refs = [...new Set(ix.keys.map((k) => k[1]))], ord = new Map<string, string>()
  for (let i = 0; i < refs.length; i += CHUNK) {
    for (const r of await tx.selectFrom('documents').select(['id', 'ingested_at']).where('id', 'in', refs.slice(i, i + CHUNK)).execute()) ord.set(r.id, `${r.ingested_at} ${r.id}`)
  }
  await insertMany(tx, 'corpus_keys', ix.keys.map(([key, ref]) => ({ key, ref, ord: ord.get(ref) ?? '' })))
  const terms = [...ix.terms].filter(([, n]) => n !== 0)
  for (let i = 0; i < terms.length; i += CHUNK) {
    const values = sql.join(terms.slice(i, i + CHUNK).map(([t, n]) => sql`(${t}, ${n})`))
    await sql`insert into term_df (term, df) values ${values} on conflict (term) do update set df = term_df.df + excluded.df`.execute(tx)
  }
  await tx.deleteFrom('term_df').where('df', '<=', 0).execute()
  const n = await tx.selectFrom('store_meta').select('value').where('key', '=', TERM_SENTENCES).executeTakeFirst()
  await setMeta(tx, TERM_SENTENCES, String(Number(n?.value ?? 0) + ix.sentences))
}

/** The stored record with the cross-source results laid over it (story ids, inferred date, duplicates). */
function withCorpus(r: DB['documents']): DocumentRecord {
  const rec = JSON.parse(r.record!) as DocumentRecord
  return { ...rec, language: rec.language ?? r.language ?? null, copy_of: r.copy_of, published_inferred: r.published_inferred ? JSON.parse(r.published_inferred) : null, duplicates: r.duplicates ? JSON.parse(r.duplicates) : [] }
}

/** Sets each event's `story_event` from the events table (written by the cross-source stage). */
async function overlayStories(db: Kysely<DB>, recs: DocumentRecord[]): Promise<DocumentRecord[]> {
  const story = new Map<string, string | null>(), inferred = new Map<string, string>()
  for (let i = 0; i < recs.length; i += CHUNK) {
    const ids = recs.slice(i, i + CHUNK).map((r) => r.id)
    const rows = await db.selectFrom('events').select(['id', 'story_event', 'date_inferred']).where('doc_id', 'in', ids).execute()
    for (const r of rows) { story.set(r.id, r.story_event); if (r.date_inferred) inferred.set(r.id, r.date_inferred) }
  }
  // an inferred date (cross-source analysis) replaces the event's own and says so
  return recs.map((r) => ({ ...r, events: r.events.map((e) => {
    const d = inferred.get(e.id)
    return { ...e, story_event: story.get(e.id) ?? null, ...(d ? { ...JSON.parse(d), date_inferred: true } : {}) }
  }) }))
}
