import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { createServer } from 'node:net'
import { mkdtempSync, writeFileSync, existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import Database from 'better-sqlite3'
import { REPO_ROOT } from '../paths.js'
import { article, localServer } from '../net/fixtures.js'

const BIN = join(REPO_ROOT, 'bin', 'dossier.js')
/** Runs the CLI without blocking this process (the tests' local HTTP servers must keep answering). */
const run = (...args: string[]) => new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
  execFile(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DOSSIER_DEBUG: '' } },
    (err, stdout, stderr) => resolve({ status: err ? (typeof (err as any).code === 'number' ? (err as any).code : 1) : 0, stdout, stderr }))
})
const noStack = (s: string) => assert.doesNotMatch(s, /\n\s+at .*:\d+:\d+/, `stack trace printed:\n${s}`)
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p))

test('a mistyped path among several inputs is reported, the others are ingested, exit 1', async () => {
  const dir = tmp('dossier-edge-')
  writeFileSync(join(dir, 'ok.html'), article('Oslo'))
  const r = await run('ingest', join(dir, 'ok.html'), join(dir, 'mistyped.txt'), '--db', join(dir, 'x.db'), '--quiet')
  assert.equal(r.status, 1)
  assert.match(r.stdout, /1 stored/)
  assert.match(r.stdout, /rejected .*mistyped\.txt: Expected a file or folder, found nothing/)
  noStack(r.stderr)
})

test('--db in a folder that does not exist, on a file that is no store, or on a missing store for a read command: one line each', async () => {
  const dir = tmp('dossier-edge-')
  const cases: [string[], RegExp][] = [
    [['stats', '--db', join(dir, 'no', 'such', 'x.db')], /Expected the folder of the store .* to exist/],
    [['ingest', join(REPO_ROOT, 'README.md'), '--db', join(dir, 'no', 'x.db')], /Expected the folder of the store/],
  ]
  writeFileSync(join(dir, 'notes.txt'), 'not a database, just notes\n'.repeat(50))
  cases.push([['stats', '--db', join(dir, 'notes.txt')], /is not a SQLite database/])
  const other = new Database(join(dir, 'other.db')); other.exec('create table recipes (name text)'); other.close()
  cases.push([['ingest', join(REPO_ROOT, 'README.md'), '--db', join(dir, 'other.db')], /Expected .*other\.db to be a Dossier store, got a SQLite database of something else/])
  for (const cmd of ['stats', 'documents', 'export', 'serve']) cases.push([[cmd, '--db', join(dir, `missing-${cmd}.db`)], /No Dossier store at .*: ingest pages into it first/])
  for (const [args, re] of cases) {
    const r = await run(...args)
    assert.equal(r.status, 2, args.join(' ') + r.stderr)
    assert.match(r.stderr, re)
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr)
    noStack(r.stderr)
  }
  for (const cmd of ['stats', 'documents', 'export', 'serve']) assert.ok(!existsSync(join(dir, `missing-${cmd}.db`)), `${cmd} created a store`)
  assert.deepEqual(new Database(join(dir, 'other.db')).prepare("select name from sqlite_master where type='table'").all(), [{ name: 'recipes' }])
})

test('a busy port for serve and a bad --gold folder give one-line errors', async () => {
  const dir = tmp('dossier-edge-')
  writeFileSync(join(dir, 'ok.html'), article('Oslo'))
  const db = join(dir, 's.db')
  assert.equal((await run('ingest', join(dir, 'ok.html'), '--db', db, '--quiet')).status, 0)
  const busy = createServer()
  await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r))
  try {
    const r = await run('serve', '--db', db, '--port', String((busy.address() as any).port))
    assert.equal(r.status, 2)
    assert.match(r.stderr, /Expected port \d+ on 127\.0\.0\.1 to be free, got it in use/)
    noStack(r.stderr)
  } finally { busy.close() }
  mkdirSync(join(dir, 'empty'))
  for (const gold of [join(dir, 'nope'), join(dir, 'empty'), join(dir, 'ok.html')]) {
    const r = await run('eval', '--gold', gold, '--pages', dir)
    assert.equal(r.status, 2)
    assert.match(r.stderr, /^dossier: Expected --gold .* to be a folder of gold JSON files/)
    noStack(r.stderr)
  }
})

