import { actorRoute, api, docRoute } from '../api.js'
import { fmtDate, h, highlight, link } from '../dom.js'

interface Hit { doc_id: string; title: string | null; outlet: string | null; published: string | null; date_inferred?: string | null; start: number; end: number; text: string; mention?: { start: number; end: number } }
interface Result { total: number; next_offset: number | null; items: Hit[]; facets: { outlet: { value: string; count: number }[]; year: { value: string; count: number }[] }
  actors?: { id: string; name: string; how: 'spelling' | 'sound' }[] }

const route = (p: Record<string, string | null>) => '#/search?' + new URLSearchParams(Object.entries(p).filter((e): e is [string, string] => !!e[1]))

/** Full-text search with outlet and year facets; hits are the sentences holding the match, grouped by page. */
export async function searchView(params: URLSearchParams): Promise<HTMLElement> {
  const q = params.get('q') ?? '', outlet = params.get('outlet'), year = params.get('year')
  const form = h('form', { role: 'search', class: 'search-form', onsubmit: (e: Event) => { e.preventDefault(); location.hash = route({ q: (e.target as HTMLFormElement).q.value }) } },
    h('label', { for: 'q', class: 'visually-hidden' }, 'Search the pages'), h('input', { id: 'q', name: 'q', type: 'search', value: q, placeholder: 'Search the pages…', autocomplete: 'off' }), h('button', { type: 'submit' }, 'Search'))
  if (!q.trim()) return h('section', {}, h('h1', {}, 'Search'), form)
  const r = await api<Result>('search', { q, outlet, year, limit: 100 })
  const needle = q.trim().toLowerCase()
  const facet = (name: 'outlet' | 'year', current: string | null) => h('fieldset', { class: 'facet' }, h('legend', {}, name === 'outlet' ? 'Outlet' : 'Year (published, else inferred)'),
    h('ul', {}, r.facets[name].map((f) => h('li', {}, link(route({ q, outlet, year, [name]: current === f.value ? null : f.value }), h('span', { 'aria-pressed': String(current === f.value), class: current === f.value ? 'on' : '' }, `${f.value} (${f.count})`))))))
  const byDoc = new Map<string, Hit[]>()
  for (const x of r.items) byDoc.set(x.doc_id, [...(byDoc.get(x.doc_id) ?? []), x])
  const marks = (x: Hit) => {
    const out = [], lower = x.text.toLowerCase()
    for (let i = lower.indexOf(needle); i >= 0 && needle; i = lower.indexOf(needle, i + needle.length)) out.push({ start: i, end: i + needle.length, cls: 'hl-match' })
    // a sentence found through the actor the needle names: its name as this page spells it
    if (x.mention) out.push({ start: x.mention.start - x.start, end: x.mention.end - x.start, cls: 'hl-match' })
    return out
  }
  const when = (x: Hit) => (x.published ? fmtDate(x.published) : x.date_inferred ? `undated (about ${x.date_inferred})` : 'undated')
  const actors = r.actors ?? []
  return h('section', { class: 'search' }, h('h1', {}, 'Search'), form,
    h('div', { class: 'search-body' }, h('aside', {}, facet('outlet', outlet), facet('year', year)),
      h('div', {}, actors.length ? h('p', { class: 'search-actors' }, 'Also the pages naming ', actors.map((a, i) => [i ? ', ' : '', link(actorRoute(a.id), a.name),
          h('span', { class: 'muted' }, a.how === 'spelling' ? ' (the same name spelled another way)' : ' (a name that sounds alike)')]), ', however they spell it.') : null,
        h('p', { class: 'muted' }, `${r.total} matching sentence${r.total === 1 ? '' : 's'} in ${byDoc.size} page${byDoc.size === 1 ? '' : 's'}${r.next_offset != null ? ' (first 100 shown)' : ''} · `,
          link('#/watchlists?' + new URLSearchParams({ words: q.trim(), name: q.trim(), ...(outlet ? { outlets: outlet } : {}) }), 'Watch this search'), ' (new pages that match, as a feed or a webhook)'),
        h('ol', { class: 'hits' }, [...byDoc.values()].map((hits) => h('li', { class: 'hit' },
          h('h2', {}, link(docRoute(hits[0].doc_id), hits[0].title ?? '(untitled)')), h('p', { class: 'muted small' }, `${hits[0].outlet ?? 'unknown outlet'} · ${when(hits[0])}`),
          h('ul', {}, hits.map((x) => h('li', {}, link(docRoute(x.doc_id, x), highlight(x.text, marks(x))))))))))))
}
