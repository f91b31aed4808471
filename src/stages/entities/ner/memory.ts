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

  /** Appends the history features of each capitalised token to its static rows. */
  addFeatures(sf: SentenceFeatures): void {
    sf.counts.set(sf.baseCounts)
    for (let i = 0; i < sf.n; i++) {
      if (!sf.cap[i]) continue
      const c = this.seen.get(sf.lower[i]!)
      if (!c) continue
      let best = 0
      let code = 0
      for (let k = 0; k < 5; k++) {
        if (c[k]! > c[best]!) best = k
        if (c[k]) code |= 1 << k
      }
      let o = i * MAX_STATIC + sf.counts[i]!
      if (sf.counts[i]! + 2 > MAX_STATIC) continue
      sf.rows[o++] = (mix(44, best) >>> 0) & ROW_MASK
      sf.rows[o++] = (mix(45, code) >>> 0) & ROW_MASK
      sf.counts[i]! += 2
    }
  }

  /** Records the classes (NER_TAGS ids) the tagger chose for one sentence. */
  record(sf: SentenceFeatures, classes: Uint8Array): void {
    for (let i = 0; i < sf.n; i++) {
      if (!sf.cap[i]) continue
      let c = this.seen.get(sf.lower[i]!)
      if (!c) this.seen.set(sf.lower[i]!, (c = new Uint16Array(5)))
      c[(classes[i]! + 1) >> 1]!++
    }
  }
}
