import type { EventRecord } from '../doc/layers.js'
import type { Kb } from '../kb/index.js'
import type { CorpusRecord, DocumentRecord } from '../model/records.js'
import type { CorpusUpdate } from '../store/store.js'
import { actorInfo } from './actor-compat.js'
import { claimContradictions, eventContradictions } from './contradictions.js'
import { inferDates } from './date-inference.js'
import { findDuplicates } from './duplicates.js'
import { corefEvents, eventMentions, type DateOverride } from './event-coref.js'
import { outletProfiles } from './outlets.js'
import { groupStories } from './stories.js'
import { buildStoryEvents } from './story-events.js'

/** Everything `analyzeCorpus` returns except the actors (kept apart so the KB engineer owns `collectActors`). */
export type CorpusParts = Omit<CorpusUpdate, 'actors'>

/**
 * The cross-source analysis, in order: duplicates → event coreference (pass 1) → date inference for undated
 * pages → coreference again with the inferred dates (pass 2) → dates carried inside story events → stories →
 * contradictions → outlet profiles.
 */
export function analyzeParts(input: readonly DocumentRecord[], kb: Kb): CorpusParts {
  // inferred dates from an earlier run must not feed this one: the analysis is replaced as a whole
  // (an inferred date laid over a date the events stage gave brings that date back in `date_given`)
  const docs = input.map((d) => ({ ...d, published_inferred: null, events: d.events.map((e) => (e.date_inferred ? restoreGiven(e) : e)) }))
  const dups = findDuplicates(docs.map((d) => ({ id: d.id, body: d.body.join('\n'), published: d.published, outlet: d.outlet, copy_of: d.copy_of })))
  const info = actorInfo(docs, kb)
  const pass1 = corefEvents(eventMentions(docs, new Map()), info)
  const inferred = inferDates(docs, pass1, kb, info)
  const dated = docs.map((d) => (inferred.published.has(d.id) ? { ...d, published_inferred: inferred.published.get(d.id)! } : d))
  const pass2 = corefEvents(eventMentions(dated, inferred.events), info)
  const { records: storyEvents, eventStory, carried } = buildStoryEvents(pass2, dups.originalOf)
  const events = new Map<string, DateOverride>([...inferred.events, ...carried])
  const byId = new Map(dated.map((d) => [d.id, d]))
  const withCopyOf = dated.map((d) => {
    const orig = dups.originalOf.get(d.id)
    return orig && orig !== d.id && !d.copy_of ? { ...d, copy_of: byId.get(orig)!.outlet } : d
  })
  const records: CorpusRecord[] = [
    ...groupStories(withCopyOf, pass2, eventStory, dups.originalOf),
    ...storyEvents,
    ...claimContradictions(withCopyOf, eventStory, storyEvents, info, dups.originalOf, kb),
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
  return { records, eventStory, docs: docUpdates, events }
}

/** An event as the events stage gave it, before an earlier analysis laid an inferred date over it. */
function restoreGiven(e: EventRecord): EventRecord {
  const { date_given: g, date_inferred: _, ...rest } = e as EventRecord & { date_given?: DateOverride['date_given'] }
  return { ...rest, date: g?.date ?? null, date_precision: g?.date_precision ?? null, date_basis: g?.date_basis ?? null }
}
