import http from 'node:http'
import https from 'node:https'
import { lookup as dnsLookup } from 'node:dns/promises'
import { isIP, type LookupFunction } from 'node:net'
import zlib from 'node:zlib'
import type { Readable } from 'node:stream'
import { addressProblem } from './address.js'
import { FEED_TYPES, FETCH_TIMEOUT_MS, MAX_FETCH_BYTES, MAX_REDIRECTS, PAGE_TYPES, USER_AGENT } from './net.data.js'

/** What went wrong with a fetch; `retryable` ones (network, timeout, 5xx, 429) may succeed on a later try. */
export type FetchProblem = 'bad-url' | 'ssrf' | 'dns' | 'network' | 'timeout' | 'too-large' | 'content-type' | 'http-status' | 'redirects' | 'robots'

/** A fetch that did not give a page: one line that says why, never a stack trace for the user. */
export class FetchError extends Error {
  constructor(readonly problem: FetchProblem, message: string, readonly retryable = false, readonly status?: number) {
    super(message)
    this.name = 'FetchError'
  }
}

/**
 * Whether an address may be connected to. `false` (the default) allows public unicast addresses only; `true`
 * allows every address (`--allow-private`); a function decides per address and hop (0 the URL asked for, 1 the
 * first redirect …), so a test can allow its local server and still see a redirect to a private address refused.
 */
export type AllowPrivate = boolean | ((address: string, hop: number) => boolean)

export interface FetchOptions {
  /** the whole fetch, headers and body (ms) */
  readonly timeoutMs?: number
  /** the body, after decompression (bytes) */
  readonly maxBytes?: number
  readonly maxRedirects?: number
  readonly allowPrivate?: AllowPrivate
  /** what content types are taken: a page (HTML or text), a feed (XML), or anything (robots.txt) */
  readonly accept?: 'page' | 'feed' | 'any'
  /** extra request headers (If-None-Match, If-Modified-Since …) */
  readonly headers?: Readonly<Record<string, string>>
  readonly userAgent?: string
}

export interface FetchResult {
  /** the URL asked for, and the URL the body came from after redirects */
  readonly requested: string
  readonly url: string
  /** 200 …, or 304 when a conditional request was answered "not modified" (empty body) */
  readonly status: number
  readonly contentType: string | null
  readonly charset: string | null
  readonly bytes: Uint8Array
  readonly fetchedAt: string
  readonly etag: string | null
  readonly lastModified: string | null
  /** the address connected to for the last hop */
  readonly address: string
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])

/** True for an http:// or https:// URL (what `dossier ingest` fetches instead of reading a file). */
export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s)

/**
 * Fetches a URL with Node's own http/https: a timeout, a size cap, a redirect cap and a content-type check. SSRF:
 * each hop's host is resolved once, the address is checked (addressProblem) and the socket connects to that very
 * address (a custom `lookup`), so DNS cannot answer differently between the check and the connection.
 */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const deadline = Date.now() + (opts.timeoutMs ?? FETCH_TIMEOUT_MS)
  const maxRedirects = opts.maxRedirects ?? MAX_REDIRECTS
  let current = url
  for (let hop = 0; ; hop++) {
    const target = parseUrl(current)
    const to = await resolveChecked(target, hop, opts.allowPrivate ?? false)
    const res = await request(target, to, deadline, opts)
    const address = to.address
    if (REDIRECTS.has(res.status) && res.location != null) {
      if (hop >= maxRedirects) throw new FetchError('redirects', `Expected at most ${maxRedirects} redirects fetching ${url}, got more`)
      let next: string
      try { next = new URL(res.location, target).href } catch { throw new FetchError('bad-url', `Expected a valid redirect from ${current}, got Location: ${res.location}`) }
      current = next
      continue
    }
    if (res.status === 304) return { ...res.result, requested: url, url: current, address }
    if (res.status < 200 || res.status > 299) {
      throw new FetchError('http-status', `Expected HTTP 200 from ${current}, got ${res.status}${res.statusText ? ' ' + res.statusText : ''}`, res.status >= 500 || res.status === 429 || res.status === 408, res.status)
    }
    return { ...res.result, requested: url, url: current, address }
  }
}

function parseUrl(s: string): URL {
  let u: URL
  try { u = new URL(s) } catch { throw new FetchError('bad-url', `Expected a valid URL, got ${s}`) }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FetchError('bad-url', `Expected an http or https URL, got ${u.protocol} in ${s}`)
  if (u.username || u.password) throw new FetchError('bad-url', `Expected a URL without credentials, got one in ${u.host}`)
  return u
}

/** Resolves a hop's host once and returns the address to connect to, or throws when no allowed address is left. */
async function resolveChecked(u: URL, hop: number, allow: AllowPrivate): Promise<{ address: string; family: 4 | 6 }> {
  const host = u.hostname.replace(/^\[|\]$/g, '')
  let addrs: { address: string; family: number }[]
  if (isIP(host)) addrs = [{ address: host, family: isIP(host) }]
  else {
    try { addrs = await dnsLookup(host, { all: true }) } catch (e: any) {
      throw new FetchError('dns', `Expected ${host} to resolve, got ${e?.code ?? e?.message ?? 'no answer'}`, e?.code === 'EAI_AGAIN')
    }
  }
  const allowed = (a: string) => allow === true || (typeof allow === 'function' && allow(a, hop)) || addressProblem(a) === null
  const ok = addrs.find((a) => allowed(a.address))
  if (!ok) {
    const a = addrs[0]?.address ?? host
    throw new FetchError('ssrf', `Refused to fetch ${u.href}${hop ? ` (redirect ${hop})` : ''}: ${addressProblem(a) ?? 'no address'}${host === a ? '' : ` (${host})`}; --allow-private lifts this`)
  }
  return { address: ok.address, family: ok.family === 6 ? 6 : 4 }
}

