/** Typed fetch helpers over /api (the UI never talks to anything else). */
export interface Span { start: number; end: number }
export type Quad = 'verbal-cooperation' | 'material-cooperation' | 'verbal-conflict' | 'material-conflict' | null
export interface ActorRef { actor: string; name: string }
/** What made a machine fact: a rule (detail: which) or a model (score: its confidence where it gives one, e.g. the trigger model's margin). */
export interface ProducedBy { method: 'rule' | 'model'; detail: string; score: number | null }
/** Who the page says asserts the event (an allegation, not a fact), and what coded it; null when not. */
export interface Provenance { reported_by?: string | null; produced_by?: ProducedBy | null }
export interface EventRow {
  id: string; doc_id: string; story_event: string | null; type: string; mode: string | null; source_actor: string | null; target_actor: string | null
  source_name: string | null; target_name: string | null; date: string | null; date_precision: string | null; location: string | null
  start: number; end: number; text: string; outlet: string | null; quad: Quad; date_inferred?: boolean
  reported_by: string | null; produced_by: ProducedBy | null
}
export interface Actor {
  id: string; name: string; type: string; affiliation: string | null; code: string | null; aliases: string[]
  roles: { title: string; from: string | null; to: string | null }[]; geo?: { lat: number; lon: number } | null; mentions?: number; events?: number
  /** false for an actor only the pages describe ("western officials"), not in the knowledge base */
  listed?: boolean
}
export interface Contradiction { id: string; description: string; field: string; members: { doc: string; value: unknown; qualifier?: string | null; evidence: Span & { text: string }; outlet?: string | null; title?: string | null }[] }
export interface StoryEvent { id: string; type: string; date: string | null; date_precision?: string | null; location?: string | null; members: { doc: string; event: string }[]; independent_sources: string[]; first_reported_by: string | null }
export interface EventCard {
  event: { id: string; doc: string; type: string; mode: string | null; quad: Quad; date: string | null; date_precision: string | null; location: string | null
    source_actor: ActorRef | null; target_actor: ActorRef | null; negated?: boolean; reported_by: string | null; produced_by: ProducedBy | null }
  story_event: StoryEvent | null
  sources: { doc: string; event: string; outlet: string | null; title: string | null; url: string | null; published: string | null; copy_of: string | null; is_copy: boolean
    sentence: Span & { text: string }; evidence: Span; trigger: Span | null; actors: (Span & { actor: string; role: 'source' | 'target' })[]; date: string | null
    reported_by: string | null; produced_by: ProducedBy | null
    /** this report's own coding, and what an analyst did to it (null: untouched) */
    fact?: { type: string; mode: string | null; source_actor: ActorRef | null; target_actor: ActorRef | null; date_precision: string | null; location: string | null }
    correction?: { status: 'accepted' | 'fixed' | 'added'; corrections: string[]; machine?: Record<string, unknown> } | null }[]
  contradictions: Contradiction[]
}
export interface Entity { id: string; actor: string; name: string; type: string; mentions: (Span & { text: string })[] }
export interface Doc {
  id: string; source: { path: string | null; url: string | null }; outlet: string | null; copy_of: string | null; title: string | null; published: string | null; author: string | null
  /** ISO 639-1 code of the text's language (detected); null when unknown */
  language?: string | null
  text: string; paragraphs: Span[]; entities: Entity[]
  events: ({ id: string; type: string; mode: string | null; source_actor: ActorRef | null; target_actor: ActorRef | null; date: string | null; evidence: Span & { text: string }; trigger?: Span } & Provenance)[]
  quotes: (Span & { id: string; text: string; speaker: ActorRef | null; produced_by?: ProducedBy | null })[]
  claims: { id: string; what: string; value: number; qualifier?: string | null; unit: string; evidence: Span & { text: string }; produced_by?: ProducedBy | null }[]
  framing: (Span & { term: string; neutral: string; produced_by?: ProducedBy | null })[]
  timex: (Span & { text: string; value: string | null })[]
  messages: { source: string; ruleId: string; severity: string; reason: string; place?: Span }[]
  /** other stored pages with (nearly) the same text, with their title and outlet */
  duplicates?: { doc: string; similarity: number; relation: string; title?: string | null; outlet?: string | null }[]
}
export interface KeyEvent {
  id: string; event: string; type: string; quad: Quad; date: string | null; date_precision: string | null; source_actor: ActorRef | null; target_actor: ActorRef | null
  location: string | null; outlets: string[]; reports: number; copies: number
  /** who alleges it when every report only attributes it to someone; what coded the report the list opens */
  reported_by?: string | null; produced_by?: ProducedBy | null
}
export interface Overview {
  stats: Record<string, number>; stories: { id: string; title: string; documents: string[]; story_events: string[]; outlets: string[] }[]; story_total: number; outlets: string[]
  published: { from: string; to: string; undated: number } | null; pair: string[] | null
  pair_detail: { a: { id: string; name: string }; b: { id: string; name: string }; events: number; mentions: number; countries: boolean } | null; key_events: KeyEvent[]
}
export interface Page<T> { items: T[]; limit: number; offset: number; next_offset: number | null }
/** The page fields every paged answer carries (its list may be named `items`, `events`, `edges`, …). */
export interface Paged { limit: number; offset: number; next_offset: number | null; total?: number }

