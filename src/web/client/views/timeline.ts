import type { ScaleTime } from 'd3'
import type { EventRow } from '../api.js'
import { actorName, append, fmtDated, h } from '../dom.js'
import { allegedBy, allegedText, producedBy } from '../provenance.js'
import { QUADS, quadLabel } from '../quad.js'

/** A story event's agreed date, from /api/timeline. */
export interface StoryDate { date: string | null; date_precision: string | null }
interface Item { key: string; id: string; date: Date; end: Date; precision: string; type: string; quad: EventRow['quad']; rows: EventRow[]; outlets: Set<string>; label: string; alleged: boolean }

/** Finer precisions first: an event's dot sits at the most precise date any of its reports gives. */
const PRECISION_RANK: Record<string, number> = { day: 0, week: 1, month: 2, year: 3 }
const rank = (r: EventRow) => PRECISION_RANK[r.date_precision ?? ''] ?? (r.date && r.date.length >= 10 ? 0 : r.date && r.date.length === 7 ? 2 : 3)

/** The period a date stands for: a day, the week it starts, its month or its year. */
function period(date: string, precision: string): [Date, Date] {
  const d = new Date(date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date.slice(0, 10))
  const end = new Date(d)
  if (precision === 'year' || date.length === 4) end.setUTCFullYear(end.getUTCFullYear() + 1)
  else if (precision === 'month' || date.length === 7) end.setUTCMonth(end.getUTCMonth() + 1)
  else end.setUTCDate(end.getUTCDate() + (precision === 'week' ? 7 : 1))
  return [d, end]
}

/** One item per real-world event: mentions of the same story event are merged, and the item grows with its outlets. */
function itemsOf(rows: readonly EventRow[], stories: Readonly<Record<string, StoryDate>>): { dated: Item[]; undated: EventRow[] } {
  const groups = new Map<string, EventRow[]>()
  for (const r of rows) groups.set(r.story_event ?? r.id, [...(groups.get(r.story_event ?? r.id) ?? []), r])
  const dated: Item[] = [], undated: EventRow[] = []
  for (const [key, rs] of groups) {
    const best = rs.filter((r) => r.date).sort((x, y) => rank(x) - rank(y) || (x.date_inferred ? 1 : 0) - (y.date_inferred ? 1 : 0))[0]
    // the story event's date (what its sources agree on) wins over any one report's
    const se = stories[key]
    if (!best && !se?.date) { undated.push(rs[0]); continue }
    const when = se?.date ?? best!.date!, precision = se?.date ? (se.date_precision ?? 'day') : ['day', 'week', 'month', 'year'][rank(best!)]
    const [date, end] = period(when, precision)
    const outlets = new Set(rs.map((r) => r.outlet).filter((o): o is string => !!o))
    const r0 = best ?? rs[0]
    // an event that every report only attributes to someone is that party's allegation, and its label says so
    const alleged = rs.every((r) => r.reported_by)
    const label = `${r0.type}, ${when}${precision === 'day' ? '' : ` (${precision})`}: ${actorName(r0.source_name)} → ${actorName(r0.target_name)} (${outlets.size} outlet${outlets.size === 1 ? '' : 's'})${alleged ? allegedText(rs.find((r) => r.reported_by)!) : ''}`
    dated.push({ key, id: r0.id, date, end, precision, type: r0.type, quad: r0.quad, rows: rs, outlets, label, alleged })
  }
  return { dated: dated.sort((a, b) => +a.date - +b.date || a.key.localeCompare(b.key)), undated }
}

/**
 * A zoomable timeline (d3): one lane per cooperation/conflict class, one focusable dot per event.
 * Enter or click on a dot calls `onSelect` with one of its event ids. Wheel, pinch or the +/− buttons zoom.
 */
