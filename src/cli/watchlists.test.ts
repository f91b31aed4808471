import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { seedDemo } from '../api/fixtures/demo-corpus.js'
import { GOOD_PAGE } from '../ingest/test-page.js'
import { REPO_ROOT } from '../paths.js'
import { openStore } from '../store/index.js'

const BIN = join(REPO_ROOT, 'bin', 'dossier.js')
/** Runs the CLI without blocking this process (the webhook receiver lives here). */
const run = (...args: string[]) => new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
  const p = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT })
  let stdout = '', stderr = ''
  p.stdout.on('data', (c) => (stdout += c)); p.stderr.on('data', (c) => (stderr += c))
  p.on('close', (status) => resolve({ status, stdout, stderr }))
})

describe('CLI: dossier watchlists', () => {
  let dir: string, db: string
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-wl-cli-'))
    db = join(dir, 'store.db')
    const store = await openStore(db)
    await seedDemo(store)
    await store.close()
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('every subcommand has --help', async () => {
    for (const sub of [[], ['list'], ['add'], ['remove'], ['seen'], ['hits'], ['match'], ['deliver']]) {
      const r = await run('watchlists', ...sub, '--help')
      assert.equal(r.status, 0, sub.join(' ') + r.stderr)
      assert.match(r.stdout, /Usage: dossier watchlists/)
    }
  })

  it('adds, lists with counts since last seen (--json), matches after an ingest, marks seen, delivers with a retry, removes', async () => {
    let status = 503
    const got: any[] = []
    const server = createServer((req, res) => { let b = ''; req.on('data', (c) => (b += c)); req.on('end', () => { got.push(JSON.parse(b)); res.statusCode = status; res.end() }) })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/in`
    try {
      assert.equal((await run('watchlists', 'add', 'bad', '--db', db)).status, 2, 'a watchlist needs a criterion')
      assert.match((await run('watchlists', 'add', 'bad', '--pair', 'one', '--db', db)).stderr, /Expected --pair a,b/)
      const add = await run('watchlists', 'add', 'Corridor', '--word', 'grain corridor', '--webhook', hook, '--allow-loopback', '--db', db, '--json')
      assert.equal(add.status, 0, add.stderr)
      const w = JSON.parse(add.stdout)
      assert.deepEqual([w.name, w.hits, w.webhook.allow_loopback], ['Corridor', 0, true])
      const visits = await run('watchlists', 'add', 'Visits', '--type', 'consult', '--actor', 'Petrov', '--db', db)
      assert.match(visits.stdout, /^added wl_\w+ {2}Visits {2}0 new \/ 2 hits/)
      // an ingest of a new matching page records the hit (the real pipeline)
      const page = join(dir, 'corridor.txt')
      writeFileSync(page, GOOD_PAGE)
      const ing = await run('ingest', page, '--db', db, '--json', '--quiet')
      assert.equal(ing.status, 0, ing.stderr)
      assert.deepEqual(JSON.parse(ing.stdout).watchlists, { hits: 1 })
      assert.deepEqual(JSON.parse((await run('ingest', page, '--db', db, '--json', '--quiet')).stdout).watchlists, { hits: 0 }, 'the same page again adds nothing')
      // a re-analysis (the real one, over the knowledge base) matches again and adds nothing
      assert.equal((await run('reanalyze', '--db', db)).status, 0)
      const list = JSON.parse((await run('watchlists', '--json', '--db', db)).stdout)
      assert.deepEqual(list.map((x: any) => [x.name, x.hits, x.new_hits, x.deliveries.pending]), [['Corridor', 1, 1, 1], ['Visits', 2, 0, 0]])
      const text = await run('watchlists', 'list', '--db', db)
      assert.match(text.stdout, /Corridor {2}1 new \/ 1 hits {2}\(events saying “grain corridor”\) · webhook http:\/\/127\.0\.0\.1:\d+\/in, 1 pending/)
      const hits = JSON.parse((await run('watchlists', 'hits', 'Corridor', '--json', '--db', db)).stdout)
      assert.match(hits[0].sentence, /grain corridor/)
      // the receiver fails the first POST: the delivery waits for its retry
      const first = await run('watchlists', 'deliver', '--backoff', '1s', '--json', '--db', db)
      assert.deepEqual(JSON.parse(first.stdout), { delivered: 0, retrying: 1, failed: 0, pending: 1 })
      status = 200
      const wait = await run('watchlists', 'deliver', '--wait', '--json', '--db', db)
      assert.equal(wait.status, 0, wait.stderr)
      assert.deepEqual(JSON.parse(wait.stdout), { delivered: 1, retrying: 0, failed: 0, pending: 0 })
      assert.equal(got.length, 2)
      assert.equal(got[1].hits[0].kind, 'event')
      assert.match((await run('watchlists', 'seen', 'Corridor', '--db', db)).stdout, /seen wl_\w+ Corridor \(1 new hit\(s\)\)/)
      assert.equal(JSON.parse((await run('watchlists', '--json', '--db', db)).stdout)[0].new_hits, 0)
      assert.match((await run('watchlists', 'match', '--db', db)).stdout, /matched 2 watchlist\(s\): 0 new hit\(s\)/)
      assert.equal((await run('watchlists', 'remove', w.id, '--db', db)).status, 0)
      assert.match((await run('watchlists', 'remove', 'Corridor', '--db', db)).stderr, /Expected a watchlist id or name, got "Corridor"/)
      assert.equal(JSON.parse((await run('watchlists', '--json', '--db', db)).stdout).length, 1)
    } finally { await new Promise<void>((r) => { server.close(() => r()); server.closeAllConnections() }) }
  })
})
