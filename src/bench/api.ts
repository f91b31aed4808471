/**
 * API latency benchmark: builds a synthetic SQLite store of 100,000 events (direct SQL into a temp file,
 * same schema as the Store), then times the main queries in process (`app.request`) and reports p50/p95.
 * Run: `npm run bench` (through src/bench/index.ts) or `node --import tsx src/bench/api.ts`.
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createApp } from '../api/app.js'
import type { DocumentRecord } from '../model/records.js'
import { openStore } from '../store/index.js'

/** Size of the synthetic store and of each measurement. */
export const BENCH_API = { events: 100_000, eventsPerDoc: 10, actors: 300, outlets: 12, requests: 100 } as const

const TYPES = ['CONSULT', 'AGREE', 'SUPPORT', 'COOPERATE', 'AID', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'COERCE', 'ASSAULT']
const WORDS = ['ministers', 'talks', 'drones', 'pipeline', 'sanctions', 'delegation', 'harbour', 'treaty', 'exercise', 'envoy', 'grain', 'missile']

/** A small deterministic PRNG (mulberry32) so every run builds the same store. */
function rng(seed: number) { return () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296 } }

/** Writes the synthetic corpus straight into the tables of a freshly migrated store file (one transaction). */
export function fillSyntheticStore(file: string): { actors: string[]; events: string[]; docs: string[] } {
  const db = new Database(file)
  const r = rng(42)
  // skewed actor choice: a few actors take most events, like a real corpus
  const actor = () => `a_${Math.floor(BENCH_API.actors * r() ** 3)}`
  const actors = Array.from({ length: BENCH_API.actors }, (_, i) => `a_${i}`)
  const nDocs = BENCH_API.events / BENCH_API.eventsPerDoc
  const docIns = db.prepare(`insert into documents (id, path, url, raw_sha256, version, status, outlet, title, published, record, ingested_at, run_id) values (?, ?, null, ?, 1, 'ok', ?, ?, ?, ?, ?, 'r_bench')`)
  const evIns = db.prepare(`insert into events (id, doc_id, story_event, type, mode, source_actor, target_actor, date, date_precision, location, start_char, end_char, text) values (?, ?, ?, ?, null, ?, ?, ?, 'day', ?, ?, ?, ?)`)
  const menIns = db.prepare(`insert into mentions (doc_id, entity_id, actor_id, start_char, end_char, text) values (?, ?, ?, ?, ?, ?)`)
  const actIns = db.prepare(`insert into actors (id, name, type, affiliation, code, record) values (?, ?, ?, null, null, ?)`)
  const corIns = db.prepare(`insert into corpus (kind, id, record) values (?, ?, ?)`)
  const docs: string[] = [], events: string[] = []
  db.transaction(() => {
    for (const id of actors) {
      const n = Number(id.slice(2)), geo = n % 3 === 0 ? { lat: -60 + (n * 37) % 130, lon: -170 + (n * 71) % 340, country: null } : null
      actIns.run(id, `Actor ${n}`, geo ? 'GPE' : 'PERSON', JSON.stringify({ kind: 'actor', id, name: `Actor ${n}`, type: geo ? 'GPE' : 'PERSON', affiliation: null, code: null, aliases: [`Place ${n}`], roles: [], geo }))
    }
    for (let d = 0; d < nDocs; d++) {
      const id = `d_${d.toString(16).padStart(16, '0')}`, outlet = `Outlet ${d % BENCH_API.outlets}`
      const day = new Date(Date.UTC(2022, 0, 1) + Math.floor(r() * 1000) * 86400000).toISOString().slice(0, 10)
      let text = ''
      const evs: DocumentRecord['events'][number][] = [], ents = new Map<string, { start: number; end: number; text: string }[]>()
      for (let i = 0; i < BENCH_API.eventsPerDoc; i++) {
        const s = actor(), t = actor(), type = TYPES[Math.floor(r() * TYPES.length)], w = WORDS[Math.floor(r() * WORDS.length)]
        const sentence = `Actor ${s.slice(2)} and Actor ${t.slice(2)} discussed ${w} in Place ${t.slice(2)} on ${day}.`
        const start = text.length; text += sentence + ' '
        const ev = { id: `e_${d}_${i}`, story_event: d % 2 === 0 ? `se_${d}_${i}` : `se_${d - 1}_${i}`, type, mode: null, source_actor: { actor: s, name: `Actor ${s.slice(2)}` },
          target_actor: { actor: t, name: `Actor ${t.slice(2)}` }, date: day, date_precision: 'day' as const, location: `Place ${t.slice(2)}`, evidence: { start, end: start + sentence.length, text: sentence } }
        evs.push(ev); events.push(ev.id)
        const m = `Actor ${s.slice(2)}`
        ents.set(s, [...(ents.get(s) ?? []), { start, end: start + m.length, text: m }])
      }
      text = text.trimEnd()
      const rec: DocumentRecord = { kind: 'document', id, source: { path: `bench/${id}.txt`, url: null, sha256: id.padEnd(64, '0') }, outlet, copy_of: null, title: `Report ${d}`, published: day, author: null,
        text, body: [text], paragraphs: [{ start: 0, end: text.length }], sentences: evs.map((e) => ({ start: e.evidence.start, end: e.evidence.end })),
        entities: [...ents].map(([a, ms], k) => ({ id: `${id}_e${k}`, actor: a, name: `Actor ${a.slice(2)}`, type: 'PERSON', affiliation: null, code: null, mentions: ms })),
        events: evs, quotes: [], claims: [], framing: [], timex: [], messages: [] }
      docIns.run(id, rec.source.path, rec.source.sha256, outlet, rec.title, day, JSON.stringify(rec), new Date(Date.UTC(2025, 0, 1) + d * 1000).toISOString())
      for (const e of evs) evIns.run(e.id, id, e.story_event, e.type, e.source_actor!.actor, e.target_actor!.actor, e.date, e.location, e.evidence.start, e.evidence.end, e.evidence.text)
      for (const e of rec.entities) for (const m of e.mentions) menIns.run(id, e.id, e.actor, m.start, m.end, m.text)
      docs.push(id)
      if (d % 2 === 1) for (let i = 0; i < BENCH_API.eventsPerDoc; i++) {
        const se = { kind: 'story_event', id: `se_${d - 1}_${i}`, type: evs[i].type, date: evs[i].date, date_precision: 'day', source_actor: evs[i].source_actor, target_actor: evs[i].target_actor,
          location: evs[i].location, members: [{ doc: docs[d - 1], event: `e_${d - 1}_${i}` }, { doc: id, event: evs[i].id }], independent_sources: [], first_reported_by: null }
        corIns.run('story_event', se.id, JSON.stringify(se))
      }
    }
    corIns.run('story', 'st_bench', JSON.stringify({ kind: 'story', id: 'st_bench', title: 'Synthetic story', documents: docs.slice(0, 100), story_events: [] }))
  })()
  db.close()
  return { actors, events, docs }
}

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] }

