import type { ClaimRecord } from '../doc/layers.js'
import type { Kb } from '../kb/index.js'
import type { ContradictionRecord, DocumentRecord, StoryEventRecord } from '../model/records.js'
import { compareActors, type ActorInfo } from './actor-compat.js'
import { casualtyFigures } from './casualty-figures.js'
import { attacksByPlace, claimAnchor, type AnchorContext } from './claim-anchor.js'
import { claimMeasure, claimUnit } from './claim-measure.js'
import { ATTRIBUTION_TYPES, CLAIM_PLACE_WINDOW_DAYS } from './corpus.data.js'
import { dayNumber } from './dates.js'
import type { Coreference, EventMention } from './event-coref.js'
import { dateAnnounced } from './mention-facts.js'
import { pubDate, shortHash } from './story-events.js'
import { UnionFind } from './union-find.js'

interface ClaimRef { readonly doc: DocumentRecord; readonly claim: ClaimRecord; readonly measure: string; readonly unit: string; readonly anchor: string; readonly day: number | null }

const RANGE: Record<string, (v: number) => [number, number]> = {
  'at least': (v) => [v, Infinity], 'more than': (v) => [v + 1e-9, Infinity], 'over': (v) => [v + 1e-9, Infinity],
  'almost': (v) => [v * 0.8, v], 'nearly': (v) => [v * 0.8, v], 'less than': (v) => [0, v - 1e-9], 'fewer than': (v) => [0, v - 1e-9], 'up to': (v) => [0, v],
  'about': (v) => [v * 0.9, v * 1.1], 'around': (v) => [v * 0.9, v * 1.1], 'some': (v) => [v * 0.9, v * 1.1],
}
const rangeOf = (c: ClaimRecord): [number, number] => (RANGE[(c.qualifier ?? '').toLowerCase()] ?? ((v: number) => [v, v]))(c.value)
const show = (c: ClaimRecord) => `${c.qualifier ? c.qualifier + ' ' : ''}${c.value}`

/** What a figure counts, in words: "people killed", "children injured", "casualties (people)". */
const counted = (measure: string, unit: string) => (/(?:ed|ing)$/.test(measure) && unit ? `${unit} ${measure}` : `${measure}${unit ? ` (${unit})` : ''}`)
/** Where and when an event was, in words (" in Ahvaz on 2024-11-10"); descriptions name no internal id. */
const whereWhen = (e: { readonly location?: string | null; readonly date?: string | null }) => `${e.location ? ` in ${e.location}` : ''}${e.date ? ` on ${e.date}` : ''}`

/** Every counted claim of the original pages (copies are skipped), with its measure, unit and the act it is about. */
function claimRefs(docs: readonly DocumentRecord[], originalOf: ReadonlyMap<string, string>, ctx: AnchorContext): ClaimRef[] {
  const refs: ClaimRef[] = []
  for (const doc of docs) {
    if ((originalOf.get(doc.id) ?? doc.id) !== doc.id) continue
    const day = pubDate(doc) ? dayNumber(pubDate(doc)!) : null
    const measured = [...doc.claims.map((claim) => ({ claim, measure: claimMeasure(doc, claim) })), ...casualtyFigures(doc, doc.claims).map((f) => ({ claim: f, measure: f.measure }))]
    for (const { claim, measure } of measured) {
      if (!measure) continue
      const anchor = claimAnchor(doc, claim, ctx)
      if (anchor) refs.push({ doc, claim, measure, unit: claimUnit(measure, claim.unit), anchor, day })
    }
  }
  return refs
}

/**
 * Claims about the same thing that disagree: the same measure and unit ("martyrs", "dead" and "people killed" all
 * count people killed), about the same act (its story event, across pages), with different figures. A qualifier
 * does not excuse a different figure: "at least 37" against 41 is flagged, and each member keeps its qualifier.
 * Equal figures disagree only when their qualifiers cannot both hold ("more than 15" against "15"). Figures tied
 * only to a place are compared between pages at most CLAIM_PLACE_WINDOW_DAYS apart. Copies are skipped.
 */
