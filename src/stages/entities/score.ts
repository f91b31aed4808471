/**
 * Per-form diagnostics of mention matching on one document (which forms were missed, which system actors each gold
 * entity and each surface form landed in), with the matching rules of `src/eval` (`normText`, `mentionStandsFor`):
 * a system mention of the same text, failing that one that stands for the form. The scores themselves (recall,
 * splits, false merges) come from `scoreAgainstGold`.
 */
import type { Entity } from '../../doc/layers.js'
import { mentionStandsFor, normText } from '../../eval/text-match.js'

/** A gold entity as the seed files give it. */
export interface GoldEntity { readonly name: string; readonly type: string; readonly mentions: readonly string[] }

/** Mention diagnostics of one document. */
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

/** Matches a document's entity mentions against its gold entities (diagnostics; the scores come from scoreAgainstGold). */
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
      const exact = sys.filter((m) => normText(m.text) === normText(form))
      const hits = exact.length ? exact : sys.filter((m) => mentionStandsFor(form, m.text))
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
