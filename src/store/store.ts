import type { ActorRecord, CorpusRecord, DocumentRecord, InferredDate } from '../model/records.js'
import type { StageStatus } from '../doc/stage.js'
import type { Message } from '../doc/span.js'
import type { DatePrecision, EventRecord } from '../doc/layers.js'
import type { WatchlistStore } from './watchlists.js'
import type { CorrectionStore } from './corrections.js'

/** What a store knows about a raw page already seen. */
export interface KnownPage {
  readonly id: string; readonly status: 'ok' | 'rejected'; readonly version: number
  /** the newer version that replaced this page, null while it is current */
  readonly superseded_by?: string | null
}

export interface DocumentSummary {
  readonly id: string; readonly path: string | null; readonly url: string | null; readonly status: 'ok' | 'rejected'; readonly reason: string | null
  readonly title: string | null; readonly outlet: string | null; readonly published: string | null; readonly copy_of: string | null
  readonly author: string | null; readonly version: number; readonly ingested_at: string
  /** ISO 639-1 code of the text's language; null when unknown (and for rejected pages) */
  readonly language: string | null
}

export interface EventFilter {
  readonly actor?: string; readonly pair?: readonly [string, string]; readonly type?: string; readonly from?: string; readonly to?: string
  readonly outlet?: string; readonly story?: string; readonly doc?: string; readonly limit?: number; readonly offset?: number
  /** exact source / target actor (each an indexed lookup; src/store/queries.ts `eventRows` unions them for `actor` and `pair`) */
  readonly source?: string; readonly target?: string
}

export interface EventRow {
  readonly id: string; readonly doc_id: string; readonly story_event: string | null; readonly type: string; readonly mode: string | null
  readonly source_actor: string | null; readonly target_actor: string | null; readonly date: string | null; readonly date_precision: string | null
  readonly location: string | null; readonly start: number; readonly end: number; readonly text: string; readonly outlet: string | null
  /** true when `date` was inferred from other pages (the row sorts by its stored date, which is null) */
  readonly date_inferred?: boolean
  /** who asserts the event when the page reports it as someone's statement ("X says …"), null when the page states it */
  readonly reported_by: string | null
  /** what coded the event: a rule (detail: the lexicon entry's reason) or the trigger model (score: its margin); null when unrecorded */
  readonly produced_by: NonNullable<EventRecord['produced_by']> | null
}

/** Corpus-wide results of the cross-source stage, replaced as a whole after each ingest run. */
export interface CorpusUpdate {
  readonly actors: readonly ActorRecord[]
  readonly records: readonly CorpusRecord[]
  readonly eventStory: ReadonlyMap<string, string>
  readonly docs: ReadonlyMap<string, { published_inferred?: InferredDate | null; duplicates?: DocumentRecord['duplicates']; copy_of?: string | null }>
  /** event dates inferred from other pages (undated pages), by event id; laid over the stored events with `date_inferred: true` */
  readonly events?: ReadonlyMap<string, { readonly date: string; readonly date_precision: DatePrecision; readonly date_basis: string }>
  /** what the incremental analysis looks documents up by (src/corpus/incremental.ts); absent, the store keeps none */
  readonly index?: CorpusIndex
}

/** The look-ups of the incremental cross-source analysis that come with an analysis. */
export interface CorpusIndex {
  /** `[key, ref]`: a document (or an attack story event) `ref` is found by `key` (LSH band, exact text, coreference block, place) */
  readonly keys: readonly (readonly [string, string])[]
  /** document frequency of each content word of the event sentences, and how many sentences were counted */
  readonly terms: ReadonlyMap<string, number>
  readonly sentences: number
}

/**
 * The analysis of a part of the corpus (the documents a new page can affect), written over the stored analysis:
 * the records in `remove` are deleted and `records` and `actors` written (by id); the documents in `analysed` get
 * their results (`eventStory`, `events`, `docs`) replaced; the key rows of `unindex` are deleted and `index.keys`
 * added; `index.terms` and `index.sentences` are added to the stored counts (negative counts remove).
 */
