import { editDistance, foldName, similarWord, skeletonKey, slug, surnameOf, translitKey, type KbActor } from '../../../kb/index.js'
import { typeOf, wordsText, type Ctx, type Hit } from '../context.js'
import { BODY_OF_PLACE, FUZZY_MIN_LETTERS, INITIAL, ORG_HEAD_WORDS, TITLES } from '../entities.data.js'
import { activeAt, isFullName, titleFits } from './03-resolve-kb.js'
import type { Candidate } from './05-candidates.js'
import { readingCache } from '../../../reading-caches.js'

const NON_LETTERS = /[^\p{L}]/gu
const ASCII_LETTERS = /^[A-Za-z]*$/
const letters = (s: string) => (ASCII_LETTERS.test(s) ? s.length : s.replace(NON_LETTERS, '').length)

/**
 * A person the document names, with the last words of their surnames (what a lone misspelt word is compared with) and
 * the given name the page first writes before them ("saddam" of "Saddam Hussein"), folded.
 */
interface NamedPerson { readonly id: string; readonly lastWords: readonly string[]; readonly given: string | null; readonly names: readonly (readonly string[])[] }

/** The folded words of a name after its titles ("Amir-Abdollahian" is two; "Imam Khomeini" is one). */
function nameWords(name: string): string[] {
  const ws = foldName(name).split(/[\s\-‐–]+/u).filter(Boolean)
  let k = 0
  while (k < ws.length - 1 && ws[k]!.replace(/\.$/u, '') in TITLES) k++
  return ws.slice(k)
}

/** Words that open a person's name without being a given name one would call them by (titles aside: TITLES). */
const NOT_GIVEN = new Set(['abu', 'umm', 'al', 'el', 'bin', 'ibn', 'ben', 'abd', 'abdul', 'mohammad', 'mohammed', 'muhammad', 'ali', 'mir'])

type PersonWords = Pick<NamedPerson, 'lastWords' | 'names'>
/** A person's surname words and name words from their names (the KB's aliases for the surnames), as NamedPerson keeps them. */
const personWords = (names: readonly string[], surnamesFrom: readonly string[], affiliation: string | null): PersonWords => ({
  lastWords: [...new Set(surnamesFrom.map((n) => surnameOf(n, affiliation) ?? n))].map((s) => s.split(/\s+/).pop()!),
  names: names.map(nameWords).filter((n) => n.length > 1),
})
/** The words of a KB person, per KB actor record (they never change). */
let kbWords = new WeakMap<object, PersonWords>()
readingCache(() => { kbWords = new WeakMap() })

/** The people of the document so far, kept per document and extended as hits are added (hits are only appended). */
let peopleSeen = new WeakMap<Ctx, { upto: number; ids: Set<string>; list: NamedPerson[] }>()
readingCache(() => { peopleSeen = new WeakMap() })

/** Forgets the people list of a document (after hits already there were changed in place). */
export function forgetPeople(ctx: Ctx): void { peopleSeen.delete(ctx) }

/** The person actors the document has named so far (KB or new), in order of first mention, with their surnames. */
function peopleInDoc(ctx: Ctx): readonly NamedPerson[] {
  let seen = peopleSeen.get(ctx)
  if (!seen) peopleSeen.set(ctx, (seen = { upto: 0, ids: new Set(), list: [] }))
  for (; seen.upto < ctx.hits.length; seen.upto++) {
    const h = ctx.hits[seen.upto]!
    if (!h.actor || h.dropped || seen.ids.has(h.actor) || typeOf(ctx, h.actor) !== 'PERSON') continue
    const k = ctx.kb.actor(h.actor)
    let words: PersonWords
    if (k) { words = kbWords.get(k) ?? personWords([k.name, ...k.aliases], k.aliases, k.affiliation); kbWords.set(k, words) } else { const name = [ctx.newActors.get(h.actor)!.name]; words = personWords(name, name, null) }
    seen.ids.add(h.actor)
    const first = ctx.words[h.w0]!
    const given = h.w1 - h.w0 > 1 && first.cap && letters(first.text) >= 3 && !(first.fold in TITLES) && !NOT_GIVEN.has(first.fold) && !INITIAL.test(first.text) ? first.fold : null
    seen.list.push({ id: h.actor, given, ...words })
  }
  return seen.list
}

