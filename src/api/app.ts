import { OpenAPIHono } from '@hono/zod-openapi'
import type { Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Store } from '../store/store.js'
import { holdIndex, invalidateIndex } from '../store/queries.js'
import type { RouteContext } from './context.js'
import { errorBody, errorResponse, HttpError } from './http-error.js'
import { JobQueue, type IngestRunner } from './jobs.js'
import { actorRoutes } from './routes/actors.js'
import { adminRoutes, bearerOk } from './routes/admin.js'
import { corpusRoutes } from './routes/corpus.js'
import { correctionRoutes } from './routes/corrections.js'
import { correctedStore } from '../corrections/view.js'
import { documentRoutes } from './routes/documents.js'
import { eventRoutes } from './routes/events.js'
import { searchRoutes } from './routes/search.js'
import { watchlistRoutes } from './routes/watchlists.js'
import { CSP, mountStatic } from './static.js'

/** Largest request body the API reads by default (bytes); a larger one is refused with 413 before it is read. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024

/** The project's own ingest of pages sent as content and http(s) URLs, loaded only when first used (it loads the reading pipeline). */
const defaultIngest = (store: Store, target?: string): IngestRunner => async (input, onProgress) => {
  const { ingest } = await import('../ingest/ingest.js')
  const total = input.pages.length + input.urls.length
  // pages are read in a worker thread (each under the page time limit): this thread, which answers reads, only writes them;
  // the cross-source analysis after them runs in another worker on its own connection to the store (when it has a file or URL)
  const sum = await ingest(store, input.urls, { pages: input.pages, workers: 1, analysisStore: target, onProgress: (p) => onProgress({ done: p.done, total, stored: p.stored, rejected: p.rejected }) })
  onProgress({ done: sum.pages, total, stored: sum.stored, rejected: sum.rejected.reduce((n, r) => n + (r.count ?? 1), 0) })
  return sum
}

/**
 * Options of the HTTP app. Ingest over HTTP needs `token`, and is refused when `readOnly`. `readToken`: reads under
 * /api need the token too (a server bound off loopback, unless public). `allowedHosts`: the Host header must name
 * one of them (DNS-rebinding defence); null lets any through. `maxBodyBytes`: the request body cap (default 16 MiB).
 */
export interface AppOptions {
  token?: string | null; readOnly?: boolean; ingest?: IngestRunner
  readToken?: boolean; allowedHosts?: readonly string[] | null; maxBodyBytes?: number
  /**
   * a loopback server started without a token (`npm start`) takes corrections (POST/DELETE /api/corrections) from
   * its own pages: JSON bodies only, and an Origin or Sec-Fetch-Site that says the same site (no cross-site form
   * can write); every other write still needs a token
   */
  localWrites?: boolean
  /** where the store was opened (SQLite file or PostgreSQL URL): the default ingest runs a job's cross-source analysis in a worker thread on its own connection to it */
  storeTarget?: string
}

/** The host name of a Host header, lower-cased, without its port (`[::1]:8737` → `::1`). */
export function hostName(header: string | undefined): string | null {
  if (!header) return null
  const h = header.trim().toLowerCase()
  const m = h.startsWith('[') ? /^\[([^\]]+)\](:\d+)?$/.exec(h) : /^([^:]+)(:\d+)?$/.exec(h)
  return m ? m[1]!.replace(/\.$/, '') : null
}

/**
 * The HTTP app: JSON API under /api/*, its OpenAPI 3.1 document at /openapi.json (generated from the
 * schemas that validate requests), and the offline web UI at /.
 * @example const res = await createApp(store).request('/api/events?type=CONSULT')
 */
