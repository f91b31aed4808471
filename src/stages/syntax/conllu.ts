/**
 * CoNLL-U reading and writing that keeps every line: comments, multiword-token ranges (`1-2`) and empty nodes
 * (`8.1`) are carried through untouched; only the basic word lines (integer ids) are exposed as words, and only
 * their UPOS, HEAD and DEPREL columns are rewritten on output.
 */

/** One basic word of a sentence (its id is its 1-based position). */
export interface ConlluWord {
  readonly form: string
  readonly lemma: string
  readonly upos: string
  /** 0 for the root, else the 1-based id of the head word; -1 when the column is `_` */
  readonly head: number
  readonly deprel: string
}

/** One sentence: its lines as read, and the positions of its basic word lines among them. */
export interface ConlluSentence {
  /** every line of the sentence block (comments, ranges, empty nodes, words), without the blank separator */
  readonly lines: readonly string[]
  /** index into `lines` of each basic word, in order */
  readonly wordLines: readonly number[]
  readonly words: readonly ConlluWord[]
}

const WORD_ID = /^\d+$/

/** Parses CoNLL-U text into sentences (blank lines separate them; a block with no word lines is kept as is). */
export function readConllu(text: string): ConlluSentence[] {
  const out: ConlluSentence[] = []
  let lines: string[] = []
  const flush = (): void => {
    if (!lines.length) return
    const wordLines: number[] = []
    const words: ConlluWord[] = []
    lines.forEach((line, k) => {
      if (line.startsWith('#')) return
      const tab = line.indexOf('\t')
      if (tab < 0 || !WORD_ID.test(line.slice(0, tab))) return
      const c = line.split('\t')
      wordLines.push(k)
      words.push({ form: c[1] ?? '_', lemma: c[2] ?? '_', upos: c[3] ?? '_', head: c[6] === undefined || c[6] === '_' ? -1 : Number(c[6]), deprel: c[7] ?? '_' })
    })
    out.push({ lines, wordLines, words })
    lines = []
  }
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (line.trim() === '') flush()
    else lines.push(line)
  }
  flush()
  return out
}

/** Predicted columns of one sentence's basic words. */
export interface ConlluPrediction { readonly upos: readonly string[]; readonly head: readonly number[]; readonly deprel: readonly string[] }

/** Writes sentences back; where a prediction is given its word lines get the predicted UPOS, HEAD and DEPREL. */
export function writeConllu(sentences: readonly ConlluSentence[], predictions?: readonly (ConlluPrediction | undefined)[]): string {
  const blocks = sentences.map((s, si) => {
    const p = predictions?.[si]
    if (!p) return s.lines.join('\n')
    const lines = s.lines.slice()
    s.wordLines.forEach((k, wi) => {
      const c = lines[k]!.split('\t')
      while (c.length < 10) c.push('_')
      c[3] = p.upos[wi]!
      c[6] = String(p.head[wi]!)
      c[7] = p.deprel[wi]!
      lines[k] = c.join('\t')
    })
    return lines.join('\n')
  })
  return blocks.map((b) => b + '\n\n').join('')
}

/** The first word (1-based) whose arc is crossed, shortest arcs first; 0 when the tree (heads 1-based, 0 = root) is projective. */
function nonProjectiveArc(heads: readonly number[]): number {
  const n = heads.length
  const order = Array.from({ length: n }, (_, k) => k + 1).sort((x, y) => Math.abs(x - heads[x - 1]!) - Math.abs(y - heads[y - 1]!) || x - y)
  for (const i of order) {
    const h = heads[i - 1]!
    const lo = Math.min(i, h), hi = Math.max(i, h)
    for (let j = lo + 1; j < hi; j++) {
      // every word strictly between a head and its dependent must descend from that head
      let a = j, steps = 0
      while (a !== 0 && a !== h && steps++ <= n) a = heads[a - 1]!
      if (a !== h) return i
    }
  }
  return 0
}

/** True when the tree (heads 1-based, 0 = root) has no crossing arcs. */
export function isProjective(heads: readonly number[]): boolean {
  return nonProjectiveArc(heads) === 0
}

/**
 * A projective tree for training: while an arc is crossed, its dependent is lifted to its head's head (Nivre &
 * Nilsson 2005 without the label encoding); labels are kept.
 */
export function projectivize(heads: readonly number[]): number[] {
  const out = heads.slice()
  for (let guard = 0; guard < out.length * out.length; guard++) {
    const d = nonProjectiveArc(out)
    if (d === 0) return out
    const h = out[d - 1]!
    if (h === 0) return out
    out[d - 1] = out[h - 1]!
  }
  return out
}