export function claimContradictions(docs: readonly DocumentRecord[], eventStory: ReadonlyMap<string, string>, storyEvents: readonly StoryEventRecord[], info: ReadonlyMap<string, ActorInfo>, originalOf: ReadonlyMap<string, string>, kb: Kb): ContradictionRecord[] {
  const refs = claimRefs(docs, originalOf, { eventStory, attacks: attacksByPlace(storyEvents, kb), info, kb })
  const uf = new UnionFind(refs.length), byKey = new Map<string, number[]>()
  refs.forEach((r, i) => { const k = `${r.measure}|${r.unit}|${r.anchor}`; const b = byKey.get(k); if (b) b.push(i); else byKey.set(k, [i]) })
  for (const ids of byKey.values()) for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) {
    const x = refs[ids[a]], y = refs[ids[b]]
    // a place alone says which act only for pages of the same days
    const near = !x.anchor.startsWith('place:') || x.doc.id === y.doc.id || (x.day !== null && y.day !== null && Math.abs(x.day - y.day) <= CLAIM_PLACE_WINDOW_DAYS)
    if (near) uf.union(ids[a], ids[b])
  }
  const out: ContradictionRecord[] = []
  for (const g of uf.groups()) {
    const rs = g.map((i) => refs[i])
    const values = new Set(rs.map((r) => r.claim.value))
    const clash = values.size > 1 || rs.some((a) => rs.some((b) => { const x = rangeOf(a.claim), y = rangeOf(b.claim); return x[1] < y[0] || y[1] < x[0] }))
    if (!clash) continue
    const members = rs.map((r) => ({ doc: r.doc.id, value: r.claim.value, qualifier: r.claim.qualifier, evidence: r.claim.evidence }))
    const selfs = [...new Set(rs.map((r) => r.doc.id))].filter((d) => new Set(rs.filter((r) => r.doc.id === d).map((r) => r.claim.value)).size > 1)
    const se = rs[0].anchor.startsWith('se:') ? storyEvents.find((x) => x.id === rs[0].anchor.slice(3)) : null
    const about = se ? `the ${se.type} event${whereWhen(se)}` : rs[0].anchor.startsWith('se:') ? 'one event' : `at ${rs[0].anchor.slice(6)}`
    out.push({ kind: 'contradiction', id: 'ct_' + shortHash(members.map((m) => `${m.doc}:${m.evidence.start}:${m.value}`).join('|')), field: `claim:${rs[0].measure}`,
      description: `${counted(rs[0].measure, rs[0].unit)} (${about}): ${[...new Set(rs.map((r) => show(r.claim)))].join(' vs ')}${selfs.length ? `; ${selfs.length} page(s) give more than one figure` : ''}`, members })
  }
  return out
}

/** Story events whose members give different days, or (attacks) name perpetrators that cannot be the same actor. */
export function eventContradictions(coref: Coreference, eventStory: ReadonlyMap<string, string>, info: ReadonlyMap<string, ActorInfo>): ContradictionRecord[] {
  const out: ContradictionRecord[] = []
  for (const g of coref.groups) {
    const ms = g.map((i) => coref.mentions[i])
    if (new Set(ms.map((m) => m.doc.id)).size < 2) continue
    const se = eventStory.get(ms[0].event.id)!
    const days = ms.filter((m) => m.precision === 'day' && m.date && m.event.date)
    // a page that dates only the announcement ("… his office said on Wednesday") gives the act's latest day, not
    // another day: it disagrees only with an act dated after it
    const announced = (m: EventMention) => m.dateFrom === 'stage' && dateAnnounced(m.doc, m.event)
    const acts = days.filter((m) => !announced(m)), latest = acts.reduce<string | null>((b, m) => (!b || m.date! > b ? m.date : b), null)
    const disagree = [...acts, ...days.filter((m) => announced(m) && latest && m.date! < latest)]
    if (new Set(disagree.map((m) => m.date)).size > 1)
      out.push({ kind: 'contradiction', id: 'ct_' + shortHash(se + ':date'), field: 'date', description: `dates of one ${ms[0].event.type} event disagree${whereWhen({ location: ms[0].event.location })}`,
        members: disagree.map((m) => ({ doc: m.doc.id, value: m.date, evidence: m.event.evidence })) })
    // only perpetrators of attacks, as the sentence names them itself: a meeting's sides may be written either way
    // round, and an actor reached through a role or a pronoun is an inference, not a claim
    const named = ATTRIBUTION_TYPES.has(ms[0].event.type) ? ms.filter((m) => m.event.source_actor && m.named[0]) : []
    if (named.some((a) => named.some((b) => compareActors(a.event.source_actor, b.event.source_actor, info) === 'conflict')))
      out.push({ kind: 'contradiction', id: 'ct_' + shortHash(se + ':actor'), field: 'source_actor', description: `who carried out one ${ms[0].event.type} event disagrees${whereWhen(ms[0].event)}`,
        members: named.map((m) => ({ doc: m.doc.id, value: m.event.source_actor!.name, evidence: m.event.evidence })) })
  }
  return out
}
