import { covers, dateFrom, dateTo, overlaps, type KbOffice } from '../../../kb/index.js'
import { typeOf, type Ctx, type Hit } from '../context.js'
import { APPOSITION_MARKS, DETERMINERS, PAST_MARKERS, ROLE_HEADS, ROLE_MAX_WORDS, ROLE_MODIFIERS, ROLE_RANKS, TITLES } from '../entities.data.js'
import { pushAll } from '../../../doc/arrays.js'
import { readingCache } from '../../../reading-caches.js'

const COUNTRY_ID = /^GPE:[A-Z]{3}$/
/** How many title words before a new person's name are read for their nationality. */
const TITLE_REACH = 5

/** The descriptive phrase ending at head word i: its first word, the words before the head, and its country or body. */
function phraseBefore(ctx: Ctx, i: number, hitEndingAt: Map<number, Hit>) {
  const { words, kb } = ctx
  let start = i, iso: string | null = null, body: string | null = null
  const mods: string[] = []
  for (let k = i - 1; k >= 0 && i - k <= ROLE_MAX_WORDS && words[k]!.sent === words[i]!.sent; k--) {
    const w = words[k]!
    if (DETERMINERS.has(w.fold)) { start = k; break }
    if (iso || body) break // only a determiner may stand before the country or body
    const h = hitEndingAt.get(k + 1) ?? (w.fold === "'s" ? hitEndingAt.get(k) : undefined)
    if (h?.actor && !iso && !body) {
      const t = typeOf(ctx, h.actor)
      if (COUNTRY_ID.test(h.actor)) iso = h.actor.slice(4)
      else if (t === 'ORG' || t === 'GROUP') { body = h.actor; iso = kb.actor(h.actor)?.affiliation ?? null }
      else break
      start = h.w0; k = h.w0; continue
    }
    const dem = w.cap ? kb.demonym(w.fold) : undefined
    if (dem && !iso) { iso = dem; start = k; continue }
    if (!w.cap && /^\p{L}[\p{L}-]*$/u.test(w.text)) { mods.unshift(w.fold); start = k; continue }
    // a capitalised word of the office's own title ("Iran's Supreme Leader", "Russia's Foreign Minister")
    if (w.cap && !w.first && OFFICE_WORDS.has(w.fold)) { mods.unshift(w.fold); start = k; continue }
    break
  }
  // "a senior IRGC commander": one of a rank, not the holder of the office ("a spokesman for X" is still X's spokesman)
  const run = lowerRunBefore(ctx, start - 1, words[i]!.sent, 3, (f) => INDEFINITE.has(f))
  const det = words[run.k]
  const indefinite = !!det && det.sent === words[i]!.sent && INDEFINITE.has(det.fold) && [...run.folds, ...mods].some((m) => RANKS.has(m))
  // "an Iranian president visited Russia in 2017": one holder of the office, not the one in office now ("a spokesman
  // for X" still names X's spokesman: only a nationality word makes it someone of a kind)
  const opener = words[start]!
  const anyHolder = INDEFINITE.has(opener.fold) && !body && !!iso && words.slice(start + 1, i).some((w) => w.cap && !!kb.demonym(w.fold))
  return { start, iso, body, mods, indefinite: indefinite || anyHolder }
}

/**
 * The lower-case words walking back from word k inside sentence `sent`, at most `max`, stopping before a word `stop`
 * accepts: their folded forms in text order, and the index of the word before them (-1 at the start).
 */
function lowerRunBefore(ctx: Ctx, k: number, sent: number, max: number, stop: (fold: string) => boolean = () => false): { k: number; folds: string[] } {
  const folds: string[] = []
  for (let w = ctx.words[k]; k >= 0 && folds.length < max && w!.sent === sent && !w!.cap && /^\p{Ll}[\p{L}-]*$/u.test(w!.text) && !stop(w!.fold); w = ctx.words[--k]) folds.unshift(w!.fold)
  return { k, folds }
}

