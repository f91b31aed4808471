import type { ClaimRecord, EventRecord } from '../doc/layers.js'
import type { Span } from '../doc/span.js'
import type { Kb } from '../kb/index.js'
import type { DocumentRecord, StoryEventRecord } from '../model/records.js'
import { kbActorByName, type ActorInfo } from './actor-compat.js'
import { CASUALTY_EVENT_TYPES, CLAIM_EVENT_REACH_DAYS } from './corpus.data.js'
import { dateRange, dayNumber } from './dates.js'
import { pubDate } from './story-events.js'

/** What the attachment of claims to acts needs to know of the corpus. */
export interface AnchorContext {
  readonly eventStory: ReadonlyMap<string, string>
  /** attack story events (CASUALTY_EVENT_TYPES) by place key: see `attacksByPlace` */
  readonly attacks: ReadonlyMap<string, readonly StoryEventRecord[]>
  readonly info: ReadonlyMap<string, ActorInfo>
  readonly kb: Kb
}

/** A place key: the knowledge-base id of a name when there is one, else the folded name. */
export const placeKey = (kb: Kb, name: string) => kbActorByName(kb, name)?.id ?? name.normalize('NFKC').toLowerCase().trim()
const countryOf = (kb: Kb, key: string) => { const a = kb.actor(key); return a ? a.affiliation ?? a.code ?? null : null }

/** Attack story events by the place key of their location (built once per analysis). */
export function attacksByPlace(storyEvents: readonly StoryEventRecord[], kb: Kb): Map<string, StoryEventRecord[]> {
  const out = new Map<string, StoryEventRecord[]>()
  for (const se of storyEvents) {
    if (!CASUALTY_EVENT_TYPES.has(se.type) || !se.location) continue
    const k = placeKey(kb, se.location), b = out.get(k)
    if (b) b.push(se); else out.set(k, [se])
  }
  return out
}

/** Places (GPE, LOC) the document names inside a span, as place keys. */
function placesIn(doc: DocumentRecord, span: Span, ctx: AnchorContext): string[] {
  const out = new Set<string>()
  for (const ent of doc.entities) {
    const t = ctx.info.get(ent.actor)?.type ?? ent.type
    if ((t === 'GPE' || t === 'LOC') && ent.mentions.some((m) => m.start >= span.start && m.end <= span.end)) out.add(ctx.info.get(ent.actor)?.id ?? ent.actor)
  }
  return [...out]
}

/** True when the claim's sentence names only places of another country than the act's place (a toll of a war elsewhere). */
function placeConflict(places: readonly string[], e: EventRecord, ctx: AnchorContext): boolean {
  if (!places.length || !e.location) return false
  const loc = placeKey(ctx.kb, e.location), lc = countryOf(ctx.kb, loc)
  return !places.some((p) => p === loc || !lc || !countryOf(ctx.kb, p) || countryOf(ctx.kb, p) === lc)
}

/**
 * The act a casualty figure is the toll of, as a key: `se:<story event>` for the attack its sentence reports, else
 * one its neighbouring sentences report, else the page's only attack, else an attack at a place the sentence
 * names (on the page, then the corpus's attacks there in the month before the page); failing all, `place:<key>`
 * for the place it names; null when it names none.
 */
export function claimAnchor(doc: DocumentRecord, c: ClaimRecord, ctx: AnchorContext): string | null {
  const attacks = doc.events.filter((e) => CASUALTY_EVENT_TYPES.has(e.type))
  const key = (e: EventRecord) => `se:${ctx.eventStory.get(e.id) ?? e.id}`
  const overlaps = (e: EventRecord, s: Span) => e.evidence.start < s.end && e.evidence.end > s.start
  const places = placesIn(doc, c.evidence, ctx)
  const at = (c.number ?? c.evidence).start
  const nearest = (es: EventRecord[]) => es.reduce((b, e) => (Math.abs((e.trigger?.start ?? e.evidence.start) - at) < Math.abs((b.trigger?.start ?? b.evidence.start) - at) ? e : b))
  const here = attacks.filter((e) => overlaps(e, c.evidence))
  if (here.length) return key(nearest(here))
  const sents = doc.sentences?.length ? doc.sentences : doc.paragraphs
  const i = sents.findIndex((s) => s.start <= c.evidence.start && c.evidence.start < s.end)
  const para = doc.paragraphs.find((p) => p.start <= c.evidence.start && c.evidence.start < p.end)
  const near = [sents[i - 1], sents[i + 1]].filter((s) => s && para && s.start >= para.start && s.end <= para.end)
  const next = attacks.filter((e) => near.some((s) => overlaps(e, s)) && !placeConflict(places, e, ctx))
  if (next.length) return key(nearest(next))
  const keys = new Set(attacks.map(key))
  if (keys.size === 1 && !placeConflict(places, attacks[0], ctx)) return [...keys][0]
  for (const p of places) {
    const there = attacks.filter((e) => e.location && placeKey(ctx.kb, e.location) === p)
    if (there.length) return key(nearest(there))
  }
  const day = pubDate(doc) ? dayNumber(pubDate(doc)!) : null
  const recent = (se: StoryEventRecord) => { const r = se.date ? dateRange(se.date, se.date_precision) : null; return day === null || !r || (r[0] <= day && day - r[1] <= CLAIM_EVENT_REACH_DAYS) }
  for (const p of places) {
    const corpus = (ctx.attacks.get(p) ?? []).filter(recent)
    if (corpus.length === 1) return `se:${corpus[0].id}`
  }
  // no act to tie it to: the most specific place it names (a city before its country)
  const specific = places.find((p) => { const a = ctx.kb.actor(p); return !a || a.code !== a.affiliation || !a.code }) ?? places[0]
  return specific ? `place:${specific}` : null
}
