import type { Ctx, Hit } from '../context.js'
import { METONYM_NOUNS, STATE_NOUNS } from '../entities.data.js'
import { pushAll } from '../../../doc/arrays.js'
import { readingCache } from '../../../reading-caches.js'

const COUNTRY_ID = /^GPE:[A-Z]{3}$/
const CITY_ID = /^GPE:([A-Z]{3}):/

let firstWords = new WeakMap<object, Set<string>>()
readingCache(() => { firstWords = new WeakMap() })

/** Longest head phrase ("defence ministry", "armed forces") starting at word i: its end and value (template or org id). */
function headAt(ctx: Ctx, i: number): { end: number; value: string } | null {
  let first = firstWords.get(ctx.kb.heads)
  if (!first) { first = new Set([...ctx.kb.heads.keys()].map((k) => k.split(' ')[0]!)); firstWords.set(ctx.kb.heads, first) }
  if (!ctx.words[i] || !first.has(ctx.words[i]!.fold)) return null
  let key = '', best: { end: number; value: string } | null = null
  for (let j = i; j < ctx.words.length && j < i + 4 && ctx.words[j]!.sent === ctx.words[i]!.sent; j++) {
    key = j > i ? key + ' ' + ctx.words[j]!.fold : ctx.words[j]!.fold
    const v = ctx.kb.heads.get(key)
    if (v) best = { end: j + 1, value: v }
  }
  return best
}

/** The body a head names for a country: a template instance, or a curated org of that country. */
function bodyFor(ctx: Ctx, iso: string, value: string): string | null {
  if (value.includes(':')) return ctx.kb.actor(value)?.affiliation === iso ? value : null
  return ctx.kb.body(iso, value)?.id ?? null
}

/** The one body of this kind that an office of a person named in word i's sentence belongs to, or null. */
function holderBody(ctx: Ctx, i: number, template: string, byStart: ReadonlyMap<number, Hit>): string | null {
  const sent = ctx.words[i]!.sent
  const found = new Set<string>()
  for (const h of byStart.values()) {
    if (!h.actor?.startsWith('P:') || ctx.words[h.w0]!.sent !== sent) continue
    for (const r of ctx.kb.actor(h.actor)?.roles ?? []) {
      const body = ctx.kb.offices.get(r.office)?.body
      if (body && ctx.kb.actor(body)?.template === template) found.add(body)
    }
  }
  return found.size === 1 ? [...found][0]! : null
}

/**
 * State bodies named through their country, and capitals standing for their state:
 * "Iranian armed forces", "Russia's defence ministry", "the foreign ministry of Iran" (a body of bodies.jsonl or a
 * curated org of that country); "Iranian Revolutionary Guard" (a demonym before an org of that country);
 * "<city> regime" names the city's state ("Tel Aviv regime", seed 002), but a capital standing for its government
 * stays the city (the gold convention: "Kyiv regime" names Kyiv); "<demonym> regime" names the state ("American
 * regime"); "<head> of the <demonym> <head>" is the first body of that state ("General Staff of the Iranian Armed
 * Forces"); a bare head ("the Security Council") takes the body of the same kind last named in the document, else
 * the body of an office held by a person the sentence names ("Security Council Secretary Sergei Shoigu").
 */
