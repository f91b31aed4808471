/**
 * The analyst's corrections in the UI (issue #16): on an event report, "right", "wrong" (with a reason) and
 * "edit" (type, mode, source, target, date, place); on a page, a selected sentence becomes a missed event, a quote's
 * speaker is fixed, a claim is marked wrong, the page is marked reviewed. Every write goes to /api/corrections with
 * the tab's token when one was given; a 401 asks for it here. Scraped text only ever reaches the DOM as text (dom.ts).
 */
import { ApiError, docRoute, savedToken, saveToken, type ActorRef, type Span } from './api.js'
import { h, mount } from './dom.js'

/** PLOVER's event types (the server checks them too: src/plover/catalogue.ts). */
export const PLOVER_TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'] as const

/** What the analyst did to an event (absent on an untouched machine event). */
export interface CorrectionNote { status: 'accepted' | 'fixed' | 'added'; corrections: string[]; machine?: Record<string, unknown> }
/** An event's fields as the forms show and set them. */
export interface EventFacts { type: string; mode: string | null; source_actor: ActorRef | null; target_actor: ActorRef | null; date: string | null; location: string | null; correction?: CorrectionNote | null }

const NAME_KEY = 'dossier-analyst'
/** The analyst's name this browser records corrections under (set on the Corrections page), or null. */
export function analystName(): string | null { try { return localStorage.getItem(NAME_KEY) } catch { return null } }
export function saveAnalystName(name: string): void { try { localStorage.setItem(NAME_KEY, name) } catch { /* storage may be off */ } }

/** Writes under /api (POST a JSON body, or DELETE) with the tab's token; throws ApiError on a non-2xx answer. */
export async function send<T>(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const token = savedToken()
  const headers: Record<string, string> = { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) }
  const res = await fetch(`/api/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const out = await res.json().catch(() => null)
  if (!res.ok) throw new ApiError(res.status, out?.error?.code ?? 'E_HTTP', out?.error?.message ?? res.statusText)
  return out as T
}

/** Shows the current view again (after a write, so every list and mark shows the correction). */
export const rerender = () => dispatchEvent(new HashChangeEvent('hashchange'))

/** Makes a correction; on success the view is shown again (or `then` runs), on failure `status` says why (and asks for the token on a 401). */
export async function correct(body: Record<string, unknown>, status: HTMLElement, then: () => void = rerender): Promise<boolean> {
  const by = analystName()
  try {
    await send('POST', 'corrections', by ? { ...body, by } : body)
    then()
    return true
  } catch (e) { failed(e, status, () => void correct(body, status, then)); return false }
}

/** Retracts a correction (its record stays). */
export async function retract(id: string, status: HTMLElement): Promise<void> {
  const by = analystName()
  try { await send('DELETE', `corrections/${encodeURIComponent(id)}${by ? `?by=${encodeURIComponent(by)}` : ''}`); rerender() }
  catch (e) { failed(e, status, () => void retract(id, status)) }
}

/** Says why a write failed; a missing or wrong token is asked for, then the write is tried again. */
function failed(e: unknown, status: HTMLElement, retry: () => void): void {
  if (e instanceof ApiError && e.status === 401) {
    const input = h('input', { type: 'password', name: 'token', 'aria-label': 'Access token', autocomplete: 'current-password' })
    mount(status, h('form', { class: 'token-inline', onsubmit: (ev: Event) => { ev.preventDefault(); saveToken(input.value.trim()); retry() } },
      h('span', { class: 'error', role: 'alert' }, savedToken() ? 'The token was refused. ' : 'Saving a correction needs this server\'s access token. '), input, h('button', { type: 'submit' }, 'Save with token')))
    return
  }
  const why = e instanceof ApiError && e.status === 403 ? 'This server takes no corrections (start it with --token-file, or on 127.0.0.1).' : `Not saved: ${(e as Error).message}`
  mount(status, h('span', { class: 'error', role: 'alert' }, why))
}

const text = (v: unknown) => v == null ? 'none' : typeof v === 'object' && 'name' in (v as object) ? String((v as { name: unknown }).name) : String(v)

/** A badge saying what the analyst did, with the machine's values as its tooltip. */
export function correctionBadge(c: CorrectionNote | null | undefined): HTMLElement | null {
  if (!c) return null
  const label = c.status === 'added' ? 'added by analyst' : c.status === 'fixed' ? 'corrected' : 'accepted'
  const was = c.machine ? Object.entries(c.machine).map(([k, v]) => `${k.replace('_actor', '')} was ${text(v)}`).join('; ') : ''
  return h('span', { class: `badge corrected is-${c.status}`, title: was ? `The machine's values: ${was}` : `${label} (${c.corrections.length} correction${c.corrections.length === 1 ? '' : 's'})` }, label)
}

