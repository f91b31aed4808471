/**
 * The run-time tagger: the same features, weights and greedy decoding as `tagSentence` over the committed integer
 * weights, organised for speed as the NER model's `FastDecoder` is. Of a token's 33 rows in the first pass (42 in
 * the second), 24 read one word alone (`roleRows`: the token, its neighbours one and two away); they are summed
 * once per distinct word, role and pass and kept with the word (`TagWord.scores`), so a token costs its 9 context
 * rows (18 in the second pass) and five cached vectors. Weight rows are random reads from megabytes of tables, and
 * they, not the additions, are what tagging waits on. Integer sums do not depend on the order of their terms, so
 * the scores and the tags are `tagSentence`'s exactly (a test checks it on EWT dev).
 */
import { argmax, type QuantizedScorer } from './perceptron.js'
import { N_TAGS } from './syntax.data.js'
import { BOS_WORD, contextRows, EOS_WORD, NEXT1, NEXT2, PREV1, PREV2, ROLES, roleRows, SELF, TAG_MAX_ROWS, TAG_START, type TagWord } from './tagger.js'

/** Slot of a word's dictionary tag after its partial scores; NO_TAG when the word is not in the dictionary. */
const NO_TAG = -0x80000000

/** Greedy tagger over integer weights (one scorer per pass) with per-word cached partial scores. */
export class FastTagger {
  private readonly rows = new Int32Array(TAG_MAX_ROWS)
  private readonly scores = new Int32Array(N_TAGS)
  private readonly size: number
  private readonly bos: Int32Array
  private readonly eos: Int32Array

  constructor(private readonly passes: readonly QuantizedScorer[], private readonly dict: ReadonlyMap<string, number>) {
    this.size = passes.length * ROLES * N_TAGS + 1
    // the padding words are shared by every parser: their scores are this tagger's own
    this.bos = this.compute(BOS_WORD)
    this.eos = this.compute(EOS_WORD)
  }

  /** Per pass and role, the word's partial scores (N_TAGS each), then its dictionary tag. */
  private compute(w: TagWord): Int32Array {
    const v = new Int32Array(this.size)
    for (let role = 0; role < ROLES; role++) {
      const count = roleRows(w, role, this.rows, 0)
      this.passes.forEach((scorer, p) => scorer.addAll(this.rows, count, v, (p * ROLES + role) * N_TAGS))
    }
    v[this.size - 1] = this.dict.get(w.norm) ?? NO_TAG
    return v
  }

  /** The word's cached vector (computed on first use; the word belongs to this tagger's parser). */
  private vec(w: TagWord): Int32Array { return w.scores ?? (w.scores = this.compute(w)) }

  /**
   * Tags one sentence with pass `pass` (0: the first tagger; 1: the second, which reads the first pass's tags
   * `first`), as `tagSentence(passes[pass], dict, words, out, false, first)` does.
   */
  tag(words: readonly TagWord[], out: Uint8Array, pass: number, first?: Uint8Array): void {
    const n = words.length, s = this.scores, base = pass * ROLES * N_TAGS, scorer = this.passes[pass]!
    let p1: number = TAG_START, p2: number = TAG_START
    for (let i = 0; i < n; i++) {
      const v = this.vec(words[i]!)
      let t = v[this.size - 1]!
      if (t === NO_TAG) {
        s.fill(0)
        add(s, v, base + SELF * N_TAGS)
        add(s, i > 0 ? this.vec(words[i - 1]!) : this.bos, base + PREV1 * N_TAGS)
        add(s, i + 1 < n ? this.vec(words[i + 1]!) : this.eos, base + NEXT1 * N_TAGS)
        add(s, i > 1 ? this.vec(words[i - 2]!) : this.bos, base + PREV2 * N_TAGS)
        add(s, i + 2 < n ? this.vec(words[i + 2]!) : this.eos, base + NEXT2 * N_TAGS)
        scorer.addAll(this.rows, contextRows(words, i, p1, p2, this.rows, first), s, 0)
        t = argmax(s, N_TAGS)
      }
      out[i] = t
      p2 = p1
      p1 = t
    }
  }
}

/** Adds v[at..at+N_TAGS) into s. */
function add(s: Int32Array, v: Int32Array, at: number): void {
  for (let c = 0; c < N_TAGS; c++) s[c]! += v[at + c]!
}
