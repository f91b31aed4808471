import { createRoute, z } from '@hono/zod-openapi'
import { corpusIndex } from '../../store/queries.js'
import { notFound } from '../http-error.js'
import { page, publicDocument, publicPath, withoutFolders, type Api, type RouteContext } from '../context.js'
import { DocumentSchema, DocumentSummarySchema, ErrorSchema, IdParam, json, PageQuery, pageOf } from '../schemas.js'

/** GET /api/documents, GET /api/documents/{id}: summaries, then one document with its cleaned text, every span and its messages. */
export function documentRoutes(app: Api, ctx: RouteContext): void {
  app.openapi(createRoute({
    method: 'get', path: '/api/documents', tags: ['documents'], summary: 'List documents (ingest order, then id)',
    request: { query: PageQuery.extend({ status: z.enum(['ok', 'rejected', 'all']).default('ok'), outlet: z.string().optional() }) },
    responses: { 200: json(pageOf(DocumentSummarySchema, 'DocumentPage'), 'A page of document summaries'), 400: json(ErrorSchema, 'Bad query') },
  }), async (c) => {
    const { limit, offset, status, outlet } = c.req.valid('query')
    const p = await page(limit, offset, (l, o) => ctx.store.listDocuments({ limit: l, offset: o, status, outlet }))
    // no response names a path on the server: the file name only, and no folder in a rejection's reason
    return c.json({ ...p, items: p.items.map((d) => ({ ...d, path: publicPath(d.path), reason: withoutFolders(d.reason, d.path) })) } as any, 200)
  })
  app.openapi(createRoute({
    method: 'get', path: '/api/documents/{id}', tags: ['documents'], summary: 'One document: cleaned text, spans of every fact, messages',
    request: { params: IdParam('d_0123456789abcdef') },
    responses: { 200: json(DocumentSchema, 'The document record'), 404: json(ErrorSchema, 'No such document') },
  }), async (c) => {
    const { id } = c.req.valid('param')
    const doc = await ctx.store.getDocument(id)
    if (!doc) throw notFound('document', id)
    // every event says who alleges it and what coded it, null when the record does not (records stored before the fields existed)
    const events = doc.events.map((e) => ({ ...e, reported_by: e.reported_by ?? null, produced_by: e.produced_by ?? null }))
    // so does every quote, claim and framing term (what produced it)
    const made = <T extends { produced_by?: unknown }>(x: T) => ({ ...x, produced_by: x.produced_by ?? null })
    const quotes = doc.quotes.map(made), claims = doc.claims.map(made), framing = doc.framing.map(made)
    // a duplicate is named by its title and outlet, so no reader has to read a document id
    const ix = doc.duplicates?.length ? await corpusIndex(ctx.store) : null
    const duplicates = doc.duplicates?.map((x) => { const o = ix!.docs.get(x.doc); return { ...x, title: o?.title ?? null, outlet: o?.outlet ?? null } })
    return c.json(publicDocument({ ...doc, events, quotes, claims, framing, ...(duplicates ? { duplicates } : {}) }) as any, 200)
  })
}