/** Error raised for a non-2xx answer, with the API's code and message. */
export class ApiError extends Error { constructor(readonly status: number, readonly code: string, message: string) { super(message) } }

const TOKEN_KEY = 'dossier-token'
/** The access token given in this tab (a server off loopback asks for it to be read), or null. Kept for the tab only. */
export function savedToken(): string | null { try { return sessionStorage.getItem(TOKEN_KEY) } catch { return null } }
export function saveToken(token: string): void { try { sessionStorage.setItem(TOKEN_KEY, token) } catch { /* storage may be off */ } }

/** GETs a JSON resource under /api (with the tab's access token, when one was given). */
export async function api<T>(path: string, params: Record<string, string | number | undefined | null> = {}): Promise<T> {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') q.set(k, String(v))
  const token = savedToken()
  const res = await fetch(`/api/${path}${q.size ? '?' + q : ''}`, { headers: token ? { accept: 'application/json', authorization: `Bearer ${token}` } : { accept: 'application/json' } })
  const body = await res.json().catch(() => null)
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? 'E_HTTP', body?.error?.message ?? res.statusText)
  return body as T
}

/** Route helper: `#/doc/ID?start=1&end=9`. */
export const docRoute = (doc: string, span?: Span) => `#/doc/${encodeURIComponent(doc)}${span ? `?start=${span.start}&end=${span.end}` : ''}`
export const eventRoute = (id: string) => `#/event/${encodeURIComponent(id)}`
export const actorRoute = (id: string) => `#/actor/${encodeURIComponent(id)}`

/** Largest page the API gives (MAX_PAGE in src/api/api.data.ts). */
export const MAX_PAGE = 500

/**
 * Fetches a paged list page after page (MAX_PAGE at a time) until its last page or `cap` items: every answer, the
 * items in order (`list` picks them out of an answer), and whether more were left past the cap.
 */
export async function allPages<P extends Paged, T>(path: string, params: Record<string, string | number | undefined | null>, list: (p: P) => T[], cap = Infinity): Promise<{ pages: P[]; items: T[]; more: boolean }> {
  const pages: P[] = [], items: T[] = []
  for (let offset: number | null = 0; offset != null && items.length < cap;) {
    const p: P = await api<P>(path, { ...params, limit: Math.min(MAX_PAGE, cap - items.length), offset })
    pages.push(p); items.push(...list(p)); offset = p.next_offset
  }
  return { pages, items, more: pages.at(-1)?.next_offset != null }
}
