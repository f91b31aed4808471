import { readFileSync } from 'node:fs'
import { finishDueAnalysis, ingest } from '../ingest/ingest.js'
import type { PipelineOptions } from '../pipeline/default.js'
import type { Store, WatchItem } from '../store/store.js'
import { parseFeed, type Feed } from './feed.js'
import { FetchError, fetchUrl, isUrl, type AllowPrivate, type FetchOptions } from './fetch.js'
import { pageItem } from './page.js'
import { RobotsCache } from './robots.js'
import { BACKOFF_MS, HOST_DELAY_MS, MAX_ATTEMPTS, MAX_QUEUE, RETRIES } from './net.data.js'

export interface WatchOptions extends PipelineOptions {
  readonly allowPrivate?: AllowPrivate
  /** least time between two requests to one host (ms); a larger robots.txt Crawl-delay wins */
  readonly hostDelayMs?: number
  /** tries after the first for a network error, a timeout, 429 or 5xx, waiting backoffMs, 2×, 4× … between */
  readonly retries?: number
  readonly backoffMs?: number
  /** at most this many articles fetched per poll; the rest stay queued in the store for the next one */
  readonly maxQueue?: number
  readonly timeoutMs?: number
  readonly userAgent?: string
  /** progress, one line at a time */
  readonly log?: (line: string) => void
  /** how to wait (tests may make it instant) */
  readonly sleep?: (ms: number) => Promise<void>
}

export interface FeedPoll { readonly source: string; readonly status: 'ok' | 'not-modified' | 'failed' | 'disallowed'; readonly items: number; readonly new: number; readonly error?: string }

/** What one poll did. */
export interface PollSummary {
  readonly started: string
  readonly seconds: number
  readonly feeds: readonly FeedPoll[]
  /** articles fetched; of them stored (new documents or versions), unchanged, rejected (no article body …) */
  readonly fetched: number
  readonly stored: number
  readonly unchanged: number
  readonly rejected: number
  /** articles that could not be fetched after the retries (tried again next poll), and those robots.txt disallows */
  readonly failed: number
  readonly disallowed: number
  /** articles still queued for a later poll (over --max-queue) */
  readonly left: number
  readonly errors: readonly { readonly url: string; readonly reason: string }[]
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/**
 * Polls RSS/Atom feeds (URLs or files) and ingests each new item's article page. Feeds are fetched with a
 * conditional GET (the ETag / Last-Modified kept in the store); every request goes through the SSRF-safe fetcher,
 * obeys robots.txt, waits the per-host delay and retries transient failures with exponential backoff. The links
 * seen and their state live in the store, so a restart resumes where it stopped and never fetches an article twice.
 */
export class Watcher {
  private readonly lastRequest = new Map<string, number>()
  private readonly robots: RobotsCache
  private readonly sleep: (ms: number) => Promise<void>
  private readonly log: (line: string) => void

  constructor(private readonly store: Store, private readonly opts: WatchOptions = {}) {
    this.sleep = opts.sleep ?? realSleep
    this.log = opts.log ?? (() => undefined)
    this.robots = new RobotsCache(this.fetchOpts(), (url, f) => this.politely(url, f, false))
  }

  private fetchOpts(): FetchOptions {
    return { allowPrivate: this.opts.allowPrivate ?? false, timeoutMs: this.opts.timeoutMs, userAgent: this.opts.userAgent }
  }

  /** Runs f for a URL once its host's delay has passed since the last request there. */
  private async politely<T>(url: string, f: () => Promise<T>, crawlDelay = true): Promise<T> {
    const host = new URL(url).host
    const delay = Math.max(this.opts.hostDelayMs ?? HOST_DELAY_MS, crawlDelay ? await this.robots.crawlDelayMs(url) : 0)
    const wait = (this.lastRequest.get(host) ?? -Infinity) + delay - Date.now()
    if (wait > 0) await this.sleep(wait)
    try { return await f() } finally { this.lastRequest.set(host, Date.now()) }
  }

