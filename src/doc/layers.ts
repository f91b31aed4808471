import type { Span } from './span.js'

/** Entity types of the export. MISC is kept internally (CoNLL) but never exported as an entity. */
export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'GROUP'
export type MentionLabel = EntityType | 'MISC'
export type DatePrecision = 'day' | 'week' | 'month' | 'year'

/** A word or punctuation token. */
export interface Token extends Span {}
/** A sentence; sentences never overlap and never cross a paragraph. */
export interface Sentence extends Span {}
/** A body paragraph of the cleaned text. */
export interface Paragraph extends Span {}

/** A named-entity mention found in the text (before resolution). */
export interface Mention extends Span {
  readonly label: MentionLabel
  /** who found it: the trained model, the knowledge-base gazetteer, or a rule */
  readonly by: 'ner' | 'kb' | 'rule'
}

/** A reference to a resolved actor. */
export interface ActorRef { readonly actor: string; readonly name: string }

/** An entity of one document: all mentions of one actor in it. */
export interface Entity {
  readonly id: string
  readonly actor: string
  readonly name: string
  readonly type: EntityType
  readonly affiliation: string | null
  readonly code: string | null
  readonly mentions: readonly (Span & { readonly text: string; readonly how?: string })[]
}

/** A time expression resolved (or not) against the publication date. */
export interface TimeExpr extends Span {
  readonly text: string
  /** ISO date `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`); null when it cannot be resolved (undated page) */
  readonly value: string | null
  readonly precision: DatePrecision
  readonly basis: 'stated' | 'relative-to-publication' | 'unresolved'
}

/**
 * What made a machine fact: a rule (detail: which rule or lexicon entry) or a trained model (detail: which model and
 * how it was read); `score` is the model's confidence where it gives one, null for a rule or a model that gives none.
 */
export interface ProducedBy { readonly method: 'rule' | 'model'; readonly detail: string; readonly score: number | null }

/** A PLOVER event mention with its evidence sentence. */
export interface EventRecord {
  readonly id: string
  readonly story_event: string | null
  readonly type: string
  readonly mode: string | null
  readonly source_actor: ActorRef | null
  readonly target_actor: ActorRef | null
  /** the other parties of a joint act beyond source and target ("the deal was signed by A, B and C": C); absent when there are none */
  readonly co_sources?: readonly ActorRef[]
  readonly date: string | null
  readonly date_precision: DatePrecision | null
  readonly date_basis?: string | null
  /** true when the date was inferred from other pages by the cross-source analysis (never set by stages) */
  readonly date_inferred?: boolean
  readonly location: string | null
  /** the location as a resolved entity of the document, when it is one (the map places the event there) */
  readonly location_actor?: ActorRef | null
  readonly trigger?: Span & { readonly text: string }
  readonly reported_by?: string | null
  readonly negated?: boolean
  readonly evidence: Span & { readonly text: string }
  /** what coded it: a rule of the trigger lexicon (detail: the entry's reason) or the trigger model (score: its margin over "no event") */
  readonly produced_by?: ProducedBy
}

/** Direct speech with its speaker. */
export interface QuoteRecord extends Span {
  readonly id: string
  readonly speaker: ActorRef | null
  readonly text: string
  /** what named the speaker: the dependency parse of the syntax model, or a cue rule (detail: which); no score either way */
  readonly produced_by?: ProducedBy
}

/** A numeric claim. */
export interface ClaimRecord {
  readonly id: string
  readonly what: string
  readonly value: number
  readonly qualifier: string | null
  readonly unit: string
  readonly number?: Span & { readonly text: string }
  readonly evidence: Span & { readonly text: string }
  /** what found it: the number and unit rules (detail: which pattern), no score */
  readonly produced_by?: ProducedBy
}

/** A loaded term used in the outlet's own voice. */
export interface FramingRecord extends Span {
  readonly term: string
  readonly neutral: string
  readonly text: string
  /** the lexicon term this match belongs to (e.g. "<state> regime"); optional, added by the framing stage */
  readonly label?: string
  /** what found it: the framing lexicon (a rule; detail: its entry), no score */
  readonly produced_by?: ProducedBy
}

/**
 * The syntax of one token (layer `syntax`, parallel to `tokens`: entry i describes token i): its Universal POS tag,
 * a cheap rule lemma, its head as an index into the document's tokens layer (-1 for a sentence root) and its
 * Universal Dependencies relation to that head (subtypes kept, e.g. `nsubj:pass`, `obl:agent`).
 */
export interface SyntaxToken {
  readonly upos: string
  readonly lemma: string
  readonly head: number
  readonly deprel: string
}

/** Every layer a stage may produce, by name. Stages declare which of these they require and produce. */
export interface LayerMap {
  paragraphs: readonly Paragraph[]
  tokens: readonly Token[]
  sentences: readonly Sentence[]
  syntax: readonly SyntaxToken[]
  mentions: readonly Mention[]
  entities: readonly Entity[]
  timex: readonly TimeExpr[]
  events: readonly EventRecord[]
  quotes: readonly QuoteRecord[]
  claims: readonly ClaimRecord[]
  framing: readonly FramingRecord[]
}
export type LayerName = keyof LayerMap
