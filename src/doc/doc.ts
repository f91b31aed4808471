import { createHash } from 'node:crypto'
import type { LayerMap, LayerName, Paragraph } from './layers.js'
import type { Message } from './span.js'

/** Where a page came from. `sha256` is the hash of the raw bytes (re-ingest detection). */
export interface Source {
  readonly path: string | null
  readonly url: string | null
  readonly sha256: string
  readonly fetched_at: string | null
}

/** Page metadata decided by the clean stage (every decision explained in `messages`). */
export interface DocMeta {
  readonly title: string | null
  /** ISO date or date-time; null when the page does not say (never a crawl or header date) */
  readonly published: string | null
  readonly author: string | null
  readonly outlet: string | null
  /** original outlet when the page is a scraped copy */
  readonly copy_of: string | null
  /** ISO 639-1 code of the language the text is written in (detected; else what the page or record claims); null when unknown */
  readonly language?: string | null
}

/** Maps a piece of the cleaned text back to the raw page (for "show in original"). */
export interface RawMapEntry { readonly start: number; readonly end: number; readonly rawStart: number; readonly rawEnd: number }

/** The cleaned document: one text, one coordinate system; every layer points into `text`. */
export interface Doc {
  readonly id: string
  readonly text: string
  readonly textSha256: string
  readonly source: Source
  readonly meta: DocMeta
  readonly layers: Partial<LayerMap>
  readonly messages: readonly Message[]
  readonly rawMap: readonly RawMapEntry[]
}

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex')

/** Document id: stable for the same source path and content. */
export function docId(source: Source): string {
  return 'd_' + sha256(`${source.path ?? source.url ?? ''}\u0000${source.sha256}`).slice(0, 16)
}

/** Builds a Doc from the clean stage's output. */
export function createDoc(source: Source, text: string, paragraphs: readonly Paragraph[], meta: DocMeta,
  messages: readonly Message[] = [], rawMap: readonly RawMapEntry[] = []): Doc {
  return { id: docId(source), text, textSha256: sha256(text), source, meta, layers: { paragraphs }, messages, rawMap }
}

/** Returns a layer, or throws when a stage asks for one that was never produced (a pipeline bug). */
export function layer<K extends LayerName>(doc: Doc, name: K): LayerMap[K] {
  const l = doc.layers[name]
  if (!l) throw new Error(`Expected layer \`${name}\` on doc ${doc.id}, got nothing`)
  return l as LayerMap[K]
}
