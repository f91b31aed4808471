import { api, docRoute, type Contradiction } from '../api.js'
import { h, link } from '../dom.js'

/** One contradiction: every member's value and evidence side by side. */
export function contradictionBlock(c: Contradiction): HTMLElement {
  return h('div', { class: 'contradiction' },
    h('p', {}, h('strong', {}, c.description), ' ', h('span', { class: 'muted' }, `(${c.field})`)),
    h('div', { class: 'side-by-side' }, c.members.map((m) => h('div', { class: 'member' },
      h('p', { class: 'value' }, typeof m.value === 'string' ? m.value : JSON.stringify(m.value)),
      h('p', { class: 'muted' }, m.outlet ?? m.doc),
      h('blockquote', {}, h('mark', { class: 'hl-evidence' }, m.evidence.text)),
      link(docRoute(m.doc, m.evidence), 'Open in the page →')))))
}

/** The contradictions view. */
export async function contradictionsView(): Promise<HTMLElement> {
  const list = await api<Contradiction[]>('contradictions')
  return h('section', {}, h('h1', {}, 'Contradictions'),
    list.length ? list.map(contradictionBlock) : h('p', { class: 'empty' }, 'No contradictions found between the stored pages.'))
}
