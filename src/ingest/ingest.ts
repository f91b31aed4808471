import { docId, sha256, type Source } from '../doc/doc.js'
import { msg } from '../doc/span.js'
import { analyzeCorpus } from '../corpus/index.js'
import { analyzeIncrement } from '../corpus/incremental.js'
import { defaultPipeline, type PipelineOptions } from '../pipeline/default.js'
import type { Pipeline } from '../doc/stage.js'
import { loadKb } from '../kb/index.js'
import type { Store } from '../store/store.js'
import type { DocumentRecord } from '../model/records.js'
import type { StageStatus } from '../doc/stage.js'
import { BATCH_MS, BATCH_PAGES, PAGE_TIMEOUT_MS, PROGRESS_EVERY_MS, REJECTIONS_EACH } from './ingest.data.js'
import { runTimed } from './timed.js'
import { dropReadingCaches } from '../reading-caches.js'
import { readPage, type PageInput, type PageRead } from './read-page.js'
import { ReadPool, pageTimeoutReason } from './pool.js'
import { contentItem, listInputs, readItems, type ContentPage, type InputItem } from './read.js'
import { FetchError, isUrl } from '../net/fetch.js'
import { fetchPageItems } from '../net/page.js'
import { matchWatchlists } from '../watchlists/match.js'
import { Worker } from 'node:worker_threads'

export interface IngestSummary {
  readonly run: string
  readonly files: number
  readonly pages: number
  readonly stored: number
  readonly versions: number
  readonly unchanged: number
  /** files in the folders walked that are not pages (no page extension) */
  readonly skipped: readonly string[]
  /** records of container files that are not pages, counted by kind ("WARC request record": 12, "WARC response image/png": 3) */
  readonly skippedRecords: Readonly<Record<string, number>>
  /**
   * every input rejected, with its reason; past REJECTIONS_EACH rejections of one rule in one file of many pages, the
   * rest are one entry (stored as one row) whose `count` says how many records it stands for
   */
  readonly rejected: readonly { readonly path: string | null; readonly ruleId: string; readonly reason: string; readonly count?: number }[]
  /** pages stored although a reading stage failed on them (the error is in stage_runs and the page's messages) */
  readonly stageErrors: readonly { readonly path: string | null; readonly stage: string; readonly error: string }[]
  /** the cross-source analysis ran this time (`due`: completing one an earlier run left unfinished) */
  readonly corpus?: 'ran' | 'due'
  /**
   * how it ran: `part` when only the documents the new pages can affect were analysed again (src/corpus/incremental.ts;
   * `analysed` counts them), `whole` over every document, with the reason when a part was not enough
   */
  readonly analysis?: { readonly scope: 'part'; readonly analysed: number } | { readonly scope: 'whole'; readonly why: string }
  /** watchlist hits this run recorded (src/watchlists), or why matching failed (the pages stay stored; the next run matches them) */
  readonly watchlists?: { readonly hits: number } | { readonly error: string }
  readonly seconds: number
}

export interface IngestOptions extends PipelineOptions {
  /** called about once a second with progress on long runs */
  readonly onProgress?: (p: { done: number; total: number; stored: number; rejected: number; perSecond: number }) => void
  /** called when a long phase starts (the corpus-wide analysis after the pages) */
  readonly onPhase?: (message: string) => void
  /** skip the corpus-wide analysis (used by callers that run it once after several ingests) */
  readonly skipCorpus?: boolean
  /** always analyse the whole corpus, never only the part new pages affect */
  readonly wholeCorpus?: boolean
  /** the largest share of the corpus analysed as a part before the whole is analysed instead (default INCREMENTAL_MAX_SHARE; tests set 1) */
  readonly maxPartShare?: number
  /** walk sub-folders (default true) */
  readonly recursive?: boolean
  /** how an http(s) input is fetched (default: src/net's SSRF-safe fetcher, public addresses only); a FetchError is reported and the run goes on */
  readonly fetchUrl?: (url: string) => Promise<InputItem[]>
  /** the reading pipeline (default: `defaultPipeline`); tests pass one with a failing stage */
  readonly pipeline?: Pipeline
  /** pages given as content (the HTTP API), read after the paths; reports name them `pages[i]` */
  readonly pages?: readonly ContentPage[]
  /** worker threads that clean and read pages (0 or absent: this thread); the store is written by this thread, in input order */
  readonly workers?: number
  /**
   * a page read for longer than this (ms) is stopped and rejected as `page-timeout`, not stored (default
   * PAGE_TIMEOUT_MS): in a worker, the worker is ended and replaced; in this thread, V8 stops the reading (src/ingest/timed.ts)
   */
  readonly pageTimeoutMs?: number
  /**
   * run the cross-source analysis in a worker thread that opens its own connection to this store (the same SQLite
   * file or PostgreSQL URL as `store`), so this thread stays free meanwhile (the server's jobs); absent or ":memory:":
   * in this thread. Its results, its "analysis due" mark and the summary are the same either way.
   */
  readonly analysisStore?: string
}

