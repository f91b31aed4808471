import type { DocumentRecord, StoryRecord } from '../model/records.js'
import { STORY_LEAD_PARAGRAPHS, STORY_MAX_DAYS_APART, STORY_MAX_EVENT_DOCS, STORY_MIN_SHARED_EVENTS, STORY_MIN_SOURCES } from './corpus.data.js'
import { dayNumber } from './dates.js'
import type { Coreference, EventMention } from './event-coref.js'
import { independentSources, pubDate, shortHash } from './story-events.js'
import { UnionFind } from './union-find.js'

/** True when an event's evidence lies in the document's lead paragraphs. */
const inLead = (d: DocumentRecord, at: number) => {
  const p = d.paragraphs[Math.min(STORY_LEAD_PARAGRAPHS, d.paragraphs.length) - 1]
  return !p || at < p.end
}

/** True when a member of the group dates the act itself (a date written on the page, chained, or inferred), not just its page's week. */
const datedAct = (ms: readonly EventMention[]) => ms.some((m) => m.dateFrom !== null && m.dateFrom !== 'publication' && m.dateFrom !== 'doubtful' && (m.precision === 'day' || m.precision === 'week'))

/**
 * Stories: documents are one story when they are copies of each other, or when (published within
 * STORY_MAX_DAYS_APART days, where both dates are known or inferred) they share one story event that at least
 * STORY_MIN_SOURCES independent sources report and that is dated as an act (or leads both pages), or share
 * STORY_MIN_SHARED_EVENTS story events. An event more than STORY_MAX_EVENT_DOCS pages mention is background.
 * Every document belongs to exactly one story.
 */
/**
 * A story event the analysis of a part of the corpus leaves as it is (src/corpus/incremental.ts): its member pages
 * (all of them), how many independent sources it has, and whether it dates the act.
 */
export interface KeptStoryEvent { readonly id: string; readonly docs: readonly string[]; readonly sources: number; readonly dated: boolean }

export function groupStories(docs: readonly DocumentRecord[], coref: Coreference, eventStory: ReadonlyMap<string, string>, originalOf: ReadonlyMap<string, string>, kept: readonly KeptStoryEvent[] = []): StoryRecord[] {
  const index = new Map(docs.map((d, i) => [d.id, i]))
  const uf = new UnionFind(docs.length)
  for (const d of docs) { const o = originalOf.get(d.id); if (o && o !== d.id) uf.union(index.get(d.id)!, index.get(o)!) }
  // per pair of documents: shared story events, and how many of them link a story on their own
  const shared = new Map<string, { n: number; strong: number }>()
  for (const g of coref.groups) {
    const ms = g.map((i) => coref.mentions[i])
    const byDoc = new Map<string, boolean>()
    for (const m of ms) byDoc.set(m.doc.id, (byDoc.get(m.doc.id) ?? false) || inLead(m.doc, m.event.evidence.start))
    const ids = [...byDoc.keys()]
    if (ids.length < 2 || ids.length > STORY_MAX_EVENT_DOCS) continue // an event half the corpus mentions is background, not a story link
    const sources = independentSources(ids.map((id) => docs[index.get(id)!]), originalOf).length
    const dated = datedAct(ms)
    for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) {
      const k = ids[a] < ids[b] ? `${ids[a]}\u0000${ids[b]}` : `${ids[b]}\u0000${ids[a]}`
      const s = shared.get(k) ?? { n: 0, strong: 0 }
      s.n++
      if (sources >= STORY_MIN_SOURCES && (dated || (byDoc.get(ids[a]) && byDoc.get(ids[b])))) s.strong++
      shared.set(k, s)
    }
  }
  // story events kept as they are link the pages of the part they hold as the whole analysis would (their own sources and date)
  if (kept.length) {
    const lead = new Map<string, Map<string, boolean>>()
    for (const d of docs) for (const e of d.events) {
      const se = eventStory.get(e.id)
      if (!se) continue
      const m = lead.get(se) ?? new Map<string, boolean>()
      m.set(d.id, (m.get(d.id) ?? false) || inLead(d, e.evidence.start))
      lead.set(se, m)
    }
    for (const k of kept) {
      if (k.docs.length < 2 || k.docs.length > STORY_MAX_EVENT_DOCS) continue
      const byDoc = lead.get(k.id)
      const ids = [...byDoc?.keys() ?? []].filter((id) => index.has(id))
      for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) {
        const key = ids[a] < ids[b] ? `${ids[a]}\u0000${ids[b]}` : `${ids[b]}\u0000${ids[a]}`
        const s = shared.get(key) ?? { n: 0, strong: 0 }
        s.n++
        if (k.sources >= STORY_MIN_SOURCES && (k.dated || (byDoc!.get(ids[a]) && byDoc!.get(ids[b])))) s.strong++
        shared.set(key, s)
      }
    }
  }
  for (const [k, s] of shared) {
    const [a, b] = k.split('\u0000')
    const da = pubDate(docs[index.get(a)!]), db = pubDate(docs[index.get(b)!])
    if (da && db && Math.abs(dayNumber(da) - dayNumber(db)) > STORY_MAX_DAYS_APART) continue
    if (s.n >= STORY_MIN_SHARED_EVENTS || s.strong >= 1) uf.union(index.get(a)!, index.get(b)!)
  }
  return uf.groups().map((g) => {
    const members = g.map((i) => docs[i]).sort((x, y) => (pubDate(x) ?? '\uffff').localeCompare(pubDate(y) ?? '\uffff') || x.id.localeCompare(y.id))
    const ids = new Set(members.map((d) => d.id))
    const storyEvents = [...new Set(members.flatMap((d) => d.events.map((e) => eventStory.get(e.id)).filter((x): x is string => !!x)))]
    return { kind: 'story' as const, id: 'st_' + shortHash([...ids].sort()[0]), title: members.find((d) => d.title)?.title ?? members[0].id, documents: [...ids], story_events: storyEvents }
  })
}
