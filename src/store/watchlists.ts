/**
 * Watchlists in the store (issue #16): saved queries, the hits each has recorded (keyed by a stable key, so a hit is
 * recorded once however often it is matched), and the durable webhook outbox (deliveries and every attempt). The
 * same statements run on SQLite and PostgreSQL; `createWatchlistStore` is laid on the kysely instance of the store.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'

/** What a watchlist looks for: every criterion given must match; within one list, any entry matches. */
export interface WatchlistQuery {
  /** actor ids or names (a name is resolved through the actor index: "Bagheri" finds the actor spelled "Baqeri") */
  readonly actors: readonly string[]
  /** two actors (ids or names): events between them, either direction */
  readonly pair: readonly [string, string] | null
  /** PLOVER event types */
  readonly types: readonly string[]
  /** outlets, as the pages name them */
  readonly outlets: readonly string[]
  /** phrases, any of which the evidence sentence holds (case-insensitive) */
  readonly words: readonly string[]
  /** contradictions between outlets instead of events */
  readonly contradictions: boolean
}

/** A webhook to which new hits are POSTed as JSON; `allow_loopback` lets it reach this machine (127.0.0.0/8, ::1), refused otherwise. */
export interface WatchlistWebhook { readonly url: string; readonly allow_loopback: boolean }

export interface Watchlist {
  readonly id: string; readonly name: string; readonly query: WatchlistQuery; readonly webhook: WatchlistWebhook | null
  readonly created_at: string
  /** hits recorded after this time are "new" (`dossier watchlists seen`, POST /api/watchlists/{id}/seen move it) */
  readonly seen_at: string
  /** the ingest time of the newest document matched so far (null before the first match) */
  readonly cursor: string | null
}

/** A watchlist with its counts. */
export interface WatchlistSummary extends Watchlist {
  readonly hits: number
  /** hits recorded since `seen_at` */
  readonly new_hits: number
  /** webhook deliveries waiting (pending) and given up (failed) */
  readonly deliveries: { readonly pending: number; readonly delivered: number; readonly failed: number }
}

/** One fact a watchlist found: an event or a contradiction, as it stood when found (`record`: what the feed and the webhook show). */
export interface WatchlistHit {
  readonly key: string; readonly kind: 'event' | 'contradiction'; readonly found_at: string
  /** found when the watchlist was created (already there then): shown in its feed, never sent to its webhook, never "new" */
  readonly baseline: boolean
  readonly record: Record<string, unknown>
}

/** One webhook delivery (a POST of one batch of hits) and its attempts. */
export interface WatchlistDelivery {
  readonly id: string; readonly watchlist_id: string; readonly created_at: string
  readonly status: 'pending' | 'delivered' | 'failed'; readonly attempts: number; readonly next_at: string
  readonly last_error: string | null; readonly delivered_at: string | null
  /** the JSON body POSTed, fixed when the delivery was queued */
  readonly payload: string
}
export interface DeliveryAttempt { readonly delivery_id: string; readonly at: string; readonly status: number | null; readonly error: string | null; readonly ms: number }

/** Table shapes of the watchlist tables (merged into the store's `DB` in schema.ts). */
export interface WatchlistTables {
  watchlists: { id: string; name: string; query: string; webhook_url: string | null; webhook_loopback: number; created_at: string; seen_at: string; cursor: string | null }
  watchlist_hits: { watchlist_id: string; key: string; kind: string; found_at: string; baseline: number; record: string }
  watchlist_deliveries: { id: string; watchlist_id: string; created_at: string; status: string; attempts: number; next_at: string; last_error: string | null; delivered_at: string | null; payload: string }
  watchlist_attempts: { delivery_id: string; watchlist_id: string; at: string; status: number | null; error: string | null; ms: number }
}

