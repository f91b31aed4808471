/**
 * The `syntax` stage: tags and parses every sentence and produces the `syntax` layer, parallel to `tokens`.
 * The project's tokens are mapped to EWT tokenisation inside the stage (contractions split: "don't" -> do n't,
 * "they're" -> they 're; hyphenated words split: "Amir-Abdollahian" -> Amir - Abdollahian); a token made of
 * several pieces takes the UPOS, relation and head of its main piece (the piece nearest the root).
 */
import { defineStage } from '../../doc/stage.js'
import type { SyntaxToken, Token } from '../../doc/layers.js'
import { lowerBound } from '../tokens/index.js'
import { ABBREVIATIONS } from '../tokens/tokens.data.js'
import { lemmatize } from './lemma.js'
import { loadSyntaxModel, type ParsedSentence, type SyntaxParser } from './model.js'
import { pushAll } from '../../doc/arrays.js'

const NT = /^(\p{L}+?)(n['’]t)$/iu
const CLITIC = /^(\p{L}+?)(['’](?:re|ve|ll|d|m|s))$/iu
const HYPHENATED = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u

/** Splits one project token into EWT-style pieces (most tokens are one piece). */
export function ewtPieces(word: string): string[] {
  if (word.length < 3) return [word]
  let m = NT.exec(word)
  if (m) return [m[1]!, m[2]!]
  m = CLITIC.exec(word)
  if (m) return [m[1]!, m[2]!]
  if (word.toLowerCase() === 'cannot') return [word.slice(0, 3), word.slice(3)]
  if (HYPHENATED.test(word) && /\p{L}/u.test(word) && !/^\p{L}-/u.test(word)) {
    const out: string[] = []
    word.split('-').forEach((p, k) => { if (k) out.push('-'); out.push(p) })
    return out
  }
  return [word]
}

const DASH = /^(?:-|–|—|--)$/
const ALL_CAPS = /^\p{Lu}[\p{Lu}.'’-]*$/u

/**
 * Length in pieces of a dateline opening a sentence ("TEHRAN –", "NEW YORK, May 3 (Reuters) -"): ALL-CAPS words,
 * then optionally a date after a comma and a parenthesised agency, then a dash; 0 when there is none. The
 * dateline is parsed as a unit of its own, so its place name does not become a subject of the first clause.
 */
export function datelineLength(words: readonly string[]): number {
  if (words.length < 3 || !/^\p{Lu}{2,}/u.test(words[0]!) || !ALL_CAPS.test(words[0]!)) return 0
  let relaxed = false // after a comma or inside brackets: dates and agency names
  for (let i = 1; i < Math.min(words.length - 1, 12); i++) {
    const w = words[i]!
    if (DASH.test(w)) return i + 1
    if (w === ',' || w === '(') { relaxed = true; continue }
    if (w === ')' || ALL_CAPS.test(w) || (relaxed && /^(?:\p{Lu}\p{L}*\.?|\d{1,4})$/u.test(w))) continue
    return 0
  }
  return 0
}

/** Titles that precede names in news ("Foreign Minister X", "President X"): a lexical fallback for the parser. */
const TITLES = new Set([
  'president', 'minister', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'ambassador', 'envoy', 'general', 'commander',
  'chairman', 'chairwoman', 'chief', 'director', 'governor', 'mayor', 'senator', 'representative', 'leader', 'king', 'queen',
  'prince', 'sheikh', 'ayatollah', 'premier', 'chancellor', 'speaker', 'lawmaker', 'deputy', 'admiral', 'colonel', 'captain',
  'brigadier', 'lieutenant', 'major', 'sergeant', 'judge', 'prosecutor', 'cleric', 'imam', 'emir', 'sultan', 'pope', 'dr.', 'mr.', 'mrs.', 'ms.',
  // honorifics before Muslim names ("Seyed Abbas Mousavi", "Hojatoleslam X"): the tagger, trained on web text, takes them for verbs
  'seyed', 'seyyed', 'sayyed', 'sayyid', 'syed', 'hojatoleslam', 'hojjatoleslam', 'mullah', 'haj', 'rabbi',
])

const CORE = new Set(['nsubj', 'nsubj:pass', 'obj', 'iobj'])
const NOMINAL = new Set(['nsubj', 'nsubj:pass', 'obj', 'iobj', 'obl:unmarked', 'obl:npmod', 'nmod:unmarked', 'dep', 'parataxis', 'dislocated'])

/**
 * The words in an order where every word comes after its head (breadth first from the root), or null when some
 * word does not reach the root (a cycle, a head out of range). Linear: a 20,000-word sentence parsed as one long
 * chain is as cheap as a short one.
 */
function topDown(heads: readonly number[]): number[] | null {
  const n = heads.length
  const first = new Int32Array(n + 1).fill(-1), next = new Int32Array(n).fill(-1)
  for (let i = n - 1; i >= 0; i--) {
    const h = heads[i]!
    if (!Number.isInteger(h) || h < 0 || h > n) return null
    next[i] = first[h]!; first[h] = i
  }
  const order: number[] = []
  for (let c = first[0]!; c >= 0; c = next[c]!) order.push(c)
  for (let k = 0; k < order.length; k++) for (let c = first[order[k]! + 1]!; c >= 0; c = next[c]!) order.push(c)
  return order.length === n ? order : null
}

/** First and last piece of every word's subtree. */
function subtreeEdges(heads: readonly number[]): { left: number[]; right: number[] } {
  const n = heads.length
  const left = heads.map((_, i) => i), right = heads.map((_, i) => i)
  const order = topDown(heads)
  if (order) {
    // children before their heads: each subtree's edges are its own and its children's
    for (let k = n - 1; k >= 0; k--) {
      const i = order[k]!, h = heads[i]! - 1
      if (h < 0) continue
      if (left[i]! < left[h]!) left[h] = left[i]!
      if (right[i]! > right[h]!) right[h] = right[i]!
    }
    return { left, right }
  }
  for (let i = 0; i < n; i++) for (let h = heads[i]! - 1, steps = 0; h >= 0 && steps < n; h = heads[h]! - 1, steps++) {
    if (i < left[h]!) left[h] = i
    if (i > right[h]!) right[h] = i
  }
  return { left, right }
}

/** True when some word does not reach the root by its heads (1-based, 0 = root). */
function hasCycle(heads: readonly number[]): boolean {
  if (topDown(heads)) return false
  const n = heads.length
  for (let i = 0; i < n; i++) {
    let h = heads[i]!, steps = 0
    while (h !== 0 && steps++ <= n) h = heads[h - 1]!
    if (h !== 0) return true
  }
  return false
}

/** Left dependents of a title that belong to the whole phrase ("and Foreign Minister X"). */
const MOVE_TO_NAME = new Set(['cc', 'case', 'punct', 'mark', 'det', 'advmod'])

const capitalised = (w: string): boolean => /^\p{Lu}/u.test(w)

/**
 * A run of titles and the name after it ("Brigadier General Hamid Vahedi", "Minister Lena Okafor") becomes one
 * phrase headed by the name's first word, as EWT annotates "President Bill Clinton": the name takes the phrase's
 * place in the sentence, its other words are flat, the last title is its nmod:desc (earlier titles compounds of
 * it), and what hung on the titles to their right (an apposition, a clause) hangs on the name. Heads 1-based.
 */
function repairTitleNames(words: readonly string[], heads: number[], rels: string[], upos: readonly string[]): void {
  const n = heads.length
  for (let a = 0; a < n; a++) {
    if (!TITLES.has(words[a]!.toLowerCase()) || !capitalised(words[a]!)) continue
    let t = a
    // the title run: titles, and capitalised words between two titles ("Deputy Foreign Minister")
    for (let grew = true; grew;) {
      grew = false
      for (let k = t + 1; k < Math.min(n, t + 4) && capitalised(words[k]!); k++) {
        if (TITLES.has(words[k]!.toLowerCase())) { t = k; grew = true; break }
      }
    }
    let b = t + 1
    while (b < n && upos[b] === 'PROPN' && capitalised(words[b]!) && !TITLES.has(words[b]!.toLowerCase())) b++
    if (b === t + 1) { a = t; continue }
    // capitalised adjectives just before the titles ("Russian Foreign Minister") modify the title
    let m = a
    while (m > 0 && upos[m - 1] === 'ADJ' && capitalised(words[m - 1]!)) m--
    const inSpan = (h: number): boolean => h > m && h <= b // 1-based head inside [m, b)
    let ext = -1
    for (let k = m; k < b; k++) if (!inSpan(heads[k]!) && (ext < 0 || (CORE.has(rels[k]!) && !CORE.has(rels[ext]!)) || (upos[ext] === 'ADJ' && upos[k] !== 'ADJ'))) ext = k
    if (ext < 0) { a = b - 1; continue }
    const name = t + 1, H = heads[ext]!
    const savedHeads = heads.slice(), savedRels = rels.slice()
    // a phrase attached through a stray adjective takes a nominal relation
    const R = upos[ext] === 'ADJ' && !NOMINAL.has(rels[ext]!) ? (upos[H - 1] === 'VERB' ? 'obj' : 'nmod') : rels[ext]!
    for (let k = m; k < a; k++) if (!inSpan(heads[k]!) || heads[k] === ext + 1) { heads[k] = t + 1; rels[k] = 'amod' }
    for (let k = 0; k < n; k++) {
      const h = heads[k]! - 1
      if (h < m || h > t) continue
      if (k >= b || (k < m && MOVE_TO_NAME.has(rels[k]!.split(':')[0]!))) heads[k] = name + 1
    }
    for (let k = a; k < b; k++) {
      if (k === name) { heads[k] = H === name + 1 ? 0 : H; rels[k] = H === name + 1 ? 'root' : R; continue }
      if (k > name) { heads[k] = name + 1; rels[k] = 'flat'; continue }
      heads[k] = k === t ? name + 1 : t + 1
      rels[k] = k === t ? 'nmod:desc' : upos[k] === 'ADJ' ? 'amod' : 'compound'
    }
    // an odd parse can make the moves close a cycle: then the phrase stays as the parser left it
    if (hasCycle(heads)) for (let k = 0; k < n; k++) { heads[k] = savedHeads[k]!; rels[k] = savedRels[k]! }
    a = b - 1
  }
}

/**
 * Repairs two news patterns web-text training rarely shows, by tree shape alone:
 * - titles before names: a word with two dependents of the same core relation side by side (the first ending right
 *   where the second starts) -> the first is a title of the second ("Foreign Minister | Hossein Amir-Abdollahian
 *   said"): it becomes the name's nmod:desc, as EWT annotates "President Bill Clinton";
 * - appositions between commas: two nominal dependents of one word, "X , Y ," -> Y is X's appos and X takes the
 *   core relation ("The minister, Rahim Nazari, met ...").
 */
export function repairNews(words: readonly string[], heads: number[], rels: string[], upos: readonly string[]): void {
  const n = heads.length
  const nominal = (i: number): boolean => upos[i] === 'NOUN' || upos[i] === 'PROPN' || upos[i] === 'PRON'
  repairTitleNames(words, heads, rels, upos)
  let { left, right } = subtreeEdges(heads)
  for (let a = 0; a < n; a++) {
    const r = rels[a]!
    if (!CORE.has(r) || (upos[a] !== 'NOUN' && upos[a] !== 'PROPN')) continue
    // the second: the word whose phrase starts right after the first's ("commander | Razi Mousavi", headed by Mousavi)
    const next = right[a]! + 1
    if (next >= n || upos[next - 1] === 'PUNCT') continue
    let b = -1
    for (let k = next; k < n && k <= right[next]! + 4; k++) if (left[k] === next && heads[k] === heads[a]) { b = k; break }
    if (b < 0 || rels[b] !== r || upos[b] !== 'PROPN') continue
    heads[a] = b + 1
    rels[a] = 'nmod:desc'
    ;({ left, right } = subtreeEdges(heads))
  }
  for (let a = 0; a < n; a++) {
    if (!NOMINAL.has(rels[a]!) || !nominal(a)) continue
    const c = words[right[a]!] === ',' ? right[a]! : right[a]! + 1
    if (words[c] !== ',') continue
    const b = c + 1
    let y = -1
    for (let k = 0; k < n; k++) if (left[k] === b && heads[k] === heads[a] && k !== a && upos[k] === 'PROPN' && NOMINAL.has(rels[k]!)) { y = k; break }
    if (y < 0) continue
    const c2 = right[y]! + 1
    if (words[c2] !== ',') continue
    const core = CORE.has(rels[y]!) ? rels[y]! : CORE.has(rels[a]!) ? rels[a]! : null
    if (!core) continue
    rels[a] = core
    heads[y] = a + 1
    rels[y] = 'appos'
    heads[c] = y + 1; rels[c] = 'punct'
    heads[c2] = y + 1; rels[c2] = 'punct'
    ;({ left, right } = subtreeEdges(heads))
  }
  repairFrontedParticiple(words, heads, rels, upos)
  repairNameAsClause(heads, rels, upos)
  repairFrontedWith(words, heads, rels, left, right)
  repairFrontedSubject(words, heads, rels, upos)
  repairParticleVerbs(words, heads, rels, upos)
  repairNounRoot(words, heads, rels, upos)
  repairVerbAsModifier(words, heads, rels, upos)
}

/** Past-tense forms of common irregular news verbs (the regular ones end in "-ed"). */
const IRREGULAR_PAST = new Set(['said', 'told', 'met', 'held', 'made', 'took', 'gave', 'sent', 'won', 'began', 'left', 'went', 'came', 'saw', 'spoke',
  'wrote', 'sought', 'brought', 'struck', 'fought', 'led', 'paid', 'put', 'set', 'kept', 'found', 'felt', 'thought', 'stood', 'rose', 'fell', 'chose',
  'drew', 'knew', 'threw', 'shot', 'bought', 'caught', 'ran', 'sat', 'broke', 'hit', 'cut', 'let', 'read', 'meant', 'sold', 'lost', 'became', 'withdrew'])

/**
 * A sentence whose root the parser made a noun, with the finite verb after it read as a reduced or relative clause
 * or a conjunct of the noun (acl, acl:relcl, conj, parataxis), has no main verb; the verb becomes the root, and what
 * followed it hangs on it: "Pakistan's foreign office also issued a statement" (the noun becomes its subject),
 * "U.S. President X and Russian Foreign Minister Y met" (the noun and the verb's subject are conjoined subjects),
 * "Last June, Islamic State claimed responsibility" (the time noun becomes the verb's time). Never when the noun has
 * a copula, or a relative pronoun opens the verb's clause.
 */
function repairNounRoot(words: readonly string[], heads: number[], rels: string[], upos: readonly string[]): void {
  const r = rels.indexOf('root')
  if (r < 0 || (upos[r] !== 'NOUN' && upos[r] !== 'PROPN') || heads.some((h, i) => h === r + 1 && rels[i] === 'cop')) return
  const v = heads.findIndex((h, i) => h === r + 1 && i > r && /^(?:acl|acl:relcl|conj|parataxis)$/u.test(rels[i]!) && upos[i] === 'VERB')
  if (v < 0) return
  const kids = heads.flatMap((h, i) => (h === v + 1 ? [i] : []))
  if (kids.some((i) => /^(?:who|which|that|whom|whose)$/iu.test(words[i]!))) return
  const subj = kids.find((i) => rels[i]!.startsWith('nsubj') && i < v)
  const promote = (): void => {
    heads[v] = 0; rels[v] = 'root'
    for (let i = v + 1; i < heads.length; i++) if (heads[i] === r + 1) heads[i] = v + 1
  }
  if (subj !== undefined) {
    // "Last June, X claimed …": a fronted time noun is the verb's time, the verb the sentence's root
    if (r < subj && TIME_NOUNS.test(words[r]!)) { promote(); heads[r] = v + 1; rels[r] = 'obl:tmod'; return }
    // "A and B met": the noun and the verb's subject are conjuncts, both the subject
    const cc = kids.find((i) => rels[i] === 'cc' && i > r && i < subj)
    if (rels[v] === 'conj' && cc !== undefined) { promote(); heads[r] = v + 1; rels[r] = 'nsubj'; heads[subj] = r + 1; rels[subj] = 'conj'; heads[cc] = subj + 1 }
    return
  }
  // finite: a past form, or a verb with its auxiliary ("will meet", "had met"); a bare "-ing"/"to" verb is a modifier
  const w = words[v]!.toLowerCase()
  if (!/ed$/u.test(w) && !IRREGULAR_PAST.has(w) && !kids.some((i) => rels[i] === 'aux' && i < v)) return
  if (rels[v] === 'conj') return
  // a passive participle with its agent is a real reduced relative: "the report issued by X" (an "agent" with no "by"
  // is the parser's misreading of the object: "X accused Y of …")
  const by = (i: number): boolean => rels[i]!.startsWith('obl') && heads.some((h, j) => h === i + 1 && rels[j] === 'case' && words[j]!.toLowerCase() === 'by')
  if (kids.some(by)) return
  promote()
  heads[r] = v + 1; rels[r] = 'nsubj'
  for (const i of kids) if (rels[i] === 'obl:agent' && i > v) rels[i] = 'obj'
}

/**
 * "President X expressed deep concern over …": a sentence whose root the parser made the object noun, with the
 * subject's name as its compound or possessor and the finite verb before it as its adjective. The verb (tagged a verb,
 * a past form, no determiner before it) becomes the root, the name before it its subject and the noun its object.
 */
function repairVerbAsModifier(words: readonly string[], heads: number[], rels: string[], upos: readonly string[]): void {
  const r = rels.indexOf('root')
  if (r < 0 || upos[r] !== 'NOUN') return
  const v = heads.findIndex((h, i) => h === r + 1 && i < r && rels[i] === 'amod' && upos[i] === 'VERB')
  if (v < 1) return
  const w = words[v]!.toLowerCase()
  if (!/ed$/u.test(w) && !IRREGULAR_PAST.has(w)) return
  const before = heads.flatMap((h, i) => (h === r + 1 && i < v && rels[i] !== 'punct' ? [i] : []))
  if (before.length !== 1 || !/^(?:compound|nmod:poss|nsubj|amod|nmod)$/u.test(rels[before[0]!]!) || !/^(?:PROPN|NOUN)$/u.test(upos[before[0]!]!)) return
  // the subject's phrase ends right before the verb, or a time phrase of the verb does ("X on Monday expressed")
  const s = before[0]!
  for (let i = s + 1; i < v; i++) if (!dominates(heads, s, i) && !dominates(heads, v, i)) return
  heads[v] = 0; rels[v] = 'root'
  heads[s] = v + 1; rels[s] = 'nsubj'
  heads[r] = v + 1; rels[r] = 'obj'
  for (let i = 0; i < heads.length; i++) if (heads[i] === r + 1 && rels[i] === 'punct' && i > r) heads[i] = v + 1
}

/** Nouns of time that open a sentence ("Last June, …", "On Monday, …" read without its preposition). */
const TIME_NOUNS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|day|night|morning|evening|weekend|time)s?$/iu

/** Phrasal verbs of news whose particle the parser takes for a preposition ("carried out a string of airstrikes"): verb lemma → particles. */
const PARTICLE_VERBS: ReadonlyMap<string, readonly string[]> = new Map([
  ['carry', ['out']], ['step', ['up']], ['set', ['up']], ['call', ['off']], ['shut', ['down']], ['rule', ['out']], ['roll', ['out', 'back']],
  ['scale', ['up', 'back', 'down']], ['wipe', ['out']], ['blow', ['up']], ['hand', ['over']], ['take', ['over']], ['stir', ['up']], ['beef', ['up']],
  ['ramp', ['up']], ['lay', ['out']], ['point', ['out']], ['shoot', ['down']], ['play', ['down']], ['turn', ['down']], ['phase', ['out']],
])
/**
 * "carried out airstrikes", "stepped up attacks": a particle read as the preposition of the noun after it becomes the
 * verb's particle, and the noun (an oblique of the verb) its object, as EWT annotates phrasal verbs.
 */
function repairParticleVerbs(words: readonly string[], heads: number[], rels: string[], upos: readonly string[]): void {
  for (let p = 1; p < heads.length; p++) {
    const v = p - 1
    if (upos[v] !== 'VERB' || rels[p] !== 'case' || !PARTICLE_VERBS.get(lemmatize(words[v]!, 'VERB'))?.includes(words[p]!.toLowerCase())) continue
    const n = heads[p]! - 1
    if (n <= p || heads[n] !== v + 1 || !rels[n]!.startsWith('obl') || heads.some((h, i) => h === v + 1 && rels[i] === 'obj')) continue
    heads[p] = v + 1; rels[p] = 'compound:prt'
    rels[n] = 'obj'
  }
}

/**
 * "Speaking at a briefing, X accused Y …", "Referring to …, the two sides expressed …", "Citing sources, IRNA reported
 * …": the parser, trained on web text, sometimes makes a sentence's opening participle the root and hangs the main
 * clause on it. When the participle opens the sentence and a verb after its clause's comma hangs on it with a
 * subject of its own after that comma, or with a noun phrase right after the comma that the parser hung on the
 * participle's clause, that verb becomes the root, the noun phrase its subject, and the participle its adverbial clause.
 */
function repairFrontedParticiple(words: readonly string[], heads: number[], rels: string[], upos: readonly string[]): void {
  if (heads[0] !== 0 || upos[0] !== 'VERB' || !/^\p{Lu}\p{Ll}+ing$/u.test(words[0]!)) return
  const comma = words.indexOf(',')
  if (comma < 2) return
  const own = (v: number): boolean => heads.some((h, j) => h === v + 1 && j > comma && j < v && rels[j]!.startsWith('nsubj'))
  const m = heads.findIndex((h, k) => h === 1 && k > comma + 1 && upos[k] === 'VERB')
  if (m < 0) return
  let subj = -1
  if (!own(m)) {
    // the phrase right after the comma, hung inside the participle's clause (an apposition, conjunct or object there)
    let x = comma + 1
    while (x < m && heads[x]! - 1 > comma && heads[x]! - 1 < m) x = heads[x]! - 1
    if (x >= m || !/^(?:NOUN|PROPN|PRON)$/u.test(upos[x]!) || heads[x]! - 1 > comma || !/^(?:appos|conj|obj|nmod|dep|obl)$/u.test(rels[x]!)) return
    // every word between the comma and the verb belongs to that phrase
    for (let k = comma + 1; k < m; k++) if (!dominates(heads, x, k)) return
    subj = x
  }
  heads[m] = 0; rels[m] = 'root'
  heads[0] = m + 1; rels[0] = 'advcl'
  if (subj >= 0) { heads[subj] = m + 1; rels[subj] = 'nsubj' }
  for (let k = m + 1; k < heads.length; k++) if (heads[k] === 1) heads[k] = m + 1
  if (heads[comma] === 1 || heads[comma] === subj + 1) { heads[comma] = 1; rels[comma] = 'punct' }
}

/**
 * "…, Seyed X said the talks failed": a name before a verb without a subject, read as the verb's
 * clausal complement (a clause with no predicate of its own: no subject, copula or auxiliary under it), is its subject.
 */
function repairNameAsClause(heads: number[], rels: string[], upos: readonly string[]): void {
  for (let x = 0; x < heads.length; x++) {
    const v = heads[x]! - 1
    if (v <= x || rels[x] !== 'ccomp' || upos[x] !== 'PROPN' || upos[v] !== 'VERB') continue
    if (heads.some((h, i) => h === v + 1 && (rels[i]!.startsWith('nsubj') || rels[i] === 'expl'))) continue
    if (heads.some((h, i) => h === x + 1 && /^(?:nsubj|nsubj:pass|cop|aux|aux:pass|mark)$/u.test(rels[i]!))) continue
    rels[x] = 'nsubj'
  }
}

/**
 * "In a meeting with X, Y said …": the parser sometimes reads "with" as a clause marker, X as the subject and Y as
 * X's conjunct. When "with" (a mark of the verb) opens the subject's phrase and a conjunct follows it after a
 * comma with no "and", X is the object of "with" (under the noun before it, else the verb) and Y the subject.
 */
function repairFrontedWith(words: readonly string[], heads: number[], rels: string[], left: readonly number[], right: readonly number[]): void {
  const n = heads.length
  for (let k = 0; k < n; k++) {
    if (words[k]!.toLowerCase() !== 'with' || rels[k] !== 'mark') continue
    const v = heads[k]!
    const x = heads.findIndex((h, i) => h === v && rels[i]!.startsWith('nsubj') && left[i] === k + 1)
    if (x < 0) continue
    const y = heads.findIndex((h, i) => h === x + 1 && rels[i] === 'conj' && (words[left[i]!] === ',' || words[left[i]! - 1] === ',') && !heads.some((hh, j) => hh === i + 1 && rels[j] === 'cc'))
    if (y < 0) continue
    const noun = k > 0 ? heads.findIndex((h, i) => h === v && right[i] === k - 1 && (rels[i] === 'obl' || rels[i] === 'obl:tmod' || rels[i] === 'nmod')) : -1
    heads[k] = x + 1; rels[k] = 'case'
    heads[x] = noun >= 0 ? noun + 1 : v; rels[x] = noun >= 0 ? 'nmod' : 'obl'
    heads[y] = v; rels[y] = 'nsubj'
    const comma = words[left[y]!] === ',' ? left[y]! : left[y]! - 1
    if (heads[comma] === x + 1 || heads[comma] === y + 1) { heads[comma] = v; rels[comma] = 'punct' }
  }
}

/**
 * "On Wednesday, X, Iran's envoy to the UN, mentioned …": the parser sometimes reads the name after a fronted
 * adverbial as a conjunct or apposition of the adverbial's noun and leaves the verb without a subject. A verb with
 * no subject whose fronted oblique has such a name after a comma, with no "and" or "or", gets the name as subject.
 */
function repairFrontedSubject(words: readonly string[], heads: number[], rels: string[], upos: readonly string[]): void {
  const n = heads.length
  let edges: number[] | null = null
  for (let v = 0; v < n; v++) {
    if (upos[v] !== 'VERB' || heads.some((h, i) => h === v + 1 && (rels[i]!.startsWith('nsubj') || rels[i]!.startsWith('csubj') || rels[i] === 'expl'))) continue
    // (only a verb that heads its own clause: a participle or infinitive modifier has no subject to find)
    if (!/^(?:root|parataxis|ccomp)$/u.test(rels[v]!) || heads.some((h, i) => h === v + 1 && (rels[i] === 'mark' || rels[i]!.startsWith('aux:pass') || (rels[i] === 'aux' && /^to$/iu.test(words[i]!))))) continue
    // (a fronted phrase or participle clause: "During a visit …, X said", "Pointing to …, X said")
    const x = heads.findIndex((h, i) => h === v + 1 && i < v && /^(?:obl(?::tmod|:npmod)?|advcl)$/u.test(rels[i]!))
    if (x < 0) continue
    // (the name may hang lower in the adverbial: "During a visit on Wednesday, X, …" with X a conjunct of "Wednesday",
    // "In an interview published on Sunday, X, …" below the participle)
    const under = (i: number): boolean => { for (let h = heads[i]! - 1, k = 0; h >= 0 && k < 8; h = heads[h]! - 1, k++) { if (h === x) return true; if (!/^(?:nmod|conj|appos|obl|acl$)/u.test(rels[h]!)) return false } return false }
    // (a comma opens the name's phrase: the phrase's first word, or the word before it; edges found once, again after a repair)
    const left = (edges ??= subtreeEdges(heads).left)
    const y = heads.findIndex((h, i) => i > x && i < v && (rels[i] === 'conj' || rels[i] === 'appos') && upos[i] === 'PROPN' && under(i)
      && !heads.some((hh, j) => hh === i + 1 && rels[j] === 'cc') && (words[left[i]!] === ',' || words[left[i]! - 1] === ','))
    if (y < 0) continue
    heads[y] = v + 1; rels[y] = 'nsubj'
    edges = null
    // the comma before the name closes the adverbial
    for (let c = y - 1; c > x; c--) if (words[c] === ',') { if (heads[c] === y + 1 || heads[c] === x + 1) { heads[c] = v + 1; rels[c] = 'punct' } break }
  }
}

/** True when word k lies in the subtree of word top (heads 1-based, 0 the root; a cycle ends the climb). */
function dominates(heads: readonly number[], top: number, k: number): boolean {
  let x = k
  for (let n = 0; n < 200 && x >= 0 && x !== top; n++) x = heads[x]! - 1
  return x === top
}

/** Depth of piece k (0-based; heads 1-based, 0 = root) in its tree. */
function depth(heads: readonly number[], k: number): number {
  let d = 0
  for (let h = heads[k]!; h !== 0 && d <= heads.length; h = heads[h - 1]!) d++
  return d
}

const NONE = (word: string): SyntaxToken => ({ upos: 'X', lemma: word, head: -1, deprel: 'dep' })

/**
 * Parses the tokens [from, to) of a document as one sentence into out[from..to). An abbreviation's period, a token
 * of its own in the project ("Mr" "."), joins it as EWT writes it ("Mr."); the period's entry hangs on it.
 */
export function parseTokens(parser: SyntaxParser, text: string, tokens: readonly Token[], from: number, to: number, out: SyntaxToken[]): void {
  const words: string[] = []
  const owner: number[] = [] // piece -> token index
  const first: number[] = [] // token index - from -> first piece
  const joined: number[] = [] // period tokens joined to the abbreviation before them
  for (let i = from; i < to; i++) {
    first.push(words.length)
    const t = tokens[i]!
    const w = text.slice(t.start, t.end)
    if (w === '.' && i > from && i + 1 < to && tokens[i - 1]!.end === t.start && words.length === first[i - from - 1]! + 1 &&
      ABBREVIATIONS.has(words[words.length - 1]!.toLowerCase()) && (words[words.length - 1]!.toLowerCase() === 'no' ? /^\p{N}/u : /^[\p{Lu}\p{N}]/u).test(text.slice(tokens[i + 1]!.start, tokens[i + 1]!.end))) {
      words[words.length - 1] += '.'
      joined.push(i)
      continue
    }
    for (const p of ewtPieces(w)) { words.push(p); owner.push(i) }
  }
  first.push(words.length)
  const p = parseWithDateline(parser, words)
  for (let i = from; i < to; i++) {
    const a = first[i - from]!, b = first[i - from + 1]!
    if (a === b) continue
    // the piece nearest the root stands for the token: token heads then never form a cycle (along them the
    // depth of the standing piece strictly decreases)
    let main = a
    if (b - a > 1) for (let k = a + 1; k < b; k++) if (depth(p.heads, k) < depth(p.heads, main)) main = k
    const h = p.heads[main]!
    const word = text.slice(tokens[i]!.start, tokens[i]!.end)
    const upos = p.upos[main]!
    out[i] = {
      upos,
      lemma: b - a > 1 && words[a + 1] === '-' ? word : parser.lemma(words[main]!, upos),
      head: h === 0 ? -1 : owner[h - 1]!,
      deprel: p.deprels[main]!,
    }
  }
  for (const i of joined) out[i] = { upos: 'PUNCT', lemma: '.', head: i - 1, deprel: 'punct' }
}

/**
 * Tags the tagger gets wrong in news, by their words alone: "“…,” the statement read." — "read" right after a noun
 * and before a clause break is the verb (the tagger, trained on web text, makes it a noun compounded with the
 * statement); "the general said", "the official added" — a word between a determiner and a finite verb that
 * closes its phrase is the subject noun, not an adjective or adverb. Null when nothing changes; the sentence is
 * then parsed again with these tags.
 */
export function repairTags(words: readonly string[], upos: readonly string[]): string[] | null {
  let out: string[] | null = null
  for (let i = 1; i < words.length; i++) {
    if (/^reads?$/iu.test(words[i]!) && upos[i] === 'NOUN' && /^(?:NOUN|PROPN)$/u.test(upos[i - 1]!) && /^[.,;:!?]$/u.test(words[i + 1] ?? '.')) (out ??= upos.slice())[i] = 'VERB'
    else if (/^(?:ADJ|ADV)$/u.test(upos[i]!) && /^(?:the|a|an)$/iu.test(words[i - 1]!) && upos[i + 1] === 'VERB' && FINITE_SPEECH.test(words[i + 1] ?? '') && /^(?:[.,;:!?“”"'‘’]|that|on|in|at|to)$/iu.test(words[i + 2] ?? '.')) (out ??= upos.slice())[i] = 'NOUN'
    // "The Foreign Ministry official also said": a role word that is also an adjective, after a name and before a
    // reporting verb (with an adverb between or not), is the subject noun
    else if (/^(?:ADJ|ADV)$/u.test(upos[i]!) && /^(?:official|general|chief|representative|executive)$/iu.test(words[i]!) && /^(?:PROPN|NOUN)$/u.test(upos[i - 1]!)
      && (FINITE_SPEECH.test(words[i + 1] ?? '') || (/^(?:also|further|later|then|earlier|however)$/iu.test(words[i + 1] ?? '') && FINITE_SPEECH.test(words[i + 2] ?? '')))) (out ??= upos.slice())[i] = 'NOUN'
    // "President Ebrahim Raisi spoke at the summit": a past form right after a name, before a preposition or an
    // article, is the name's verb (the tagger, fed web text, reads "spoke" after three names as a noun)
    else if (upos[i] === 'NOUN' && upos[i - 1] === 'PROPN' && NAME_VERBS_PAST.has(words[i]!.toLowerCase()) && /^(?:ADP|DET|PRON|ADV|SCONJ)$/u.test(upos[i + 1] ?? '')) (out ??= upos.slice())[i] = 'VERB'
    // "Resolution 2231 calls upon Iran", "Russia urges the West": a present form of a verb of asking or saying right
    // after a name or number, before a preposition, article, pronoun or name, is the verb
    else if (upos[i] === 'NOUN' && /^(?:PROPN|NUM)$/u.test(upos[i - 1]!) && NAME_VERBS_PRESENT.has(words[i]!.toLowerCase()) && /^(?:ADP|DET|PRON|PROPN|SCONJ)$/u.test(upos[i + 1] ?? '')) (out ??= upos.slice())[i] = 'VERB'
  }
  return out
}

/** Past forms that are rarely nouns right after a name ("Raisi spoke at", "Putin met with", "Tehran sent a"). */
const NAME_VERBS_PAST: ReadonlySet<string> = new Set(['spoke', 'met', 'told', 'said', 'held', 'sent', 'gave', 'took', 'made', 'led', 'urged', 'called',
  'signed', 'visited', 'warned', 'stressed', 'noted', 'added', 'voiced', 'expressed', 'condemned', 'welcomed', 'rejected', 'denied', 'accused', 'praised',
  'hailed', 'arrived', 'travelled', 'traveled', 'received', 'hosted', 'thanked', 'announced', 'described', 'wrote', 'tweeted'])

/** Present forms that are verbs right after a name or number ("Resolution 2231 calls upon", "Moscow urges"). */
const NAME_VERBS_PRESENT: ReadonlySet<string> = new Set(['calls', 'urges', 'says', 'warns', 'demands', 'requires', 'stipulates', 'stresses', 'insists',
  'asks', 'cites', 'accuses', 'condemns', 'rejects', 'denies', 'welcomes', 'seeks', 'vows', 'threatens'])

/** Past and present forms of reporting verbs, the verb of "the general said". */
const FINITE_SPEECH = /^(?:said|says|added|adds|told|tells|stated|states|noted|notes|stressed|stresses|emphasized|emphasised|underlined|explained|warned|warns|asserted|insisted|continued|wrote|writes|argued|declared|announced|remarked)$/iu

const WEEKDAY = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/u
const MONTH = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)$/u
const DAY_PART = /^(?:night|morning|evening|afternoon)$/u
const PERIOD = /^(?:week|month|year|night|weekend)$/u

/**
 * A time phrase set between a subject and its verb, as news writes it ("X on Wednesday said", "the ministry late on
 * Sunday rejected", "Y last week warned", "Z on March 3 met"): `[start, end)` in words, or null. Only where a noun
 * ends the words before it and a verb (or a past form) follows it: the tagger and parser, trained on web text, read
 * "Abdollahian on Wednesday expressed hope" as a noun phrase.
 */
export function interposedTime(words: readonly string[], upos: readonly string[]): [number, number] | null {
  for (let a = 1; a < words.length - 2; a++) {
    if (!/^(?:NOUN|PROPN)$/u.test(upos[a - 1]!)) continue
    let i = a
    if (/^(?:late|early|earlier)$/u.test(words[i]!) && words[i + 1] === 'on') i++
    if (words[i] === 'on' && WEEKDAY.test(words[i + 1] ?? '')) { i += 2; if (DAY_PART.test(words[i] ?? '')) i++ }
    else if (words[i] === 'on' && MONTH.test(words[i + 1] ?? '') && /^\d{1,2}$/u.test(words[i + 2] ?? '')) i += 3
    else if (i === a && words[i] === 'last' && (PERIOD.test(words[i + 1] ?? '') || WEEKDAY.test(words[i + 1] ?? ''))) i += 2
    else if (i === a && words[i] === 'earlier' && words[i + 1] === 'this' && PERIOD.test(words[i + 2] ?? '')) i += 3
    else continue
    // a finite verb: a past form, a present in -s, or an auxiliary ("will", "has"); never "-ing" ("a statement on Sunday saying")
    const v = words[i] ?? ''
    if (/^(?:will|would|has|had|have|is|was|are|were|also|again)$/u.test(v) || (/^\p{Ll}+(?:ed|s)$/u.test(v) && /^(?:VERB|AUX)$/u.test(upos[i] ?? '')) || /^\p{Ll}+ed$/u.test(v) || IRREGULAR_PAST.has(v)) return [a, i]
  }
  return null
}

/**
 * Parses words with the time phrase `[a, b)` taken out, then hangs the phrase on the verb that follows it: its last
 * noun an `obl` ("on Wednesday") or `obl:tmod` ("last week"), the rest on that noun.
 */
function parseAroundTime(parser: SyntaxParser, words: readonly string[], a: number, b: number): ParsedSentence {
  const rest = [...words.slice(0, a), ...words.slice(b)]
  const p = parseRetagged(parser, rest)
  const n = b - a
  const old = (j: number): number => (j < a ? j : j + n) // 0-based index in `rest` -> in `words`
  const upos: string[] = [], heads: number[] = [], deprels: string[] = []
  rest.forEach((_, j) => { upos[old(j)] = p.upos[j]!; heads[old(j)] = p.heads[j] === 0 ? 0 : old(p.heads[j]! - 1) + 1; deprels[old(j)] = p.deprels[j]! })
  let head = b - 1
  while (head > a && !/^(?:\p{Lu}|week|month|year|night|weekend|morning|evening|afternoon)/u.test(words[head]!) ) head--
  if (/^\d/u.test(words[head]!) && head > a) head--
  if (DAY_PART.test(words[b - 1]!)) head = b - 1
  const hasCase = words.slice(a, b).includes('on')
  for (let k = a; k < b; k++) {
    const w = words[k]!
    if (k === head) { upos[k] = /^\p{Lu}/u.test(w) ? 'PROPN' : 'NOUN'; heads[k] = b + 1; deprels[k] = hasCase ? 'obl' : 'obl:tmod'; continue }
    heads[k] = head + 1
    if (w === 'on') { upos[k] = 'ADP'; deprels[k] = 'case' }
    else if (w === 'this') { upos[k] = 'DET'; deprels[k] = 'det' }
    else if (w === 'last') { upos[k] = 'ADJ'; deprels[k] = 'amod' }
    else if (/^\d/u.test(w)) { upos[k] = 'NUM'; deprels[k] = 'nummod' }
    else if (/^(?:late|early|earlier)$/u.test(w)) { upos[k] = 'ADV'; deprels[k] = 'advmod' }
    else { upos[k] = 'PROPN'; deprels[k] = 'compound' }
  }
  return { upos, heads, deprels }
}

/** Tags and parses words, and parses them again with the tags `repairTags` mends where it mends any. */
function parseRetagged(parser: SyntaxParser, words: readonly string[]): ParsedSentence {
  const p = parser.parse(words)
  const retagged = repairTags(words, p.upos)
  return retagged ? parser.parse(words, retagged) : p
}

/** Parses a sentence's pieces: a dateline apart, then the rest, with the title repair; heads 1-based over all pieces. */
function parseWithDateline(parser: SyntaxParser, words: readonly string[]): { upos: string[]; heads: number[]; deprels: string[] } {
  const k = datelineLength(words)
  const parts = k > 0 ? [words.slice(0, k), words.slice(k)] : [words]
  const out = { upos: [] as string[], heads: [] as number[], deprels: [] as string[] }
  let offset = 0
  for (const part of parts) {
    let p = parseRetagged(parser, part)
    // (only where the parse left the verb after the phrase without a subject)
    const time = interposedTime(part, p.upos)
    if (time && !p.heads.some((h, k) => h === time[1] + 1 && p.deprels[k]!.startsWith('nsubj'))) p = parseAroundTime(parser, part, time[0], time[1])
    repairNews(part, p.heads, p.deprels, p.upos)
    pushAll(out.upos, p.upos)
    pushAll(out.heads, p.heads.map((h) => (h === 0 ? 0 : h + offset)))
    pushAll(out.deprels, p.deprels)
    offset += part.length
  }
  return out
}

/** Tags and parses every sentence of a document (tokens outside sentences get UPOS X and no head). */
export function syntaxStage(opts: { parser?: SyntaxParser } = {}) {
  return defineStage({
    name: 'syntax',
    requires: ['tokens', 'sentences'],
    produces: ['syntax'],
    run(doc, { tokens, sentences }) {
      const parser = opts.parser ?? loadSyntaxModel()
      const out: SyntaxToken[] = new Array(tokens.length)
      for (const s of sentences) {
        const from = lowerBound(tokens, s.start)
        let to = from
        while (to < tokens.length && tokens[to]!.end <= s.end) to++
        if (to > from) parseTokens(parser, doc.text, tokens, from, to, out)
      }
      for (let i = 0; i < out.length; i++) if (!out[i]) out[i] = NONE(doc.text.slice(tokens[i]!.start, tokens[i]!.end))
      return { layers: { syntax: out } }
    },
  })
}