interface Raw { status: number; statusText: string; location: string | null; result: Omit<FetchResult, 'requested' | 'url' | 'address'> }

function acceptable(accept: FetchOptions['accept'], type: string | null): boolean {
  if (accept === 'any' || type == null) return true
  return (accept === 'feed' ? FEED_TYPES : PAGE_TYPES).includes(type) || (accept === 'feed' && /\+xml$/.test(type))
}

function request(u: URL, to: { address: string; family: 4 | 6 }, deadline: number, opts: FetchOptions): Promise<Raw> {
  const maxBytes = opts.maxBytes ?? MAX_FETCH_BYTES
  // the socket connects to the address checked above, whatever DNS would say now
  const lookup: LookupFunction = ((_host: string, o: any, cb: any) => {
    if (typeof o === 'function') cb = o
    if (o?.all) cb(null, [{ address: to.address, family: to.family }])
    else cb(null, to.address, to.family)
  }) as LookupFunction
  const mod = u.protocol === 'https:' ? https : http
  return new Promise<Raw>((resolve, reject) => {
    let settled = false
    const fail = (e: FetchError) => { if (!settled) { settled = true; clearTimeout(timer); req.destroy(); reject(e) } }
    const remaining = deadline - Date.now()
    const timer = setTimeout(() => fail(new FetchError('timeout', `Expected ${u.href} to answer within ${Math.round((opts.timeoutMs ?? FETCH_TIMEOUT_MS) / 1000)} s, got no complete answer`, true)), Math.max(0, remaining))
    const req = mod.request(u, {
      method: 'GET', lookup, agent: false,
      headers: { 'user-agent': opts.userAgent ?? USER_AGENT, accept: opts.accept === 'feed' ? 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5' : 'text/html, application/xhtml+xml, text/plain;q=0.9, */*;q=0.5', 'accept-encoding': 'gzip, deflate, br', ...opts.headers },
    }, (res) => {
      const status = res.statusCode ?? 0
      const header = (k: string) => { const v = res.headers[k]; return Array.isArray(v) ? v[0] ?? null : v ?? null }
      const ct = header('content-type')
      const type = ct ? ct.split(';')[0]!.trim().toLowerCase() : null
      const charset = ct ? /charset\s*=\s*"?([^";\s]+)/i.exec(ct)?.[1]?.toLowerCase() ?? null : null
      const base = { status, contentType: type, charset, fetchedAt: new Date().toISOString(), etag: header('etag'), lastModified: header('last-modified') }
      if (REDIRECTS.has(status) || status === 304 || status < 200 || status > 299) {
        res.resume()
        settled = true; clearTimeout(timer)
        resolve({ status, statusText: res.statusMessage ?? '', location: header('location'), result: { ...base, bytes: new Uint8Array() } })
        return
      }
      if (!acceptable(opts.accept, type)) { res.resume(); return fail(new FetchError('content-type', `Expected ${opts.accept === 'feed' ? 'an RSS or Atom feed' : 'an HTML or text page'} from ${u.href}, got ${type}`)) }
      const length = Number(header('content-length'))
      const enc = (header('content-encoding') ?? '').toLowerCase().trim()
      if (!enc && length > maxBytes) { res.resume(); return fail(new FetchError('too-large', `Expected a page under ${maxBytes} bytes from ${u.href}, got ${length}`)) }
      let body: Readable = res
      if (enc === 'gzip' || enc === 'x-gzip') body = res.pipe(zlib.createGunzip())
      else if (enc === 'deflate') body = res.pipe(zlib.createInflate())
      else if (enc === 'br') body = res.pipe(zlib.createBrotliDecompress())
      const chunks: Buffer[] = []
      let size = 0
      body.on('data', (c: Buffer) => {
        size += c.length
        if (size > maxBytes) { body.destroy(); fail(new FetchError('too-large', `Expected a page under ${maxBytes} bytes from ${u.href}, got more`)) }
        else chunks.push(c)
      })
      body.on('error', (e) => fail(new FetchError('network', `Expected a readable answer from ${u.href}, got ${(e as Error).message}`, true)))
      res.on('error', (e) => fail(new FetchError('network', `Expected a complete answer from ${u.href}, got ${(e as Error).message}`, true)))
      body.on('end', () => {
        if (settled) return
        settled = true; clearTimeout(timer)
        resolve({ status, statusText: res.statusMessage ?? '', location: null, result: { ...base, bytes: new Uint8Array(Buffer.concat(chunks)) } })
      })
    })
    req.on('error', (e: any) => fail(new FetchError('network', `Expected ${u.href} to answer, got ${e?.code ?? e?.message}`, true)))
    req.end()
  })
}
