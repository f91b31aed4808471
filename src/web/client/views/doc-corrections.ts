import type { ActorRef, Doc, Span } from '../api.js'
import { addEventForm, claimControl, correct, retract, selectionSpan, speakerControl, wrongList } from '../correct.js'
import { h, mount } from '../dom.js'
import { producedBy } from '../provenance.js'

/** What the corrected document record adds to a page (src/corrections/apply.ts CorrectedDocument). */
type Corrected = Doc & {
  sentences?: Span[]
  quotes: (Doc['quotes'][number] & { correction?: { corrections: string[]; machine_speaker: ActorRef | null } })[]
  wrong_events?: { fact: { type: string; source_actor: ActorRef | null; target_actor: ActorRef | null; evidence: { text: string } }; correction: string; reason: string | null; author: string }[]
  wrong_claims?: { fact: { value: number; unit: string; what: string }; correction: string; reason: string | null; author: string }[]
  reviewed?: { by: string; at: string; correction: string } | null
}

/** The selection widened to the sentence(s) it touches (the server does the same), for showing what will be the evidence. */
function sentenceOf(d: Corrected, s: Span): Span {
  const hit = (d.sentences ?? []).filter((x) => x.start < s.end && s.start < x.end)
  return hit.length ? { start: Math.min(s.start, ...hit.map((x) => x.start)), end: Math.max(s.end, ...hit.map((x) => x.end)) } : s
}

/**
 * The page's correction panel (beside its text): select a sentence to add a missed event, fix a quote's speaker,
 * mark a claim wrong, mark the page reviewed; what was marked wrong is listed struck through, with its undo.
 */
/** A provenance chip with a space before it, or nothing. */
const made = (chip: HTMLElement | null) => (chip ? [' ', chip] : null)

export function docCorrections(doc: Doc, text: HTMLElement): HTMLElement {
  const d = doc as Corrected
  const slot = h('div', { class: 'add-slot' })
  const status = h('div', { class: 'correct-status', 'aria-live': 'polite' })
  const hint = h('p', { class: 'small muted add-hint' }, 'Select a sentence in the text to add an event the machine missed.')
  const offer = () => {
    const sel = selectionSpan(text)
    if (!sel) return
    const s = sentenceOf(d, sel)
    mount(slot, addEventForm(d.id, sel, d.text.slice(s.start, s.end), () => mount(slot)))
    ;(slot.querySelector('select') as HTMLElement | null)?.focus({ preventScroll: true })
  }
  text.addEventListener('mouseup', offer)
  text.addEventListener('keyup', (e) => { if ((e as KeyboardEvent).shiftKey) offer() })
  const reviewed = d.reviewed
  return h('section', { class: 'doc-corrections' },
    h('h2', {}, 'Corrections'),
    reviewed ? h('p', { class: 'small' }, h('span', { class: 'badge corrected is-accepted' }, 'reviewed'), ` by ${reviewed.by} `, h('button', { type: 'button', class: 'linklike undo', onclick: () => void retract(reviewed.correction, status) }, 'undo'))
      : h('p', {}, h('button', { type: 'button', class: 'mark-reviewed', title: 'Every fact of this page you have not corrected is right', onclick: () => void correct({ kind: 'document.reviewed', doc: d.id }, status) }, 'Mark this page reviewed')),
    hint, slot, status,
    // each quote and claim says what produced it (the syntax model or a rule), as events do
    d.quotes.length ? h('section', { class: 'doc-quotes' }, h('h2', {}, `Quotes (${d.quotes.length})`), h('ul', { class: 'quote-list' }, d.quotes.map((q) => h('li', { 'data-id': q.id },
      h('q', {}, q.text.length > 90 ? q.text.slice(0, 88) + '…' : q.text), ' — ', h('span', { class: 'speaker' }, q.speaker?.name ?? 'no one named'), made(producedBy(q, 'quote')), speakerControl(d.id, q))))) : null,
    d.claims.length ? h('section', { class: 'doc-claims' }, h('h2', {}, `Claims (${d.claims.length})`), h('ul', { class: 'claim-list' }, d.claims.map((c) => h('li', { 'data-id': c.id },
      `${c.value} ${c.unit}`, h('span', { class: 'muted' }, ` (${c.what})`), made(producedBy(c, 'claim')), claimControl(d.id, c.id))))) : null,
    d.entities.length ? splitForm(d, status) : null,
    wrongList('Events marked wrong', (d.wrong_events ?? []).map((w) => ({ label: `${w.fact.type} · ${w.fact.source_actor?.name ?? 'no one named'} → ${w.fact.target_actor?.name ?? 'no one named'}`, reason: w.reason, author: w.author, correction: w.correction }))),
    wrongList('Claims marked wrong', (d.wrong_claims ?? []).map((w) => ({ label: `${w.fact.value} ${w.fact.unit} (${w.fact.what})`, reason: w.reason, author: w.author, correction: w.correction }))))
}

/** "On this page, X is someone else": the actor's mentions, events and quotes on this page move to another (named) actor. */
function splitForm(d: Corrected, status: HTMLElement): HTMLElement {
  const pick = h('select', { name: 'actor', 'aria-label': 'Actor' }, d.entities.map((e) => h('option', { value: e.actor }, e.name)))
  const as = h('input', { name: 'as', placeholder: 'who it is here', 'aria-label': 'Who it is on this page', autocomplete: 'off' })
  return h('details', { class: 'split-actor' }, h('summary', {}, 'An actor here is someone else…'),
    h('form', { class: 'correct-form', onsubmit: (ev: Event) => { ev.preventDefault(); const n = as.value.trim(); if (n) void correct({ kind: 'actor.split', doc: d.id, actor: pick.value, as: { name: n } }, status) } },
      pick, ' is ', as, h('button', { type: 'submit' }, 'Split on this page')))
}
