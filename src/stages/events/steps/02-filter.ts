import type { TimeExpr } from '../../../doc/layers.js'
import type { Span } from '../../../doc/span.js'
import type { ActorIndex } from '../actors.js'
import type { SyntaxView } from '../../syntax/index.js'
import { CONDITIONAL_CLAUSE_RE, DECIDED_RE, DENIED_CONTENT_RE, HYPOTHETICAL_RE, NEGATION_FAR_RE, NEGATION_RE, NOT_DONE_RE, PLANNED_NOUN_RE, REFERENCE_RE, TOLL_BEFORE_RE } from '../events.data.js'
import type { Trigger } from './01-triggers.js'

/** "sent no missiles", "supplied no weapons": a negative determiner inside the trigger negates it. */
const INNER_NEGATION_RE = /\s(?:no|never|not)\s/i
/** A modal perfect right before a trigger: "should have been frozen", "would have signed", "might not have met". */
const MODAL_PERFECT_RE = /\b(?:would|could|might|may|should|must|ought\s+to)\s+(?:not\s+)?have\s+(?:been\s+)?$/i
/** A clause opened by a negated subject ("Neither Biden nor anybody … ever promised", "…, none of the members have imposed"). */
const NEGATED_SUBJECT_RE = /^\W*(?:neither|nobody|no\s+one|none\s+of)\b/i
/** The text after the last of some clause breaks (all of the text when none is there). */
const afterLast = (s: string, breaks: readonly string[]): string => s.slice(Math.max(...breaks.map((b) => s.lastIndexOf(b))) + 1)
/** Punctuation that ends a clause. */
const CLAUSE_BREAKS = [',', ';', ':']
/** … and the dashes that close a parenthetical ("X - which would object if asked - called for"). */
const CLAUSE_BREAKS_AND_DASHES = [...CLAUSE_BREAKS, ' - ', '—', '–']

/** A sentence opened by the deal it restates the terms of ("Under the nuclear deal, …", "Under the 2015 JCPOA, …"). */
const TERMS_OF_DEAL_RE = /^\W*under\s+(?:the|a|an|this|that|its|their)\s+(?:[\p{L}\d-]+\s+){0,3}(?:deal|agreement|accord|pact|treaty|JCPOA|arrangement)\b/iu

/**
 * "In his phone conversation with X, Y said …", "During their meeting with X": a meeting owned by its subject and
 * with its partner named tells the meeting (both parties are there), unlike "during the meeting" told before.
 */
function ownMeeting(text: string, sent: Span, t: Trigger, clause: string): boolean {
  return t.entry.type === 'CONSULT' && /\b(?:his|her|their|its)\s+(?:\S+\s+){0,2}$/iu.test(clause)
    && (/\s(?:with|between)$/iu.test(t.text) || /^\s+(?:with|between)\s/iu.test(text.slice(t.end, Math.min(sent.end, t.end + 10))))
}

/** Why a trigger is not an event, or null when it is one. */
export function rejectReason(text: string, sent: Span, t: Trigger): string | null {
  const before = text.slice(Math.max(sent.start, t.start - 50), t.start)
  // a dash closes a parenthetical: the clause starts after it
  const clause = afterLast(before, CLAUSE_BREAKS_AND_DASHES)
  if (!t.entry.negative && (NEGATION_RE.test(clause) || INNER_NEGATION_RE.test(t.text))) return 'negated'
  // "refrained from putting the blame on X", "declined to comment", "failed to reach a deal": what was not done
  if (NOT_DONE_RE.test(clause)) return 'not-done'
  // a negated subject opening the trigger's clause: "Neither X nor Y ever promised …", "…, none of the members have imposed"
  if (!t.entry.negative && t.entry.type !== 'ASSAULT' && NEGATED_SUBJECT_RE.test(afterLast(text.slice(sent.start, t.start), CLAUSE_BREAKS))) return 'negated'
  // a noun of speech or support reached by a negated verb ("have not found a word of sympathy"); attacks stay events ("no group claimed the bombing")
  if (t.entry.pos === 'noun' && t.entry.type !== 'ASSAULT' && NEGATION_FAR_RE.test(clause)) return 'negated'
  // what a speaker denies, or claims the speaker dismisses, are not asserted by the page
  if (DENIED_CONTENT_RE.test(text.slice(Math.max(sent.start, t.start - 160), t.start))) return 'denied'
  if (CONDITIONAL_CLAUSE_RE.test(clause)) return 'hypothetical'
  if (!t.entry.future && HYPOTHETICAL_RE.test(clause) && !DECIDED_RE.test(clause)) return 'hypothetical'
  // "should have been frozen", "could have signed": what ought to or might have happened did not
  if (MODAL_PERFECT_RE.test(clause)) return 'hypothetical'
  if (t.entry.future && /\bto\s+$/iu.test(clause) && !DECIDED_RE.test(clause)) return 'hypothetical'
  if (t.entry.pos === 'noun' && PLANNED_NOUN_RE.test(clause)) return 'hypothetical'
  // "the detained sailors", "some arrested members": a participle before its noun describes them, it tells no act
  if (t.entry.pos === 'verb' && /^\p{L}+ed$/iu.test(t.text) && /\b(?:the|a|an|some|these|those|all|its|his|her|their|other)\s+$/iu.test(before)
    && /^\s+(?!by\b|in\b|on\b|at\b|for\b|to\b|with\b|from\b|and\b|or\b)[\p{L}-]+/iu.test(text.slice(t.end, Math.min(sent.end, t.end + 30)))) return 'reference'
  // "Under the deal, Iran agreed to cap its enrichment": the terms of a deal already made, told as background
  if (t.entry.type === 'AGREE' && /^agreed\b/iu.test(t.text) && TERMS_OF_DEAL_RE.test(text.slice(sent.start, t.start))) return 'reference'
  // "37 people were killed in the explosion": an attack told with its toll is the attack, not a reference to it
  const toll = t.entry.type === 'ASSAULT' && TOLL_BEFORE_RE.test(clause)
  if (t.entry.pos === 'noun' && !toll && REFERENCE_RE.test(clause) && !/^(?:during|at)\s+a\b/iu.test(t.text) && !ownMeeting(text, sent, t, clause)) return 'reference'
  // "the (terrorist) attack" / "the bombings" told again without place or count: a reference to an attack already told
  if (t.entry.type === 'ASSAULT' && t.entry.pos === 'noun' && !toll && /\b(?:the|this)\s+(?:\S+\s+){0,2}$/iu.test(clause) && !/\s(?:on|in|against|of)$/iu.test(t.text)) {
    const after = text.slice(t.end, Math.min(sent.end, t.end + 40))
    if (!/^\s+(?:in|on|at|that\s+killed|which\s+killed|near)\b|^,?\s+(?:which|that)\s+(?:took\s+place|happened|occurred)\b/iu.test(after)) return 'reference'
  }
  return null
}

