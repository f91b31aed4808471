import { api, docRoute, type Page } from '../api.js'
import { fmtDate, h, langAttrs, link } from '../dom.js'

interface Summary { id: string; status: 'ok' | 'rejected'; reason: string | null; title: string | null; outlet: string | null; published: string | null; copy_of: string | null; path: string | null; language?: string | null }

/** All stored pages, the rejected ones with the reason they were set aside. */
export async function documentsView(params: URLSearchParams): Promise<HTMLElement> {
  const offset = Number(params.get('offset') ?? 0) || 0
  const page = await api<Page<Summary>>('documents', { status: 'all', limit: 100, offset })
  return h('section', {}, h('h1', {}, 'Documents'),
    h('table', { class: 'docs' }, h('thead', {}, h('tr', {}, h('th', {}, 'Title'), h('th', {}, 'Outlet'), h('th', {}, 'Published'), h('th', {}, 'Language'), h('th', {}, 'Status'))),
      h('tbody', {}, page.items.map((d) => h('tr', { class: d.status === 'rejected' ? 'rejected' : '' },
        h('td', d.status === 'ok' && d.title ? langAttrs(d.language) : {}, d.status === 'ok' ? link(docRoute(d.id), d.title ?? '(untitled)') : (d.path ?? d.id)),
        h('td', {}, d.outlet ?? '—', d.copy_of ? h('span', { class: 'badge copy' }, `copy of ${d.copy_of}`) : null), h('td', {}, fmtDate(d.published)),
        h('td', { class: 'lang' }, d.language ?? '—'),
        h('td', {}, d.status === 'ok' ? 'ok' : `rejected: ${d.reason ?? ''}`))))),
    h('p', { class: 'pager' }, offset > 0 ? link(`#/documents?offset=${Math.max(0, offset - 100)}`, '← Previous') : null, ' ',
      page.next_offset != null ? link(`#/documents?offset=${page.next_offset}`, 'Next →') : null))
}
