import { OpenAPIHono } from '@hono/zod-openapi'
import type { Hono } from 'hono'
import type { Store } from '../store/store.js'
import type { RouteContext } from './context.js'
import { errorBody, errorResponse, HttpError } from './http-error.js'
import { actorRoutes } from './routes/actors.js'
import { adminRoutes } from './routes/admin.js'
import { corpusRoutes } from './routes/corpus.js'
import { documentRoutes } from './routes/documents.js'
import { eventRoutes } from './routes/events.js'
import { searchRoutes } from './routes/search.js'
import { CSP, mountStatic } from './static.js'

/** The project's own ingest, loaded only when first used (it loads the reading pipeline). */
const defaultIngest = (store: Store) => async (paths: string[]) => (await import('../ingest/ingest.js')).ingest(store, paths)

/** Options of the HTTP app. Ingest over HTTP needs both `token` and `ingest`, and is refused when `readOnly`. */
export interface AppOptions { token?: string | null; readOnly?: boolean; ingest?: (paths: string[]) => Promise<unknown> }

/**
 * The HTTP app: JSON API under /api/*, its OpenAPI 3.1 document at /openapi.json (generated from the
 * schemas that validate requests), and the offline web UI at /.
 * @example const res = await createApp(store).request('/api/events?type=CONSULT')
 */
export function createApp(store: Store, opts: AppOptions = {}): Hono {
  const ctx: RouteContext = { store, token: opts.token ?? null, readOnly: opts.readOnly ?? false, ingest: opts.ingest ?? defaultIngest(store) }
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
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' })
  for (const routes of [documentRoutes, eventRoutes, actorRoutes, corpusRoutes, searchRoutes, adminRoutes]) routes(app, ctx)
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Dossier API', version: '0.1.0', description: 'Sourced news-intelligence records. Every fact carries a document id and a [start,end) UTF-16 span into that document\'s cleaned `text`.' },
  })
  mountStatic(app)
  app.notFound((c) => c.json(errorBody('E_NOT_FOUND', `Expected a known route, got ${c.req.method} ${c.req.path}`), 404))
  app.onError(errorResponse)
  return app as unknown as Hono
}