export function findBodies(ctx: Ctx): void {
  const { words, kb, hits } = ctx
  const byStart = new Map(hits.map((h) => [h.w0, h]))
  const added: Hit[] = []
  const lastOfKind = new Map<string, string>()
  const kindOf = (actor: string) => kb.actor(actor)?.template ?? null
  for (let i = 0; i < words.length; i++) {
    const h = byStart.get(i)
    let iso: string | null = null, j = i + 1
    if (h?.actor && COUNTRY_ID.test(h.actor)) { iso = h.actor.slice(4); j = h.w1; if (words[j]?.fold === "'s") j++ }
    else if (!h && words[i]!.cap) iso = kb.demonym(words[i]!.fold) ?? null
    if (h?.actor) { const k = kindOf(h.actor); if (k) lastOfKind.set(k, h.actor) }
    if (h?.actor && CITY_ID.test(h.actor) && METONYM_NOUNS.has(words[h.w1]?.fold ?? '') && words[h.w1]!.sent === words[i]!.sent) {
      const country = `GPE:${CITY_ID.exec(h.actor)![1]}`
      if (kb.actor(h.actor)?.standsFor !== country) { h.actor = country; h.w1++; h.how = 'metonym'; h.label = 'GPE'; continue }
    }
    if (iso && !h && STATE_NOUNS.has(words[j]?.fold ?? '') && words[j]!.sent === words[i]!.sent) {
      added.push({ w0: i, w1: j + 1, actor: `GPE:${iso}`, label: 'GPE', by: 'rule', how: 'metonym' }) // "the American regime"
      i = j
      continue
    }
    if (iso) {
      const next = byStart.get(j)
      const nextActor = next?.actor ? kb.actor(next.actor) : null
      if (nextActor && (nextActor.type === 'ORG' || nextActor.type === 'GROUP') && nextActor.affiliation === iso && !h) {
        next!.w0 = i; byStart.delete(j); byStart.set(i, next!); continue // "Iranian Revolutionary Guard"
      }
      const head = headAt(ctx, j)
      const body = head ? bodyFor(ctx, iso, head.value) : null
      if (head && body) {
        added.push({ w0: i, w1: head.end, actor: body, label: 'ORG', by: 'rule', how: 'head' })
        const k = kindOf(body); if (k) lastOfKind.set(k, body)
        i = head.end - 1
      }
      continue
    }
    if (h) { i = h.w1 - 1; continue }
    const head = headAt(ctx, i)
    if (!head) continue
    const template = head.value.includes(':') ? kindOf(head.value) : head.value
    // "the foreign ministry of Iran"
    let k = head.end
    if (words[k]?.fold === 'of') { k++; if (words[k]?.fold === 'the') k++ }
    const of = k > head.end ? byStart.get(k) : undefined
    if (of?.actor && COUNTRY_ID.test(of.actor)) {
      const body = bodyFor(ctx, of.actor.slice(4), head.value)
      if (body) { added.push({ w0: i, w1: of.w1, actor: body, label: 'ORG', by: 'rule', how: 'head' }); i = of.w1 - 1; continue }
    }
    // "the General Staff of the Iranian Armed Forces": the state comes from a demonym, with or without a body after
    // it, or from a state body named after "of" ("… of the Turkish Armed Forces")
    const ofBody = of?.actor && kb.actor(of.actor)?.template ? kb.actor(of.actor)!.affiliation : null
    const dem = ofBody ?? (k > head.end && !of && words[k]?.cap ? kb.demonym(words[k]!.fold) : undefined)
    const demBody = dem ? bodyFor(ctx, dem, head.value) : null
    if (demBody && demBody !== of?.actor) {
      const end = of ? of.w1 : headAt(ctx, k + 1)?.end ?? k + 1
      added.push({ w0: i, w1: end, actor: demBody, label: 'ORG', by: 'rule', how: 'head' })
      const kind = kindOf(demBody); if (kind) lastOfKind.set(kind, demBody)
      i = end - 1
      continue
    }
    if (!words[i]!.cap && words[i - 1]?.fold !== 'the') continue
    const prior = (template ? lastOfKind.get(template) : undefined) ?? (template ? holderBody(ctx, i, template, byStart) : null)
    if (prior) {
      added.push({ w0: i, w1: head.end, actor: prior, label: 'ORG', by: 'rule', how: 'antecedent' })
      lastOfKind.set(template!, prior)
      i = head.end - 1
    }
  }
  hits.length = 0
  pushAll(hits, byStart.values(), added)
  hits.sort((a, b) => a.w0 - b.w0 || b.w1 - a.w1)
}
