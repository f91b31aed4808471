import type { EventRecord } from '../../doc/layers.js'
import type { ActorRecord } from '../../model/records.js'
import { corpusIndex, memo, type CorpusIndex } from '../../store/queries.js'
import type { Store } from '../../store/store.js'

/**
 * Event locations placed on the map: an event's location actor id (`location_actor`, when the events stage gives one)
 * is joined to that actor's `geo`; otherwise the location name is joined to an actor with `geo` by its name or an alias.
 */
export async function eventPlaces(store: Store, o: { limit: number; offset: number; unplacedLimit: number; unplacedOffset: number }) {
  const all = places(await corpusIndex(store))
  return {
    places: all.places.slice(o.offset, o.offset + o.limit), limit: o.limit, offset: o.offset,
    next_offset: o.offset + o.limit < all.places.length ? o.offset + o.limit : null, total: all.places.length,
    events: all.events,
    unplaced: all.unplaced.slice(o.unplacedOffset, o.unplacedOffset + o.unplacedLimit), unplaced_offset: o.unplacedOffset,
    unplaced_next_offset: o.unplacedOffset + o.unplacedLimit < all.unplaced.length ? o.unplacedOffset + o.unplacedLimit : null, unplaced_total: all.unplaced.length,
  }
}
const places = memo((ix: CorpusIndex) => {
  const byName = new Map<string, ActorRecord>()
  for (const a of ix.actors.values()) if (a.geo) for (const n of [a.name, ...a.aliases]) if (!byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), a)
  type Ev = { id: string; type: string; date: string | null; doc: string; outlet: string | null; reported_by: string | null; produced_by: EventRecord['produced_by'] | null }
  const byPlace = new Map<string, { name: string; actor: string; lat: number; lon: number; events: Ev[] }>()
  const unplaced = new Map<string, number>()
  for (const { event, doc } of ix.events.values()) {
    if (!event.location) continue
    const byId = (event as EventRecord & { readonly location_actor?: string | null }).location_actor
    const a = (byId ? ix.actors.get(byId) : undefined)?.geo ? ix.actors.get(byId!) : byName.get(event.location.toLowerCase())
    if (!a?.geo) { unplaced.set(event.location, (unplaced.get(event.location) ?? 0) + 1); continue }
    const p = byPlace.get(a.id) ?? { name: a.name, actor: a.id, lat: a.geo.lat, lon: a.geo.lon, events: [] }
    p.events.push({ id: event.id, type: event.type, date: event.date, doc: doc.id, outlet: doc.outlet, reported_by: event.reported_by ?? null, produced_by: event.produced_by ?? null }); byPlace.set(a.id, p)
  }
  return {
    places: [...byPlace.values()].sort((a, b) => b.events.length - a.events.length || a.name.localeCompare(b.name)).map((p) => ({ ...p, count: p.events.length, events: p.events.slice(0, 25) })),
    unplaced: [...unplaced].sort((a, b) => b[1] - a[1]).map(([location, count]) => ({ location, count })),
    events: [...byPlace.values()].reduce((n, p) => n + p.events.length, 0),
  }
})

