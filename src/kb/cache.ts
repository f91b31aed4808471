import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { DossierError } from '../errors.js'
import { TOKEN_RE } from '../stages/tokens/tokens.data.js'
import type { BodyTemplate, KbParts } from './build.js'
import * as KB_DATA from './kb.data.js'
import type { CityTable } from './kb.js'
import type { KbIndex, KeySlot, KeyTable, Tenure } from './name-index.js'
import type { GazEntry, KbActor, KbOffice } from './types.js'

/**
 * Version of the cache layout and of the code that builds the index: bump it when build.ts, countries.ts or
 * name-index.ts change what they produce (the data tables of kb.data.ts are hashed, so they need no bump).
 */
export const KB_CACHE_FORMAT = 2

type Actor = KbActor & { rank: number }
type Row = (string | number | null)[]
const HOW: readonly GazEntry['how'][] = ['alias', 'surname', 'head', 'metonym']

/** The cache file: the built KB parts and index, with the hash of what they were built from. */
interface CacheFile {
  format: number
  hash: string
  /** actors other than generated cities, in KB order; the cities stand at `cityStart` */
  actors: Actor[]
  cityStart: number
  /** generated cities (most of the KB) by column: unpacked one by one when asked for */
  cities: { id: string[]; name: string[]; iso: string[]; lat: number[]; lon: number[]; standsFor: (string | 0)[]; rank: number[]; line: number[]; named: number[] }
  /** actors imported from dictionaries (`generated`), as compact rows (see `genRow`), and where they stand among `actors` */
  gen: { at: number[]; id: string[]; row: string[]; offices: string[] }
  offices: KbOffice[]
  templates: BodyTemplate[]
  bodies: [string, string][]
  /** folded keys, and per key one flat row: [prefix 0|1, then per entry: actor id, how index, exact, rank, weak 0|1] */
  keyNames: string[]
  keyRows: Row[]
  maxTokens: number
  demonymIso: [string, string][]
  heads: [string, string][]
  /** JSON text of the tables only misspellings and transliterations need, parsed on first use */
  cold: string
}

/** The tables of `cold`, with actors as ids. */
interface ColdTables { bySkeleton: [string, string[]][]; placeSkeleton: [string, string[]][]; translitAlias: [string, string[]][]; translitSurname: [string, string[]][] }

/**
 * Content hash of everything the built KB depends on: the cache format, the `world-countries` version, the data
 * tables of kb.data.ts, the tokenizer pattern, and the name and text of every `.jsonl` file of the folders.
 */
export function kbInputHash(dirs: readonly string[]): string {
  const h = createHash('sha256')
  const wc = createRequire(import.meta.url)('world-countries/package.json') as { version: string }
  h.update(`format ${KB_CACHE_FORMAT}\nworld-countries ${wc.version}\ntokens ${TOKEN_RE.source}\n`)
  h.update(JSON.stringify(KB_DATA, (_k, v) => (v instanceof Set ? [...v] : v instanceof RegExp ? v.source + '/' + v.flags : v)))
  for (const dir of dirs) {
    if (!existsSync(dir)) continue
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) h.update(`\n${name}\n`).update(readFileSync(join(dir, name)))
  }
  return h.digest('hex')
}

const CITY_ORIGIN = /^(.*[\\/])cities\.jsonl:(\d+)$/

/** True for a generated city whose record the packed columns hold whole. */
function isPlainCity(a: Actor): boolean {
  return !!a.origin && CITY_ORIGIN.test(a.origin) && a.type === 'GPE' && !!a.geo && a.code === a.affiliation && !a.roles.length && a.geo.country === a.affiliation
    && (a.aliases.length === 0 || (a.aliases.length === 1 && a.aliases[0] === a.name)) && Object.keys(a).length === 11
}

const GEN_TYPES = ['PERSON', 'ORG', 'GROUP'] as const

/** True for a generated actor a compact row holds whole: no fields beyond those the import writes, roles as their offices say. */
function isPackable(a: Actor, offices: ReadonlyMap<string, KbOffice>): boolean {
  if (!a.generated || !(GEN_TYPES as readonly string[]).includes(a.type) || a.aliases[0] !== a.name || a.rank !== 0.5) return false
  if (a.type !== 'PERSON' && (a.heads?.length || a.template || a.standsFor || a.geo || a.roles.length)) return false
  return a.roles.every((r) => { const o = offices.get(r.office); return !!o && r.title === o.title && r.code === o.code })
}

