/**
 * Mention and resolution scoring with the rules of shared/gold/seeds/README.md ("Matching rules"): a gold surface
 * form is found by a system mention of the same text, or one that holds the other on word boundaries with the same
 * last word and at most two extra words. Splits and false merges are counted per document.
 */
import type { Entity } from '../../doc/layers.js'

/** NFKC, straight quotes, "-" for dashes, collapsed spaces, lower case. */
export function normText(s: string): string {
  return s.normalize('NFKC').replace(/[‘’‚‛′]/g, "'").replace(/[“”„‟″]/g, '"').replace(/[‐‑‒–—―−]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase()
}

/** True when a system mention text matches a gold surface form under the README rule. */
export function mentionMatches(system: string, gold: string): boolean {
  const s = normText(system), g = normText(gold)
  if (s === g) return true
  const sw = s.split(' '), gw = g.split(' ')
  const [long, short] = sw.length >= gw.length ? [sw, gw] : [gw, sw]
  if (long.length - short.length > 2 || long[long.length - 1] !== short[short.length - 1]) return false
  for (let i = 0; i + short.length <= long.length; i++) if (short.every((w, k) => long[i + k] === w)) return true
  return false
}

/** A gold entity as the seed files give it. */
export interface GoldEntity { readonly name: string; readonly type: string; readonly mentions: readonly string[] }

/** Scores of one document. */
export interface DocScore {
  readonly forms: number
  readonly found: number
  readonly missed: readonly string[]
  readonly splits: readonly { gold: string; actors: string[] }[]
  readonly merges: readonly { actor: string; gold: string[] }[]
  /** gold name → the system actors its forms were found in */
  readonly actorsOf: ReadonlyMap<string, ReadonlySet<string>>
  /** normalised surface form → system actors it was found in */
  readonly formActors: ReadonlyMap<string, ReadonlySet<string>>
}

/** Scores a document's entities against its gold entities. */
export function scoreDoc(gold: readonly GoldEntity[], entities: readonly Entity[]): DocScore {
  const sys = entities.flatMap((e) => e.mentions.map((m) => ({ actor: e.actor, text: m.text })))
  let forms = 0, found = 0
  const missed: string[] = []
  const actorsOf = new Map<string, Set<string>>()
  const goldOfActor = new Map<string, Set<string>>()
  const formActors = new Map<string, Set<string>>()
  for (const g of gold) {
    const actors = new Set<string>()
    for (const form of g.mentions) {
      forms++
      const hits = sys.filter((m) => mentionMatches(m.text, form))
      if (hits.length) found++; else missed.push(`${g.name}: ${form}`)
      const fa = formActors.get(normText(form)) ?? new Set<string>()
      for (const h of hits) { actors.add(h.actor); fa.add(h.actor); const s = goldOfActor.get(h.actor) ?? new Set(); s.add(g.name); goldOfActor.set(h.actor, s) }
      formActors.set(normText(form), fa)
    }
    actorsOf.set(g.name, actors)
  }
  const splits = [...actorsOf].filter(([, a]) => a.size > 1).map(([gold, a]) => ({ gold, actors: [...a] }))
  const merges = [...goldOfActor].filter(([, g]) => g.size > 1).map(([actor, g]) => ({ actor, gold: [...g] }))
  return { forms, found, missed, splits, merges, actorsOf, formActors }
}
