import { defineStage } from '../../doc/stage.js'
import type { ClaimRecord, Sentence, TimeExpr } from '../../doc/layers.js'
import type { Span } from '../../doc/span.js'
import { SyntaxView } from '../syntax/tree.js'
import { lowerBound } from '../tokens/index.js'
import {
  ABSTRACT_NOUNS, ARTICLE_NUMBERS, CURRENCY_WORDS, BARE_NUMBER_LEAD, COUNT_VERBS, IRREGULAR_PLURALS, MEASURE_UNITS, NOT_COUNT_UNITS, PART_OF, PEOPLE_NOUNS, QUALIFIERS,
  RATE_AFTER, REFERENCE_DETERMINERS, ROLE_AFTER, SCALES, SIZE_COMPOUND, SUBSET_BEFORE, TOLL_EARLIER, TOLL_OF, TOTAL_BEFORE, UNIT_STOPS, VOTE_AFTER,
  VOTE_TALLY, WRITTEN_NUMBERS,
} from './claims.data.js'
import { counted, roleOfVerb, withRole, type Counted } from './what.js'

const alt = (xs: Iterable<string>): string => [...xs].sort((a, b) => b.length - a.length).map((x) => x.replace(/ /g, '\\s+')).join('|')
const ONES_ = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']
const TENS = '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)', ONES = ONES_.join('|')
/** The value of a written number ("two", "twenty-five"). */
const writtenValue = (w: string): number => {
  const [t, o] = w.toLowerCase().split('-')
  return WRITTEN_NUMBERS[t!]! + (o ? ONES_.indexOf(o) + 1 : 0)
}
/**
 * Digits ("25,490", "4.5 million", "$3 billion", "$220m"), a number word, or an article number ("a dozen", "a million"); never glued to a
 * letter, hyphen, plus or colon ("G7", "Shahed-136", "4+1", "1:24").
 */
const NUMBER_RE = new RegExp(String.raw`(?<![\p{L}\p{N}\-:.,+/])(?<cur>[$€£])?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?<scale>${alt(Object.keys(SCALES))})\b|(?<=[$€£][\d.,]+)(?<abbr>[mbk]n?)\b)?(?![\p{L}\p{N}:%+/-]|[.,]\d)|\b(?<word>${TENS}-(?:${ONES})|${alt(Object.keys(WRITTEN_NUMBERS))})(?:\s(?<hund>hundred|dozen)(?![\s-](?:and\s)?\p{L}+-))?(?:\s(?<wscale>${alt(Object.keys(SCALES))}))?\b(?![-+])|\b(?:a|an|one)\s(?<aword>${alt(Object.keys(ARTICLE_NUMBERS))})\b(?![-+])|\bhalf\s(?:a\s)?(?<half>million|billion)\b(?![-+])`, 'giu')
const QUALIFIER_RE = new RegExp(`\\b(${alt(QUALIFIERS)})\\s+$`, 'iu')
const ABBR_SCALE: Readonly<Record<string, number>> = { m: 1e6, mn: 1e6, b: 1e9, bn: 1e9, k: 1e3 }

type Claim = Omit<ClaimRecord, 'id' | 'number'> & { readonly number: Span & { readonly text: string } }

