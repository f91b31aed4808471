import { TOKEN_RE } from '../stages/tokens/tokens.data.js'
import type { KbParts, BodyTemplate } from './build.js'
import { covers } from './dates.js'
import { COMMON_WORD_SURNAMES, FAMILY_NAME_FIRST, NAME_SUFFIXES, PATRONYM_MARKERS } from './kb.data.js'
import { foldName, skeletonKey } from './names.js'
import type { GazEntry, Kb, KbActor, KbOffice } from './types.js'

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

/** Entry with its rank (0 curated, 1 country, 2+ cache city by population) for ordering ties. */
export type RankedEntry = GazEntry & { readonly rank: number; readonly weak?: boolean }

/** The surname a person is called by alone, or null when the name has none (patronyms, single names). */
export function surnameOf(name: string, affiliation: string | null): string | null {
  const words = name.split(/\s+/).filter((w) => !NAME_SUFFIXES.has(w.toLowerCase()))
  if (words.length < 2 || words.some((w) => PATRONYM_MARKERS.has(w.toLowerCase()))) return null
  return affiliation && FAMILY_NAME_FIRST.has(affiliation) ? words[0]! : words[words.length - 1]!
}

class KbImpl implements Kb {
  /** folded key → its entries (if a name) and whether longer keys extend it: one hash look-up per word */
  private readonly keys = new Map<string, { entries?: RankedEntry[]; prefix?: boolean }>()
  private readonly bySkeleton = new Map<string, KbActor[]>()
  private readonly placeSkeleton = new Map<string, KbActor[]>()
  private readonly demonymIso = new Map<string, string>()
  private readonly holdersOf = new Map<string, { actor: KbActor; from: string | null; to: string | null }[]>()
  readonly actors: KbActor[]
  maxTokens = 1
  loadMs = 0
  /** head phrase (folded) → template name */
  readonly heads = new Map<string, string>()

  constructor(private readonly parts: KbParts) {
    this.actors = [...parts.actors.values()]
    for (const a of this.actors) this.indexActor(a as KbActor & { rank: number })
    for (const t of parts.templates.values()) for (const h of t.heads) this.heads.set(foldName(h), t.template)
    for (const a of this.actors) for (const h of a.heads ?? []) this.heads.set(foldName(h), a.id)
  }

  get offices(): ReadonlyMap<string, KbOffice> { return this.parts.offices }

  private add(surface: string, actor: string, how: GazEntry['how'], rank: number, weak = false): void {
    const raw = splitName(surface)
    if (!raw.length) return
    const toks = raw.map(foldName)
    const key = toks.join(' ')
    const slot = this.keys.get(key) ?? {}
    const list = slot.entries ?? (slot.entries = [])
    if (list.some((e) => e.actor === actor && e.how === how)) return
    const exact = raw.map(caseForm).join(' ')
    list.push({ actor, how, exact, rank, ...(weak ? { weak } : {}) })
    this.keys.set(key, slot)
    for (let i = 1, k = toks[0]!; i < toks.length; k += ' ' + toks[i]!, i++) {
      const p = this.keys.get(k)
      if (p) p.prefix = true; else this.keys.set(k, { prefix: true })
    }
    if (toks.length > this.maxTokens) this.maxTokens = toks.length
  }

  private indexActor(a: KbActor & { rank: number }): void {
    for (const al of a.aliases) this.add(al, a.id, 'alias', a.rank)
    for (const d of a.demonyms ?? []) this.demonymIso.set(foldName(d), a.affiliation!)
    if (a.type === 'PERSON') {
      const surnames = new Set(a.aliases.map((n) => surnameOf(n, a.affiliation)).filter((s): s is string => !!s))
      for (const s of surnames) {
        const bare = s.replace(/^(?:al|el|ash|as|ad|ar)-/i, '')
        for (const v of new Set([s, bare])) {
          this.add(v, a.id, 'surname', a.rank, COMMON_WORD_SURNAMES.has(foldName(v)))
          const sk = skeletonKey(v)
          const l = this.bySkeleton.get(sk) ?? []
          if (!l.includes(a)) l.push(a)
          this.bySkeleton.set(sk, l)
        }
      }
      for (const r of a.roles) {
        const l = this.holdersOf.get(r.office) ?? []
        l.push({ actor: a, from: r.from, to: r.to })
        this.holdersOf.set(r.office, l)
      }
    }
  }

  /** Built on first use: only misspelt place names need it. */
  private placeIndex(): Map<string, KbActor[]> {
    if (this.placeSkeleton.size) return this.placeSkeleton
    for (const a of this.actors) if ((a.type === 'GPE' || a.type === 'LOC') && a.aliases.length) {
      for (const n of a.aliases) {
        const sk = skeletonKey(n)
        const l = this.placeSkeleton.get(sk) ?? []
        if (!l.includes(a)) l.push(a)
        this.placeSkeleton.set(sk, l)
      }
    }
    return this.placeSkeleton
  }

  actor(id: string): KbActor | undefined {
    const a = this.parts.actors.get(id)
    if (a) return a
    const m = /^ORG:([A-Z]{3}):([a-z-]+)$/.exec(id)
    return m ? this.body(m[1]!, m[2]!) : undefined
  }

  lookup(key: string): readonly RankedEntry[] | undefined { return this.keys.get(key)?.entries }
  isPrefix(key: string): boolean { return !!this.keys.get(key)?.prefix }
  probe(key: string): { readonly entries?: readonly RankedEntry[]; readonly prefix?: boolean } | undefined { return this.keys.get(key) }
  peopleBySkeleton(sk: string): readonly KbActor[] { return this.bySkeleton.get(sk) ?? [] }
  placesBySkeleton(sk: string): readonly KbActor[] { return this.placeIndex().get(sk) ?? [] }

  country(isoOrDemonym: string): KbActor | undefined {
    if (/^[A-Z]{3}$/.test(isoOrDemonym)) return this.parts.actors.get(`GPE:${isoOrDemonym}`)
    const iso = this.demonymIso.get(foldName(isoOrDemonym))
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
    return (this.holdersOf.get(officeId) ?? []).filter((h) => covers(h.from, h.to, date)).map((h) => h.actor)
  }

  /** Every holder of an office with their periods (for date-free resolution). */
  tenures(officeId: string): readonly { actor: KbActor; from: string | null; to: string | null }[] { return this.holdersOf.get(officeId) ?? [] }

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
  demonym(folded: string): string | undefined { return this.demonymIso.get(folded) }
}

/** The concrete knowledge base (the `Kb` interface plus the helpers the entities stage uses). */
export type KnowledgeBase = KbImpl
/** Builds the indexed knowledge base from its parts. */
export const createKb = (parts: KbParts): KbImpl => new KbImpl(parts)