export interface CorpusPart extends CorpusUpdate {
  readonly analysed: readonly string[]
  readonly remove: readonly { readonly kind: string; readonly id: string }[]
  /** refs whose key rows are deleted before `index.keys` are written (the story events removed) */
  readonly unindex: readonly string[]
}

/** One row of `corpusMembers`: corpus record `kind`/`id` is made partly of document `doc_id`. */
export interface CorpusMember { readonly kind: string; readonly id: string; readonly doc_id: string }

export interface Stats { readonly documents: number; readonly rejected: number; readonly actors: number; readonly events: number; readonly quotes: number; readonly claims: number; readonly stories: number; readonly contradictions: number }

/** `dossier watch`: what is known of a feed (validators for a conditional GET, last poll). */
export interface WatchFeed { readonly url: string; readonly etag: string | null; readonly last_modified: string | null; readonly last_poll: string | null; readonly last_status: string | null; readonly items: number }
/** `dossier watch`: one article link seen in a feed; `queued` until fetched (`done`), `failed` (retried next poll) or `disallowed` by robots.txt. */
export interface WatchItem {
  readonly link: string; readonly feed: string; readonly title: string | null; readonly first_seen: string
  readonly status: 'queued' | 'done' | 'failed' | 'disallowed'; readonly attempts: number; readonly last_try: string | null; readonly error: string | null
}

