import { createRoute, z } from '@hono/zod-openapi'
import { corpusIndex } from '../../store/queries.js'
import { eventPlaces } from '../read/places.js'
import type { Api, RouteContext } from '../context.js'
import { notFound } from '../http-error.js'
import { claimGroups } from '../read/claims.js'
import { overview } from '../read/overview.js'
import { ClaimGroupSchema, ContradictionSchema, ErrorSchema, IdParam, json, OutletSchema, OverviewSchema, provenance, StoryEventSchema, StorySchema } from '../schemas.js'

const Stats = z.record(z.string(), z.number()).openapi('Stats')

/** Corpus-wide records: stories, contradictions, outlet profiles, the overview and the map. */
export function corpusRoutes(app: Api, ctx: RouteContext): void {
  app.openapi(createRoute({ method: 'get', path: '/api/stats', tags: ['corpus'], summary: 'Counts of what the store holds', responses: { 200: json(Stats, 'Counts') } }),
    async (c) => c.json((await ctx.store.stats()) as any, 200))
  app.openapi(createRoute({
    method: 'get', path: '/api/overview', tags: ['corpus'], summary: 'The corpus at a glance: counts, stories, date range, the most widely reported events, the most connected pair',
    responses: { 200: json(OverviewSchema, 'Overview') },
  }), async (c) => c.json(await overview(ctx.store) as any, 200))
  app.openapi(createRoute({ method: 'get', path: '/api/stories', tags: ['corpus'], summary: 'Stories (documents about one story)', responses: { 200: json(z.array(StorySchema), 'Stories') } }),
    async (c) => c.json((await ctx.store.listCorpus('story')) as any, 200))
  app.openapi(createRoute({
    method: 'get', path: '/api/stories/{id}', tags: ['corpus'], summary: 'One story with its story events',
    request: { params: IdParam('st_0001') },
    responses: { 200: json(z.object({ story: StorySchema, story_events: z.array(StoryEventSchema) }).openapi('StoryDetail'), 'The story'), 404: json(ErrorSchema, 'No such story') },
  }), async (c) => {
    const { id } = c.req.valid('param')
    const ix = await corpusIndex(ctx.store)
    const story = ix.stories.find((s) => s.id === id)
    if (!story) throw notFound('story', id)
    return c.json({ story, story_events: story.story_events.map((e) => ix.storyEvents.get(e)).filter(Boolean) } as any, 200)
  })
  app.openapi(createRoute({ method: 'get', path: '/api/contradictions', tags: ['corpus'], summary: 'Claims that disagree, each member with its outlet and evidence span', responses: { 200: json(z.array(ContradictionSchema), 'Contradictions') } }),
    async (c) => {
      const ix = await corpusIndex(ctx.store)
      return c.json(ix.contradictions.map((x) => ({ ...x, members: x.members.map((m) => ({ ...m, outlet: ix.docs.get(m.doc)?.outlet ?? null, title: ix.docs.get(m.doc)?.title ?? null })) })) as any, 200)
    })
  app.openapi(createRoute({ method: 'get', path: '/api/claims', tags: ['corpus'], summary: 'Numeric claims grouped by unit: each distinct value with the pages that give it, and every claim with its evidence span', responses: { 200: json(z.array(ClaimGroupSchema), 'Claims by unit') } }),
    async (c) => c.json(await claimGroups(ctx.store) as any, 200))
  app.openapi(createRoute({ method: 'get', path: '/api/outlets', tags: ['corpus'], summary: 'Outlet framing profiles (loaded terms, tone)', responses: { 200: json(z.array(OutletSchema), 'Outlet profiles') } }),
    async (c) => c.json((await ctx.store.listCorpus('outlet')) as any, 200))
  app.openapi(createRoute({
    method: 'get', path: '/api/map', tags: ['corpus'], summary: 'Event locations joined to actors with coordinates (by name or alias)',
    responses: { 200: json(z.object({
      places: z.array(z.object({ name: z.string(), actor: z.string(), lat: z.number(), lon: z.number(), count: z.number(), events: z.array(z.object({ id: z.string(), type: z.string(), date: z.string().nullable(), doc: z.string(), outlet: z.string().nullable(), ...provenance })) })),
      unplaced: z.array(z.object({ location: z.string(), count: z.number() })),
    }).openapi('MapPlaces'), 'Places') },
  }), async (c) => c.json(await eventPlaces(ctx.store) as any, 200))
}