  /** f, tried again after a retryable FetchError. */
  private async withRetries<T>(url: string, f: () => Promise<T>): Promise<T> {
    const retries = this.opts.retries ?? RETRIES, base = this.opts.backoffMs ?? BACKOFF_MS
    for (let i = 0; ; i++) {
      try { return await f() } catch (e) {
        if (!(e instanceof FetchError && e.retryable) || i >= retries) throw e
        const wait = base * 2 ** i
        this.log(`  retry ${i + 1}/${retries} in ${(wait / 1000).toFixed(1)} s: ${e.message}`)
        await this.sleep(wait)
      }
    }
  }

  /** One poll: every feed, then the queued articles (at most maxQueue), then the corpus-wide analysis. */
  async poll(sources: readonly string[]): Promise<PollSummary> {
    const t0 = performance.now(), started = new Date().toISOString()
    const feeds: FeedPoll[] = []
    const errors: { url: string; reason: string }[] = []
    for (const source of sources) {
      const r = await this.pollFeed(source)
      feeds.push(r)
      if (r.error) errors.push({ url: source, reason: r.error })
      this.log(r.status === 'ok' ? `feed ${source}: ${r.items} item(s), ${r.new} new` : r.status === 'not-modified' ? `feed ${source}: not modified` : `feed ${source}: ${r.error}`)
    }

    const pending = await this.store.pendingWatchItems({ limit: 1_000_000, maxAttempts: MAX_ATTEMPTS })
    const queue = roundRobin(pending).slice(0, this.opts.maxQueue ?? MAX_QUEUE)
    const byLink = new Map(queue.map((i) => [i.link, i]))
    let fetched = 0, failed = 0, disallowed = 0
    // an item is marked done only once ingest has stored it: ingest asks for the next URL after it saved the last page
    let done: WatchItem | null = null
    const markDone = async () => { if (done) await this.store.saveWatchItem({ ...done, status: 'done', error: null }); done = null }
    const fetchArticle = async (link: string) => {
      await markDone()
      const item = byLink.get(link)!
      const tried = { ...item, attempts: item.attempts + 1, last_try: new Date().toISOString() }
      if (!(await this.robots.allowed(link))) {
        disallowed++
        await this.store.saveWatchItem({ ...tried, status: 'disallowed', error: 'robots.txt disallows it' })
        this.log(`  skip ${link}: robots.txt disallows it`)
        throw new FetchError('robots', `Expected robots.txt to allow ${link}, got a disallow`)
      }
      try {
        const r = await this.withRetries(link, () => this.politely(link, () => fetchUrl(link, { ...this.fetchOpts(), accept: 'page' })))
        fetched++
        done = tried
        this.log(`  fetched ${link} (${(r.bytes.length / 1024).toFixed(1)} KB)`)
        return [pageItem(r)]
      } catch (e) {
        failed++
        const reason = (e as Error).message
        errors.push({ url: link, reason })
        await this.store.saveWatchItem({ ...tried, status: 'failed', error: reason })
        this.log(`  failed ${link}: ${reason}`)
        throw e
      }
    }
    let stored = 0, unchanged = 0, rejected = 0
    if (queue.length) {
      this.log(`fetching ${queue.length} article(s)${pending.length > queue.length ? ` (${pending.length - queue.length} left for the next poll)` : ''}`)
      const sum = await ingest(this.store, queue.map((i) => i.link), {
        kbDirs: this.opts.kbDirs, lexiconDirs: this.opts.lexiconDirs, fetchUrl: fetchArticle, onPhase: (m) => this.log(`  ${m}`),
      })
      await markDone()
      stored = sum.stored; unchanged = sum.unchanged; rejected = sum.rejected.reduce((n, r) => n + (r.count ?? 1), 0) - failed - disallowed
    } else await finishDueAnalysis(this.store, { kbDirs: this.opts.kbDirs, onPhase: (m) => this.log(`  ${m}`) })
    return { started, seconds: (performance.now() - t0) / 1000, feeds, fetched, stored, unchanged, rejected, failed, disallowed, left: Math.max(0, pending.length - queue.length), errors }
  }

