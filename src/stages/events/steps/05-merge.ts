import type { ActorRef, Entity, EventRecord } from '../../../doc/layers.js'
import { knownPlace } from '../places.js'
import { isSymmetric } from '../../../plover/index.js'
import { readingCache } from '../../../reading-caches.js'

/** What is supplied is part of an AID event's identity (drones one year, missiles the next). */
const item = (e: EventRecord): string => (e.type === 'AID' ? (e.trigger?.text.split(/\s+/).pop() ?? '') : '')
/** Modes that say how (phone, visit) beat modes that only say that (meeting, discuss). */
const GENERIC_MODES = new Set(['meeting', 'discuss', null])
const specific = (a: string | null, b: string | null): string | null => (GENERIC_MODES.has(a) && !GENERIC_MODES.has(b) ? b : a ?? b)

/** A capital or state body standing for its government is the same party as its country when repeats are merged (Moscow/Russia). */
let stateOf: ReadonlyMap<string, string> = new Map()
readingCache(() => { stateOf = new Map() })
const party = (r: ActorRef | null): string => {
  if (!r) return '-'
  const state = stateOf.get(r.actor)
  if (state) return `state:${state}`
  const p = knownPlace(r.name)
  return p && p.country && p.country !== r.name ? `country:${p.country}` : p ? `country:${r.name}` : r.actor
}
const key = (e: EventRecord): string => `${e.type}|${party(e.source_actor)}|${party(e.target_actor)}|${item(e)}`
const symKey = (e: EventRecord): string => `${e.type}|${party(e.target_actor)}|${party(e.source_actor)}|${item(e)}`
/** A sentence that gives an attack's toll is the telling that states it ("… killed 37 people"), not a passing reference ("the killing of X" is no toll). */
const TOLL_RE = /\b(?:killed|killing(?!\s+of\b)|dead|died|wounded|wounding|injured|injuring|martyrs|casualties|death\s+toll)\b/i
const tells = (e: EventRecord): boolean => e.type === 'ASSAULT' && TOLL_RE.test(e.evidence.text)
/** A telling that carries the act's own time expression (resolved or not), not a date borrowed from the publication or a meeting. */
const timed = (e: EventRecord): boolean => e.date_basis != null && e.date_basis !== 'publication' && e.date_basis !== 'context'
const DAYS: Record<string, number> = { day: 1, week: 7, month: 31, year: 366 }
/** Start and length in days of a dated event, for containment ("Monday" lies inside "this week"). */
const range = (e: EventRecord): [number, number] | null => (e.date ? [Date.parse(e.date.length === 4 ? `${e.date}-01-01` : e.date.length === 7 ? `${e.date}-01` : e.date), DAYS[e.date_precision ?? 'day'] * 864e5] : null)
/** Two dates can name one day: either is missing, or one range holds the other. */
function compatible(a: EventRecord, b: EventRecord): boolean {
  const x = range(a), y = range(b)
  if (!x || !y) return true
  return (x[0] <= y[0] && y[0] + y[1] <= x[0] + x[1]) || (y[0] <= x[0] && x[0] + x[1] <= y[0] + y[1])
}

/**
 * One real event told twice on a page is one event: same type and actors (either order for CONSULT, COOPERATE,
 * AGREE) and no conflicting day. The first telling is kept; it takes a date or location only the later one gives.
 */
export function mergeRepeats(events: readonly EventRecord[], entities: readonly Entity[] = []): EventRecord[] {
  // a state body (ministry, army, capital: code "RUS", "RUSGOV", "RUSMIL") is its state when repeats are merged; persons stay persons
  stateOf = new Map(entities.filter((e) => e.type !== 'PERSON' && /^[A-Z]{3}(?:GOV|MIL)?$/.test(e.code ?? '')).map((e) => [e.actor, e.code!.slice(0, 3)]))
  const out: EventRecord[] = []
  for (const e of events) {
    // an attack told again with its place but not its author ("the attack in X occurred as …") is the same attack
    const again = (o: EventRecord): boolean => e.type === 'ASSAULT' && o.type === 'ASSAULT' && !e.source_actor && !!e.location && e.location === o.location && (!e.target_actor || e.target_actor.actor === o.target_actor?.actor)
    // one sentence, one meeting: "visited X to meet Y" and "met Y for talks" name the same CONSULT
    const sameMeeting = (o: EventRecord): boolean => e.type === 'CONSULT' && o.type === 'CONSULT' && o.evidence.start === e.evidence.start && !!e.target_actor && party(o.target_actor) === party(e.target_actor)
    // an attack told without its victim by the same author is the attack already told ("Israel assassinated a man")
    const vague = (o: EventRecord): boolean => e.type === 'ASSAULT' && o.type === 'ASSAULT' && !e.target_actor && !!e.source_actor && party(o.source_actor) === party(e.source_actor)
    // an attack on the same victim with its author unknown in one telling is the same attack
    const sameVictim = (o: EventRecord): boolean => e.type === 'ASSAULT' && o.type === 'ASSAULT' && !!e.target_actor && party(o.target_actor) === party(e.target_actor) && (!e.source_actor || !o.source_actor)
    // an attack told with neither actors nor place ("41 people were killed in the attack") retells the latest attack
    const bare = (o: EventRecord): boolean => e.type === 'ASSAULT' && o.type === 'ASSAULT' && !e.source_actor && !e.target_actor && !e.location && o === out.filter((x) => x.type === 'ASSAULT').at(-1) && compatible(o, e)
    const i = out.findIndex((o) => again(o) || bare(o) || (sameVictim(o) && compatible(o, e)) || sameMeeting(o) || (vague(o) && compatible(o, e)) || (key(o) === key(e) || (isSymmetric(e.type) && key(o) === symKey(e))) && compatible(o, e) && (o.source_actor || o.target_actor || o.location === e.location))
    if (i < 0) { out.push(e); continue }
    const o = out[i]
    const finer = !o.date || (e.date && DAYS[e.date_precision ?? 'day'] < DAYS[o.date_precision ?? 'day']) ? e : o
    // an attack keeps, as its evidence, the sentence that tells it with its toll, failing that the one that gives its time
    // ("condemned the killing of X" then "… for the killing of X early Tuesday": the second dates it, also for other pages)
    const told = (!tells(o) && tells(e)) || (e.type === 'ASSAULT' && !tells(o) && !tells(e) && !timed(o) && timed(e)) ? { evidence: e.evidence, trigger: e.trigger } : {}
    out[i] = { ...o, ...told, source_actor: o.source_actor ?? e.source_actor, location_actor: o.location_actor ?? e.location_actor, date: finer.date, date_precision: finer.date_precision, date_basis: finer.date_basis, location: o.location ?? e.location, mode: specific(o.mode, e.mode) }
  }
  return out
}