/**
 * A generated actor as one string of tab-separated fields: name, type, affiliation, code, origin, other aliases
 * (`|`), roles (`office,from,to;…`), surnames (`*` when derived from the names, else `|`-separated). Kept as text
 * until the actor is asked for, so the 25,000 imported actors cost little at load.
 */
const genRow = (a: Actor): string => [a.name, GEN_TYPES.indexOf(a.type as never), a.affiliation ?? '', a.code ?? '', a.origin ?? '', a.aliases.slice(1).join('|'),
  a.roles.map((r) => `${r.office},${r.from ?? ''},${r.to ?? ''}`).join(';'), a.surnames ? a.surnames.join('|') : '*'].join('\t')

/** True when the strings can go into a row unchanged. */
const rowSafe = (a: Actor): boolean => [a.name, a.affiliation, a.code, a.origin, ...a.aliases, ...(a.surnames ?? [])].every((x) => !x || !/[\t|;,*]/.test(x))

/** The actor of a row (the same fields, in the same order, as `build.ts` gives it). */
function genActor(id: string, row: string, offices: ReadonlyMap<string, KbOffice>, dir: string): Actor {
  const [name = '', t = '0', aff, code, org, more, roleText, sur] = row.split('\t')
  const type = GEN_TYPES[Number(t)]!
  const aliases = more ? [name, ...more.split('|')] : [name]
  const origin = org ? (org.startsWith('./') ? join(dir, org) : org) : undefined
  const affiliation = aff || null, cd = code || null
  if (type !== 'PERSON') return { id, name, type, affiliation, code: cd, aliases, roles: [], heads: [], template: null, standsFor: null, geo: null, origin, rank: 0.5, generated: true }
  const roles = roleText ? roleText.split(';').map((x) => { const [o = '', from, to] = x.split(','); const off = offices.get(o)!; return { office: o, title: off.title, from: from || null, to: to || null, code: off.code } }) : []
  return { id, name, type, affiliation, code: cd, aliases, roles, origin, ...(sur === '*' ? {} : { surnames: sur ? sur.split('|') : [] }), rank: 0.5, generated: true }
}

/** The actor table restored from the cache: the generated actors are made from their rows the first time they are asked for. */
class ActorTable extends Map<string, Actor> {
  private readonly at: Map<string, number>
  private order: Actor[] | null = null
  private readonly extra: Actor[] = []
  constructor(private readonly others: Actor[], private readonly gen: CacheFile['gen'], private readonly offices: ReadonlyMap<string, KbOffice>, private readonly dir: string) {
    super()
    for (const a of others) super.set(a.id, a)
    this.at = new Map(gen.id.map((id, i) => [id, i]))
  }
  override get(id: string): Actor | undefined {
    const a = super.get(id)
    if (a) return a
    const i = this.at.get(id)
    if (i === undefined) return undefined
    const made = genActor(id, this.gen.row[i]!, this.offices, this.dir)
    super.set(id, made)
    return made
  }
  override has(id: string): boolean { return super.has(id) || this.at.has(id) }
  override set(id: string, a: Actor): this { if (!this.has(id)) this.extra.push(a); return super.set(id, a) }
  /** Every actor in KB order (the generated ones at their places), then those added since. */
  private all(): Actor[] {
    if (!this.order) {
      const list: Actor[] = new Array(this.others.length + this.gen.id.length)
      for (let k = 0; k < this.gen.id.length; k++) list[this.gen.at[k]!] = this.get(this.gen.id[k]!)!
      for (let k = 0, j = 0; k < list.length; k++) if (!list[k]) list[k] = this.others[j++]!
      this.order = list
    }
    return [...this.order, ...this.extra]
  }
  override values(): MapIterator<Actor> { return this.all()[Symbol.iterator]() as MapIterator<Actor> }
  override keys(): MapIterator<string> { return this.all().map((a) => a.id)[Symbol.iterator]() as MapIterator<string> }
  override entries(): MapIterator<[string, Actor]> { return this.all().map((a): [string, Actor] => [a.id, a])[Symbol.iterator]() as MapIterator<[string, Actor]> }
  override [Symbol.iterator](): MapIterator<[string, Actor]> { return this.entries() }
  override get size(): number { return this.all().length }
  /** Holders of the offices only generated people hold, in KB order (made on first use). */
  genHolders(): Map<string, Tenure[]> {
    const out = new Map<string, Tenure[]>()
    for (let k = 0; k < this.gen.id.length; k++) {
      const row = this.gen.row[k]!
      if (!row.includes(',')) continue
      const a = this.get(this.gen.id[k]!)!
      for (const r of a.roles) { const l = out.get(r.office); const t = { actor: a, from: r.from, to: r.to }; if (l) l.push(t); else out.set(r.office, [t]) }
    }
    return out
  }
}

