import { createDoc, docId, sha256, type Source } from '../doc/doc.js'
import { msg } from '../doc/span.js'
import { analyzeCorpus } from '../corpus/index.js'
import { toDocumentRecord } from '../model/records.js'
import { defaultPipeline, type PipelineOptions } from '../pipeline/default.js'
import { loadKb } from '../kb/index.js'
import { cleanPage } from '../stages/clean/index.js'
import type { Store } from '../store/store.js'
import { PROGRESS_EVERY_MS } from './ingest.data.js'
import { applyClaims } from './formats/claims.js'
import { listInputs, readItems, type InputItem } from './read.js'
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
  readonly rejected: readonly { readonly path: string | null; readonly ruleId: string; readonly reason: string }[]
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
}

/** Ingests files, folders or `-` (stdin) into a store: clean → read pipeline → store, one transaction per page. */
export async function ingest(store: Store, paths: readonly string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now()
  const { files, skipped, missing } = listInputs(paths, { recursive: opts.recursive })
  const { pipeline, kb } = defaultPipeline(opts)
  const run = await store.startRun(`ingest ${paths.join(' ')}`)
  // a path that does not exist or a URL that cannot be fetched is reported (exit 1), not stored: it is no page
  const rejected: { path: string | null; ruleId: string; reason: string }[] = missing.map((p) => ({ path: p, ruleId: 'not-found', reason: `Expected a file or folder, found nothing at ${p}` }))
  const skippedRecords: Record<string, number> = {}
  let pages = 0, stored = 0, versions = 0, unchanged = 0, lastTick = performance.now()
  const tick = () => {
    if (!opts.onProgress || performance.now() - lastTick < PROGRESS_EVERY_MS) return
    lastTick = performance.now()
    opts.onProgress({ done: pages, total: files.length, stored, rejected: rejected.length, perSecond: pages / ((lastTick - t0) / 1000) })
  }

  const reject = async (item: InputItem, rawSha: string, ruleId: string, reason: string) => {
    rejected.push({ path: item.path, ruleId, reason })
    const source: Source = { path: item.path, url: item.url, sha256: rawSha, fetched_at: null }
    await store.saveRejected({ id: docId(source), path: item.path, url: item.url, rawSha256: rawSha, reason, messages: [msg('ingest', ruleId, reason, 'fatal')], runId: run })
  }

  const unreadable = (file: string, e: unknown): InputItem => ({ path: file, url: null, bytes: new Uint8Array(), problem: { ruleId: 'unreadable', reason: `Expected a readable file, got ${(e as Error).message}` } })
  /** the file's items; a file that cannot be read gives one problem item, after the items read before the error */
  async function* itemsOf(file: string): AsyncGenerator<InputItem> {
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
      const rawSha = sha256(item.bytes)
      if (item.problem || !item.page) { await reject(item, rawSha, item.problem?.ruleId ?? 'unreadable', item.problem?.reason ?? 'unreadable'); continue }
      const known = await store.findRaw(rawSha)
      if (known) { unchanged++; continue }
      let cleaned: ReturnType<typeof cleanPage>
      try { cleaned = applyClaims(cleanPage(item.page), item.claims) } catch (e) { await reject(item, rawSha, 'clean-error', `Expected the page to clean, got an error: ${(e as Error).message}`); continue }
      const fatal = cleaned.messages.find((m) => m.severity === 'fatal')
      if (fatal || !cleaned.text.trim()) { await reject(item, rawSha, fatal?.ruleId ?? 'empty-body', fatal?.reason ?? 'Expected an article body, found none'); continue }
      const source: Source = { path: item.path, url: item.page.url ?? item.url, sha256: rawSha, fetched_at: item.page.fetched_at ?? null }
      const doc = createDoc(source, cleaned.text, cleaned.paragraphs, cleaned.meta, cleaned.messages, cleaned.rawMap)
      const { doc: read, status } = pipeline.run(doc)
      const previous = await store.findLatest(source.path, source.url)
      await store.saveDocument(toDocumentRecord(read), { runId: run, stages: status, version: (previous?.version ?? 0) + 1, replaces: previous?.id ?? null })
      stored++
      if (previous) versions++
    }
    tick()
  }
  if (opts.onProgress && files.length > 1) opts.onProgress({ done: pages, total: files.length, stored, rejected: rejected.length, perSecond: pages / ((performance.now() - t0) / 1000) })
  if (!opts.skipCorpus && (stored > 0 || versions > 0)) {
    const docs = await store.allDocuments()
    opts.onPhase?.(`cross-source analysis over ${docs.length} document(s)…`)
    await store.replaceCorpus(analyzeCorpus(docs, { kb }))
  }
  const summary: IngestSummary = { run, files: files.length, pages, stored, versions, unchanged, skipped, skippedRecords, rejected, seconds: (performance.now() - t0) / 1000 }
  await store.finishRun(run, summary)
  return summary
}

/** Re-runs the corpus-wide analysis over what is stored. */
export async function reanalyze(store: Store, opts: PipelineOptions = {}): Promise<void> {
  // only the knowledge base is needed here, not the reading pipeline (and its NER model)
  await store.replaceCorpus(analyzeCorpus(await store.allDocuments(), { kb: loadKb(opts.kbDirs ?? []) }))
}
