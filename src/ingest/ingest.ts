import { createDoc, docId, sha256, type Source } from '../doc/doc.js'
import { msg } from '../doc/span.js'
import { analyzeCorpus } from '../corpus/index.js'
import { toDocumentRecord } from '../model/records.js'
import { defaultPipeline, type PipelineOptions } from '../pipeline/default.js'
import type { Pipeline } from '../doc/stage.js'
import { loadKb } from '../kb/index.js'
import { cleanPage, type RawPage } from '../stages/clean/index.js'
import type { Store } from '../store/store.js'
import type { DocumentRecord } from '../model/records.js'
import type { StageStatus } from '../doc/stage.js'
import { BATCH_MS, BATCH_PAGES, PROGRESS_EVERY_MS, REJECTIONS_EACH } from './ingest.data.js'
import { applyClaims } from './formats/claims.js'
import { contentItem, listInputs, readItems, type ContentPage, type InputItem } from './read.js'
import { FetchError, isUrl } from '../net/fetch.js'
import { fetchPageItems } from '../net/page.js'

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
  readonly seconds: number
}

export interface IngestOptions extends PipelineOptions {
  /** called about once a second with progress on long runs */
  readonly onProgress?: (p: { done: number; total: number; stored: number; rejected: number; perSecond: number }) => void
  /** called when a long phase starts (the corpus-wide analysis after the pages) */
  readonly onPhase?: (message: string) => void
  /** skip the corpus-wide analysis (used by callers that run it once after several ingests) */
  readonly skipCorpus?: boolean
  /** walk sub-folders (default true) */
  readonly recursive?: boolean
  /** how an http(s) input is fetched (default: src/net's SSRF-safe fetcher, public addresses only); a FetchError is reported and the run goes on */
  readonly fetchUrl?: (url: string) => Promise<InputItem[]>
  /** the reading pipeline (default: `defaultPipeline`); tests pass one with a failing stage */
  readonly pipeline?: Pipeline
  /** pages given as content (the HTTP API), read after the paths; reports name them `pages[i]` */
  readonly pages?: readonly ContentPage[]
}

/** How long the page loop may run before it lets other work on the event loop in (a server answering reads), ms. */
const YIELD_EVERY_MS = 10

