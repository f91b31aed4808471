import { createRoute, z } from '@hono/zod-openapi'
import type { WatchlistSummary } from '../../store/watchlists.js'
import { atomFeed, createWatchlist, describeQuery, normalizeQuery, publicHit, WatchlistNameSchema, WatchlistQuerySchema } from '../../watchlists/index.js'
import { FEED_ENTRIES } from '../../watchlists/watchlists.data.js'
import type { Api, RouteContext } from '../context.js'
import { notFound } from '../http-error.js'
import { MAX_PAGE } from '../api.data.js'
import { ErrorSchema, IdParam, json, PageQuery, totalPageOf } from '../schemas.js'

const Webhook = z.object({ url: z.string(), allow_loopback: z.boolean() })
const WatchlistSchema = z.object({
  id: z.string(), name: z.string(), description: z.string().openapi({ description: 'the query in words' }), query: WatchlistQuerySchema, webhook: Webhook.nullable(),
  created_at: z.string(), seen_at: z.string().openapi({ description: 'hits found after this are new' }), hits: z.number(), new_hits: z.number(),
  deliveries: z.object({ pending: z.number(), delivered: z.number(), failed: z.number() }),
  feed: z.string().openapi({ description: 'the path of its Atom feed' }),
}).openapi('Watchlist')
const Hit = z.object({
  key: z.string().openapi({ description: 'stable across re-ingest and re-analysis (page, type, evidence sentence, trigger)' }), kind: z.enum(['event', 'contradiction']),
  found_at: z.string(), baseline: z.boolean().openapi({ description: 'already there when the watchlist was made: in the feed, never sent to the webhook' }), title: z.string(),
  links: z.object({ view: z.string().openapi({ description: 'the UI route of the fact' }), api: z.string().optional() }),
}).passthrough().openapi('WatchlistHit')
const Attempt = z.object({ at: z.string(), status: z.number().nullable(), error: z.string().nullable(), ms: z.number() })
const Delivery = z.object({
  id: z.string(), created_at: z.string(), status: z.enum(['pending', 'delivered', 'failed']), attempts: z.number(), next_at: z.string(), last_error: z.string().nullable(),
  delivered_at: z.string().nullable(), hits: z.number(), attempts_log: z.array(Attempt),
}).openapi('WatchlistDelivery')
const CreateBody = z.strictObject({
  name: WatchlistNameSchema, query: WatchlistQuerySchema,
  webhook: z.strictObject({ url: z.string().max(2048).regex(/^https?:\/\/\S+$/i, 'Expected an http(s) URL'), allow_loopback: z.boolean().default(false)
    .openapi({ description: 'let the webhook reach a receiver on this machine (loopback); other private addresses are always refused' }) }).nullable().default(null),
}).openapi('WatchlistIn')

const shown = (w: WatchlistSummary) => ({ ...w, description: describeQuery(w.query), feed: `/api/watchlists/${encodeURIComponent(w.id)}/feed.atom` })

/**
 * Watchlists (issue #16): list, create (its baseline matched at once), delete, mark seen, their hits, their Atom
 * feed and their webhook delivery log. Writes need the token like every other write (src/api/app.ts).
 */
