import { api, docRoute } from '../api.js'
import { fmtDate, h, highlight, link } from '../dom.js'

interface Result { total: number; next_offset: number | null; items: { doc_id: string; title: string | null; outlet: string | null; published: string | null; start: number; end: number; text: string }[]
  facets: { outlet: { value: string; count: number }[]; year: { value: string; count: number }[] } }

const route = (p: Record<string, string | null>) => '#/search?' + new URLSearchParams(Object.entries(p).filter((e): e is [string, string] => !!e[1]))

/** Full-text search with outlet and year facets; each hit is the sentence holding the match. */
export async function searchView(params: URLSearchParams): Promise<HTMLElement> {
  const q = params.get('q') ?? '', outlet = params.get('outlet'), year = params.get('year')
  const form = h('form', { role: 'search', class: 'search-form', onsubmit: (e: Event) => { e.preventDefault(); location.hash = route({ q: (e.target as HTMLFormElement).q.value }) } },
    h('label', { for: 'q', class: 'visually-hidden' }, 'Search the pages'), h('input', { id: 'q', name: 'q', type: 'search', value: q, placeholder: 'Search the pages…', autocomplete: 'off' }), h('button', { type: 'submit' }, 'Search'))
  if (!q.trim()) return h('section', {}, h('h1', {}, 'Search'), form)
  const r = await api<Result>('search', { q, outlet, year, limit: 100 })
  const needle = q.trim().toLowerCase()
  const facet = (name: 'outlet' | 'year', current: string | null) => h('fieldset', { class: 'facet' }, h('legend', {}, name === 'outlet' ? 'Outlet' : 'Year'),
    h('ul', {}, r.facets[name].map((f) => h('li', {}, link(route({ q, outlet, year, [name]: current === f.value ? null : f.value }), h('span', { 'aria-pressed': String(current === f.value), class: current === f.value ? 'on' : '' }, `${f.value} (${f.count})`))))))
  return h('section', { class: 'search' }, h('h1', {}, 'Search'), form,
    h('div', { class: 'search-body' }, h('aside', {}, facet('outlet', outlet), facet('year', year)),
      h('div', {}, h('p', { class: 'muted' }, `${r.total} matching sentences`), h('ol', { class: 'hits' }, r.items.map((x) => {
        const i = x.text.toLowerCase().indexOf(needle)
        return h('li', {}, link(docRoute(x.doc_id, x), x.title ?? x.doc_id), h('span', { class: 'muted' }, ` · ${x.outlet ?? ''} · ${fmtDate(x.published)}`),
          h('p', {}, i >= 0 ? highlight(x.text, [{ start: i, end: i + needle.length, cls: 'hl-match' }]) : x.text))
      })))))
}
