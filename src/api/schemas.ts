/**
 * Zod schemas of the HTTP API. The same schemas validate requests and generate /openapi.json
 * (@hono/zod-openapi), so the document cannot drift from what the server accepts.
 */
import { z } from '@hono/zod-openapi'
import { DEFAULT_PAGE, MAX_PAGE, QUAD_CLASSES } from './api.data.js'
import { PLOVER_TYPES } from '../plover/index.js'

export const SpanSchema = z.object({ start: z.number().int(), end: z.number().int() }).openapi('Span')
export const TextSpanSchema = SpanSchema.extend({ text: z.string() }).openapi('TextSpan')
export const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) }).openapi('Error')

/** Page parameters; every list is sorted by a stable key and pages with `limit`/`offset`. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE).openapi({ param: { name: 'limit', in: 'query' }, example: 50 }),
  offset: z.coerce.number().int().min(0).default(0).openapi({ param: { name: 'offset', in: 'query' }, example: 0 }),
})
/** A page of items; `next_offset` is null on the last page. */
export const pageOf = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z.object({ items: z.array(item), limit: z.number().int(), offset: z.number().int(), next_offset: z.number().int().nullable() }).openapi(name)

/** A page of an in-memory list, with the list's length. */
export const totalPageOf = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z.object({ items: z.array(item), limit: z.number().int(), offset: z.number().int(), next_offset: z.number().int().nullable(), total: z.number().int() }).openapi(name)
/** Slices one page out of a list (`next_offset` null on the last page). */
export const slicePage = <T>(all: readonly T[], limit: number, offset: number) =>
  ({ items: all.slice(offset, offset + limit), limit, offset, next_offset: offset + limit < all.length ? offset + limit : null, total: all.length })

const ActorRef = z.object({ actor: z.string(), name: z.string() }).nullable()
const Message = z.object({ source: z.string(), ruleId: z.string(), severity: z.enum(['fatal', 'warning', 'info']), reason: z.string(), place: SpanSchema.optional() })

export const DocumentSummarySchema = z.object({
  id: z.string(), path: z.string().nullable().openapi({ description: 'The file name the page was read from (never its folders on the server); null for a page sent as content or fetched' }),
  url: z.string().nullable(), status: z.enum(['ok', 'rejected']), reason: z.string().nullable(),
  title: z.string().nullable(), outlet: z.string().nullable(), published: z.string().nullable(), copy_of: z.string().nullable(),
  author: z.string().nullable(), version: z.number(), ingested_at: z.string(),
  language: z.string().nullable().openapi({ description: 'ISO 639-1 code of the text\'s language (detected); null when unknown', example: 'ru' }),
}).openapi('DocumentSummary')

/** What made a machine fact (event, quote, claim, framing term): a rule or a model, with the model's score where it gives one. */
export const ProducedBySchema = z.object({
  method: z.enum(['rule', 'model']),
  detail: z.string().openapi({ description: "Which rule (an event: its lexicon entry's reason; a quote: the speaker cue; a claim: the pattern; a framing term: its lexicon entry) or which model and how it was read" }),
  score: z.number().nullable().openapi({ description: "The model's confidence where it gives one (an event: the trigger model's margin over \"no event\"); null for a rule and for a model that gives none (the syntax model naming a quote's speaker)" }),
}).nullable().openapi('ProducedBy', { description: 'What produced the fact (rule or model) and how confident it was; null when the record does not say (records stored before the field existed)' })
const ReportedBy = z.string().nullable().openapi({ description: 'Who asserts the event when the page reports it as someone\'s statement ("X says Iran sent drones"): an allegation by this party, not a fact stated by the page; null when the page states it' })
/** The two provenance fields every event mention carries. */
export const provenance = { reported_by: ReportedBy, produced_by: ProducedBySchema }

const Event = z.looseObject({
  id: z.string(), story_event: z.string().nullable(), type: z.string(), mode: z.string().nullable(), source_actor: ActorRef, target_actor: ActorRef,
  co_sources: z.array(z.object({ actor: z.string(), name: z.string() })).optional().openapi({ description: 'The other parties of a joint act beyond source and target ("the deal was signed by A, B and C": C); absent when there are none' }),
  date: z.string().nullable(), date_precision: z.string().nullable(), location: z.string().nullable(), trigger: TextSpanSchema.optional(), evidence: TextSpanSchema,
  ...provenance,
}).openapi('EventRecord')