/** The unit phrase after a number: up to three words before a stop word or punctuation; its last word is the unit. */
function unitAfter(text: string, pos: number, end: number): { unit: string; end: number } | null {
  const re = /\s+([\p{L}][\p{L}\p{M}'’-]*)/uy
  let at = pos, unit = '', uEnd = pos
  for (let k = 0; k < 3; k++) {
    re.lastIndex = at
    const m = re.exec(text)
    if (!m || m.index + m[0].length > end) break
    const w = m[1].toLowerCase()
    if (UNIT_STOPS.has(w)) break
    unit = m[1]; at = uEnd = m.index + m[0].length
    if (/s$/i.test(w) || IRREGULAR_PLURALS.has(w)) break
  }
  return unit ? { unit, end: uEnd } : null
}

const isPlural = (u: string): boolean => /[^sS]s$/.test(u) || /\p{L}{3,}men$/iu.test(u) && !/(?:specimen|abdomen|regimen|acumen)$/i.test(u) || IRREGULAR_PLURALS.has(u.toLowerCase()) || PEOPLE_NOUNS.has(u.toLowerCase())
const SCAN_PUNCT = /^(?:[()[\]“”"‘’'«»]|-|‑)$/u

/**
 * The counted noun after a number, read from the parse: the last noun of the noun phrase that follows (skipping names,
 * adjectives and quotes: "24 Sukhoi Su-30 fighter jets", "two U.S. warships", "four “de-escalation zones”"), and, when that
 * noun only modifies a later one ("two Qader and Qadir cruise missiles"), the noun it modifies.
 */
function tokenUnit(sv: SyntaxView, from: number, to: number): { unit: string; end: number; noun: number; plural: boolean } | null {
  let last = -1, lastPlural = -1, joined = false
  for (let k = lowerBound(sv.tokens, from), n = 0; k < sv.length && sv.tokens[k]!.end <= to && n < 7; k++, n++) {
    const up = sv.upos(k)
    // coordinated modifiers before one noun: "9,000 US and allied troops", "1,000 search and rescue workers"
    if (up === 'CCONJ' && !joined && lastPlural < 0) { joined = true; continue }
    if (up === 'ADV' && k + 1 < sv.length && sv.upos(k + 1) === 'ADJ') continue // "eight very strong aftershocks"
    if (joined && up === 'VERB' && /ed$/u.test(sv.word(k)) && k + 1 < sv.length && /^(?:NOUN|PROPN)$/.test(sv.upos(k + 1))) continue
    if (up === 'NOUN' || up === 'PROPN' || MEASURE_UNITS.has(sv.word(k).toLowerCase())) {
      if (MEASURE_UNITS.has(sv.word(k).toLowerCase()) && last < 0) return { unit: sv.word(k), end: sv.tokens[k]!.end, noun: k, plural: true } // "6 to 10 mm per year"
      if (CURRENCY_WORDS.has(sv.word(k).toLowerCase())) return { unit: sv.word(k), end: sv.tokens[k]!.end, noun: k, plural: true } // "110 billion dollars arms deal"
      last = k; if (pluralToken(sv, k)) lastPlural = k; continue
    }
    if (lastPlural >= 0 && (up === 'NUM' || /^[([]$/.test(sv.word(k)))) break // a number or a bracket after the counted noun starts another phrase
    if (up === 'ADJ' || up === 'NUM' || up === 'SYM' || (up === 'PUNCT' && SCAN_PUNCT.test(sv.word(k)))) continue
    break
  }
  if (last < 0) return null
  if (lastPlural >= 0) last = lastPlural // "a dozen vessels bound for", the plural is the count's noun
  for (let steps = 0; steps < 3 && sv.rel(last) === 'compound' && !isPlural(sv.word(last)); steps++) {
    const h = sv.head(last)
    if (h <= last || h - last > 6 || sv.tokens[h]!.end > to || (sv.upos(h) !== 'NOUN' && sv.upos(h) !== 'PROPN')) break
    last = h
  }
  return { unit: sv.word(last), end: sv.tokens[last]!.end, noun: last, plural: pluralToken(sv, last) }
}

/** A plural noun token: by its form, or a noun whose lemma differs from it ("crewmen" → crewman). */
function pluralToken(sv: SyntaxView, k: number): boolean {
  const w = sv.word(k), lw = w.toLowerCase()
  if (sv.upos(k) !== 'NOUN' || IRREGULAR_PLURALS.has(lw) || PEOPLE_NOUNS.has(lw)) return isPlural(w)
  // a noun is plural when its lemma differs ("troops" → troop, not "gas"), or by its form when the lemmatiser does not know it ("crewmen")
  return sv.lemma(k).toLowerCase() !== lw ? !/ss$/i.test(w) : /(?:[^siau]s|\p{L}{3,}men)$/iu.test(w)
}

const NOT_NAMES = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$/
/** True when the token before a number is a proper name the number belongs to ("France 24", "Nord Stream 2"), not a weekday or month. */
function afterName(sv: SyntaxView | null, text: string, s: Span, at: number): boolean {
  // inside the sentence, a capitalised word (not a weekday or month) right before the number, whatever the tagger says
  const pm = /(\S+)\s+(\p{Lu}[\p{L}\p{N}’'-]*)\s+$/u.exec(text.slice(s.start, at))
  if (pm && !/[.!?:;"“”)\]—–-]$/u.test(pm[1]!) && !NOT_NAMES.test(pm[2]!) && /\p{Ll}/u.test(pm[2]!) && !/['’]s?$/u.test(pm[2]!)) return true
  if (!sv) return false
  const k = lowerBound(sv.tokens, at) - 1
  if (k < 0 || sv.upos(k) !== 'PROPN' || NOT_NAMES.test(sv.word(k)) || !/^\p{Lu}/u.test(sv.word(k))) return false
  const t = sv.tokens[k]!
  return /^\s+$/.test(sv.text.slice(t.end, at)) && k > 0 && sv.tokens[k - 1]!.end > t.start - 3 && !/[.!?:;"“”]/.test(sv.text.slice(sv.tokens[k - 1]!.end, t.start)) && sv.upos(k - 1) !== 'PUNCT'
}

/** True when the counted noun is a role ("as two parties"), not a count. */
function describes(sv: SyntaxView, noun: number): boolean {
  return sv.caseOf(noun).toLowerCase() === 'as'
}
const ATTRIBUTION_BEFORE = /\b(?:quoted|quoting|cited|citing|according\s+to)\s+$/iu
/** The count's members named after it ("three countries of Chile, Peru and Bolivia", "two firms, Acme Ltd and Borax Co"): a description, not a count claim. */
const LIST_NAME = String.raw`["“]?\p{Lu}[\p{L}.’'-]*(?:\s+(?:\p{Lu}|\()[\p{L}.’'()-]*){0,5}`
const NAMED_LIST_AFTER = new RegExp(String.raw`^(?:\s*(?:,|:|[—–]|\()\s*${LIST_NAME}\s*(?:,|\s+and\s+\p{Lu})|\s+(?:of|namely)\s+${LIST_NAME}\s*,)`, 'u')
const ATTRIBUTION_AFTER = /^[^.;:]{0,60}?\bas\s+saying\b/iu
const COPULA_BEFORE = /\b(?:are|were|is|was|be|being|been|become|became|remain|remained)\s+(?:\p{L}+ly\s+|still\s+|also\s+)?$/iu

/** Every claim is found by rules (no model, so no score): the number pattern with the unit and role rules, or the tally pattern. */
export const CLAIM_RULES = 'number pattern with the unit and role rules (claims stage)'
export const TALLY_RULES = 'vote tally or body size pattern (claims stage)'
const claimOf = (c: Counted, value: number, qualifier: string | null, text: string, s: Span, start: number, end: number, detail = CLAIM_RULES): Claim => ({
  what: c.what, value, qualifier, unit: c.unit,
  number: { start, end, text: text.slice(start, end) },
  evidence: { start: s.start, end: s.end, text: text.slice(s.start, s.end) },
  produced_by: { method: 'rule', detail, score: null },
})

const wordValue = (w: string): number | null => WRITTEN_NUMBERS[w.toLowerCase()] ?? (/^\d{1,3}(?:,\d{3})*$/.test(w) ? Number(w.replace(/,/g, '')) : null)

/** Vote tallies ("voted 419-3") and body sizes ("the 15-member council"), which the number pattern leaves out. */
function tallies(text: string, s: Span): Claim[] {
  const out: Claim[] = []
  const slice = text.slice(s.start, s.end)
  for (const m of slice.matchAll(VOTE_TALLY)) {
    const a = s.start + m.index! + m[0].lastIndexOf(m[1]!, m[0].length - m[2]!.length - 1)
    const b = s.start + m.index! + m[0].length - m[2]!.length
    out.push(claimOf(withRole('votes', 'votes', 'for'), Number(m[1]), null, text, s, a, a + m[1]!.length, TALLY_RULES))
    if (Number(m[2])) out.push(claimOf(withRole('votes', 'votes', 'against'), Number(m[2]), null, text, s, b, b + m[2]!.length, TALLY_RULES))
  }
  for (const m of slice.matchAll(SIZE_COMPOUND)) {
    const v = wordValue(m[1]!)
    if (v == null || v < 2 || (v < 5 && /nation|country/i.test(m[2]!))) continue // "a three-nation tour" describes a trip, "the 27-nation bloc" sizes a body
    const a = s.start + m.index!
    const unit = /member|strong/i.test(m[2]!) ? 'members' : 'countries'
    out.push(claimOf(withRole(unit, unit, null), v, null, text, s, a, a + m[1]!.length, TALLY_RULES))
  }
  return out
}

const EVENT_NOUNS = 'attacks?|bombings?|blasts?|explosions?|(?:air)?strikes?|raids?|fire|shooting|clashes|earthquake|quake|crash|ambush|stampede|assault|offensive|operation|fighting|violence|riots|protests|unrest|flood(?:s|ing)?|storm|incident|shelling|bombardment|massacre'
const EVENT_PP = new RegExp(String.raw`\b(?:in|during)\s+((?:the|a|an|this|that|last\s+\p{L}+['’]s|\p{Lu}\p{L}+['’]s)\s+(?:[\p{L}’'-]+\s+){0,4}?(?:${EVENT_NOUNS}))\b`, 'iu')
/** The event a casualty count belongs to, named in its clause ("killed in the Ahvaz bombing" → "the Ahvaz bombing"). */
function eventOf(clause: string): string | null {
  const m = EVENT_PP.exec(clause.slice(0, 200))
  return m && !/[.;!?]/.test(clause.slice(0, m.index)) ? m[1]!.replace(/\s+/g, ' ').replace(/^(?:a|an|this|that)\s/i, 'the ') : null
}

/** Numeric claims in one sentence; `skip` holds time expressions (dates and years are not claims); `sv` is the parse when there is one. */
export function sentenceClaims(text: string, s: Span, skip: readonly Span[], sv: SyntaxView | null = null): Claim[] {
  const out: Claim[] = tallies(text, s)
  const taken = out.map((c) => c.number)
  // the last whole count of the sentence (not a part "among them"), for "others" and bare numbers
  let head: Counted | null = null
  const re = new RegExp(NUMBER_RE.source, 'giu')
  re.lastIndex = s.start
  const slice = text.slice(0, s.end)
  let m: RegExpExecArray | null
  while ((m = re.exec(slice))) {
    const g = m.groups!
    const start = g.aword && !/^one/i.test(m[0]) ? m.index + m[0].length - g.aword.length : m.index, end = m.index + m[0].length
    if (skip.some((t) => t.start < end && start < t.end) || taken.some((t) => t.start < end && start < t.end)) continue
    const before = text.slice(Math.max(s.start, m.index - 40), m.index)
    let value: number
    // the currency as a symbol before the number, or a code: "$3 billion", "US$ 3 billion", "USD 3 billion", "EUR 40 million"
    const cur = g.cur ?? (g.num ? /(?:\$|\bUSD|\bEUR|€|£)\s*$/u.exec(text.slice(Math.max(s.start, m.index - 6), m.index))?.[0].trim() : undefined)
    if (g.word) {
      const prev = /(\p{L}+)\s+$/u.exec(before)?.[1]?.toLowerCase()
      if (prev && REFERENCE_DETERMINERS.has(prev)) continue // "the two leaders"
      if (g.word.toLowerCase() === 'two' && /\bbetween\s+$/iu.test(before)) continue // "between two rivals": a pair, not a count
      if (/\b(?:several|few|many|numerous)\s+$/iu.test(before)) continue // "several hundred", "a few thousand"
      value = writtenValue(g.word) * (g.hund ? (/dozen/i.test(g.hund) ? 12 : 100) : 1) * (g.wscale ? SCALES[g.wscale.toLowerCase()] : 1)
    } else if (g.half) {
      value = SCALES[g.half.toLowerCase()]! / 2
    } else if (g.aword) {
      value = ARTICLE_NUMBERS[g.aword.toLowerCase().replace(/\s+/g, ' ')]!
      if (/\b(?:several|few|many)\s+$/iu.test(before)) continue
    } else {
      value = Number(g.num.replace(/,/g, '')) * (g.scale ? SCALES[g.scale.toLowerCase()] : g.abbr ? ABBR_SCALE[g.abbr.toLowerCase()]! : 1)
      if (/\b(?:aged?|No\.|number|page|article|resolution)\s+$/iu.test(before) || /\p{L},\s+$/u.test(before) && /^,/.test(text.slice(end, end + 1))) continue
      if (!cur && /\b\p{Lu}{2,}\s+$/u.test(before)) continue // an identifier after an acronym ("MK 41", "UNSC 2231")
      if (!cur && afterName(sv, text, s, m.index)) continue // a name's number ("France 24", "Zolfaghar 1401 drills")
    }
    if (g.num?.includes('.') && !g.scale && !g.abbr && !cur) continue // "5.9 shootings": a decimal without a scale is a measure or a rate, not a count
    if (/\bper\s+$/iu.test(before) || TOTAL_BEFORE.test(before) || /\+\s*$/u.test(before) || /^\s*\+/u.test(text.slice(end, end + 3)) || value === 0) continue // "P5 + 1" // a total the clause divides ("eight of Syria's 14 provinces")
    const money = cur ? ({ $: 'USD', USD: 'USD', '€': 'EUR', EUR: 'EUR', '£': 'GBP' } as Record<string, string>)[cur] ?? null : null
    if (!money && g.num && !g.num.includes(',') && value >= 1900 && value <= 2099 && !g.scale) continue // a year used as a modifier
    if (money && RATE_AFTER.test(text.slice(end, s.end).replace(/^\s*(?:to|-|–)\s*[$€£]?[\d.,]+(?:\s?(?:million|billion|trillion|m|bn))?/iu, ''))) continue // a price or rate ("$112 per barrel")
    const q = QUALIFIER_RE.exec(before)
    const lead = text.slice(Math.max(s.start, m.index - 40), q ? m.index - q[0].length : m.index)
    // a number naming a group beside a named actor ("a deal between Chile and five neighbours", "Chile, Peru and Bolivia – three exporters", "as two parties")
    const clause = text.slice(s.start, m.index)
    if (!money && (/\bbetween\s+(?:the\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)*\s+and\s+(?:the\s+)?$/u.test(clause) && !/(?:ans|ians|is|ese)\s+and\s+(?:the\s+)?$/u.test(lead)
      && !/^\s+(?:other|others|more)\b/iu.test(text.slice(end, s.end)) && !/\bincluding\b[^.;:()]*$/iu.test(clause)
      || /\b(?!\p{Lu}+\s)\p{Lu}[\p{L}.’'-]*\s*[–—-]\s+$/u.test(lead) || (!sv && /(?<!\b(?:well|such|same)\s)\bas\s+$/iu.test(lead))
      || /\p{Lu}[\p{L}.’'-]*,?\s+and\s+(?:the\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)*,\s+$/u.test(lead))) continue
    const verb = COUNT_VERBS.exec(lead)
    // a range ("50,000 to 60,000 troops", "between 20 and 30 people", "two or three trucks"): one claim, its lower bound, "at least"
    let upper = end
    const rm = /^\s*(?:to|or|and|–|—)\s+/iu.exec(text.slice(end, s.end))
    if (rm && (rm[0].trim().toLowerCase() !== 'and' || /\bbetween\s+$/iu.test(before)) && !/\bfrom\s+$/iu.test(lead)) {
      const re2 = new RegExp(NUMBER_RE.source, 'iuy')
      re2.lastIndex = end + rm[0].length
      const m2 = re2.exec(slice)
      if (m2 && !m2.groups!.aword && !!m2.groups!.cur === !!g.cur && !m2.groups!.num === !g.num) {
        upper = m2.index + m2[0].length
        const up = m2.groups!
        if (g.num && !g.scale && !g.abbr && (up.scale || up.abbr)) value *= up.scale ? SCALES[up.scale.toLowerCase()]! : ABBR_SCALE[up.abbr!.toLowerCase()]! // "3 to 4 million"
        else if (g.word && !g.wscale && up.wscale) value *= SCALES[up.wscale.toLowerCase()]!
        re.lastIndex = upper
      }
    }
    const part = PART_OF.exec(text.slice(upper, s.end))
    const unitFrom = part ? upper + part[0].length : upper
    const tu = sv && sv.length ? tokenUnit(sv, unitFrom, s.end) : null
    const ru = unitAfter(text, unitFrom, s.end)
    const u = tu ?? ru
    const unitWord = u?.unit.toLowerCase() ?? ''
    if (u && (MEASURE_UNITS.has(unitWord) && !/\bcubic\s+$/iu.test(text.slice(unitFrom, u.end - u.unit.length)) || ABSTRACT_NOUNS.has(unitWord)
      || unitWord === 'pounds' && value < 1e5)) continue
    // a reference, a source or a list's announcement, not a count: "the two countries' borders", "quoted three officials as saying", "six provinces:"
    if (u && (/^['’]s?(?!\p{L})|^\s*:|^\s+per\s+(?:capita|person|head|inhabitant|million|thousand|hundred|100,000|1,000|100)\b/iu.test(text.slice(u.end, s.end)) || NAMED_LIST_AFTER.test(text.slice(u.end, s.end)) || /\bweigh(?:s|ed|ing)?\s+$/iu.test(lead) || ATTRIBUTION_BEFORE.test(lead) || ATTRIBUTION_AFTER.test(text.slice(u.end, s.end)))) continue
    if (tu && describes(sv!, tu.noun)) continue
    // a small written number after a copula describes its subject ("Chile and Peru are two large exporters"); "there are three routes" counts
    if (g.word && !money && !q && value <= 10 && COPULA_BEFORE.test(lead) && !/\bthere\s+\S+\s+$/iu.test(lead)) continue
    const plural = tu ? tu.plural : !!u && isPlural(u.unit)
    const hasUnit = !!u && u.unit.length >= 3 && !NOT_COUNT_UNITS.has(unitWord) && plural && (!part || u.end - unitFrom < 40)
    const subset = !!part || SUBSET_BEFORE.test(lead)
    let c: Counted | null = null
    if (money) c = withRole(money, money, roleOfVerb(verb?.[0]))
    else if (hasUnit) c = counted(u!.unit, verb?.[0] ?? null, text.slice(u!.end, s.end), head, subset)
    else if (part && head && /^\s+of\s+(?:them|whom)\b/iu.test(part[0])) c = withRole(head.noun, head.unit, head.role)
    else if (!g.aword && (!u || UNIT_STOPS.has(unitWord) || !plural)) c = bareCount(lead, verb?.[0] ?? null, head, text.slice(end, s.end), text.slice(s.start, q ? m.index - q[0].length : m.index))
    // a singular unit is a measure or a model name ("1 tsp", "iPhone 11 Pro"), not a count
    if (!c) continue
    if (!subset) head = c
    if (c.role && c.role !== 'for' && c.role !== 'against') {
      const ev = eventOf(text.slice(upper, s.end)) ?? eventOf(text.slice(s.start, m.index))
      if (ev) c = { ...c, what: `${c.what} in ${ev}` }
    }
    out.push(claimOf(c, value, q ? q[1].toLowerCase().replace(/\s+/g, ' ') : upper > end ? 'at least' : null, text, s, start, upper))
  }
  return out.sort((a, b) => a.number.start - b.number.start)
}

/**
 * A number with no unit after it: "a toll of 41" or "the toll has climbed to 74" counts people killed, a count verb or a passive
 * role after it ("killing 18", "4,000 were injured") counts people, "32 abstaining" counts votes; after a reporting verb ("X says
 * 37", "wounding more than 90") it repeats the previous count's noun. It must end a phrase (punctuation or "and" after it).
 */
function bareCount(lead: string, verb: string | null, head: Counted | null, next: string, clause: string): Counted | null {
  if (VOTE_AFTER.test(next)) return withRole('votes', 'votes', /against/i.test(VOTE_AFTER.exec(next)![0]) ? 'against' : /abst/i.test(next) ? 'abstaining' : 'for')
  const after = ROLE_AFTER.exec(next)
  if (after && /^\s+(?:had|have|has|were|was|are|been|got)\b/i.test(next)) return withRole(head?.noun ?? 'people', head?.unit ?? 'people', roleOfVerb(after[1]) ?? after[1].toLowerCase())
  if ((TOLL_OF.test(lead) || TOLL_EARLIER.test(clause)) && /^(?:[,.;:)]|\s+(?:and|or|but|while|as|with|on|in|after|according)\b|\s*$)/u.test(next)) return withRole('people', 'people', 'killed')
  // "26 were arrested in A, and 25 in B": the count repeated for another place or time
  if (head && /\band\s+$/iu.test(lead) && /^\s+(?:in|at|on|from|during)\s/u.test(next)) return head
  if (!/^(?:[,.;:)]|\s+(?:and|or|but|while|as)\b|\s*$)/u.test(next)) return null
  const role = roleOfVerb(verb)
  if (!head && role && /^(?:killed|injured|arrested)$/.test(role)) return withRole('people', 'people', role)
  if (!head || !BARE_NUMBER_LEAD.test(lead)) return null
  return withRole(head.noun, head.unit, role ?? head.role)
}

/**
 * Counts with what they count and their hedge ("killed at least 15 people"). Vague counts ("hundreds"),
 * ages, ordinals, dates, years, measures and rates are not claims. The same number in the same sentence
 * (a page repeating a paragraph) is one claim.
 * @example findClaims('It killed at least 15 people.', [{start:0,end:29}], [], 'd')[0].value // 15
 */
export function findClaims(text: string, sentences: readonly Sentence[], timex: readonly TimeExpr[], docId: string, sv: SyntaxView | null = null): ClaimRecord[] {
  const out: ClaimRecord[] = []
  const seen = new Set<string>()
  for (const s of sentences) for (const c of sentenceClaims(text, s, timex, sv)) {
    const key = `${c.value}|${c.number.text}|${c.evidence.text.normalize('NFKC').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim()}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ id: `${docId}:c${out.length + 1}`, ...c })
  }
  return out
}

/** Numeric claims. */
export function claimsStage() {
  return defineStage({
    name: 'claims', requires: ['tokens', 'sentences', 'syntax', 'timex'], produces: ['claims'],
    run(doc, { tokens, sentences, syntax, timex }) {
      const sv = syntax && syntax.length === tokens.length ? new SyntaxView(doc.text, tokens, syntax) : null
      return { layers: { claims: findClaims(doc.text, sentences, timex, doc.id, sv) } }
    },
  })
}