/** How long the page loop may run before it lets other work on the event loop in (a server answering reads), ms. */
const YIELD_EVERY_MS = 10

/**
 * Ingests files, folders or `-` (stdin) into a store: clean → read pipeline → store, pages written in batches (one
 * transaction each); with `workers`, pages are cleaned and read in that many worker threads, stored in input order.
 */
export async function ingest(store: Store, paths: readonly string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  // a custom pipeline (tests) cannot cross to a worker: it is always run in this thread
  const pool = opts.workers && opts.workers > 0 && !opts.pipeline ? new ReadPool(opts.workers, { ...opts, pageTimeoutMs: opts.pageTimeoutMs ?? PAGE_TIMEOUT_MS }) : null
  try { return await ingestWith(store, paths, opts, pool) } finally { await pool?.close() }
}

async function ingestWith(store: Store, paths: readonly string[], opts: IngestOptions, pool: ReadPool | null): Promise<IngestSummary> {
  const t0 = performance.now()
  const { files: paths0, skipped, missing, problems } = listInputs(paths, { recursive: opts.recursive })
  // pages given as content are one more input, after the files; it has no name on this machine
  const REQUEST = '\u0000request'
  const files = opts.pages?.length ? [...paths0, REQUEST] : paths0
  // the reading pipeline of this thread, built when first needed (with a read pool, only for pages decided in their turn)
  let pipeline: Pipeline | null = opts.pipeline ?? null
  const localPipeline = () => (pipeline ??= defaultPipeline(opts).pipeline)
  const kb = loadKb(opts.kbDirs ?? [])
  const limit = opts.pageTimeoutMs ?? PAGE_TIMEOUT_MS
  /**
   * reads a page in this thread under the time limit; a stopped reading drops the pipeline and the reading stages'
   * module caches (src/reading-caches.ts): either may hold state it left half built, and the next page reads as in a fresh process
   */
  const readInThread = (input: PageInput, rawSha: string): PageRead => {
    const p = localPipeline()
    const done = runTimed(() => readPage(input, rawSha, p), limit)
    if (done) return done.value
    if (!opts.pipeline) pipeline = null
    dropReadingCaches()
    return { kind: 'rejected', ruleId: 'page-timeout', reason: pageTimeoutReason(limit) }
  }
  if (!opts.workers) localPipeline()
  // an analysis owed before this run (cut off, or skipped) covers more than this run's pages: then the whole runs
  const dueBefore = !opts.skipCorpus && await store.corpusDue()
  const run = await store.startRun(`ingest ${paths.join(' ')}${opts.pages?.length ? `${paths.length ? ' ' : ''}(${opts.pages.length} page(s) sent over HTTP)` : ''}`)
  // a path that does not exist or a URL that cannot be fetched is reported (exit 1), not stored: it is no page
  const rejected: { path: string | null; ruleId: string; reason: string; count?: number }[] = missing.map((p) => ({ path: p, ruleId: 'not-found', reason: `Expected a file or folder, found nothing at ${p}` }))
  const stageErrors: { path: string | null; stage: string; error: string }[] = []
  const skippedRecords: Record<string, number> = {}
  let pages = 0, stored = 0, versions = 0, unchanged = 0, lastTick = performance.now(), lastYield = performance.now()
  const tick = () => {
    if (!opts.onProgress || performance.now() - lastTick < PROGRESS_EVERY_MS) return
    lastTick = performance.now()
    opts.onProgress({ done: pages, total: files.length, stored, rejected: rejected.length, perSecond: pages / ((lastTick - t0) / 1000) })
  }

  /** pages read and not yet written, with their raw bytes' hashes (bytes seen twice in one batch are stored once, as across batches) */
  type Pending = { item: InputItem; rawSha: string; group: string | undefined; rec: DocumentRecord; opts: { runId: string; stages: readonly StageStatus[]; version: number; replaces: string | null }; previous: boolean }
  let pending: Pending[] = [], pendingSince = 0
  /** ids of the pages stored by this run (new pages, not new versions), for the incremental analysis */
  const added: string[] = []
  const pendingRaw = new Set<string>()
  /** writes the pending pages in one transaction; when the store refuses the batch, each page alone, so one bad page never costs the others */
  const flush = async () => {
    if (!pending.length) return
    const batch = pending
    pending = []; pendingRaw.clear()
    const results = await saveBatch(store, batch)
    for (const [i, b] of batch.entries()) {
      const r = results[i]!
      if (r instanceof Error) { await reject(b.item, b.rawSha, 'store-error', `Expected the page to be stored, got: ${r.message}`, b.group); continue }
      if (r === 'exists') { unchanged++; continue } // another writer stored this very page meanwhile
      stored++
      if (b.previous) versions++
      else added.push(b.rec.id)
    }
  }
  const saveRejected = async (path: string | null, url: string | null, rawSha: string, ruleId: string, reason: string) => {
    // the pages read before it are written first: the store keeps the order pages were read in
    await flush()
    const source: Source = { path, url, sha256: rawSha, fetched_at: null }
    try { await store.saveRejected({ id: docId(source), path, url, rawSha256: rawSha, reason, messages: [msg('ingest', ruleId, reason, 'fatal')], runId: run }) } catch (e) {
      // the rejection stays in the summary even when the store cannot take it: one page never stops a run
      rejected.push({ path, ruleId: 'store-error', reason: `Expected the rejection to be stored, got: ${(e as Error).message}` })
    }
  }
  /** rejections of one rule in one file of many pages (JSON Lines, a feed, a WARC): past REJECTIONS_EACH they are counted, not stored one by one */
  let fileRejections = new Map<string, { count: number; reason: string; where: string[] }>()
  const reject = async (item: InputItem, rawSha: string, ruleId: string, reason: string, file?: string) => {
    if (file && item.path !== file) {
      const seen = fileRejections.get(ruleId) ?? { count: 0, reason, where: [] }
      fileRejections.set(ruleId, seen)
      if (++seen.count > REJECTIONS_EACH) { if (seen.where.length < 10) seen.where.push(item.path?.slice(file.length) ?? '?'); return }
    }
    rejected.push({ path: item.path ?? item.label ?? null, ruleId, reason })
    // a page stopped for its reading time is reported, not stored: the next run (with a longer limit) reads it again
    if (ruleId !== 'page-timeout') await saveRejected(item.path, item.url, rawSha, ruleId, reason)
  }
  /** one entry (and one stored row) per rule for the rejections of a file past REJECTIONS_EACH */
  const flushRejections = async (file: string) => {
    for (const [ruleId, r] of fileRejections) {
      const more = r.count - REJECTIONS_EACH
      if (more <= 0) continue
      const reason = `${more} more record(s) rejected for the same reason [${ruleId}] (${r.reason.replace(/ on line \d+/, '')}): ${r.where.join(', ')}${more > r.where.length ? ', …' : ''}`
      rejected.push({ path: file, ruleId, reason, count: more })
      await saveRejected(file, null, sha256(new TextEncoder().encode(`${ruleId}\u0001${r.count}\u0001${r.where.join()}`)), ruleId, reason)
    }
    fileRejections = new Map()
  }
  for (const p of problems) { rejected.push(p); await saveRejected(p.path, null, sha256(new Uint8Array()), p.ruleId, p.reason) }

  /** bytes seen before are unchanged (also when the same bytes are in the batch about to be written) */
  const unchangedNow = async (item: InputItem, rawSha: string): Promise<boolean> =>
    pendingRaw.has(rawSha) || await storedUnchanged(store, rawSha, item.path, item.page?.url ?? item.url)
  /** one input page in its turn: rejected, unchanged, or read and queued for the next batch */
  type Entry = { item: InputItem; rawSha: string; group: string | undefined; file: string; work: Promise<PageRead> | null }
  const settle = async ({ item, rawSha, group, work }: Entry) => {
    if (item.problem || !item.page) { await reject(item, rawSha, item.problem?.ruleId ?? 'unreadable', item.problem?.reason ?? 'unreadable', group); return }
    let out: PageRead
    if (work) out = await work
    else {
      if (await unchangedNow(item, rawSha)) { unchanged++; return }
      out = readInThread(item as PageInput, rawSha)
    }
    if (out.kind === 'rejected') { await reject(item, rawSha, out.ruleId, out.reason, group); return }
    const { rec, status } = out, source = rec.source
    // a failed stage is stored as such (stage_runs, a fatal message) and reported, never passed off as "nothing found"
    for (const s of status) if (s.status === 'error') stageErrors.push({ path: item.path ?? source.url ?? item.label ?? null, stage: s.stage, error: s.error ?? 'failed' })
    const previous = await previousVersion(store, pending, source)
    if (!pending.length) pendingSince = performance.now()
    pending.push({ item, rawSha, group, rec, opts: { runId: run, stages: status, version: (previous?.version ?? 0) + 1, replaces: previous?.id ?? null }, previous: !!previous })
    pendingRaw.add(rawSha)
    if (pending.length >= BATCH_PAGES || performance.now() - pendingSince >= BATCH_MS) await flush()
  }
  // the read pool's queue: pages in the order they came, and how many queued pages hold each raw hash and each path (url)
  const queue: Entry[] = []
  const queuedRaw = new Map<string, number>(), queuedKeys = new Map<string, number>()
  const count = (m: Map<string, number>, k: string, d: number) => { const n = (m.get(k) ?? 0) + d; if (n > 0) m.set(k, n); else m.delete(k) }
  const pageKey = (item: InputItem) => item.path ? `p:${item.path}` : (item.page?.url ?? item.url) ? `u:${item.page?.url ?? item.url}` : null
  const settleNext = async () => {
    const e = queue.shift()!
    try { await settle(e) } finally {
      if (e.item.page && !e.item.problem) { count(queuedRaw, e.rawSha, -1); const key = pageKey(e.item); if (key) count(queuedKeys, key, -1) }
    }
  }

  const unreadable = (file: string, e: unknown): InputItem => {
    const m = (e as Error)?.message ?? String(e)
    return { path: file, url: null, bytes: new Uint8Array(), problem: { ruleId: /^Expected a regular file/.test(m) ? 'not-a-file' : 'unreadable', reason: /^Expected /.test(m) ? m : `Expected a readable file, got ${m}` } }
  }
  /** the file's items; a file that cannot be read gives one problem item, after the items read before the error */
  async function* itemsOf(file: string): AsyncGenerator<InputItem> {
    if (file === REQUEST) { let i = 0; for (const p of opts.pages ?? []) yield contentItem(p, `pages[${i++}]`); return }
    if (isUrl(file)) {
      // a URL that cannot be fetched is reported with its one-line reason; the run goes on
      try { yield* await (opts.fetchUrl ?? fetchPageItems)(file) } catch (e) {
        pages++
        rejected.push({ path: file, ruleId: e instanceof FetchError ? e.problem : 'fetch-error', reason: (e as Error).message })
      }
      return
    }
    try { yield* readItems(file) } catch (e) { yield unreadable(file, e) }
  }

  for (const file of files) {
    for await (const item of itemsOf(file)) {
      if (item.skipped) { skippedRecords[item.skipped] = (skippedRecords[item.skipped] ?? 0) + 1; continue }
      pages++
      tick()
      // a long run lets the event loop in now and then: a server keeps answering reads while it ingests
      if (performance.now() - lastYield > YIELD_EVERY_MS) { await new Promise<void>((r) => setImmediate(r)); lastYield = performance.now() }
      const rawSha = sha256(item.bytes)
      const entry: Entry = { item, rawSha, group: file === REQUEST ? undefined : file, file, work: null }
      if (!pool) { await settle(entry); continue }
      // with the read pool: pages are read ahead in workers and taken in the order they came, so the store sees what
      // reading in this thread would give; a page whose bytes, path or url is still queued is decided in its turn
      if (item.page && !item.problem) {
        const key = pageKey(item)
        if (!(queuedRaw.get(rawSha) || (key && queuedKeys.get(key)))) {
          if (await unchangedNow(item, rawSha)) { unchanged++; continue }
          entry.work = pool.read(item as PageInput, rawSha)
        }
        count(queuedRaw, rawSha, 1); if (key) count(queuedKeys, key, 1)
      }
      queue.push(entry)
      while (queue.length > pool.size * 2 + 2) await settleNext()
    }
    // a file of many pages reports its rejections past REJECTIONS_EACH once its pages are all taken
    if (queue.some((e) => e.file === file && e.item.path !== file)) while (queue.some((e) => e.file === file)) await settleNext()
    await flushRejections(file)
    tick()
  }
  while (queue.length) await settleNext()
  await flush()
  await pool?.close() // the workers' models are not needed by the cross-source analysis
  if (opts.onProgress && files.length > 1) opts.onProgress({ done: pages, total: files.length, stored, rejected: rejected.length, perSecond: pages / ((performance.now() - t0) / 1000) })
  // the analysis is owed when pages were stored now, or when a run that stored some was cut off before finishing it
  // (the store marks it due with every document saved and clears the mark with the analysis)
  let corpus: IngestSummary['corpus'], analysis: IngestSummary['analysis']
  if (!opts.skipCorpus && (stored > 0 || versions > 0 || await store.corpusDue())) {
    corpus = stored > 0 || versions > 0 ? 'ran' : 'due'
    // new pages only, onto a stored analysis with its index: the part of the corpus they can affect is analysed again
    const why = opts.wholeCorpus ? 'asked for' : dueBefore ? 'an earlier analysis was left unfinished' : versions > 0 ? 'new versions of stored pages' : !stored ? 'no new page'
      : !(await store.hasCorpusIndex()) ? 'the store has no index of its analysis yet' : null
    const task: AnalysisTask = { added, why, due: corpus === 'due', maxShare: opts.maxPartShare, kbDirs: opts.kbDirs ?? [] }
    analysis = opts.analysisStore && !/^(:memory:)?$/.test(opts.analysisStore)
      ? await analyseInWorker(opts.analysisStore, task, opts.onPhase)
      : await runAnalysis(store, task, kb, opts.onPhase)
  }
  const watchlists = opts.skipCorpus ? undefined : await matchAfter(store)
  const summary: IngestSummary = { run, files: files.length, pages, stored, versions, unchanged, skipped, skippedRecords, rejected, stageErrors, ...(corpus ? { corpus, analysis } : {}), ...(watchlists ? { watchlists } : {}), seconds: (performance.now() - t0) / 1000 }
  await store.finishRun(run, summary)
  return summary
}

