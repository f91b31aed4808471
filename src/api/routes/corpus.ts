import { createRoute, z } from '@hono/zod-openapi'
import { corpusIndex, eventPlaces, indexedStats, mostConnectedPair } from '../../store/queries.js'
import type { Api, RouteContext } from '../context.js'
import { notFound } from '../http-error.js'
import { ContradictionSchema, ErrorSchema, IdParam, json, OutletSchema, StoryEventSchema, StorySchema } from '../schemas.js'

const Stats = z.record(z.string(), z.number()).openapi('Stats')

/** Corpus-wide records: stories, contradictions, outlet profiles, the overview and the map. */
export function corpusRoutes(app: Api, ctx: RouteContext): void {
  app.openapi(createRoute({ method: 'get', path: '/api/stats', tags: ['corpus'], summary: 'Counts of what the store holds', responses: { 200: json(Stats, 'Counts') } }),
    async (c) => c.json((await ctx.store.stats()) as any, 200))
  app.openapi(createRoute({
    method: 'get', path: '/api/overview', tags: ['corpus'], summary: 'The corpus at a glance: counts, stories, outlets, the most connected pair',
    responses: { 200: json(z.object({ stats: Stats, stories: z.array(StorySchema.extend({ outlets: z.array(z.string()) })), outlets: z.array(z.string()), pair: z.array(z.string()).nullable() }).openapi('Overview'), 'Overview') },
  }), async (c) => {
    const ix = await corpusIndex(ctx.store)
    const outletsOf = (ids: readonly string[]) => [...new Set(ids.map((d) => ix.docs.get(d)?.outlet).filter((o): o is string => !!o))].sort()
    const stories = [...ix.stories].sort((a, b) => b.documents.length - a.documents.length || a.id.localeCompare(b.id)).map((s) => ({ ...s, outlets: outletsOf(s.documents) }))
    return c.json({ stats: await indexedStats(ctx.store), stories, outlets: outletsOf([...ix.docs.keys()]), pair: await mostConnectedPair(ctx.store) } as any, 200)
  })
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
  app.openapi(createRoute({ method: 'get', path: '/api/outlets', tags: ['corpus'], summary: 'Outlet framing profiles (loaded terms, tone)', responses: { 200: json(z.array(OutletSchema), 'Outlet profiles') } }),
    async (c) => c.json((await ctx.store.listCorpus('outlet')) as any, 200))
  app.openapi(createRoute({
    method: 'get', path: '/api/map', tags: ['corpus'], summary: 'Event locations joined to actors with coordinates (by name or alias)',
    responses: { 200: json(z.object({
      places: z.array(z.object({ name: z.string(), actor: z.string(), lat: z.number(), lon: z.number(), count: z.number(), events: z.array(z.object({ id: z.string(), type: z.string(), date: z.string().nullable(), doc: z.string(), outlet: z.string().nullable() })) })),
      unplaced: z.array(z.object({ location: z.string(), count: z.number() })),
    }).openapi('MapPlaces'), 'Places') },
  }), async (c) => c.json(await eventPlaces(ctx.store) as any, 200))
}
