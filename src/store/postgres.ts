import pg from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
import { createKyselyStore } from './kysely-store.js'
import { migrate, migratePostgresFts, type DB } from './schema.js'
import type { Store } from './store.js'
import { migrateQueue } from '../queue/queue.js'

/** The session advisory lock held while the schema is created or brought up to date (any constant). */
const PG_MIGRATE_LOCK = 0x646f7374

/**
 * Opens a PostgreSQL store from a connection string (`postgres://…`). The migrations run under a session advisory
 * lock: two processes opening a fresh database take turns instead of racing on table creation. The job queue of
 * `dossier ingest --queue` and `dossier worker` (src/queue/queue.ts) is one of its tables, on PostgreSQL only.
 */
export async function openPostgresStore(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 4 })
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  try {
    const lock = await pool.connect()
    try {
      await lock.query('select pg_advisory_lock($1)', [PG_MIGRATE_LOCK])
      try { await migrate(db); await migratePostgresFts(db); await migrateQueue(lock) } finally { await lock.query('select pg_advisory_unlock($1)', [PG_MIGRATE_LOCK]) }
    } finally { lock.release() }
  } catch (e) { await db.destroy(); throw e }
  return createKyselyStore(db, 'postgres')
}
