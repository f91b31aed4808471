import type { EventRecord } from '../doc/layers.js'
import type { Kb } from '../kb/index.js'
import type { CorpusRecord, DocumentRecord, StoryEventRecord } from '../model/records.js'
import type { CorpusUpdate } from '../store/store.js'
import { actorInfo } from './actor-compat.js'
import { claimContradictions, eventContradictions } from './contradictions.js'
import { inferDates } from './date-inference.js'
import { findDuplicates } from './duplicates.js'
import { corefEvents, eventMentions, type DateOverride } from './event-coref.js'
import { outletProfiles } from './outlets.js'
import { groupStories, type KeptStoryEvent } from './stories.js'
import { buildStoryEvents } from './story-events.js'
import { contentWords, Idf } from './text-sim.js'

/** Everything `analyzeCorpus` returns except the actors (kept apart so the KB engineer owns `collectActors`). */
export type CorpusParts = Omit<CorpusUpdate, 'actors'>

/**
 * What the analysis of a part of the corpus (src/corpus/incremental.ts) takes from the rest, so that it weighs and
 * dates as the analysis of the whole would: absent, each is computed from the documents given.
 */
export interface PartContext {
  /** the word statistics of every event sentence of the corpus */
  readonly idf?: Idf
  /** the latest publication day (day number) of the corpus */
  readonly latestDay?: number
  /** attack story events of the rest of the corpus (claims are tied to them by place) */
  readonly attacks?: readonly StoryEventRecord[]
  /**
   * events of the given documents that stay in the story event they have (by event id): a story event of more pages than
   * a story counts (STORY_MAX_EVENT_DOCS) that the part does not hold whole; they are not compared nor dated again,
   * and count for stories and claims with their story event
   */
  readonly frozen?: ReadonlyMap<string, string>
  /** the story events of the frozen events, as stories count them */
  readonly kept?: readonly KeptStoryEvent[]
}

/**
 * The cross-source analysis, in order: duplicates → event coreference (pass 1) → date inference for undated
 * pages → coreference again with the inferred dates (pass 2) → dates carried inside story events → stories →
 * contradictions → outlet profiles.
 */
export function analyzeParts(input: readonly DocumentRecord[], kb: Kb, ctx: PartContext = {}): CorpusParts {
  // inferred dates from an earlier run must not feed this one: the analysis is replaced as a whole
  // (an inferred date laid over a date the events stage gave brings that date back in `date_given`)
  const docs = input.map(asGiven)
  const dups = findDuplicates(docs.map((d) => ({ id: d.id, body: d.body.join('\n'), published: d.published, outlet: d.outlet, copy_of: d.copy_of })))
  const info = actorInfo(docs, kb)
  const idf = ctx.idf ?? corpusIdf(docs)
  const frozen = ctx.frozen ?? new Map<string, string>()
  // the events compared and dated: all but the frozen ones
  const live = frozen.size ? docs.map((d) => ({ ...d, events: d.events.filter((e) => !frozen.has(e.id)) })) : docs
  const pass1 = corefEvents(eventMentions(live, new Map(), idf), info)
  const inferred = inferDates(live, pass1, kb, info, ctx.latestDay)
  const withDate = <D extends DocumentRecord>(d: D): D => (inferred.published.has(d.id) ? { ...d, published_inferred: inferred.published.get(d.id)! } : d)
  const dated = docs.map(withDate)
  const pass2 = corefEvents(eventMentions(frozen.size ? live.map(withDate) : dated, inferred.events, idf), info)
  const { records: storyEvents, eventStory: liveStory, carried } = buildStoryEvents(pass2, dups.originalOf)
  const eventStory = frozen.size ? new Map([...frozen, ...liveStory]) : liveStory
  const events = new Map<string, DateOverride>([...inferred.events, ...carried])
  const byId = new Map(dated.map((d) => [d.id, d]))
  const withCopyOf = dated.map((d) => {
    const orig = dups.originalOf.get(d.id)
    return orig && orig !== d.id && !d.copy_of ? { ...d, copy_of: byId.get(orig)!.outlet } : d
  })
  const records: CorpusRecord[] = [
    ...groupStories(withCopyOf, pass2, eventStory, dups.originalOf, ctx.kept),
    ...storyEvents,
    ...claimContradictions(withCopyOf, eventStory, ctx.attacks ? [...ctx.attacks, ...storyEvents] : storyEvents, info, dups.originalOf, kb),
    ...eventContradictions(pass2, eventStory, info),
    ...outletProfiles(withCopyOf, dups.originalOf),
  ]
  const docUpdates: CorpusUpdate['docs'] extends ReadonlyMap<string, infer V> ? Map<string, V> : never = new Map()
  for (const d of withCopyOf) {
    const links = dups.links.get(d.id)
    const pi = inferred.published.get(d.id)
    const copyChanged = d.copy_of !== byId.get(d.id)!.copy_of
    if (links || pi || copyChanged) docUpdates.set(d.id, { published_inferred: pi ?? null, duplicates: links ?? [], ...(copyChanged ? { copy_of: d.copy_of } : {}) })
  }
  return { records, eventStory: liveStory, docs: docUpdates, events }
}

/** A document as the reading stages gave it, without the results of an earlier analysis laid over its dates. */
export const asGiven = (d: DocumentRecord): DocumentRecord => ({ ...d, published_inferred: null, events: d.events.map((e) => (e.date_inferred ? restoreGiven(e) : e)) })

/** An event as the events stage gave it, before an earlier analysis laid an inferred date over it. */
function restoreGiven(e: EventRecord): EventRecord {
  const { date_given: g, date_inferred: _, ...rest } = e as EventRecord & { date_given?: DateOverride['date_given'] }
  return { ...rest, date: g?.date ?? null, date_precision: g?.date_precision ?? null, date_basis: g?.date_basis ?? null }
}

/** The word statistics of the event sentences of these documents (each sentence one count). */
export function corpusIdf(docs: readonly DocumentRecord[]): Idf {
  const idf = new Idf()
  for (const d of docs) for (const e of d.events) idf.add(contentWords(e.evidence.text))
  return idf
}
