import type { EntityType } from '../doc/layers.js'
import { CITY_NAME_STOPLIST } from './kb.data.js'
import { buildCountries } from './countries.js'
import type { KbRecords, SourcedRecord } from './read.js'
import type { KbActor, KbOffice, KbRole } from './types.js'
import type { KbProblem } from './validate.js'

/** A state-body template from bodies.jsonl. */
export interface BodyTemplate { readonly template: string; readonly name: string; readonly heads: readonly string[]; readonly code: string }

/** Everything the index is built from. */
export interface KbParts {
  readonly actors: Map<string, KbActor & { rank: number }>
  readonly offices: Map<string, KbOffice>
  readonly templates: Map<string, BodyTemplate>
  /** curated body per `${iso}:${template}` */
  readonly bodies: Map<string, string>
  /** city names curated records claimed (the cache loses them) */
  readonly claimed: Set<string>
}

const where = (r: SourcedRecord) => `${r.file}:${r.line}`
/** Rank and flag of a record: curated 0; imported from a dictionary (`generated`) 0.5, after the curated ones. */
const generated = (r: SourcedRecord): { rank: number; generated?: true } => (r.rec.generated === true ? { rank: 0.5, generated: true } : { rank: 0 })
const arr = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : [])

/** Merges a later record into an earlier one with the same id: scalars replace, aliases and roles add up. */
function mergeInto(a: KbActor & { rank: number }, b: KbActor & { rank: number }): KbActor & { rank: number } {
  const roles = [...a.roles]
  for (const r of b.roles) if (!roles.some((x) => x.office === r.office && x.from === r.from)) roles.push(r)
  return { ...a, ...b, aliases: [...new Set([...a.aliases, ...b.aliases])], roles, rank: Math.min(a.rank, b.rank) }
}

