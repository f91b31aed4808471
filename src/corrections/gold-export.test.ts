import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { seedDemo } from '../api/fixtures/demo-corpus.js'
import { scoreAgainstGold } from '../eval/gold.js'
import { evalGold } from '../eval/run.js'
import { exportRecords } from '../export/export.js'
import { EXAMPLES_DIR, REPO_ROOT } from '../paths.js'
import { openStore } from '../store/index.js'
import type { Store } from '../store/store.js'
import { exportGold, goldStem } from './gold-export.js'
import { addCorrection } from './make.js'
import { correctedStore, resolveCorrections } from './view.js'

const WHO = { author: 'Ana', via: 'cli' }
const tmp = () => mkdtempSync(join(tmpdir(), 'dossier-gold-'))

describe('dossier gold export over the example corpus (real pipeline)', () => {
  let store: Store, machine: object[]
  const dirs: string[] = []
  const exportTo = async (opts = {}) => { const d = tmp(); dirs.push(d); await exportGold(store, d, opts); return d }
  const score = (dir: string) => scoreAgainstGold(machine as any[], dir).totals
  before(async () => {
    store = await openStore(':memory:')
    const { ingest } = await import('../ingest/ingest.js')
    await ingest(store, [EXAMPLES_DIR], { recursive: false })
    // what `dossier eval` scores: the machine's own export of the same pages
    machine = []
    for await (const r of exportRecords(store)) machine.push(r)
  })
  after(async () => { await store.close(); for (const d of dirs) rmSync(d, { recursive: true, force: true }) })

  it('a store whose every machine event was accepted unchanged scores 1.0 against itself, strict and loose (dossier eval --gold)', async () => {
    const events = machine.filter((r: any) => r.kind === 'document').flatMap((d: any) => d.events.map((e: any) => e.id))
    assert.ok(events.length >= 20, `expected the examples' events, got ${events.length}`)
    for (const id of events) await addCorrection(store, { kind: 'event.accept', event: id }, WHO)
    const dir = await exportTo()
    assert.equal(readdirSync(dir).length, 8)
    const { report } = await evalGold(dir, EXAMPLES_DIR)
    const t = report.totals
    assert.equal(t.documents_found, '8/8')
    assert.deepEqual([t.events.f1, t.events_loose.f1, t.events.gold], [1, 1, events.length])
    assert.deepEqual([t.quotes.f1, t.claims.f1, t.body.f1, t.mention_recall], [1, 1, 1, 1])
  })

  it('one corrected event changes the figures by exactly that event', async () => {
    const n = score(await exportTo()).events.gold
    const docs = machine.filter((r: any) => r.kind === 'document') as any[]
    const target = docs.flatMap((d) => d.events).find((e: any) => e.type === 'CONSULT')!
    // marked wrong: the machine still codes it, the gold no longer holds it
    const wrong = await addCorrection(store, { kind: 'event.wrong', event: target.id, reason: 'a plan, not a visit' }, WHO)
    let t = score(await exportTo())
    for (const s of [t.events, t.events_loose]) assert.deepEqual([s.tp, s.pred, s.gold], [n - 1, n, n - 1])
    await store.corrections.retract(wrong.id, WHO)
    // retyped: one gold event the machine misses, one machine event the gold lacks
    const fix = await addCorrection(store, { kind: 'event.fix', event: target.id, set: { type: 'COOPERATE' } }, WHO)
    t = score(await exportTo())
    for (const s of [t.events, t.events_loose]) assert.deepEqual([s.tp, s.pred, s.gold], [n - 1, n, n])
    await store.corrections.retract(fix.id, WHO)
    // added: one gold event more, nothing else moves
    const doc = docs.find((d) => d.events.length)!
    await addCorrection(store, { kind: 'event.add', doc: doc.id, start: doc.events[0].evidence.start, end: doc.events[0].evidence.end, set: { type: 'PROTEST', source_actor: { name: 'Analyst Example' } } }, WHO)
    t = score(await exportTo())
    for (const s of [t.events, t.events_loose]) assert.deepEqual([s.tp, s.pred, s.gold], [n, n, n + 1])
    assert.ok(readdirSync(dirs.at(-1)!).includes(`${goldStem(doc)}.json`))
  })
})

