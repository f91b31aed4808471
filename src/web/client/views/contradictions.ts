import { api, docRoute, type Contradiction, type Page } from '../api.js'
import { h, link } from '../dom.js'

interface ClaimGroup {
  unit: string; claim_count: number; values: { value: number; docs: number; outlets: string[] }[]
  claims: { id: string; doc: string; outlet: string | null; title: string | null; copy: boolean; what: string; value: number; qualifier: string | null; unit: string; evidence: { start: number; end: number; text: string } }[]
}

/** What a contradiction is about, in words (the record's field is a code: `date`, `source_actor`, `claim:killed`). */
const fieldLabel = (field: string) => field === 'date' ? 'the day of the act' : field === 'source_actor' ? 'who acted' : field.startsWith('claim:') ? 'figures' : field.replace(/[_:]/g, ' ')

/** One contradiction: every member's value and evidence side by side. */
export function contradictionBlock(c: Contradiction): HTMLElement {
  return h('div', { class: 'contradiction' },
    h('p', {}, h('strong', {}, c.description), ' ', h('span', { class: 'muted' }, `(${fieldLabel(c.field)})`)),
    h('div', { class: 'side-by-side' }, c.members.map((m) => h('div', { class: 'member' },
      // a figure keeps its qualifier ("at least 37"): the reader sees what each page claims
      h('p', { class: 'value' }, `${m.qualifier ? m.qualifier + ' ' : ''}${typeof m.value === 'string' ? m.value : JSON.stringify(m.value)}`),
      h('p', { class: 'muted' }, m.outlet ?? m.title ?? 'unknown outlet'),
      h('blockquote', {}, h('mark', { class: 'hl-evidence' }, m.evidence.text)),
      link(docRoute(m.doc, m.evidence), 'Open in the page →')))))
}

/** The numeric claims of one unit: its distinct values with the outlets giving each, then every claim with its sentence. */
function claimGroup(g: ClaimGroup): HTMLElement {
  return h('section', { class: 'claim-group' },
    h('h3', {}, `Counted in “${g.unit}”: `, g.values.map((v, i) => [i ? ' · ' : '', h('strong', {}, String(v.value)), h('span', { class: 'muted' }, ` (${v.docs} page${v.docs === 1 ? '' : 's'})`)])),
    g.claim_count > g.claims.length ? h('p', { class: 'muted small' }, `${g.claim_count} claims; the first ${g.claims.length}, smallest value first, are listed.`) : null,
    h('table', { class: 'claims-table' }, h('thead', {}, h('tr', {}, h('th', {}, 'Value'), h('th', {}, 'Outlet'), h('th', {}, 'Sentence'))),
      h('tbody', {}, g.claims.map((c) => h('tr', {},
        h('td', { class: 'value' }, `${c.qualifier ? c.qualifier + ' ' : ''}${c.value}`),
        h('td', {}, c.outlet ?? 'unknown outlet', c.copy ? h('span', { class: 'badge copy' }, 'copy') : null),
        h('td', {}, link(docRoute(c.doc, c.evidence), c.evidence.text)))))))
}

/** Units of numeric claims a page of the view lists (largest first), and claims listed per unit (`claim_count` gives them all). */
const UNITS = 20, PER_UNIT = 50

/** Contradictions the corpus analysis found; below them, the numeric claims by unit (a page of units at a time) so figures can be compared. */
export async function contradictionsView(params: URLSearchParams = new URLSearchParams()): Promise<HTMLElement> {
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0)
  const [{ items: list }, claims] = await Promise.all([api<Page<Contradiction>>('contradictions', { limit: 500 }),
    api<Page<ClaimGroup> & { total: number }>('claims', { limit: UNITS, offset, per_unit: PER_UNIT })])
  const units = claims.items
  const pager = offset > 0 || claims.next_offset != null ? h('p', { class: 'pager' }, offset > 0 ? link(`#/contradictions?offset=${Math.max(0, offset - UNITS)}`, '← Previous units') : null, ' ',
    claims.next_offset != null ? link(`#/contradictions?offset=${claims.next_offset}`, 'Next units →') : null) : null
  return h('section', { class: 'contradictions' }, h('h1', {}, 'Contradictions'),
    h('p', { class: 'small' }, link('#/watchlists?contradictions=1&name=New+contradictions', 'Watch for new contradictions'), h('span', { class: 'muted' }, ' (as a feed or a webhook)')),
    list.length ? list.map(contradictionBlock)
      : h('p', { class: 'empty' }, 'The corpus analysis found no contradictions between the stored pages.'),
    h('h2', {}, `Numeric claims (${claims.total} unit${claims.total === 1 ? '' : 's'})`),
    units.length ? [h('p', { class: 'muted' }, 'Every number the pages give, grouped by what it counts, with the sentence it comes from. Dossier adds no verdict here: compare the values yourself.',
      claims.total > units.length ? ` Units ${offset + 1}–${offset + units.length} of ${claims.total}, those with the most claims first; at most ${PER_UNIT} claims of each are listed.` : ''),
      units.map(claimGroup), pager] : h('p', { class: 'empty' }, 'No numeric claims were found.'))
}
