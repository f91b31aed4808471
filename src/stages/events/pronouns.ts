import type { ActorRef } from '../../doc/layers.js'
import type { ActorIndex } from './actors.js'
import type { ActorMention } from './mentions.js'
import { knownPlace } from './places.js'

/** How far back (UTF-16 units) "they" may reach for the pair it stands for: about two sentences. */
const PAIR_REACH = 300

interface Subject { readonly pos: number; readonly ref: ActorRef | null; readonly type: string }

/** The latest person subject before `pos`. */
function lastPerson(subjects: readonly Subject[], pos: number): ActorRef | null {
  for (let i = subjects.length - 1; i >= 0; i--) if (subjects[i].pos < pos && subjects[i].type === 'PERSON' && subjects[i].ref) return subjects[i].ref
  return null
}

/** "they"/"them": the nearest earlier group or collective named in the same or the previous sentence. */
function lastGroup(idx: ActorIndex, m: ActorMention): ActorRef | null {
  const k = idx.sentences.findIndex((s) => s.start <= m.start && m.start < s.end)
  const from = idx.sentences[Math.max(0, k - 1)]?.start ?? 0
  return idx.within(from, m.start).filter((o) => o.kind === 'name' && o.type === 'GROUP').at(-1)?.ref ?? null
}

/** "the Asian country": the nearest country named before it (a GPE that is a state, not a city). */
function lastCountry(idx: ActorIndex, m: ActorMention): ActorRef | null {
  for (let i = idx.mentions.length - 1; i >= 0; i--) {
    const o = idx.mentions[i]
    if (o.end > m.start || o.kind !== 'name' || o.type !== 'GPE' || !o.ref) continue
    if (knownPlace(o.ref.name)?.country === o.ref.name) return o.ref
  }
  return null
}

/** A pair description ("the two countries"): the two latest distinct actors of the kind it names before it. */
export function pairOf(idx: ActorIndex, m: ActorMention): [ActorRef, ActorRef] | null {
  // "they" right after a pair description ("The two leaders … They agreed") is that pair
  if (m.kind === 'pronoun' && m.pron === 'group') {
    const prev = idx.mentions.filter((o) => o.kind === 'role' && o.pron === 'group' && o.end <= m.start && m.start - o.end < PAIR_REACH).at(-1)
    return prev ? pairOf(idx, prev) : null
  }
  if (m.kind !== 'role' || m.pron !== 'group') return null
  const want = /countries|nations|states|governments/iu.test(m.text) ? 'GPE' : 'PERSON'
  const seen: ActorRef[] = []
  for (let i = idx.mentions.length - 1; i >= 0 && seen.length < 2; i--) {
    const o = idx.mentions[i]
    if (o.end > m.start || o.type !== want || !o.ref) continue
    // "the two countries" are states, not the city where they met ("Iran and Russia held talks in Moscow")
    if (want === 'GPE' && knownPlace(o.ref.name) && knownPlace(o.ref.name)!.country !== o.ref.name) continue
    if (!seen.some((r) => r.actor === o.ref!.actor)) seen.push(o.ref)
  }
  return seen.length === 2 ? [seen[1], seen[0]] : null
}

/**
 * Resolves pronouns and role descriptions in text order: "he"/"she" and "the Russian leader" take the last person
 * who was a sentence subject (subjects are found first, so a pronoun subject chains), "they"/"them" the nearest
 * group named just before, "it" nothing here (the event coder reads it as the nearest earlier subject).
 */
export function resolvePronouns(idx: ActorIndex): Map<ActorMention, ActorRef | null> {
  const resolved = new Map<ActorMention, ActorRef | null>()
  const subjects: Subject[] = []
  const resolve = (m: ActorMention): void => {
    if (m.kind === 'name' || resolved.has(m)) return
    if (m.kind === 'pronoun' && m.pron === 'group') { resolved.set(m, lastGroup(idx, m)); return }
    if (m.pron === 'country') { resolved.set(m, lastCountry(idx, m)); return }
    resolved.set(m, m.pron === 'person' || (m.kind === 'role' && m.pron !== 'group') ? lastPerson(subjects, m.start) : null)
  }
  const refOf = (m: ActorMention): ActorRef | null => (m.kind === 'name' ? m.ref : resolved.get(m) ?? null)
  for (const s of idx.sentences) {
    const c = idx.sentenceSubject(s)
    if (c) {
      resolve(c)
      subjects.push({ pos: c.start, ref: refOf(c), type: c.kind === 'name' ? c.type : c.pron === 'person' || c.kind === 'role' ? 'PERSON' : 'UNKNOWN' })
    }
    for (const m of idx.within(s.start, s.end)) resolve(m)
  }
  return resolved
}