/** One storage interface; SQLite (default) and PostgreSQL implement it through kysely. */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres'
  /** a page stored with these raw bytes (a current one first) */
  findRaw(rawSha256: string): Promise<KnownPage | null>
  /** latest version stored for this path or url */
  findLatest(path: string | null, url: string | null): Promise<KnownPage | null>
  /**
   * stores one processed document atomically (all its facts or nothing), under the store's write lock; supersedes
   * `replaces` and any other current version of the same path (url when no path), never the document itself.
   * 'exists': the same page is already stored and current (another writer stored it), nothing was written.
   */
  saveDocument(rec: DocumentRecord, opts: { runId: string; stages: readonly StageStatus[]; version: number; replaces?: string | null }): Promise<'saved' | 'exists'>
  /**
   * stores several processed documents in one transaction, each as `saveDocument` would, in order (a later one sees
   * the earlier ones): all of them or none (ingest writes its pages in batches). One result per document.
   */
  saveDocuments(items: readonly { rec: DocumentRecord; opts: { runId: string; stages: readonly StageStatus[]; version: number; replaces?: string | null } }[]): Promise<('saved' | 'exists')[]>
  /** records a page that was rejected, with its reason; never touches other documents */
  saveRejected(rec: { id: string; path: string | null; url: string | null; rawSha256: string; reason: string; messages: readonly Message[]; runId: string }): Promise<void>
  getDocument(id: string): Promise<DocumentRecord | null>
  /** how each reading stage went on a document, in every run that stored it (`reason`: why a stage was skipped, e.g. "language ru") */
  stageRuns(docId: string): Promise<(StageStatus & { readonly run_id: string })[]>
  listDocuments(opts?: { limit?: number; offset?: number; status?: 'ok' | 'rejected' | 'all'; outlet?: string }): Promise<DocumentSummary[]>
  /** every current (not superseded), accepted document, in ingest order */
  allDocuments(): Promise<DocumentRecord[]>
  listEvents(filter?: EventFilter): Promise<EventRow[]>
  listActors(opts?: { limit?: number; offset?: number; q?: string }): Promise<(ActorRecord & { mentions: number; events: number })[]>
  getActor(id: string): Promise<ActorRecord | null>
  listCorpus<K extends CorpusRecord['kind']>(kind: K): Promise<Extract<CorpusRecord, { kind: K }>[]>
  /** replaces the cross-source results as a whole and clears the `corpusDue` mark */
  replaceCorpus(update: CorpusUpdate): Promise<void>
  /** writes the analysis of a part of the corpus over the stored one (see CorpusPart) and clears the `corpusDue` mark */
  replaceCorpusPart(part: CorpusPart): Promise<void>
  /** current, accepted documents among these ids, in ingest order, with the cross-source results laid over them */
  documentsByIds(ids: readonly string[]): Promise<DocumentRecord[]>
  /** the refs stored under each key, in ingest order: the first `each` of each key, or (`end: 'last'`) the last */
  keyRefs(keys: readonly string[], each: number, end?: 'first' | 'last'): Promise<Map<string, string[]>>
  /** how many refs each key has (keys without any are left out) */
  keyCounts(keys: readonly string[]): Promise<Map<string, number>>
  /** every (record, document) row of the stories, story events and contradictions made partly of these documents */
  corpusMembers(docIds: readonly string[]): Promise<CorpusMember[]>
  /** corpus records of one kind by id */
  corpusByIds<K extends CorpusRecord['kind']>(kind: K, ids: readonly string[]): Promise<Extract<CorpusRecord, { kind: K }>[]>
  /** the stored document frequencies of these words and how many event sentences they count (`index` of the last analyses) */
  termCounts(terms: readonly string[]): Promise<{ sentences: number; df: Map<string, number> }>
  /** the latest publication date of the current documents (null when none is dated) */
  latestPublished(): Promise<string | null>
  /** every current document's place in ingest order (a string that sorts as the documents were ingested) */
  documentOrder(): Promise<Map<string, string>>
  /** current, accepted documents no analysis has indexed yet (stored since the last one, by this writer or another), at most `limit` */
  unindexedDocuments(limit: number): Promise<string[]>
  /** true when the store holds the incremental analysis's index (written by the last whole analysis) */
  hasCorpusIndex(): Promise<boolean>
  /** how many write transactions the store has seen (documents, rejections, corpus); any change of it means cached reads are stale */
  generation(): Promise<number>
  /** true while the cross-source analysis is owed: marked before documents change, cleared when it is stored */
  corpusDue(): Promise<boolean>
  markCorpusDue(): Promise<void>
  /**
   * Sentences holding `q` (any case) in the pages the full-text index ranks first (200 at most), `limit` (default 50)
   * in all. `texts` gives a page's text and sentences from memory (the API's corpus index) so its stored record is
   * neither read nor parsed; pages it does not know are read from the store.
   */
  search(q: string, opts?: { limit?: number; texts?: (id: string) => SearchText | undefined }): Promise<{ doc_id: string; title: string | null; outlet: string | null; start: number; end: number; text: string }[]>
  /** an HTTP ingest job as it stands (written at each change of status), found again after a restart */
  saveJob(job: { id: string; status: string; created_at: string }): Promise<void>
  getJob(id: string): Promise<Record<string, unknown> | null>
  /** jobs left queued or running by a server that stopped: marked failed with `reason`; how many */
  abandonJobs(reason: string, at: string): Promise<number>
  startRun(command: string): Promise<string>
  finishRun(id: string, summary: unknown): Promise<void>
  stats(): Promise<Stats>
  /** `dossier watch` state: a feed's validators, the links seen, and those still to fetch (oldest first) */
  getWatchFeed(url: string): Promise<WatchFeed | null>
  saveWatchFeed(feed: WatchFeed): Promise<void>
  /** the links among these already seen */
  seenWatchLinks(links: readonly string[]): Promise<Set<string>>
  saveWatchItem(item: WatchItem): Promise<void>
  /** queued items, and failed ones tried fewer than `maxAttempts` times, oldest first */
  pendingWatchItems(opts: { limit: number; maxAttempts: number }): Promise<WatchItem[]>
  /** watchlists, their hits and their webhook outbox (src/store/watchlists.ts) */
  readonly watchlists: WatchlistStore
  /** analysts' corrections, stored apart from machine output (src/store/corrections.ts; laid over it by src/corrections/view.ts) */
  readonly corrections: CorrectionStore
  close(): Promise<void>
}

/** What `Store.search` reads of a page: its text and sentences. */
export interface SearchText { readonly text: string; readonly sentences?: readonly { readonly start: number; readonly end: number }[] }
