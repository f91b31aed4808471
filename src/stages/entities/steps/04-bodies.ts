import type { Ctx, Hit } from '../context.js'
import { METONYM_NOUNS } from '../entities.data.js'

const COUNTRY_ID = /^GPE:[A-Z]{3}$/
const CITY_ID = /^GPE:([A-Z]{3}):/

const firstWords = new WeakMap<object, Set<string>>()

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

/**
 * State bodies named through their country, and capitals standing for their state:
 * "Iranian armed forces", "Russia's defence ministry", "the foreign ministry of Iran" (a body of bodies.jsonl or a
 * curated org of that country); "Iranian Revolutionary Guard" (a demonym before an org of that country);
 * "<city> regime" (the city's country: a capital standing for its government, seed 002's convention);
 * a bare head ("the Security Council") takes the body of the same kind last named in the document.
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
      h.actor = `GPE:${CITY_ID.exec(h.actor)![1]}`; h.w1++; h.how = 'metonym'; h.label = 'GPE'
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
    const prior = template ? lastOfKind.get(template) : undefined
    if (prior && (words[i]!.cap || words[i - 1]?.fold === 'the')) {
      added.push({ w0: i, w1: head.end, actor: prior, label: 'ORG', by: 'rule', how: 'antecedent' })
      i = head.end - 1
    }
  }
  hits.length = 0
  hits.push(...byStart.values(), ...added)
  hits.sort((a, b) => a.w0 - b.w0 || b.w1 - a.w1)
}