/** True when words [a, a+n) and [b, b+n) have the same folded forms. */
function sameFolds(ctx: Ctx, a: number, b: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (ctx.words[a + k]!.fold !== ctx.words[b + k]!.fold) return false
  return true
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
  const alike = ctx.kb.placesBySkeleton(skeletonKey(text))
  if (!alike.length) return null // the usual case: no look-alike place, so the sentence's countries are not needed
  const sent = ctx.words[c.w0]!.sent
  const countries = new Set<string>()
  for (const h of ctx.hits) if (h.actor && /^GPE:[A-Z]{3}$/.test(h.actor) && ctx.words[h.w0]!.sent === sent) countries.add(h.actor.slice(4))
  for (const w of ctx.words) if (w.sent === sent) { const iso = ctx.kb.demonym(w.fold); if (iso) countries.add(iso) }
  const places = alike.filter((p) => p.geo?.country && countries.has(p.geo.country))
  return only(places.map((p) => p.id))
}

/** An acronym: two to seven capitals (dots allowed). */
const ACRONYM = /^(?:\p{Lu}\.?){2,7}$/u
/** Lower-case words an acronym skips ("Council of Resistance of Iran": NCRI). */
const ACRONYM_SKIPS = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'to', 'de', 'al'])

/** The latest body named before word w0 whose initials spell the acronym ("Islamic Republic of Iran Air Force" for "IRIAF"), or null. */
function expandedBy(ctx: Ctx, w0: number, acronym: string): string | null {
  const want = acronym.replace(/\./g, '')
  for (let k = ctx.hits.length - 1; k >= 0; k--) {
    const h = ctx.hits[k]!
    if (!h.actor || h.dropped || h.w1 > w0 || h.w1 - h.w0 < 2 || typeOf(ctx, h.actor) === 'PERSON') continue
    const initials = ctx.words.slice(h.w0, h.w1).filter((w) => !ACRONYM_SKIPS.has(w.fold) && /^\p{L}/u.test(w.text)).map((w) => w.text[0]!.toUpperCase()).join('')
    if (initials === want) return h.actor
  }
  return null
}

/**
 * The actor of the latest longer hit ending by word `before` whose last n words are words [from, from + n) and that
 * `fits` accepts ("Times" after "The New York Times"; "Ryabkov" of "S. Ryabkov" after "Sergei Ryabkov"), or null.
 */
function earlierNameEndingAs(ctx: Ctx, before: number, from: number, n: number, fits: (h: Hit) => boolean): string | null {
  for (let k = ctx.hits.length - 1; k >= 0; k--) {
    const h = ctx.hits[k]!
    if (!h.actor || h.dropped || h.w1 > before || h.w1 - h.w0 <= n) continue
    if (sameFolds(ctx, h.w1 - n, from, n) && fits(h)) return h.actor
  }
  return null
}

/**
 * "Majid Takht Ravanchi … Takht | Ravanchi underscored": a name cut short before capitalised words that complete the tail
 * of a person the page has already named in full (the model stopped inside an unfamiliar surname) runs on to them.
 * `taken` marks the words other names hold; at most two words are added.
 */
