import type { Kb } from '../kb/index.js'
import type { CorpusRecord, DocumentRecord } from '../model/records.js'
import type { CorpusIndex } from '../store/store.js'
import type { ActorInfo } from './actor-compat.js'
import { placeKey } from './claim-anchor.js'
import { CASUALTY_EVENT_TYPES } from './corpus.data.js'
import { blockKeys } from './event-coref.js'
import { bandKeys, exactKey, minhashSignature, shingleHashes, wordHashes } from './minhash.js'
import { contentWords } from './text-sim.js'

/**
 * The keys the incremental analysis finds the documents a page can affect by, one per way two documents meet in the
 * analysis: `x:` the exact text, `l:` each LSH band (near-duplicate candidates), `b:` each coreference block of an
 * event (type with an actor or a place), `c:` each place a page with figures names (claims tied to a place).
 */
export function documentKeys(d: DocumentRecord, info: ReadonlyMap<string, ActorInfo>): string[] {
  const keys = new Set<string>()
  const words = wordHashes(d.body.join('\n'))
  keys.add('x:' + exactKey(words))
  if (words.length) for (const b of bandKeys(minhashSignature(shingleHashes(words)))) keys.add('l:' + b)
  // a block of the page alone (an event with no actor nor place) meets no other page
  for (const e of d.events) for (const k of blockKeys(d.id, e, info)) if (!k.includes('|d|')) keys.add('b:' + k)
  if (d.claims.length) for (const ent of d.entities) {
    const t = info.get(ent.actor)?.type ?? ent.type
    if (t === 'GPE' || t === 'LOC') keys.add('c:' + (info.get(ent.actor)?.id ?? ent.actor))
  }
  return [...keys]
}

/** The place key an attack story event is found by (`a:`), as claims name places: see claim-anchor.ts. */
export function attackKey(r: CorpusRecord, kb: Kb): string | null {
  return r.kind === 'story_event' && CASUALTY_EVENT_TYPES.has(r.type) && r.location ? 'a:' + placeKey(kb, r.location) : null
}

/** Content-word document frequencies of the documents' event sentences (each sentence counts each word once). */
export function termCounts(docs: readonly DocumentRecord[], sign = 1): { terms: Map<string, number>; sentences: number } {
  const terms = new Map<string, number>()
  let sentences = 0
  for (const d of docs) for (const e of d.events) {
    sentences += sign
    for (const w of new Set(contentWords(e.evidence.text))) terms.set(w, (terms.get(w) ?? 0) + sign)
  }
  return { terms, sentences }
}

/** The index rows of an analysis: every document's keys, the attack story events' places, and the word counts. */
export function corpusIndex(docs: readonly DocumentRecord[], records: readonly CorpusRecord[], info: ReadonlyMap<string, ActorInfo>, kb: Kb, counts = termCounts(docs)): CorpusIndex {
  const keys: [string, string][] = []
  for (const d of docs) for (const k of documentKeys(d, info)) keys.push([k, d.id])
  for (const r of records) { const k = attackKey(r, kb); if (k) keys.push([k, r.id]) }
  return { keys, ...counts }
}
