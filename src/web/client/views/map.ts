import { api, eventRoute, type Provenance } from '../api.js'
import { fmtDate, h, link, mount } from '../dom.js'
import { provenance } from '../provenance.js'

interface Places {
  places: { name: string; actor: string; lat: number; lon: number; count: number; events: ({ id: string; type: string; date: string | null; outlet: string | null } & Provenance)[] }[]
  unplaced: { location: string; count: number }[]
}

/** Event locations on world shapes bundled from world-atlas (no tiles, works offline). */
export async function mapView(): Promise<HTMLElement> {
  const [data, world] = await Promise.all([api<Places>('map'), fetch('/vendor/countries-110m.json').then((r) => r.json())])
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
    h('p', { class: 'muted' }, `${data.places.reduce((n, p) => n + p.count, 0)} event mentions at ${data.places.length} places with known coordinates. Select a place (Tab, Enter) to list its events.`),
    h('div', { class: 'map-layout' }, svg.node()!, detail),
    data.unplaced.length ? h('details', {}, h('summary', {}, `${data.unplaced.length} locations without coordinates`),
      h('ul', {}, data.unplaced.map((u) => h('li', {}, `${u.location} (${u.count})`)))) : null)
}