/** Creates the watchlist tables and their indexes if missing (same statements on SQLite and PostgreSQL). */
export async function migrateWatchlists(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('watchlists').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey()).addColumn('name', 'text', (c) => c.notNull()).addColumn('query', 'text', (c) => c.notNull())
    .addColumn('webhook_url', 'text').addColumn('webhook_loopback', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull()).addColumn('seen_at', 'text', (c) => c.notNull()).addColumn('cursor', 'text').execute()
  await db.schema.createTable('watchlist_hits').ifNotExists()
    .addColumn('watchlist_id', 'text', (c) => c.notNull()).addColumn('key', 'text', (c) => c.notNull()).addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('found_at', 'text', (c) => c.notNull()).addColumn('baseline', 'integer', (c) => c.notNull().defaultTo(0)).addColumn('record', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('watchlist_hits_pk', ['watchlist_id', 'key']).execute()
  // the feed and the counts read a watchlist's hits newest first
  await db.schema.createIndex('watchlist_hits_found').ifNotExists().on('watchlist_hits').columns(['watchlist_id', 'found_at']).execute()
  await db.schema.createTable('watchlist_deliveries').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey()).addColumn('watchlist_id', 'text', (c) => c.notNull()).addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()).addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).addColumn('next_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text').addColumn('delivered_at', 'text').addColumn('payload', 'text', (c) => c.notNull()).execute()
  // the deliverer looks for pending deliveries that are due
  await db.schema.createIndex('watchlist_deliveries_due').ifNotExists().on('watchlist_deliveries').columns(['status', 'next_at']).execute()
  await db.schema.createIndex('watchlist_deliveries_list').ifNotExists().on('watchlist_deliveries').columns(['watchlist_id', 'created_at']).execute()
  await db.schema.createTable('watchlist_attempts').ifNotExists()
    .addColumn('delivery_id', 'text', (c) => c.notNull()).addColumn('watchlist_id', 'text', (c) => c.notNull()).addColumn('at', 'text', (c) => c.notNull())
    .addColumn('status', 'integer').addColumn('error', 'text').addColumn('ms', 'integer', (c) => c.notNull()).execute()
  await db.schema.createIndex('watchlist_attempts_delivery').ifNotExists().on('watchlist_attempts').columns(['delivery_id', 'at']).execute()
}

/** The watchlist part of the store (`store.watchlists`). */
export interface WatchlistStore {
  create(w: { name: string; query: WatchlistQuery; webhook: WatchlistWebhook | null }): Promise<Watchlist>
  get(id: string): Promise<Watchlist | null>
  /** the watchlists with their counts, oldest first: every one, or the page [offset, offset + limit) */
  list(page?: { limit: number; offset: number }): Promise<WatchlistSummary[]>
  /** how many watchlists there are */
  count(): Promise<number>
  /** one watchlist with its counts, or null */
  summary(id: string): Promise<WatchlistSummary | null>
  /** deletes the watchlist, its hits and its deliveries; false when there was none */
  remove(id: string): Promise<boolean>
  /** hits up to `at` (default now) are no longer new */
  markSeen(id: string, at?: string): Promise<boolean>
  /** hits, newest first: `limit` (default 100) from `offset` (default 0) */
  hits(id: string, opts?: { limit?: number; offset?: number; onlyNew?: boolean }): Promise<WatchlistHit[]>
  /** the keys among these already recorded for the watchlist */
  knownKeys(id: string, keys: readonly string[]): Promise<Set<string>>
  /** current accepted documents stored at or after `since` (their `ingested_at`), in ingest order; all of them when null */
  documentsSince(since: string | null, limit: number, after?: { at: string; id: string }): Promise<{ id: string; ingested_at: string }[]>
  /**
   * Records hits (a key already recorded is left as it is) and moves the cursor, in one write transaction; when the
   * watchlist has a webhook, the new hits that are not baseline are queued as deliveries (of at most `batch` hits each)
   * in the same transaction, so none is lost if the process stops. Returns the hits that were new.
   */
  recordHits(id: string, hits: readonly Omit<WatchlistHit, 'found_at'>[], opts: { cursor: string | null; batch: number; payload: (hits: WatchlistHit[]) => string }): Promise<WatchlistHit[]>
  /** pending deliveries due at `now`, oldest first */
  dueDeliveries(now: string, limit: number): Promise<WatchlistDelivery[]>
  /** takes a due delivery for this deliverer (its `next_at` moves to `leaseUntil`); false when another took it first */
  claimDelivery(d: WatchlistDelivery, leaseUntil: string): Promise<boolean>
  /** writes one attempt to the log and the delivery's new state */
  recordAttempt(a: DeliveryAttempt & { readonly watchlist_id: string }, next: { status: WatchlistDelivery['status']; attempts: number; next_at: string; last_error: string | null; delivered_at: string | null }): Promise<void>
  /** a watchlist's deliveries (newest first) with their attempts: `limit` (default 50) from `offset` (default 0) */
  deliveries(id: string, page?: { limit?: number; offset?: number }): Promise<(WatchlistDelivery & { attempts_log: DeliveryAttempt[] })[]>
}

const now = () => new Date().toISOString()
const CHUNK = 200
type Row = WatchlistTables['watchlists']
const fromRow = (r: Row): Watchlist => ({
  id: r.id, name: r.name, query: JSON.parse(r.query), webhook: r.webhook_url ? { url: r.webhook_url, allow_loopback: Number(r.webhook_loopback) === 1 } : null,
  created_at: r.created_at, seen_at: r.seen_at, cursor: r.cursor,
})
const hitOf = (r: WatchlistTables['watchlist_hits']): WatchlistHit => ({ key: r.key, kind: r.kind as WatchlistHit['kind'], found_at: r.found_at, baseline: Number(r.baseline) === 1, record: JSON.parse(r.record) })
const deliveryOf = (r: WatchlistTables['watchlist_deliveries']): WatchlistDelivery => ({ ...r, status: r.status as WatchlistDelivery['status'], attempts: Number(r.attempts) })