/** What the cross-source analysis at the end of an ingest is asked to do (plain data: it crosses to a worker thread). */
export interface AnalysisTask {
  /** ids of the pages this run stored (new pages, not new versions) */
  readonly added: readonly string[]
  /** why the whole corpus is analysed; null: the part the added pages can affect */
  readonly why: string | null
  /** completing an analysis an earlier run left unfinished (only the phase message says so) */
  readonly due: boolean
  readonly maxShare?: number
  readonly kbDirs: readonly string[]
}

/**
 * Runs the cross-source analysis of an ingest and writes it (clearing the store's "analysis due" mark): the part
 * the added pages can affect, else the whole corpus; says which ran.
 */
/** Bytes stored before are unchanged, unless they are an earlier version of a page that changed since (restored). */
export async function storedUnchanged(store: Store, rawSha: string, path: string | null, url: string | null): Promise<boolean> {
  const known = await store.findRaw(rawSha)
  const latest = known?.superseded_by ? await store.findLatest(path, url) : null
  return !!known && !(latest && latest.id !== known.id)
}

/** The version a page read now follows: the latest of its path (else URL) in the batch about to be written, else the store's; null when none. */
export async function previousVersion(store: Store, pending: readonly { rec: DocumentRecord; opts: { version: number } }[], source: { path: string | null; url: string | null }): Promise<{ id: string; version: number } | null> {
  const same = (p: (typeof pending)[number]) => source.path ? p.rec.source.path === source.path : !p.rec.source.path && p.rec.source.url === source.url
  const queued = source.path || source.url ? pending.findLast(same) : undefined
  return queued ? { id: queued.rec.id, version: queued.opts.version } : await store.findLatest(source.path, source.url)
}

