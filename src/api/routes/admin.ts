import { timingSafeEqual } from 'node:crypto'
import { createRoute, z } from '@hono/zod-openapi'
import { csvCell, exportRecords } from '../../export/export.js'
import { publicDocument, type Api, type RouteContext } from '../context.js'
import { notFound } from '../http-error.js'
import { ErrorSchema, IdParam, json } from '../schemas.js'

const CSV_COLUMNS = ['id', 'doc_id', 'outlet', 'story_event', 'type', 'mode', 'source_actor', 'target_actor', 'date', 'date_precision', 'location', 'start', 'end', 'text'] as const

/** True when the header carries exactly the configured bearer token (constant-time comparison). */
export function bearerOk(header: string | undefined, token: string | null): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false
  const a = Buffer.from(header.slice(7)), b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

const HttpUrl = z.string().max(2048).regex(/^https?:\/\/[^\s]+$/i, 'Expected an http(s) URL').openapi({ example: 'https://example.org/news/1' })
const PageIn = z.strictObject({
  url: HttpUrl.optional().openapi({ description: 'Where the page was found (not fetched); re-sending a page of the same URL stores a new version' }),
  fetched_at: z.string().max(64).optional(),
  html: z.string().optional().openapi({ description: 'The page as HTML' }),
  text: z.string().optional().openapi({ description: 'The page as plain text' }),
}).refine((p) => (p.html == null) !== (p.text == null), { message: 'Expected exactly one of `html` or `text`' }).openapi('PageIn')
const IngestRequest = z.strictObject({
  pages: z.array(PageIn).max(10_000).default([]).openapi({ description: 'Pages given as content (never a path on the server)' }),
  urls: z.array(HttpUrl).max(1000).default([]).openapi({ description: 'http(s) URLs to fetch (public addresses only: private, loopback and link-local addresses are refused)' }),
}).refine((x) => x.pages.length + x.urls.length > 0, { message: 'Expected at least one page or URL' }).openapi('IngestRequest')
const Progress = z.object({ done: z.number().int(), total: z.number().int(), stored: z.number().int(), rejected: z.number().int() })
const JobSchema = z.object({
  id: z.string(), status: z.enum(['queued', 'running', 'done', 'failed']), created_at: z.string(), started_at: z.string().nullable(), finished_at: z.string().nullable(),
  inputs: z.object({ pages: z.number().int(), urls: z.number().int() }),
  progress: Progress.nullable().openapi({ description: 'Pages read so far (updated about once a second while it runs)' }),
  result: z.unknown().openapi({ description: 'The ingest summary once done (pages sent as content are named `pages[i]`), null before' }),
  error: z.string().nullable(),
}).openapi('Job')

/** POST /api/ingest (token only, never when read-only: a job), GET /api/jobs/{id}, and GET /api/export (JSON Lines or events CSV). */
export function adminRoutes(app: Api, ctx: RouteContext): void {
  app.openapi(createRoute({
    method: 'post', path: '/api/ingest', tags: ['admin'],
    summary: 'Queue an ingest of pages sent as content and/or http(s) URLs (needs `Authorization: Bearer <token>`); answers 202 with the job at once',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: IngestRequest } }, required: true } },
    responses: {
      202: json(z.object({ job: JobSchema }).openapi('IngestAccepted'), 'The job, queued; follow it at `/api/jobs/{id}` (also in the Location header)'),
      400: json(ErrorSchema, 'Bad request body'), 401: json(ErrorSchema, 'Missing or wrong token (checked before the body is read)'),
      403: json(ErrorSchema, 'Read-only server or ingest disabled'), 413: json(ErrorSchema, 'Request body over the limit (16 MiB unless configured)'),
      503: json(ErrorSchema, 'Too many jobs waiting or running (8): retry later'),
    },
  }), async (c) => {
    const { pages, urls } = c.req.valid('json')
    const job = ctx.jobs.submit({ pages, urls })
    c.header('Location', `/api/jobs/${job.id}`)
    return c.json({ job } as any, 202)
  })
  app.openapi(createRoute({
    method: 'get', path: '/api/jobs/{id}', tags: ['admin'], summary: 'An ingest job: its status, progress and, once done, its summary',
    request: { params: IdParam('job_0123456789abcdef') },
    responses: { 200: json(JobSchema, 'The job'), 404: json(ErrorSchema, 'No such job (jobs are kept in the store: a restarted server still knows them)') },
  }), async (c) => {
    const { id } = c.req.valid('param')
    const job = await ctx.jobs.get(id)
    if (!job) throw notFound('job', id)
    return c.json(job as any, 200)
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
      : (async function* () { for await (const r of exportRecords(store)) yield JSON.stringify((r as { kind?: string }).kind === 'document' ? publicDocument(r as { source: { path: string | null } }) : r) + '\n' })()
    const body = new ReadableStream<Uint8Array>({ async pull(ctl) { const n = await lines.next(); n.done ? ctl.close() : ctl.enqueue(enc.encode(n.value)) } })
    return new Response(body, { status: 200, headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="dossier.${format}"`,
    } }) as any
  })
}
