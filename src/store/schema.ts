import { sql, type Kysely } from 'kysely'
import { detectLanguage } from '../lang/index.js'
import { migrateWatchlists, type WatchlistTables } from './watchlists.js'
import { migrateCorrections, type CorrectionsTable } from './corrections.js'

/** Table shapes (kysely `Database` interface). Span columns are `start_char`/`end_char`, half-open, UTF-16. */
export interface DB extends WatchlistTables {
  documents: {
    id: string; path: string | null; url: string | null; raw_sha256: string; text_sha256: string | null; version: number
    superseded_by: string | null; status: 'ok' | 'rejected'; reason: string | null; outlet: string | null; copy_of: string | null
    title: string | null; published: string | null; published_inferred: string | null; author: string | null
    duplicates: string | null; record: string | null; ingested_at: string; run_id: string | null
    /** ISO 639-1 code of the text's language (detected by the clean stage), null when unknown or rejected */
    language: string | null
  }
  mentions: { doc_id: string; entity_id: string; actor_id: string; start_char: number; end_char: number; text: string }
  events: {
    id: string; doc_id: string; story_event: string | null; type: string; mode: string | null; source_actor: string | null; target_actor: string | null
    date: string | null; date_precision: string | null; location: string | null; start_char: number; end_char: number; text: string
    /** JSON {date, date_precision, date_basis} set by the cross-source analysis, null otherwise */
    date_inferred: string | null
    /** who asserts the event when the page reports it as someone's statement (EventRecord.reported_by), null otherwise */
    reported_by: string | null
    /** JSON {method, detail, score}: what coded the event (EventRecord.produced_by), null when the stage did not say */
    produced_by: string | null
  }
  quotes: { id: string; doc_id: string; speaker: string | null; start_char: number; end_char: number; text: string }
  claims: { id: string; doc_id: string; what: string; value: number; qualifier: string | null; unit: string; start_char: number; end_char: number; text: string }
  messages: { doc_id: string; source: string; rule_id: string; severity: string; reason: string; start_char: number | null; end_char: number | null }
  /** `reason`: why a stage was skipped ("language ru"), null otherwise */
  stage_runs: { run_id: string; doc_id: string; stage: string; status: string; ms: number; error: string | null; reason: string | null }
  runs: { id: string; started_at: string; finished_at: string | null; command: string; summary: string | null }
  jobs: { id: string; status: string; created_at: string; record: string }
  actors: { id: string; name: string; type: string; affiliation: string | null; code: string | null; record: string }
  corpus: { kind: string; id: string; record: string }
  /** `dossier watch`: one row per feed polled (its validators for conditional GET) and per item link seen */
  watch_feeds: { url: string; etag: string | null; last_modified: string | null; last_poll: string | null; last_status: string | null; items: number }
  watch_items: { link: string; feed: string; title: string | null; first_seen: string; status: string; attempts: number; last_try: string | null; error: string | null }
  /**
   * The incremental cross-source analysis's look-ups (src/corpus/incremental.ts), written with the analysis: the keys a
   * document (or an attack story event) is found by (`ref`: its id; `ord`: the document's ingest order) — LSH bands,
   * exact-text keys, coreference blocks, places of claims and attacks —, the documents each corpus record is made of,
   * and the document frequency of each word of the event sentences (`store_meta` `term_sentences` counts the sentences)
   */
  corpus_keys: { key: string; ref: string; ord: string }
  corpus_docs: { kind: string; id: string; doc_id: string }
  term_df: { term: string; df: number }
  /** the store's own state, by key: `corpus_due` (set while the cross-source analysis is owed, cleared once it is stored) */
  store_meta: { key: string; value: string | null }
  /** analysts' corrections, apart from machine output (src/store/corrections.ts, issue #16) */
  corrections: CorrectionsTable
}