/** How many leading modifiers may be dropped: up to the last rank word ("deputy", "vice"), which stays. */
function lastRank(mods: readonly string[]): number {
  let k = mods.length
  for (let j = mods.length - 1; j >= 0; j--) if (ROLE_RANKS.has(mods[j]!)) { k = j; break }
  return k
}

/** Words of office titles that news capitalises ("Supreme Leader", "Foreign Minister", "Defense Secretary"). */
const OFFICE_WORDS = new Set(['supreme', 'foreign', 'defense', 'defence', 'prime', 'deputy', 'vice', 'security', 'national', 'interior',
  'intelligence', 'chief', 'general', 'top', 'armed', 'forces', 'army', 'navy', 'air', 'force', 'state', 'special', 'presidential',
  'parliament', 'parliamentary', 'judiciary', 'military', 'staff', 'affairs', 'external', 'home', 'first'])

/** Determiners of an indefinite description, and the rank words that make it one of many ("a senior commander"). */
const INDEFINITE = new Set(['a', 'an', 'another', 'one'])
const RANKS = new Set(['senior', 'top', 'high-ranking', 'high-level', 'leading', 'junior', 'local', 'regional', 'field'])

/** "of (the) <body>" or "of <country>'s <body>" after the head: the body named, and where the phrase ends. */
function ofAfter(ctx: Ctx, i: number, hitAt: Map<number, Hit>): { end: number; iso: string | null; body: string | null } | null {
  let k = i + 1
  if (ctx.words[k]?.fold !== 'of') return null
  k++
  if (ctx.words[k]?.fold === 'the') k++
  let h = hitAt.get(k)
  if (!h?.actor) return null
  if (COUNTRY_ID.test(h.actor)) {
    const after = ctx.words[h.w1]?.fold === "'s" ? hitAt.get(h.w1 + 1) : undefined
    if (!after?.actor) return { end: h.w1, iso: h.actor.slice(4), body: null }
    h = after
  }
  const t = typeOf(ctx, h.actor!)
  return t === 'ORG' || t === 'GROUP' ? { end: h.w1, iso: ctx.kb.actor(h.actor!)?.affiliation ?? null, body: h.actor } : null
}

let longNouns = new WeakMap<object, Set<string>>()
readingCache(() => { longNouns = new WeakMap() })

/**
 * An office noun of several words that starts at head word i ("chief of staff", "chief of the general staff"):
 * the noun and its last word, or null. Without it "the Houthi chief of staff" would read as "the Houthi chief".
 */
function longNounAt(ctx: Ctx, i: number, covered: ReadonlySet<number>): { noun: string; last: number } | null {
  let nouns = longNouns.get(ctx.kb.offices)
  if (!nouns) {
    nouns = new Set([...ctx.kb.offices.values()].flatMap((o) => o.nouns.filter((n) => n.includes(' of '))))
    longNouns.set(ctx.kb.offices, nouns)
  }
  let key = ctx.words[i]!.fold, best: { noun: string; last: number } | null = null
  for (let k = i + 1; k < ctx.words.length && k <= i + 4 && ctx.words[k]!.sent === ctx.words[i]!.sent && !covered.has(k); k++) {
    key += ' ' + ctx.words[k]!.fold
    if (nouns.has(key)) best = { noun: key, last: k }
  }
  return best
}

/** True when a name stands right beside the phrase ("his Iranian counterpart, Ebrahim Raisi"; "Putin, the Russian leader"). */
function besideName(ctx: Ctx, start: number, end: number, personAt: Set<number>, personEnd: Set<number>): boolean {
  let k = end
  if (APPOSITION_MARKS.has(ctx.words[k]?.fold ?? '')) k++
  while (ctx.words[k] && (ctx.words[k]!.fold in TITLES || ctx.words[k]!.fold === '.')) k++
  if (personAt.has(k)) return true
  // "Russia's envoy in Vienna Mikhail Ulyanov", "Iran's ambassador to Moscow X", "the Chinese envoy to the Vienna talks, X":
  // a post's place between the title and the name
  if (/^(?:in|to|at|for|on)$/u.test(ctx.words[end]?.fold ?? '')) {
    const sent = ctx.words[end]!.sent
    for (let j = end + 1; j <= end + 6 && ctx.words[j]?.sent === sent; j++) {
      if (personAt.has(j)) return ctx.words[j - 1]!.cap || APPOSITION_MARKS.has(ctx.words[j - 1]!.fold)
      if (APPOSITION_MARKS.has(ctx.words[j]!.fold)) return personAt.has(j + 1)
    }
  }
  return APPOSITION_MARKS.has(ctx.words[start - 1]?.fold ?? '') && personEnd.has(start - 2)
}

