/**
 * How a machine fact is shown with where it came from: an event that the page only reports as someone's
 * statement ("officials say Iran sent drones") is labelled as an allegation by that party, never as a fact,
 * and every event says what coded it (a rule, or the model with its score; the detail is the tooltip).
 * Everything here is text and attribute values (never HTML from the data).
 */
import type { Provenance } from './api.js'
import { h } from './dom.js'

/** "alleged by X" when the page reports the event as X's statement, else nothing. */
export const allegedBy = (e: Provenance): HTMLElement | null => e.reported_by
  ? h('span', { class: 'alleged', title: `The page reports this as a statement by ${e.reported_by}, not as a fact` }, `alleged by ${e.reported_by}`)
  : null

/** The kinds of machine fact and how their tooltip names what made them. */
const MADE: Record<'event' | 'quote' | 'claim' | 'framing', { model: string; rule: string }> = {
  event: { model: 'Coded by the trigger model', rule: 'Coded by a rule' },
  quote: { model: 'Speaker named by the syntax model', rule: 'Speaker named by a rule' },
  claim: { model: 'Found by a model', rule: 'Found by a rule' },
  framing: { model: 'Found by a model', rule: 'Found by a rule (the framing lexicon)' },
}

/**
 * What made the fact: "rule" or "model · 0.82" (a model that gives no score: "model"), with the rule's reason or the
 * model's name as its tooltip.
 */
export function producedBy(e: Provenance, kind: keyof typeof MADE = 'event'): HTMLElement | null {
  const p = e.produced_by
  if (!p) return null
  const text = p.method === 'model' && p.score != null ? `model · ${p.score.toFixed(2)}` : p.method
  return h('span', { class: 'provenance', 'data-kind': kind, title: `${MADE[kind][p.method]}: ${p.detail}` }, text)
}

/** What made a quote, claim or framing term as words, for a highlight's tooltip: " (speaker named by a rule: …)". */
export const madeText = (e: Provenance, kind: 'quote' | 'claim' | 'framing') => !e.produced_by ? ''
  : ` (${MADE[kind][e.produced_by.method].toLowerCase()}${e.produced_by.score != null ? `, score ${e.produced_by.score.toFixed(2)}` : ''}: ${e.produced_by.detail})`

/** Both, side by side (nothing when the event states a fact and its record does not say what coded it). */
export const provenance = (e: Provenance): (HTMLElement | string)[] => {
  const parts = [allegedBy(e), producedBy(e)].filter((x): x is HTMLElement => !!x)
  return parts.flatMap((p) => [' ', p])
}

/** What coded the event as words, for plain-text labels: " (coded by a rule)", " (coded by the trigger model, score 0.82)". */
export const codedText = (e: Provenance) => !e.produced_by ? ''
  : e.produced_by.method === 'model' ? ` (coded by the trigger model${e.produced_by.score != null ? `, score ${e.produced_by.score.toFixed(2)}` : ''})` : ' (coded by a rule)'

/** The allegation as words, for labels that must stay plain text (an SVG title, an aria-label, a mark's tooltip). */
export const allegedText = (e: Provenance) => (e.reported_by ? ` (alleged by ${e.reported_by})` : '')