/** Ingests files, folders or `-` (stdin) into a store: clean → read pipeline → store, pages written in batches (one transaction each). */
export async function ingest(store: Store, paths: readonly string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now()
  const { files: paths0, skipped, missing, problems } = listInputs(paths, { recursive: opts.recursive })
  // pages given as content are one more input, after the files; it has no name on this machine
  const REQUEST = '\u0000request'
  const files = opts.pages?.length ? [...paths0, REQUEST] : paths0
  const { pipeline, kb } = opts.pipeline ? { pipeline: opts.pipeline, kb: loadKb(opts.kbDirs ?? []) } : defaultPipeline(opts)
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
  const pendingRaw = new Set<string>()
  /** writes the pending pages in one transaction; when the store refuses the batch, each page alone, so one bad page never costs the others */
  const flush = async () => {
    if (!pending.length) return
    const batch = pending
    pending = []; pendingRaw.clear()
    let results: ('saved' | 'exists' | Error)[]
    try { results = await store.saveDocuments(batch.map((b) => ({ rec: b.rec, opts: b.opts }))) } catch {
      results = []
      for (const b of batch) results.push(await store.saveDocument(b.rec, b.opts).catch((e: unknown) => e instanceof Error ? e : new Error(String(e))))
    }
    for (const [i, b] of batch.entries()) {
      const r = results[i]!
      if (r instanceof Error) { await reject(b.item, b.rawSha, 'store-error', `Expected the page to be stored, got: ${r.message}`, b.group); continue }
      if (r === 'exists') { unchanged++; continue } // another writer stored this very page meanwhile
      stored++
      if (b.previous) versions++
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
    await saveRejected(item.path, item.url, rawSha, ruleId, reason)
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
      const group = file === REQUEST ? undefined : file
      if (item.problem || !item.page) { await reject(item, rawSha, item.problem?.ruleId ?? 'unreadable', item.problem?.reason ?? 'unreadable', group); continue }
      if (pendingRaw.has(rawSha)) { unchanged++; continue } // the same bytes are in the batch about to be written
      const known = await store.findRaw(rawSha)
      // bytes seen before are unchanged, unless they are an earlier version of a page that changed since (restored)
      const latest = known?.superseded_by ? await store.findLatest(item.path, item.page.url ?? item.url) : null
      if (known && !(latest && latest.id !== known.id)) { unchanged++; continue }
      const { page, removed } = withoutNul(item.page)
      let cleaned: ReturnType<typeof cleanPage>
      try { cleaned = applyClaims(cleanPage(page), item.claims) } catch (e) { await reject(item, rawSha, 'clean-error', `Expected the page to clean, got an error: ${(e as Error).message}`, group); continue }
      const fatal = cleaned.messages.find((m) => m.severity === 'fatal')
      if (fatal || !cleaned.text.trim()) { await reject(item, rawSha, fatal?.ruleId ?? 'empty-body', fatal?.reason ?? 'Expected an article body, found none', group); continue }
      const notes = removed ? [...cleaned.messages, msg('ingest', 'nul-removed', `Removed ${removed} NUL character(s) from the page (no text holds them; PostgreSQL refuses them)`, 'warning')] : cleaned.messages
      const source: Source = { path: item.path, url: page.url ?? item.url, sha256: rawSha, fetched_at: page.fetched_at ?? null }
      const doc = createDoc(source, cleaned.text, cleaned.paragraphs, cleaned.meta, notes, cleaned.rawMap)
      const { doc: read, status } = pipeline.run(doc)
      // a failed stage is stored as such (stage_runs, a fatal message) and reported, never passed off as "nothing found"
      for (const s of status) if (s.status === 'error') stageErrors.push({ path: item.path ?? source.url ?? item.label ?? null, stage: s.stage, error: s.error ?? 'failed' })
      // the latest version of the same path (url): one in the batch about to be written, else the store's
      const same = (p: Pending) => source.path ? p.rec.source.path === source.path : !p.rec.source.path && p.rec.source.url === source.url
      const queued = source.path || source.url ? pending.findLast(same) : undefined
      const previous = queued ? { id: queued.rec.id, version: queued.opts.version } : await store.findLatest(source.path, source.url)
      if (!pending.length) pendingSince = performance.now()
      pending.push({ item, rawSha, group, rec: toDocumentRecord(read), opts: { runId: run, stages: status, version: (previous?.version ?? 0) + 1, replaces: previous?.id ?? null }, previous: !!previous })
      pendingRaw.add(rawSha)
      if (pending.length >= BATCH_PAGES || performance.now() - pendingSince >= BATCH_MS) await flush()
    }
    await flushRejections(file)
    tick()
  }
  await flush()
  if (opts.onProgress && files.length > 1) opts.onProgress({ done: pages, total: files.length, stored, rejected: rejected.length, perSecond: pages / ((performance.now() - t0) / 1000) })
  // the analysis is owed when pages were stored now, or when a run that stored some was cut off before finishing it
  // (the store marks it due with every document saved and clears the mark with the analysis)
  let corpus: IngestSummary['corpus']
  if (!opts.skipCorpus && (stored > 0 || versions > 0 || await store.corpusDue())) {
    corpus = stored > 0 || versions > 0 ? 'ran' : 'due'
    const docs = await store.allDocuments()
    opts.onPhase?.(corpus === 'due' ? `completing the cross-source analysis an earlier run left unfinished, over ${docs.length} document(s)…` : `cross-source analysis over ${docs.length} document(s)…`)
    // the reliability tests kill a run during this phase: this holds it open that long (never set in use)
    const hold = Number(process.env.DOSSIER_TEST_HOLD_CORPUS_MS ?? 0)
    if (hold > 0) await new Promise((r) => setTimeout(r, hold))
    await store.replaceCorpus(analyzeCorpus(docs, { kb }))
  }
  const summary: IngestSummary = { run, files: files.length, pages, stored, versions, unchanged, skipped, skippedRecords, rejected, stageErrors, ...(corpus ? { corpus } : {}), seconds: (performance.now() - t0) / 1000 }
  await store.finishRun(run, summary)
  return summary
}

/** The page with every NUL character removed from its text (none is text; PostgreSQL refuses them), and how many. */
function withoutNul(page: RawPage): { page: RawPage; removed: number } {
  let removed = 0
  const strip = (v: string | null | undefined) => { if (v == null || !v.includes('\u0000')) return v; const out = v.replace(/\u0000/g, ''); removed += v.length - out.length; return out }
  const next = { ...page, ...(page.html != null ? { html: strip(page.html)! } : {}), ...(page.text != null ? { text: strip(page.text)! } : {}) }
  return { page: removed ? next : page, removed }
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
}
