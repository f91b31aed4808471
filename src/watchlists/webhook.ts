/**
 * Webhook delivery from the durable outbox (`watchlist_deliveries`): each due delivery is taken by one deliverer
 * (compare and set on its `next_at`), POSTed, and its attempt logged; a failure is tried again after a wait that
 * doubles each time (WEBHOOK_BACKOFF_MS, 2×, 4× …), up to WEBHOOK_MAX_ATTEMPTS tries. Nothing is held in memory: a
 * deliverer that stops (or dies mid-POST) leaves the delivery pending, and the next one to start sends it.
 * Deliverers: `dossier serve` (every DELIVER_EVERY_MS while it runs) and `dossier watchlists deliver`.
 */
import http from 'node:http'
import https from 'node:https'
import { lookup as dnsLookup } from 'node:dns/promises'
import { isIP, type LookupFunction } from 'node:net'
import ipaddr from 'ipaddr.js'
import { addressProblem } from '../net/address.js'
import { USER_AGENT } from '../net/net.data.js'
import type { Store } from '../store/store.js'
import type { WatchlistDelivery, WatchlistWebhook } from '../store/watchlists.js'
import { DELIVER_EVERY_MS, WEBHOOK_BACKOFF_MS, WEBHOOK_LEASE_MS, WEBHOOK_MAX_ANSWER_BYTES, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_MAX_BACKOFF_MS, WEBHOOK_TIMEOUT_MS } from './watchlists.data.js'

/** Why a webhook URL cannot be used (not http(s), credentials in it), or null. Addresses are checked when it is POSTed to. */
export function webhookUrlProblem(url: string): string | null {
  let u: URL
  try { u = new URL(url) } catch { return `Expected a webhook URL, got ${url}` }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return `Expected an http or https webhook URL, got ${u.protocol}`
  if (u.username || u.password) return 'Expected a webhook URL without credentials in it'
  return null
}

/** True for a loopback address (127.0.0.0/8, ::1, and ::ffff:127.x), which `allow_loopback` lets a webhook reach. */
const isLoopback = (a: string) => { try { return ipaddr.process(a.replace(/^\[|\]$/g, '')).range() === 'loopback' } catch { return false } }

/** What one POST gave: the HTTP status (null when none came) and, unless 2xx, why it failed. */
export interface PostResult { readonly status: number | null; readonly error: string | null; readonly ms: number }

/**
 * POSTs a JSON body to a webhook. SSRF: the host is resolved once, every address checked with src/net's
 * `addressProblem` (public unicast only; loopback too when the webhook allows it, nothing else), and the socket
 * connects to that checked address. Redirects are not followed (a 3xx is a failure); the answer body is dropped.
 */
export async function postWebhook(hook: WatchlistWebhook, body: string, headers: Record<string, string> = {}, timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<PostResult> {
  const t0 = performance.now()
  const done = (status: number | null, error: string | null): PostResult => ({ status, error, ms: performance.now() - t0 })
  const bad = webhookUrlProblem(hook.url)
  if (bad) return done(null, bad)
  const u = new URL(hook.url)
  const host = u.hostname.replace(/^\[|\]$/g, '')
  let addrs: { address: string; family: number }[]
  if (isIP(host)) addrs = [{ address: host, family: isIP(host) }]
  else {
    try { addrs = await dnsLookup(host, { all: true }) } catch (e: any) { return done(null, `Expected ${host} to resolve, got ${e?.code ?? e?.message}`) }
  }
  const to = addrs.find((a) => addressProblem(a.address) === null || (hook.allow_loopback && isLoopback(a.address)))
  if (!to) {
    const a = addrs[0]?.address ?? host
    return done(null, `Refused to POST to ${u.host}: ${addressProblem(a) ?? 'no address'}${hook.allow_loopback ? ' (only loopback is allowed besides public addresses)' : ' (a loopback receiver needs allow_loopback)'}`)
  }
  const lookup: LookupFunction = ((_h: string, o: any, cb: any) => {
    if (typeof o === 'function') cb = o
    if (o?.all) cb(null, [{ address: to.address, family: to.family }]); else cb(null, to.address, to.family)
  }) as LookupFunction
  return new Promise<PostResult>((resolve) => {
    let settled = false
    const finish = (status: number | null, error: string | null) => { if (!settled) { settled = true; clearTimeout(timer); req.destroy(); resolve(done(status, error)) } }
    const timer = setTimeout(() => finish(null, `Expected ${u.host} to answer within ${Math.round(timeoutMs / 1000)} s, got no answer`), timeoutMs)
    const req = (u.protocol === 'https:' ? https : http).request(u, {
      method: 'POST', lookup, agent: false,
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), 'user-agent': USER_AGENT, ...headers },
    }, (res) => {
      const status = res.statusCode ?? 0
      let size = 0
      res.on('data', (c: Buffer) => { size += c.length; if (size > WEBHOOK_MAX_ANSWER_BYTES) res.destroy() })
      const end = () => finish(status, status >= 200 && status <= 299 ? null : `Expected a 2xx answer, got ${status}${res.statusMessage ? ' ' + res.statusMessage : ''}`)
      res.on('end', end); res.on('close', end); res.on('error', end)
    })
    req.on('error', (e: any) => finish(null, `Expected ${u.host} to take the POST, got ${e?.code ?? e?.message}`))
    req.end(body)
  })
}

