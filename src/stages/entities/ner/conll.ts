/**
 * CoNLL column files: reading, IOB1/IOB2 decoding and entity-level scoring (the conlleval definition:
 * an entity counts as correct only with the same first token, last token and type).
 */

/** One sentence of a CoNLL file: tokens plus the last column (the NER tag) when present. */
export interface ConllSentence {
  readonly tokens: string[]
  /** last column of each line, or null when the file has one column */
  readonly tags: string[] | null
}

/** One document: the sentences between two `-DOCSTART-` lines. */
export interface ConllDocument { readonly sentences: ConllSentence[] }

/** An entity chunk: token indexes `[start, end)` within its sentence. */
export interface Chunk { readonly type: string; readonly start: number; readonly end: number }

/**
 * Parses CoNLL text into documents of sentences (token = first column, tag = last column).
 * @example readConll('-DOCSTART- O\n\nEU I-ORG\nrejects O\n')[0].sentences[0].tokens // ['EU', 'rejects']
 */
export function readConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = []
  let doc: ConllSentence[] = []
  let tokens: string[] = []
  let tags: string[] | null = []
  const flushSentence = (): void => {
    if (tokens.length) doc.push({ tokens, tags })
    tokens = []
    tags = []
  }
  for (const raw of text.split('\n')) {
    const cols = raw.trim().split(/[ \t]+/).filter((c) => c !== '')
    if (cols.length === 0) { flushSentence(); continue }
    if (cols[0] === '-DOCSTART-') {
      flushSentence()
      if (doc.length) docs.push({ sentences: doc })
      doc = []
      continue
    }
    tokens.push(cols[0]!)
    if (cols.length < 2) tags = null
    else tags?.push(cols[cols.length - 1]!)
  }
  flushSentence()
  if (doc.length) docs.push({ sentences: doc })
  return docs
}

/**
 * Decodes tags of any IOB flavour (IOB1, IOB2, IOBES) into chunks, as conlleval reads them:
 * B-/S- always start a chunk; I-/E- continue an open chunk of the same type or start one; O closes.
 */
export function chunks(tags: readonly string[]): Chunk[] {
  const out: Chunk[] = []
  let type: string | null = null
  let start = 0
  const close = (end: number): void => {
    if (type !== null) out.push({ type, start, end })
    type = null
  }
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!
    if (tag === 'O') { close(i); continue }
    const dash = tag.indexOf('-')
    const prefix = dash < 0 ? 'I' : tag.slice(0, dash)
    const t = dash < 0 ? tag : tag.slice(dash + 1)
    const continues = (prefix === 'I' || prefix === 'E' || prefix === 'L') && type === t
    if (!continues) { close(i); type = t; start = i }
    if (prefix === 'E' || prefix === 'S' || prefix === 'L' || prefix === 'U') close(i + 1)
  }
  close(tags.length)
  return out
}

/**
 * Re-encodes any IOB flavour as IOB2/BIO (every chunk starts with B-).
 * @example toIob2(['I-PER', 'I-PER', 'O']) // ['B-PER', 'I-PER', 'O']
 */
export function toIob2(tags: readonly string[]): string[] {
  const out = new Array<string>(tags.length).fill('O')
  for (const c of chunks(tags)) {
    out[c.start] = 'B-' + c.type
    for (let i = c.start + 1; i < c.end; i++) out[i] = 'I-' + c.type
  }
  return out
}

/** Precision / recall / F1 (fractions, 0..1) with their counts. */
export interface Prf { gold: number; predicted: number; correct: number; precision: number; recall: number; f1: number }

/** Entity-level scores, overall (micro) and per type. */
export interface NerScore { readonly overall: Prf; readonly perType: Record<string, Prf> }

function prf(gold: number, predicted: number, correct: number): Prf {
  const precision = predicted ? correct / predicted : 0
  const recall = gold ? correct / gold : 0
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return { gold, predicted, correct, precision, recall, f1 }
}

/**
 * Scores predicted against gold tag sequences (one array per sentence) with the conlleval definition.
 * @example scoreNer([['B-PER', 'I-PER']], [['B-PER', 'I-PER']]).overall.f1 // 1
 */
export function scoreNer(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): NerScore {
  const counts = new Map<string, [number, number, number]>()
  const bump = (type: string, k: 0 | 1 | 2): void => {
    const c = counts.get(type) ?? [0, 0, 0]
    c[k]++
    counts.set(type, c)
  }
  for (let s = 0; s < gold.length; s++) {
    const g = chunks(gold[s]!)
    const p = chunks(predicted[s] ?? [])
    const gset = new Set(g.map((c) => `${c.type}:${c.start}:${c.end}`))
    for (const c of g) bump(c.type, 0)
    for (const c of p) {
      bump(c.type, 1)
      if (gset.has(`${c.type}:${c.start}:${c.end}`)) bump(c.type, 2)
    }
  }
  const perType: Record<string, Prf> = {}
  let [gAll, pAll, cAll] = [0, 0, 0]
  for (const [type, [g, p, c]] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    perType[type] = prf(g, p, c)
    gAll += g
    pAll += p
    cAll += c
  }
  return { overall: prf(gAll, pAll, cAll), perType }
}
