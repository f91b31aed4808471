import type { Entity, EntityType, Mention } from '../../../doc/layers.js'
import { msg, type Message } from '../../../doc/span.js'
import type { Ctx, Hit } from '../context.js'
import { foldName } from '../../../kb/index.js'

const EXPLAIN: Readonly<Record<string, string>> = {
  translit: 'another transliteration of', fuzzy: 'read as a misspelling of', variant: 'a spelling of the given name of',
  role: 'resolved by role and date to', metonym: 'a city standing for its state:', antecedent: 'the body named earlier:',
}

/** Builds the `mentions` layer (sorted by start, overlaps allowed) and one entity per actor of the document. */
export function assemble(ctx: Ctx): { mentions: Mention[]; entities: Entity[]; messages: Message[] } {
  const hits = ctx.hits.filter((h) => !h.dropped).sort((a, b) => a.w0 - b.w0 || b.w1 - a.w1)
  const span = (h: Hit) => ({ start: ctx.words[h.w0]!.start, end: ctx.words[h.w1 - 1]!.end })
  const mentions: Mention[] = []
  const messages: Message[] = []
  const groups = new Map<string, Hit[]>()
  for (const h of hits) {
    const s = span(h)
    const type = h.actor ? ctx.kb.actor(h.actor)?.type ?? ctx.newActors.get(h.actor)?.type : undefined
    mentions.push({ start: s.start, end: s.end, label: type ?? 'MISC', by: h.by })
    if (!h.actor || !type) continue
    const g = groups.get(h.actor) ?? []
    g.push(h)
    groups.set(h.actor, g)
    if (EXPLAIN[h.how]) messages.push(msg('entities', `name-${h.how}`, `"${ctx.text.slice(s.start, s.end)}" ${EXPLAIN[h.how]} ${nameOf(ctx, h.actor)}`, 'info', s))
  }
  const entities: Entity[] = []
  for (const [actor, hs] of groups) {
    const k = ctx.kb.actor(actor)
    const n = ctx.newActors.get(actor)
    const texts = hs.map((h) => { const s = span(h); return { start: s.start, end: s.end, text: ctx.text.slice(s.start, s.end), how: h.how } })
    // a body found by its head noun is named by the page only with its country in the name ("Russian Foreign Ministry", not "Foreign Ministry")
    const own = texts.filter((t) => t.how !== 'head' || !ctx.kb.heads.has(fold(t.text).replace(/^the /u, '')))
    const name = k ? pageName(k.name, k.type, own) : texts.filter((t) => t.how !== 'role').map((t) => t.text).sort((a, b) => b.length - a.length)[0] ?? n!.name
    entities.push({ id: `${ctx.doc.id}:${actor}`, actor, name, type: (k?.type ?? n!.type) as EntityType,
      affiliation: k?.affiliation ?? n?.affiliation ?? null, code: k?.code ?? n?.affiliation ?? null, mentions: texts })
  }
  entities.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start)
  return { mentions, entities, messages }
}

/** Ways of naming that are no name of the actor's own (a title, a capital, a body named earlier). */
const NOT_NAMES = new Set(['role', 'metonym', 'antecedent'])
const fold = (s: string): string => foldName(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()

/**
 * The name a document gives a known person or body: the knowledge base's name as the page spells it (accents
 * and letters like "ı" as the page writes them), else the page's own longest spelling ("James Mattis" for Jim Mattis; "Russian Defense Ministry"; a body
 * only by a full name of several words, never an acronym or a short form like "Tasnim"). The actor id keeps the
 * identity and the corpus's actor table the canonical name. Places keep the canonical name: a page's other names
 * for a state are often loaded ("the Zionist regime").
 */
function pageName(canonical: string, type: string, texts: readonly { text: string; how?: string }[]): string {
  if (type !== 'PERSON' && type !== 'ORG') return canonical
  const own = texts.filter((t) => !NOT_NAMES.has(t.how ?? '') && /^\p{Lu}/u.test(t.text))
  const c = fold(canonical)
  if (!own.length) return canonical
  // the page's own spelling of the canonical name ("Ibrahim Kalin" for İbrahim Kalın): letters like "ı" or "ø" no accent folding unifies
  const same = own.find((t) => fold(t.text) === c)
  if (same) return same.text.replace(/\s+/g, ' ')
  const longest = own.map((t) => t.text).sort((a, b) => b.length - a.length)[0]!
  // a body is renamed only by a full name of several words ("Russian Defense Ministry"), never an acronym or a short form ("Tasnim")
  return type === 'PERSON' || (longest.split(/\s+/).length >= 2 && !/^[\p{Lu}\d.\s-]+$/u.test(longest)) ? longest : canonical
}

const nameOf = (ctx: Ctx, actor: string): string => ctx.kb.actor(actor)?.name ?? ctx.newActors.get(actor)?.name ?? actor