export interface DeliverOptions {
  /** wait before the second try (ms), doubled after each failure (default WEBHOOK_BACKOFF_MS) */
  readonly backoffMs?: number
  readonly maxAttempts?: number
  readonly timeoutMs?: number
  /** deliveries taken in one pass */
  readonly limit?: number
  /** the POST (tests replace it) */
  readonly post?: typeof postWebhook
}

/** What one pass did. */
export interface DeliverSummary { readonly delivered: number; readonly retrying: number; readonly failed: number }

/** The wait before try `attempts + 1` after `attempts` failed ones: backoff × 2^(attempts − 1), at most WEBHOOK_MAX_BACKOFF_MS. */
export const backoffAfter = (attempts: number, backoffMs = WEBHOOK_BACKOFF_MS) => Math.min(WEBHOOK_MAX_BACKOFF_MS, backoffMs * 2 ** Math.max(0, attempts - 1))

/** Sends every delivery due now, once each; failures are rescheduled (or given up after the last try). */
export async function deliverDue(store: Store, opts: DeliverOptions = {}): Promise<DeliverSummary> {
  const post = opts.post ?? postWebhook, max = opts.maxAttempts ?? WEBHOOK_MAX_ATTEMPTS
  let delivered = 0, retrying = 0, failed = 0
  const hooks = new Map<string, WatchlistWebhook | null>()
  for (const d of await store.watchlists.dueDeliveries(new Date().toISOString(), opts.limit ?? 50)) {
    if (!(await store.watchlists.claimDelivery(d, new Date(Date.now() + WEBHOOK_LEASE_MS).toISOString()))) continue
    if (!hooks.has(d.watchlist_id)) hooks.set(d.watchlist_id, (await store.watchlists.get(d.watchlist_id))?.webhook ?? null)
    const hook = hooks.get(d.watchlist_id)
    const at = new Date().toISOString()
    const r: PostResult = hook ? await post(hook, d.payload, { 'x-dossier-delivery': d.id, 'x-dossier-attempt': String(d.attempts + 1) }, opts.timeoutMs)
      : { status: null, error: 'Expected the watchlist to have a webhook, got none (removed since the hits were queued)', ms: 0 }
    const attempts = d.attempts + 1
    const ok = r.error == null
    const giveUp = !ok && (attempts >= max || !hook)
    await store.watchlists.recordAttempt({ delivery_id: d.id, watchlist_id: d.watchlist_id, at, status: r.status, error: r.error, ms: r.ms }, {
      status: ok ? 'delivered' : giveUp ? 'failed' : 'pending', attempts,
      next_at: ok || giveUp ? d.next_at : new Date(Date.now() + backoffAfter(attempts, opts.backoffMs)).toISOString(),
      last_error: r.error, delivered_at: ok ? new Date().toISOString() : null,
    })
    if (ok) delivered++; else if (giveUp) failed++; else retrying++
  }
  return { delivered, retrying, failed }
}

/** The earliest time a pending delivery is due (null when none is pending): how long `deliver --wait` sleeps. */
export async function nextDue(store: Store): Promise<string | null> {
  const [d] = await store.watchlists.dueDeliveries('\uffff', 1)
  return d?.next_at ?? null
}

/**
 * Delivers in the background (the server): a pass at once (deliveries a stopped process left pending resume here),
 * then every `everyMs`. A pass that fails (store busy) is tried again at the next tick. `stop()` waits for a running pass.
 */
export function startDeliverer(store: Store, opts: DeliverOptions & { everyMs?: number; onError?: (e: unknown) => void } = {}): { stop(): Promise<void>; kick(): void } {
  let running: Promise<void> = Promise.resolve(), stopped = false, timer: NodeJS.Timeout | null = null
  const pass = () => {
    if (stopped) return
    running = running.then(() => stopped ? undefined : deliverDue(store, opts).then(() => undefined, (e) => opts.onError?.(e)))
  }
  const tick = () => { pass(); timer = setTimeout(tick, opts.everyMs ?? DELIVER_EVERY_MS); timer.unref() }
  tick()
  return { kick: pass, stop: async () => { stopped = true; if (timer) clearTimeout(timer); await running } }
}

/** Marks the failed deliveries of a watchlist (or all) pending again, due now, their tries counted afresh; how many. */
export async function retryFailed(store: Store, deliveries: readonly WatchlistDelivery[]): Promise<number> {
  let n = 0
  for (const d of deliveries) if (d.status === 'failed') {
    await store.watchlists.recordAttempt({ delivery_id: d.id, watchlist_id: d.watchlist_id, at: new Date().toISOString(), status: null, error: 'queued again by hand', ms: 0 },
      { status: 'pending', attempts: 0, next_at: new Date().toISOString(), last_error: d.last_error, delivered_at: null })
    n++
  }
  return n
}
