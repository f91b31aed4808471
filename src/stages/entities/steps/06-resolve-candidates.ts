import { similarWord, skeletonKey, slug, surnameOf, translitKey, type KbActor } from '../../../kb/index.js'
import { typeOf, wordsText, type Ctx, type Hit } from '../context.js'
import { FUZZY_MIN_LETTERS, TITLES } from '../entities.data.js'
import { activeAt, isFullName, titleFits } from './03-resolve-kb.js'
import type { Candidate } from './05-candidates.js'

const letters = (s: string) => s.replace(/[^\p{L}]/gu, '').length

/** The person actors the document has named so far (KB or new), with their surnames. */
function peopleInDoc(ctx: Ctx): { id: string; surnames: string[] }[] {
  const out = new Map<string, string[]>()
  for (const h of ctx.hits) {
    if (!h.actor || h.dropped || typeOf(ctx, h.actor) !== 'PERSON' || out.has(h.actor)) continue
    const k = ctx.kb.actor(h.actor)
    const names = k ? k.aliases : [ctx.newActors.get(h.actor)!.name]
    out.set(h.actor, [...new Set(names.map((n) => surnameOf(n, k?.affiliation ?? null) ?? n))])
  }
  return [...out].map(([id, surnames]) => ({ id, surnames }))
}

/** One answer when the list has exactly one distinct element. */
const only = <T>(xs: readonly T[]): T | null => (new Set(xs).size === 1 ? xs[0]! : null)

/** A KB person chosen among surname look-alikes: named in the document, else the only one whose title and dates fit. */
function pickPerson(ctx: Ctx, ids: readonly string[], title: readonly string[], needTitle: boolean): string | null {
  const named = ids.filter((id) => ctx.hits.some((h) => h.actor === id && isFullName(h)))
  if (named.length) return only(named)
  if (needTitle && !title.length) return null
  const people = ids.map((id) => ctx.kb.actor(id)).filter((a): a is KbActor => !!a)
  return only(people.filter((p) => titleFits(title, p, ctx.date) && activeAt(p, ctx.date)).map((p) => p.id))
}

/** A misspelt place: same consonant skeleton as a KB place whose country the sentence names ("hometown of X, in Iran's …"). */
function fuzzyPlace(ctx: Ctx, c: Candidate, text: string): string | null {
  if (c.title.length || letters(text) < FUZZY_MIN_LETTERS) return null
  const sent = ctx.words[c.w0]!.sent
  const countries = new Set<string>()
  for (const h of ctx.hits) if (h.actor && /^GPE:[A-Z]{3}$/.test(h.actor) && ctx.words[h.w0]!.sent === sent) countries.add(h.actor.slice(4))
  for (const w of ctx.words) if (w.sent === sent) { const iso = ctx.kb.demonym(w.fold); if (iso) countries.add(iso) }
  const places = ctx.kb.placesBySkeleton(skeletonKey(text)).filter((p) => p.geo?.country && countries.has(p.geo.country))
  return only(places.map((p) => p.id))
}

/**
 * Resolves a name the KB did not match, in order: same transliteration as a KB name ("Mohammad Baqeri");
 * a misspelling of a person already named in the document ("Haniyah", "Baker" beside "Mohammad Bagheri");
 * the tail of an earlier name ("Times" after "The New York Times"); a KB person by consonant skeleton when a
 * title and the date agree; a misspelt KB place whose country the sentence names. Else a new actor (or a bare
 * MISC mention when nothing says what it is). A KB actor is never reached by fuzz alone.
 */
export function resolveCandidate(ctx: Ctx, c: Candidate): Hit {
  const text = wordsText(ctx, c.w0, c.w1)
  const base = { w0: c.w0, w1: c.w1, by: c.by, title: c.title, label: 'MISC' as const }
  const done = (actor: string, how: string): Hit => ({ ...base, actor, how, label: typeOf(ctx, actor) ?? 'MISC' })
  const key = translitKey(text)
  const last = ctx.words[c.w1 - 1]!
  const single = c.w1 - c.w0 === 1
  if (letters(text) >= FUZZY_MIN_LETTERS || !single) {
    const byAlias = only(ctx.kb.aliasesByTranslit(key))
    if (byAlias && c.hint !== 'ORG') return done(byAlias, 'translit')
    if (single) { const p = pickPerson(ctx, ctx.kb.surnamesByTranslit(key), c.title, false); if (p) return done(p, 'translit') }
  }
  if (single && c.hint !== 'ORG' && letters(last.text) >= FUZZY_MIN_LETTERS) {
    const close = peopleInDoc(ctx).filter((p) => p.surnames.some((s) => similarWord(s.split(/\s+/).pop()!, last.text)))
    if (close.length === 1) return done(close[0]!.id, 'fuzzy')
  }
  const folds = ctx.words.slice(c.w0, c.w1).map((w) => w.fold).join(' ')
  for (let k = ctx.hits.length - 1; k >= 0; k--) {
    const h = ctx.hits[k]!
    if (!h.actor || h.dropped || h.w1 > c.w0 || h.w1 - h.w0 <= c.w1 - c.w0) continue
    const tail = ctx.words.slice(h.w1 - (c.w1 - c.w0), h.w1).map((w) => w.fold).join(' ')
    if (tail === folds && typeOf(ctx, h.actor) !== 'GPE') return done(h.actor, 'partial')
  }
  if (c.title.some((t) => TITLES[t] !== 'honorific') && letters(last.text) >= FUZZY_MIN_LETTERS) {
    const p = pickPerson(ctx, ctx.kb.peopleBySkeleton(skeletonKey(last.text)).map((a) => a.id), c.title, true)
    if (p) return done(p, 'fuzzy')
  }
  if (c.hint !== 'PERSON' && c.hint !== 'ORG') { const place = fuzzyPlace(ctx, c, text); if (place) return done(place, 'fuzzy') }
  if (c.hint === 'MISC') return { ...base, actor: null, how: 'misc' }
  const id = `X:${c.hint}:${slug(key)}`
  if (!ctx.newActors.has(id)) ctx.newActors.set(id, { id, name: text, type: c.hint, affiliation: null })
  return { ...base, actor: id, how: 'new', label: c.hint }
}