/** Creates every table and index if missing (same statements on SQLite and PostgreSQL). */
export async function migrate(db: Kysely<DB>): Promise<void> {
  // every span table carries the same two columns and the same check (style.md §12)
  const span = (name: string, t: any) => t.addColumn('start_char', 'integer', (c: any) => c.notNull()).addColumn('end_char', 'integer', (c: any) => c.notNull())
    .addCheckConstraint(`${name}_span_ok`, sql`start_char < end_char`)
  await db.schema.createTable('documents').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey()).addColumn('path', 'text').addColumn('url', 'text')
    .addColumn('raw_sha256', 'text', (c) => c.notNull()).addColumn('text_sha256', 'text').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('superseded_by', 'text').addColumn('status', 'text', (c) => c.notNull()).addColumn('reason', 'text')
    .addColumn('outlet', 'text').addColumn('copy_of', 'text').addColumn('title', 'text').addColumn('published', 'text')
    .addColumn('published_inferred', 'text').addColumn('author', 'text').addColumn('duplicates', 'text').addColumn('record', 'text')
    .addColumn('ingested_at', 'text', (c) => c.notNull()).addColumn('run_id', 'text').addColumn('language', 'text').execute()
  // stores made before languages were detected get the column, filled from each stored document's text
  if (await db.schema.alterTable('documents').addColumn('language', 'text').execute().then(() => true, () => false)) await backfillLanguage(db)
  await db.schema.createIndex('documents_raw').ifNotExists().on('documents').column('raw_sha256').execute()
  await db.schema.createIndex('documents_path').ifNotExists().on('documents').columns(['path', 'url']).execute()
  // a page without a path is looked up by its url alone (findLatest, saveDocument's other current versions)
  await db.schema.createIndex('documents_url').ifNotExists().on('documents').column('url').execute()
  // the documents list pages in ingest order
  await db.schema.createIndex('documents_order').ifNotExists().on('documents').columns(['ingested_at', 'id']).execute()
  await span('mentions', db.schema.createTable('mentions').ifNotExists()
    .addColumn('doc_id', 'text', (c) => c.notNull()).addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull()).addColumn('text', 'text', (c) => c.notNull())).execute()
  await db.schema.createIndex('mentions_actor').ifNotExists().on('mentions').column('actor_id').execute()
  await db.schema.createIndex('mentions_doc').ifNotExists().on('mentions').column('doc_id').execute()
  await span('events', db.schema.createTable('events').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey()).addColumn('doc_id', 'text', (c) => c.notNull()).addColumn('story_event', 'text')
    .addColumn('type', 'text', (c) => c.notNull()).addColumn('mode', 'text').addColumn('source_actor', 'text').addColumn('target_actor', 'text')
    .addColumn('date', 'text').addColumn('date_precision', 'text').addColumn('location', 'text').addColumn('text', 'text', (c) => c.notNull()).addColumn('date_inferred', 'text')
    .addColumn('reported_by', 'text').addColumn('produced_by', 'text')).execute()
  // stores created before the column existed get it added (fails harmlessly when it is there)
  await db.schema.alterTable('events').addColumn('date_inferred', 'text').execute().catch(() => undefined)
  // the same for the provenance columns; a store that lacked them gets them filled from the document records it keeps
  const added = await Promise.all(['reported_by', 'produced_by'].map((c) => db.schema.alterTable('events').addColumn(c, 'text').execute().then(() => true, () => false)))
  if (added.some(Boolean)) await backfillProvenance(db)
  for (const col of ['doc_id', 'source_actor', 'target_actor', 'date', 'type', 'story_event'] as const)
    await db.schema.createIndex(`events_${col}`).ifNotExists().on('events').column(col).execute()
  // event lists sort by (date, id), often filtered by type first: these keep deep pages off a full sort
  await db.schema.createIndex('events_date_id').ifNotExists().on('events').columns(['date', 'id']).execute()
  await db.schema.createIndex('events_type_date_id').ifNotExists().on('events').columns(['type', 'date', 'id']).execute()
  // an actor's events are two ordered lookups (as source, as target) merged by queries.ts, instead of an OR and a full sort
  await db.schema.createIndex('events_source_date_id').ifNotExists().on('events').columns(['source_actor', 'date', 'id']).execute()
  await db.schema.createIndex('events_target_date_id').ifNotExists().on('events').columns(['target_actor', 'date', 'id']).execute()
  await span('quotes', db.schema.createTable('quotes').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey()).addColumn('doc_id', 'text', (c) => c.notNull()).addColumn('speaker', 'text')
    .addColumn('text', 'text', (c) => c.notNull())).execute()
  await db.schema.createIndex('quotes_speaker').ifNotExists().on('quotes').column('speaker').execute()
  // every per-document delete and look-up has its index: without these two, saving a page scanned every quote and claim
  await db.schema.createIndex('quotes_doc').ifNotExists().on('quotes').column('doc_id').execute()
  await span('claims', db.schema.createTable('claims').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey()).addColumn('doc_id', 'text', (c) => c.notNull()).addColumn('what', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull()).addColumn('qualifier', 'text').addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())).execute()
  await db.schema.createIndex('claims_doc').ifNotExists().on('claims').column('doc_id').execute()
  await db.schema.createTable('messages').ifNotExists()
    .addColumn('doc_id', 'text', (c) => c.notNull()).addColumn('source', 'text', (c) => c.notNull()).addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull()).addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('start_char', 'integer').addColumn('end_char', 'integer').execute()
  await db.schema.createIndex('messages_doc').ifNotExists().on('messages').column('doc_id').execute()
  await db.schema.createTable('stage_runs').ifNotExists()
    .addColumn('run_id', 'text', (c) => c.notNull()).addColumn('doc_id', 'text', (c) => c.notNull()).addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()).addColumn('ms', 'double precision', (c) => c.notNull()).addColumn('error', 'text')
    .addColumn('reason', 'text').execute()
  await db.schema.alterTable('stage_runs').addColumn('reason', 'text').execute().catch(() => undefined)
  await db.schema.createIndex('stage_runs_doc').ifNotExists().on('stage_runs').column('doc_id').execute()
  await db.schema.createTable('runs').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey()).addColumn('started_at', 'text', (c) => c.notNull()).addColumn('finished_at', 'text')
    .addColumn('command', 'text', (c) => c.notNull()).addColumn('summary', 'text').execute()
  // HTTP ingest jobs, so GET /api/jobs/{id} answers after a restart (added later: ifNotExists brings old stores up)
  await db.schema.createTable('jobs').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey()).addColumn('status', 'text', (c) => c.notNull()).addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull()).execute()
  await db.schema.createIndex('jobs_status').ifNotExists().on('jobs').column('status').execute()
  await db.schema.createTable('actors').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey()).addColumn('name', 'text', (c) => c.notNull()).addColumn('type', 'text', (c) => c.notNull())
    .addColumn('affiliation', 'text').addColumn('code', 'text').addColumn('record', 'text', (c) => c.notNull()).execute()
  // the actors list pages by name
  await db.schema.createIndex('actors_name').ifNotExists().on('actors').column('name').execute()
  await db.schema.createTable('corpus').ifNotExists()
    .addColumn('kind', 'text', (c) => c.notNull()).addColumn('id', 'text', (c) => c.notNull()).addColumn('record', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('corpus_pk', ['kind', 'id']).execute()
  // dossier watch's state, so a restart resumes without refetching (added later: ifNotExists brings old stores up)
  await db.schema.createTable('watch_feeds').ifNotExists()
    .addColumn('url', 'text', (c) => c.primaryKey()).addColumn('etag', 'text').addColumn('last_modified', 'text')
    .addColumn('last_poll', 'text').addColumn('last_status', 'text').addColumn('items', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.createTable('watch_items').ifNotExists()
    .addColumn('link', 'text', (c) => c.primaryKey()).addColumn('feed', 'text', (c) => c.notNull()).addColumn('title', 'text')
    .addColumn('first_seen', 'text', (c) => c.notNull()).addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).addColumn('last_try', 'text').addColumn('error', 'text').execute()
  await db.schema.createIndex('watch_items_status').ifNotExists().on('watch_items').columns(['status', 'first_seen']).execute()
  // a store made before store_meta existed may have been killed during its cross-source analysis, unmarked:
  // documents without any actor or corpus record are taken as that, once, when the table is added
  const upgraded = await db.selectFrom('documents').select('id').limit(1).execute().then(() => db.selectFrom('store_meta').select('key').limit(1).execute().then(() => false, () => true))
  await db.schema.createTable('store_meta').ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text').execute()
  if (upgraded) {
    const some = async (q: any) => !!(await q.limit(1).executeTakeFirst())
    if (await some(db.selectFrom('documents').select('id').where('status', '=', 'ok')) && !(await some(db.selectFrom('actors').select('id'))) && !(await some(db.selectFrom('corpus').select('id'))))
      await setMeta(db, CORPUS_DUE, new Date().toISOString())
  }
  await migrateIncremental(db)
  await repairSelfSuperseded(db)
  await migrateWatchlists(db)
  await migrateCorrections(db)
}

