import type { Doc } from '../../doc/doc.js'
import type { EntityType, MentionLabel } from '../../doc/layers.js'
import type { Kb } from '../../kb/index.js'

/** A word of the document (a token, or one part of a hyphenated token such as "Moscow-Tehran"). */
export interface Word {
  readonly start: number
  readonly end: number
  readonly text: string
  /** folded (lower case, no accents, straight apostrophes) */
  readonly fold: string
  /** case kept, accents and apostrophes folded */
  readonly cf: string
  readonly sent: number
  /** first word of its sentence */
  readonly first: boolean
  /** starts with a capital letter */
  readonly cap: boolean
}

/** A found mention, before or after resolution: words [w0, w1). */
export interface Hit {
  w0: number
  w1: number
  /** resolved actor id, or null while unresolved */
  actor: string | null
  label: MentionLabel
  by: 'kb' | 'ner' | 'rule'
  /** how it was resolved: alias, surname, translit, fuzzy, partial, role, head, metonym, new */
  how: string
  /** candidate actors from the gazetteer, best first */
  cands?: readonly { readonly actor: string; readonly how: string; readonly weak?: boolean }[]
  /** a title written just before (its folded words) */
  title?: string[]
  /** true for hits dropped in favour of an overlapping one */
  dropped?: boolean
}

/** An actor not in the knowledge base, found in this document. */
export interface NewActor { readonly id: string; name: string; readonly type: EntityType; affiliation: string | null }

/** Everything the steps share for one document. */
export interface Ctx {
  readonly doc: Doc
  readonly text: string
  readonly kb: Kb
  readonly words: Word[]
  /** publication day `YYYY-MM-DD`, or null */
  readonly date: string | null
  readonly hits: Hit[]
  readonly newActors: Map<string, NewActor>
}

/** Text of words [w0, w1) taken from the document. */
export const wordsText = (ctx: Ctx, w0: number, w1: number): string => ctx.text.slice(ctx.words[w0]!.start, ctx.words[w1 - 1]!.end)

/** Entity type of an actor id (KB or new). */
export function typeOf(ctx: Ctx, actor: string): EntityType | null {
  return ctx.kb.actor(actor)?.type ?? ctx.newActors.get(actor)?.type ?? null
}
