import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { addCorrection, type CorrectionRequest } from '../../corrections/make.js'
import { correctionStats } from '../../corrections/stats.js'
import type { Correction, CorrectionState } from '../../corrections/types.js'
import { resolveCorrections } from '../../corrections/view.js'
import { PLOVER_TYPES } from '../../plover/index.js'
import { publicPath, type Api, type RouteContext } from '../context.js'
import { notFound } from '../http-error.js'
import { bearerOk } from './admin.js'
import { ErrorSchema, IdParam, json, PageQuery, slicePage, totalPageOf } from '../schemas.js'

const ActorIn = z.object({ actor: z.string().min(1).max(200).optional(), name: z.string().min(1).max(200).optional() })
  .refine((a) => a.actor || a.name, { message: 'Expected `actor` (an actor id) or `name`' }).openapi('ActorIn', { description: 'An actor by id, or by name (a known name or alias finds the actor; another name makes an analyst-named actor)' })
const DateIn = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'Expected YYYY[-MM[-DD]]')
const Fields = z.strictObject({
  type: z.enum(PLOVER_TYPES).optional(), mode: z.string().max(100).nullable().optional(),
  source_actor: ActorIn.nullable().optional(), target_actor: ActorIn.nullable().optional(),
  date: DateIn.nullable().optional(), date_precision: z.enum(['day', 'week', 'month', 'year']).nullable().optional(), location: z.string().max(200).nullable().optional(),
}).openapi('EventFieldsIn', { description: 'The event fields to set; a field left out keeps its value, null clears it' })
const common = {
  reason: z.string().max(2000).nullable().optional().openapi({ description: 'Why (required to mark a fact wrong)' }),
  by: z.string().min(1).max(100).optional().openapi({ description: 'Who makes the correction (the analyst\'s name; default "analyst"), recorded with it' }),
}
const CorrectionIn = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('event.accept'), event: z.string().min(1).max(300), ...common }).openapi({ description: 'The machine event is right as it stands' }),
  z.strictObject({ kind: z.literal('event.wrong'), event: z.string().min(1).max(300), ...common }).openapi({ description: 'The machine event is wrong (give a reason)' }),
  z.strictObject({ kind: z.literal('event.fix'), event: z.string().min(1).max(300), set: Fields, ...common }).openapi({ description: 'Fix fields of a machine event' }),
  z.strictObject({ kind: z.literal('event.add'), doc: z.string().min(1).max(200), start: z.number().int().min(0), end: z.number().int().min(1), set: Fields.extend({ type: z.enum(PLOVER_TYPES) }), ...common })
    .openapi({ description: 'A missed event stated by the sentence(s) holding [start, end) of the document\'s text' }),
  z.strictObject({ kind: z.literal('quote.speaker'), doc: z.string().min(1).max(200), quote: z.string().min(1).max(300), speaker: ActorIn.nullable(), ...common }).openapi({ description: 'Fix who said a quote (null: no one named)' }),
  z.strictObject({ kind: z.literal('claim.wrong'), doc: z.string().min(1).max(200), claim: z.string().min(1).max(300), ...common }).openapi({ description: 'The numeric claim is wrong (give a reason)' }),
  z.strictObject({ kind: z.literal('document.reviewed'), doc: z.string().min(1).max(200), ...common }).openapi({ description: 'Every machine fact of the document left uncorrected is accepted' }),
  z.strictObject({ kind: z.literal('actor.merge'), actor: z.string().min(1).max(200), into: z.string().min(1).max(200), ...common })
    .openapi({ description: 'Two actor ids are one real actor: `actor` is read as `into` on every page (retract to split them again)' }),
  z.strictObject({ kind: z.literal('actor.split'), doc: z.string().min(1).max(200), actor: z.string().min(1).max(200), as: ActorIn, ...common })
    .openapi({ description: 'On this page the actor is someone else (`as`: a known actor, or a name the analyst gives): its mentions, events and quotes here move to that actor' }),
]).openapi('CorrectionIn')

const State = z.object({
  status: z.enum(['attached', 'orphaned', 'retracted']), doc: z.string().nullable().openapi({ description: 'The current document it applies to' }),
  fact: z.string().nullable().openapi({ description: 'The fact it applies to now (event, quote or claim id)' }),
  reason: z.enum(['page-gone', 'span-gone', 'fact-gone']).nullable().openapi({ description: 'Why it is orphaned: no current version of the page, its evidence text is not in the new version, or no such fact on it' }),
}).openapi('CorrectionState')
const CorrectionSchema = z.object({
  id: z.string(), kind: z.string(),
  anchor: z.object({ doc: z.string(), path: z.string().nullable().openapi({ description: 'The page\'s file name (never its folders)' }), url: z.string().nullable(),
    start: z.number().nullable(), end: z.number().nullable(), text: z.string().nullable(), target: z.string().nullable(), key: z.record(z.string(), z.unknown()).nullable() }).nullable()
    .openapi({ description: 'Where it holds: the page (path or url), the document and evidence span it was made on, the machine fact id then and its values' }),
  before: z.unknown(), after: z.unknown(), reason: z.string().nullable(), author: z.string(), via: z.string().openapi({ description: '`token`, `loopback` (a local server without a token) or `cli`' }),
  created_at: z.string(), retracted_at: z.string().nullable(), retracted_by: z.string().nullable(), state: State,
}).openapi('Correction')
const Row = z.object({ type: z.string(), reviewed: z.number(), accepted: z.number(), fixed: z.number(), wrong: z.number(), retyped: z.number(), precision: z.number().nullable(), missed: z.number() })
const Stats = z.object({
  types: z.array(Row), totals: Row.omit({ type: true }), corrections: z.number(), orphaned: z.number(), documents_reviewed: z.number(),
}).openapi('CorrectionStats')

