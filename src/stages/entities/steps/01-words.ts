import type { Sentence, Token } from '../../../doc/layers.js'
import type { Kb } from '../../../kb/index.js'
import { caseForm, foldName } from '../../../kb/index.js'
import type { Word } from '../context.js'
import { LETTER } from '../entities.data.js'
import { readingCache } from '../../../reading-caches.js'

const CAP = /^\p{Lu}/u

/** Folded forms of token strings already seen (most tokens repeat: "the", ",", names), kept across documents. */
const forms = new Map<string, { fold: string; cf: string; cap: boolean }>()
readingCache(() => forms.clear())

/** True for printable ASCII without apostrophes or backticks: its folded form is its lower case, its case form itself. */
function plainAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) { const c = text.charCodeAt(i); if (c < 0x21 || c > 0x7e || c === 0x27 || c === 0x60) return false }
  return true
}

function word(text: string, start: number, end: number, sent: number, first: boolean, sliced?: string): Word {
  const t = sliced ?? text.slice(start, end)
  if (plainAscii(text, start, end)) {
    const c = text.charCodeAt(start)
    return { start, end, text: t, fold: t.toLowerCase(), cf: t, sent, first, cap: c >= 0x41 && c <= 0x5a }
  }
  let f = forms.get(t)
  if (!f) {
    if (forms.size > 200_000) forms.clear()
    f = { fold: foldName(t), cf: caseForm(t), cap: CAP.test(t) }
    forms.set(t, f)
  }
  return { start, end, text: t, fold: f.fold, cf: f.cf, sent, first, cap: f.cap }
}

/**
 * Words of the document, sentence by sentence. A hyphenated token that is no KB name is split at its hyphens when a
 * capitalised part is one ("Moscow-Tehran ties", "US-backed"), so each name in it can be found (seed 002).
 */
export function buildWords(text: string, tokens: readonly Token[], sentences: readonly Sentence[], kb: Kb): Word[] {
  const out: Word[] = []
  let s = 0
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    while (s < sentences.length && sentences[s]!.end <= t.start) s++
    const first = !out.length || out[out.length - 1]!.sent !== s
    const raw = text.slice(t.start, t.end)
    if (raw.includes('-') && raw.length > 3) {
      const f = foldName(raw)
      // (not for a weak name: "Yang-hee" is not split for a surname "Yang" the knowledge base holds only weakly)
      if (!kb.lookup(f) && !kb.isPrefix(f) && raw.split('-').some((p) => CAP.test(p) && kb.lookup(foldName(p))?.some((h) => !h.weak))) {
        let pos = t.start
        for (const [k, part] of raw.split('-').entries()) {
          if (k > 0) { out.push(word(text, pos, pos + 1, s, false)); pos++ }
          if (part) out.push(word(text, pos, pos + part.length, s, first && k === 0))
          pos += part.length
        }
        continue
      }
    }
    // an initial and its period are one word ("George W. Bush", "Frank N. von Hippel"), as the name model's training
    // data and the knowledge base's names write them
    const dot = tokens[i + 1], after = tokens[i + 2]
    const name = (k: Token | undefined): boolean => !!k && CAP.test(text.slice(k.start, k.end))
    if (dot && after && dot.start === t.end && after.start < (sentences[s]?.end ?? Infinity) && /^\p{Lu}$/u.test(raw) && text[dot.start] === '.' && dot.end === dot.start + 1 && !LETTER.test(text.slice(after.start, after.end)) && (name(after) || (!first && name(tokens[i - 1])))) {
      out.push(word(text, t.start, dot.end, s, first))
      i++
      continue
    }
    out.push(word(text, t.start, t.end, s, first, raw))
  }
  return out
}