/** Office holders on the date; without one, the holder the document names, else the latest fitting the other names' dates. */
function holder(ctx: Ctx, offices: readonly KbOffice[]): string | null {
  const ids = new Set<string>()
  if (ctx.date) { for (const o of offices) for (const a of ctx.kb.holders(o.id, ctx.date)) ids.add(a.id); return ids.size === 1 ? [...ids][0]! : null }
  const tenures = offices.flatMap((o) => ctx.kb.tenures(o.id))
  const named = tenures.filter((t) => ctx.hits.some((h) => h.actor === t.actor.id && h.how !== 'role'))
  if (new Set(named.map((t) => t.actor.id)).size === 1) return named[0]!.actor.id
  let from = '0000-00-00', to = '9999-99-99'
  for (const h of ctx.hits) {
    const roles = h.actor && h.how !== 'role' ? ctx.kb.actor(h.actor)?.roles ?? [] : []
    if (!roles.length) continue
    // the document's time is inside every named person's career: narrow the window to it
    const first = roles.map((r) => (r.from ? dateFrom(r.from) : '0000-00-00')).sort()[0]!
    const last = roles.map((r) => (r.to ? dateTo(r.to) : '9999-99-99')).sort().pop()!
    if (first > from) from = first
    if (last < to) to = last
  }
  if (from === '0000-00-00' || from > to) return null
  const fit = tenures.filter((t) => overlaps(t, { from, to })).sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''))
  return fit.length ? fit[fit.length - 1]!.actor.id : null
}

/**
 * Descriptive references resolved by date through the role table: "the Russian leader", "Iran's top security
 * official", "the secretary of Iran's Supreme National Security Council", "Russia's Security Council secretary",
 * "his Iranian counterpart" (same kind of office as the person just named). References beside a name, plural or
 * "former" ones, and ones without a country or body are left alone.
 */
