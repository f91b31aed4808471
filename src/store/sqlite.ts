import { existsSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely'
import { DossierError } from '../errors.js'
import { createKyselyStore } from './kysely-store.js'
import { migrate, migrateSqliteFts, type DB } from './schema.js'
import type { Store } from './store.js'

/**
 * Opens (and creates) a SQLite store: WAL journal so a killed process never leaves a half-written document.
 * Refused with one line: a file whose folder does not exist, a file that is not a SQLite database or a database
 * that is not a Dossier store, and (`mustExist`, for read commands) a store that does not exist yet.
 */
export async function openSqliteStore(file: string, opts: { mustExist?: boolean } = {}): Promise<Store> {
  const memory = file === ':memory:' || file === ''
  if (!memory) {
    const dir = dirname(resolve(file))
    if (!existsSync(dir)) throw new DossierError('E_STORE', `Expected the folder of the store ${file} to exist, got no folder ${dir}`)
    if (!existsSync(file)) { if (opts.mustExist) throw new DossierError('E_STORE', `No Dossier store at ${file}: ingest pages into it first (dossier ingest <pages> --db ${file})`) }
    else if (statSync(file).isDirectory()) throw new DossierError('E_STORE', `Expected the store ${file} to be a file, got a folder`)
  }
  const raw = new Database(file)
  // writers take turns (src/store/kysely-store.ts writeLock): one waits up to a minute for the other's write,
  // and a second process opening a fresh store waits for the first one's schema instead of failing
  raw.pragma('busy_timeout = 60000')
  try {
    raw.pragma('journal_mode = WAL')
    const tables = (raw.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name)
    if (tables.length && !tables.includes('documents')) throw new DossierError('E_STORE', `Expected ${file} to be a Dossier store, got a SQLite database of something else (tables ${tables.slice(0, 5).join(', ')}); refusing to touch it`)
  } catch (e) {
    raw.close()
    if (e instanceof DossierError) throw e
    throw new DossierError('E_STORE', `Expected ${file} to be a Dossier store, got a file that is not a SQLite database (${(e as Error).message})`, {}, { cause: e })
  }
  raw.pragma('synchronous = NORMAL')
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: preparedOnce(raw) }) })
  await migrate(db)
  await migrateSqliteFts(db)
  return createKyselyStore(db, 'sqlite')
}

/** How many prepared statements a store keeps (the distinct SQL texts it runs: each chunk size of a multi-row insert is one). */
const STATEMENTS = 512

/**
 * The database as kysely sees it, with each SQL text prepared once and reused (kysely prepares every query it runs;
 * ingest runs the same few dozen per page). Least recently used statements are dropped past STATEMENTS. A streamed
 * read (`iterate`) gets a statement of its own, since a statement being iterated cannot run again meanwhile.
 */
function preparedOnce(raw: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>()
  return {
    close: () => raw.close(),
    prepare(sql: string): SqliteStatement {
      let st = cache.get(sql)
      if (st) cache.delete(sql)
      else {
        st = raw.prepare(sql)
        if (cache.size >= STATEMENTS) cache.delete(cache.keys().next().value!)
      }
      cache.set(sql, st)
      const stmt = st
      return { reader: stmt.reader, all: (p) => stmt.all(p), run: (p) => stmt.run(p), iterate: (p) => raw.prepare(sql).iterate(p) as IterableIterator<unknown> }
    },
  }
}