let lastStamp = 0
/** A hit's `found_at`: the time, strictly increasing in this process, so hits keep the order they were found in. */
const stamp = () => { lastStamp = Math.max(Date.now(), lastStamp + 1); return new Date(lastStamp).toISOString() }

/**
 * The watchlist store over the store's kysely instance. `write` runs a function in a write transaction holding the
 * store's write lock (src/store/kysely-store.ts), `guard` wraps driver errors.
 */
export function createWatchlistStore(db0: Kysely<any>, write: <T>(f: (tx: Kysely<any>) => Promise<T>) => Promise<T>, guard: <T>(op: string, f: () => Promise<T>) => Promise<T>): WatchlistStore {
  const db = db0 as Kysely<WatchlistTables & { documents: { id: string; status: string; superseded_by: string | null; ingested_at: string } }>
  const count = async (table: 'watchlist_hits' | 'watchlist_deliveries', id: string, where?: (q: any) => any) => {
    let q: any = db.selectFrom(table).select((eb: any) => eb.fn.countAll().as('n')).where('watchlist_id', '=', id)
    if (where) q = where(q)
    return Number((await q.executeTakeFirst())?.n ?? 0)
  }
  const summaryOf = async (w: Watchlist): Promise<WatchlistSummary> => {
    const by = async (status: string) => count('watchlist_deliveries', w.id, (q) => q.where('status', '=', status))
    return { ...w, hits: await count('watchlist_hits', w.id), new_hits: await count('watchlist_hits', w.id, (q) => q.where('found_at', '>', w.seen_at).where('baseline', '=', 0)),
      deliveries: { pending: await by('pending'), delivered: await by('delivered'), failed: await by('failed') } }
  }
  const ws: WatchlistStore = {
    create: (w) => guard('watchlists.create', async () => {
      const at = now()
      const row: Row = { id: 'wl_' + randomUUID().replace(/-/g, '').slice(0, 12), name: w.name, query: JSON.stringify(w.query), webhook_url: w.webhook?.url ?? null,
        webhook_loopback: w.webhook?.allow_loopback ? 1 : 0, created_at: at, seen_at: at, cursor: null }
      await db.insertInto('watchlists').values(row).execute()
      return fromRow(row)
    }),
    get: (id) => guard('watchlists.get', async () => {
      const r = await db.selectFrom('watchlists').selectAll().where('id', '=', id).executeTakeFirst()
      return r ? fromRow(r) : null
    }),
    list: (page) => guard('watchlists.list', async () => {
      let q = db.selectFrom('watchlists').selectAll().orderBy('created_at').orderBy('id')
      if (page) q = q.limit(page.limit).offset(page.offset)
      const out: WatchlistSummary[] = []
      for (const r of await q.execute()) out.push(await summaryOf(fromRow(r)))
      return out
    }),
    count: () => guard('watchlists.count', async () => Number((await db.selectFrom('watchlists').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0)),
    summary: (id) => guard('watchlists.summary', async () => {
      const r = await db.selectFrom('watchlists').selectAll().where('id', '=', id).executeTakeFirst()
      return r ? summaryOf(fromRow(r)) : null
    }),
    remove: (id) => guard('watchlists.remove', () => write(async (tx) => {
      const r = await tx.deleteFrom('watchlists').where('id', '=', id).executeTakeFirst()
      for (const t of ['watchlist_hits', 'watchlist_deliveries', 'watchlist_attempts'] as const) await tx.deleteFrom(t).where('watchlist_id', '=', id).execute()
      return Number(r.numDeletedRows ?? 0) > 0
    })),
    markSeen: (id, at) => guard('watchlists.markSeen', async () => {
      const r = await db.updateTable('watchlists').set({ seen_at: at ?? stamp() }).where('id', '=', id).executeTakeFirst()
      return Number(r.numUpdatedRows ?? 0) > 0
    }),
    hits: (id, o = {}) => guard('watchlists.hits', async () => {
      let q = db.selectFrom('watchlist_hits').selectAll().where('watchlist_id', '=', id)
      if (o.onlyNew) {
        const w = await ws.get(id)
        q = q.where('found_at', '>', w?.seen_at ?? '').where('baseline', '=', 0)
      }
      return (await q.orderBy('found_at', 'desc').orderBy('key').limit(o.limit ?? 100).offset(o.offset ?? 0).execute()).map(hitOf)
    }),
    knownKeys: (id, keys) => guard('watchlists.knownKeys', async () => {
      const out = new Set<string>(), list = [...new Set(keys)]
      for (let i = 0; i < list.length; i += CHUNK) {
        for (const r of await db.selectFrom('watchlist_hits').select('key').where('watchlist_id', '=', id).where('key', 'in', list.slice(i, i + CHUNK)).execute()) out.add(r.key)
      }
      return out
    }),
    documentsSince: (since, limit, after) => guard('watchlists.documentsSince', async () => {
      let q = db.selectFrom('documents').select(['id', 'ingested_at']).where('status', '=', 'ok').where('superseded_by', 'is', null)
      if (since) q = q.where('ingested_at', '>=', since)
      if (after) q = q.where((eb) => eb.or([eb('ingested_at', '>', after.at), eb.and([eb('ingested_at', '=', after.at), eb('id', '>', after.id)])]))
      return q.orderBy('ingested_at').orderBy('id').limit(limit).execute()
    }),
    recordHits: (id, hits, o) => guard('watchlists.recordHits', () => write(async (tx) => {
      const w = await tx.selectFrom('watchlists').selectAll().where('id', '=', id).executeTakeFirst()
      if (!w) return [] // removed meanwhile
      const known = new Set<string>()
      const keys = [...new Set(hits.map((h) => h.key))]
      for (let i = 0; i < keys.length; i += CHUNK) {
        for (const r of await tx.selectFrom('watchlist_hits').select('key').where('watchlist_id', '=', id).where('key', 'in', keys.slice(i, i + CHUNK)).execute()) known.add(r.key)
      }
      const fresh: WatchlistHit[] = []
      for (const h of hits) if (!known.has(h.key)) { known.add(h.key); fresh.push({ ...h, found_at: stamp() }) }
      for (let i = 0; i < fresh.length; i += CHUNK) {
        await tx.insertInto('watchlist_hits').values(fresh.slice(i, i + CHUNK).map((h) => ({ watchlist_id: id, key: h.key, kind: h.kind, found_at: h.found_at, baseline: h.baseline ? 1 : 0, record: JSON.stringify(h.record) })))
          .onConflict((oc) => oc.columns(['watchlist_id', 'key']).doNothing()).execute()
      }
      const send = w.webhook_url ? fresh.filter((h) => !h.baseline) : []
      for (let i = 0; i < send.length; i += o.batch) {
        const at = now()
        await tx.insertInto('watchlist_deliveries').values({ id: 'dl_' + randomUUID().replace(/-/g, '').slice(0, 16), watchlist_id: id, created_at: at, status: 'pending', attempts: 0,
          next_at: at, last_error: null, delivered_at: null, payload: o.payload(send.slice(i, i + o.batch)) }).execute()
      }
      if (o.cursor && (!w.cursor || o.cursor > w.cursor)) await tx.updateTable('watchlists').set({ cursor: o.cursor }).where('id', '=', id).execute()
      return fresh
    })),
    dueDeliveries: (at, limit) => guard('watchlists.dueDeliveries', async () =>
      (await db.selectFrom('watchlist_deliveries').selectAll().where('status', '=', 'pending').where('next_at', '<=', at).orderBy('next_at').orderBy('id').limit(limit).execute()).map(deliveryOf)),
    claimDelivery: (d, leaseUntil) => guard('watchlists.claimDelivery', async () => {
      // compare and set: of two deliverers (a server and `dossier watchlists deliver`), one takes it
      const r = await db.updateTable('watchlist_deliveries').set({ next_at: leaseUntil }).where('id', '=', d.id).where('status', '=', 'pending').where('next_at', '=', d.next_at).executeTakeFirst()
      return Number(r.numUpdatedRows ?? 0) === 1
    }),
    recordAttempt: (a, next) => guard('watchlists.recordAttempt', () => write(async (tx) => {
      await tx.insertInto('watchlist_attempts').values({ delivery_id: a.delivery_id, watchlist_id: a.watchlist_id, at: a.at, status: a.status, error: a.error, ms: Math.round(a.ms) }).execute()
      await tx.updateTable('watchlist_deliveries').set(next).where('id', '=', a.delivery_id).execute()
    })),
    deliveries: (id, page = {}) => guard('watchlists.deliveries', async () => {
      const rows = (await db.selectFrom('watchlist_deliveries').selectAll().where('watchlist_id', '=', id).orderBy('created_at', 'desc').orderBy('id', 'desc')
        .limit(page.limit ?? 50).offset(page.offset ?? 0).execute()).map(deliveryOf)
      const out = []
      for (const d of rows) {
        const log = await db.selectFrom('watchlist_attempts').select(['delivery_id', 'at', 'status', 'error', 'ms']).where('delivery_id', '=', d.id).orderBy('at').execute()
        out.push({ ...d, attempts_log: log.map((l) => ({ ...l, status: l.status == null ? null : Number(l.status), ms: Number(l.ms) })) })
      }
      return out
    }),
  }
  return ws
}