/**
 * Stores a batch of pages in one transaction; when the store refuses the batch, each page alone, so one bad page never
 * costs the others (its error comes back in its place).
 */
export async function saveBatch(store: Store, batch: readonly { rec: DocumentRecord; opts: Parameters<Store['saveDocument']>[1] }[]): Promise<('saved' | 'exists' | Error)[]> {
  try { return await store.saveDocuments(batch.map((b) => ({ rec: b.rec, opts: b.opts }))) } catch {
    const out: ('saved' | 'exists' | Error)[] = []
    for (const b of batch) out.push(await store.saveDocument(b.rec, b.opts).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))))
    return out
  }
}

export async function runAnalysis(store: Store, task: AnalysisTask, kb = loadKb(task.kbDirs), onPhase?: (message: string) => void): Promise<NonNullable<IngestSummary['analysis']>> {
  let analysis: NonNullable<IngestSummary['analysis']>
  if (!task.why) {
    onPhase?.(`cross-source analysis of the part of the corpus ${task.added.length} new page(s) can affect…`)
    const r = await analyzeIncrement(store, task.added, kb, { maxShare: task.maxShare })
    analysis = 'analysed' in r ? { scope: 'part', analysed: r.analysed } : { scope: 'whole', why: r.whole }
  } else analysis = { scope: 'whole', why: task.why }
  if (analysis.scope === 'whole') {
    const docs = await store.allDocuments()
    onPhase?.(task.due ? `completing the cross-source analysis an earlier run left unfinished, over ${docs.length} document(s)…` : `cross-source analysis over ${docs.length} document(s)…`)
    // the reliability tests kill a run during this phase: this holds it open that long (never set in use)
    const hold = Number(process.env.DOSSIER_TEST_HOLD_CORPUS_MS ?? 0)
    if (hold > 0) await new Promise((r) => setTimeout(r, hold))
    await store.replaceCorpus(analyzeCorpus(docs, { kb }))
  }
  // the server tests stand for a long analysis by holding its thread (never set in use)
  const block = Number(process.env.DOSSIER_TEST_BLOCK_ANALYSIS_MS ?? 0)
  if (block > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, block)
  return analysis
}

