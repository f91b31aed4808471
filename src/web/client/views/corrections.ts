import { api, docRoute } from '../api.js'
import { analystName, retract, saveAnalystName } from '../correct.js'
import { fmtDate, h, link } from '../dom.js'

interface Row { type: string; reviewed: number; accepted: number; fixed: number; wrong: number; retyped: number; precision: number | null; missed: number }
interface Stats { types: Row[]; totals: Omit<Row, 'type'>; corrections: number; orphaned: number; documents_reviewed: number }
interface Item {
  id: string; kind: string; reason: string | null; author: string; via: string; created_at: string; retracted_at: string | null; retracted_by: string | null
  anchor: { doc: string; text: string | null; start: number | null; end: number | null } | null; after: unknown
  state: { status: 'attached' | 'orphaned' | 'retracted'; doc: string | null; fact: string | null; reason: string | null }
}

/** What each kind of correction does, in words. */
const KIND: Record<string, string> = {
  'event.accept': 'event right', 'event.wrong': 'event wrong', 'event.fix': 'event fixed', 'event.add': 'missed event added',
  'quote.speaker': 'speaker fixed', 'claim.wrong': 'claim wrong', 'document.reviewed': 'page reviewed', 'actor.merge': 'actors merged', 'actor.split': 'actor split off a page',
}
/** What a correction set, in words ("type PROTEST, target Iran"). */
const what = (after: unknown) => !after || typeof after !== 'object' ? '' : Object.entries(after as Record<string, unknown>)
  .filter(([k]) => k !== 'reviewed').map(([k, v]) => `${k.replace('_actor', '')} ${v == null ? 'none' : typeof v === 'object' ? String((v as { name?: unknown }).name ?? '') : String(v)}`).join(', ')

/** Why a correction no longer finds its fact, in words. */
const ORPHAN: Record<string, string> = { 'page-gone': 'the page is gone', 'span-gone': 'its sentence is not in the new version of the page', 'fact-gone': 'the machine no longer codes that fact there' }

const pct = (x: number | null) => (x == null ? '—' : `${Math.round(x * 100)}%`)

/** The machine against the analysts so far: per-type precision, then every correction (orphaned ones flagged), each with its undo. */
export async function correctionsView(): Promise<HTMLElement> {
  const [stats, list] = await Promise.all([api<Stats>('corrections/stats'), api<{ items: Item[]; total: number }>('corrections', { status: 'all', limit: 500 })])
  const status = h('div', { class: 'correct-status', 'aria-live': 'polite' })
  const name = h('input', { id: 'analyst', name: 'analyst', value: analystName() ?? '', placeholder: 'analyst', autocomplete: 'name' })
  const row = (t: Row | (Omit<Row, 'type'> & { type: string })) => h('tr', {}, h('th', { scope: 'row' }, t.type), h('td', { class: 'num' }, t.reviewed), h('td', { class: 'num' }, t.accepted),
    h('td', { class: 'num' }, t.fixed), h('td', { class: 'num' }, t.wrong, t.retyped ? h('span', { class: 'muted' }, ` (${t.retyped} retyped)`) : ''), h('td', { class: 'num precision' }, pct(t.precision)), h('td', { class: 'num' }, t.missed))
  return h('section', { class: 'corrections-view' },
    h('h1', {}, 'Corrections'),
    h('p', { class: 'muted' }, `${stats.corrections} correction${stats.corrections === 1 ? '' : 's'} in force, ${stats.orphaned} orphaned, ${stats.documents_reviewed} page${stats.documents_reviewed === 1 ? '' : 's'} reviewed. `,
      'Correct events on their cards, and pages beside their text; ', h('code', {}, 'dossier gold export --out DIR'), ' writes them as gold for ', h('code', {}, 'dossier eval'), '.'),
    h('form', { class: 'analyst-form', onsubmit: (e: Event) => { e.preventDefault(); saveAnalystName(name.value.trim()); status.textContent = 'Saved: corrections from this browser are recorded under that name.' } },
      h('label', { for: 'analyst' }, 'Your name (recorded with each correction) '), name, h('button', { type: 'submit' }, 'Save')),
    h('h2', {}, 'Precision of the machine\'s events, by type'),
    stats.types.length ? h('table', { class: 'precision-table' },
      h('caption', { class: 'small muted' }, 'Each machine event counts once, by its latest judgement; every uncorrected event of a reviewed page counts as accepted. Precision: (accepted + fixed) / reviewed.'),
      h('thead', {}, h('tr', {}, ['Type', 'Reviewed', 'Accepted', 'Fixed', 'Wrong', 'Precision', 'Missed'].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, stats.types.map(row)), h('tfoot', {}, row({ type: 'All', ...stats.totals })))
      : h('p', { class: 'empty' }, 'No event reviewed yet.'),
    h('h2', {}, `Every correction (${list.total})`), status,
    list.items.length ? h('ol', { class: 'correction-list' }, [...list.items].reverse().map((c) => h('li', { class: `st-${c.state.status}`, 'data-id': c.id },
      h('strong', {}, KIND[c.kind] ?? c.kind), what(c.after) ? h('span', { class: 'set' }, `: ${what(c.after)}`) : null, ' ', h('span', { class: `badge state-${c.state.status}` }, c.state.status),
      c.state.status === 'orphaned' ? h('span', { class: 'orphan-why' }, ` ${ORPHAN[c.state.reason ?? ''] ?? ''}`) : null,
      h('span', { class: 'muted' }, ` · ${c.author} · ${fmtDate(c.created_at)}`), c.reason ? h('span', {}, ` · “${c.reason}”`) : null,
      c.anchor?.text ? h('blockquote', { class: 'small' }, c.anchor.text.length > 200 ? c.anchor.text.slice(0, 198) + '…' : c.anchor.text) : null,
      c.state.doc || c.anchor ? link(docRoute(c.state.doc ?? c.anchor!.doc, c.state.doc && c.anchor?.start != null && c.anchor.end != null && c.state.doc === c.anchor.doc ? { start: c.anchor.start, end: c.anchor.end } : undefined), 'Open the page') : null,
      c.retracted_at ? h('span', { class: 'muted' }, ` · retracted by ${c.retracted_by ?? '?'}`) : [' ', h('button', { type: 'button', class: 'linklike undo', onclick: () => void retract(c.id, status) }, 'undo')])))
      : h('p', { class: 'empty' }, 'No correction yet.'))
}