export function watchlistRoutes(app: Api, ctx: RouteContext): void {
  const find = (id: string) => ctx.store.watchlists.summary(id)
  app.openapi(createRoute({
    method: 'get', path: '/api/watchlists', tags: ['watchlists'], summary: 'A page of the watchlists (oldest first), each with its hits, the hits found since it was last seen, and its webhook deliveries',
    request: { query: PageQuery },
    responses: { 200: json(totalPageOf(WatchlistSchema, 'WatchlistList'), 'A page of watchlists, oldest first'), 400: json(ErrorSchema, 'Bad query') },
  }), async (c) => {
    const { limit, offset } = c.req.valid('query')
    const [items, total] = await Promise.all([ctx.store.watchlists.list({ limit, offset }), ctx.store.watchlists.count()])
    return c.json({ items: items.map(shown), limit, offset, next_offset: offset + limit < total ? offset + limit : null, total } as any, 200)
  })
  app.openapi(createRoute({
    method: 'post', path: '/api/watchlists', tags: ['watchlists'], security: [{ bearer: [] }],
    summary: 'Save a query as a watchlist (needs the token); what the store already holds becomes its baseline (in its feed, never sent to its webhook)',
    request: { body: { content: { 'application/json': { schema: CreateBody } }, required: true } },
    responses: { 201: json(WatchlistSchema, 'The watchlist'), 400: json(ErrorSchema, 'Bad body'), 401: json(ErrorSchema, 'Missing or wrong token'), 403: json(ErrorSchema, 'Read-only server, or no token configured') },
  }), async (c) => {
    const b = c.req.valid('json')
    const w = await createWatchlist(ctx.store, { name: b.name, query: normalizeQuery(b.query), webhook: b.webhook ? { url: b.webhook.url, allow_loopback: b.webhook.allow_loopback } : null })
    c.header('Location', `/api/watchlists/${w.id}`)
    return c.json(shown(w) as any, 201)
  })
  app.openapi(createRoute({
    method: 'get', path: '/api/watchlists/{id}', tags: ['watchlists'], summary: 'A watchlist and a page of its hits, newest first (`limit`, default 100, and `offset`; `hit_total` counts them)',
    request: { params: IdParam('wl_0123456789ab'), query: PageQuery.extend({
      limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(100).openapi({ param: { name: 'limit', in: 'query' }, example: 100 }),
      new: z.enum(['true', 'false']).default('false').openapi({ description: 'only the hits found since it was last seen' }),
    }) },
    responses: { 200: json(z.object({ watchlist: WatchlistSchema, hits: z.array(Hit), limit: z.number().int(), offset: z.number().int(), next_offset: z.number().int().nullable(),
      hit_total: z.number().int().openapi({ description: 'Its hits (with `new=true`, its new hits)' }) }).openapi('WatchlistPage'), 'The watchlist and a page of its hits'), 400: json(ErrorSchema, 'Bad query'), 404: json(ErrorSchema, 'No such watchlist') },
  }), async (c) => {
    const { id } = c.req.valid('param'), q = c.req.valid('query')
    const w = await find(id)
    if (!w) throw notFound('watchlist', id)
    const onlyNew = q.new === 'true', total = onlyNew ? w.new_hits : w.hits
    const hits = (await ctx.store.watchlists.hits(id, { limit: q.limit, offset: q.offset, onlyNew })).map(publicHit)
    return c.json({ watchlist: shown(w), hits, limit: q.limit, offset: q.offset, next_offset: q.offset + q.limit < total ? q.offset + q.limit : null, hit_total: total } as any, 200)
  })
  app.openapi(createRoute({
    method: 'delete', path: '/api/watchlists/{id}', tags: ['watchlists'], security: [{ bearer: [] }], summary: 'Delete a watchlist with its hits and deliveries (needs the token)',
    request: { params: IdParam('wl_0123456789ab') },
    responses: { 200: json(z.object({ deleted: z.string() }), 'Deleted'), 401: json(ErrorSchema, 'Missing or wrong token'), 404: json(ErrorSchema, 'No such watchlist') },
  }), async (c) => {
    const { id } = c.req.valid('param')
    if (!(await ctx.store.watchlists.remove(id))) throw notFound('watchlist', id)
    return c.json({ deleted: id }, 200)
  })
  app.openapi(createRoute({
    method: 'post', path: '/api/watchlists/{id}/seen', tags: ['watchlists'], security: [{ bearer: [] }], summary: 'Mark every hit found so far as seen (needs the token)',
    request: { params: IdParam('wl_0123456789ab') },
    responses: { 200: json(WatchlistSchema, 'The watchlist, with no new hits'), 401: json(ErrorSchema, 'Missing or wrong token'), 404: json(ErrorSchema, 'No such watchlist') },
  }), async (c) => {
    const { id } = c.req.valid('param')
    if (!(await ctx.store.watchlists.markSeen(id))) throw notFound('watchlist', id)
    return c.json(shown((await find(id))!) as any, 200)
  })
  app.openapi(createRoute({
    method: 'get', path: '/api/watchlists/{id}/deliveries', tags: ['watchlists'], summary: 'A page of the webhook delivery log, newest first: each delivery with every attempt (time, HTTP status, error)',
    request: { params: IdParam('wl_0123456789ab'), query: PageQuery },
    responses: { 200: json(totalPageOf(Delivery, 'WatchlistDeliveryPage'), 'A page of deliveries, newest first'), 400: json(ErrorSchema, 'Bad query'), 404: json(ErrorSchema, 'No such watchlist') },
  }), async (c) => {
    const { id } = c.req.valid('param'), { limit, offset } = c.req.valid('query')
    const w = await find(id)
    if (!w) throw notFound('watchlist', id)
    const total = w.deliveries.pending + w.deliveries.delivered + w.deliveries.failed
    const items = (await ctx.store.watchlists.deliveries(id, { limit, offset })).map(({ payload, watchlist_id: _w, ...d }) => ({ ...d, hits: (JSON.parse(payload).hits ?? []).length }))
    return c.json({ items, limit, offset, next_offset: offset + limit < total ? offset + limit : null, total } as any, 200)
  })
  app.openapi(createRoute({
    method: 'get', path: '/api/watchlists/{id}/feed.atom', tags: ['watchlists'], summary: `The watchlist's hits as an Atom 1.0 feed (the latest ${FEED_ENTRIES}, newest first); entries link to the UI`,
    request: { params: IdParam('wl_0123456789ab') },
    responses: { 200: { description: 'Atom 1.0', content: { 'application/atom+xml': { schema: z.string() } } }, 404: json(ErrorSchema, 'No such watchlist') },
  }), async (c) => {
    const { id } = c.req.valid('param')
    const w = await ctx.store.watchlists.get(id)
    if (!w) throw notFound('watchlist', id)
    const hits = await ctx.store.watchlists.hits(id, { limit: FEED_ENTRIES })
    return new Response(atomFeed(w, hits, new URL(c.req.url).origin), { status: 200, headers: { 'content-type': 'application/atom+xml; charset=utf-8' } }) as any
  })
}
