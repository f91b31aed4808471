import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Store, EventRow } from '../store/store.js'
import { actorName, corpusIndex } from '../store/queries.js'
import { quadOf } from './api.data.js'
import type { JobQueue } from './jobs.js'

/** What every route module receives. */
export interface RouteContext {
  readonly store: Store
  readonly token: string | null
  readonly readOnly: boolean
  /** the ingest jobs (`POST /api/ingest`, `GET /api/jobs/{id}`) */
  readonly jobs: JobQueue
}
export type Api = OpenAPIHono

/** Runs a list query asking for one extra row, so the page knows whether another follows. */
export async function page<T>(limit: number, offset: number, fetch: (limit: number, offset: number) => Promise<T[]>) {
  const rows = await fetch(limit + 1, offset)
  return { items: rows.slice(0, limit), limit, offset, next_offset: rows.length > limit ? offset + limit : null }
}

/** Adds actor names and the PLOVER quad class to event rows. */
export async function withNames(store: Store, rows: readonly EventRow[]) {
  const ix = await corpusIndex(store)
  const name = (id: string | null) => (id ? actorName(ix, id) : null)
  return rows.map((r) => ({ ...r, source_name: name(r.source_actor), target_name: name(r.target_actor), quad: quadOf(r.type) }))
}

/** The file name of a stored path, without its folders: no response names a path on the server (`/srv/feeds/a.jsonl#3` → `a.jsonl#3`). */
export function publicPath(p: string | null | undefined): string | null {
  if (p == null) return null
  return p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1)
}
/** A text (a rejection reason) with the folders of `path` taken out of it. */
export function withoutFolders(text: string | null, path: string | null): string | null {
  if (text == null || !path) return text
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return cut > 0 ? text.split(path.slice(0, cut + 1)).join('') : text
}
/** A document record as the API shows it: its source path reduced to the file name. */
export function publicDocument<T extends { source: { path: string | null } }>(doc: T): T {
  return { ...doc, source: { ...doc.source, path: publicPath(doc.source.path) } }
}
