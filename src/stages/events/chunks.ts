import type { EntityType, Sentence } from '../../doc/layers.js'
import type { Span } from '../../doc/span.js'
import { COLLECTIVE_NOUNS, GROUP_NOUNS, NAME_CONNECTORS, ORG_WORDS, PRONOUNS, ROLE_NOUNS, SENTENCE_STOPWORDS, TITLE_ABBREVIATIONS, TITLE_WORDS } from './actors.data.js'
import { countryOfDemonym, knownPlace } from './places.js'
import { MONTHS, WEEKDAYS } from '../timex/timex.data.js'
import { pushAll } from '../../doc/arrays.js'

/** An actor phrase found by rule when the entities layer has nothing there (capitalised runs, "Iranian officials", pronouns). */
export interface Chunk extends Span {
  readonly text: string
  readonly name: string
  readonly type: EntityType | 'UNKNOWN'
  readonly kind: 'name' | 'pronoun' | 'role'
  /** what a pronoun or description stands for; 'country': "the Asian country", "the Islamic Republic" */
  readonly pron?: 'person' | 'thing' | 'group' | 'country'
  /** a single capitalised word opening a sentence: kept only when the document shows it is a name */
  readonly initial?: boolean
}

interface Word extends Span { readonly w: string }
const WORD_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-'’](?![sS]\b)[\p{L}\p{M}\p{N}]+)*/gu
/** Capitalised, and not a hyphenated modifier such as "US-backed" or "Iranian-made". */
const isCap = (w: string): boolean => /^\p{Lu}/u.test(w) && !/-\p{Ll}/u.test(w)
const lower = (w: string): string => w.toLowerCase()
const isDateWord = (w: string): boolean => MONTHS.has(w.replace(/\.$/, '')) || WEEKDAYS.has(w)

function words(text: string, s: Span): Word[] {
  const out: Word[] = []
  const re = WORD_RE
  re.lastIndex = s.start
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) && m.index < s.end) {
    let end = m.index + m[0].length
    if (TITLE_ABBREVIATIONS.has(m[0]) && text[end] === '.') end++
    out.push({ start: m.index, end, w: text.slice(m.index, end) })
  }
  return out
}

const gapOk = (text: string, a: Word, b: Word): boolean => /^\s+$/.test(text.slice(a.end, b.start)) || (b.start === a.end)

/** Capitalised runs of one sentence: "Group of Seven", "Maj. Gen. X Y" (titles stripped later). */
function runs(text: string, ws: Word[]): Word[][] {
  const out: Word[][] = []
  for (let i = 0; i < ws.length; i++) {
    if (!isCap(ws[i].w) || isDateWord(ws[i].w)) continue
    const run = [ws[i]]
    let j = i
    while (j + 1 < ws.length && gapOk(text, ws[j], ws[j + 1])) {
      const n = ws[j + 1]
      if (isCap(n.w) && !isDateWord(n.w)) { run.push(n); j++; continue }
      // connectors only inside a name: "of Seven", "of the Revolution"
      let k = j + 1
      while (k < ws.length && k <= j + 2 && NAME_CONNECTORS.has(ws[k].w) && gapOk(text, ws[k - 1], ws[k])) k++
      if (k > j + 1 && k < ws.length && isCap(ws[k].w) && gapOk(text, ws[k - 1], ws[k]) && lower(ws[j + 1].w) !== 'the') { pushAll(run, ws.slice(j + 1, k + 1)); j = k; continue }
      break
    }
    out.push(run)
    i = j
  }
  return out
}

