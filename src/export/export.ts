import type { Writable } from 'node:stream'
import type { Store } from '../store/store.js'
import type { DocumentRecord } from '../model/records.js'

/** Every record of the exchange format, in order: actors, documents, then corpus records (stories, contradictions, outlets). */
export async function* exportRecords(store: Store): AsyncGenerator<object> {
  const actors = await store.listActors({ limit: 1_000_000 })
  for (const { mentions: _m, events: _e, ...a } of actors) yield a
  for (const d of await store.allDocuments()) yield documentForExport(d)
  for (const kind of ['story', 'story_event', 'contradiction', 'outlet'] as const) for (const r of await store.listCorpus(kind)) yield r
}

/** The document record as exported (stable field order: the fields first). */
export function documentForExport(d: DocumentRecord): object {
  const { kind, id, source, outlet, copy_of, title, published, published_inferred, author, language, text, body, entities, events, quotes, claims, framing, ...rest } = d
  return { kind, id, source, outlet, copy_of, title, published, published_inferred: published_inferred ?? null, author, language: language ?? null, text, body, entities, events, quotes, claims, framing, ...rest }
}

/** Writes JSON Lines. */
export async function writeJsonl(store: Store, out: Writable): Promise<number> {
  let n = 0
  for await (const r of exportRecords(store)) { await write(out, JSON.stringify(r) + '\n'); n++ }
  return n
}

const CSV_COLUMNS = ['id', 'doc_id', 'outlet', 'story_event', 'type', 'mode', 'source_actor', 'target_actor', 'date', 'date_precision', 'location', 'start', 'end', 'text'] as const

/** Writes events as CSV (RFC 4180 quoting), one row per event mention with its evidence span. */
export async function writeEventsCsv(store: Store, out: Writable): Promise<number> {
  await write(out, CSV_COLUMNS.join(',') + '\r\n')
  const rows = await store.listEvents({ limit: 10_000_000 })
  for (const r of rows) await write(out, CSV_COLUMNS.map((c) => csvCell((r as any)[c])).join(',') + '\r\n')
  return rows.length
}

/** Quotes a CSV cell when needed; cells that a spreadsheet would run as a formula are prefixed with a quote mark. */
export function csvCell(v: unknown): string {
  if (v == null) return ''
  let s = String(v)
  if (/^[=+\-@]/.test(s)) s = "'" + s
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

function write(out: Writable, s: string): Promise<void> {
  return new Promise((res, rej) => { out.write(s, (e) => (e ? rej(e) : res())) })
}
