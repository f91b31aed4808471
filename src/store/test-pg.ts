/**
 * PostgreSQL for the tests: `DOSSIER_TEST_PG` names a server (`.ci/run` starts a throw-away one); each test that
 * needs a store of its own gets a fresh database on it. Tests that need it skip with a message when it is unset.
 */
export const TEST_PG = process.env.DOSSIER_TEST_PG

/** Creates a database named after `prefix` (the process and a random suffix) on the test server; returns its URL. */
export async function freshTestDatabase(prefix: string): Promise<string> {
  if (!TEST_PG) throw new Error('DOSSIER_TEST_PG is not set')
  const pg = (await import('pg')).default
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: TEST_PG })
  await admin.connect()
  try { await admin.query(`create database ${name}`) } finally { await admin.end() }
  const url = new URL(TEST_PG)
  url.pathname = '/' + name
  return url.toString()
}
