/**
 * Analyst corrections (issue #16): facts an analyst marks wrong, fixes, accepts or adds, stored apart from machine
 * output (table `corrections`, src/store/corrections.ts) and laid over it when reading (src/corrections/apply.ts).
 * A correction never points at a machine id alone: it is anchored to the page (path or url, which stays the same
 * across versions), the evidence span and its text, and what it corrects (the machine's own values), so it finds its
 * fact again after a re-ingest or a re-read changed the ids, and is listed as orphaned when it cannot.
 */
import type { ActorRef, DatePrecision } from '../doc/layers.js'

/** What a correction does. */
export const CORRECTION_KINDS = ['event.accept', 'event.wrong', 'event.fix', 'event.add', 'quote.speaker', 'claim.wrong', 'document.reviewed', 'actor.merge', 'actor.split'] as const
export type CorrectionKind = (typeof CORRECTION_KINDS)[number]

/** The event fields an analyst may fix (and give an added event). */
export interface EventFields {
  readonly type?: string; readonly mode?: string | null
  readonly source_actor?: ActorRef | null; readonly target_actor?: ActorRef | null
  readonly date?: string | null; readonly date_precision?: DatePrecision | null; readonly location?: string | null
}
export const EVENT_FIELDS = ['type', 'mode', 'source_actor', 'target_actor', 'date', 'date_precision', 'location'] as const

/**
 * Where a correction holds: the page (its `path`, else its `url`; a page sent as content has neither and is known by
 * `doc` alone), the document it was made on, the span `[start, end)` of the evidence (an event's sentence, a quote,
 * a claim's evidence) with its `text`, the machine id it corrected then (`target`) and what that fact was (`key`:
 * an event's type, actors and trigger; a quote's text; a claim's value and what it counts).
 */
export interface Anchor {
  readonly doc: string; readonly path: string | null; readonly url: string | null
  readonly start: number | null; readonly end: number | null; readonly text: string | null
  readonly target: string | null
  readonly key: Readonly<Record<string, unknown>> | null
}

/** One stored correction, with its audit fields; a retracted one is kept (with who retracted it and when). */
export interface Correction {
  readonly id: string
  readonly kind: CorrectionKind
  readonly anchor: Anchor | null
  /** the fact's values before (the machine's, as seen when the correction was made) and what the analyst set */
  readonly before: unknown
  readonly after: unknown
  readonly reason: string | null
  /** who made it (as the client named the analyst) and how it came in: `token` (a bearer token), `loopback` (a local server without one), `cli` */
  readonly author: string
  readonly via: string
  readonly created_at: string
  readonly retracted_at: string | null
  readonly retracted_by: string | null
}

/** What `CorrectionStore.add` is given (the store sets `id` and `created_at`). */
export type NewCorrection = Omit<Correction, 'id' | 'created_at' | 'retracted_at' | 'retracted_by'>

/** Where a correction holds now: attached to a fact of the current version of its page, or orphaned (and why). */
export interface CorrectionState {
  readonly status: 'attached' | 'orphaned' | 'retracted'
  /** the current document and fact id it applies to (an added event's id is made from the correction's) */
  readonly doc: string | null
  readonly fact: string | null
  /** `page-gone` (no current version of the page), `span-gone` (the evidence text is not in the new version), `fact-gone` (no machine fact of that kind on it) */
  readonly reason: 'page-gone' | 'span-gone' | 'fact-gone' | null
}

/** How an event shows what the analyst did to it (absent on an untouched machine event). */
export interface EventCorrectionNote {
  readonly status: 'accepted' | 'fixed' | 'added'
  readonly corrections: readonly string[]
  /** the machine's values of the fields the analyst changed */
  readonly machine?: Readonly<Record<string, unknown>>
}