export function resolveRoles(ctx: Ctx): Hit[] {
  const live = ctx.hits.filter((h) => !h.dropped && h.actor)
  // where two hits start together ("Russia" and "Russia's Security Council"), the longer one is kept
  const hitAt = new Map<number, Hit>(), hitEndingAt = new Map<number, Hit>()
  for (const h of live) {
    if ((hitAt.get(h.w0)?.w1 ?? -1) < h.w1) hitAt.set(h.w0, h)
    if ((hitEndingAt.get(h.w1)?.w0 ?? Infinity) > h.w0) hitEndingAt.set(h.w1, h)
  }
  const people = live.filter((h) => typeOf(ctx, h.actor!) === 'PERSON')
  const personAt = new Set(people.map((h) => h.w0)), personEnd = new Set(people.map((h) => h.w1 - 1))
  const covered = new Set(live.flatMap((h) => Array.from({ length: h.w1 - h.w0 }, (_, k) => h.w0 + k)))
  const out: Hit[] = []
  for (let i = 0; i < ctx.words.length; i++) {
    const head = ctx.words[i]!.fold
    const singular = head.replace(/s$/u, '')
    if (!ROLE_HEADS.has(head) && ROLE_HEADS.has(singular) && !covered.has(i)) { pushAll(out, pairedRoles(ctx, i, singular)); continue }
    if (!ROLE_HEADS.has(head) || covered.has(i)) continue
    const p = phraseBefore(ctx, i, hitEndingAt)
    const long = longNounAt(ctx, i, covered)
    const last = long?.last ?? i
    const of = ofAfter(ctx, last, hitAt)
    const iso = p.iso ?? of?.iso ?? null, body = of?.body ?? p.body
    const end = of?.end ?? last + 1
    // an office of several words that only one state has, written as a title, needs no country when the page names
    // that state ("the Supreme Leader", "the Leader of the Islamic Revolution")
    const unique = !iso && !body && ctx.words[i]!.cap ? uniqueOffice(ctx, [...p.mods.filter((m) => !ROLE_MODIFIERS.has(m)), long?.noun ?? head].join(' ')) : null
    if (unique && !p.indefinite && !besideName(ctx, p.start, end, personAt, personEnd)) {
      const actor = holder(ctx, [unique])
      if (actor) out.push({ w0: p.start, w1: last + 1, actor, label: 'PERSON', by: 'rule', how: 'role' })
      continue
    }
    if ((!iso && !body) || p.indefinite || p.mods.some((m) => PAST_MARKERS.has(m)) || besideName(ctx, p.start, end, personAt, personEnd)) continue
    const mods = p.mods.filter((m) => !ROLE_MODIFIERS.has(m))
    let offices: readonly KbOffice[] = []
    if (head === 'counterpart') offices = counterpartOffices(ctx, i, iso, out)
    // leading words are dropped one by one to find the office ("security chief" for "top security chief"), never a rank ("deputy")
    else for (let k = 0, last = lastRank(mods); k <= last && !offices.length; k++) {
      const noun = [...mods.slice(k), long?.noun ?? head].join(' ')
      offices = body ? ctx.kb.officesOf(null, { body, noun }) : ctx.kb.officesOf(iso, { noun })
    }
    // a noun naming several offices of one state ("the head of Iran's …" without a known body) says too little
    const actor = offices.length === 1 ? holder(ctx, offices) : null
    if (actor) out.push({ w0: p.start, w1: last + 1, actor, label: 'PERSON', by: 'rule', how: 'role' })
  }
  return out
}

/** The one office a noun of several words names in the whole knowledge base ("supreme leader"), when the page names its state; else null. */
function uniqueOffice(ctx: Ctx, noun: string): KbOffice | null {
  if (!noun.includes(' ')) return null
  const offices = ctx.kb.officesOf(null, { noun })
  const o = offices.length === 1 ? offices[0]! : null
  return o && ctx.hits.some((h) => !h.dropped && h.actor && ctx.kb.actor(h.actor)?.affiliation === o.country) ? o : null
}

/**
 * The state of a body the knowledge base does not know, by the state its name holds ("Islamic Republic of Iran Air
 * Force"); of a person, by the title the page gives them: a nationality or a country's possessive before the name
 * ("Russian Deputy Foreign Minister X", "Iran's envoy X") or in an apposition right after it ("X, Iran's ambassador
 * to …", "X, the Russian envoy"). Sets `affiliation` of such new actors (the events stage tells a speaker's own side
 * from another party by it); a post's place ("envoy in Vienna X") says nothing.
 */
