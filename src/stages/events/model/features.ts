/**
 * Features of a candidate event trigger: one token of the parse (a verb, noun or adjective) read with its
 * dependency neighbourhood, the actors around it, whether it sits in a quotation or under a speech verb, and what
 * the data-built PLOVER lexicon and the rule lexicon say of it. Features are strings; the model hashes nothing.
 */
import type { Span } from '../../../doc/span.js'
import type { SyntaxView } from '../../syntax/index.js'
import { lexicon } from '../../../plover/lexicon/index.js'
import { committedClusters } from '../../entities/ner/clusters.js'

/** What the features read besides the parse. */
export interface FeatureContext {
  readonly sv: SyntaxView
  readonly tokens: readonly Span[]
  /** the entity type of the actor mention covering a token ('PERSON', 'GPE' …), or null */
  readonly actorType: (i: number) => string | null
  /** true when the token lies inside a quotation */
  readonly inQuote: (i: number) => boolean
  /** the PLOVER type of a rule-lexicon trigger covering the token, or null */
  readonly ruleType: (i: number) => string | null
}

/** Parts of speech a trigger's head can have. */
export const CANDIDATE_UPOS: ReadonlySet<string> = new Set(['VERB', 'NOUN', 'ADJ'])
/** Verbs whose clausal complement is what their subject says (its events are asserted by that speaker). */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(['say', 'tell', 'state', 'add', 'note', 'stress', 'announce', 'declare', 'claim', 'insist', 'assert',
  'emphasize', 'emphasise', 'underline', 'reiterate', 'warn', 'argue', 'believe', 'write', 'tweet', 'report', 'confirm', 'explain', 'point', 'describe',
  'call', 'express', 'maintain', 'allege', 'remark'])

const low = (s: string): string => s.toLowerCase()
/** The word's fine cluster (embedding k-means, shared with the NER model and the parser): words used alike share it ("slammed", "blasted"). */
const cluster = (w: string): string => { const c = committedClusters().finest.get(w); return c === undefined ? '-' : String(c >> 2) }

/** The feature strings of token i (`bias` first). */
export function triggerFeatures(c: FeatureContext, i: number): string[] {
  const sv = c.sv
  const w = low(sv.word(i)), l = low(sv.lemma(i)), u = sv.upos(i), r = sv.rel(i)
  const kc = cluster(w)
  const f: string[] = ['bias', `w=${w}`, `l=${l}`, `u=${u}`, `r=${r}`, `lu=${l}|${u}`, `lr=${l}|${r}`, `k=${kc}`, `k-r=${kc}|${r}`]
  const h = sv.head(i)
  if (h >= 0) {
    const hl = low(sv.lemma(h))
    f.push(`hl=${hl}`, `hr=${r}|${hl}`, `l-hl=${l}|${hl}`, `hu=${sv.upos(h)}`, `hk=${cluster(low(sv.word(h)))}`)
    if (SPEECH_VERBS.has(hl) && /^(?:ccomp|xcomp|parataxis|obj)/.test(r)) f.push('said', `said-u=${u}`)
  } else f.push('root')
  for (const k of sv.children(i)) {
    const kr = sv.rel(k), kl = low(sv.lemma(k))
    f.push(`c=${kr}`, `c-l=${kr}|${kl}`, `l-c-l=${l}|${kr}|${kl}`)
    const base = kr.split(':')[0]
    if (base === 'obl' || base === 'nmod') {
      const p = low(sv.caseOf(k))
      const t = c.actorType(k) ?? '-'
      f.push(`p=${p}`, `l-p=${l}|${p}`, `p-t=${p}|${t}`, `l-p-t=${l}|${p}|${t}`)
    } else if (base === 'nsubj') f.push(`subj=${c.actorType(k) ?? sv.upos(k)}`, `l-subj=${l}|${c.actorType(k) ?? '-'}`)
    else if (base === 'obj') f.push(`obj=${c.actorType(k) ?? sv.upos(k)}`, `l-obj=${l}|${c.actorType(k) ?? kl}`, `k-obj=${cluster(kl)}`)
    else if (base === 'aux') f.push(`aux=${kl}`)
    else if (base === 'compound' && kr === 'compound:prt') f.push(`prt=${l}|${kl}`)
    else if (base === 'amod') f.push(`amod=${kl}`)
  }
  if (sv.isNegated(i)) f.push('neg')
  if (sv.isPassive(i)) f.push('pass', `l-pass=${l}`)
  if (c.inQuote(i)) f.push('quote', `quote-u=${u}`)
  const at = c.actorType(i)
  if (at) f.push(`self=${at}`)
  const prev = i > 0 ? low(sv.word(i - 1)) : '<s>', next = i + 1 < c.tokens.length ? low(sv.word(i + 1)) : '</s>'
  f.push(`p1=${prev}`, `n1=${next}`, `p1-l=${prev}|${l}`, `l-n1=${l}|${next}`)
  const lex = lexicon()
  const pos = u === 'VERB' ? 'verb' : u === 'NOUN' ? 'noun' : 'adj'
  const entries = lex.entriesOf(w).filter((e) => e.pos === pos)
  if (entries.length) {
    for (const t of new Set(entries.map((e) => e.type))) f.push(`lex=${t}`)
    // the entry whose conditions (object, preposition) hold here is stronger evidence
    const obj = sv.objects(i)[0]
    const obl = sv.obliques(i)[0]
    const prt = sv.dependents(i, 'compound:prt')[0]
    const m = lex.match(w, { pos, prep: prt !== undefined ? sv.word(prt) : obl ? obl.prep : null, object: obj !== undefined ? phraseWords(sv, obj) : null, prepObject: obl ? phraseWords(sv, obl.head) : null })
    if (m) f.push(`lex+=${m.type}`, `lex+src=${m.source.split(':')[0]}|${m.type}`)
  }
  const rt = c.ruleType(i)
  if (rt) f.push(`rule=${rt}`)
  return f
}

/** The lower-case words of a nominal's own phrase: its modifiers up to and including the head (not its clauses). */
export function phraseWords(sv: SyntaxView, h: number): string[] {
  const ks = sv.children(h).filter((k) => k < h && /^(?:amod|compound|det|nummod|nmod:poss|flat)/.test(sv.rel(k)))
  return [...ks, h].map((k) => sv.word(k).toLowerCase())
}

