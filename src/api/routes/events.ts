import { createRoute, z } from '@hono/zod-openapi'
import { actorName, corpusIndex, eventCard, eventRows } from '../../store/queries.js'
import { quadOf } from '../api.data.js'
import { page, withNames, type Api, type RouteContext } from '../context.js'
import { HttpError, notFound } from '../http-error.js'
import { pairEvents, topPair } from '../read/relations.js'
import { ErrorSchema, EventCardSchema, EventQuery, EventRowSchema, IdParam, json, PageQuery, pageOf } from '../schemas.js'

/** GET /api/events (filters), GET /api/events/{id} (the event card), GET /api/timeline (a page of the events between two actors). */
export function eventRoutes(app: Api, ctx: RouteContext): void {
  app.openapi(createRoute({
    method: 'get', path: '/api/events', tags: ['events'], summary: 'List event mentions with their evidence (sorted by date, then id)',
    request: { query: EventQuery },
    responses: { 200: json(pageOf(EventRowSchema, 'EventPage'), 'A page of events'), 400: json(ErrorSchema, 'Bad query') },
  }), async (c) => {
    const { limit, offset, pair, ...f } = c.req.valid('query')
    const filter = { ...f, pair: pair ? (pair.split(',') as [string, string]) : undefined }
    const p = await page(limit, offset, (l, o) => eventRows(ctx.store, { ...filter, limit: l, offset: o }))
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
    method: 'get', path: '/api/timeline', tags: ['events'], summary: 'A page of the events between two actors, either direction (default: the most connected pair), by date then id, paged by `limit` and `offset` (`total` counts them); a country includes its officials, bodies and places unless `expand=false`',
    request: { query: PageQuery.extend({ a: z.string().optional(), b: z.string().optional(), expand: z.enum(['true', 'false']).default('true').openapi({ description: 'Let a country stand for its members (actors affiliated to it, places in it)' }) }) },
    responses: {
      200: json(z.object({
        pair: z.array(z.object({ id: z.string(), name: z.string(), members: z.number().openapi({ description: 'Actors counted with this one (0 unless it is a country and expand is on)' }) })),
        events: z.array(EventRowSchema),
        limit: z.number().int(), offset: z.number().int(), next_offset: z.number().int().nullable(), total: z.number().int().openapi({ description: 'Events between the pair (every page)' }),
        story_events: z.record(z.string(), z.object({ date: z.string().nullable(), date_precision: z.string().nullable(), outlets: z.number() }))
          .openapi({ description: 'The story events of this page\'s rows: the date the sources agree on, and how many outlets report it' }),
      }).openapi('Timeline'), 'The pair and a page of its events'),
      400: json(ErrorSchema, 'Only one actor given, or a bad page'),
    },
  }), async (c) => {
    const q = c.req.valid('query')
    if (!!q.a !== !!q.b) throw new HttpError(400, 'E_BAD_REQUEST', 'Expected both `a` and `b`, or neither, got one')
    const top = q.a && q.b ? null : await topPair(ctx.store)
    const pair = q.a && q.b ? ([q.a, q.b] as const) : top ? ([top.a, top.b] as const) : null
    if (!pair) return c.json({ pair: [], events: [], limit: q.limit, offset: q.offset, next_offset: null, total: 0, story_events: {} }, 200)
    const { rows, total, members } = await pairEvents(ctx.store, pair[0], pair[1], q.expand === 'true', { limit: q.limit, offset: q.offset })
    const ix = await corpusIndex(ctx.store)
    const names = await Promise.all(pair.map(async (id, i) => ({ id, name: (await ctx.store.getActor(id))?.name ?? actorName(ix, id), members: members[i] })))
    const stories = Object.fromEntries([...new Set(rows.map((r) => r.story_event).filter((x): x is string => !!x))].flatMap((id) => {
      const se = ix.storyEvents.get(id)
      return se ? [[id, { date: se.date, date_precision: se.date_precision, outlets: new Set(se.members.map((m) => ix.docs.get(m.doc)?.outlet).filter(Boolean)).size }]] : []
    }))
    const next_offset = q.offset + q.limit < total ? q.offset + q.limit : null
    return c.json({ pair: names, events: await withNames(ctx.store, rows), limit: q.limit, offset: q.offset, next_offset, total, story_events: stories } as any, 200)
  })
}
