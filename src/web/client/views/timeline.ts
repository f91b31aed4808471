import type { ScaleTime } from 'd3'
import type { EventRow } from '../api.js'
import { fmtDate, h } from '../dom.js'
import { QUADS, quadLabel } from '../quad.js'

interface Item { key: string; id: string; date: Date; type: string; quad: EventRow['quad']; rows: EventRow[]; outlets: Set<string>; label: string }

/** One dot per real-world event: mentions of the same story event are merged, and the dot grows with its sources. */
function itemsOf(rows: readonly EventRow[]): { dated: Item[]; undated: EventRow[] } {
  const by = new Map<string, Item>()
  const undated: EventRow[] = []
  for (const r of rows) {
    if (!r.date) { undated.push(r); continue }
    const key = r.story_event ?? r.id
    const it = by.get(key) ?? { key, id: r.id, date: new Date(r.date.length === 4 ? `${r.date}-07-01` : r.date.length === 7 ? `${r.date}-15` : r.date.slice(0, 10)), type: r.type, quad: r.quad, rows: [], outlets: new Set<string>(), label: '' }
    it.rows.push(r); if (r.outlet) it.outlets.add(r.outlet)
    it.label = `${r.type}, ${r.date}: ${r.source_name ?? '?'} → ${r.target_name ?? '?'} (${it.outlets.size} outlet${it.outlets.size === 1 ? '' : 's'})`
    by.set(key, it)
  }
  return { dated: [...by.values()].sort((a, b) => +a.date - +b.date || a.key.localeCompare(b.key)), undated }
}

/**
 * A zoomable timeline (d3): one lane per cooperation/conflict class, one focusable dot per event.
 * Enter or click on a dot calls `onSelect` with one of its event ids. Wheel, pinch or the +/− buttons zoom.
 */
export function timeline(rows: readonly EventRow[], onSelect: (eventId: string) => void): HTMLElement {
  const { dated, undated } = itemsOf(rows)
  const wrap = h('div', { class: 'timeline' })
  if (!dated.length) { wrap.append(h('p', { class: 'empty' }, 'No dated events between these actors.')); return wrap }
  // drawn at the screen's own width so labels keep their size on a phone
  const W = Math.max(340, Math.min(900, innerWidth - 24)), lane = 46, M = { top: 10, right: 16, bottom: 28, left: W < 600 ? 92 : 150 }, H = M.top + lane * QUADS.length + M.bottom
  const svg = d3.create('svg').attr('viewBox', `0 0 ${W} ${H}`).attr('class', 'timeline-svg').attr('role', 'group').attr('aria-label', 'Timeline of events; use Tab to move between events')
  const ext = d3.extent(dated, (d) => d.date) as [Date, Date]
  const pad = Math.max(86400000 * 15, (+ext[1] - +ext[0]) * 0.05)
  const x0 = d3.scaleUtc().domain([new Date(+ext[0] - pad), new Date(+ext[1] + pad)]).range([M.left, W - M.right])
  const y = d3.scaleBand<string>().domain(QUADS.map((q) => q.key)).range([M.top, M.top + lane * QUADS.length]).padding(0.15)
  svg.append('g').attr('class', 'lanes').selectAll('g').data(QUADS).join('g').call((g) => {
    g.append('rect').attr('x', M.left).attr('width', W - M.left - M.right).attr('y', (q) => y(q.key)!).attr('height', y.bandwidth()).attr('class', (q) => `lane q-${q.key}`)
    g.append('text').attr('x', M.left - 8).attr('y', (q) => y(q.key)! + y.bandwidth() / 2).attr('dy', '0.35em').attr('text-anchor', 'end').attr('class', 'lane-label').text((q) => (W < 600 ? q.label.replace(' cooperation', ' coop.').replace(' conflict', ' confl.') : q.label))
  })
  const axis = svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - M.bottom})`)
  svg.append('clipPath').attr('id', 'tl-clip').append('rect').attr('x', M.left).attr('y', 0).attr('width', W - M.left - M.right).attr('height', H)
  const dots = svg.append('g').attr('clip-path', 'url(#tl-clip)').selectAll('circle').data(dated).join('circle')
    .attr('class', (d) => `dot q-${d.quad ?? 'none'}`).attr('r', (d) => 5 + 3 * Math.sqrt(d.outlets.size))
    .attr('cy', (d) => (y(d.quad ?? '') ?? M.top + y.bandwidth() / 2) + y.bandwidth() / 2)
    .attr('tabindex', 0).attr('role', 'button').attr('aria-label', (d) => d.label).attr('data-id', (d) => d.id).attr('data-story', (d) => d.rows[0].story_event).attr('data-sources', (d) => d.outlets.size)
    .on('click', (_e, d) => onSelect(d.id)).on('keydown', (e: KeyboardEvent, d) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onSelect(d.id) } })
  dots.append('title').text((d) => d.label)
  const draw = (x: ScaleTime<number, number>) => {
    dots.attr('cx', (d) => x(d.date))
    axis.call(d3.axisBottom(x).ticks(Math.min(10, Math.round(W / 90))))
  }
  const zoom = d3.zoom<SVGSVGElement, undefined>().scaleExtent([1, 200]).translateExtent([[M.left, 0], [W - M.right, H]]).extent([[M.left, 0], [W - M.right, H]])
    .on('zoom', (e) => draw(e.transform.rescaleX(x0)))
  svg.call(zoom)
  draw(x0)
  const btn = (label: string, text: string, f: () => void) => h('button', { type: 'button', 'aria-label': label, onclick: f }, text)
  wrap.append(
    h('div', { class: 'zoom-controls' }, btn('Zoom in', '+', () => svg.transition().call(zoom.scaleBy, 2)), btn('Zoom out', '−', () => svg.transition().call(zoom.scaleBy, 0.5)),
      btn('Reset zoom', 'Reset', () => svg.transition().call(zoom.transform, d3.zoomIdentity))),
    svg.node()!,
    h('details', { class: 'event-list' }, h('summary', {}, `All ${dated.length + undated.length} events as a list`),
      h('ol', {}, [...dated.map((d) => d.rows[0]), ...undated].map((r) => h('li', {},
        h('button', { type: 'button', class: 'linklike', 'data-id': r.id, onclick: () => onSelect(r.id) }, `${fmtDate(r.date)} · ${r.type} · ${r.source_name ?? '?'} → ${r.target_name ?? '?'}`),
        ' ', h('span', { class: 'muted' }, quadLabel(r.quad)))))))
  return wrap
}