/** A correction as the API shows it: its state now, and no folder of the server in its anchor. */
const publicCorrection = (c: Correction, s: CorrectionState | undefined) => ({
  ...c, anchor: c.anchor ? { ...c.anchor, path: publicPath(c.anchor.path) } : null,
  state: c.retracted_at ? { status: 'retracted' as const, doc: null, fact: null, reason: null } : s ?? { status: 'orphaned' as const, doc: null, fact: null, reason: 'page-gone' as const },
})

/** Who writes: the analyst's name the client gives, and how the write came in. */
const writer = (c: Context, ctx: RouteContext, by: string | undefined) => ({ author: by?.trim() || 'analyst', via: bearerOk(c.req.header('authorization'), ctx.token) ? 'token' : 'loopback' })

/**
 * Corrections: GET /api/corrections (with where each holds now: attached or orphaned), GET /api/corrections/stats
 * (per-type precision so far), GET /api/corrections/{id}, POST /api/corrections and DELETE /api/corrections/{id}
 * (writes: the server's token; a loopback server started without one takes them from its own pages, src/api/app.ts).
 */
export function correctionRoutes(app: Api, ctx: RouteContext): void {
  app.openapi(createRoute({
    method: 'get', path: '/api/corrections', tags: ['corrections'], summary: 'List corrections in the order they were made, each with where it holds now (attached to a fact, or orphaned and why)',
    request: { query: PageQuery.extend({ status: z.enum(['active', 'attached', 'orphaned', 'retracted', 'all']).default('active').openapi({ description: '`active`: attached and orphaned; `all`: retracted ones too' }), doc: z.string().optional().openapi({ description: 'Only those applying to (or made on) this document' }) }) },
    responses: { 200: json(totalPageOf(CorrectionSchema, 'CorrectionPage'), 'A page of corrections'), 400: json(ErrorSchema, 'Bad query') },
  }), async (c) => {
    const { limit, offset, status, doc } = c.req.valid('query')
    const r = await resolveCorrections(ctx.store)
    const all = status === 'active' ? r.corrections : await ctx.store.corrections.list({ retracted: true })
    const rows = all.map((x) => publicCorrection(x, r.states.get(x.id)))
      .filter((x) => status === 'all' || status === 'active' || x.state.status === status)
      .filter((x) => !doc || x.state.doc === doc || x.anchor?.doc === doc)
    return c.json(slicePage(rows, limit, offset) as any, 200)
  })
  app.openapi(createRoute({
    method: 'get', path: '/api/corrections/stats', tags: ['corrections'], summary: 'Per-type precision of the machine\'s events from the corrections so far (reviewed, accepted, fixed, wrong, missed)',
    responses: { 200: json(Stats, 'Per event type, most reviewed first') },
  }), async (c) => c.json(await correctionStats(ctx.store) as any, 200))
  app.openapi(createRoute({
    method: 'get', path: '/api/corrections/{id}', tags: ['corrections'], summary: 'One correction (retracted ones too), with where it holds now',
    request: { params: IdParam('cor_0123456789abcdef') },
    responses: { 200: json(CorrectionSchema, 'The correction'), 404: json(ErrorSchema, 'No such correction') },
  }), async (c) => {
    const { id } = c.req.valid('param')
    const x = await ctx.store.corrections.get(id)
    if (!x) throw notFound('correction', id)
    return c.json(publicCorrection(x, (await resolveCorrections(ctx.store)).states.get(id)) as any, 200)
  })
  app.openapi(createRoute({
    method: 'post', path: '/api/corrections', tags: ['corrections'], security: [{ bearer: [] }],
    summary: 'Make a correction: accept, mark wrong or fix a machine event, add a missed event from a sentence, fix a quote\'s speaker, mark a claim wrong, mark a document reviewed, merge two actors or split one off a page (needs the token; recorded with who, when, before and after)',
    request: { body: { content: { 'application/json': { schema: CorrectionIn } }, required: true } },
    responses: {
      201: json(CorrectionSchema, 'The correction, stored and applied'), 400: json(ErrorSchema, 'Bad request body, or a correction that cannot apply'),
      401: json(ErrorSchema, 'Missing or wrong token'), 403: json(ErrorSchema, 'Writing is off (no token, not on loopback, or read-only)'), 404: json(ErrorSchema, 'No such event, document, quote or claim'),
    },
  }), async (c) => {
    const { by, ...req } = c.req.valid('json')
    const made = await addCorrection(ctx.store, req as CorrectionRequest, writer(c, ctx, by))
    c.header('Location', `/api/corrections/${made.id}`)
    return c.json(publicCorrection(made, (await resolveCorrections(ctx.store)).states.get(made.id)) as any, 201)
  })
  app.openapi(createRoute({
    method: 'delete', path: '/api/corrections/{id}', tags: ['corrections'], security: [{ bearer: [] }],
    summary: 'Retract a correction: it stops applying; its record stays, with who retracted it and when',
    request: { params: IdParam('cor_0123456789abcdef'), query: z.object({ by: z.string().min(1).max(100).optional() }) },
    responses: { 200: json(CorrectionSchema, 'The correction, retracted'), 401: json(ErrorSchema, 'Missing or wrong token'), 403: json(ErrorSchema, 'Writing is off'), 404: json(ErrorSchema, 'No such correction') },
  }), async (c) => {
    const { id } = c.req.valid('param')
    const x = await ctx.store.corrections.retract(id, writer(c, ctx, c.req.valid('query').by))
    if (!x) throw notFound('correction', id)
    return c.json(publicCorrection(x, undefined) as any, 200)
  })
}
