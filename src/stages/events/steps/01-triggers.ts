import type { Span } from '../../../doc/span.js'
import { TRIGGERS, type TriggerEntry } from '../events.data.js'

/** A lexicon match inside a sentence. */
export interface Trigger extends Span {
  readonly text: string; readonly entry: TriggerEntry
  /** the trigger model's margin over "no event" (learned triggers only) */
  readonly score?: number
  /** why the reading changed the entry's type ("promised by its speaker's side"), for the event's provenance */
  readonly recoded?: string
}

/** One alternation of all entries, each in its own capture group, so one pass finds every trigger. */
// ASCII mode ('gi', no 'u'): the lexicon is English and unicode case folding at every position is slow
// a hyphen before the word makes it part of a compound adjective ("long-promised", "US-backed"), never a trigger
const ALL = new RegExp(`(?<!-)\\b(?=[A-Za-z])(?:${TRIGGERS.map((t) => `((?:${t.pattern})\\b)`).join('|')})`, 'gi')

/** Trigger words of one sentence, in text order, never overlapping (earlier lexicon entries win at one position). */
export function findTriggers(text: string, sent: Span): Trigger[] {
  const re = ALL
  re.lastIndex = sent.start
  const slice = text.slice(0, sent.end)
  const out: Trigger[] = []
  let m: RegExpExecArray | null
  while ((m = re.exec(slice))) {
    const k = m.slice(1).findIndex((g) => g !== undefined)
    const start = m.index + m[0].length - m[0].trimStart().length
    out.push({ start, end: m.index + m[0].length, text: text.slice(start, m.index + m[0].length), entry: TRIGGERS[k] })
    if (m[0].length === 0) re.lastIndex++
  }
  return out
}