export const DocumentSchema = z.looseObject({
  kind: z.literal('document'), id: z.string(),
  source: z.looseObject({ path: z.string().nullable().openapi({ description: 'The file name the page was read from, without its folders' }), url: z.string().nullable(), sha256: z.string() }),
  outlet: z.string().nullable(), copy_of: z.string().nullable(), title: z.string().nullable(), published: z.string().nullable(), author: z.string().nullable(),
  language: z.string().nullable().optional().openapi({ description: 'ISO 639-1 code of the text\'s language, detected by the clean stage (a record\'s own `language` is a claim, named in the messages); stages that read English only are skipped on other languages', example: 'fa' }),
  text: z.string().openapi({ description: 'The cleaned text; every span indexes it ([start,end) in UTF-16 code units)' }),
  paragraphs: z.array(SpanSchema), sentences: z.array(SpanSchema).optional(),
  entities: z.array(z.looseObject({ id: z.string(), actor: z.string(), name: z.string(), type: z.string(), mentions: z.array(TextSpanSchema) })),
  events: z.array(Event), quotes: z.array(z.looseObject({ id: z.string(), start: z.number(), end: z.number(), text: z.string(), speaker: ActorRef, produced_by: ProducedBySchema })),
  claims: z.array(z.looseObject({ id: z.string(), what: z.string(), value: z.number(), unit: z.string(), evidence: TextSpanSchema, produced_by: ProducedBySchema })),
  framing: z.array(z.looseObject({ start: z.number(), end: z.number(), term: z.string(), neutral: z.string(), text: z.string(), produced_by: ProducedBySchema })),
  timex: z.array(z.looseObject({ start: z.number(), end: z.number(), text: z.string(), value: z.string().nullable() })),
  messages: z.array(Message),
  raw_map: z.array(z.object({ start: z.number(), end: z.number(), rawStart: z.number(), rawEnd: z.number() })).optional(),
}).openapi('Document')

export const QuadSchema = z.enum(QUAD_CLASSES).nullable().openapi('QuadClass')
export const EventRowSchema = z.object({
  id: z.string(), doc_id: z.string(), story_event: z.string().nullable(), type: z.string(), mode: z.string().nullable(),
  source_actor: z.string().nullable(), target_actor: z.string().nullable(), source_name: z.string().nullable(), target_name: z.string().nullable(),
  date: z.string().nullable(), date_precision: z.string().nullable(), location: z.string().nullable(), start: z.number(), end: z.number(),
  text: z.string().openapi({ description: 'Evidence text: the document text at [start,end)' }), outlet: z.string().nullable(), quad: QuadSchema,
  date_inferred: z.boolean().optional().openapi({ description: 'true when the date was inferred from other pages' }),
  ...provenance,
}).openapi('EventRow')

/** True for a date that exists: YYYY, YYYY-MM (month 01–12) or YYYY-MM-DD (a day of that month; 2024-02-30 does not exist). */
export function realDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s)
  if (!m) return false
  const month = m[2] ? Number(m[2]) : 1, day = m[3] ? Number(m[3]) : 1
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate()
}
/** A date query parameter, YYYY[-MM[-DD]], that exists (`2024-13-45` is a 400). */
const DateParam = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).refine(realDate, { message: 'Expected a date that exists (month 01–12, a day of that month)' })

export const EventQuery = PageQuery.extend({
  actor: z.string().optional().openapi({ description: 'Actor id (source or target)' }),
  pair: z.string().regex(/^[^,]+,[^,]+$/).optional().openapi({ description: 'Two actor ids, comma-separated: events between them in either direction', example: 'a_rus,a_irn' }),
  type: z.string().optional().openapi({ description: `PLOVER event type: ${PLOVER_TYPES.join(', ')}`, example: 'CONSULT' }),
  from: DateParam.optional().openapi({ description: 'Earliest date (inclusive), YYYY[-MM[-DD]]' }),
  to: DateParam.optional().openapi({ description: 'Latest date (inclusive), YYYY[-MM[-DD]]' }),
  outlet: z.string().optional(), story: z.string().optional().openapi({ description: 'Story event id' }), doc: z.string().optional(),
})

const Role = z.object({ title: z.string(), from: z.string().nullable(), to: z.string().nullable() }).loose()
export const ActorSchema = z.looseObject({
  kind: z.literal('actor'), id: z.string(), name: z.string(), type: z.string(), affiliation: z.string().nullable(), code: z.string().nullable(),
  aliases: z.array(z.string()), roles: z.array(Role), geo: z.object({ lat: z.number(), lon: z.number(), country: z.string().nullable() }).nullable().optional(),
  mentions: z.number().optional(), events: z.number().optional(),
}).openapi('Actor')