export function affiliateNewActors(ctx: Ctx): void {
  const live = ctx.hits.filter((h) => !h.dropped && h.actor)
  const hitEndingAt = new Map<number, Hit>(), hitAt = new Map<number, Hit>()
  for (const h of live) { hitEndingAt.set(h.w1, h); hitAt.set(h.w0, h) }
  const countryAt = (k: number): string | null => {
    const h = hitAt.get(k)
    if (h && COUNTRY_ID.test(h.actor!) && ctx.words[h.w1]?.fold === "'s") return h.actor!.slice(4)
    return ctx.words[k]?.cap ? ctx.kb.demonym(ctx.words[k]!.fold) ?? null : null
  }
  for (const h of live) {
    const n = ctx.newActors.get(h.actor!)
    if (!n || n.affiliation) continue
    // a body named after its state ("Islamic Republic of Iran Air Force", "Iranian Red Crescent Society")
    if (n.type === 'ORG' || n.type === 'GROUP') {
      const state = ctx.hits.find((x) => x.actor && COUNTRY_ID.test(x.actor) && x.w0 >= h.w0 && x.w1 <= h.w1)?.actor!.slice(4)
      const dem = ctx.words.slice(h.w0, h.w1).map((w) => (w.cap ? ctx.kb.demonym(w.fold) : undefined)).find(Boolean)
      if (state ?? dem) n.affiliation = state ?? dem!
      continue
    }
    if (n.type !== 'PERSON') continue
    let iso: string | null = null
    // back over the capitalised words of the title ("Russian Deputy Foreign Minister X", "Iran's Ambassador X")
    for (let k = h.w0 - 1; k >= 0 && k >= h.w0 - TITLE_REACH && ctx.words[k]!.sent === ctx.words[h.w0]!.sent; k--) {
      const w = ctx.words[k]!
      const poss = w.fold === "'s" ? hitEndingAt.get(k) : undefined
      if (poss) { iso = COUNTRY_ID.test(poss.actor!) ? poss.actor!.slice(4) : null; break }
      if (!w.cap || hitEndingAt.has(k + 1)) break
      const dem = ctx.kb.demonym(w.fold)
      if (dem) { iso = dem; break }
    }
    if (!iso && APPOSITION_MARKS.has(ctx.words[h.w1]?.fold ?? '')) {
      const k = h.w1 + 1 + (ctx.words[h.w1 + 1]?.fold === 'the' ? 1 : 0)
      if (ctx.words[k]?.sent === ctx.words[h.w0]!.sent) iso = countryAt(k)
    }
    if (iso) n.affiliation = iso
  }
}

/**
 * "the Iranian and Russian foreign ministers", "the Turkish and Russian presidents": two holders of the same office
 * in two states, each found by date; the first nationality word stands for the first holder, the rest of the phrase
 * for the second. Anything else before the plural head (no two nationalities joined by "and") gives nothing.
 */
function pairedRoles(ctx: Ctx, i: number, singular: string): Hit[] {
  const { words, kb } = ctx
  const { k: second, folds: mods } = lowerRunBefore(ctx, i - 1, words[i]!.sent, 3)
  const first = second - 2
  if (first < 0 || words[first]!.sent !== words[i]!.sent || words[first + 1]!.fold !== 'and') return []
  const isos = [first, second].map((w) => (words[w]!.cap ? kb.demonym(words[w]!.fold) : undefined))
  if (!isos[0] || !isos[1] || isos[0] === isos[1] || mods.some((m) => PAST_MARKERS.has(m))) return []
  const noun = [...mods.filter((m) => !ROLE_MODIFIERS.has(m)), singular].join(' ')
  const actors = isos.map((iso) => { const offices = kb.officesOf(iso!, { noun }); return offices.length === 1 ? holder(ctx, offices) : null })
  if (!actors[0] || !actors[1]) return []
  return [
    { w0: first, w1: first + 1, actor: actors[0], label: 'PERSON', by: 'rule', how: 'role' },
    { w0: second, w1: i + 1, actor: actors[1], label: 'PERSON', by: 'rule', how: 'role' },
  ]
}

/**
 * Offices of the same kind as the one held by the person named last before word i (this or the previous sentence),
 * by name or by an office already resolved (`roles`: "Iran's foreign minister met his Russian counterpart").
 */
function counterpartOffices(ctx: Ctx, i: number, iso: string | null, roles: readonly Hit[] = []): readonly KbOffice[] {
  if (!iso) return []
  const sent = ctx.words[i]!.sent
  const prior = [...ctx.hits, ...roles].filter((h) => h.actor && h.w1 <= i && ctx.words[h.w0]!.sent >= sent - 1 && typeOf(ctx, h.actor) === 'PERSON')
    .sort((a, b) => a.w1 - b.w1).pop()
  const held = prior ? ctx.kb.actor(prior.actor!)?.roles ?? [] : []
  const role = held.find((r) => !ctx.date || covers(r.from, r.to, ctx.date))
  const kind = role ? ctx.kb.offices.get(role.office)?.kind : undefined
  return kind ? ctx.kb.officesOf(iso, { kind }) : []
}