/** Office holders: those of hand-made people at once, those of generated people when one of their offices is first asked for. */
class HolderTable extends Map<string, Tenure[]> {
  private done = false
  constructor(entries: Map<string, Tenure[]>, private readonly genOffices: ReadonlySet<string>, private readonly make: () => Map<string, Tenure[]>) { super(entries) }
  override get(office: string): Tenure[] | undefined {
    if (!this.done && this.genOffices.has(office)) { this.done = true; for (const [o, l] of this.make()) super.set(o, [...(super.get(o) ?? []), ...l]) }
    return super.get(office)
  }
}

/** Serialises a built KB (all actors in KB order, parts and index) to the cache JSON text. */
export function serializeKb(actorsInOrder: readonly KbActor[], parts: KbParts, index: KbIndex, hash: string, dir: string): string {
  const all = actorsInOrder as Actor[]
  const plain = all.map(isPlainCity)
  const cityStart = plain.indexOf(true), cityCount = plain.filter(Boolean).length
  if (cityStart >= 0 && plain.slice(cityStart, cityStart + cityCount).includes(false)) throw new DossierError('E_KB', 'Expected the generated cities in one block of the KB order, got them scattered')
  // origins are kept relative to the folder, so the cache does not depend on where the checkout is
  const root = join(dir, '/')
  const rel = (a: Actor): Actor => (a.origin?.startsWith(root) ? { ...a, origin: './' + a.origin.slice(root.length) } : a)
  const cities = all.filter((_, i) => plain[i])
  const ids = (m: Map<string, KbActor[]>) => [...m].map(([k, l]): [string, string[]] => [k, l.map((a) => a.id)])
  const cold: ColdTables = { bySkeleton: ids(index.bySkeleton), placeSkeleton: [...(index.placeSkeleton ?? [])], translitAlias: [...index.translitAlias], translitSurname: [...index.translitSurname] }
  const keys = [...index.keys]
  const rest = all.filter((_, i) => !plain[i]).map(rel)
  const packed = rest.map((a) => isPackable(a, parts.offices) && rowSafe(a))
  const file: CacheFile = {
    format: KB_CACHE_FORMAT, hash, actors: rest.filter((_, i) => !packed[i]), cityStart: cityStart < 0 ? all.length : cityStart,
    gen: { at: packed.flatMap((p, i) => (p ? [i] : [])), id: rest.filter((_, i) => packed[i]).map((a) => a.id), row: rest.filter((_, i) => packed[i]).map(genRow),
      offices: [...new Set(rest.filter((_, i) => packed[i]).flatMap((a) => a.roles.map((r) => r.office)))] },
    cities: { id: cities.map((c) => c.id), name: cities.map((c) => c.name), iso: cities.map((c) => c.affiliation!), lat: cities.map((c) => c.geo!.lat), lon: cities.map((c) => c.geo!.lon),
      standsFor: cities.map((c) => c.standsFor ?? 0), rank: cities.map((c) => c.rank), line: cities.map((c) => Number(CITY_ORIGIN.exec(c.origin!)![2])), named: cities.map((c) => c.aliases.length) },
    offices: [...parts.offices.values()], templates: [...parts.templates.values()], bodies: [...parts.bodies],
    keyNames: keys.map(([k]) => k), keyRows: keys.map(([, s]) => [s.prefix ? 1 : 0, ...(s.entries ?? []).flatMap((e) => [e.actor, HOW.indexOf(e.how), e.exact, e.rank, e.weak ? 1 : 0])]),
    maxTokens: index.maxTokens, demonymIso: [...index.demonymIso],
    heads: [...index.heads], cold: JSON.stringify(cold),
  }
  // ASCII only (other characters escaped): Node reads and V8 parses a one-byte string several times faster
  return JSON.stringify(file).replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))
}

