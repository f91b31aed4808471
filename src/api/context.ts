import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Store, EventRow } from '../store/store.js'
import { corpusIndex } from '../store/queries.js'
import { quadOf } from './api.data.js'

/** What every route module receives. */
export interface RouteContext {
  readonly store: Store
  readonly token: string | null
  readonly readOnly: boolean
  readonly ingest: ((paths: string[]) => Promise<unknown>) | null
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
  const name = (id: string | null) => (id ? ix.actors.get(id)?.name ?? id : null)
  return rows.map((r) => ({ ...r, source_name: name(r.source_actor), target_name: name(r.target_actor), quad: quadOf(r.type) }))
}