/**
 * The tables of the incremental cross-source analysis (issue #14). A store made before them has documents but no
 * index of them: its analysis is marked due, so the next writing command runs the whole analysis once and fills them.
 */
async function migrateIncremental(db: Kysely<DB>): Promise<void> {
  const fresh = await db.selectFrom('corpus_keys').select('key').limit(1).execute().then(() => false, () => true)
  await db.schema.createTable('corpus_keys').ifNotExists()
    .addColumn('key', 'text', (c) => c.notNull()).addColumn('ref', 'text', (c) => c.notNull()).addColumn('ord', 'text', (c) => c.notNull()).execute()
  await db.schema.createIndex('corpus_keys_key').ifNotExists().on('corpus_keys').columns(['key', 'ord']).execute()
  await db.schema.createIndex('corpus_keys_ref').ifNotExists().on('corpus_keys').column('ref').execute()
  await db.schema.createTable('corpus_docs').ifNotExists()
    .addColumn('kind', 'text', (c) => c.notNull()).addColumn('id', 'text', (c) => c.notNull()).addColumn('doc_id', 'text', (c) => c.notNull()).execute()
  await db.schema.createIndex('corpus_docs_doc').ifNotExists().on('corpus_docs').column('doc_id').execute()
  await db.schema.createIndex('corpus_docs_record').ifNotExists().on('corpus_docs').columns(['kind', 'id']).execute()
  await db.schema.createTable('term_df').ifNotExists()
    .addColumn('term', 'text', (c) => c.primaryKey()).addColumn('df', 'integer', (c) => c.notNull()).execute()
  if (fresh && await db.selectFrom('documents').select('id').where('status', '=', 'ok').limit(1).executeTakeFirst()) await setMeta(db, CORPUS_DUE, new Date().toISOString())
}