  /** Reads one feed (conditional GET for a URL) and records its new item links as queued. */
  private async pollFeed(source: string): Promise<FeedPoll> {
    const now = new Date().toISOString()
    const state = await this.store.getWatchFeed(source)
    let feed: Feed
    let validators = { etag: state?.etag ?? null, last_modified: state?.last_modified ?? null }
    try {
      if (isUrl(source)) {
        if (!(await this.robots.allowed(source))) {
          await this.store.saveWatchFeed({ url: source, ...validators, last_poll: now, last_status: 'disallowed', items: state?.items ?? 0 })
          return { source, status: 'disallowed', items: 0, new: 0, error: `Expected robots.txt to allow ${source}, got a disallow` }
        }
        const headers: Record<string, string> = {}
        if (validators.etag) headers['if-none-match'] = validators.etag
        if (validators.last_modified) headers['if-modified-since'] = validators.last_modified
        const r = await this.withRetries(source, () => this.politely(source, () => fetchUrl(source, { ...this.fetchOpts(), accept: 'feed', headers })))
        if (r.status === 304) {
          await this.store.saveWatchFeed({ url: source, ...validators, last_poll: now, last_status: 'not-modified', items: state?.items ?? 0 })
          return { source, status: 'not-modified', items: state?.items ?? 0, new: 0 }
        }
        validators = { etag: r.etag, last_modified: r.lastModified }
        feed = parseFeed(Buffer.from(r.bytes).toString('utf8'), r.url)
      } else {
        feed = parseFeed(readFileSync(source, 'utf8'))
      }
    } catch (e) {
      const reason = e instanceof FetchError ? e.message : `Expected an RSS or Atom feed at ${source}, got: ${(e as any)?.code === 'ENOENT' ? 'no such file' : (e as Error).message}`
      await this.store.saveWatchFeed({ url: source, ...validators, last_poll: now, last_status: 'failed', items: state?.items ?? 0 })
      return { source, status: 'failed', items: 0, new: 0, error: reason }
    }
    const links = feed.items.map((i) => i.link).filter(isUrl)
    const seen = await this.store.seenWatchLinks(links)
    let fresh = 0
    for (const it of feed.items) {
      if (!isUrl(it.link) || seen.has(it.link)) continue
      fresh++
      seen.add(it.link)
      await this.store.saveWatchItem({ link: it.link, feed: source, title: it.title, first_seen: now, status: 'queued', attempts: 0, last_try: null, error: null })
    }
    await this.store.saveWatchFeed({ url: source, ...validators, last_poll: now, last_status: 'ok', items: feed.items.length })
    return { source, status: 'ok', items: feed.items.length, new: fresh }
  }
}

/** Interleaves items by host (a, b, c, a, b, c …), oldest first within a host, so one site's delay does not hold the rest. */
function roundRobin(items: readonly WatchItem[]): WatchItem[] {
  const byHost = new Map<string, WatchItem[]>()
  for (const i of items) { const h = hostOf(i.link); byHost.set(h, [...(byHost.get(h) ?? []), i]) }
  const lanes = [...byHost.values()], out: WatchItem[] = []
  for (let k = 0; out.length < items.length; k++) for (const l of lanes) if (l[k]) out.push(l[k]!)
  return out
}

const hostOf = (u: string) => { try { return new URL(u).host } catch { return '' } }

/** Parses a duration: 15m, 30s, 2h, 500ms, or a bare number of seconds. */
export function parseDuration(s: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(s)
  if (!m) throw new Error(`Expected a duration such as 30s, 15m or 2h, got ${s}`)
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 's').toLowerCase() as 'ms']
  return Math.round(Number(m[1]) * unit)
}
