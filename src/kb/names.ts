import { ARTICLE_PREFIXES, DETACHED_ARTICLES, FOLD_CHARS, TRANSLIT_RULES } from './kb.data.js'
import { readingCache } from '../reading-caches.js'

const MARKS = /\p{M}+/gu
const APOSTROPHES = /[’‘ʼʻ`´ʿʾ]/g

/**
 * Case-, accent- and apostrophe-insensitive form of a name, used as the gazetteer key.
 * @example foldName('Erdoğan’s') === "erdogan's"
 */
export function foldName(s: string): string {
  // fast path for plain ASCII words (most tokens): nothing to decompose or unify
  if (/^[\x21-\x26\x28-\x5f\x61-\x7e]*$/.test(s)) return s.toLowerCase()
  let out = s.normalize('NFKD').replace(MARKS, '').replace(APOSTROPHES, "'").toLowerCase()
  if (/[^\x00-\x7f]/.test(out)) out = [...out].map((c) => FOLD_CHARS[c] ?? c).join('')
  return out.replace(/\s+/g, ' ').trim()
}

/** Applies the transliteration rules to one folded word. */
function translitWord(w: string): string {
  let s = w.replace(/['-]/g, '')
  for (const [re, to] of TRANSLIT_RULES) s = s.replace(re, to)
  return s.replace(/(.)\1+/g, '$1') // doubled letters: Qassem = Qasem
}

/**
 * Transliteration key: spellings of one name in different romanisations share it
 * (q/gh/k, ou/u, ee/i, y/i, kh/h, al-/el-, diacritics, doubled letters, final -eh/-ah).
 * @example translitKey('Mohammad Baqeri') === translitKey('Mohammad Bagheri')
 */
export function translitKey(name: string): string {
  const hit = memo.get(name)
  if (hit !== undefined) return hit
  const key = computeTranslitKey(name)
  if (memo.size > 100_000) memo.clear()
  memo.set(name, key)
  return key
}

const memo = new Map<string, string>()

function computeTranslitKey(name: string): string {
  const words = foldName(name).split(/[\s]+/).filter(Boolean)
  const out: string[] = []
  for (let w of words) {
    for (const p of ARTICLE_PREFIXES) if (w.startsWith(p) && w.length > p.length + 2) { w = w.slice(p.length); break }
    if (DETACHED_ARTICLES.has(w) && words.length > 1) continue // a detached article: "al Assad"
    const t = translitWord(w)
    if (t) out.push(t)
  }
  return out.join(' ')
}

/** Consonant skeleton of a transliteration key: first letter kept, later vowels dropped (a coarser, fuzzy key). */
export function skeletonKey(name: string): string {
  const hit = skeletons.get(name)
  if (hit !== undefined) return hit
  const key = translitKey(name).split(' ').map((w) => w[0] + w.slice(1).replace(/[aeiou]/g, '')).join(' ')
  if (skeletons.size > 100_000) skeletons.clear()
  skeletons.set(name, key)
  return key
}

const skeletons = new Map<string, string>()

/** Rows of the edit-distance table, reused across calls (grown when a longer word comes). */
let rows = new Int32Array(3 * 32)
readingCache(() => { memo.clear(); skeletons.clear(); rows = new Int32Array(3 * 32) })

/** Optimal-string-alignment edit distance (a swap of two neighbours counts one), stopping early past `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const n = a.length, m = b.length
  if (rows.length < 3 * (m + 1)) rows = new Int32Array(3 * (m + 1) * 2)
  // three rolling rows (i-2, i-1, i) at offsets p2, p1, c of one buffer: no allocation per call
  let p2 = 0, p1 = m + 1, c = 2 * (m + 1)
  for (let j = 0; j <= m; j++) { rows[p2 + j] = 0; rows[p1 + j] = j }
  for (let i = 1; i <= n; i++) {
    rows[c] = i
    let rowMin = i
    const ai = a.charCodeAt(i - 1), ai2 = i > 1 ? a.charCodeAt(i - 2) : -1
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1)
      const cost = ai === bj ? 0 : 1
      let v = Math.min(rows[p1 + j]! + 1, rows[c + j - 1]! + 1, rows[p1 + j - 1]! + cost)
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && ai2 === bj) v = Math.min(v, rows[p2 + j - 2]! + 1)
      rows[c + j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    const t = p2; p2 = p1; p1 = c; c = t
  }
  return rows[p1 + m]!
}

/**
 * True when two single-word names are plausibly one name misspelt: same transliteration key, same skeleton,
 * or one edit apart on keys of at least five letters (two edits from ten).
 */
export function similarWord(a: string, b: string): boolean {
  const ka = translitKey(a), kb = translitKey(b)
  if (ka === kb) return true
  if (Math.min(ka.length, kb.length) < 5) return false
  if (skeletonKey(a) === skeletonKey(b)) return true
  return editDistance(ka, kb, 2) <= (Math.min(ka.length, kb.length) >= 10 ? 2 : 1)
}

/** URL-safe slug of a name, for stable ids. @example slug('Ali Akbar Ahmadian') === 'ali-akbar-ahmadian' */
export function slug(name: string): string {
  return foldName(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}
