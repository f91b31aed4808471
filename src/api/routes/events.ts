import { createRoute, z } from '@hono/zod-openapi'
import { eventCard, mostConnectedPair } from '../../store/queries.js'
import { quadOf } from '../api.data.js'
import { page, withNames, type Api, type RouteContext } from '../context.js'
import { HttpError, notFound } from '../http-error.js'
import { ErrorSchema, EventCardSchema, EventQuery, EventRowSchema, IdParam, json, pageOf } from '../schemas.js'

/** GET /api/events (filters), GET /api/events/{id} (the event card), GET /api/timeline (events between two actors). */
export function eventRoutes(app: Api, ctx: RouteContext): void {
  app.openapi(createRoute({
    method: 'get', path: '/api/events', tags: ['events'], summary: 'List event mentions with their evidence (sorted by date, then id)',
    request: { query: EventQuery },
    responses: { 200: json(pageOf(EventRowSchema, 'EventPage'), 'A page of events'), 400: json(ErrorSchema, 'Bad query') },
  }), async (c) => {
    const { limit, offset, pair, ...f } = c.req.valid('query')
    const filter = { ...f, pair: pair ? (pair.split(',') as [string, string]) : undefined }
    const p = await page(limit, offset, (l, o) => ctx.store.listEvents({ ...filter, limit: l, offset: o }))
    return c.json({ ...p, items: await withNames(ctx.store, p.items) } as any, 200)
  })
  app.openapi(createRoute({
    method: 'get', path: '/api/events/{id}', tags: ['events'], summary: 'Event card: the event, every source sentence with its spans, copies and contradictions',
    request: { params: IdParam('ev_0001') },
    responses: { 200: json(EventCardSchema, 'The event card'), 404: json(ErrorSchema, 'No such event') },
  }), async (c) => {
    const { id } = c.req.valid('param')
    const card = await eventCard(ctx.store, id)
    if (!card) throw notFound('event', id)
    return c.json({ ...card, event: { ...card.event, quad: quadOf(card.event.type) } } as any, 200)
  })
  app.openapi(createRoute({
    method: 'get', path: '/api/timeline', tags: ['events'], summary: 'Events between two actors (default: the two most connected)',
    request: { query: z.object({ a: z.string().optional(), b: z.string().optional() }) },
    responses: {
      200: json(z.object({ pair: z.array(z.object({ id: z.string(), name: z.string() })), events: z.array(EventRowSchema) }).openapi('Timeline'), 'The pair and its events'),
      400: json(ErrorSchema, 'Only one actor given'),
    },
  }), async (c) => {
    const q = c.req.valid('query')
    if (!!q.a !== !!q.b) throw new HttpError(400, 'E_BAD_REQUEST', 'Expected both `a` and `b`, or neither, got one')
    const pair = q.a && q.b ? ([q.a, q.b] as [string, string]) : await mostConnectedPair(ctx.store)
    if (!pair) return c.json({ pair: [], events: [] }, 200)
    const rows = await withNames(ctx.store, await ctx.store.listEvents({ pair, limit: 5000 }))
    const names = await Promise.all(pair.map(async (id) => ({ id, name: (await ctx.store.getActor(id))?.name ?? id })))
    return c.json({ pair: names, events: rows } as any, 200)
  })
}
