/** A half-open `[start, end)` range in UTF-16 code units of `Doc.text`. */
export interface Span { readonly start: number; readonly end: number }

/** Severity of a positioned message (vfile style). */
export type Severity = 'fatal' | 'warning' | 'info'

/** A content problem or decision, positioned where it can be. */
export interface Message {
  readonly source: string
  readonly ruleId: string
  readonly severity: Severity
  readonly reason: string
  readonly place?: Span
}

/** Creates a message record. @example msg('clean', 'drop-share', 'Dropped share buttons', 'info') */
export function msg(source: string, ruleId: string, reason: string, severity: Severity = 'info', place?: Span): Message {
  return place ? { source, ruleId, severity, reason, place } : { source, ruleId, severity, reason }
}

/** Text of a span, always taken from the document (never retyped). */
export const spanText = (text: string, s: Span): string => text.slice(s.start, s.end)

/** True when `inner` lies inside `outer`. */
export const within = (inner: Span, outer: Span): boolean => inner.start >= outer.start && inner.end <= outer.end
