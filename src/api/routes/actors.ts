import { createRoute, z } from '@hono/zod-openapi'
import { ACTOR_PAGE_MAX, actorNetwork, actorPage, eventRows } from '../../store/queries.js'
import { MAX_PAGE } from '../api.data.js'
import { page, withNames, type Api, type RouteContext } from '../context.js'
import { notFound } from '../http-error.js'
import { ActorSchema, ErrorSchema, EventRowSchema, IdParam, json, PageQuery, pageOf, ProducedBySchema } from '../schemas.js'

const Quote = z.object({ doc: z.string(), outlet: z.string().nullable(), title: z.string().nullable(), published: z.string().nullable(), id: z.string(), start: z.number(), end: z.number(), text: z.string(), produced_by: ProducedBySchema })
const ActorPage = z.object({
  actor: ActorSchema, quotes: z.array(Quote), events: z.array(EventRowSchema),
  mentions: z.array(z.object({ doc: z.string(), outlet: z.string().nullable(), start: z.number(), end: z.number(), text: z.string() })),
  counterparts: z.array(z.object({ actor: z.string(), name: z.string(), events: z.number() })),
  limit: z.number().int(), offset: z.number().int(),
  next_offset: z.number().int().nullable().openapi({ description: 'The offset of the next page when any of the four lists has more, else null' }),
  totals: z.object({ quotes: z.number().int(), events: z.number().int(), mentions: z.number().int(), counterparts: z.number().int() }).openapi({ description: 'The length of each list (every page shows items [offset, offset + limit) of each)' }),
}).openapi('ActorPage')
const Network = z.object({
  nodes: z.array(z.object({ id: z.string(), name: z.string(), type: z.string().nullable(), events: z.number() })),
  edges: z.array(z.object({ source: z.string(), target: z.string(), weight: z.number(), types: z.record(z.string(), z.number()) })),
  limit: z.number().int(), offset: z.number().int(), next_offset: z.number().int().nullable(), total: z.number().int().openapi({ description: 'Directed edges in the whole network' }),
}).openapi('Network')

/** Actors (aliases, dated roles, mentions, quotes, events) and the actor network. */
export function actorRoutes(app: Api, ctx: RouteContext): void {
  app.openapi(createRoute({
    method: 'get', path: '/api/actors', tags: ['actors'], summary: 'List actors (by name), with mention and event counts',
    request: { query: PageQuery.extend({ q: z.string().max(200).optional().openapi({ description: 'Name contains (case-insensitive)' }) }) },
    responses: { 200: json(pageOf(ActorSchema, 'ActorList'), 'A page of actors'), 400: json(ErrorSchema, 'Bad query') },
  }), async (c) => {
    const { limit, offset, q } = c.req.valid('query')
    return c.json(await page(limit, offset, (l, o) => ctx.store.listActors({ limit: l, offset: o, q })) as any, 200)
  })
  app.openapi(createRoute({
    method: 'get', path: '/api/actors/{id}', tags: ['actors'], summary: 'Actor page: aliases, dated roles, and its quotes, mentions, events and counterparts, each list paged by `limit` and `offset` (`totals` gives their lengths)',
    request: { params: IdParam('a_0001'), query: z.object({
      limit: z.coerce.number().int().min(1).max(ACTOR_PAGE_MAX).default(100).openapi({ param: { name: 'limit', in: 'query' }, description: 'Most items of each list', example: 100 }),
      offset: z.coerce.number().int().min(0).default(0).openapi({ param: { name: 'offset', in: 'query' }, example: 0 }),
    }) },
    responses: { 200: json(ActorPage, 'The actor page'), 404: json(ErrorSchema, 'No such actor') },
  }), async (c) => {
    const { id } = c.req.valid('param')
    const { limit, offset } = c.req.valid('query')
    const p = await actorPage(ctx.store, id, { limit, offset })
    if (!p) throw notFound('actor', id)
    const events = await withNames(ctx.store, await eventRows(ctx.store, { actor: id, limit, offset }))
    return c.json({ ...p, events } as any, 200)
  })
  app.openapi(createRoute({
    method: 'get', path: '/api/network', tags: ['actors'], summary: 'Who acts on whom: a page of the directed edges, heaviest first (weighted by events; `limit`, default 200, and `offset`; `total` counts them), with the actors they join',
    request: { query: PageQuery.extend({ limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(200).openapi({ param: { name: 'limit', in: 'query' }, example: 200 }) }) },
    responses: { 200: json(Network, 'A page of edges and their actors'), 400: json(ErrorSchema, 'Bad query') },
  }), async (c) => { const { limit, offset } = c.req.valid('query'); return c.json(await actorNetwork(ctx.store, { limit, offset }) as any, 200) })
}
