import robotsModule from 'robots-parser'
import { FetchError, fetchUrl, type FetchOptions } from './fetch.js'
import { MAX_CRAWL_DELAY_MS, MAX_ROBOTS_BYTES, ROBOTS_AGENT, ROBOTS_ERROR_TTL_MS, ROBOTS_TTL_MS } from './net.data.js'

interface Robot { isAllowed(url: string, ua?: string): boolean | undefined; getCrawlDelay(ua?: string): number | undefined }
// robots-parser is CommonJS whose typings declare an ES default export: at run time the default import is the function
const robotsParser = ((robotsModule as any).default ?? robotsModule) as (url: string, txt: string) => Robot
interface Entry { robot: Robot | null; denyAll: boolean; until: number }

/**
 * robots.txt per origin (RFC 9309, read by robots-parser), cached: a missing one (4xx) allows everything; one
 * that cannot be read (5xx, network, timeout) disallows the whole site until it is tried again a few minutes later.
 * Fetched through the same SSRF-safe fetcher; `request` wraps each fetch (politeness, retries).
 */
export class RobotsCache {
  private readonly cache = new Map<string, Entry>()
  constructor(private readonly fetchOpts: FetchOptions, private readonly request: <T>(url: string, f: () => Promise<T>) => Promise<T> = (_u, f) => f(),
    private readonly agent = ROBOTS_AGENT) {}

  /** Whether robots.txt lets Dossier fetch this URL. */
  async allowed(url: string): Promise<boolean> {
    const e = await this.entry(url)
    if (e.denyAll) return false
    return e.robot?.isAllowed(url, this.agent) !== false
  }

  /** The site's Crawl-delay for Dossier in ms (capped), 0 when none. */
  async crawlDelayMs(url: string): Promise<number> {
    const d = (await this.entry(url)).robot?.getCrawlDelay(this.agent)
    return d && d > 0 ? Math.min(d * 1000, MAX_CRAWL_DELAY_MS) : 0
  }

  private async entry(url: string): Promise<Entry> {
    const origin = new URL(url).origin
    const hit = this.cache.get(origin)
    if (hit && hit.until > Date.now()) return hit
    const robotsUrl = origin + '/robots.txt'
    let e: Entry
    try {
      const r = await this.request(robotsUrl, () => fetchUrl(robotsUrl, { ...this.fetchOpts, accept: 'any', maxBytes: MAX_ROBOTS_BYTES }))
      e = { robot: robotsParser(robotsUrl, Buffer.from(r.bytes).toString('utf8')), denyAll: false, until: Date.now() + ROBOTS_TTL_MS }
    } catch (err) {
      const unreachable = err instanceof FetchError && (err.problem === 'network' || err.problem === 'timeout' || err.problem === 'dns' || (err.problem === 'http-status' && (err.status ?? 0) >= 500))
      // a missing robots.txt (4xx) allows all; an address refused (SSRF) or an odd answer is left to the page fetch to report
      e = { robot: null, denyAll: unreachable, until: Date.now() + (unreachable ? ROBOTS_ERROR_TTL_MS : ROBOTS_TTL_MS) }
    }
    this.cache.set(origin, e)
    return e
  }
}