export function runOnToEarlierPerson(ctx: Ctx, c: Candidate, taken: Uint8Array): void {
  for (let end = c.w1 + 1; end <= c.w1 + 2; end++) {
    const w = ctx.words[end - 1]
    if (!w || !w.cap || w.first || w.sent !== ctx.words[c.w0]!.sent || taken[end - 1]) return
    if (earlierNameEndingAs(ctx, c.w0, c.w0, end - c.w0, (h) => typeOf(ctx, h.actor!) === 'PERSON')) { c.w1 = end; c.hint = 'PERSON'; return }
  }
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
  const hit = (actor: string | null, how: string, label: Hit['label']): Hit => ({ w0: c.w0, w1: c.w1, by: c.by, title: c.title, label, actor, how })
  const done = (actor: string, how: string): Hit => hit(actor, how, typeOf(ctx, actor) ?? 'MISC')
  const key = translitKey(text)
  const last = ctx.words[c.w1 - 1]!
  const single = c.w1 - c.w0 === 1
  // "Kazem Jalali … Jalali said": a surname alone is the person the page has named in full with it, before any
  // knowledge-base person who only shares it
  if (single && c.hint !== 'ORG') {
    const same = peopleInDoc(ctx).filter((p) => p.lastWords.some((s) => s.toLowerCase() === last.text.toLowerCase()))
    if (same.length === 1) return done(same[0]!.id, 'surname')
    // "Saddam Hussein … Saddam said", "Nikki Haley … Nikki": the given name of the one person the page names in full with it
    // (a surname of someone else comes first: only when no one's surname is the word)
    const byGiven = same.length ? [] : peopleInDoc(ctx).filter((p) => p.given === last.fold)
    if (byGiven.length === 1) return done(byGiven[0]!.id, 'given-name')
  }
  if (letters(text) >= FUZZY_MIN_LETTERS || !single) {
    const byAlias = only(ctx.kb.aliasesByTranslit(key))
    if (byAlias && c.hint !== 'ORG') return done(byAlias, 'translit')
    if (single) { const p = pickPerson(ctx, ctx.kb.surnamesByTranslit(key), c.title, false); if (p) return done(p, 'translit') }
  }
  if (single && c.hint !== 'ORG' && letters(last.text) >= FUZZY_MIN_LETTERS) {
    const close = peopleInDoc(ctx).filter((p) => p.lastWords.some((s) => similarWord(s, last.text)))
    if (close.length === 1) return done(close[0]!.id, 'fuzzy')
  }
  // "Ali Larijai", "Mevlut Cvusoglu": a misspelt full name of a person the page names, word for word alike (one at least the
  // same, the others one typing error apart: not a transliteration match, "Imam Khamenei" is no "Imam Khomeini")
  if (!single && c.hint !== 'ORG') {
    const ws = nameWords(text)
    const alike = (n: readonly string[]): boolean => ws.length > 1 && n.length === ws.length && n.some((x, k) => x === ws[k]) && n.every((x, k) => x === ws[k] || (x.length >= 5 && editDistance(x, ws[k]!, 1) <= 1))
    const close = peopleInDoc(ctx).filter((p) => p.names.some(alike))
    if (close.length === 1) return done(close[0]!.id, 'fuzzy')
  }
  // "S. Ryabkov": initials and a surname are the person the document has named in full with those initials
  let w0 = c.w0
  while (w0 < c.w1 - 1 && INITIAL.test(ctx.words[w0]!.text)) w0++
  if (w0 > c.w0) {
    const initial = ctx.words[c.w0]!.fold[0]!
    const named = earlierNameEndingAs(ctx, c.w0, w0, c.w1 - w0, (h) => typeOf(ctx, h.actor!) === 'PERSON' && ctx.words[h.w0]!.fold.startsWith(initial))
    if (named) return done(named, 'partial')
  }
  const tailOf = earlierNameEndingAs(ctx, c.w0, c.w0, c.w1 - c.w0, (h) => typeOf(ctx, h.actor!) !== 'GPE')
  if (tailOf) return done(tailOf, 'partial')
  if (c.title.some((t) => TITLES[t] !== 'honorific') && letters(last.text) >= FUZZY_MIN_LETTERS) {
    const p = pickPerson(ctx, ctx.kb.peopleBySkeleton(skeletonKey(last.text)).map((a) => a.id), c.title, true)
    if (p) return done(p, 'fuzzy')
  }
  if (c.hint !== 'PERSON' && c.hint !== 'ORG') { const place = fuzzyPlace(ctx, c, text); if (place) return done(place, 'fuzzy') }
  // "SPA" after "the Saudi Press Agency (SPA)": an acronym of a body the document has named in full is that body
  if (single && ACRONYM.test(text)) { const body = expandedBy(ctx, c.w0, text); if (body) return done(body, 'acronym') }
  if (c.hint === 'MISC') return hit(null, 'misc', 'MISC')
  // (the id holds no type: a name one page tags a person and another an organisation is one actor across the corpus,
  // as it is inside a page; the type is the first one read)
  const id = `X:${slug(key)}`
  if (!ctx.newActors.has(id)) ctx.newActors.set(id, { id, name: text, type: c.hint, affiliation: null })
  return hit(id, 'new', c.hint)
}

/** Knowledge-base ids of towns, and the prepositions that put a name on the map ("flew to Bolton"). */
const TOWN = /^GPE:[A-Z]{3}:/u
const PLACE_PREP = new Set(['in', 'at', 'from', 'near', 'to', 'into', 'outside', 'around', 'of'])
/** An Arabic article is no part of a surname ("Ammar al-Hakim … Hakim"). */
const bareSurname = (w: string): string => w.toLowerCase().replace(/^(?:al|el|ash|as|ad|ar)-/u, '')

/**
 * One-word names joined to the full names the page gives, wherever in the page the full name stands (candidates are
 * resolved in text order, so a short name before the full one became an actor of its own): a new person (or a town
 * of that name) is the one person named in full with that word as the last of the name ("Lebanon's Berri says …
 * Parliament Speaker Nabih Berri"); a new organisation is the one organisation named in full starting with it.
 */
