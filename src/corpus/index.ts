// The cross-source analysis: duplicates, story events, stories, date inference, contradictions, outlet profiles.
import type { Kb } from '../kb/index.js'
import type { ActorRecord, DocumentRecord } from '../model/records.js'
import type { CorpusUpdate } from '../store/store.js'
import { actorInfo } from './actor-compat.js'
import { analyzeParts } from './analyze.js'
import { corpusIndex } from './corpus-keys.js'

export { findDuplicates } from './duplicates.js'
export { textSignature, estimateJaccard, LshIndex } from './minhash.js'
export { resolveRelative } from './relative-dates.js'

/** Corpus-wide analysis over every current document (run after each ingest; its result replaces the last). */
export function analyzeCorpus(docs: readonly DocumentRecord[], opts: { kb: Kb }): CorpusUpdate {
  const parts = analyzeParts(docs, opts.kb)
  // the look-ups of the incremental analysis (src/corpus/incremental.ts) over the documents as the analysis saw them
  return { actors: collectActors(docs, opts.kb), ...parts, index: corpusIndex(docs, parts.records, actorInfo(docs, opts.kb), opts.kb) }
}

/** One actor record per actor id referenced by any document, enriched from the knowledge base. */
export function collectActors(docs: readonly DocumentRecord[], kb: Kb): ActorRecord[] {
  const out = new Map<string, ActorRecord & { aliases: string[] }>()
  for (const d of docs) for (const e of d.entities) {
    let a = out.get(e.actor)
    if (!a) {
      const k = kb.actor(e.actor)
      a = { kind: 'actor', id: e.actor, name: k?.name ?? e.name, type: k?.type ?? e.type, affiliation: k?.affiliation ?? e.affiliation, code: k?.code ?? e.code,
        aliases: [...(k?.aliases ?? [])], roles: (k?.roles ?? []).map((r) => ({ title: r.title, from: r.from, to: r.to, code: r.code })),
        ...(k?.geo ? { geo: { lat: k.geo.lat, lon: k.geo.lon, country: k.geo.country } } : {}) }
      out.set(e.actor, a)
    }
    // descriptive references ("the Russian leader") and bare heads are not names of the actor
    for (const m of e.mentions) if (m.how !== 'role' && m.how !== 'antecedent' && !a.aliases.includes(m.text)) a.aliases.push(m.text)
  }
  return [...out.values()].sort((a, b) => a.id.localeCompare(b.id))
}
