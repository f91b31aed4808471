import { covers, similarWord, type KbActor } from '../../../kb/index.js'
import type { Ctx, Hit } from '../context.js'
import { MILITARY_ROLE_WORDS, NOT_NAMES, TITLES } from '../entities.data.js'

/** Folded title words written just before word i ("Brig. Gen." → ['brig', 'gen']). */
export function titleBefore(ctx: Ctx, i: number): string[] {
  const out: string[] = []
  for (let k = i - 1; k >= 0 && k >= i - 4 && ctx.words[k]!.sent === ctx.words[i]!.sent; k--) {
    const f = ctx.words[k]!.fold
    if (f === '.') continue
    if (!(f in TITLES) || !ctx.words[k]!.cap) break
    out.unshift(f)
  }
  return out
}

/** True when a title agrees with a person's roles (a general is military; "President" needs a presidency). */
export function titleFits(title: readonly string[], actor: KbActor, date: string | null): boolean {
  const roles = date ? actor.roles.filter((r) => covers(r.from, r.to, date)) : actor.roles
  const titles = (roles.length ? roles : actor.roles).map((r) => r.title.toLowerCase())
  for (const t of title) {
    const kind = TITLES[t]
    if (kind === 'military' && !titles.some((x) => MILITARY_ROLE_WORDS.some((w) => x.includes(w)))) return false
    if (kind === 'office' && !titles.some((x) => x.includes(t))) return false
  }
  return true
}

/** True when the person held some role on the date (or the date is unknown). */
export const activeAt = (actor: KbActor, date: string | null): boolean =>
  !date || !actor.roles.length || actor.roles.some((r) => covers(r.from, r.to, date))

/** Given names of a person (words before the surname in any alias). */
function givenNames(actor: KbActor, surname: string): string[] {
  return actor.aliases.flatMap((a) => { const w = a.split(/\s+/); const k = w.findIndex((x) => x.toLowerCase() === surname); return k > 0 ? w.slice(0, k) : [] })
}

/**
 * Picks each gazetteer hit's actor. Full names win directly. A surname alone goes to the candidate named in full
 * elsewhere in the document, else to the only one whose title and dates fit; an everyday-word surname ("Price")
 * needs that support or is dropped; a capitalised given name before a surname must agree with the person's
 * ("Massed Pezeshkian" is Masoud Pezeshkian, seed 001) or it names someone else, left for a new actor.
 */
export function resolveKbHits(ctx: Ctx): void {
  const fullHits = ctx.hits.filter((h) => h.how === 'alias')
  const full = new Set(fullHits.map((h) => h.cands![0]!.actor))
  // people the page names in full, by the last word of the name ("Mahmoud Abbas": "abbas")
  const byLastWord = new Map<string, Set<string>>()
  for (const h of fullHits) {
    const id = h.cands![0]!.actor
    if (h.w1 - h.w0 > 1 && ctx.kb.actor(id)?.type === 'PERSON') { const k = ctx.words[h.w1 - 1]!.fold; byLastWord.set(k, (byLastWord.get(k) ?? new Set()).add(id)) }
  }
  for (const h of ctx.hits) {
    const cands = h.cands ?? []
    h.title = titleBefore(ctx, h.w0)
    if (h.how === 'alias') { h.actor = pickAlias(ctx, cands.filter((c) => c.how === 'alias').map((c) => c.actor)); continue }
    const people = cands.map((c) => ctx.kb.actor(c.actor)!).filter(Boolean)
    // a surname alone is the person the page names in full with it, even one the surname index does not list
    // ("Mahmoud Abbas … Abbas said": not another Abbas of the knowledge base)
    const local = h.w1 - h.w0 === 1 ? [...(byLastWord.get(ctx.words[h.w0]!.fold) ?? [])].map((id) => ctx.kb.actor(id)!).filter(Boolean) : []
    const named = [...new Set([...people.filter((p) => full.has(p.id)), ...local])]
    const fitting = people.filter((p) => titleFits(h.title!, p, ctx.date) && activeAt(p, ctx.date))
    const weak = cands.every((c) => c.weak)
    let pick: KbActor | null = named.length === 1 ? named[0]! : null
    if (!pick && !named.length && (!weak || h.title.length) && fitting.length === 1) pick = fitting[0]!
    if (!pick && weak) { h.dropped = true; continue }
    h.actor = pick?.id ?? null
    h.how = pick ? 'surname' : 'new'
    const prev = ctx.words[h.w0 - 1]
    if (prev && prev.cap && prev.sent === ctx.words[h.w0]!.sent && !(prev.fold in TITLES) && !NOT_NAMES.has(prev.fold) && /^\p{L}+$/u.test(prev.text)
      && !ctx.kb.demonym(prev.fold) && !ctx.hits.some((o) => o !== h && o.w0 <= h.w0 - 1 && o.w1 > h.w0 - 1)) {
      const surname = ctx.words[h.w0]!.fold
      const fits = pick && givenNames(pick, surname).some((g) => similarWord(g, prev.text))
      h.w0--
      if (fits) h.how = 'variant'; else { h.actor = null; h.how = 'new' }
    }
  }
  // a lone surname taken for a knowledge-base person only by its surname stays unresolved where the page names
  // someone else in full with it ("Kazem Jalali … Jalali said": not the KB's other Jalali); the candidates join it
  // to that person
  const otherFull = new Set(ctx.hits.filter((h) => h.how === 'new' && h.w1 - h.w0 > 1).map((h) => ctx.words[h.w1 - 1]!.fold))
  for (const h of ctx.hits) if (h.how === 'surname' && !full.has(h.actor!) && otherFull.has(ctx.words[h.w0]!.fold)) { h.actor = null; h.how = 'new' }
}

/** Among actors sharing a full name, prefers a person active at the date, then the KB order (curated first). */
function pickAlias(ctx: Ctx, ids: readonly string[]): string | null {
  if (ids.length <= 1) return ids[0] ?? null
  const active = ids.filter((id) => { const a = ctx.kb.actor(id); return a && a.type === 'PERSON' && activeAt(a, ctx.date) })
  return active.length === 1 ? active[0]! : ids[0]!
}

/** Hits of the document that name a person in full (for in-document matching of later short or misspelt names). */
export const isFullName = (h: Hit): boolean => h.how === 'alias' || h.how === 'variant'

/**
 * "Tasnim news agency", "the Shanghai Cooperation organization": a knowledge-base organisation named by the start of
 * its full name and followed, in the same sentence, by the rest of that name in any case is named by the whole
 * phrase (the mention covers what the page writes).
 */
export function extendToFullNames(ctx: Ctx): void {
  const { words } = ctx
  for (const h of ctx.hits) {
    if (!h.actor || h.dropped) continue
    const a = ctx.kb.actor(h.actor)
    if (!a || (a.type !== 'ORG' && a.type !== 'GROUP')) continue
    const full = a.name.split(/\s+/).map((w) => w.toLowerCase())
    const have = words.slice(h.w0, h.w1).map((w) => w.fold)
    if (full.length <= have.length || have.some((w, i) => w !== full[i])) continue
    const rest = full.slice(have.length)
    if (rest.every((w, i) => words[h.w1 + i]?.fold === w && words[h.w1 + i]!.sent === words[h.w0]!.sent) && !ctx.hits.some((o) => o !== h && !o.dropped && o.w0 >= h.w1 && o.w0 < h.w1 + rest.length)) h.w1 += rest.length
  }
}
