/**
 * Document memory ("extended prediction history", Ratinov & Roth 2009): the types this document's
 * earlier sentences gave each capitalised word. A name tagged ORG in a clear context helps tag the same
 * name in a terse one (sports tables, headlines) later in the same document.
 */
import { MAX_STATIC, mix, ROW_MASK, type SentenceFeatures } from './features.js'

/** Per-document tag history; create one per document and pass it to every `tag` call of that document. */
export class NerMemory {
  /** lowercased-word hash -> counts of [O, PER, ORG, LOC, MISC] predictions */
  private readonly seen = new Map<number, Uint16Array>()

  /**
   * What the memory says about a word (its lower-cased hash): -1 when never seen capitalised, else the
   * most frequent type (bits 0-2) and the set of types seen (bits 3-7), the values of features 44 and 45.
   */
  summary(lower: number): number {
    const c = this.seen.get(lower)
    if (!c) return -1
    let best = 0
    let code = 0
    for (let k = 0; k < 5; k++) {
      if (c[k]! > c[best]!) best = k
      if (c[k]) code |= 1 << k
    }
    return best | (code << 3)
  }

  /** Counts one prediction (a NER_TAGS class id) for a capitalised word. */
  note(lower: number, cls: number): void {
    let c = this.seen.get(lower)
    if (!c) this.seen.set(lower, (c = new Uint16Array(5)))
    c[(cls + 1) >> 1]!++
  }

  /** Appends the history features of each capitalised token to its static rows. */
  addFeatures(sf: SentenceFeatures): void {
    sf.counts.set(sf.baseCounts)
    for (let i = 0; i < sf.n; i++) {
      if (!sf.cap[i]) continue
      const s = this.summary(sf.lower[i]!)
      if (s < 0) continue
      let o = i * MAX_STATIC + sf.counts[i]!
      if (sf.counts[i]! + 2 > MAX_STATIC) continue
      sf.rows[o++] = (mix(44, s & 7) >>> 0) & ROW_MASK
      sf.rows[o++] = (mix(45, s >> 3) >>> 0) & ROW_MASK
      sf.counts[i]! += 2
    }
  }

  /** Records the classes (NER_TAGS ids) the tagger chose for one sentence. */
  record(sf: SentenceFeatures, classes: Uint8Array): void {
    for (let i = 0; i < sf.n; i++) if (sf.cap[i]) this.note(sf.lower[i]!, classes[i]!)
  }
}
