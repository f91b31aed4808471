import { api, eventRoute } from '../api.js'
import { fmtDate, h, link, mount } from '../dom.js'

interface Places {
  places: { name: string; actor: string; lat: number; lon: number; count: number; events: { id: string; type: string; date: string | null; outlet: string | null }[] }[]
  unplaced: { location: string; count: number }[]
}

/** Event locations on world shapes bundled from world-atlas (no tiles, works offline). */
export async function mapView(): Promise<HTMLElement> {
  const [data, world] = await Promise.all([api<Places>('map'), fetch('/vendor/countries-110m.json').then((r) => r.json())])
  const W = 960, H = 500
  const projection = d3.geoNaturalEarth1().fitSize([W, H], { type: 'Sphere' } as any)
  const path = d3.geoPath(projection)
  const svg = d3.create('svg').attr('viewBox', `0 0 ${W} ${H}`).attr('class', 'map-svg').attr('role', 'group').attr('aria-label', 'Map of event locations')
  svg.append('path').attr('class', 'sphere').attr('d', path({ type: 'Sphere' } as any))
  svg.append('g').selectAll('path').data((topojson.feature(world, world.objects.countries) as any).features).join('path').attr('class', 'country').attr('d', path as any)
  const detail = h('div', { class: 'place-detail', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Select a place to list its events.'))
  const show = (p: Places['places'][number]) => mount(detail, h('h2', {}, `${p.name} · ${p.count} events`),
    h('ul', {}, p.events.map((e) => h('li', {}, link(eventRoute(e.id), `${fmtDate(e.date)} · ${e.type}`), h('span', { class: 'muted' }, ` · ${e.outlet ?? ''}`)))))
  const r = d3.scaleSqrt().domain([0, d3.max(data.places, (p) => p.count) ?? 1]).range([0, 22])
  svg.append('g').selectAll('circle').data(data.places).join('circle').attr('class', 'place')
    .attr('cx', (p) => projection([p.lon, p.lat])![0]).attr('cy', (p) => projection([p.lon, p.lat])![1]).attr('r', (p) => Math.max(4, r(p.count)))
    .attr('tabindex', 0).attr('role', 'button').attr('aria-label', (p) => `${p.name}: ${p.count} events`)
    .on('click', (_e, p) => show(p)).on('keydown', (e: KeyboardEvent, p) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); show(p) } })
    .append('title').text((p) => `${p.name}: ${p.count} events`)
  return h('section', {}, h('h1', {}, 'Where events happened'), svg.node()!, detail,
    data.unplaced.length ? h('details', {}, h('summary', {}, `${data.unplaced.length} locations without coordinates`),
      h('ul', {}, data.unplaced.map((u) => h('li', {}, `${u.location} (${u.count})`)))) : null)
}
