import type { EntityType } from '../doc/layers.js'

/** A dated role held by a person: `office` points into the office table; dates are `YYYY[-MM[-DD]]` or null (open). */
export interface KbRole {
  readonly office: string
  readonly title: string
  readonly from: string | null
  readonly to: string | null
  readonly code: string | null
}

/** An office of the role table: who holds it is read from the people's roles. */
export interface KbOffice {
  readonly id: string
  readonly title: string
  /** ISO 3166 alpha-3 of the state, or null for offices of non-state groups (see `body`) */
  readonly country: string | null
  /** actor id of the body the office belongs to ("ORG:IRN:snsc"), if any */
  readonly body: string | null
  /** what kind of office it is, shared across countries ("head-of-state", "security-chief", ...) */
  readonly kind: string
  /** nouns that name a holder in descriptive references ("leader", "secretary", "spokesman") */
  readonly nouns: readonly string[]
  readonly code: string | null
}

/** A place's coordinates (WGS84) and the country it lies in. */
export interface KbGeo { readonly lat: number; readonly lon: number; readonly country: string | null }

/** An actor known to the knowledge base. */
export interface KbActor {
  /** stable id: "P:vladimir-putin", "GPE:RUS", "GPE:RUS:moscow", "ORG:RUS:kremlin", "GROUP:islamic-state", "LOC:gaza-strip" */
  readonly id: string
  readonly name: string
  readonly type: EntityType
  readonly affiliation: string | null
  /** CAMEO-style actor code (RUSGOV, IRNMIL, ...) */
  readonly code: string | null
  readonly aliases: string[]
  readonly roles: KbRole[]
  readonly geo?: KbGeo | null
  /** the actor this one often stands for ("the Kremlin" for Russia's government, a capital for its state) */
  readonly standsFor?: string | null
  /** for countries: adjectives ("Russian") — used to resolve "the Russian leader", never emitted as mentions */
  readonly demonyms?: readonly string[]
  /** for state bodies: nouns valid only with a country qualifier ("foreign ministry" in "Iran's foreign ministry") */
  readonly heads?: readonly string[]
  /** for state bodies: the template of bodies.jsonl they instantiate ("foreign-ministry") */
  readonly template?: string | null
  /** imported from an external dictionary (`build:kb`): its surname alone needs support, and it is never reached by spelling variants */
  readonly generated?: boolean
  /** for people: the names they are called by alone, when not derived from their full names (`[]`: none) */
  readonly surnames?: readonly string[]
  /** where the record came from (file:line), for messages */
  readonly origin?: string
}

/** A gazetteer hit: the actor ids a token sequence names, and how. */
export interface GazEntry {
  readonly actor: string
  /** alias: a full name; surname: the last word of a person's name; head: a body named with its country; metonym: "<capital> regime" */
  readonly how: 'alias' | 'surname' | 'head' | 'metonym'
  /** the exact-case folded surface for case-sensitive entries, or null when any case matches */
  readonly exact: string | null
  /** ordering among entries of one key: 0 curated, 1 country, 2+ generated city (bigger cities lower) */
  readonly rank: number
  /** a surname that is also an everyday word: it needs support in the document */
  readonly weak?: boolean
}

/** The knowledge base of actors, with the indexes the entities stage needs. */
export interface Kb {
  actor(id: string): KbActor | undefined
  readonly actors: readonly KbActor[]
  readonly offices: ReadonlyMap<string, KbOffice>
  /** entries for a folded token-sequence key ("vladimir putin", "russia 's security council") */
  lookup(key: string): readonly GazEntry[] | undefined
  /** true when some longer key starts with this key followed by a space */
  isPrefix(key: string): boolean
  /** both answers in one look-up (the gazetteer's hot loop) */
  probe(key: string): { readonly entries?: readonly GazEntry[]; readonly prefix?: boolean } | undefined
  /** longest key length in tokens */
  readonly maxTokens: number
  /** people whose surname has this translitKey skeleton (for misspelling recovery) */
  peopleBySkeleton(skeleton: string): readonly KbActor[]
  /** curated actors and countries one of whose names has this transliteration key (`translitKey`) */
  aliasesByTranslit(key: string): readonly string[]
  /** people one of whose surnames has this transliteration key */
  surnamesByTranslit(key: string): readonly string[]
  /** places whose name has this skeleton */
  placesBySkeleton(skeleton: string): readonly KbActor[]
  /** the country record for an ISO alpha-3 code, or one of its demonyms ("Iranian") */
  country(isoOrDemonym: string): KbActor | undefined
  /** who held an office on a date (`YYYY-MM-DD`); several only when records overlap */
  holders(officeId: string, date: string): readonly KbActor[]
  /** offices of one kind, or naming one noun, in a country (or of a body) */
  officesOf(country: string | null, where: { kind?: string; noun?: string; body?: string }): readonly KbOffice[]
  /** a country's state body from a template ("IRN", "foreign-ministry"): curated, or generated with a stable id */
  body(iso: string, template: string): KbActor | undefined
  /** head phrases of state bodies (folded, "defence ministry") → template name, or the curated org id */
  readonly heads: ReadonlyMap<string, string>
  /** country code of a folded demonym ("iranian" → "IRN") */
  demonym(folded: string): string | undefined
  /** every holder of an office with their periods */
  tenures(officeId: string): readonly { readonly actor: KbActor; readonly from: string | null; readonly to: string | null }[]
  /** milliseconds the load took */
  readonly loadMs: number
}
