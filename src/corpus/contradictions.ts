import type { ClaimRecord } from '../doc/layers.js'
import type { ContradictionRecord, DocumentRecord } from '../model/records.js'
import { compareActors, kbActorByName, type ActorInfo } from './actor-compat.js'
import type { Kb } from '../kb/index.js'
import { claimMeasure } from './claim-measure.js'
import type { Coreference } from './event-coref.js'
import { shortHash } from './story-events.js'
import { UnionFind } from './union-find.js'

interface ClaimRef { readonly doc: DocumentRecord; readonly claim: ClaimRecord; readonly measure: string; readonly unit: string; readonly anchors: readonly string[] }

const UNIT_PEOPLE = /^(?:people|persons?|civilians?|individuals|victims|men|women|children|soldiers|troops|palestinians|israelis|iranians|ukrainians|russians|worshippers|pilgrims)$/i

/** What a claim is about: story events reported in its sentence, and places named in it. */
function anchorsOf(doc: DocumentRecord, c: ClaimRecord, eventStory: ReadonlyMap<string, string>, info: ReadonlyMap<string, ActorInfo>, kb: Kb): string[] {
  const ev = c.evidence
  const events = doc.events.filter((e) => e.evidence.start < ev.end && e.evidence.end > ev.start)
  const out = events.map((e) => `se:${eventStory.get(e.id) ?? e.id}`)
  // the place of an event reported in the same sentence is what the figure is about too
  for (const e of events) if (e.location) out.push(`place:${doc.id}:${kbActorByName(kb, e.location)?.id ?? e.location.toLowerCase()}`)
  for (const ent of doc.entities) {
    const t = info.get(ent.actor)?.type ?? ent.type
    if ((t === 'GPE' || t === 'LOC') && ent.mentions.some((m) => m.start >= ev.start && m.end <= ev.end)) out.push(`place:${doc.id}:${info.get(ent.actor)?.id ?? ent.actor}`)
  }
  // places the knowledge base knows by name, for pages whose entities missed them
  for (const m of ev.text.matchAll(/\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}/gu)) {
    const k = kbActorByName(kb, m[0])
    if (k && (k.type === 'GPE' || k.type === 'LOC')) out.push(`place:${doc.id}:${k.id}`)
  }
  return [...new Set(out)]
}

const RANGE: Record<string, (v: number) => [number, number]> = {
  'at least': (v) => [v, Infinity], 'more than': (v) => [v + 1e-9, Infinity], 'over': (v) => [v + 1e-9, Infinity],
  'almost': (v) => [v * 0.8, v], 'nearly': (v) => [v * 0.8, v], 'less than': (v) => [0, v - 1e-9], 'fewer than': (v) => [0, v - 1e-9], 'up to': (v) => [0, v],
  'about': (v) => [v * 0.9, v * 1.1], 'around': (v) => [v * 0.9, v * 1.1], 'some': (v) => [v * 0.9, v * 1.1],
}
const rangeOf = (c: ClaimRecord): [number, number] => (RANGE[(c.qualifier ?? '').toLowerCase()] ?? ((v: number) => [v, v]))(c.value)
const show = (c: ClaimRecord) => `${c.qualifier ? c.qualifier + ' ' : ''}${c.value}`

/**
 * Claims about the same thing that disagree: same measure and unit, about the same story event (or, on one
 * page, the same place), with different figures or qualifiers that cannot both hold. Copies are skipped.
 */
export function claimContradictions(docs: readonly DocumentRecord[], eventStory: ReadonlyMap<string, string>, info: ReadonlyMap<string, ActorInfo>, originalOf: ReadonlyMap<string, string>, kb: Kb): ContradictionRecord[] {
  const refs: ClaimRef[] = []
  for (const doc of docs) {
    if ((originalOf.get(doc.id) ?? doc.id) !== doc.id) continue
    for (const claim of doc.claims) {
      const measure = claimMeasure(doc, claim)
      if (!measure) continue
      const unit = UNIT_PEOPLE.test(claim.unit.trim()) ? 'people' : claim.unit.trim().toLowerCase()
      refs.push({ doc, claim, measure, unit, anchors: anchorsOf(doc, claim, eventStory, info, kb) })
    }
  }
  const uf = new UnionFind(refs.length), byKey = new Map<string, number>()
  refs.forEach((r, i) => { for (const a of r.anchors) { const k = `${r.measure}|${r.unit}|${a}`; const j = byKey.get(k); if (j === undefined) byKey.set(k, i); else uf.union(i, j) } })
  const out: ContradictionRecord[] = []
  for (const g of uf.groups()) {
    const rs = g.map((i) => refs[i])
    const values = new Set(rs.map((r) => r.claim.value))
    const clash = values.size > 1 || rs.some((a) => rs.some((b) => { const x = rangeOf(a.claim), y = rangeOf(b.claim); return x[1] < y[0] || y[1] < x[0] }))
    if (!clash) continue
    const members = rs.map((r) => ({ doc: r.doc.id, value: r.claim.value, qualifier: r.claim.qualifier, evidence: r.claim.evidence }))
    out.push({ kind: 'contradiction', id: 'ct_' + shortHash(members.map((m) => `${m.doc}:${m.evidence.start}`).join('|')), field: `claim:${rs[0].measure}`,
      description: `${rs[0].measure} (${rs[0].unit}): ${rs.map((r) => show(r.claim)).join(' vs ')}`, members })
  }
  return out
}

/** Story events whose members give different days, or name perpetrators that cannot be the same actor. */
export function eventContradictions(coref: Coreference, eventStory: ReadonlyMap<string, string>, info: ReadonlyMap<string, ActorInfo>): ContradictionRecord[] {
  const out: ContradictionRecord[] = []
  for (const g of coref.groups) {
    const ms = g.map((i) => coref.mentions[i])
    if (new Set(ms.map((m) => m.doc.id)).size < 2) continue
    const se = eventStory.get(ms[0].event.id)!
    const days = ms.filter((m) => m.precision === 'day' && m.date && m.event.date)
    if (new Set(days.map((m) => m.date)).size > 1)
      out.push({ kind: 'contradiction', id: 'ct_' + shortHash(se + ':date'), field: 'date', description: `dates of one ${ms[0].event.type} event disagree (story event ${se})`,
        members: days.map((m) => ({ doc: m.doc.id, value: m.date, evidence: m.event.evidence })) })
    // only perpetrators the sentence names itself: one reached through a role or a pronoun is an inference, not a claim
    const named = ms.filter((m) => m.event.source_actor && m.named[0])
    if (named.some((a) => named.some((b) => compareActors(a.event.source_actor, b.event.source_actor, info) === 'conflict')))
      out.push({ kind: 'contradiction', id: 'ct_' + shortHash(se + ':actor'), field: 'source_actor', description: `who carried out one ${ms[0].event.type} event disagrees (story event ${se})`,
        members: named.map((m) => ({ doc: m.doc.id, value: m.event.source_actor!.name, evidence: m.event.evidence })) })
  }
  return out
}