export interface ApiBenchResult { readonly events: number; readonly buildSeconds: number; readonly coldIndexMs: number; readonly queries: Record<string, { p50: number; p95: number; n: number }> }

/** Builds the synthetic store, then measures each main query `BENCH_API.requests` times; prints and returns p50/p95 in ms. */
export async function benchApi(log: (s: string) => void = console.log): Promise<ApiBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-'))
  const file = join(dir, 'bench.db')
  try {
    const t0 = performance.now()
    await (await openStore(file)).close()
    const ids = fillSyntheticStore(file)
    const store = await openStore(file)
    const buildSeconds = (performance.now() - t0) / 1000
    const app = createApp(store)
    const r = rng(7)
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]
    const top = ids.actors.slice(0, 20)
    const call = async (path: string) => { const res = await app.request(path); if (res.status !== 200) throw new Error(`Expected 200 from ${path}, got ${res.status}: ${await res.text()}`); await res.arrayBuffer() }
    let t = performance.now(); await call('/api/overview'); const coldIndexMs = performance.now() - t
    const cases: Record<string, () => string> = {
      'events (first page)': () => '/api/events?limit=50',
      'events by pair': () => `/api/events?pair=${pick(top)},${pick(top)}&limit=50`,
      'events by actor + dates': () => `/api/events?actor=${pick(top)}&from=2023-01-01&to=2023-06-30&limit=50`,
      'events by type, deep page': () => `/api/events?type=${pick(TYPES)}&limit=50&offset=${Math.floor(r() * 5000)}`,
      'events by outlet': () => `/api/events?outlet=Outlet%20${Math.floor(r() * BENCH_API.outlets)}&limit=50`,
      'event card': () => `/api/events/${pick(ids.events)}`,
      'documents page': () => `/api/documents?limit=50&offset=${Math.floor(r() * 9000)}`,
      'document': () => `/api/documents/${pick(ids.docs)}`,
      'actor page': () => `/api/actors/${pick(top)}`,
      'timeline (pair)': () => `/api/timeline?a=${pick(top)}&b=${pick(top)}`,
      'network': () => '/api/network',
      'search': () => `/api/search?q=${pick(WORDS)}&limit=20`,
      'map': () => '/api/map',
      'overview': () => '/api/overview',
    }
    const queries: ApiBenchResult['queries'] = {}
    for (const [name, path] of Object.entries(cases)) {
      const ms: number[] = []
      for (let i = 0; i < BENCH_API.requests; i++) { const p = path(); t = performance.now(); await call(p); ms.push(performance.now() - t) }
      queries[name] = { p50: +pct(ms, 50).toFixed(2), p95: +pct(ms, 95).toFixed(2), n: ms.length }
      log(`  ${name.padEnd(28)} p50 ${queries[name].p50.toFixed(1).padStart(7)} ms   p95 ${queries[name].p95.toFixed(1).padStart(7)} ms`)
    }
    await store.close()
    log(`API bench: ${BENCH_API.events} events, store built in ${buildSeconds.toFixed(1)} s, cold corpus index ${coldIndexMs.toFixed(0)} ms`)
    return { events: BENCH_API.events, buildSeconds, coldIndexMs, queries }
  } finally { rmSync(dir, { recursive: true, force: true }) }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void benchApi()
