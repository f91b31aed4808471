import { defineStage } from '../../doc/stage.js'
import type { ClaimRecord, Sentence, TimeExpr } from '../../doc/layers.js'
import type { Span } from '../../doc/span.js'
import { BARE_NUMBER_LEAD, COUNT_VERBS, IRREGULAR_PLURALS, NOT_COUNT_UNITS, PEOPLE_NOUNS, QUALIFIERS, REFERENCE_DETERMINERS, SCALES, SUBSET_BEFORE, TOLL_OF, UNIT_STOPS, WRITTEN_NUMBERS } from './claims.data.js'
import { counted, roleOfVerb, withRole, type Counted } from './what.js'

const alt = (xs: Iterable<string>): string => [...xs].sort((a, b) => b.length - a.length).map((x) => x.replace(/ /g, '\\s+')).join('|')
/** Digits ("25,490", "4.5 million", "$3 billion") or a number word; never glued to a letter, hyphen or colon ("G7", "Shahed-136", "1:24"). */
const NUMBER_RE = new RegExp(String.raw`(?<![\p{L}\p{N}\-:.,])(?<cur>[$€£])?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?<scale>${alt(Object.keys(SCALES))})\b)?(?![\p{L}\p{N}:%-]|[.,]\d)|\b(?<word>${alt(Object.keys(WRITTEN_NUMBERS))})(?:\s(?<wscale>${alt(Object.keys(SCALES))}))?\b(?!-)`, 'giu')
const QUALIFIER_RE = new RegExp(`\\b(${alt(QUALIFIERS)})\\s+$`, 'iu')

interface Found { readonly start: number; readonly end: number; readonly value: number; readonly currency: string | null }

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

const isPlural = (u: string): boolean => /[^s]s$/i.test(u) || IRREGULAR_PLURALS.has(u.toLowerCase()) || PEOPLE_NOUNS.has(u.toLowerCase())

/** Numeric claims in one sentence; `skip` holds time expressions (dates and years are not claims). */
export function sentenceClaims(text: string, s: Span, skip: readonly Span[]): Omit<ClaimRecord, 'id'>[] {
  const out: Omit<ClaimRecord, 'id'>[] = []
  // the last whole count of the sentence (not a part "among them"), for "others" and bare numbers
  let head: Counted | null = null
  const re = new RegExp(NUMBER_RE.source, 'giu')
  re.lastIndex = s.start
  const slice = text.slice(0, s.end)
  let m: RegExpExecArray | null
  while ((m = re.exec(slice))) {
    const g = m.groups!
    const start = m.index, end = m.index + m[0].length
    if (skip.some((t) => t.start < end && start < t.end)) continue
    const before = text.slice(Math.max(s.start, start - 30), start)
    let value: number
    if (g.word) {
      const prev = /(\p{L}+)\s+$/u.exec(before)?.[1]?.toLowerCase()
      if (prev && REFERENCE_DETERMINERS.has(prev)) continue
      value = WRITTEN_NUMBERS[g.word.toLowerCase()] * (g.wscale ? SCALES[g.wscale.toLowerCase()] : 1)
    } else {
      value = Number(g.num.replace(/,/g, '')) * (g.scale ? SCALES[g.scale.toLowerCase()] : 1)
      if (/\b(?:aged?|No\.|number|page|article|resolution)\s+$/iu.test(before) || /\p{L},\s+$/u.test(before) && /^,/.test(text.slice(end, end + 1))) continue
    }
    const u = unitAfter(text, end, s.end)
    const money = g.cur ? { $: 'USD', '€': 'EUR', '£': 'GBP' }[g.cur]! : null
    if (!money && !g.num?.includes(',') && value >= 1900 && value <= 2099 && !g.scale) continue // a year used as a modifier
    const q = QUALIFIER_RE.exec(before)
    const lead = text.slice(Math.max(s.start, start - 40), q ? start - q[0].length : start)
    const verb = COUNT_VERBS.exec(lead)
    const hasUnit = !!u && u.unit.length >= 3 && !NOT_COUNT_UNITS.has(u.unit.toLowerCase()) && isPlural(u.unit)
    let c: Counted | null = null
    if (money) c = withRole(money, money, roleOfVerb(verb?.[0]))
    else if (hasUnit) c = counted(u!.unit, verb?.[0] ?? null, text.slice(u!.end, s.end), head, SUBSET_BEFORE.test(lead))
    else if (!u || UNIT_STOPS.has(u.unit.toLowerCase())) c = bareCount(lead, verb?.[0] ?? null, head, text.slice(end, end + 2))
    // a singular unit is a measure or a model name ("1 tsp", "iPhone 11 Pro"), not a count
    if (!c) continue
    if (!SUBSET_BEFORE.test(lead)) head = c
    out.push({
      what: c.what, value, qualifier: q ? q[1].toLowerCase().replace(/\s+/g, ' ') : null, unit: c.unit,
      number: { start, end, text: text.slice(start, end) },
      evidence: { start: s.start, end: s.end, text: text.slice(s.start, s.end) },
    })
  }
  return out
}

/**
 * A number with no unit after it: "a toll of 41" counts people killed; after a reporting or count verb ("X says 37",
 * "wounding more than 90") it repeats the previous count's noun. It must end a phrase (punctuation or "and" after it).
 */
function bareCount(lead: string, verb: string | null, head: Counted | null, next: string): Counted | null {
  if (!/^(?:[,.;:)]|\s+(?:and|or|but|while|as)\b|\s*$)/u.test(next)) return null
  if (TOLL_OF.test(lead)) return withRole('people', 'people', 'killed')
  if (!head || !BARE_NUMBER_LEAD.test(lead)) return null
  return withRole(head.noun, head.unit, roleOfVerb(verb) ?? head.role)
}

/**
 * Counts with what they count and their hedge ("killed at least 15 people"). Vague counts ("hundreds"),
 * ages, ordinals, dates and years are not claims.
 * @example findClaims('It killed at least 15 people.', [{start:0,end:29}], [], 'd')[0].value // 15
 */
export function findClaims(text: string, sentences: readonly Sentence[], timex: readonly TimeExpr[], docId: string): ClaimRecord[] {
  const out: ClaimRecord[] = []
  for (const s of sentences) for (const c of sentenceClaims(text, s, timex)) out.push({ id: `${docId}:c${out.length + 1}`, ...c })
  return out
}

/** Numeric claims. */
export function claimsStage() {
  return defineStage({
    name: 'claims', requires: ['tokens', 'sentences', 'timex'], produces: ['claims'],
    run(doc, { sentences, timex }) { return { layers: { claims: findClaims(doc.text, sentences, timex, doc.id) } } },
  })
}