/** Classifies a run after stripping stopwords, titles and leading nationality adjectives. */
function classify(text: string, run: Word[], atSentenceStart: boolean): Omit<Chunk, 'kind'> | null {
  let r = run
  let titled = false
  const last = lower(r[r.length - 1].w)
  for (let changed = true; changed && r.length;) {
    changed = false
    const w = r[0].w, lw = lower(w)
    if (SENTENCE_STOPWORDS.has(lw) || NAME_CONNECTORS.has(lw)) { r = r.slice(1); changed = true } else if (TITLE_WORDS.has(lw) && !ORG_WORDS.has(last) && r.length > 1) { r = r.slice(1); titled = true; changed = true } else if (r.length > 1 && countryOfDemonym(w) && !knownPlace(r.map((x) => x.w).join(' '))) { r = r.slice(1); changed = true }
  }
  while (r.length && NAME_CONNECTORS.has(lower(r[r.length - 1].w))) r = r.slice(0, -1)
  if (!r.length) return null
  const start = r[0].start, end = r[r.length - 1].end
  const t = text.slice(start, end)
  const place = knownPlace(t)
  if (place) return { start, end, text: t, name: place.name, type: place.type }
  if (countryOfDemonym(t) || (r.length === 1 && TITLE_WORDS.has(lower(t)))) return null
  if (r.some((x) => ORG_WORDS.has(lower(x.w)))) return { start, end, text: t, name: t, type: 'ORG' }
  if (titled) return { start, end, text: t, name: t, type: 'PERSON' }
  if (/^[\p{Lu}\p{N}.]{2,}$/u.test(t)) return { start, end, text: t, name: t, type: 'ORG' }
  if (r.length >= 2 && r.length <= 4 && r.every((x) => isCap(x.w))) return { start, end, text: t, name: t, type: 'PERSON' }
  if (r.length >= 2) return { start, end, text: t, name: t, type: 'UNKNOWN' }
  return { start, end, text: t, name: t, type: 'UNKNOWN', initial: atSentenceStart }
}

/** Nationality adjective + collective noun ("Iranian officials", "Russian forces") stands for the country. */
function demonymGroup(text: string, ws: Word[], i: number): Chunk | null {
  const country = countryOfDemonym(ws[i].w)
  if (!country) return null
  if (i > 0 && /^\s+$/.test(text.slice(ws[i - 1].end, ws[i].start)) && /^(?:a|an)$/i.test(ws[i - 1].w)) return null
  for (let k = i + 1; k < ws.length && k <= i + 3; k++) {
    if (!/^\s+$/.test(text.slice(ws[k - 1].end, ws[k].start)) || isCap(ws[k].w)) return null
    if (GROUP_NOUNS.has(ws[k].w)) return { start: ws[i].start, end: ws[k].end, text: text.slice(ws[i].start, ws[k].end), name: country, type: 'GPE', kind: 'name' }
  }
  return null
}

/** A capitalised non-national adjective + plural noun names a collective actor ("Western leaders"). */
function collective(text: string, ws: Word[], i: number): Chunk | null {
  const w = ws[i], n = ws[i + 1]
  if (!n || !isCap(w.w) || countryOfDemonym(w.w) || knownPlace(w.w) || SENTENCE_STOPWORDS.has(lower(w.w)) || !COLLECTIVE_NOUNS.has(n.w)) return null
  if (!/^\s+$/.test(text.slice(w.end, n.start)) || !/(?:ern|ic|ian|ese|ish|an)$/u.test(w.w)) return null
  return { start: w.start, end: n.end, text: text.slice(w.start, n.end), name: text.slice(w.start, n.end), type: 'GROUP', kind: 'name' }
}

/** "the Russian leader": an unnamed office holder, unless a name or an "of" phrase follows; "the two countries": a pair. */
function roleDescription(text: string, ws: Word[], i: number): Chunk | null {
  if (!/^(?:the|his|her)$/i.test(ws[i].w)) return null
  const pair = /^(?:two|both)\s+(?:countries|nations|states|governments|leaders|presidents|ministers|sides)\b/iu.exec(text.slice(ws[i].end + 1, ws[i].end + 40))
  if (pair && /^the$/i.test(ws[i].w)) { const end = ws[i].end + 1 + pair[0].length; return { start: ws[i].start, end, text: text.slice(ws[i].start, end), name: '', type: 'UNKNOWN', kind: 'role', pron: 'group' } }
  for (let k = i + 1; k < ws.length && k <= i + 3; k++) {
    if (!/^\s+$/.test(text.slice(ws[k - 1].end, ws[k].start))) return null
    if (ROLE_NOUNS.has(ws[k].w)) {
      const after = text.slice(ws[k].end, ws[k].end + 4)
      if (/^(?:,\s*\p{Lu}|\s+\p{Lu}|\s+of\b)/u.test(after)) return null
      return { start: ws[i].start, end: ws[k].end, text: text.slice(ws[i].start, ws[k].end), name: '', type: 'PERSON', kind: 'role' }
    }
    if (isCap(ws[k].w) && !countryOfDemonym(ws[k].w)) return null
  }
  return null
}