export function joinShortNamesToFullNames(ctx: Ctx): void {
  forgetPeople(ctx)
  const people = peopleInDoc(ctx)
  const full = new Set(ctx.hits.filter((h) => h.actor && h.w1 - h.w0 > 1).map((h) => h.actor!))
  for (const h of ctx.hits) {
    if (h.w1 - h.w0 !== 1 || !h.actor || h.dropped) continue
    // (a town of the same name is the person too where no preposition of place puts it on the map: "John Bolton … Bolton said")
    const town = TOWN.test(h.actor) && !PLACE_PREP.has(ctx.words[h.w0 - 1]?.fold ?? '')
    if (!town && (!ctx.newActors.has(h.actor) || typeOf(ctx, h.actor) !== 'PERSON')) continue
    const word = bareSurname(ctx.words[h.w0]!.text)
    const same = people.filter((p) => p.id !== h.actor && full.has(p.id) && p.lastWords.some((w) => bareSurname(w) === word))
    if (same.length === 1) { h.actor = same[0]!.id; h.how = 'surname'; h.label = 'PERSON' }
  }
  // "Fars News Agency … Fars reported": a new organisation named by one word is the one organisation the page names
  // in full starting with it
  const bodies = new Map<string, Set<string>>()
  for (const h of ctx.hits) if (h.actor && !h.dropped && h.w1 - h.w0 > 1 && typeOf(ctx, h.actor) === 'ORG') { const k = ctx.words[h.w0]!.fold; bodies.set(k, (bodies.get(k) ?? new Set()).add(h.actor)) }
  for (const h of ctx.hits) {
    if (h.w1 - h.w0 !== 1 || !h.actor || h.dropped || !ctx.newActors.has(h.actor) || typeOf(ctx, h.actor) !== 'ORG') continue
    const same = [...(bodies.get(ctx.words[h.w0]!.fold) ?? [])].filter((a) => a !== h.actor)
    if (same.length === 1) h.actor = same[0]!
  }
  // "the Supreme Revolutionary Committee of Yemen … the Supreme Revolutionary Committee said": a new organisation named
  // without the place it belongs to is the one organisation the page names with it
  const withPlace = new Map<string, Set<string>>()
  const shortName = (words: readonly { fold: string }[], actor: string): void => { const key = words.map((w) => w.fold).join(' '); withPlace.set(key, (withPlace.get(key) ?? new Set()).add(actor)) }
  for (const h of ctx.hits) {
    if (!h.actor || h.dropped || typeOf(ctx, h.actor) !== 'ORG') continue
    const ws = ctx.words.slice(h.w0, h.w1)
    const k = ws.findIndex((w, i) => i > 0 && BODY_OF_PLACE.has(w.fold) && ORG_HEAD_WORDS.has(ws[i - 1]!.fold))
    if (k > 0) shortName(ws.slice(0, k), h.actor)
    // … and so is one named without the demonym its full name opens with ("the Syrian Constitutional Committee … the
    // Constitutional Committee")
    if (ws.length > 2 && ws[0]!.cap && ctx.kb.demonym(ws[0]!.fold)) shortName(ws.slice(1), h.actor)
  }
  for (const h of ctx.hits) {
    if (!h.actor || h.dropped || !ctx.newActors.has(h.actor) || typeOf(ctx, h.actor) !== 'ORG') continue
    const same = [...(withPlace.get(ctx.words.slice(h.w0, h.w1).map((w) => w.fold).join(' ')) ?? [])].filter((a) => a !== h.actor)
    if (same.length === 1) h.actor = same[0]!
  }
  forgetPeople(ctx)
}

/**
 * "The World Food Programme (WFP) said … the WFP": an acronym in brackets right after a name is the page's own
 * short name for that actor, whatever its initials; every later use of the acronym goes with it. Where only one of
 * the two is a knowledge-base actor, both become that actor.
 */
export function joinBracketAcronyms(ctx: Ctx): void {
  const live = ctx.hits.filter((h) => h.actor && !h.dropped).sort((a, b) => a.w0 - b.w0)
  const remap = new Map<string, string>()
  for (let k = 1; k < live.length; k++) {
    const acr = live[k]!, name = live[k - 1]!
    const w = ctx.words[acr.w0]!
    if (acr.w1 - acr.w0 !== 1 || !ACRONYM.test(w.text) || name.w1 - name.w0 < 2 || name.actor === acr.actor) continue
    if (!/^\s*\($/u.test(ctx.text.slice(ctx.words[name.w1 - 1]!.end, w.start)) || ctx.text[w.end] !== ')') continue
    if (typeOf(ctx, name.actor!) === 'PERSON' || (ctx.kb.actor(name.actor!) && ctx.kb.actor(acr.actor!))) continue
    const to = ctx.kb.actor(acr.actor!) ? acr.actor! : name.actor!
    remap.set(name.actor!, to)
    remap.set(acr.actor!, to)
  }
  if (!remap.size) return
  for (const h of ctx.hits) if (h.actor && remap.has(h.actor)) { h.actor = remap.get(h.actor)!; h.label = typeOf(ctx, h.actor) ?? h.label }
  forgetPeople(ctx)
}