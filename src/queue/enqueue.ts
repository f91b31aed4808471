import { hostname } from 'node:os'
import { docId, sha256, type Source } from '../doc/doc.js'
import { msg } from '../doc/span.js'
import type { Store } from '../store/store.js'
import { listInputs, readItems, type InputItem } from '../ingest/read.js'
import { FetchError, isUrl } from '../net/fetch.js'
import { fetchPageItems } from '../net/page.js'
import { PROGRESS_EVERY_MS } from '../ingest/ingest.data.js'
import type { JobQueue, QueuedPage } from './queue.js'

/** Jobs written in one statement. */
export const ENQUEUE_BATCH = 200

/** What `dossier ingest --queue` did. */
export interface EnqueueSummary {
  readonly run: string
  readonly files: number
  /** pages read from the inputs (every record that is a page, rejected or not) */
  readonly pages: number
  /** jobs added to the queue, one per page */
  readonly enqueued: number
  /** pages that got no job: already stored (the same bytes, or the same page id), already queued, or twice in these inputs */
  readonly duplicates: number
  /** every input rejected, with its reason, as ingest rejects it (stored as rejected pages, as ingest stores them) */
  readonly rejected: readonly { readonly path: string | null; readonly ruleId: string; readonly reason: string }[]
  readonly skipped: readonly string[]
  readonly skippedRecords: Readonly<Record<string, number>>
  readonly seconds: number
}

export interface EnqueueOptions {
  readonly recursive?: boolean
  /** how an http(s) input is fetched (default: the SSRF-safe fetcher) */
  readonly fetchUrl?: (url: string) => Promise<InputItem[]>
  /** called about once a second */
  readonly onProgress?: (p: { pages: number; enqueued: number; duplicates: number; rejected: number; perSecond: number }) => void
}

/**
 * Reads the inputs as `ingest` does (files, folders, every page format, http(s) URLs, `-`), rejects bad input with
 * the same rules and reasons (stored as rejected pages), and adds one job per page to the queue, ENQUEUE_BATCH to
 * a statement. A job holds the page itself (content, URL, fetched_at, the claims of its input record) and the hash
 * of its raw bytes, never the path it was read from: any worker on any machine can read it. The page's id (its URL
 * and raw hash, as the worker will store it) is the job's key, so a page already stored or queued is a duplicate.
 */
export async function enqueuePages(store: Store, queue: JobQueue, paths: readonly string[], opts: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const t0 = performance.now()
  const { files, skipped, missing, problems } = listInputs(paths, { recursive: opts.recursive })
  const run = await store.startRun(`ingest --queue ${paths.join(' ')} (on ${hostname()})`)
  const rejected: { path: string | null; ruleId: string; reason: string }[] = []
  const skippedRecords: Record<string, number> = {}
  let pages = 0, enqueued = 0, duplicates = 0, lastTick = performance.now()
  const tick = (force = false) => {
    if (!opts.onProgress || (!force && performance.now() - lastTick < PROGRESS_EVERY_MS)) return
    lastTick = performance.now()
    opts.onProgress({ pages, enqueued, duplicates, rejected: rejected.length, perSecond: pages / ((lastTick - t0) / 1000) })
  }
  const reject = async (path: string | null, url: string | null, rawSha: string, ruleId: string, reason: string) => {
    rejected.push({ path, ruleId, reason })
    const source: Source = { path, url, sha256: rawSha, fetched_at: null }
    try { await store.saveRejected({ id: docId(source), path, url, rawSha256: rawSha, reason, messages: [msg('ingest', ruleId, reason, 'fatal')], runId: run }) } catch (e) {
      rejected.push({ path, ruleId: 'store-error', reason: `Expected the rejection to be stored, got: ${(e as Error).message}` })
    }
  }
  for (const p of missing) await reject(p, null, sha256(new Uint8Array()), 'not-found', `Expected a file or folder, found nothing at ${p}`)
  for (const p of problems) await reject(p.path, null, sha256(new Uint8Array()), p.ruleId, p.reason)

  let batch: { key: string; page: QueuedPage }[] = []
  const flush = async () => {
    if (!batch.length) return
    const b = batch
    batch = []
    // pages stored already with the same raw bytes are unchanged for ingest: no job for them either
    const known = await queue.knownRaw(b.map((x) => x.page.rawSha))
    const fresh = b.filter((x) => !known.has(x.page.rawSha))
    duplicates += b.length - fresh.length
    const r = await queue.enqueue(fresh)
    enqueued += r.enqueued; duplicates += r.duplicates.length
  }
  async function* itemsOf(file: string): AsyncGenerator<InputItem> {
    if (isUrl(file)) {
      try { yield* await (opts.fetchUrl ?? fetchPageItems)(file) } catch (e) {
        pages++
        rejected.push({ path: file, ruleId: e instanceof FetchError ? e.problem : 'fetch-error', reason: (e as Error).message })
      }
      return
    }
    try { yield* readItems(file) } catch (e) {
      const m = (e as Error)?.message ?? String(e)
      yield { path: file, url: null, bytes: new Uint8Array(), problem: { ruleId: /^Expected a regular file/.test(m) ? 'not-a-file' : 'unreadable', reason: /^Expected /.test(m) ? m : `Expected a readable file, got ${m}` } }
    }
  }
  for (const file of files) {
    for await (const item of itemsOf(file)) {
      if (item.skipped) { skippedRecords[item.skipped] = (skippedRecords[item.skipped] ?? 0) + 1; continue }
      pages++
      const rawSha = sha256(item.bytes)
      if (item.problem || !item.page) { await reject(item.path, item.url, rawSha, item.problem?.ruleId ?? 'unreadable', item.problem?.reason ?? 'unreadable'); continue }
      const url = item.page.url ?? item.url
      const { path: _path, ...page } = item.page
      const queued: QueuedPage = { url, rawSha, page: { ...page, path: null }, ...(item.claims ? { claims: item.claims } : {}), from: item.path ?? url ?? item.label ?? undefined }
      batch.push({ key: docId({ path: null, url, sha256: rawSha, fetched_at: null }), page: queued })
      if (batch.length >= ENQUEUE_BATCH) await flush()
      tick()
    }
  }
  await flush()
  tick(true)
  const summary: EnqueueSummary = { run, files: files.length, pages, enqueued, duplicates, rejected, skipped, skippedRecords, seconds: (performance.now() - t0) / 1000 }
  await store.finishRun(run, summary)
  return summary
}