export function createApp(machine: Store, opts: AppOptions = {}): Hono & { jobs: JobQueue } {
  const token = opts.token ?? null
  // every read sees the analysts' corrections laid over the machine output; ingest writes the machine output alone
  const store = correctedStore(machine)
  const runner = opts.ingest ?? defaultIngest(machine, opts.storeTarget)
  // while a job stores pages, reads keep the corpus index built before it (src/store/queries.ts holdIndex)
  const held: IngestRunner = async (input, onProgress) => { const release = holdIndex(store); try { return await runner(input, onProgress) } finally { release() } }
  const jobs = new JobQueue(held, () => invalidateIndex(store), opts.readOnly ? null : store)
  const ctx: RouteContext = { store, token, readOnly: opts.readOnly ?? false, jobs }
  const app = new OpenAPIHono({
    // a request that fails its schema is a 400 with the zod issues, in the same error shape as every other error
    defaultHook: (result) => {
      if (!result.success) throw new HttpError(400, 'E_BAD_REQUEST', `Expected a request matching the schema, got: ${result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`, { details: result.error.issues })
    },
  })
  app.use('*', async (c, next) => {
    await next()
    c.header('Content-Security-Policy', CSP)
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'no-referrer')
    c.header('X-Frame-Options', 'DENY')
  })
  // a page on another site whose name was made to resolve here (DNS rebinding) sends its own name as Host: refused
  const allowed = opts.allowedHosts ? new Set(opts.allowedHosts.map((h) => hostName(h) ?? h.toLowerCase())) : null
  if (allowed) app.use('*', async (c, next) => {
    const host = hostName(c.req.header('host'))
    if (!host || !allowed.has(host)) return refuse(c, 421, 'E_BAD_REQUEST', `Expected the Host header to name this server (${[...allowed].join(', ')}), got ${host ?? 'none'}`)
    return next()
  })
  // the token is checked before any body is read; then the body is capped (Content-Length at once, a chunked body while read)
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES
  const limit = bodyLimit({ maxSize: maxBody, onError: (c) => refuse(c, 413, 'E_BAD_REQUEST', `Expected a request body of at most ${maxBody} bytes, got more`) })
  app.use('/api/*', async (c, next) => {
    const read = c.req.method === 'GET' || c.req.method === 'HEAD'
    if (read) {
      if (opts.readToken && !bearerOk(c.req.header('authorization'), token)) return refuse(c, 401, 'E_UNAUTHORIZED', 'Expected `Authorization: Bearer <token>` (this server is not public), got a missing or wrong token')
      return next()
    }
    if (ctx.readOnly) return refuse(c, 403, 'E_READ_ONLY', 'Expected a writable server, got a read-only one')
    if (!token) {
      if (opts.localWrites && localWrite(c)) return limit(c, next)
      return refuse(c, 403, 'E_READ_ONLY', 'Expected the server to be started with a token, got none: writing over HTTP is off')
    }
    if (!bearerOk(c.req.header('authorization'), token)) return refuse(c, 401, 'E_UNAUTHORIZED', 'Expected `Authorization: Bearer <token>`, got a missing or wrong token')
    return limit(c, next)
  })
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' })
  for (const routes of [documentRoutes, eventRoutes, actorRoutes, corpusRoutes, searchRoutes, adminRoutes, watchlistRoutes, correctionRoutes]) routes(app, ctx)
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Dossier API', version: '0.1.0', description: 'Sourced news-intelligence records. Every fact carries a document id and a [start,end) UTF-16 span into that document\'s cleaned `text`.' },
  })
  mountStatic(app)
  app.notFound((c) => c.json(errorBody('E_NOT_FOUND', `Expected a known route, got ${c.req.method} ${c.req.path}`), 404))
  app.onError(errorResponse)
  return Object.assign(app as unknown as Hono, { jobs })
}

/** A correction written from this server's own pages (see AppOptions.localWrites): same origin, JSON. */
function localWrite(c: Context): boolean {
  if (!c.req.path.startsWith('/api/corrections')) return false
  if (c.req.method === 'POST' && !/^application\/json\b/i.test(c.req.header('content-type') ?? '')) return false
  const site = c.req.header('sec-fetch-site'), origin = c.req.header('origin')
  if (site && site !== 'same-origin' && site !== 'none') return false
  if (origin && origin !== `http://${c.req.header('host')}`) return false
  return true
}

/**
 * A refusal answered before the request body is read; the connection is closed after it, so an unread body
 * (an unauthenticated 200 MB upload) is never taken in.
 */
function refuse(c: Context, status: 401 | 403 | 413 | 421, code: 'E_UNAUTHORIZED' | 'E_READ_ONLY' | 'E_BAD_REQUEST', message: string): Response {
  const body = c.req.raw.body != null
  const res = c.json(errorBody(code, message), status)
  if (body) res.headers.set('connection', 'close')
  return res
}
