import type { Store } from './store.js'
export type { Store } from './store.js'

/**
 * Opens a store: a `postgres://` URL opens PostgreSQL, anything else is a SQLite file path (":memory:" works).
 * `mustExist` (read commands) refuses a SQLite file that does not exist instead of creating an empty store.
 */
export async function openStore(target: string, opts: { mustExist?: boolean } = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(target)) return (await import('./postgres.js')).openPostgresStore(target)
  return (await import('./sqlite.js')).openSqliteStore(target, opts)
}