test('ingest <url>: stored with --allow-private, refused without it, no stack trace', async () => {
  const srv = await localServer((_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(article('Tromso')) })
  const db = join(tmp('dossier-edge-'), 'u.db')
  try {
    const refused = await run('ingest', srv.base + '/a', 'http://169.254.169.254/latest/meta-data/', '--db', db, '--quiet')
    assert.equal(refused.status, 1)
    assert.match(refused.stdout, /rejected http:\/\/127\.0\.0\.1:\d+\/a: Refused to fetch .*127\.0\.0\.1 is a loopback address; --allow-private lifts this \[ssrf\]/)
    assert.match(refused.stdout, /169\.254\.169\.254 is a link-local address/)
    noStack(refused.stderr)
    const ok = await run('ingest', srv.base + '/a', '--db', db, '--allow-private', '--json')
    assert.equal(ok.status, 0, ok.stderr)
    assert.equal(JSON.parse(ok.stdout).stored, 1)
    const docs = JSON.parse((await run('documents', '--db', db, '--json')).stdout)
    assert.equal(docs[0].url, srv.base + '/a')
    const down = await run('ingest', 'http://127.0.0.1:9/gone', '--db', db, '--allow-private', '--quiet')
    assert.equal(down.status, 1)
    assert.match(down.stdout, /rejected http:\/\/127\.0\.0\.1:9\/gone: Expected .* to answer, got ECONNREFUSED \[network\]/)
    noStack(down.stderr)
  } finally { await srv.close() }
})

test('watch --once twice through the CLI: each article fetched once, the feed answered 304 the second time', async () => {
  let feedHits304 = 0
  const srv = await localServer((req, res) => {
    if (req.url === '/robots.txt') { res.writeHead(404); res.end(); return }
    if (req.url === '/atom') {
      if (req.headers['if-modified-since'] === 'Mon, 04 Mar 2024 10:00:00 GMT') { feedHits304++; res.writeHead(304); res.end(); return }
      res.writeHead(200, { 'content-type': 'application/atom+xml', 'last-modified': 'Mon, 04 Mar 2024 10:00:00 GMT' })
      res.end(`<feed xmlns="http://www.w3.org/2005/Atom"><title>S</title>${['oslo', 'bergen'].map((c) => `<entry><title>${c}</title><link href="/news/${c}"/></entry>`).join('')}</feed>`)
      return
    }
    const city = req.url!.split('/').pop()!
    res.writeHead(200, { 'content-type': 'text/html' }); res.end(article(city.toUpperCase()))
  })
  const db = join(tmp('dossier-watch-cli-'), 'w.db')
  try {
    const args = ['watch', srv.base + '/atom', '--once', '--json', '--quiet', '--allow-private', '--delay', '0', '--db', db]
    const a = await run(...args)
    assert.equal(a.status, 0, a.stderr)
    const s1 = JSON.parse(a.stdout)
    assert.equal(s1.feeds[0].new, 2)
    assert.equal(s1.stored, 2)
    const b = await run(...args)
    assert.equal(b.status, 0, b.stderr)
    const s2 = JSON.parse(b.stdout)
    assert.equal(s2.feeds[0].status, 'not-modified')
    assert.equal(s2.fetched, 0)
    assert.equal(feedHits304, 1)
    assert.equal(srv.hits.get('/news/oslo'), 1)
    assert.equal(srv.hits.get('/news/bergen'), 1)
    const refused = await run('watch', 'http://10.0.0.1/feed', '--once', '--db', db)
    assert.equal(refused.status, 1)
    assert.match(refused.stdout, /Refused to fetch http:\/\/10\.0\.0\.1\/feed: 10\.0\.0\.1 is a private/)
    noStack(refused.stderr)
    const help = await run('watch', '--help')
    for (const o of ['--every', '--once', '--allow-private', '--delay', '--retries', '--backoff', '--max-queue', '--timeout', '--json']) assert.match(help.stdout, new RegExp(o))
  } finally { await srv.close() }
})
