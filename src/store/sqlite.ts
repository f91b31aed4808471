import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { createKyselyStore } from './kysely-store.js'
import { migrate, type DB } from './schema.js'
import type { Store } from './store.js'

/** Opens (and creates) a SQLite store: WAL journal so a killed process never leaves a half-written document. */
export async function openSqliteStore(file: string): Promise<Store> {
  const raw = new Database(file)
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = NORMAL')
  raw.pragma('busy_timeout = 5000')
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) })
  await migrate(db)
  return createKyselyStore(db, 'sqlite')
}
