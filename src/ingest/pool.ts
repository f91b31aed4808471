import { Worker } from 'node:worker_threads'
import type { PipelineOptions } from '../pipeline/default.js'
import type { PageInput, PageRead } from './read-page.js'

const RESPAWNS = 3

/** Why a page whose reading was stopped at its time limit (ms) is rejected. */
export const pageTimeoutReason = (limit: number) =>
  `Expected the page to be read within ${limit / 1000} s, got no result: its reading was stopped (not stored: the next run reads it again; --page-timeout sets the limit)`

type Task = { resolve: (r: PageRead) => void; slot: Slot; input: PageInput; rawSha: string }
type Slot = { worker: Worker; inFlight: number; dead: boolean; timer: NodeJS.Timeout | null }

/** Options of the pool: the reading pipeline's, and how long one page may take to read. */
export interface ReadPoolOptions extends PipelineOptions {
  /** a page read for longer than this (ms) is stopped and rejected as `page-timeout` (its worker is replaced); none when absent */
  readonly pageTimeoutMs?: number
}

/**
 * Worker threads that read pages (clean → the reading pipeline), each with its own copy of the default pipeline.
 * `read` sends a page to the least busy worker; results come back as promises, which ingest takes in the order it
 * sent the pages (the store's writer stays single and its order deterministic). A worker that dies (its error, an
 * exit) fails only the pages it held, each rejected as `read-error`, and is replaced. With `pageTimeoutMs`, a page
 * whose reading runs longer is rejected as `page-timeout`: its worker is stopped and replaced, and the other pages
 * it held are read by the workers left.
 */
export class ReadPool {
  private readonly slots: Slot[] = []
  private readonly tasks = new Map<number, Task>()
  private nextId = 0
  private closed = false
  /** workers replaced so far: past RESPAWNS per worker (one that cannot even start), the pool stops replacing them */
  private respawns = 0

  constructor(readonly size: number, private readonly opts: ReadPoolOptions = {}) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn())
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./read-worker.js', import.meta.url), { workerData: { kbDirs: this.opts.kbDirs ?? [], lexiconDirs: this.opts.lexiconDirs ?? [] } })
    const slot: Slot = { worker, inFlight: 0, dead: false, timer: null }
    worker.on('message', (m: { id: number; out?: PageRead; started?: boolean }) => {
      const t = this.tasks.get(m.id)
      if (!t) return
      const limit = this.opts.pageTimeoutMs
      if (m.started) { if (limit) slot.timer = setTimeout(() => this.timeout(slot, m.id, limit), limit); return }
      if (slot.timer) { clearTimeout(slot.timer); slot.timer = null }
      this.tasks.delete(m.id); slot.inFlight--
      t.resolve(m.out!)
    })
    const fail = (why: string) => {
      if (slot.dead) return
      slot.dead = true
      if (slot.timer) { clearTimeout(slot.timer); slot.timer = null }
      for (const [id, t] of this.tasks) if (t.slot === slot) { this.tasks.delete(id); t.resolve({ kind: 'rejected', ruleId: 'read-error', reason: `Expected the page to be read, got: the worker reading it ${why}` }) }
      const i = this.slots.indexOf(slot)
      if (i >= 0 && !this.closed && this.respawns < RESPAWNS * this.size) { this.respawns++; this.slots[i] = this.spawn() }
    }
    worker.on('error', (e) => fail(`failed (${e.message})`))
    worker.on('exit', (code) => fail(`exited with code ${code}`))
    return slot
  }

  /** A page read too long: rejected; its worker stopped and replaced; the other pages it held go to the workers left. */
  private timeout(slot: Slot, id: number, limit: number): void {
    const t = this.tasks.get(id)
    if (!t || slot.dead) return
    slot.dead = true
    slot.timer = null
    this.tasks.delete(id)
    t.resolve({ kind: 'rejected', ruleId: 'page-timeout', reason: pageTimeoutReason(limit) })
    const held = [...this.tasks].filter(([, x]) => x.slot === slot)
    for (const [k] of held) this.tasks.delete(k)
    const i = this.slots.indexOf(slot)
    if (i >= 0 && !this.closed) this.slots[i] = this.spawn()
    void slot.worker.terminate()
    for (const [k, x] of held) this.send(k, x.input, x.rawSha, x.resolve)
  }

  /** Sends task `id` to the least busy live worker. */
  private send(id: number, input: PageInput, rawSha: string, resolve: (r: PageRead) => void): void {
    const live = this.slots.filter((s) => !s.dead)
    if (!live.length) { resolve({ kind: 'rejected', ruleId: 'read-error', reason: 'Expected a worker to read the page, got none left (they kept failing)' }); return }
    const slot = live.reduce((a, b) => (b.inFlight < a.inFlight ? b : a))
    this.tasks.set(id, { resolve, slot, input, rawSha })
    slot.inFlight++
    slot.worker.postMessage({ id, input: { path: input.path, url: input.url, page: input.page, ...(input.claims ? { claims: input.claims } : {}) }, rawSha })
  }

  /** Reads one page in a worker. */
  read(input: PageInput, rawSha: string): Promise<PageRead> {
    const id = this.nextId++
    return new Promise<PageRead>((resolve) => this.send(id, input, rawSha, resolve))
  }

  /** Stops every worker (pages still in flight are rejected as `read-error`). */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    for (const s of this.slots) if (s.timer) clearTimeout(s.timer)
    await Promise.all(this.slots.map((s) => s.worker.terminate()))
  }
}
