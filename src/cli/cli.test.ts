import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import Database from 'better-sqlite3'
import { REPO_ROOT, SHARED } from '../paths.js'
import { GOOD_PAGE } from '../ingest/test-page.js'

const BIN = join(REPO_ROOT, 'bin', 'dossier.js')
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 })

test('every command has --help', () => {
  for (const cmd of ['ingest', 'export', 'eval', 'serve', 'demo', 'stats', 'documents', 'reanalyze', 'ner']) {
    const r = run(cmd, '--help')
    assert.equal(r.status, 0, cmd + r.stderr)
    assert.match(r.stdout, /Usage: dossier/)
  }
})

test('ingest the seeds, export five documents in the exchange format', { skip: !existsSync(join(SHARED, 'seeds')) && 'no ../shared/seeds' }, () => {
  const db = join(mkdtempSync(join(tmpdir(), 'dossier-cli-')), 'seeds.db')
  const ing = run('ingest', join(SHARED, 'seeds'), '--db', db, '--json')
  assert.equal(ing.status, 0, ing.stderr)
  assert.equal(JSON.parse(ing.stdout).stored, 5)
  const exp = run('export', '--format', 'jsonl', '--db', db)
  assert.equal(exp.status, 0, exp.stderr)
  const recs = exp.stdout.trim().split('\n').map((l) => JSON.parse(l))
  const docs = recs.filter((r) => r.kind === 'document')
  assert.equal(docs.length, 5)
  for (const d of docs) {
    for (const k of ['id', 'source', 'outlet', 'copy_of', 'title', 'published', 'author', 'text', 'body', 'entities', 'events', 'quotes', 'claims']) assert.ok(k in d, k)
    for (const k of ['path', 'url', 'sha256']) assert.ok(k in d.source, k)
    for (const e of d.entities) {
      for (const k of ['id', 'actor', 'name', 'type', 'affiliation', 'mentions']) assert.ok(k in e, k)
      for (const m of e.mentions) assert.equal(d.text.slice(m.start, m.end), m.text)
    }
    for (const e of d.events) assert.equal(d.text.slice(e.evidence.start, e.evidence.end), e.evidence.text)
    for (const q of d.quotes) assert.equal(d.text.slice(q.start, q.end), q.text)
    for (const c of d.claims) assert.equal(d.text.slice(c.evidence.start, c.evidence.end), c.evidence.text)
  }
  assert.ok(recs.some((r) => r.kind === 'actor'))
  const csv = run('export', '--format', 'csv', '--db', db)
  assert.equal(csv.status, 0)
  assert.match(csv.stdout.split('\n')[0], /^id,doc_id,outlet,story_event,type/)
})

test('exit code says whether any page failed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-exit-'))
  writeFileSync(join(dir, 'ok.txt'), GOOD_PAGE)
  writeFileSync(join(dir, 'empty.txt'), '   \n')
  const r = run('ingest', dir, '--db', join(dir, 'x.db'), '--quiet')
  assert.equal(r.status, 1)
  assert.match(r.stdout, /rejected .*empty\.txt: Expected page content/)
})

test('SIGKILL mid-ingest leaves no half-stored document; the next run completes the rest', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-kill-'))
  const pages = join(dir, 'pages')
  spawnSync('mkdir', [pages])
  const N = 400
  for (let i = 0; i < N; i++) writeFileSync(join(pages, `p${String(i).padStart(4, '0')}.txt`), GOOD_PAGE.replace('Oslo on Monday', `Oslo on Monday (item ${i})`).repeat(1 + (i % 3)))
  const db = join(dir, 'k.db')
  const child = spawn(process.execPath, [BIN, 'ingest', pages, '--db', db, '--quiet'], { stdio: 'ignore' })
  // wait until some documents are committed, then kill without warning
  for (let t = 0; t < 600; t++) {
    await new Promise((r) => setTimeout(r, 50))
    if (!existsSync(db)) continue
    try {
      const n = (new Database(db, { readonly: true, fileMustExist: true }).prepare("select count(*) n from documents where status='ok'").get() as any).n
      if (n >= 20) break
    } catch { /* tables not created yet */ }
  }
  child.kill('SIGKILL')
  await new Promise((r) => child.once('exit', r))
  const raw = new Database(db)
  const rows = raw.prepare("select id, record from documents where status='ok'").all() as { id: string; record: string }[]
  assert.ok(rows.length > 0 && rows.length < N, `killed after ${rows.length} documents`)
  for (const r of rows) {
    const rec = JSON.parse(r.record)
    const events = (raw.prepare('select count(*) n from events where doc_id = ?').get(r.id) as any).n
    const mentions = (raw.prepare('select count(*) n from mentions where doc_id = ?').get(r.id) as any).n
    assert.equal(events, rec.events.length)
    assert.equal(mentions, rec.entities.reduce((a: number, e: any) => a + e.mentions.length, 0))
  }
  raw.close()
  const again = run('ingest', pages, '--db', db, '--json')
  assert.equal(again.status, 0, again.stderr)
  const sum = JSON.parse(again.stdout)
  assert.equal(sum.stored + sum.unchanged, N)
  assert.equal(sum.unchanged, rows.length)
})

test('ingest - reads a page from standard input (HTML sniffed)', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'dossier-stdin-')), 's.db')
  const html = `<html><head><title>Envoys meet</title></head><body><article><h1>Envoys meet in Oslo</h1>
<p>Foreign ministers from Norway and Finland met in Oslo on Monday to discuss a grain corridor across the Baltic Sea, officials said.</p>
<p>The two governments said they would meet again in Helsinki next month to sign a formal agreement on shipping.</p></article></body></html>`
  const r = spawnSync(process.execPath, [BIN, 'ingest', '-', '--db', db, '--json'], { input: html, encoding: 'utf8' })
  assert.equal(r.status, 0, r.stderr)
  assert.equal(JSON.parse(r.stdout).stored, 1)
  const docs = JSON.parse(run('documents', '--db', db, '--json').stdout)
  assert.equal(docs[0].title, 'Envoys meet in Oslo')
})
