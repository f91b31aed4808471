import { createRoute, z } from '@hono/zod-openapi'
import { corpusIndex, indexedStats } from '../../store/queries.js'
import { MAX_PAGE } from '../api.data.js'
import { eventPlaces } from '../read/places.js'
import type { Api, RouteContext } from '../context.js'
import { notFound } from '../http-error.js'
import { claimGroups } from '../read/claims.js'
import { overview } from '../read/overview.js'
import { ClaimGroupSchema, ContradictionSchema, ErrorSchema, IdParam, json, OutletSchema, OverviewSchema, PageQuery, provenance, slicePage, StoryEventSchema, StorySchema, totalPageOf } from '../schemas.js'

const Stats = z.record(z.string(), z.number()).openapi('Stats')

/** Corpus-wide records: stories, contradictions, outlet profiles, the overview and the map. */
export function corpusRoutes(app: Api, ctx: RouteContext): void {
  // the counts taken when the corpus index was built (after every write; while an ingest job runs, as before it, like every read)
  app.openapi(createRoute({ method: 'get', path: '/api/stats', tags: ['corpus'], summary: 'Counts of what the store holds (as of the corpus index every read uses)', responses: { 200: json(Stats, 'Counts') } }),
    async (c) => c.json((await indexedStats(ctx.store)) as any, 200))
  app.openapi(createRoute({
    method: 'get', path: '/api/overview', tags: ['corpus'], summary: 'The corpus at a glance: counts, stories, date range, the most widely reported events, the most connected pair',
    responses: { 200: json(OverviewSchema, 'Overview') },
  }), async (c) => c.json(await overview(ctx.store) as any, 200))
  app.openapi(createRoute({ method: 'get', path: '/api/stories', tags: ['corpus'], summary: 'Stories (documents about one story), by id', request: { query: PageQuery },
    responses: { 200: json(totalPageOf(StorySchema, 'StoryPage'), 'A page of stories'), 400: json(ErrorSchema, 'Bad query') } }),
    async (c) => { const { limit, offset } = c.req.valid('query'); return c.json(slicePage((await corpusIndex(ctx.store)).stories, limit, offset) as any, 200) })
  app.openapi(createRoute({
    method: 'get', path: '/api/stories/{id}', tags: ['corpus'], summary: 'One story with a page of its story events (`limit`, `offset`; `story_event_total` counts them)',
    request: { params: IdParam('st_0001'), query: PageQuery },
    responses: { 200: json(z.object({ story: StorySchema, story_events: z.array(StoryEventSchema), limit: z.number().int(), offset: z.number().int(), next_offset: z.number().int().nullable(), story_event_total: z.number().int() }).openapi('StoryDetail'), 'The story'), 404: json(ErrorSchema, 'No such story') },
  }), async (c) => {
    const { id } = c.req.valid('param')
    const { limit, offset } = c.req.valid('query')
    const ix = await corpusIndex(ctx.store)
    const story = ix.stories.find((s) => s.id === id)
    if (!story) throw notFound('story', id)
    const all = story.story_events.map((e) => ix.storyEvents.get(e)).filter(Boolean)
    const { items, total, ...p } = slicePage(all, limit, offset)
    return c.json({ story, story_events: items, ...p, story_event_total: total } as any, 200)
  })
  app.openapi(createRoute({ method: 'get', path: '/api/contradictions', tags: ['corpus'], summary: 'Claims that disagree, each member with its outlet and evidence span', request: { query: PageQuery },
    responses: { 200: json(totalPageOf(ContradictionSchema, 'ContradictionPage'), 'A page of contradictions'), 400: json(ErrorSchema, 'Bad query') } }),
    async (c) => {
      const { limit, offset } = c.req.valid('query')
      const ix = await corpusIndex(ctx.store)
      const p = slicePage(ix.contradictions, limit, offset)
      return c.json({ ...p, items: p.items.map((x) => ({ ...x, members: x.members.map((m) => ({ ...m, outlet: ix.docs.get(m.doc)?.outlet ?? null, title: ix.docs.get(m.doc)?.title ?? null })) })) } as any, 200)
    })
  app.openapi(createRoute({ method: 'get', path: '/api/claims', tags: ['corpus'], summary: 'Numeric claims grouped by unit (largest group first): each distinct value with the pages that give it, and the claims with their evidence spans',
    request: { query: PageQuery.extend({ per_unit: z.coerce.number().int().min(1).max(MAX_PAGE).default(20).openapi({ description: 'Most claims listed per unit (`claim_count` gives them all; default 20, so a default page of 50 units stays about half a megabyte)' }) }) },
    responses: { 200: json(totalPageOf(ClaimGroupSchema, 'ClaimGroupPage'), 'A page of units'), 400: json(ErrorSchema, 'Bad query') } }),
    async (c) => {
      const { limit, offset, per_unit } = c.req.valid('query')
      const p = slicePage(await claimGroups(ctx.store), limit, offset)
      return c.json({ ...p, items: p.items.map((g) => ({ ...g, claim_count: g.claims.length, claims: g.claims.slice(0, per_unit) })) } as any, 200)
    })
  app.openapi(createRoute({ method: 'get', path: '/api/outlets', tags: ['corpus'], summary: 'Outlet framing profiles (loaded terms, tone), by id', request: { query: PageQuery },
    responses: { 200: json(totalPageOf(OutletSchema, 'OutletPage'), 'A page of outlet profiles'), 400: json(ErrorSchema, 'Bad query') } }),
    async (c) => { const { limit, offset } = c.req.valid('query'); return c.json(slicePage(await ctx.store.listCorpus('outlet'), limit, offset) as any, 200) })
  app.openapi(createRoute({
    method: 'get', path: '/api/map', tags: ['corpus'], summary: 'Event locations joined to actors with coordinates (by name or alias), most events first, paged by `limit` and `offset`; locations without coordinates paged apart',
    request: { query: PageQuery.extend({
      unplaced_limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(100).openapi({ description: 'Most locations without coordinates listed' }),
      unplaced_offset: z.coerce.number().int().min(0).default(0),
    }) },
    responses: { 200: json(z.object({
      places: z.array(z.object({ name: z.string(), actor: z.string(), lat: z.number(), lon: z.number(), count: z.number(), events: z.array(z.object({ id: z.string(), type: z.string(), date: z.string().nullable(), doc: z.string(), outlet: z.string().nullable(), ...provenance })).openapi({ description: 'The first 25 of the place\'s `count` events' }) })),
      limit: z.number().int(), offset: z.number().int(), next_offset: z.number().int().nullable(), total: z.number().int().openapi({ description: 'Places with coordinates' }),
      events: z.number().int().openapi({ description: 'Event mentions at all places with coordinates' }),
      unplaced: z.array(z.object({ location: z.string(), count: z.number() })),
      unplaced_offset: z.number().int(), unplaced_next_offset: z.number().int().nullable(), unplaced_total: z.number().int(),
    }).openapi('MapPlaces'), 'A page of places'), 400: json(ErrorSchema, 'Bad query') },
  }), async (c) => {
    const q = c.req.valid('query')
    return c.json(await eventPlaces(ctx.store, { limit: q.limit, offset: q.offset, unplacedLimit: q.unplaced_limit, unplacedOffset: q.unplaced_offset }) as any, 200)
  })
}