/** Runs `runAnalysis` in a worker thread on its own connection to the store at `target`; rejects with the worker's error. */
function analyseInWorker(target: string, task: AnalysisTask, onPhase?: (message: string) => void): Promise<NonNullable<IngestSummary['analysis']>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./analysis-worker.js', import.meta.url), { workerData: { target, task } })
    let settled = false
    worker.on('message', (m: { phase?: string; analysis?: NonNullable<IngestSummary['analysis']>; error?: string }) => {
      if (m.phase) { onPhase?.(m.phase); return }
      settled = true
      if (m.error != null) reject(new Error(m.error)); else resolve(m.analysis!)
    })
    worker.on('error', (e) => { if (!settled) { settled = true; reject(e) } })
    worker.on('exit', (code) => { if (!settled) { settled = true; reject(new Error(`Expected the cross-source analysis to finish, got its worker stopped (exit ${code})`)) } })
  })
}

/**
 * Finishes a cross-source analysis an earlier run left unfinished (killed during it, or stored pages without it):
 * for writing commands that store no page this time (`watch` with nothing new). True when it ran.
 */
export async function finishDueAnalysis(store: Store, opts: PipelineOptions & { onPhase?: (message: string) => void } = {}): Promise<boolean> {
  if (!(await store.corpusDue())) return false
  opts.onPhase?.('completing the cross-source analysis an earlier run left unfinished…')
  await reanalyze(store, opts)
  return true
}

/** Re-runs the corpus-wide analysis over what is stored. */
export async function reanalyze(store: Store, opts: PipelineOptions = {}): Promise<void> {
  // only the knowledge base is needed here, not the reading pipeline (and its NER model)
  await store.replaceCorpus(analyzeCorpus(await store.allDocuments(), { kb: loadKb(opts.kbDirs ?? []) }))
  await matchAfter(store)
}

/** Matches the watchlists against what this run stored (src/watchlists); a failure is reported, never fatal: hits are keyed, the next run catches up. */
async function matchAfter(store: Store): Promise<{ hits: number } | { error: string } | undefined> {
  try { const m = await matchWatchlists(store); return m.watchlists ? { hits: m.hits } : undefined } catch (e) { return { error: (e as Error).message } }
}