/** Rule-found actor phrases of one sentence, sorted by start; `names` false keeps only pronouns, roles and nationality groups. */
export function sentenceChunks(text: string, sent: Sentence, names = true): Chunk[] {
  const ws = words(text, sent)
  const out: Chunk[] = []
  const first = ws.findIndex((w) => /\p{L}/u.test(w.w))
  const at = names ? new Map(ws.map((w, k) => [w, k])) : new Map<Word, number>()
  if (names) for (const run of runs(text, ws)) {
    const i = at.get(run[0])!
    const prev = ws[i - 1]
    if (prev && /^(?:a|an)$/i.test(prev.w) && /^\s+$/.test(text.slice(prev.end, run[0].start))) continue // "a Shi'a shrine": a modifier
    const c = classify(text, run, i === first || /[“"‘]\s*$/.test(text.slice(sent.start, run[0].start)))
    if (c) out.push({ ...c, kind: 'name' })
  }
  for (let i = 0; i < ws.length; i++) {
    const p = PRONOUNS[lower(ws[i].w)]
    if (p) { out.push({ start: ws[i].start, end: ws[i].end, text: ws[i].w, name: '', type: 'UNKNOWN', kind: 'pronoun', pron: p }); continue }
    const g = demonymGroup(text, ws, i) ?? roleDescription(text, ws, i) ?? collective(text, ws, i)
    if (g && !out.some((o) => o.start < g.end && g.start < o.end)) out.push(g)
  }
  return out.sort((a, b) => a.start - b.start)
}

const alt = (xs: Iterable<string>): string => [...xs].join('|')
// each pass looks for the (rare) noun first, then checks the words before it: far cheaper than leading with \p{Lu}
const GROUP_NOUN_RE = new RegExp(`\\b(?:${alt(GROUP_NOUNS)})\\b`, 'g')
const ROLE_NOUN_RE = new RegExp(`\\b(?:${alt(ROLE_NOUNS)})\\b`, 'g')
const COLLECTIVE_NOUN_RE = new RegExp(`\\b(?:${alt(COLLECTIVE_NOUNS)})\\b`, 'g')
const PAIR_RE = /\b(?:[Tt]he[ \t]+(?:two|both)|[Bb]oth)[ \t]+(?:countries|nations|states|governments|leaders|presidents|ministers|sides)\b/g
const PRONOUN_RE = /\b(?:[Hh]e|[Ss]he|him|[Ii]t|[Tt]hey|[Tt]hem)\b/g
/** A definite description of a country ("the Asian country", "the Islamic Republic", "the Persian Gulf kingdom"), not "the country of X". */
const COUNTRY_DESC_RE = /\b[Tt]he[ \t]+(?:[\p{L}-]+[ \t]+){0,3}?(?:country|nation|kingdom|republic|Republic|Kingdom)\b(?![ \t]+of\b)/gu
/** The words (with their starts) just before `at` on the same line: at most `n`, nearest last. */
function leadWords(text: string, at: number, n: number): { w: string; start: number }[] {
  const out: { w: string; start: number }[] = []
  let i = at
  while (out.length < n) {
    let e = i
    while (e > 0 && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--
    if (e === i) break // words are separated by spaces, and the noun follows one
    let b = e
    while (b > 0 && /[\p{L}\p{M}'’-]/u.test(text[b - 1])) b--
    if (b === e) break
    out.unshift({ w: text.slice(b, e), start: b })
    i = b
  }
  return out
}

/**
 * Pronouns, role descriptions, pairs, nationality groups and collectives of a whole text, by a few regex passes
 * (the fast path used when an entities layer supplies the names). Same rules as `sentenceChunks` without names.
 */
export function textChunks(text: string): Chunk[] {
  const out: Chunk[] = []
  const each = (re: RegExp, f: (m: RegExpExecArray) => Chunk | null): void => { re.lastIndex = 0; let m: RegExpExecArray | null; while ((m = re.exec(text))) { const c = f(m); if (c) out.push(c) } }
  const lead = (re: RegExp, at: number): RegExpExecArray | null => re.exec(text.slice(Math.max(0, at - 48), at))
  each(PRONOUN_RE, (m) => ({ start: m.index, end: m.index + m[0].length, text: m[0], name: '', type: 'UNKNOWN', kind: 'pronoun', pron: PRONOUNS[m[0].toLowerCase()] }))
  each(PAIR_RE, (m) => ({ start: m.index, end: m.index + m[0].length, text: m[0], name: '', type: 'UNKNOWN', kind: 'role', pron: 'group' }))
  // "the two countries" is a pair; "the host country", "the whole country" describe no one in particular
  // (a nationality adjective names the country itself: "condolences to the Turkish nation")
  each(COUNTRY_DESC_RE, (m) => {
    if (/\b(?:two|both|three|other|whole|entire|host|same|each|every|first|second|next|last)\b/i.test(m[0])) return null
    const country = m[0].split(/[ \t]+/u).map((w) => countryOfDemonym(w)).find(Boolean)
    return country ? { start: m.index, end: m.index + m[0].length, text: m[0], name: country, type: 'GPE', kind: 'name' }
      : { start: m.index, end: m.index + m[0].length, text: m[0], name: '', type: 'GPE', kind: 'role', pron: 'country' }
  })
  each(GROUP_NOUN_RE, (m) => {
    if (text[m.index + m[0].length] === '-') return null // "air-defense" is not "air"
    // a nationality adjective up to two lower-case words before the noun: "Iranian (security) officials"
    const ws = leadWords(text, m.index, 3)
    let k = ws.length - 1
    while (k >= 0 && ws.length - k <= 3 && !/^\p{Lu}/u.test(ws[k].w)) k--
    const country = k >= 0 && ws.length - k <= 3 ? countryOfDemonym(ws[k].w) : undefined
    if (!country) return null
    const start = ws[k].start
    if (/\b(?:a|an)[ \t]+$/i.test(text.slice(Math.max(0, start - 4), start))) return null
    return { start, end: m.index + m[0].length, text: text.slice(start, m.index + m[0].length), name: country, type: 'GPE', kind: 'name' }
  })
  each(ROLE_NOUN_RE, (m) => {
    // "the|his|her" + up to two adjectives + the role noun
    const ws = leadWords(text, m.index, 3)
    const k = ws.findIndex((x) => /^(?:the|his|her)$/i.test(x.w))
    if (k < 0) return null
    const start = ws[k].start, end = m.index + m[0].length
    const mid = ws.slice(k + 1).map((x) => x.w)
    if (mid.some((w) => isCap(w) && !countryOfDemonym(w)) || /^(?:two|both)$/i.test(mid[0] ?? '') || /^(?:,\s*\p{Lu}|\s+\p{Lu}|\s+of\b)/u.test(text.slice(end, end + 4))) return null
    return { start, end, text: text.slice(start, end), name: '', type: 'PERSON', kind: 'role' }
  })
  each(COLLECTIVE_NOUN_RE, (m) => {
    const w = leadWords(text, m.index, 1)[0]
    if (!w || !/^\p{Lu}\p{Ll}+(?:ern|ic|ian|ese|ish|an)$/u.test(w.w) || countryOfDemonym(w.w) || knownPlace(w.w)) return null
    const end = m.index + m[0].length
    return { start: w.start, end, text: text.slice(w.start, end), name: text.slice(w.start, end), type: 'GROUP', kind: 'name' }
  })
  out.sort((a, b) => a.start - b.start || b.end - a.end)
  // overlapping finds: the first (longest) wins
  return out.filter((c, i) => !out.some((o, j) => j < i && o.start < c.end && c.start < o.end))
}
