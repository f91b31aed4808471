import { api, docRoute } from '../api.js'
import { h, link } from '../dom.js'

interface Outlet { id: string; name: string; documents: number; words: number; tone?: number
  terms: { term: string; neutral: string; count: number; per_1000_words: number; evidence: { doc: string; start: number; end: number; text: string }[] }[] }

/** Outlet framing profiles side by side: loaded terms (with their neutral equivalents and evidence) and tone. */
export async function outletsView(): Promise<HTMLElement> {
  const list = await api<Outlet[]>('outlets')
  return h('section', {}, h('h1', {}, 'Outlets'),
    list.length ? h('div', { class: 'side-by-side outlets' }, list.map((o) => h('section', { class: 'outlet' },
      h('h2', {}, o.name), h('p', { class: 'muted' }, `${o.documents} pages · ${o.words} words`),
      o.tone != null ? h('p', {}, 'Tone ', h('meter', { min: -1, max: 1, value: o.tone, 'aria-label': `Tone ${o.tone.toFixed(2)}` }), ` ${o.tone.toFixed(2)}`) : null,
      o.terms.length ? h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Term'), h('th', {}, 'Neutral'), h('th', {}, 'per 1000 words'))),
        h('tbody', {}, o.terms.map((t) => h('tr', {}, h('td', {}, t.evidence[0] ? link(docRoute(t.evidence[0].doc, t.evidence[0]), t.term) : t.term), h('td', {}, t.neutral), h('td', {}, t.per_1000_words.toFixed(2))))))
        : h('p', { class: 'empty' }, 'No loaded terms found.')))) : h('p', { class: 'empty' }, 'No outlet profiles yet.'))
}