/** Undo buttons for the corrections on a fact. */
const undoButtons = (ids: readonly string[], status: HTMLElement) => ids.map((id, i) =>
  h('button', { type: 'button', class: 'linklike undo', title: 'Retract this correction (its record stays)', onclick: () => void retract(id, status) }, ids.length > 1 ? `undo ${i + 1}` : 'undo'))

/** An actor field: the name as shown; typing another name finds that actor (or records the name). */
const actorInput = (name: string, label: string, a: ActorRef | null) => h('label', {}, label, ' ', h('input', { name, value: a?.name ?? '', placeholder: 'no one named', autocomplete: 'off' }))

/** The fields of an event form (`add`: an added event needs its type). */
function eventInputs(e: Partial<EventFacts>): HTMLElement {
  return h('div', { class: 'fields' },
    h('label', {}, 'Type ', h('select', { name: 'type' }, PLOVER_TYPES.map((t) => h('option', { value: t, selected: t === e.type }, t)))),
    h('label', {}, 'Mode ', h('input', { name: 'mode', value: e.mode ?? '', placeholder: 'none', autocomplete: 'off' })),
    actorInput('source_actor', 'Source', e.source_actor ?? null), actorInput('target_actor', 'Target', e.target_actor ?? null),
    h('label', {}, 'Date ', h('input', { name: 'date', value: e.date ? e.date.slice(0, 10) : '', placeholder: 'YYYY-MM-DD', autocomplete: 'off' })),
    h('label', {}, 'Place ', h('input', { name: 'location', value: e.location ?? '', placeholder: 'not given', autocomplete: 'off' })))
}

