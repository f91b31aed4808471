import { createRoute, z } from '@hono/zod-openapi'
import { searchFacets } from '../read/search.js'
import type { Api, RouteContext } from '../context.js'
import { ErrorSchema, json, PageQuery } from '../schemas.js'

const Facet = z.array(z.object({ value: z.string(), count: z.number() }))
const SearchResult = z.object({
  total: z.number(), limit: z.number(), offset: z.number(), next_offset: z.number().nullable(),
  items: z.array(z.object({ doc_id: z.string(), title: z.string().nullable(), outlet: z.string().nullable(), published: z.string().nullable(),
    date_inferred: z.string().nullable().openapi({ description: 'an undated page: the date the analysis inferred for it' }), start: z.number(), end: z.number(), text: z.string(),
    mention: z.object({ start: z.number(), end: z.number() }).optional().openapi({ description: 'a sentence found because it names an actor the needle names: the mention' }) })),
  facets: z.object({ outlet: Facet, year: Facet.openapi({ description: 'publication year, else the inferred year, else `undated`' }) }),
  actors: z.array(z.object({ id: z.string(), name: z.string(), how: z.enum(['spelling', 'sound']) })).openapi({ description: 'actors the needle names under another spelling (their pages are hits too)' }),
}).openapi('SearchResult')

/** GET /api/search: full-text search over cleaned text; each hit is the sentence holding the match, with its span. */
export function searchRoutes(app: Api, ctx: RouteContext): void {
  app.openapi(createRoute({
    method: 'get', path: '/api/search', tags: ['search'], summary: 'Full-text search with outlet and year facets',
    request: { query: PageQuery.extend({ q: z.string().min(1).max(200), outlet: z.string().optional(), year: z.string().regex(/^(?:\d{4}|undated)$/).optional() }) },
    responses: { 200: json(SearchResult, 'Hits and facets'), 400: json(ErrorSchema, 'Bad query') },
  }), async (c) => {
    const { q, outlet, year, limit, offset } = c.req.valid('query')
    const r = await searchFacets(ctx.store, q, { outlet, year, limit, offset })
    return c.json({ ...r, limit, offset, next_offset: offset + limit < r.total ? offset + limit : null }, 200)
  })
}
