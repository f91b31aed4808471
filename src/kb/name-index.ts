import { TOKEN_RE } from '../stages/tokens/tokens.data.js'
import type { KbParts } from './build.js'
import { COMMON_WORD_SURNAMES, FAMILY_NAME_FIRST, NAME_SUFFIXES, PATRONYM_MARKERS } from './kb.data.js'
import { foldName, skeletonKey, translitKey } from './names.js'
import type { GazEntry, KbActor } from './types.js'

/** Case-preserving, accent- and apostrophe-folded form: what case-sensitive entries compare against. */
export const caseForm = (s: string): string =>
  /^[\x20-\x5f\x61-\x7e]*$/.test(s) ? s : s.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[’‘ʼʻ`´]/g, "'")

const NAME_TOKEN_RE = new RegExp(TOKEN_RE.source, 'gu')

/** Splits a name like the project tokenizer does (same pattern, compiled once: the KB splits thousands of names). */
export function splitName(name: string): string[] {
  NAME_TOKEN_RE.lastIndex = 0
  return name.match(NAME_TOKEN_RE) ?? []
}

/** Splits a name into folded tokens, so KB keys and document tokens agree. */
export function nameTokens(name: string): string[] {
  return splitName(name).map(foldName)
}

/** The surname a person is called by alone, or null when the name has none (patronyms, single names). */
export function surnameOf(name: string, affiliation: string | null): string | null {
  const words = name.split(/\s+/).filter((w) => !NAME_SUFFIXES.has(w.toLowerCase()))
  if (words.length < 2 || words.some((w) => PATRONYM_MARKERS.has(w.toLowerCase()))) return null
  return affiliation && FAMILY_NAME_FIRST.has(affiliation) ? words[0]! : words[words.length - 1]!
}

/** One gazetteer key: its entries (when it is a name) and whether longer keys extend it. */
export interface KeySlot { entries?: GazEntry[]; prefix?: boolean }

/** Who held an office, and when. */
export interface Tenure { readonly actor: KbActor; readonly from: string | null; readonly to: string | null }

/** Folded key → slot (a Map when built; a table that unpacks slots on first use when restored from the cache). */
export interface KeyTable extends Iterable<[string, KeySlot]> { get(key: string): KeySlot | undefined }

/** The look-up tables of the knowledge base: built from its parts, or restored from the cache file. */
export interface KbIndex {
  /** folded key → its entries and whether longer keys extend it: one hash look-up per word */
  readonly keys: KeyTable
  maxTokens: number
  /** surname skeleton → people */
  readonly bySkeleton: Map<string, KbActor[]>
  /** name skeleton → place ids (null until first used when built, not restored) */
  placeSkeleton: Map<string, string[]> | null
  /** folded demonym → ISO alpha-3 */
  readonly demonymIso: Map<string, string>
  /** office id → holders with their periods */
  readonly holdersOf: Map<string, Tenure[]>
  /** folded head phrase of a state body → template name or curated org id */
  readonly heads: Map<string, string>
  /** transliteration key of a full name → actor ids (curated actors and countries, not the city cache) */
  readonly translitAlias: Map<string, string[]>
  /** transliteration key of a person's surname → person ids */
  readonly translitSurname: Map<string, string[]>
}

const push = <T>(m: Map<string, T[]>, k: string, v: T) => { const l = m.get(k); if (!l) m.set(k, [v]); else if (!l.includes(v)) l.push(v) }

function addKey(idx: KbIndex, surface: string, actor: string, how: GazEntry['how'], rank: number, weak = false): void {
  const raw = splitName(surface)
  if (!raw.length) return
  const toks = raw.map(foldName)
  const key = toks.join(' ')
  const keys = idx.keys as Map<string, KeySlot>
  const slot = keys.get(key) ?? {}
  const list = slot.entries ?? (slot.entries = [])
  const exact = raw.map(caseForm)
  const k = list.findIndex((e) => e.actor === actor && e.how === how)
  if (k >= 0) {
    // "Fars News Agency" and "Fars news agency": one entry whose words accept either case where any spelling writes them small
    // (not for places: "Khuzestan province" names Khuzestan, and "province" is no part of the name)
    const had = list[k]!.exact?.split(' ')
    if (had && !/^(?:GPE|LOC):/.test(actor) && had.length === exact.length && had.join(' ') !== exact.join(' ')) {
      const merged = had.map((w, i) => (w.toLowerCase() === exact[i]!.toLowerCase() && (w[0] !== w[0]!.toUpperCase() || exact[i]![0] !== exact[i]![0]!.toUpperCase()) ? w[0]!.toLowerCase() + w.slice(1) : w))
      list[k] = { ...list[k]!, exact: merged.join(' ') }
    }
    return
  }
  list.push({ actor, how, exact: exact.join(' '), rank, ...(weak ? { weak } : {}) })
  keys.set(key, slot)
  for (let i = 1, k = toks[0]!; i < toks.length; k += ' ' + toks[i]!, i++) {
    const p = keys.get(k)
    if (p) p.prefix = true; else keys.set(k, { prefix: true })
  }
  if (toks.length > idx.maxTokens) idx.maxTokens = toks.length
}

function indexActor(idx: KbIndex, a: KbActor & { rank: number }): void {
  for (const al of a.aliases) addKey(idx, al, a.id, 'alias', a.rank)
  for (const d of a.demonyms ?? []) idx.demonymIso.set(foldName(d), a.affiliation!)
  // generated actors (imported dictionaries) are matched as written, never through spelling variants
  if (!a.origin?.includes('cities.jsonl') && !a.generated) for (const al of a.aliases) { const k = translitKey(al); if (k) push(idx.translitAlias, k, a.id) }
  if (a.type !== 'PERSON') return
  const surnames = new Set(a.surnames ?? a.aliases.map((n) => surnameOf(n, a.affiliation)).filter((s): s is string => !!s))
  for (const s of surnames) {
    const t = translitKey(s)
    if (t && !a.generated) push(idx.translitSurname, t, a.id)
    const bare = s.replace(/^(?:al|el|ash|as|ad|ar)-/i, '')
    for (const v of new Set([s, bare])) {
      addKey(idx, v, a.id, 'surname', a.rank, !!a.generated || COMMON_WORD_SURNAMES.has(foldName(v)))
      if (!a.generated) push(idx.bySkeleton, skeletonKey(v), a)
    }
  }
  for (const r of a.roles) push(idx.holdersOf, r.office, { actor: a, from: r.from, to: r.to })
}

/** Builds every look-up table from the KB parts (the place skeletons wait for first use). */
export function buildIndex(parts: KbParts): KbIndex {
  const idx: KbIndex = { keys: new Map(), maxTokens: 1, bySkeleton: new Map(), placeSkeleton: null, demonymIso: new Map(), holdersOf: new Map(),
    heads: new Map(), translitAlias: new Map(), translitSurname: new Map() }
  for (const a of parts.actors.values()) indexActor(idx, a)
  for (const t of parts.templates.values()) for (const h of t.heads) idx.heads.set(foldName(h), t.template)
  for (const a of parts.actors.values()) for (const h of a.heads ?? []) idx.heads.set(foldName(h), a.id)
  return idx
}

/** Name skeleton → place ids (GPE and LOC actors that have names). */
export function buildPlaceSkeletons(actors: Iterable<KbActor>): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const a of actors) if ((a.type === 'GPE' || a.type === 'LOC') && a.aliases.length) for (const n of a.aliases) push(out, skeletonKey(n), a.id)
  return out
}
