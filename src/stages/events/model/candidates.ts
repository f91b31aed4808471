import type { QuoteRecord, Token } from '../../../doc/layers.js'
import type { SyntaxView } from '../../syntax/index.js'
import type { ActorMention } from '../actors.js'
import type { Trigger } from '../steps/01-triggers.js'
import { CANDIDATE_UPOS, type FeatureContext } from './features.js'

/** Marks, per token, the spans of `spans` (sorted by start) covering it; returns the index of the covering span or -1. */
function cover(tokens: readonly Token[], spans: readonly { start: number; end: number }[]): Int32Array {
  const out = new Int32Array(tokens.length).fill(-1)
  let k = 0
  spans.forEach((s, n) => {
    while (k < tokens.length && tokens[k].end <= s.start) k++
    for (let i = k; i < tokens.length && tokens[i].start < s.end; i++) out[i] = n
  })
  return out
}

/** The feature context of a document: its parse, the actor mention of each token (`mentionsByToken`), quotations and rule-lexicon triggers. */
export function featureContext(sv: SyntaxView, tokens: readonly Token[], actors: readonly (ActorMention | null)[], quotes: readonly QuoteRecord[], ruleTriggers: readonly Trigger[]): FeatureContext {
  const quoted = cover(tokens, [...quotes].sort((a, b) => a.start - b.start))
  const rules = cover(tokens, ruleTriggers)
  return {
    sv, tokens,
    actorType: (i) => { const m = actors[i]; return m ? (m.kind === 'name' ? m.type : m.kind) : null },
    inQuote: (i) => quoted[i] >= 0,
    ruleType: (i) => (rules[i] >= 0 ? ruleTriggers[rules[i]].entry.type : null),
  }
}

/** Candidate trigger tokens of tokens [from, to): verbs, nouns and adjectives. */
export function candidateTokens(sv: SyntaxView, from: number, to: number): number[] {
  const out: number[] = []
  for (let i = from; i < to; i++) if (CANDIDATE_UPOS.has(sv.upos(i))) out.push(i)
  return out
}
