import { api, docRoute, eventRoute, type Actor, type EventRow, type ProducedBy } from '../api.js'
import { actorName, fmtDate, fmtDated, h, link } from '../dom.js'
import { producedBy, provenance } from '../provenance.js'
import { typeBadge } from '../quad.js'
import { mergeControl } from '../correct.js'

interface ActorPage {
  actor: Actor; events: EventRow[]; counterparts: { actor: string; name: string; events: number }[]
  quotes: { doc: string; outlet: string | null; title: string | null; published: string | null; id: string; start: number; end: number; text: string; produced_by?: ProducedBy | null }[]
  mentions: { doc: string; outlet: string | null; start: number; end: number; text: string }[]
  limit: number; offset: number; next_offset: number | null; totals: { quotes: number; events: number; mentions: number; counterparts: number }
}

/** How many items of each list an actor page shows at once. */
const PAGE = 100

/** Roles over time as bars on a shared time axis (d3); open-ended roles run to today. */
function rolesChart(roles: Actor['roles']): Element | null {
  const dated = roles.filter((r) => r.from || r.to)
  if (!dated.length) return null
  const W = 640, row = 26, M = { l: 180, r: 16, t: 6, b: 24 }, H = M.t + row * dated.length + M.b
  const day = (s: string | null, fallback: Date) => (s ? new Date(s) : fallback)
  const min = d3.min(dated, (r) => day(r.from, day(r.to, new Date())))!, max = d3.max(dated, (r) => day(r.to, new Date()))!
  const x = d3.scaleUtc().domain([min, max]).nice().range([M.l, W - M.r])
  const svg = d3.create('svg').attr('viewBox', `0 0 ${W} ${H}`).attr('class', 'roles-chart').attr('role', 'img').attr('aria-label', 'Roles over time')
  const g = svg.selectAll('g.role').data(dated).join('g').attr('class', 'role').attr('transform', (_r, i) => `translate(0,${M.t + i * row})`)
  g.append('text').attr('x', M.l - 8).attr('y', row / 2).attr('dy', '0.35em').attr('text-anchor', 'end').text((r) => r.title)
  g.append('rect').attr('x', (r) => x(day(r.from, min))).attr('y', 4).attr('height', row - 8)
    .attr('width', (r) => Math.max(3, x(day(r.to, new Date())) - x(day(r.from, min)))).attr('class', 'role-bar')
  svg.append('g').attr('transform', `translate(0,${H - M.b})`).call(d3.axisBottom(x).ticks(6))
  return svg.node()
}

/** An actor page: identity, aliases, dated roles, quotes, events and the actors it deals with most. */
export async function actorView(id: string, params: URLSearchParams = new URLSearchParams()): Promise<HTMLElement> {
  const offset = Number(params.get('offset') ?? 0) || 0
  const p = await api<ActorPage>(`actors/${encodeURIComponent(id)}`, { limit: PAGE, offset })
  // each list is paged alike: this page shows items [offset, offset + PAGE) of each
  const shown = (n: number, total: number) => total > n || offset > 0 ? ` · ${n ? `${offset + 1}–${offset + n}` : 'none'} of ${total} shown` : ''
  const pager = offset > 0 || p.next_offset != null ? h('p', { class: 'pager' },
    offset > 0 ? link(`#/actor/${encodeURIComponent(id)}?offset=${Math.max(0, offset - PAGE)}`, '← Previous') : null, ' ',
    p.next_offset != null ? link(`#/actor/${encodeURIComponent(id)}?offset=${p.next_offset}`, 'Next →') : null) : null
  const a = p.actor
  // one entry per real-world event: the reports of one story event are listed together
  const byStory = new Map<string, EventRow[]>()
  for (const e of p.events) byStory.set(e.story_event ?? e.id, [...(byStory.get(e.story_event ?? e.id) ?? []), e])
  const groups = [...byStory.values()]
  // the same words quoted by several outlets are shown once, with every outlet that carries them
  const byText = new Map<string, ActorPage['quotes']>()
  for (const q of p.quotes) byText.set(q.text, [...(byText.get(q.text) ?? []), q])
  const quotes = [...byText.values()].sort((x, y) => y.length - x.length)
  return h('article', { class: 'actor' },
    h('h1', {}, a.name),
    a.listed === false ? h('p', { class: 'muted' }, 'Named only as the pages describe it: not an actor of the knowledge base, so it has no roles or aliases.') : null,
    h('p', { class: 'meta' }, a.listed === false ? 'described' : a.type, a.affiliation ? ` · ${a.affiliation}` : '', a.code ? ` · ${a.code}` : '', ` · ${a.mentions ?? 0} mentions · ${a.events ?? 0} events`),
    a.aliases.length ? h('ul', { class: 'chips', 'aria-label': 'Aliases' }, a.aliases.map((x) => h('li', {}, x))) : null,
    h('p', { class: 'small' }, link('#/watchlists?' + new URLSearchParams({ actors: a.name, name: a.name }), 'Watch this actor'), h('span', { class: 'muted' }, ' (new events naming it, as a feed or a webhook)')),
    mergeControl(a.id),
    h('section', {}, h('h2', {}, 'Roles'), a.roles.length ? [rolesChart(a.roles), h('ul', {}, a.roles.map((r) => h('li', {}, `${r.title}: ${r.from ?? '?'} – ${r.to ?? 'now'}`)))] : h('p', { class: 'empty' }, 'No dated roles known.')),
    p.counterparts.length ? h('section', {}, h('h2', {}, 'Deals most with', h('span', { class: 'muted small' }, shown(Math.min(20, p.counterparts.length), p.totals.counterparts))), h('ul', { class: 'chips' }, p.counterparts.slice(0, 20).map((c) => h('li', {},
      link(`#/?a=${encodeURIComponent(a.id)}&b=${encodeURIComponent(c.actor)}`, `${c.name} (${c.events} events)`))))) : null,
    h('section', {}, h('h2', {}, `Events (${groups.length} real-world events, ${p.events.length} reports)`, h('span', { class: 'muted small' }, shown(p.events.length, p.totals.events))), groups.length ? h('ol', { class: 'events' }, groups.map((rs) => {
      const e = rs[0], outlets = [...new Set(rs.map((r) => r.outlet).filter(Boolean))]
      return h('li', {}, typeBadge(e.type, e.quad), ' ', link(eventRoute(e.id), `${fmtDated(e.date, e.date_precision, e.date_inferred)} · ${actorName(e.source_name)} → ${actorName(e.target_name)}`),
        h('span', { class: 'muted' }, ` · ${outlets.join(', ')}`), provenance(e), h('p', { class: 'evidence' }, e.text))
    })) : h('p', { class: 'empty' }, 'No events.')),
    h('section', {}, h('h2', {}, `Quotes (${quotes.length} distinct, ${p.quotes.length} reports)`, h('span', { class: 'muted small' }, shown(p.quotes.length, p.totals.quotes))), quotes.length ? quotes.map((qs) => h('figure', { class: 'quote' },
      h('blockquote', {}, qs[0].text), h('figcaption', {}, qs.map((q, i) => [i ? ' · ' : '', `${q.outlet ?? 'unknown outlet'}, ${fmtDate(q.published)} `, link(docRoute(q.doc, q), 'in context'), producedBy(q, 'quote') ? [' ', producedBy(q, 'quote')] : null])))) : h('p', { class: 'empty' }, 'No quotes attributed.')),
    pager)
}
