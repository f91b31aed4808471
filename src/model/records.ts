import type { Doc } from '../doc/doc.js'
import type { ClaimRecord, Entity, EventRecord, FramingRecord, QuoteRecord, TimeExpr, DatePrecision } from '../doc/layers.js'
import type { Message, Span } from '../doc/span.js'

/** Inferred publication date of an undated page (cross-source stage). */
export interface InferredDate { readonly date: string; readonly precision: DatePrecision; readonly basis: string }

/** The document record of the JSON Lines export (`kind: "document"`). Every span indexes `text`. */
export interface DocumentRecord {
  readonly kind: 'document'
  readonly id: string
  readonly source: { readonly path: string | null; readonly url: string | null; readonly sha256: string; readonly fetched_at?: string | null }
  readonly outlet: string | null
  readonly copy_of: string | null
  readonly title: string | null
  readonly published: string | null
  readonly published_inferred?: InferredDate | null
  readonly author: string | null
  /** ISO 639-1 code of the language the text is written in (detected by the clean stage; README, Languages); null when unknown */
  readonly language?: string | null
  readonly text: string
  readonly body: readonly string[]
  readonly paragraphs: readonly Span[]
  readonly sentences?: readonly Span[]
  readonly entities: readonly Entity[]
  readonly events: readonly EventRecord[]
  readonly quotes: readonly QuoteRecord[]
  readonly claims: readonly ClaimRecord[]
  readonly framing: readonly FramingRecord[]
  readonly timex: readonly TimeExpr[]
  readonly messages: readonly Message[]
  readonly raw_map?: readonly { start: number; end: number; rawStart: number; rawEnd: number }[]
  /** documents this one duplicates or is duplicated by (cross-source stage) */
  readonly duplicates?: readonly { readonly doc: string; readonly similarity: number; readonly relation: 'copy-of' | 'copied-by' | 'near-duplicate' }[]
}

/** A dated role held by an actor. */
export interface Role { readonly title: string; readonly from: string | null; readonly to: string | null; readonly code?: string | null }

/** `kind: "actor"` record: one real person, organisation or place across the corpus. */
export interface ActorRecord {
  readonly kind: 'actor'
  readonly id: string
  readonly name: string
  readonly type: string
  readonly affiliation: string | null
  readonly code: string | null
  readonly aliases: readonly string[]
  readonly roles: readonly Role[]
  readonly geo?: { readonly lat: number; readonly lon: number; readonly country: string | null } | null
}

/** Corpus-level records produced by the cross-source stage. */
export interface StoryRecord { readonly kind: 'story'; readonly id: string; readonly title: string; readonly documents: readonly string[]; readonly story_events: readonly string[] }
export interface StoryEventRecord {
  readonly kind: 'story_event'; readonly id: string; readonly type: string; readonly date: string | null; readonly date_precision: DatePrecision | null
  readonly source_actor: { actor: string; name: string } | null; readonly target_actor: { actor: string; name: string } | null; readonly location: string | null
  readonly members: readonly { readonly doc: string; readonly event: string }[]
  readonly independent_sources: readonly string[]; readonly first_reported_by: string | null
  /** each member side by side: its outlet, date, whether it is an independent source (copies are not), evidence and framing terms of its paragraph */
  readonly sources?: readonly { readonly doc: string; readonly outlet: string | null; readonly published: string | null; readonly independent: boolean; readonly evidence: Span & { readonly text: string }; readonly framing: readonly string[] }[]
}
export interface ContradictionRecord {
  readonly kind: 'contradiction'; readonly id: string; readonly description: string; readonly field: string
  readonly members: readonly { readonly doc: string; readonly value: unknown; readonly qualifier?: string | null; readonly evidence: Span & { readonly text: string } }[]
}
export interface OutletProfileRecord {
  readonly kind: 'outlet'; readonly id: string; readonly name: string; readonly documents: number; readonly words: number
  readonly terms: readonly { readonly term: string; readonly neutral: string; readonly count: number; readonly per_1000_words: number; readonly evidence: readonly { readonly doc: string; readonly start: number; readonly end: number; readonly text: string }[] }[]
  readonly tone?: number
  /** per document of the outlet: words, tone in [-1, 1] and framing terms found */
  readonly documents_detail?: readonly { readonly doc: string; readonly words: number; readonly tone: number; readonly terms: number }[]
}
export type CorpusRecord = StoryRecord | StoryEventRecord | ContradictionRecord | OutletProfileRecord

/** Builds the export's document record from a processed Doc. */
export function toDocumentRecord(doc: Doc): DocumentRecord {
  const L = doc.layers
  const paragraphs = L.paragraphs ?? []
  return {
    kind: 'document',
    id: doc.id,
    source: { path: doc.source.path, url: doc.source.url, sha256: doc.source.sha256, fetched_at: doc.source.fetched_at },
    outlet: doc.meta.outlet, copy_of: doc.meta.copy_of, title: doc.meta.title, published: doc.meta.published, author: doc.meta.author,
    language: doc.meta.language ?? null,
    text: doc.text,
    body: paragraphs.map((p) => doc.text.slice(p.start, p.end)),
    paragraphs,
    sentences: L.sentences ?? [],
    entities: L.entities ?? [], events: L.events ?? [], quotes: L.quotes ?? [], claims: L.claims ?? [],
    framing: L.framing ?? [], timex: L.timex ?? [],
    messages: doc.messages,
    raw_map: doc.rawMap,
  }
}
