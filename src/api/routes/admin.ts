import { timingSafeEqual } from 'node:crypto'
import { createRoute, z } from '@hono/zod-openapi'
import { csvCell, exportRecords } from '../../export/export.js'
import { invalidateIndex } from '../../store/queries.js'
import type { Api, RouteContext } from '../context.js'
import { HttpError } from '../http-error.js'
import { ErrorSchema, json } from '../schemas.js'

const CSV_COLUMNS = ['id', 'doc_id', 'outlet', 'story_event', 'type', 'mode', 'source_actor', 'target_actor', 'date', 'date_precision', 'location', 'start', 'end', 'text'] as const

/** True when the header carries exactly the configured bearer token (constant-time comparison). */
export function bearerOk(header: string | undefined, token: string | null): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false
  const a = Buffer.from(header.slice(7)), b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** POST /api/ingest (token only, never when read-only) and GET /api/export (JSON Lines or events CSV). */
export function adminRoutes(app: Api, ctx: RouteContext): void {
  app.openapi(createRoute({
    method: 'post', path: '/api/ingest', tags: ['admin'], summary: 'Ingest files or folders on the server (needs `Authorization: Bearer <token>`)',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: z.object({ paths: z.array(z.string().min(1)).min(1).max(1000) }).openapi('IngestRequest') } }, required: true } },
    responses: {
      200: json(z.object({ summary: z.unknown() }).openapi('IngestResult'), 'Ingest summary'),
      401: json(ErrorSchema, 'Missing or wrong token'), 403: json(ErrorSchema, 'Read-only server or ingest disabled'),
    },
  }), async (c) => {
    if (ctx.readOnly) throw new HttpError(403, 'E_READ_ONLY', 'Expected a writable server, got a read-only one (bind to loopback or give a token)')
    if (!ctx.token || !ctx.ingest) throw new HttpError(403, 'E_READ_ONLY', 'Expected the server to be started with a token, got none: ingest over HTTP is off')
    if (!bearerOk(c.req.header('authorization'), ctx.token)) throw new HttpError(401, 'E_UNAUTHORIZED', 'Expected `Authorization: Bearer <token>`, got a missing or wrong token')
    const { paths } = c.req.valid('json')
    const summary = await ctx.ingest(paths)
    invalidateIndex(ctx.store)
    return c.json({ summary } as any, 200)
  })
  app.openapi(createRoute({
    method: 'get', path: '/api/export', tags: ['admin'], summary: 'Export: every record as JSON Lines, or the events as CSV',
    request: { query: z.object({ format: z.enum(['jsonl', 'csv']).default('jsonl') }) },
    responses: { 200: { description: 'The export', content: { 'application/x-ndjson': { schema: z.string() }, 'text/csv': { schema: z.string() } } }, 400: json(ErrorSchema, 'Bad format') },
  }), async (c) => {
    const { format } = c.req.valid('query')
    const enc = new TextEncoder()
    const store = ctx.store
    const lines: AsyncGenerator<string> = format === 'csv'
      ? (async function* () { yield CSV_COLUMNS.join(',') + '\r\n'; for (const r of await store.listEvents({ limit: 10_000_000 })) yield CSV_COLUMNS.map((k) => csvCell((r as any)[k])).join(',') + '\r\n' })()
      : (async function* () { for await (const r of exportRecords(store)) yield JSON.stringify(r) + '\n' })()
    const body = new ReadableStream<Uint8Array>({ async pull(ctl) { const n = await lines.next(); n.done ? ctl.close() : ctl.enqueue(enc.encode(n.value)) } })
    return new Response(body, { status: 200, headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="dossier.${format}"`,
    } }) as any
  })
}
