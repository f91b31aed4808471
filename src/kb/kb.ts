import type { KbParts, BodyTemplate } from './build.js'
import { covers } from './dates.js'
import { buildIndex, buildPlaceSkeletons, type KbIndex, type Tenure } from './name-index.js'
import { foldName } from './names.js'
import type { GazEntry, Kb, KbActor, KbOffice } from './types.js'

export { caseForm, nameTokens, splitName, surnameOf } from './name-index.js'

/** Entry with its rank (0 curated, 1 country, 2+ cache city by population) for ordering ties. */
export type RankedEntry = GazEntry & { readonly rank: number; readonly weak?: boolean }

const EMPTY: readonly never[] = Object.freeze([])

/** Generated cities kept packed (restored from the cache): unpacked one by one when asked for. */
export interface CityTable {
  /** where the cities stand in the KB order */
  readonly start: number
  readonly ids: readonly string[]
  /** the city with this id, or undefined */
  get(id: string): KbActor | undefined
}

class KbImpl implements Kb {
  private all: KbActor[] | null = null
  loadMs = 0
  /** how the KB was loaded: from the index cache file, or built from the KB files */
  from: 'cache' | 'files' = 'files'

  constructor(readonly parts: KbParts, readonly index: KbIndex, private readonly cities: CityTable | null = null) {}

  /** Every actor in KB order (countries, orgs, groups, places, cities, people); packed cities are unpacked. */
  get actors(): KbActor[] {
    if (this.all) return this.all
    const rest = [...this.parts.actors.values()].filter((a) => !a.id.startsWith('ORG:') || a.origin !== 'bodies.jsonl')
    const c = this.cities
    return (this.all = c ? [...rest.slice(0, c.start), ...c.ids.map((id) => c.get(id)!), ...rest.slice(c.start)] : rest)
  }

  get offices(): ReadonlyMap<string, KbOffice> { return this.parts.offices }
  get maxTokens(): number { return this.index.maxTokens }
  /** head phrase (folded) → template name */
  get heads(): ReadonlyMap<string, string> { return this.index.heads }

  /** Built on first use: only misspelt place names need it. */
  private placeIndex(): Map<string, string[]> {
    return this.index.placeSkeleton ??= buildPlaceSkeletons(this.actors)
  }

  actor(id: string): KbActor | undefined {
    const a = this.parts.actors.get(id) ?? this.cities?.get(id)
    if (a) return a
    const m = /^ORG:([A-Z]{3}):([a-z-]+)$/.exec(id)
    return m ? this.body(m[1]!, m[2]!) : undefined
  }

  lookup(key: string): readonly RankedEntry[] | undefined { return this.index.keys.get(key)?.entries }
  isPrefix(key: string): boolean { return !!this.index.keys.get(key)?.prefix }
  probe(key: string): { readonly entries?: readonly RankedEntry[]; readonly prefix?: boolean } | undefined { return this.index.keys.get(key) }
  peopleBySkeleton(sk: string): readonly KbActor[] { return this.index.bySkeleton.get(sk) ?? EMPTY }
  aliasesByTranslit(key: string): readonly string[] { return this.index.translitAlias.get(key) ?? EMPTY }
  surnamesByTranslit(key: string): readonly string[] { return this.index.translitSurname.get(key) ?? EMPTY }
  placesBySkeleton(sk: string): readonly KbActor[] { return this.placeIndex().get(sk)?.map((id) => this.actor(id)!) ?? EMPTY }

  country(isoOrDemonym: string): KbActor | undefined {
    if (/^[A-Z]{3}$/.test(isoOrDemonym)) return this.parts.actors.get(`GPE:${isoOrDemonym}`)
    const iso = this.index.demonymIso.get(foldName(isoOrDemonym))
    return iso ? this.parts.actors.get(`GPE:${iso}`) : undefined
  }

  /** A country's instance of a state-body template: the curated org, or one generated on demand (stable id). */
  body(iso: string, template: string): KbActor | undefined {
    const curated = this.parts.bodies.get(`${iso}:${template}`)
    if (curated) return this.parts.actors.get(curated)
    const t: BodyTemplate | undefined = this.parts.templates.get(template)
    const c = this.parts.actors.get(`GPE:${iso}`)
    if (!t || !c) return undefined
    const id = `ORG:${iso}:${template}`
    let a = this.parts.actors.get(id)
    if (!a) {
      a = { id, name: t.name.replace('{country}', c.name), type: 'ORG', affiliation: iso, code: t.code.replace('{iso}', iso), aliases: [], roles: [], template, origin: 'bodies.jsonl', rank: 1 }
      this.parts.actors.set(id, a as KbActor & { rank: number })
    }
    return a
  }

  holders(officeId: string, date: string): readonly KbActor[] {
    return (this.index.holdersOf.get(officeId) ?? EMPTY).filter((h) => covers(h.from, h.to, date)).map((h) => h.actor)
  }

  /** Every holder of an office with their periods (for date-free resolution). */
  tenures(officeId: string): readonly Tenure[] { return this.index.holdersOf.get(officeId) ?? EMPTY }

  officesOf(country: string | null, where: { kind?: string; noun?: string; body?: string }): readonly KbOffice[] {
    const out: KbOffice[] = []
    for (const o of this.parts.offices.values()) {
      if (country !== null && o.country !== country) continue
      if (where.body && o.body !== where.body) continue
      if (where.kind && o.kind !== where.kind) continue
      if (where.noun && !o.nouns.includes(where.noun)) continue
      out.push(o)
    }
    return out
  }

  /** Country code for a folded demonym ("iranian" → IRN). */
  demonym(folded: string): string | undefined { return this.index.demonymIso.get(folded) }
}

/** The concrete knowledge base (the `Kb` interface plus the helpers the entities stage uses). */
export type KnowledgeBase = KbImpl
/** Builds the indexed knowledge base from its parts, or wraps parts and an index restored from the cache. */
export const createKb = (parts: KbParts, index: KbIndex = buildIndex(parts), cities: CityTable | null = null): KbImpl => new KbImpl(parts, index, cities)