describe('dossier gold export and dossier corrections on the command line', () => {
  const BIN = join(REPO_ROOT, 'bin', 'dossier.js')
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: REPO_ROOT })
  it('have --help, write the gold folder with a --json summary, list corrections and refuse a folder that holds gold already', async () => {
    const dir = tmp(), db = join(dir, 'c.db'), out = join(dir, 'gold')
    try {
      const store = await openStore(db)
      await seedDemo(store)
      await addCorrection(store, { kind: 'event.fix', event: 'ev_e2', set: { target_actor: { name: 'Russia' } }, reason: 'the drones were Russian-made' }, WHO)
      await store.close()
      for (const cmd of [['gold', 'export'], ['corrections']]) assert.match(run(...cmd, '--help').stdout, /Usage: dossier/)
      const r = run('gold', 'export', '--out', out, '--db', db, '--json')
      assert.equal(r.status, 0, r.stderr)
      const sum = JSON.parse(r.stdout)
      assert.deepEqual([sum.documents, sum.corrections], [5, { active: 1, attached: 1, orphaned: 0 }])
      const east = JSON.parse(readFileSync(join(out, 'd_demo_east.json'), 'utf8'))
      assert.deepEqual([east.events[1].target_actor, east.events[1].note], ['Russia', 'corrected by an analyst: target_actor was "Iran"'])
      // --reviewed-only: the one page an analyst touched
      const only = JSON.parse(run('gold', 'export', '--out', join(dir, 'only'), '--db', db, '--reviewed-only', '--json').stdout)
      assert.deepEqual(only.written.map((w: any) => [w.file, w.corrections]), [['d_demo_east.json', 1]])
      const list = JSON.parse(run('corrections', '--db', db, '--json').stdout)
      assert.deepEqual(list.map((c: any) => [c.author, c.state.status, c.state.fact]), [['Ana', 'attached', 'ev_e2']])
      assert.equal(JSON.parse(run('corrections', '--stats', '--db', db, '--json').stdout).types[0].type, 'ACCUSE')
      writeFileSync(join(out, 'x.json'), '{}')
      const again = run('gold', 'export', '--out', out, '--db', db)
      assert.equal(again.status, 2); assert.match(again.stderr, /no \.json files/)
    } finally { rmSync(dir, { recursive: true, force: true }) }
  })
})

describe('corrections survive a new version of a page and dossier reanalyze (real pipeline)', () => {
  it('re-attach to the re-read page by span and machine values, and are orphaned when the sentence is gone', async () => {
    const dir = tmp(), file = join(dir, 'volga-herald.txt')
    const store = await openStore(':memory:')
    try {
      const { ingest, reanalyze } = await import('../ingest/ingest.js')
      copyFileSync(join(EXAMPLES_DIR, 'volga-herald.txt'), file)
      const raw = readFileSync(file, 'utf8')
      await ingest(store, [dir], { recursive: false })
      const v1 = (await store.allDocuments())[0]!
      const ev = v1.events.find((e) => raw.includes(e.evidence.text))!
      const fix = await addCorrection(store, { kind: 'event.fix', event: ev.id, set: { location: 'Analyst Place' } }, WHO)
      // dossier reanalyze rewrites the corpus-wide results, never a correction's anchor
      await reanalyze(store, {})
      assert.deepEqual((await resolveCorrections(store)).states.get(fix.id), { status: 'attached', doc: v1.id, fact: ev.id, reason: null })
      // version 2: a paragraph added before the body moves every span; the page is read again, under a new id
      const first = raw.indexOf('Russian Foreign Ministry spokeswoman')
      writeFileSync(file, raw.slice(0, first) + 'Editor\'s note: this report was updated on Thursday with more of the briefing.\n\n' + raw.slice(first))
      await ingest(store, [dir], { recursive: false })
      const v2 = (await store.allDocuments())[0]!
      assert.notEqual(v2.id, v1.id)
      let state = (await resolveCorrections(store)).states.get(fix.id)!
      assert.deepEqual([state.status, state.doc], ['attached', v2.id])
      const moved = (await correctedStore(store).getDocument(v2.id))!.events.find((e) => e.id === state.fact)!
      assert.equal(moved.location, 'Analyst Place'); assert.equal(moved.evidence.text, ev.evidence.text); assert.notEqual(moved.evidence.start, ev.evidence.start)
      // version 3: the sentence is gone; the correction is kept and flagged
      writeFileSync(file, readFileSync(file, 'utf8').replace(ev.evidence.text, 'A sentence about something else entirely.'))
      await ingest(store, [dir], { recursive: false })
      state = (await resolveCorrections(store)).states.get(fix.id)!
      assert.deepEqual([state.status, state.reason], ['orphaned', 'span-gone'])
      assert.equal((await store.corrections.list()).length, 1)
    } finally { await store.close(); rmSync(dir, { recursive: true, force: true }) }
  })
})
