/**
 * Literal prefilters for lexicon patterns: the lower-case ASCII strings one of which every match must contain
 * (`\bmercenar(?:y|ies)\b` needs "mercenar"). A paragraph holding none of an entry's keywords cannot match it,
 * so its full (Unicode, case-insensitive) pattern is not run there. Derived from the pattern itself, so user
 * entries get one too; a pattern this small parser does not understand gets none (always run).
 */

/** A requirement: any one of these strings must occur (null: nothing known). */
type Need = string[] | null

const SYNTAX = '^$\\.*+?()[]{}|/'

/** Keywords of a pattern, or null when no literal is required. */
export function requiredLiterals(pattern: string): string[] | null {
  try {
    const p = { s: pattern, i: 0 }
    const need = alternation(p)
    if (p.i !== pattern.length) return null
    return need && need.length ? need : null
  } catch { return null }
}

interface P { readonly s: string; i: number }

function alternation(p: P): Need {
  const alts: Need[] = [sequence(p)]
  while (p.s[p.i] === '|') { p.i++; alts.push(sequence(p)) }
  if (alts.some((a) => a === null)) return null
  // a keyword containing another one adds nothing ("israeli" holds "israel")
  const all = [...new Set(alts.flat() as string[])]
  return all.filter((k) => !all.some((o) => o !== k && k.includes(o)))
}

/** The best factor of a sequence: its longest required literal run, or a required group's keyword set. */
function sequence(p: P): Need {
  const factors: string[][] = []
  let run = ''
  const flush = (): void => { if (run) factors.push([run]); run = '' }
  while (p.i < p.s.length && p.s[p.i] !== '|' && p.s[p.i] !== ')') {
    const atom = parseAtom(p)
    const q = quantifier(p)
    if (q === 1 && atom.lit !== undefined) { run += atom.lit; continue }
    flush()
    if (q >= 1 && atom.need) factors.push(atom.need)
  }
  flush()
  let best: string[] | null = null
  const score = (f: string[]): number => Math.min(...f.map((k) => k.length)) * 100 - f.length
  for (const f of factors) if (!best || score(f) > score(best)) best = f
  return best
}

/** One atom: a literal character (lit, lower-cased ASCII), a group (need), or anything else. */
function parseAtom(p: P): { lit?: string; need?: Need } {
  const c = p.s[p.i]!
  if (c === '(') {
    p.i++
    if (p.s.startsWith('?:', p.i)) p.i += 2
    else if (/^\?<?[=!]/.test(p.s.slice(p.i, p.i + 3))) { p.i += p.s[p.i + 1] === '<' ? 3 : 2; alternation(p); close(p); return {} }
    else if (p.s[p.i] === '?') throw new Error('unsupported group')
    const need = alternation(p)
    close(p)
    return { need }
  }
  if (c === '[') { skipClass(p); return {} }
  if (c === '\\') {
    const e = p.s[p.i + 1]!
    if (e === 'p' || e === 'P') { const end = p.s.indexOf('}', p.i); if (end < 0) throw new Error('bad \\p'); p.i = end + 1; return {} }
    if (/[0-9kux]/.test(e)) throw new Error('unsupported escape') // back-references, code points: give up
    p.i += 2
    return SYNTAX.includes(e) ? literal(e) : {}
  }
  p.i++
  if (c === '.' || c === '^' || c === '$') return {}
  if ('*+?{'.includes(c)) throw new Error('dangling quantifier')
  return literal(c)
}

/** A pattern character: ASCII only (non-ASCII letters case-fold in ways toLowerCase does not mirror). */
function literal(c: string): { lit?: string } {
  return c.charCodeAt(0) < 128 ? { lit: c.toLowerCase() } : {}
}

function close(p: P): void {
  if (p.s[p.i] !== ')') throw new Error('unclosed group')
  p.i++
}

function skipClass(p: P): void {
  p.i++
  while (p.i < p.s.length && p.s[p.i] !== ']') p.i += p.s[p.i] === '\\' ? 2 : 1
  if (p.s[p.i] !== ']') throw new Error('unclosed class')
  p.i++
}