export const StorySchema = z.looseObject({ kind: z.literal('story'), id: z.string(), title: z.string(), documents: z.array(z.string()), story_events: z.array(z.string()) }).openapi('Story')
export const StoryEventSchema = z.looseObject({
  kind: z.literal('story_event'), id: z.string(), type: z.string(), date: z.string().nullable(), source_actor: ActorRef, target_actor: ActorRef, location: z.string().nullable(),
  members: z.array(z.object({ doc: z.string(), event: z.string() })), independent_sources: z.array(z.string()), first_reported_by: z.string().nullable(),
}).openapi('StoryEvent')
export const ContradictionSchema = z.looseObject({
  kind: z.literal('contradiction'), id: z.string(), description: z.string(), field: z.string(),
  members: z.array(z.looseObject({ doc: z.string(), value: z.unknown(), evidence: TextSpanSchema, outlet: z.string().nullable().optional(), title: z.string().nullable().optional() })),
}).openapi('Contradiction')
export const OutletSchema = z.looseObject({
  kind: z.literal('outlet'), id: z.string(), name: z.string(), documents: z.number(), words: z.number(), tone: z.number().optional(),
  terms: z.array(z.looseObject({ term: z.string(), neutral: z.string(), count: z.number(), per_1000_words: z.number(), evidence: z.array(z.object({ doc: z.string(), start: z.number(), end: z.number(), text: z.string() })) })),
}).openapi('OutletProfile')

export const ClaimGroupSchema = z.object({
  unit: z.string(), claim_count: z.number().int().openapi({ description: 'Claims of this unit; `claims` lists at most `per_unit` of them' }), values: z.array(z.object({ value: z.number(), docs: z.number(), outlets: z.array(z.string()) })),
  claims: z.array(z.object({ id: z.string(), doc: z.string(), outlet: z.string().nullable(), title: z.string().nullable(), copy: z.boolean(), what: z.string(), value: z.number(),
    qualifier: z.string().nullable(), unit: z.string(), evidence: TextSpanSchema, produced_by: ProducedBySchema })),
}).openapi('ClaimGroup')

const KeyEvent = z.object({
  id: z.string(), event: z.string().nullable(), type: z.string(), quad: QuadSchema, date: z.string().nullable(), date_precision: z.string().nullable(),
  source_actor: ActorRef, target_actor: ActorRef, location: z.string().nullable(), outlets: z.array(z.string()), reports: z.number(), copies: z.number(),
  ...provenance,
})
export const OverviewSchema = z.object({
  stats: z.record(z.string(), z.number()), stories: z.array(StorySchema.extend({ outlets: z.array(z.string()) })).openapi({ description: 'The 50 largest stories (`story_total` counts them all; `/api/stories` pages them)' }), story_total: z.number().int(), outlets: z.array(z.string()),
  published: z.object({ from: z.string(), to: z.string(), undated: z.number() }).nullable(),
  pair: z.array(z.string()).nullable().openapi({ description: 'The two actors (or countries) with the most real-world events between them' }),
  pair_detail: z.object({ a: z.object({ id: z.string(), name: z.string() }), b: z.object({ id: z.string(), name: z.string() }), events: z.number(), mentions: z.number(), countries: z.boolean() }).nullable(),
  key_events: z.array(KeyEvent).openapi({ description: 'Story events reported by the most outlets' }),
}).openapi('Overview')

const Source = z.object({
  doc: z.string(), event: z.string(), outlet: z.string().nullable(), title: z.string().nullable(), url: z.string().nullable(), published: z.string().nullable(),
  copy_of: z.string().nullable(), is_copy: z.boolean(), sentence: TextSpanSchema, evidence: SpanSchema, trigger: SpanSchema.nullable(),
  actors: z.array(SpanSchema.extend({ actor: z.string(), role: z.enum(['source', 'target']) })).openapi({ description: 'Mentions of the source and target actors inside the sentence' }),
  date: z.string().nullable().openapi({ description: "The event's date as this page gives it" }),
  ...provenance,
  fact: z.object({ type: z.string(), mode: z.string().nullable(), source_actor: ActorRef, target_actor: ActorRef, date_precision: z.string().nullable(), location: z.string().nullable() })
    .openapi({ description: 'This report\'s own coding (an analyst\'s correction may set it apart from the story event\'s)' }),
  correction: z.object({ status: z.enum(['accepted', 'fixed', 'added']), corrections: z.array(z.string()), machine: z.record(z.string(), z.unknown()).optional() }).nullable()
    .openapi({ description: 'What an analyst did to this report (GET /api/corrections): accepted, fixed (with the machine\'s values) or added; null when untouched' }),
})
export const EventCardSchema = z.object({
  event: Event.extend({ doc: z.string(), quad: QuadSchema }), story_event: StoryEventSchema.nullable(), sources: z.array(Source), contradictions: z.array(ContradictionSchema),
}).openapi('EventCard')

export const IdParam = (name: string) => z.object({ id: z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' }, example: name }) })

/** A JSON response entry of a route definition. */
export const json = <T>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description })
