import { api, eventRoute, type Provenance } from '../api.js'
import { fmtDate, h, link, mount } from '../dom.js'
import { provenance } from '../provenance.js'

interface Places {
  places: { name: string; actor: string; lat: number; lon: number; count: number; events: ({ id: string; type: string; date: string | null; outlet: string | null } & Provenance)[] }[]
  unplaced: { location: string; count: number }[]
  offset: number; next_offset: number | null; total: number; events: number; unplaced_total: number
}

/** How many places (most events first) and locations without coordinates the map shows at once. */
const PAGE = 500

/** Event locations on world shapes bundled from world-atlas (no tiles, works offline). */
export async function mapView(params: URLSearchParams = new URLSearchParams()): Promise<HTMLElement> {
  const offset = Number(params.get('offset') ?? 0) || 0
  const [data, world] = await Promise.all([api<Places>('map', { limit: PAGE, offset, unplaced_limit: PAGE }), fetch('/vendor/countries-110m.json').then((r) => r.json())])
  const W = 960, H = 500
  // frame the region where the events are (at least ~50° wide), not the whole world
  const lons = data.places.map((p) => p.lon), lats = data.places.map((p) => p.lat)
  const cx = ((d3.min(lons) ?? 0) + (d3.max(lons) ?? 0)) / 2, cyl = ((d3.min(lats) ?? 0) + (d3.max(lats) ?? 0)) / 2
  const half = Math.max(25, ((d3.max(lons) ?? 0) - (d3.min(lons) ?? 0)) / 2 + 10), halfLat = Math.max(14, ((d3.max(lats) ?? 0) - (d3.min(lats) ?? 0)) / 2 + 8)
  const frame = { type: 'MultiPoint', coordinates: [[cx - half, cyl - halfLat], [cx + half, cyl + halfLat], [cx - half, cyl + halfLat], [cx + half, cyl - halfLat]] }
  const projection = data.places.length ? d3.geoNaturalEarth1().fitExtent([[10, 10], [W - 10, H - 10]], frame as any) : d3.geoNaturalEarth1().fitSize([W, H], { type: 'Sphere' } as any)
  const path = d3.geoPath(projection)
  const svg = d3.create('svg').attr('viewBox', `0 0 ${W} ${H}`).attr('class', 'map-svg').attr('role', 'group').attr('aria-label', 'Map of event locations')
  svg.append('path').attr('class', 'sphere').attr('d', path({ type: 'Sphere' } as any))
  svg.append('g').selectAll('path').data((topojson.feature(world, world.objects.countries) as any).features).join('path').attr('class', 'country').attr('d', path as any)
  const detail = h('div', { class: 'place-detail', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Select a place to list its events.'))
  const show = (p: Places['places'][number]) => mount(detail, h('h2', {}, `${p.name} · ${p.count} events`),
    h('ul', {}, p.events.map((e) => h('li', {}, link(eventRoute(e.id), `${fmtDate(e.date)} · ${e.type}`), h('span', { class: 'muted' }, ` · ${e.outlet ?? 'unknown outlet'}`), provenance(e)))))
  const r = d3.scaleSqrt().domain([0, d3.max(data.places, (p) => p.count) ?? 1]).range([0, 22])
  svg.append('g').selectAll('circle').data(data.places).join('circle').attr('class', 'place')
    .attr('cx', (p) => projection([p.lon, p.lat])![0]).attr('cy', (p) => projection([p.lon, p.lat])![1]).attr('r', (p) => Math.max(4, r(p.count)))
    .attr('tabindex', 0).attr('role', 'button').attr('aria-label', (p) => `${p.name}: ${p.count} events`)
    .on('click', (_e, p) => show(p)).on('keydown', (e: KeyboardEvent, p) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); show(p) } })
    .append('title').text((p) => `${p.name}: ${p.count} events`)
  svg.append('g').selectAll('text').data(data.places).join('text').attr('class', 'place-label').attr('aria-hidden', 'true')
    .attr('x', (p) => projection([p.lon, p.lat])![0] + Math.max(4, r(p.count)) + 4).attr('y', (p) => projection([p.lon, p.lat])![1]).attr('dy', '0.35em')
    .text((p) => `${p.name} (${p.count})`)
  return h('section', {}, h('h1', {}, 'Where events happened'),
    h('p', { class: 'muted' }, `${data.events} event mentions at ${data.total} places with known coordinates${data.total > data.places.length ? ` (places ${offset + 1}–${offset + data.places.length}, most events first, shown)` : ''}. Select a place (Tab, Enter) to list its events.`),
    offset > 0 || data.next_offset != null ? h('p', { class: 'pager' }, offset > 0 ? link(`#/map?offset=${Math.max(0, offset - PAGE)}`, '← Previous places') : null, ' ',
      data.next_offset != null ? link(`#/map?offset=${data.next_offset}`, 'Next places →') : null) : null,
    h('div', { class: 'map-layout' }, svg.node()!, detail),
    data.unplaced.length ? h('details', {}, h('summary', {}, `${data.unplaced_total} locations without coordinates${data.unplaced_total > data.unplaced.length ? ` (the ${data.unplaced.length} most frequent listed)` : ''}`),
      h('ul', {}, data.unplaced.map((u) => h('li', {}, `${u.location} (${u.count})`)))) : null)
}
