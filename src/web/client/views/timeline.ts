import type { NumberValue, ScaleTime, TimeInterval } from 'd3'
import type { EventRow } from '../api.js'
import { actorName, append, fmtDated, h, mount } from '../dom.js'
import { allegedBy, allegedText, codedText, producedBy } from '../provenance.js'
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

const DAY = 86400000
/** A date as the axis and the status line write it: "12 Nov 2024". */
const dateLabel = (d: Date) => d3.utcFormat('%d %b %Y')(d)

/** About `n` ticks over the domain at a calendar step (hours, days, months or years), never more than `n`. */
export function axisTicks([a, b]: [Date, Date], n: number): Date[] {
  const span = +b - +a
  const steps: [number, () => TimeInterval | null][] = [
    [DAY / 4, () => d3.utcHour.every(6)], [DAY / 2, () => d3.utcHour.every(12)],
    // every k-th day counted from a fixed day (d3's utcDay.every restarts each month: "31 Oct", "01 Nov" side by side)
    ...[1, 2, 3].map((k): [number, () => TimeInterval | null] => [k * DAY, () => d3.utcDay.filter((d) => Math.round(+d / DAY) % k === 0)]),
    [7 * DAY, () => d3.utcMonday], [14 * DAY, () => d3.utcMonday.filter((d) => Math.round(+d / (7 * DAY)) % 2 === 0)],
    ...[1, 2, 3, 6].map((k): [number, () => TimeInterval | null] => [k * 30 * DAY, () => d3.utcMonth.every(k)]),
  ]
  for (const [size, every] of steps) if (span / size <= n) return every()!.range(a, b)
  const years = Math.max(1, Math.ceil(span / (365 * DAY) / n))
  return d3.utcYear.every(years)!.range(a, b)
}

/**
 * Labels for a set of ticks, as coarse as their step: times of day, days ("12 Nov"), months ("Mar") or years; the
 * year is written on the first tick and wherever it changes, so every view says which year it shows.
 */
export function tickLabels(ticks: readonly Date[]): (t: Date | NumberValue, i: number) => string {
  const step = ticks.length > 1 ? +ticks[1] - +ticks[0] : DAY
  const fmt = step >= 360 * DAY ? d3.utcFormat('%Y') : step >= 28 * DAY ? d3.utcFormat('%b') : step >= DAY ? d3.utcFormat('%d %b') : d3.utcFormat('%H:%M')
  const day = d3.utcFormat('%d %b')
  return (t, i) => {
    const d = t as Date, prev = i > 0 ? ticks[i - 1] : null
    if (step >= 360 * DAY) return fmt(d)
    // below a day, midnight ticks name their day
    const label = step < DAY && !(+d % DAY) ? day(d) : fmt(d)
    return !prev || prev.getUTCFullYear() !== d.getUTCFullYear() ? `${label} ${d.getUTCFullYear()}` : label
  }
}

/** An event of the list: its date, type and actors, as a button that opens its card. */
const eventButton = (r: EventRow, onSelect: (eventId: string) => void) => [
  h('button', { type: 'button', class: 'linklike', 'data-id': r.id, onclick: () => onSelect(r.id) }, `${fmtDated(r.date, r.date_precision, r.date_inferred)} · ${r.type} · ${actorName(r.source_name)} → ${actorName(r.target_name)}`),
  ' ', h('span', { class: 'muted' }, quadLabel(r.quad)), r.reported_by ? [' ', allegedBy(r)] : null, r.produced_by ? [' ', producedBy(r)] : null]

