import { randomUUID } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import { DossierError } from '../errors.js'
import type { Correction, CorrectionKind, NewCorrection } from '../corrections/types.js'
import { bumpGeneration, type DB } from './schema.js'
import { PG_WRITE_LOCK } from './kysely-store.js'

/**
 * The analysts' corrections, apart from machine output (no ingest, re-read or reanalysis ever deletes a row): each
 * row is one correction with its anchor (page, document, span, machine id and values), before/after values, who made
 * it, how and when. A retraction keeps the row and records who retracted it and when, so the table is the audit trail.
 */
export interface CorrectionStore {
  /** stores a correction (under the store's write lock; the store's generation moves, so cached reads are rebuilt) */
  add(c: NewCorrection): Promise<Correction>
  get(id: string): Promise<Correction | null>
  /** corrections in the order they were made (created_at, id); retracted ones only with `retracted: true` */
  list(opts?: { retracted?: boolean }): Promise<Correction[]>
  /** retracts a correction (it stops applying, its row stays); null when there is none, the row as it was when already retracted */
  retract(id: string, by: { author: string; via: string }): Promise<Correction | null>
}

/** Table shape (appended to the store's `DB`). Span columns follow style.md §12 but are null for corrections that hold no span. */
export interface CorrectionsTable {
  id: string; kind: string; doc_id: string | null; page_path: string | null; page_url: string | null
  start_char: number | null; end_char: number | null; span_text: string | null; target_id: string | null; target_key: string | null
  before: string | null; after: string | null; reason: string | null; author: string; via: string; created_at: string
  retracted_at: string | null; retracted_by: string | null
}

/** Creates the corrections table and its indexes if missing (same statements on SQLite and PostgreSQL). */
export async function migrateCorrections(db: Kysely<DB>): Promise<void> {
  await db.schema.createTable('corrections').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey()).addColumn('kind', 'text', (c) => c.notNull()).addColumn('doc_id', 'text')
    .addColumn('page_path', 'text').addColumn('page_url', 'text').addColumn('start_char', 'integer').addColumn('end_char', 'integer')
    .addColumn('span_text', 'text').addColumn('target_id', 'text').addColumn('target_key', 'text').addColumn('before', 'text').addColumn('after', 'text')
    .addColumn('reason', 'text').addColumn('author', 'text', (c) => c.notNull()).addColumn('via', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull()).addColumn('retracted_at', 'text').addColumn('retracted_by', 'text')
    .addCheckConstraint('corrections_span_ok', sql`start_char is null or start_char < end_char`).execute()
  await db.schema.createIndex('corrections_order').ifNotExists().on('corrections').columns(['created_at', 'id']).execute()
  await db.schema.createIndex('corrections_doc').ifNotExists().on('corrections').column('doc_id').execute()
}

let lastStamp = 0
/** Creation times strictly increasing within a process, so corrections made in one millisecond keep their order. */
const stamp = () => { lastStamp = Math.max(Date.now(), lastStamp + 1); return new Date(lastStamp).toISOString() }
const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v))
const parse = (s: string | null) => (s == null ? null : JSON.parse(s))

function fromRow(r: CorrectionsTable): Correction {
  return {
    id: r.id, kind: r.kind as CorrectionKind,
    anchor: r.doc_id == null ? null : {
      doc: r.doc_id, path: r.page_path, url: r.page_url, start: r.start_char == null ? null : Number(r.start_char), end: r.end_char == null ? null : Number(r.end_char),
      text: r.span_text, target: r.target_id, key: parse(r.target_key),
    },
    before: parse(r.before), after: parse(r.after), reason: r.reason, author: r.author, via: r.via, created_at: r.created_at,
    retracted_at: r.retracted_at, retracted_by: r.retracted_by,
  }
}

/** Takes the store's write lock for the transaction (the same lock as every other writer: src/store/kysely-store.ts). */
async function lock(tx: Transaction<DB>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${sql.lit(PG_WRITE_LOCK)})`.execute(tx)
  else await sql`delete from store_meta where key = '__write_lock__'`.execute(tx)
}

async function guard<T>(op: string, f: () => Promise<T>): Promise<T> {
  try { return await f() } catch (cause) {
    if (cause instanceof DossierError) throw cause
    throw new DossierError('E_STORE', `Expected store operation \`${op}\` to succeed, got: ${(cause as Error)?.message}`, { op }, { cause })
  }
}

/** The corrections of a kysely store. */
export function createCorrectionStore(db: Kysely<DB>, dialect: 'sqlite' | 'postgres'): CorrectionStore {
  const get = async (q: Kysely<DB> | Transaction<DB>, id: string) => {
    const r = await q.selectFrom('corrections').selectAll().where('id', '=', id).executeTakeFirst()
    return r ? fromRow(r as CorrectionsTable) : null
  }
  return {
    add: (c) => guard('addCorrection', () => db.transaction().execute(async (tx) => {
      await lock(tx, dialect)
      const a = c.anchor
      const row: CorrectionsTable = {
        id: 'cor_' + randomUUID().replace(/-/g, '').slice(0, 16), kind: c.kind, doc_id: a?.doc ?? null, page_path: a?.path ?? null, page_url: a?.url ?? null,
        start_char: a?.start ?? null, end_char: a?.end ?? null, span_text: a?.text ?? null, target_id: a?.target ?? null, target_key: json(a?.key ?? null),
        before: json(c.before ?? null), after: json(c.after ?? null), reason: c.reason, author: c.author, via: c.via, created_at: stamp(), retracted_at: null, retracted_by: null,
      }
      await tx.insertInto('corrections').values(row).execute()
      await bumpGeneration(tx)
      return fromRow(row)
    })),
    get: (id) => guard('getCorrection', () => get(db, id)),
    list: (o = {}) => guard('listCorrections', async () => {
      let q = db.selectFrom('corrections').selectAll()
      if (!o.retracted) q = q.where('retracted_at', 'is', null)
      return (await q.orderBy('created_at').orderBy('id').execute()).map((r) => fromRow(r as CorrectionsTable))
    }),
    retract: (id, by) => guard('retractCorrection', () => db.transaction().execute(async (tx) => {
      await lock(tx, dialect)
      const c = await get(tx, id)
      if (!c || c.retracted_at) return c
      const at = stamp()
      await tx.updateTable('corrections').set({ retracted_at: at, retracted_by: `${by.author} (${by.via})` }).where('id', '=', id).execute()
      await bumpGeneration(tx)
      return { ...c, retracted_at: at, retracted_by: `${by.author} (${by.via})` }
    })),
  }
}