/** Keys restored from the cache: the slot of a key is unpacked the first time it is asked for. */
class PackedKeys implements KeyTable {
  private readonly at = new Map<string, number>()
  private readonly slots: (KeySlot | undefined)[]
  constructor(private readonly names: string[], private readonly rows: Row[]) {
    for (let i = 0; i < names.length; i++) this.at.set(names[i]!, i)
    this.slots = new Array(names.length)
  }
  get(key: string): KeySlot | undefined {
    const i = this.at.get(key)
    return i === undefined ? undefined : (this.slots[i] ??= this.unpack(i))
  }
  private unpack(i: number): KeySlot {
    const r = this.rows[i]!
    const slot: KeySlot = r[0] ? { prefix: true } : {}
    if (r.length > 1) {
      const entries: GazEntry[] = []
      for (let k = 1; k < r.length; k += 5) entries.push({ actor: r[k] as string, how: HOW[r[k + 1] as number]!, exact: r[k + 2] as string | null, rank: r[k + 3] as number, ...(r[k + 4] ? { weak: true } : {}) })
      slot.entries = entries
    }
    return slot
  }
  *[Symbol.iterator](): Iterator<[string, KeySlot]> { for (let i = 0; i < this.names.length; i++) yield [this.names[i]!, this.get(this.names[i]!)!] }
}

/** Cities restored from the cache columns: an actor record is made the first time its id is asked for. */
function cityTable(c: CacheFile['cities'], start: number, file: string): CityTable {
  let at: Map<string, number> | null = null
  const made = new Map<string, Actor>()
  return {
    start, ids: c.id,
    get(id: string): KbActor | undefined {
      const hit = made.get(id)
      if (hit) return hit
      if (!id.startsWith('GPE:')) return undefined
      at ??= new Map(c.id.map((x, i) => [x, i]))
      const i = at.get(id)
      if (i === undefined) return undefined
      const iso = c.iso[i]!, name = c.name[i]!
      const a: Actor = { id, name, type: 'GPE', affiliation: iso, code: iso, aliases: c.named[i] ? [name] : [], roles: [], geo: { lat: c.lat[i]!, lon: c.lon[i]!, country: iso },
        standsFor: c.standsFor[i] || null, origin: `${file}:${c.line[i]}`, rank: c.rank[i]! }
      made.set(id, a)
      return a
    },
  }
}

/** Defines `obj[name]` as a value computed on first read. */
function lazy<T extends object, K extends keyof T>(obj: T, name: K, make: () => T[K]): void {
  Object.defineProperty(obj, name, { configurable: true, enumerable: true, get() { const v = make(); Object.defineProperty(obj, name, { value: v, writable: true, enumerable: true }); return v } })
}

/**
 * Restores parts, index and packed cities from cache JSON text, or returns null when the text is of another format
 * or hash (checked on the header before parsing, so a stale cache costs no parse).
 */
export function restoreKb(text: string, hash: string, dir: string): { parts: KbParts; index: KbIndex; cities: CityTable } | null {
  if (!text.startsWith(`{"format":${KB_CACHE_FORMAT},"hash":"${hash}"`)) return null
  const f = JSON.parse(text) as CacheFile
  const offices = new Map(f.offices.map((o) => [o.id, o]))
  for (const a of f.actors) if (a.origin?.startsWith('./')) (a as { origin: string }).origin = join(dir, a.origin)
  const cities = cityTable(f.cities, f.cityStart, join(dir, 'cities.jsonl'))
  const actors = new ActorTable(f.actors, f.gen, offices, dir)
  const actor = (id: string) => actors.get(id) ?? cities.get(id)!
  // office holders, as `buildIndex` lists them (KB order; cities hold no roles); generated people's offices wait for first use
  const curatedHolders = new Map<string, Tenure[]>()
  for (const a of f.actors) for (const r of a.roles) { const l = curatedHolders.get(r.office); const t = { actor: a, from: r.from, to: r.to }; if (l) l.push(t); else curatedHolders.set(r.office, [t]) }
  const holdersOf = new HolderTable(curatedHolders, new Set(f.gen.offices), () => actors.genHolders())
  const parts: KbParts = { actors, offices, templates: new Map(f.templates.map((t) => [t.template, t])), bodies: new Map(f.bodies), claimed: new Set() }
  const index = { keys: new PackedKeys(f.keyNames, f.keyRows), maxTokens: f.maxTokens, demonymIso: new Map(f.demonymIso), holdersOf, heads: new Map(f.heads) } as unknown as KbIndex
  let cold: ColdTables | null = null
  const coldTable = <K extends keyof ColdTables>(k: K) => new Map((cold ??= JSON.parse(f.cold) as ColdTables)[k])
  lazy(index, 'bySkeleton', () => new Map([...coldTable('bySkeleton')].map(([k, l]) => [k, l.map(actor)])))
  lazy(index, 'placeSkeleton', () => coldTable('placeSkeleton'))
  lazy(index, 'translitAlias', () => coldTable('translitAlias'))
  lazy(index, 'translitSurname', () => coldTable('translitSurname'))
  return { parts, index, cities }
}
