import { loadSyntaxModel, type SyntaxParser } from './model.js'
import { readConllu, writeConllu } from './conllu.js'

/**
 * Parses CoNLL-U text with its gold tokenisation and returns it with predicted UPOS, HEAD and DEPREL (every other
 * column, comment, multiword-token range and empty node kept as read).
 */
export function parseConllu(text: string, parser: SyntaxParser = loadSyntaxModel()): string {
  const sents = readConllu(text)
  const preds = sents.map((s) => {
    if (!s.words.length) return undefined
    const p = parser.parse(s.words.map((w) => w.form))
    return { upos: p.upos, head: p.heads, deprel: p.deprels }
  })
  return writeConllu(sents, preds)
}
