import pg from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
import { createKyselyStore } from './kysely-store.js'
import { migrate, type DB } from './schema.js'
import type { Store } from './store.js'

/** Opens a PostgreSQL store from a connection string (`postgres://…`). */
export async function openPostgresStore(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 4 })
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  await migrate(db)
  return createKyselyStore(db, 'postgres')
}