export function timeline(rows: readonly EventRow[], onSelect: (eventId: string) => void, stories: Readonly<Record<string, StoryDate>> = {}): HTMLElement {
  const { dated, undated } = itemsOf(rows, stories)
  const wrap = h('div', { class: 'timeline' })
  if (!dated.length) { wrap.append(h('p', { class: 'empty' }, `No dated events between these actors${undated.length ? ` (${undated.length} undated)` : ''}.`)); return wrap }
  // drawn at the screen's own width so labels keep their size on a phone
  // events of one class on the same day stack in rows inside their lane; each lane is as tall as its highest stack
  const STEP = 24, stackOf = new Map<Item, number>(), rowsIn = new Map<string, number>(), seen = new Map<string, number>()
  for (const d of dated) {
    const k = `${d.quad}|${d.date.toISOString().slice(0, 10)}|${d.precision}`, i = seen.get(k) ?? 0
    seen.set(k, i + 1); stackOf.set(d, i); rowsIn.set(d.quad ?? '', Math.max(rowsIn.get(d.quad ?? '') ?? 0, i + 1))
  }
  const laneH = (q: string) => Math.max(40, 16 + STEP * (rowsIn.get(q) ?? 0))
  const W = Math.max(340, Math.min(900, innerWidth - 24)), M = { top: 10, right: 16, bottom: 28, left: W < 600 ? 92 : 150 }
  const laneTop = new Map<string, number>()
  let yAt = M.top
  for (const q of QUADS) { laneTop.set(q.key, yAt); yAt += laneH(q.key) + 4 }
  const H = yAt + M.bottom
  const svg = d3.create('svg').attr('viewBox', `0 0 ${W} ${H}`).attr('class', 'timeline-svg').attr('role', 'group').attr('aria-label', 'Timeline of events; use Tab to move between events')
  // the view opens on the precisely dated events; a week, month or year is drawn as a bar over its period
  const precise = dated.filter((d) => d.precision === 'day' || d.precision === 'week')
  const ext = d3.extent(precise.length ? precise : dated, (d) => d.date) as [Date, Date]
  const pad = Math.max(86400000 * 3, (+ext[1] - +ext[0]) * 0.08)
  const x0 = d3.scaleUtc().domain([new Date(+ext[0] - pad), new Date(+ext[1] + pad)]).range([M.left, W - M.right])
  svg.append('g').attr('class', 'lanes').selectAll('g').data(QUADS).join('g').call((g) => {
    g.append('rect').attr('x', M.left).attr('width', W - M.left - M.right).attr('y', (q) => laneTop.get(q.key)!).attr('height', (q) => laneH(q.key)).attr('class', (q) => `lane q-${q.key}`)
    g.append('text').attr('x', M.left - 8).attr('y', (q) => laneTop.get(q.key)! + laneH(q.key) / 2).attr('dy', '0.35em').attr('text-anchor', 'end').attr('class', 'lane-label').text((q) => (W < 600 ? q.label.replace(' cooperation', ' coop.').replace(' conflict', ' confl.') : q.label))
  })
  const axis = svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - M.bottom})`)
  svg.append('clipPath').attr('id', 'tl-clip').append('rect').attr('x', M.left).attr('y', 0).attr('width', W - M.left - M.right).attr('height', H)
  const cy = (d: Item) => (laneTop.get(d.quad ?? '') ?? M.top) + 8 + STEP / 2 + STEP * stackOf.get(d)! + (laneH(d.quad ?? '') - 16 - STEP * (rowsIn.get(d.quad ?? '') ?? 1)) / 2
  const g = svg.append('g').attr('clip-path', 'url(#tl-clip)')
  const bars = g.selectAll('rect.period').data(dated.filter((d) => d.precision !== 'day')).join('rect').attr('class', (d) => `period q-${d.quad ?? 'none'}`)
    .attr('y', (d) => cy(d) - 3).attr('height', 6).attr('rx', 3).attr('aria-hidden', 'true')
  const dots = g.selectAll('circle').data(dated).join('circle')
    .attr('class', (d) => `dot q-${d.quad ?? 'none'} p-${d.precision}${d.alleged ? ' alleged' : ''}`).attr('r', (d) => Math.min(11, 4 + 3 * Math.sqrt(d.outlets.size)))
    .attr('cy', cy)
    .attr('tabindex', 0).attr('role', 'button').attr('aria-label', (d) => d.label).attr('data-id', (d) => d.id).attr('data-story', (d) => d.rows[0].story_event).attr('data-sources', (d) => d.outlets.size)
    .on('click', (_e, d) => onSelect(d.id)).on('keydown', (e: KeyboardEvent, d) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onSelect(d.id) } })
  dots.append('title').text((d) => d.label)
  const draw = (x: ScaleTime<number, number>) => {
    // a dot sits mid-period (the day itself for a day); the bar shows how long the period is
    dots.attr('cx', (d) => (d.precision === 'day' ? x(d.date) : (x(d.date) + x(d.end)) / 2))
    bars.attr('x', (d) => x(d.date)).attr('width', (d) => Math.max(2, x(d.end) - x(d.date)))
    // whole days are labelled as dates, anything finer as times
    const days = (+x.domain()[1] - +x.domain()[0]) / 86400000, n = Math.min(10, Math.round(W / 90))
    axis.call(d3.axisBottom(x).ticks(days <= 60 ? d3.utcDay.every(Math.max(1, Math.ceil(days / n)))! : n).tickFormat((t) => (+t % 86400000 ? d3.utcFormat('%H:%M') : d3.utcFormat(W < 600 ? '%d %b' : '%a %d %b'))(t as Date)))
  }
  // zoom in no further than about two days across the view
  const zoom = d3.zoom<SVGSVGElement, undefined>().scaleExtent([1, Math.max(1, (+x0.domain()[1] - +x0.domain()[0]) / (2 * 86400000))]).translateExtent([[M.left, 0], [W - M.right, H]]).extent([[M.left, 0], [W - M.right, H]])
    .on('zoom', (e) => draw(e.transform.rescaleX(x0)))
  svg.call(zoom)
  draw(x0)
  const btn = (label: string, text: string, f: () => void) => h('button', { type: 'button', 'aria-label': label, onclick: f }, text)
  append(wrap, [
    h('p', { class: 'muted small tl-help' }, 'One dot per real-world event; bigger = more outlets report it; hollow = dated only to a week, month or year; dashed = only alleged by someone the pages quote. Scroll or use + / − to zoom; Tab and Enter open an event.'),
    h('div', { class: 'zoom-controls' }, btn('Zoom in', '+', () => svg.transition().call(zoom.scaleBy, 2)), btn('Zoom out', '−', () => svg.transition().call(zoom.scaleBy, 0.5)),
      btn('Reset zoom', 'Reset', () => svg.transition().call(zoom.transform, d3.zoomIdentity))),
    svg.node()!,
    undated.length ? h('p', { class: 'muted small' }, `${undated.length} event${undated.length === 1 ? ' has' : 's have'} no date and ${undated.length === 1 ? 'is' : 'are'} only in the list below.`) : null,
    h('details', { class: 'event-list' }, h('summary', {}, `All ${dated.length + undated.length} events as a list`),
      h('ol', {}, [...dated.map((d) => d.rows.find((r) => r.id === d.id)!), ...undated].map((r) => h('li', {},
        h('button', { type: 'button', class: 'linklike', 'data-id': r.id, onclick: () => onSelect(r.id) }, `${fmtDated(r.date, r.date_precision, r.date_inferred)} · ${r.type} · ${actorName(r.source_name)} → ${actorName(r.target_name)}`),
        ' ', h('span', { class: 'muted' }, quadLabel(r.quad)), r.reported_by ? [' ', allegedBy(r)] : null, r.produced_by ? [' ', producedBy(r)] : null))))])
  return wrap
}
