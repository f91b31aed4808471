/**
 * The `syntax` stage: tags and parses every sentence and produces the `syntax` layer, parallel to `tokens`.
 * The project's tokens are mapped to EWT tokenisation inside the stage (contractions split: "don't" -> do n't,
 * "they're" -> they 're; hyphenated words split: "Amir-Abdollahian" -> Amir - Abdollahian); a token made of
 * several pieces takes the UPOS, relation and head of its main piece (the piece whose head lies outside the token).
 */
import { defineStage } from '../../doc/stage.js'
import type { SyntaxToken, Token } from '../../doc/layers.js'
import { lowerBound } from '../tokens/index.js'
import { lemmatize } from './lemma.js'
import { loadSyntaxModel, type SyntaxParser } from './model.js'

const NT = /^(\p{L}+?)(n['’]t)$/iu
const CLITIC = /^(\p{L}+?)(['’](?:re|ve|ll|d|m|s))$/iu
const HYPHENATED = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u

/** Splits one project token into EWT-style pieces (most tokens are one piece). */
export function ewtPieces(word: string): string[] {
  if (word.length < 3) return [word]
  let m = NT.exec(word)
  if (m) return [m[1]!, m[2]!]
  m = CLITIC.exec(word)
  if (m) return [m[1]!, m[2]!]
  if (word.toLowerCase() === 'cannot') return [word.slice(0, 3), word.slice(3)]
  if (HYPHENATED.test(word) && /\p{L}/u.test(word) && !/^\p{L}-/u.test(word)) {
    const out: string[] = []
    word.split('-').forEach((p, k) => { if (k) out.push('-'); out.push(p) })
    return out
  }
  return [word]
}

const NONE = (word: string): SyntaxToken => ({ upos: 'X', lemma: word, head: -1, deprel: 'dep' })

/** Parses the tokens [from, to) of a document as one sentence into out[from..to). */
export function parseTokens(parser: SyntaxParser, text: string, tokens: readonly Token[], from: number, to: number, out: SyntaxToken[]): void {
  const words: string[] = []
  const owner: number[] = [] // piece -> token index
  const first: number[] = [] // token index - from -> first piece
  for (let i = from; i < to; i++) {
    first.push(words.length)
    for (const p of ewtPieces(text.slice(tokens[i]!.start, tokens[i]!.end))) { words.push(p); owner.push(i) }
  }
  first.push(words.length)
  const p = parser.parse(words)
  for (let i = from; i < to; i++) {
    const a = first[i - from]!, b = first[i - from + 1]!
    let main = a
    if (b - a > 1) for (let k = a; k < b; k++) { const h = p.heads[k]! - 1; if (h < a || h >= b) { main = k; break } }
    const h = p.heads[main]!
    const word = text.slice(tokens[i]!.start, tokens[i]!.end)
    const upos = p.upos[main]!
    out[i] = {
      upos,
      lemma: b - a > 1 && words[a + 1] === '-' ? word : lemmatize(words[main]!, upos),
      head: h === 0 ? -1 : owner[h - 1]!,
      deprel: p.deprels[main]!,
    }
  }
}

/** Tags and parses every sentence of a document (tokens outside sentences get UPOS X and no head). */
export function syntaxStage(opts: { parser?: SyntaxParser } = {}) {
  return defineStage({
    name: 'syntax',
    requires: ['tokens', 'sentences'],
    produces: ['syntax'],
    run(doc, { tokens, sentences }) {
      const parser = opts.parser ?? loadSyntaxModel()
      const out: SyntaxToken[] = new Array(tokens.length)
      for (const s of sentences) {
        const from = lowerBound(tokens, s.start)
        let to = from
        while (to < tokens.length && tokens[to]!.end <= s.end) to++
        if (to > from) parseTokens(parser, doc.text, tokens, from, to, out)
      }
      for (let i = 0; i < out.length; i++) if (!out[i]) out[i] = NONE(doc.text.slice(tokens[i]!.start, tokens[i]!.end))
      return { layers: { syntax: out } }
    },
  })
}
