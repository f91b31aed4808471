import type { Span } from '../../../doc/span.js'
import { DECIDED_RE, HYPOTHETICAL_RE, NEGATION_RE, REFERENCE_RE } from '../events.data.js'
import type { Trigger } from './01-triggers.js'

/** Why a trigger is not an event, or null when it is one. */
export function rejectReason(text: string, sent: Span, t: Trigger): string | null {
  const before = text.slice(Math.max(sent.start, t.start - 50), t.start)
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':')) + 1)
  if (NEGATION_RE.test(clause)) return 'negated'
  if (!t.entry.future && HYPOTHETICAL_RE.test(clause) && !DECIDED_RE.test(clause)) return 'hypothetical'
  if (t.entry.future && /\bto\s+$/iu.test(clause) && !DECIDED_RE.test(clause)) return 'hypothetical'
  if (t.entry.pos === 'noun' && REFERENCE_RE.test(clause) && !/^(?:during|at)\s+a\b/iu.test(t.text)) return 'reference'
  // "the (terrorist) attack" / "the bombings" told again without place or count: a reference to an attack already told
  if (t.entry.type === 'ASSAULT' && t.entry.pos === 'noun' && /\b(?:the|this)\s+(?:\S+\s+){0,2}$/iu.test(clause) && !/\s(?:on|in|against|of)$/iu.test(t.text)) {
    const after = text.slice(t.end, Math.min(sent.end, t.end + 40))
    if (!/^\s+(?:in|on|at|that\s+killed|which\s+killed|near)\b/iu.test(after)) return 'reference'
  }
  return null
}
