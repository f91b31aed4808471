import { STOPWORDS } from './corpus.data.js'

/** Content words of a sentence: lower-cased, without stopwords, possessives or a plural -s (a crude, language-light stem). */
export function contentWords(text: string): string[] {
  const out: string[] = []
  for (const raw of text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? []) {
    let w = raw.replace(/['’]s$/u, '')
    if (STOPWORDS.has(w) || w.length < 2) continue
    if (w.length > 4 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1)
    out.push(w)
  }
  return out
}

/** Inverse document frequencies over a set of sentences, with a default for unseen words. */
export class Idf {
  /** `df` and `n`: counts kept elsewhere (the store's, for the analysis of a part of the corpus) */
  constructor(private readonly df = new Map<string, number>(), private n = 0) {}
  /** how many sentences were counted */
  get sentences(): number { return this.n }
  add(words: readonly string[]): void { this.n++; for (const w of new Set(words)) this.df.set(w, (this.df.get(w) ?? 0) + 1) }
  weight(w: string): number { return Math.log((this.n + 1) / ((this.df.get(w) ?? 0) + 0.5)) }
  /** An IDF-weighted, L2-normalised bag of words. */
  vector(words: readonly string[]): Map<string, number> {
    const v = new Map<string, number>()
    for (const w of words) v.set(w, (v.get(w) ?? 0) + this.weight(w))
    const norm = Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0)) || 1
    for (const [k, x] of v) v.set(k, x / norm)
    return v
  }
}

/** Cosine of two normalised vectors. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [s, l] = a.size < b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [k, x] of s) { const y = l.get(k); if (y) dot += x * y }
  return dot
}
