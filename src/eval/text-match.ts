/** Text comparison rules of the gold README: accents removed (NFKD, combining marks dropped), NFKC, straight quotes, dashes to "-", collapsed space, lower case. */
export function normText(s: string | null | undefined): string {
  return (s ?? '').normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFKC').replace(/[\u2018\u2019\u201b\u2032]/g, "'").replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase()
}

/** Words of a text after normalisation (runs of letters and digits). */
export function wordsOf(s: string | null | undefined): string[] {
  return normText(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0)
}

/** Share of `a`'s words (with repeats) that occur in `b`. */
export function wordCoverage(a: string, b: string): number {
  const aw = wordsOf(a)
  if (aw.length === 0) return 0
  const bw = new Set(wordsOf(b))
  let hit = 0
  for (const w of aw) if (bw.has(w)) hit++
  return hit / aw.length
}

/**
 * A system mention stands for a gold surface form when both give the same words, or when the shorter is a
 * word-aligned part of the longer, both end in the same word, and they differ by at most two words.
 */
export function mentionStandsFor(gold: string, sys: string): boolean {
  const g = wordsOf(gold), s = wordsOf(sys)
  if (g.length === 0 || s.length === 0) return false
  const gj = g.join(' '), sj = s.join(' ')
  if (gj === sj) return true
  if (g[g.length - 1] !== s[s.length - 1] || Math.abs(g.length - s.length) > 2) return false
  const [shorter, longer] = g.length < s.length ? [gj, sj] : [sj, gj]
  return (' ' + longer + ' ').includes(' ' + shorter + ' ')
}

/** Precision, recall and F1 rounded to three decimals, with the counts behind them. */
export function scores(tp: number, predicted: number, gold: number) {
  const p = predicted > 0 ? tp / predicted : 0
  const r = gold > 0 ? tp / gold : 0
  const f1 = p + r > 0 ? (2 * p * r) / (p + r) : 0
  const r3 = (x: number) => Number(x.toFixed(3))
  return { p: r3(p), r: r3(r), f1: r3(f1), tp, pred: predicted, gold }
}

/** File stem of a path: its base name without the last extension. */
export function stemOf(p: string | null | undefined): string {
  const base = (p ?? '').split(/[\\/]/).pop() ?? ''
  return base.replace(/\.[^.]*$/, '')
}
