import { GAZETTEER_MAX_TOKENS, NER_TYPES } from './ner.data.js'

/** Bit set on a key that is a proper prefix of a longer entry, so matching knows when to keep extending. */
const PREFIX_BIT = 16

/**
 * Entity-name lists (token sequences -> type bits) matched longest-first over a sentence.
 * Per token the result is a bit mask: bit k = B of type k, bit 4+k = I of type k (types as in NER_TYPES).
 */
export class Gazetteer {
  private readonly entries = new Map<string, number>()

  /** Adds one name (its tokens) with a CoNLL type; ALL-CAPS variants are added too, for headlines. */
  add(tokens: readonly string[], type: string): void {
    const k = (NER_TYPES as readonly string[]).indexOf(type)
    if (k < 0 || tokens.length === 0 || tokens.length > GAZETTEER_MAX_TOKENS) return
    this.addKey(tokens, 1 << k)
    this.addKey(tokens.map((t) => t.toUpperCase()), 1 << k)
  }

  private addKey(tokens: readonly string[], bits: number): void {
    let key = ''
    for (let j = 0; j < tokens.length; j++) {
      key = j ? key + ' ' + tokens[j] : tokens[j]!
      const last = j === tokens.length - 1
      this.entries.set(key, (this.entries.get(key) ?? 0) | (last ? bits : PREFIX_BIT))
    }
  }

  /** Number of keys (entries, their ALL-CAPS variants and prefixes). */
  get size(): number { return this.entries.size }

  /** The value of a one-token key (0 when no entry starts with it), for `match`'s `starts`. */
  start(token: string): number {
    return this.entries.get(token) ?? 0
  }

  /**
   * Ors the B/I type masks of every longest match into `out` (one byte per token). `starts`, when given, is
   * `start(token)` per token (cached by the caller): tokens no entry starts with are skipped without a lookup.
   */
  match(tokens: readonly string[], out: Uint8Array, starts?: ArrayLike<number>): void {
    const n = tokens.length
    for (let i = 0; i < n; i++) {
      if (starts && !starts[i]) continue
      let key = ''
      let bestLen = 0
      let bestBits = 0
      for (let j = i; j < n && j - i < GAZETTEER_MAX_TOKENS; j++) {
        key = j > i ? key + ' ' + tokens[j] : tokens[j]!
        const v = this.entries.get(key)
        if (v === undefined) break
        if (v & 15) { bestLen = j - i + 1; bestBits = v & 15 }
        if (!(v & PREFIX_BIT)) break
      }
      if (!bestLen) continue
      out[i]! |= bestBits
      for (let j = i + 1; j < i + bestLen; j++) out[j]! |= bestBits << 4
    }
  }

  /** Serialises as lines `type<TAB>token token…` (original case only; variants are rebuilt on load). */
  static fromLines(lines: Iterable<string>): Gazetteer {
    const g = new Gazetteer()
    for (const line of lines) {
      const tab = line.indexOf('\t')
      if (tab > 0) g.add(line.slice(tab + 1).split(' '), line.slice(0, tab))
    }
    return g
  }
}

/** Maps KB-side labels onto CoNLL types for the caller-supplied gazetteer callback. */
const EXTERNAL_TYPE: Readonly<Record<string, number>> = {
  PER: 0, PERSON: 0, ORG: 1, LOC: 2, GPE: 2, MISC: 3, GROUP: 3, NORP: 3,
}

/**
 * Ors a caller's per-token gazetteer answers (`'LOC'`, `'B-GPE'`, `'I-PERSON'`, null…) into `out`.
 * A bare type starts a new name unless the previous token had the same bare type.
 */
export function mergeExternal(n: number, lookup: (i: number) => string | null, out: Uint8Array): void {
  let prev = ''
  for (let i = 0; i < n; i++) {
    const raw = lookup(i)
    if (!raw) { prev = ''; continue }
    const dash = raw.indexOf('-')
    const prefix = dash === 1 ? raw[0] : ''
    const type = dash === 1 ? raw.slice(2) : raw
    const k = EXTERNAL_TYPE[type.toUpperCase()]
    if (k === undefined) { prev = ''; continue }
    const inside = prefix === 'I' || (prefix === '' && prev === type)
    out[i]! |= inside ? 1 << (4 + k) : 1 << k
    prev = type
  }
}