/** Parses an optional quantifier: 1 for none, 0 when the atom may be absent, 2 when it may repeat. */
function quantifier(p: P): number {
  const c = p.s[p.i]
  let q = 1
  if (c === '?' || c === '*') { q = 0; p.i++ }
  else if (c === '+') { q = 2; p.i++ }
  else if (c === '{') {
    const m = /^\{(\d+)(,\d*)?\}/.exec(p.s.slice(p.i))
    if (!m) throw new Error('bad quantifier')
    p.i += m[0].length
    q = Number(m[1]) === 0 ? 0 : m[2] || Number(m[1]) > 1 ? 2 : 1
  }
  if (q !== 1 && p.s[p.i] === '?') p.i++
  return q
}

/**
 * The text folded the way the keywords are: ASCII letters lower-cased, positions unchanged. Under the `iu`
 * flags only U+017F (long s) and U+212A (Kelvin sign) match ASCII letters besides their own cases.
 */
export function foldForKeywords(text: string): string {
  let low = text.toLowerCase()
  // a few characters lower-case to two units (U+0130): fold ASCII letters alone, keeping every offset
  if (low.length !== text.length) low = text.replace(/[A-Z\u212A]/g, (c) => c === '\u212A' ? 'k' : c.toLowerCase())
  return low.includes('\u017F') ? low.replaceAll('\u017F', 's') : low
}

/** Where the keywords occur in one text: sorted start offsets per keyword. */
export class KeywordHits {
  constructor(private readonly at: ReadonlyMap<string, readonly number[]>) {}
  /** True when one of the keywords lies wholly inside [start, end). */
  any(keywords: readonly string[], start: number, end: number): boolean {
    for (const k of keywords) {
      const pos = this.at.get(k)
      if (!pos) continue
      let lo = 0, hi = pos.length
      while (lo < hi) { const mid = (lo + hi) >> 1; if (pos[mid]! < start) lo = mid + 1; else hi = mid }
      if (lo < pos.length && pos[lo]! + k.length <= end) return true
    }
    return false
  }
}

/** A set of keywords found in one pass over a text, by their first three characters (no per-keyword scan). */
export class KeywordSet {
  private readonly byHead = new Map<number, string[]>()
  private readonly short: string[] = []
  /** 1 at [c0 * 128 + c1] when some keyword starts with those two (ASCII) characters */
  private readonly bigram = new Uint8Array(128 * 128)
  constructor(keywords: Iterable<string>) {
    for (const k of new Set(keywords)) {
      if (k.length < 3) { this.short.push(k); continue }
      this.bigram[k.charCodeAt(0) * 128 + k.charCodeAt(1)] = 1
      const h = head(k, 0)
      const list = this.byHead.get(h)
      if (list) list.push(k); else this.byHead.set(h, [k])
    }
  }

  /** Every occurrence of every keyword in `text` (folded with foldForKeywords first). */
  find(text: string): KeywordHits {
    const folded = foldForKeywords(text)
    const at = new Map<string, number[]>()
    const add = (k: string, i: number): void => { const pos = at.get(k); if (pos) pos.push(i); else at.set(k, [i]) }
    const { bigram, byHead } = this
    for (let i = 0, n = folded.length - 2; i < n; i++) {
      const c0 = folded.charCodeAt(i), c1 = folded.charCodeAt(i + 1)
      if (c0 >= 128 || c1 >= 128 || !bigram[c0 * 128 + c1]) continue
      const list = byHead.get(head(folded, i))
      if (list) for (const k of list) if (folded.startsWith(k, i)) add(k, i)
    }
    for (const k of this.short) for (let i = folded.indexOf(k); i >= 0; i = folded.indexOf(k, i + 1)) add(k, i)
    return new KeywordHits(at)
  }
}

/** The first three UTF-16 units at i as one small integer (keywords are ASCII; others never collide with them). */
const head = (s: string, i: number): number => (s.charCodeAt(i) * 128 + s.charCodeAt(i + 1)) * 65536 + s.charCodeAt(i + 2)
