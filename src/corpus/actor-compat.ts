import type { ActorRef } from '../doc/layers.js'
import { foldName, type Kb } from '../kb/index.js'
import type { DocumentRecord } from '../model/records.js'

/** What actor comparison needs to know of an actor; `id` is the canonical (knowledge-base) id when one is known. */
export interface ActorInfo { readonly id: string; readonly type: string; readonly affiliation: string | null; readonly code: string | null; readonly name: string }

/** `same`: one actor; `weak`: a part and its whole (a person or capital of a state, the state); `unknown`: one side names none or cannot be told. */
export type ActorMatch = 'same' | 'weak' | 'unknown' | 'conflict'

/** The knowledge-base actor a name stands for (an exact alias), if any. */
export function kbActorByName(kb: Kb, name: string) {
  const hits = kb.lookup?.(foldName(name))?.filter((h) => h.how === 'alias')
  return hits?.length ? kb.actor(hits[0].actor) : undefined
}

/** Actor facts by the ids documents use (entities and event arguments), resolved through the knowledge base. */
export function actorInfo(docs: readonly DocumentRecord[], kb: Kb): Map<string, ActorInfo> {
  const out = new Map<string, ActorInfo>()
  const add = (id: string, name: string, type?: string, affiliation?: string | null, code?: string | null) => {
    if (out.has(id)) return
    const k = kb.actor(id) ?? kbActorByName(kb, name)
    if (k) out.set(id, { id: k.id, type: k.type, affiliation: k.affiliation, code: k.code, name: k.name })
    else if (type) out.set(id, { id, type, affiliation: affiliation ?? null, code: code ?? null, name })
  }
  for (const d of docs) {
    for (const e of d.entities) add(e.actor, e.name, e.type, e.affiliation, e.code)
    for (const e of d.events) for (const a of [e.source_actor, e.target_actor]) if (a) add(a.actor, a.name)
  }
  return out
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
const lastWord = (s: string) => norm(s).split(' ').at(-1) ?? ''

const isState = (i: ActorInfo) => i.type === 'GPE' && !!i.code && (!i.affiliation || i.affiliation === i.code)

/**
 * Compares two actors after resolution. Different people never match; a person, organisation or capital
 * matches its own state weakly ("Putin" ~ "Russia", "Moscow" ~ "Russia"); an actor the knowledge base does
 * not know matches one with the same last word, and is otherwise undecided (`unknown`), never a conflict.
 */
export function compareActors(a: ActorRef | null, b: ActorRef | null, info: ReadonlyMap<string, ActorInfo>): ActorMatch {
  if (!a || !b) return 'unknown'
  const ia = info.get(a.actor), ib = info.get(b.actor)
  if (a.actor === b.actor || (ia && ib && ia.id === ib.id) || norm(a.name) === norm(b.name)) return 'same'
  if (!ia || !ib) return lastWord(a.name) === lastWord(b.name) ? 'weak' : 'unknown'
  if (ia.type === 'PERSON' && ib.type === 'PERSON') return 'conflict'
  const sa = isState(ia) ? ia.code : ia.affiliation, sb = isState(ib) ? ib.code : ib.affiliation
  if (isState(ia) && isState(ib)) return sa === sb ? 'weak' : 'conflict'
  if ((isState(ia) || isState(ib)) && sa && sa === sb) return 'weak'
  return 'conflict'
}