/** The events no page dates, with their count: they cannot sit on the axis, so they are listed under it. */
const undatedList = (undated: readonly EventRow[], onSelect: (eventId: string) => void) => undated.length
  ? h('section', { class: 'undated' }, h('h3', {}, `Undated events (${undated.length})`),
    h('p', { class: 'muted small' }, `${undated.length === 1 ? 'This event has' : 'These events have'} no date on any page, so ${undated.length === 1 ? 'it is' : 'they are'} not on the timeline.`),
    h('ul', {}, undated.map((r) => h('li', {}, eventButton(r, onSelect)))))
  : null

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
    const label = `${r0.type}, ${when}${precision === 'day' ? '' : ` (${precision})`}: ${actorName(r0.source_name)} → ${actorName(r0.target_name)} (${outlets.size} outlet${outlets.size === 1 ? '' : 's'})${alleged ? allegedText(rs.find((r) => r.reported_by)!) : ''}${codedText(r0)}`
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
  if (!dated.length) { append(wrap, [h('p', { class: 'empty' }, `No dated events between these actors${undated.length ? ` (${undated.length} undated)` : ''}.`), undatedList(undated, onSelect)]); return wrap }
  // drawn at the screen's own width so labels keep their size on a phone
  // events of one class on the same day stack in rows inside their lane; each lane is as tall as its highest stack
  const STEP = 24, stackOf = new Map<Item, number>(), rowsIn = new Map<string, number>(), seen = new Map<string, number>()
  for (const d of dated) {
    const k = `${d.quad}|${d.date.toISOString().slice(0, 10)}|${d.precision}`, i = seen.get(k) ?? 0
    seen.set(k, i + 1); stackOf.set(d, i); rowsIn.set(d.quad ?? '', Math.max(rowsIn.get(d.quad ?? '') ?? 0, i + 1))
  }
  const laneH = (q: string) => Math.max(40, 16 + STEP * (rowsIn.get(q) ?? 0))
  // the width it is shown at, so text keeps its size: beside the event card (3/5 of main, style.css) on a wide screen
  const shown = innerWidth > 760 ? (Math.min(innerWidth, 1200) - 48) * 0.6 : innerWidth - 24
  const W = Math.max(340, Math.min(900, shown)), M = { top: 10, right: 16, bottom: 28, left: W < 600 ? 92 : 150 }
  const laneTop = new Map<string, number>()
  let yAt = M.top
  for (const q of QUADS) { laneTop.set(q.key, yAt); yAt += laneH(q.key) + 4 }
  const H = yAt + M.bottom
  const svg = d3.create('svg').attr('viewBox', `0 0 ${W} ${H}`).attr('class', 'timeline-svg').attr('role', 'group').attr('aria-label', 'Timeline of events; use Tab to move between events')
  // the scale at zoom 1 spans every dated event (a year or a month reaches as far as its period), so zooming out
  // reaches all of them; the view opens on the precisely dated ones, and "Whole range" shows everything
  const precise = dated.filter((d) => d.precision === 'day' || d.precision === 'week')
  const padded = (a: number, b: number): [Date, Date] => { const pad = Math.max(86400000 * 3, (b - a) * 0.08); return [new Date(a - pad), new Date(b + pad)] }
  const whole = padded(+d3.min(dated, (d) => d.date)!, +d3.max(dated, (d) => (d.precision === 'day' ? d.date : d.end))!)
  const open = precise.length ? padded(+d3.min(precise, (d) => d.date)!, +d3.max(precise, (d) => d.date)!) : whole
  const x0 = d3.scaleUtc().domain(whole).range([M.left, W - M.right])
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
    const domain = x.domain() as [Date, Date]
    const ticks = axisTicks(domain, Math.max(2, Math.floor((W - M.left - M.right) / (W < 600 ? 64 : 84))))
    axis.call(d3.axisBottom(x).tickValues(ticks).tickFormat(tickLabels(ticks)))
    // how many dated events the view holds, so none is out of sight unannounced
    const inView = dated.filter((d) => +d.end > +domain[0] && +d.date < +domain[1]).length
    mount(status, inView === dated.length ? `All ${dated.length} dated events in view.`
      : [`${inView} of ${dated.length} dated events in view (${dateLabel(domain[0])} – ${dateLabel(domain[1])}). `, btn('Show every dated event', 'Whole range', showAll)])
  }
  // zoom out to the whole range, in to about two days across the view
  const zoom = d3.zoom<SVGSVGElement, undefined>().scaleExtent([1, Math.max(1, (+whole[1] - +whole[0]) / (2 * 86400000))]).translateExtent([[M.left, 0], [W - M.right, H]]).extent([[M.left, 0], [W - M.right, H]])
    .on('zoom', (e) => draw(e.transform.rescaleX(x0)))
  // the opening view as a zoom transform of the whole range
  const k = (+whole[1] - +whole[0]) / Math.max(1, +open[1] - +open[0])
  const openAt = d3.zoomIdentity.translate(M.left - k * x0(open[0]), 0).scale(k)
  const status = h('p', { class: 'muted small tl-status', 'aria-live': 'polite' })
  const btn = (label: string, text: string, f: () => void) => h('button', { type: 'button', 'aria-label': label, onclick: f }, text)
  const showAll = () => svg.transition().call(zoom.transform, d3.zoomIdentity)
  svg.call(zoom)
  svg.call(zoom.transform, openAt)
  append(wrap, [
    h('p', { class: 'muted small tl-help' }, 'One dot per real-world event; bigger = more outlets report it; hollow = dated only to a week, month or year; dashed = only alleged by someone the pages quote. Scroll or use + / − to zoom; Tab and Enter open an event.'),
    h('div', { class: 'zoom-controls' }, btn('Zoom in', '+', () => svg.transition().call(zoom.scaleBy, 2)), btn('Zoom out', '−', () => svg.transition().call(zoom.scaleBy, 0.5)),
      btn('Back to the opening view', 'Reset', () => svg.transition().call(zoom.transform, openAt)), btn('Show every dated event', 'Whole range', showAll)),
    svg.node()!, status,
    undatedList(undated, onSelect),
    h('details', { class: 'event-list' }, h('summary', {}, `All ${dated.length + undated.length} events as a list (${dated.length} dated, ${undated.length} undated)`),
      h('ol', {}, [...dated.map((d) => d.rows.find((r) => r.id === d.id)!), ...undated].map((r) => h('li', {}, eventButton(r, onSelect)))))])
  return wrap
}