/** The fields a form changed from `e` (all of them for an added event), as the API takes them. */
function changed(form: HTMLFormElement, e: Partial<EventFacts> | null): Record<string, unknown> {
  const v = (n: string) => ((form.elements.namedItem(n) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '').trim()
  const out: Record<string, unknown> = {}
  const plain = (k: 'type' | 'mode' | 'location' | 'date', now: string | null | undefined) => { const x = v(k); if (!e || x !== (k === 'date' ? (now ?? '').slice(0, 10) : now ?? '')) out[k] = x || null }
  plain('type', e?.type); plain('mode', e?.mode); plain('date', e?.date); plain('location', e?.location)
  for (const k of ['source_actor', 'target_actor'] as const) { const x = v(k); if (!e || x !== (e[k]?.name ?? '')) out[k] = x ? { name: x } : null }
  if (out.type === null) delete out.type
  return out
}

/**
 * "right / wrong / edit" for one event report, with what was done to it and its undo. An event marked wrong leaves
 * the lists, so the view goes to its page (`at`), where it is listed struck through with its undo.
 */
export function eventControls(id: string, e: EventFacts, at: { doc: string; evidence: Span }): HTMLElement {
  const status = h('div', { class: 'correct-status', 'aria-live': 'polite' })
  const panel = h('div', { class: 'correct-panel' })
  const c = e.correction
  const wrongForm = () => {
    const reason = h('input', { name: 'reason', placeholder: 'why (required)', autocomplete: 'off', 'aria-label': 'Why the event is wrong' })
    mount(panel, h('form', { class: 'correct-form', onsubmit: (ev: Event) => { ev.preventDefault(); if (!reason.value.trim()) { reason.focus(); return } void correct({ kind: 'event.wrong', event: id, reason: reason.value }, status, () => { location.hash = docRoute(at.doc, at.evidence) }) } },
      reason, h('button', { type: 'submit' }, 'Mark wrong'), h('button', { type: 'button', onclick: () => mount(panel) }, 'Cancel')))
    reason.focus()
  }
  const editForm = () => {
    const form: HTMLFormElement = h('form', { class: 'correct-form', onsubmit: (ev: Event) => {
      ev.preventDefault()
      const set = changed(form, e)
      if (!Object.keys(set).length) { mount(status, h('span', { class: 'muted' }, 'Nothing changed.')); return }
      void correct({ kind: 'event.fix', event: id, set }, status)
    } }, eventInputs(e), h('button', { type: 'submit' }, 'Save'), h('button', { type: 'button', onclick: () => mount(panel) }, 'Cancel'))
    mount(panel, form)
    ;(form.elements.namedItem('type') as HTMLElement).focus()
  }
  return h('div', { class: 'correct-bar', 'data-id': id },
    correctionBadge(c), c ? undoButtons(c.corrections, status) : null,
    c?.status === 'added' ? null : [
      c?.status !== 'accepted' ? h('button', { type: 'button', class: 'accept', title: 'The machine got this event right', onclick: () => void correct({ kind: 'event.accept', event: id }, status) }, '✓ Right') : null,
      h('button', { type: 'button', class: 'wrong', title: 'This is not an event the sentence states', onclick: wrongForm }, '✗ Wrong…'),
      h('button', { type: 'button', class: 'edit', title: 'Fix its type, mode, actors, date or place', onclick: editForm }, '✎ Edit…')],
    panel, status)
}

/** The form that adds a missed event stated by the selected sentence(s) of a page. */
export function addEventForm(doc: string, span: { start: number; end: number }, sentence: string, onCancel: () => void): HTMLElement {
  const status = h('div', { class: 'correct-status', 'aria-live': 'polite' })
  const form: HTMLFormElement = h('form', { class: 'correct-form add-event', onsubmit: (ev: Event) => {
    ev.preventDefault()
    void correct({ kind: 'event.add', doc, start: span.start, end: span.end, set: changed(form, null) }, status)
  } },
  h('h3', {}, 'Add a missed event'), h('blockquote', { class: 'sentence' }, sentence), eventInputs({ type: 'CONSULT' }),
  h('button', { type: 'submit' }, 'Add event'), h('button', { type: 'button', onclick: onCancel }, 'Cancel'), status)
  return form
}

/** One line with a fix-or-undo control: a quote's speaker. */
export function speakerControl(doc: string, q: { id: string; speaker: ActorRef | null; correction?: { corrections: string[]; machine_speaker: ActorRef | null } }): HTMLElement {
  const status = h('span', { class: 'correct-status', 'aria-live': 'polite' })
  const slot = h('span', {})
  const edit = () => {
    const input = h('input', { name: 'speaker', value: q.speaker?.name ?? '', placeholder: 'no one named', 'aria-label': 'Who said it', autocomplete: 'off' })
    mount(slot, h('form', { class: 'correct-form inline', onsubmit: (ev: Event) => { ev.preventDefault(); const n = input.value.trim(); void correct({ kind: 'quote.speaker', doc, quote: q.id, speaker: n ? { name: n } : null }, status) } },
      input, h('button', { type: 'submit' }, 'Save'), h('button', { type: 'button', onclick: () => mount(slot) }, 'Cancel')))
    input.focus()
  }
  return h('span', { class: 'speaker-fix' },
    q.correction ? [h('span', { class: 'badge corrected is-fixed', title: `The machine's speaker: ${q.correction.machine_speaker?.name ?? 'none'}` }, 'corrected'), undoButtons(q.correction.corrections, status)] : null,
    ' ', h('button', { type: 'button', class: 'linklike', onclick: edit }, 'fix speaker'), slot, status)
}

/** "wrong…" for a numeric claim. */
export function claimControl(doc: string, claim: string): HTMLElement {
  const status = h('span', { class: 'correct-status', 'aria-live': 'polite' })
  const slot = h('span', {})
  const open = () => {
    const reason = h('input', { name: 'reason', placeholder: 'why (required)', 'aria-label': 'Why the claim is wrong', autocomplete: 'off' })
    mount(slot, h('form', { class: 'correct-form inline', onsubmit: (ev: Event) => { ev.preventDefault(); if (reason.value.trim()) void correct({ kind: 'claim.wrong', doc, claim, reason: reason.value }, status) } },
      reason, h('button', { type: 'submit' }, 'Mark wrong'), h('button', { type: 'button', onclick: () => mount(slot) }, 'Cancel')))
    reason.focus()
  }
  return h('span', {}, ' ', h('button', { type: 'button', class: 'linklike', onclick: open }, 'wrong…'), slot, status)
}

/** Facts marked wrong on a page, struck through, each with its reason and undo. */
export function wrongList(title: string, items: readonly { label: string; reason: string | null; author: string; correction: string }[]): HTMLElement | null {
  if (!items.length) return null
  const status = h('div', { class: 'correct-status', 'aria-live': 'polite' })
  return h('section', { class: 'wrong-facts' }, h('h2', {}, `${title} (${items.length})`), h('ul', {}, items.map((w) => h('li', {},
    h('s', {}, w.label), h('span', { class: 'muted' }, ` — ${w.reason ?? 'no reason given'} (${w.author})`), ' ', undoButtons([w.correction], status)))), status)
}

/**
 * The character span of the current selection inside `root` (whose text nodes, in order, are the document's text
 * from `base`), or null when the selection is empty or outside it.
 */
export function selectionSpan(root: HTMLElement, base = 0): { start: number; end: number } | null {
  const sel = getSelection()
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null
  const r = sel.getRangeAt(0)
  if (!root.contains(r.startContainer) || !root.contains(r.endContainer)) return null
  // the text before a boundary is exactly the document's text before it (the view holds text nodes and <mark>s only)
  const offsetOf = (node: Node, off: number): number => { const pre = document.createRange(); pre.selectNodeContents(root); pre.setEnd(node, off); return base + pre.toString().length }
  const start = offsetOf(r.startContainer, r.startOffset), end = offsetOf(r.endContainer, r.endOffset)
  return end > start ? { start, end } : null
}

/** "Same actor as…": merges this actor into another one, found by its name (retracting the merge on the Corrections page splits them again). */
export function mergeControl(actor: string): HTMLElement {
  const status = h('span', { class: 'correct-status', 'aria-live': 'polite' })
  const slot = h('span', {})
  const open = () => {
    const input = h('input', { name: 'into', placeholder: 'the other actor\'s name', 'aria-label': 'The actor this one is', autocomplete: 'off' })
    mount(slot, h('form', { class: 'correct-form inline', onsubmit: async (ev: Event) => {
      ev.preventDefault()
      const name = input.value.trim().toLowerCase()
      if (!name) return
      const { items } = await fetch(`/api/actors?q=${encodeURIComponent(name)}&limit=50`, { headers: savedToken() ? { authorization: `Bearer ${savedToken()}` } : {} }).then((r) => r.json()) as { items: { id: string; name: string; aliases: string[] }[] }
      const into = items.find((a) => a.id !== actor && a.name.toLowerCase() === name) ?? items.find((a) => a.id !== actor && a.aliases.some((x) => x.toLowerCase() === name))
      if (!into) { mount(status, h('span', { class: 'error', role: 'alert' }, 'No other actor has that name.')); return }
      void correct({ kind: 'actor.merge', actor, into: into.id }, status, () => { location.hash = `#/actor/${encodeURIComponent(into.id)}` })
    } }, input, h('button', { type: 'submit' }, 'Merge'), h('button', { type: 'button', onclick: () => mount(slot) }, 'Cancel')))
    input.focus()
  }
  return h('p', { class: 'small merge-actor' }, h('button', { type: 'button', class: 'linklike', title: 'Two actors here are one real actor: read this one as the other on every page', onclick: open }, 'Same actor as…'), slot, status)
}
