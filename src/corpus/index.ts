// STUB (owned by the cross-source engineer): duplicates, story events, contradictions, date inference, outlet profiles.
import type { Kb } from '../kb/index.js'
import type { ActorRecord, DocumentRecord } from '../model/records.js'
import type { CorpusUpdate } from '../store/store.js'

/** Corpus-wide analysis over every current document. */
export function analyzeCorpus(docs: readonly DocumentRecord[], opts: { kb: Kb }): CorpusUpdate {
  return { actors: collectActors(docs, opts.kb), records: [], eventStory: new Map(), docs: new Map() }
}

/** One actor record per actor id referenced by any document, enriched from the knowledge base. */
export function collectActors(docs: readonly DocumentRecord[], kb: Kb): ActorRecord[] {
  const out = new Map<string, ActorRecord & { aliases: string[] }>()
  for (const d of docs) for (const e of d.entities) {
    let a = out.get(e.actor)
    if (!a) {
      const k = kb.actor(e.actor)
      a = { kind: 'actor', id: e.actor, name: k?.name ?? e.name, type: k?.type ?? e.type, affiliation: k?.affiliation ?? e.affiliation, code: k?.code ?? e.code,
        aliases: [...(k?.aliases ?? [])], roles: k?.roles ?? [] }
      out.set(e.actor, a)
    }
    for (const m of e.mentions) if (!a.aliases.includes(m.text)) a.aliases.push(m.text)
  }
  return [...out.values()].sort((a, b) => a.id.localeCompare(b.id))
}