/** Verbs whose "to" clause says what their done act was for ("took to Twitter to condemn", "summoned the envoy to protest"). */
const PURPOSE_HEADS = new Set(['take', 'go', 'use', 'issue', 'summon', 'hold', 'convene', 'release', 'publish', 'post', 'tweet', 'write', 'send',
  'gather', 'rally', 'march', 'travel', 'come', 'arrive', 'meet', 'speak', 'turn', 'seize', 'join'])
/** Auxiliaries that leave an act done ("has taken to Twitter to condemn"); any other (will, would, may …) makes it hypothetical. */
const DONE_AUX = new Set(['have', 'be', 'do'])

/**
 * A "to" clause that tells the purpose of a done act is done with it: "X took to Twitter to condemn the attack",
 * "Iran summoned the envoy to protest": the head is a past-tense verb of doing, not negated and with no modal,
 * unlike "X plans to condemn", "urged Y to condemn" or "will meet to discuss". `tok` is the trigger's token.
 */
export function donePurpose(sv: SyntaxView, tok: number): boolean {
  if (tok < 0 || !/^(?:advcl|xcomp)/.test(sv.rel(tok)) || !sv.dependents(tok, 'mark').some((m) => sv.word(m).toLowerCase() === 'to')) return false
  const h = sv.head(tok)
  if (h < 0 || sv.upos(h) !== 'VERB' || !PURPOSE_HEADS.has(sv.lemma(h).toLowerCase()) || sv.isNegated(h)) return false
  const w = sv.word(h).toLowerCase()
  const past = w !== sv.lemma(h).toLowerCase() && !/(?:ing|s)$/.test(w)
  return past && sv.dependents(h, 'aux').every((a) => DONE_AUX.has(sv.lemma(a).toLowerCase()))
}

/** Background, not a telling: "since the killing of X" measures time from it. */
const BACKGROUND_RE = /\b(?:since|ever\s+since)\s+(?:\S+\s+){0,3}$/iu
/** Places and times that tell an act where and when it happened: "in X", "at X". */
const PLACE_PREP_RE = /\b(?:in|at|near|outside)\s+(?:the\s+)?(?:city\s+of\s+|capital,?\s+)?$/iu

/**
 * A nominal attack or arrest on a named victim that states its own time or place ("after the killing of X in Y late
 * Tuesday", "the arrest of X on Monday") is an event mention even where a preposition makes it look like a reference:
 * the clause tells when or where it happened. `t` must be an ASSAULT/COERCE noun ending in "of"; background
 * ("since the killing of X") never counts.
 */
export function toldWithOwnTime(text: string, sent: Span, t: Trigger, idx: ActorIndex, timex: readonly TimeExpr[]): boolean {
  if ((t.entry.type !== 'ASSAULT' && t.entry.type !== 'COERCE') || t.entry.pos !== 'noun' || !/\sof$/iu.test(t.text)) return false
  if (BACKGROUND_RE.test(text.slice(Math.max(sent.start, t.start - 30), t.start))) return false
  const victim = idx.within(t.end, sent.end)[0]
  if (!victim || victim.kind !== 'name' || !victim.ref || !/^\s+$/u.test(text.slice(t.end, victim.start))) return false
  // the rest of the clause: up to the next comma, semicolon or dash
  const rest = text.slice(victim.end, sent.end)
  const end = victim.end + (rest.search(/[,;:—–]|\s-\s/u) < 0 ? rest.length : rest.search(/[,;:—–]|\s-\s/u))
  if (timex.some((x) => x.start >= victim.end && x.end <= end)) return true
  return idx.within(victim.end, end).some((m) => m.kind === 'name' && (m.type === 'GPE' || m.type === 'LOC') && PLACE_PREP_RE.test(text.slice(Math.max(victim.end, m.start - 30), m.start)))
}