/** The `store_meta` key holding how many event sentences `term_df` counts. */
export const TERM_SENTENCES = 'term_sentences'

/**
 * Repairs a store damaged by two concurrent ingests before writes were locked: a document marked as superseded by
 * itself was hidden from every list. It becomes current again, and the cross-source analysis is marked due so the
 * next writing command (ingest, reanalyze, watch) brings the corpus up to date.
 */
async function repairSelfSuperseded(db: Kysely<DB>): Promise<void> {
  const r = await db.updateTable('documents').set({ superseded_by: null }).whereRef('superseded_by', '=', 'id').executeTakeFirst()
  if (Number(r.numUpdatedRows ?? 0) > 0) await setMeta(db, CORPUS_DUE, new Date().toISOString())
}

/**
 * SQLite only: the full-text index of the current documents' text (FTS5, trigram tokenizer: any substring of three
 * characters or more, case-folded in every script, ranked by bm25), kept by `saveDocument`. Created and filled
 * from the stored records when missing, and refilled when it does not hold exactly the current documents (a
 * repair made some current again).
 */
export async function migrateSqliteFts(db: Kysely<DB>): Promise<void> {
  await sql`create virtual table if not exists doc_fts using fts5(text, tokenize = 'trigram')`.execute(db)
  const indexed = Number((await sql<{ n: number }>`select count(*) as n from doc_fts`.execute(db)).rows[0]?.n ?? 0)
  const current = Number((await sql<{ n: number }>`select count(*) as n from documents where status = 'ok' and superseded_by is null and record is not null`.execute(db)).rows[0]?.n ?? 0)
  if (indexed === current) return
  await db.transaction().execute(async (tx) => {
    await sql`delete from doc_fts`.execute(tx)
    await sql`insert into doc_fts (rowid, text) select rowid, json_extract(record, '$.text') from documents where status = 'ok' and superseded_by is null and record is not null`.execute(tx)
  })
}

