import type { ActorRef, Entity, EntityType, Sentence } from '../../doc/layers.js'
import type { Span } from '../../doc/span.js'
import { sentenceChunks, textChunks } from './chunks.js'
import { lowerBound } from '../tokens/tokens.js'
import { countryCode, countryOfDemonym } from './places.js'

/** An actor phrase in the text: an entity mention, or a rule-found name, pronoun or role description. */
export interface ActorMention extends Span {
  readonly text: string
  readonly ref: ActorRef | null
  readonly type: EntityType | 'UNKNOWN'
  readonly kind: 'name' | 'pronoun' | 'role'
  /** what a pronoun or description stands for; 'country': "the Asian country", "the Islamic Republic" */
  readonly pron?: 'person' | 'thing' | 'group' | 'country'
}

/** Actor id for a name no entity carries. */
export const slug = (name: string): string => 'x:' + name.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-')

/** The actor of a name no entity holds: the knowledge base's state where it is a country's name ("Russia" → GPE:RUS, as the entities layer names it), else a plain-text actor. */
export const nameRef = (name: string): ActorRef => { const iso = countryCode(name); return { actor: iso ? `GPE:${iso}` : slug(name), name } }

/** True when a span overlaps one of `sorted` (sorted by start): binary search, then a short scan back. */
function overlapsAny(sorted: readonly Span[], c: Span): boolean {
  const lo = lowerBound(sorted, c.end)
  for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) if (sorted[i].end > c.start) return true
  return false
}

/** True when every entity mention overlapping `c` is a nationality adjective ("Iraqi"). */
function onlyDemonymsIn(mentions: readonly ActorMention[], c: Span): boolean {
  const inside = mentions.filter((m) => m.start < c.end && c.start < m.end)
  return inside.length > 0 && inside.every((m) => m.start >= c.start && m.end <= c.end && !!countryOfDemonym(m.text))
}

/** Names of agreements ("… Treaty", "… Plan of Action", "JCPOA"), which an entities layer may type as organisations. */
export const AGREEMENT_NAME = /\b(?:Treaty|Agreement|Accords?|Plan\s+of\s+Action|Convention|Protocol|Charter|JCPOA|NPT)$/u

/** The word for a government right after a leader's name ("the Trump administration"). */
const GOVERNMENT_AFTER = /^(?:['’]s)?\s+(?:administration|government|cabinet)\b/u

/**
 * Entity mentions, plus rule-found phrases where no entity mention lies: pronouns, role descriptions, pairs and
 * nationality groups always; capitalised names only when the entities layer is empty (a surname takes the full
 * name seen earlier). Sorted by start, longest first.
 */
export function buildMentions(text: string, sentences: readonly Sentence[], entities: readonly Entity[]): ActorMention[] {
  // "the Trump administration", "the Raisi government": a leader's name before the word for the government they head
  // stands for that state, when the document names it
  const stateOf = (e: Entity): Entity | undefined => (e.type === 'PERSON' && e.affiliation ? entities.find((x) => x.type === 'GPE' && x.code === e.affiliation) : undefined)
  // an agreement is what parties sign or leave, never a party ("the Joint Comprehensive Plan of Action (JCPOA)")
  const fromEntities: ActorMention[] = entities.filter((e) => !(e.type === 'ORG' && AGREEMENT_NAME.test(e.name))).flatMap((e) => e.mentions.map((m) => {
    const state = GOVERNMENT_AFTER.test(text.slice(m.end, m.end + 20)) ? stateOf(e) : undefined
    const ref = state ? { actor: state.actor, name: state.name } : { actor: e.actor, name: e.name }
    return { start: m.start, end: m.end, text: text.slice(m.start, m.end), ref, type: state ? 'GPE' as const : e.type, kind: 'name' as const }
  }))
  fromEntities.sort((a, b) => a.start - b.start)
  // with an entities layer, rule-found names would only add noise: keep pronouns, roles and nationality groups
  const chunks = entities.length ? textChunks(text) : sentences.flatMap((s) => sentenceChunks(text, s))
  const lastNames = new Map<string, string>()
  for (const c of chunks) if (c.type === 'PERSON' && c.kind === 'name' && c.name.includes(' ')) { const l = c.name.split(' ').pop()!; if (!lastNames.has(l)) lastNames.set(l, c.name) }
  for (const e of entities) if (e.type === 'PERSON') { const l = e.name.split(' ').pop()!; if (!lastNames.has(l)) lastNames.set(l, e.name) }
  const seen = new Set(chunks.filter((c) => !c.initial).map((c) => c.text))
  const extra: ActorMention[] = []
  for (const c of chunks) {
    if (c.initial && !lastNames.has(c.text) && !seen.has(c.text)) continue
    // a role description built around a nationality adjective ("the Iraqi foreign minister") stands for the office holder, not the country
    if (overlapsAny(fromEntities, c) && !(c.kind === 'role' && c.pron !== 'group' && c.pron !== 'country' && onlyDemonymsIn(fromEntities, c))) continue
    if (c.kind === 'name' && AGREEMENT_NAME.test(c.name)) continue
    if (c.kind !== 'name') { extra.push({ start: c.start, end: c.end, text: c.text, ref: null, type: c.type, kind: c.kind, pron: c.pron }); continue }
    const full = !c.name.includes(' ') && c.type !== 'GPE' ? lastNames.get(c.name) : undefined
    const ent = entities.find((e) => e.name === (full ?? c.name))
    const name = full ?? c.name
    const type = full ? 'PERSON' : c.type
    extra.push({ start: c.start, end: c.end, text: c.text, ref: ent ? { actor: ent.actor, name: ent.name } : nameRef(name), type: ent?.type ?? type, kind: 'name' })
  }
  return [...fromEntities, ...extra].sort((a, b) => a.start - b.start || b.end - a.end)
}
