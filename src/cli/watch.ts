import type { Command } from 'commander'
import { DossierError } from '../errors.js'
import type { Store } from '../store/store.js'
import { BACKOFF_MS, HOST_DELAY_MS, MAX_QUEUE, RETRIES, FETCH_TIMEOUT_MS, WATCH_EVERY_MS } from '../net/net.data.js'
import { parseDuration, Watcher, type PollSummary } from '../net/watch.js'

const collect = (v: string, prev: string[]) => [...prev, v]
const duration = (v: string) => { try { return parseDuration(v) } catch (e) { throw new DossierError('E_USAGE', (e as Error).message) } }
const count = (v: string) => { const n = Number(v); if (!Number.isInteger(n) || n < 0) throw new DossierError('E_USAGE', `Expected a whole number, got ${v}`); return n }
const secs = (ms: number) => ms % 60_000 === 0 ? `${ms / 60_000}m` : `${ms / 1000}s`

interface Helpers {
  readonly defaultDb: string
  readonly withStore: <T>(db: string, f: (s: Store) => Promise<T>) => Promise<T>
  readonly summaryLines: (s: Store) => Promise<string>
}

/** `dossier watch`: polls feeds and ingests their new articles (src/net/watch.ts). */
export function registerWatch(program: Command, exit: (code: number) => void, h: Helpers): void {
  program.command('watch')
    .description('Poll RSS 2.0 / Atom feeds (URLs or files) and ingest every new item\'s article page; the state (links seen, ETag/Last-Modified, last poll) is kept in the store, so a restart resumes without refetching')
    .argument('<feeds...>', 'feed URLs (http/https) or feed files')
    .option('--every <duration>', `time between polls: 30s, 15m, 2h (default ${secs(WATCH_EVERY_MS)})`, duration)
    .option('--once', 'poll once and exit (for cron and tests); exit code 1 when a feed or an article failed')
    .option('--db <file>', 'SQLite file or postgres:// URL', h.defaultDb)
    .option('--kb <dir>', 'extra knowledge-base folder (repeatable)', collect, [])
    .option('--lexicon <dir>', 'extra framing-lexicon folder of JSON files (repeatable)', collect, [])
    .option('--allow-private', 'let feeds and articles reach loopback, private and link-local addresses (refused by default: SSRF)')
    .option('--delay <duration>', `least time between two requests to one host (a larger robots.txt Crawl-delay wins; default ${secs(HOST_DELAY_MS)})`, duration)
    .option('--retries <n>', `tries after the first for a network error, timeout, 429 or 5xx (default ${RETRIES})`, count)
    .option('--backoff <duration>', `wait before the first retry, doubled for each next one (default ${secs(BACKOFF_MS)})`, duration)
    .option('--max-queue <n>', `at most this many articles fetched per poll, the rest wait for the next (default ${MAX_QUEUE})`, count)
    .option('--timeout <duration>', `give up a fetch after this long (default ${secs(FETCH_TIMEOUT_MS)})`, duration)
    .option('--json', 'print one JSON summary per poll on stdout')
    .option('--quiet', 'no progress on stderr')
    .addHelpText('after', `
Each poll fetches every feed with a conditional GET (If-None-Match / If-Modified-Since from the last answer), records
the links it has not seen, then fetches the queued articles host by host (robots.txt obeyed, the per-host delay
kept, transient failures retried with exponential backoff) and ingests them like \`dossier ingest <url>\`. A failed
article is tried again at the next poll (up to 5 polls); one robots.txt disallows is skipped for good.

Examples:
  dossier watch https://example.org/rss.xml --every 15m
  dossier watch feeds/world.xml https://example.org/atom --once --json`)
    .action(async (feeds: string[], o) => h.withStore(o.db, async (store) => {
      const log = o.quiet ? undefined : (line: string) => process.stderr.write(line + '\n')
      const every: number = o.every ?? WATCH_EVERY_MS
      // options left out take the defaults of src/net/net.data.ts
      const watcher = new Watcher(store, {
        kbDirs: o.kb, lexiconDirs: o.lexicon, allowPrivate: !!o.allowPrivate, hostDelayMs: o.delay, retries: o.retries,
        backoffMs: o.backoff, maxQueue: o.maxQueue, timeoutMs: o.timeout, log,
      })
      let stop = false, wake: (() => void) | null = null
      const onSignal = () => { stop = true; wake?.() }
      process.once('SIGINT', onSignal); process.once('SIGTERM', onSignal)
      try {
        for (;;) {
          const s = await watcher.poll(feeds)
          report(s, !!o.json)
          if (!o.json && !o.quiet) process.stderr.write((await h.summaryLines(store)) + '\n')
          if (o.once) { if (s.failed || s.feeds.some((f) => f.status === 'failed')) exit(1); return }
          if (stop) return
          log?.(`next poll at ${new Date(Date.now() + every).toISOString()} (Ctrl-C to stop)`)
          await new Promise<void>((r) => { const t = setTimeout(r, every); wake = () => { clearTimeout(t); r() } })
          if (stop) return
        }
      } finally { process.off('SIGINT', onSignal); process.off('SIGTERM', onSignal) }
    }))
}

function report(s: PollSummary, json: boolean): void {
  if (json) { process.stdout.write(JSON.stringify(s) + '\n'); return }
  const fresh = s.feeds.reduce((a, f) => a + f.new, 0)
  process.stdout.write(`poll ${s.started}: ${s.feeds.length} feed(s), ${fresh} new item(s); ${s.fetched} article(s) fetched: ${s.stored} stored, ${s.unchanged} unchanged, ${s.rejected} rejected; ${s.failed} failed, ${s.disallowed} disallowed by robots.txt${s.left ? `, ${s.left} left for the next poll` : ''} (${s.seconds.toFixed(1)} s)\n`)
  for (const e of s.errors) process.stdout.write(`  ${e.url}: ${e.reason}\n`)
}
