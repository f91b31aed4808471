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
    h('table', { class: 'claims-table' }, h('thead', {}, h('tr', {}, h('th', {}, 'Value'), h('th', {}, 'Outlet'), h('th', {}, 'Sentence'))),
      h('tbody', {}, g.claims.map((c) => h('tr', {},
        h('td', { class: 'value' }, `${c.qualifier ? c.qualifier + ' ' : ''}${c.value}`),
        h('td', {}, c.outlet ?? 'unknown outlet', c.copy ? h('span', { class: 'badge copy' }, 'copy') : null),
        h('td', {}, link(docRoute(c.doc, c.evidence), c.evidence.text)))))))
}

/** Contradictions the corpus analysis found; below them, every numeric claim by unit so figures can be compared. */
export async function contradictionsView(): Promise<HTMLElement> {
  // the largest pages the API gives (500 contradictions, 500 units of at most 500 claims each)
  const [{ items: list }, { items: claims }] = await Promise.all([api<Page<Contradiction>>('contradictions', { limit: 500 }), api<Page<ClaimGroup>>('claims', { limit: 500, per_unit: 500 })])
  return h('section', { class: 'contradictions' }, h('h1', {}, 'Contradictions'),
    h('p', { class: 'small' }, link('#/watchlists?contradictions=1&name=New+contradictions', 'Watch for new contradictions'), h('span', { class: 'muted' }, ' (as a feed or a webhook)')),
    list.length ? list.map(contradictionBlock)
      : h('p', { class: 'empty' }, 'The corpus analysis found no contradictions between the stored pages.'),
    h('h2', {}, `Numeric claims (${claims.reduce((n, g) => n + g.claim_count, 0)})`),
    claims.length ? [h('p', { class: 'muted' }, 'Every number the pages give, grouped by what it counts, with the sentence it comes from. Dossier adds no verdict here: compare the values yourself.'),
      claims.map(claimGroup)] : h('p', { class: 'empty' }, 'No numeric claims were found.'))
}
