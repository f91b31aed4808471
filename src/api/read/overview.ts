/** The corpus at a glance: its main story, the events most outlets report, the date range, the most connected pair. */
import { actorName, corpusIndex, indexedStats, memo, type CorpusIndex } from '../../store/queries.js'
import type { Store } from '../../store/store.js'
import { quadOf } from '../api.data.js'
import { pairRanking } from './relations.js'

/** How many of the most widely reported events the overview lists. */
export const KEY_EVENTS = 8

const outletsOf = (ix: CorpusIndex, ids: readonly string[]) => [...new Set(ids.map((d) => ix.docs.get(d)?.outlet).filter((o): o is string => !!o))].sort()

/** Story events by the number of outlets that report them (copies are counted as reports, not as outlets of their own). */
const keyEvents = memo((ix: CorpusIndex) => [...ix.storyEvents.values()].map((se) => {
  const docs = se.members.map((m) => ix.docs.get(m.doc)).filter((d) => !!d)
  const copies = docs.filter((d) => d!.copy_of || (d!.duplicates ?? []).some((x) => x.relation === 'copy-of')).length
  return {
    id: se.id, event: se.members[0]?.event ?? null, type: se.type, quad: quadOf(se.type), date: se.date, date_precision: se.date_precision,
    source_actor: se.source_actor, target_actor: se.target_actor, location: se.location,
    outlets: outletsOf(ix, se.members.map((m) => m.doc)), reports: se.members.length, copies,
    // an allegation when every report only attributes it to someone; what coded the report the list opens
    reported_by: se.members.every((m) => ix.events.get(m.event)?.event.reported_by) ? ix.events.get(se.members[0].event)?.event.reported_by ?? null : null,
    produced_by: ix.events.get(se.members[0]?.event ?? '')?.event.produced_by ?? null,
  }
}).filter((e) => e.event).sort((a, b) => b.outlets.length - a.outlets.length || b.reports - a.reports || (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id)))

/** How many stories (the largest first) the overview lists; `story_total` counts them all, `/api/stories` pages them. */
export const OVERVIEW_STORIES = 50

/** Everything the landing page shows. */
export async function overview(store: Store) {
  const ix = await corpusIndex(store)
  const stories = [...ix.stories].sort((a, b) => b.documents.length - a.documents.length || a.id.localeCompare(b.id)).slice(0, OVERVIEW_STORIES).map((s) => ({ ...s, outlets: outletsOf(ix, s.documents) }))
  const published = [...ix.docs.values()].map((d) => d.published?.slice(0, 10)).filter((d): d is string => !!d).sort()
  const top = pairRanking(ix)[0] ?? null
  const name = (id: string) => actorName(ix, id)
  return {
    stats: await indexedStats(store), stories, story_total: ix.stories.length, outlets: outletsOf(ix, [...ix.docs.keys()]),
    published: published.length ? { from: published[0], to: published[published.length - 1], undated: ix.docs.size - published.length } : null,
    pair: top ? [top.a, top.b] : null,
    pair_detail: top ? { a: { id: top.a, name: name(top.a) }, b: { id: top.b, name: name(top.b) }, events: top.events, mentions: top.mentions, countries: top.countries } : null,
    key_events: keyEvents(ix).slice(0, KEY_EVENTS),
  }
}