/** The text-search vector of a stored document record (PostgreSQL): its words, lower-cased ('simple': no stemming, any language). */
export const PG_DOC_TSVECTOR = sql`to_tsvector('simple'::regconfig, coalesce((record::json ->> 'text'), ''))`

/** PostgreSQL only: a GIN index of every document's words, so search is an index lookup ranked by ts_rank, never a scan. */
export async function migratePostgresFts(db: Kysely<DB>): Promise<void> {
  await sql`create index if not exists documents_fts on documents using gin (${PG_DOC_TSVECTOR})`.execute(db)
}

/** The `store_meta` key set while the cross-source analysis is owed (written before it starts, cleared after). */
export const CORPUS_DUE = 'corpus_due'

/** The `store_meta` key counting the store's writes: every write transaction adds one, so a cache knows it is stale. */
export const GENERATION = 'generation'

/** Adds one to the store's generation (inside the write transaction that changes the data). */
export async function bumpGeneration(db: Kysely<DB>): Promise<void> {
  await sql`insert into store_meta (key, value) values (${GENERATION}, '1') on conflict (key) do update set value = cast(cast(store_meta.value as integer) + 1 as text)`.execute(db)
}

/** Sets (or, with null, deletes) one `store_meta` value. */
export async function setMeta(db: Kysely<DB>, key: string, value: string | null): Promise<void> {
  if (value == null) { await db.deleteFrom('store_meta').where('key', '=', key).execute(); return }
  await db.insertInto('store_meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute()
}

/** Fills `documents.language` by detecting the language of each stored document's title and text (run once, when the column is added). */
async function backfillLanguage(db: Kysely<DB>): Promise<void> {
  const ids = (await db.selectFrom('documents').select('id').where('record', 'is not', null).execute()).map((r) => r.id)
  for (const id of ids) {
    const r = await db.selectFrom('documents').select('record').where('id', '=', id).executeTakeFirst()
    const rec = r?.record ? JSON.parse(r.record) as { title?: string | null; text?: string; language?: string | null } : null
    const language = rec?.language ?? (rec?.text ? detectLanguage(rec.title ? `${rec.title}\n${rec.text}` : rec.text).language : null)
    if (language) await db.updateTable('documents').set({ language }).where('id', '=', id).execute()
  }
}

/** Fills `events.reported_by` / `events.produced_by` from each stored document record (run once, when the columns are added). */
async function backfillProvenance(db: Kysely<DB>): Promise<void> {
  const ids = (await db.selectFrom('documents').select('id').where('record', 'is not', null).execute()).map((r) => r.id)
  for (const id of ids) {
    const r = await db.selectFrom('documents').select('record').where('id', '=', id).executeTakeFirst()
    const events = (r?.record ? JSON.parse(r.record).events : null) as { id: string; reported_by?: string | null; produced_by?: unknown }[] | null
    for (const e of events ?? []) {
      if (e.reported_by == null && e.produced_by == null) continue
      await db.updateTable('events').set(eventProvenance(e)).where('id', '=', e.id).where('doc_id', '=', id).execute()
    }
  }
}

/** The two provenance columns of an event record (absent fields are stored as NULL). */
export function eventProvenance(e: { reported_by?: string | null; produced_by?: unknown }): { reported_by: string | null; produced_by: string | null } {
  return { reported_by: e.reported_by ?? null, produced_by: e.produced_by ? JSON.stringify(e.produced_by) : null }
}