/** Builds actors, offices and templates from validated records; cross-record problems are pushed to `problems`. */
export function buildParts(records: KbRecords, problems: KbProblem[]): KbParts {
  const actors = new Map<string, KbActor & { rank: number }>()
  const put = (a: KbActor & { rank: number }) => actors.set(a.id, actors.has(a.id) ? mergeInto(actors.get(a.id)!, a) : a)
  const countries = buildCountries()
  const isoSet = new Set(countries.map((c) => c.actor.affiliation!))
  for (const c of countries) put({ ...c.actor, rank: 1 })
  for (const r of records.countries!) {
    const id = r.rec.id as string
    const base = actors.get(id)
    if (!base) { problems.push({ file: r.file, line: r.line, field: 'id', reason: `expected a country id of world-countries, got ${id}` }); continue }
    const drop = new Set(arr(r.rec.drop))
    actors.set(id, { ...base, name: (r.rec.name as string) ?? base.name, aliases: [...new Set([...base.aliases, ...arr(r.rec.aliases)])].filter((a) => !drop.has(a)),
      demonyms: [...new Set([...(base.demonyms ?? []), ...arr(r.rec.demonyms)])].filter((d) => !drop.has(d)), code: (r.rec.code as string) ?? base.code })
  }
  const checkIso = (r: SourcedRecord, field: string, v: unknown) => { if (typeof v === 'string' && !isoSet.has(v)) problems.push({ file: r.file, line: r.line, field, reason: `expected a known ISO 3166 alpha-3 code, got ${v}` }) }

  const claimed = new Set<string>()
  const curated = (r: SourcedRecord, type: EntityType): KbActor & { rank: number } => {
    checkIso(r, 'affiliation', r.rec.affiliation)
    const name = r.rec.name as string
    const aliases = [...new Set([name, ...arr(r.rec.aliases)])]
    for (const a of aliases) claimed.add(a)
    const g = r.rec.geo as { lat: number; lon: number } | undefined
    return { id: r.rec.id as string, name, type, affiliation: (r.rec.affiliation as string | null) ?? null, code: (r.rec.code as string | undefined) ?? null,
      aliases, roles: [], heads: arr(r.rec.heads), template: (r.rec.template as string | undefined) ?? null, standsFor: (r.rec.standsFor as string | undefined) ?? null,
      geo: g ? { lat: g.lat, lon: g.lon, country: (r.rec.affiliation as string | null) ?? null } : null, origin: where(r), ...generated(r) }
  }
  for (const r of records.orgs!) put(curated(r, 'ORG'))
  for (const r of records.groups!) put(curated(r, 'GROUP'))
  for (const r of records.places!) put(curated(r, (r.rec.id as string).startsWith('LOC:') ? 'LOC' : 'GPE'))

  const capitals = new Map(countries.flatMap((c) => c.capitals.map((cap) => [`${c.actor.affiliation}:${cap}`, c.actor.id] as const)))
  for (const r of records.cities!) {
    const id = r.rec.id as string, name = r.rec.name as string, iso = r.rec.country as string
    const cur = actors.get(id)
    const isCapital = capitals.get(`${iso}:${name}`) ?? (r.rec.capital ? `GPE:${iso}` : null)
    if (cur) { actors.set(id, { ...cur, standsFor: cur.standsFor ?? isCapital, geo: cur.geo ?? { lat: r.rec.lat as number, lon: r.rec.lon as number, country: iso } }); continue }
    const aliases = claimed.has(name) || CITY_NAME_STOPLIST.has(name) ? [] : [name, ...arr(r.rec.aliases)]
    actors.set(id, { id, name, type: 'GPE', affiliation: iso, code: iso, aliases, roles: [], geo: { lat: r.rec.lat as number, lon: r.rec.lon as number, country: iso },
      standsFor: isCapital, origin: where(r), rank: 2 + 1 / Math.log10(10 + (r.rec.pop as number)) })
  }

  const offices = new Map<string, KbOffice>()
  for (const r of records.offices!) {
    checkIso(r, 'country', r.rec.country)
    offices.set(r.rec.id as string, { id: r.rec.id as string, title: r.rec.title as string, country: (r.rec.country as string | null) ?? null, body: (r.rec.body as string | undefined) ?? null,
      kind: r.rec.kind as string, nouns: arr(r.rec.nouns), code: (r.rec.code as string | null) ?? null })
  }
  for (const r of records.people!) put(buildPerson(r, offices, problems, checkIso))

  const templates = new Map<string, BodyTemplate>()
  for (const r of records.bodies!) templates.set(r.rec.template as string, { template: r.rec.template as string, name: r.rec.name as string, heads: arr(r.rec.heads), code: r.rec.code as string })
  const bodies = new Map<string, string>()
  for (const r of records.orgs!) if (typeof r.rec.template === 'string' && typeof r.rec.affiliation === 'string') {
    if (!templates.has(r.rec.template)) problems.push({ file: r.file, line: r.line, field: 'template', reason: `expected a template of bodies.jsonl (${[...templates.keys()].join(', ')}), got ${r.rec.template}` })
    bodies.set(`${r.rec.affiliation}:${r.rec.template}`, r.rec.id as string)
  }
  return { actors, offices, templates, bodies, claimed }
}

function buildPerson(r: SourcedRecord, offices: ReadonlyMap<string, KbOffice>, problems: KbProblem[], checkIso: (r: SourcedRecord, f: string, v: unknown) => void): KbActor & { rank: number } {
  checkIso(r, 'affiliation', r.rec.affiliation)
  const roles: KbRole[] = []
  arr(r.rec.roles).forEach((raw, i) => {
    const o = raw as unknown as { office: string; from: string | null; to: string | null; title?: string; code?: string | null }
    const office = offices.get(o.office)
    if (!office) { problems.push({ file: r.file, line: r.line, field: `roles[${i}].office`, reason: `expected an office id of offices.jsonl, got ${o.office}` }); return }
    roles.push({ office: o.office, title: o.title ?? office.title, from: o.from, to: o.to, code: o.code ?? office.code })
  })
  const latest = [...roles].sort((a, b) => (a.to ?? '9999').localeCompare(b.to ?? '9999')).pop()
  const name = r.rec.name as string
  return { id: r.rec.id as string, name, type: 'PERSON', affiliation: (r.rec.affiliation as string | null) ?? null,
    code: (r.rec.code as string | undefined) ?? latest?.code ?? (r.rec.affiliation as string | null) ?? null,
    aliases: [...new Set([name, ...arr(r.rec.aliases)])], roles, origin: where(r), ...(Array.isArray(r.rec.surnames) ? { surnames: arr(r.rec.surnames) } : {}), ...generated(r) }
}
