import { Worker } from 'node:worker_threads'
import type { PipelineOptions } from '../pipeline/default.js'
import type { PageInput, PageRead } from './read-page.js'

const RESPAWNS = 3

type Task = { resolve: (r: PageRead) => void; slot: Slot }
type Slot = { worker: Worker; inFlight: number; dead: boolean }

/**
 * Worker threads that read pages (clean → the reading pipeline), each with its own copy of the default pipeline.
 * `read` sends a page to the least busy worker; results come back as promises, which ingest takes in the order it
 * sent the pages (the store's writer stays single and its order deterministic). A worker that dies (its error, an
 * exit) fails only the pages it held, each rejected as `read-error`, and is replaced.
 */
export class ReadPool {
  private readonly slots: Slot[] = []
  private readonly tasks = new Map<number, Task>()
  private nextId = 0
  private closed = false
  /** workers replaced so far: past RESPAWNS per worker (one that cannot even start), the pool stops replacing them */
  private respawns = 0

  constructor(readonly size: number, private readonly opts: PipelineOptions = {}) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn())
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./read-worker.js', import.meta.url), { workerData: { kbDirs: this.opts.kbDirs ?? [], lexiconDirs: this.opts.lexiconDirs ?? [] } })
    const slot: Slot = { worker, inFlight: 0, dead: false }
    worker.on('message', (m: { id: number; out: PageRead }) => {
      const t = this.tasks.get(m.id)
      if (!t) return
      this.tasks.delete(m.id); slot.inFlight--
      t.resolve(m.out)
    })
    const fail = (why: string) => {
      if (slot.dead) return
      slot.dead = true
      for (const [id, t] of this.tasks) if (t.slot === slot) { this.tasks.delete(id); t.resolve({ kind: 'rejected', ruleId: 'read-error', reason: `Expected the page to be read, got: the worker reading it ${why}` }) }
      const i = this.slots.indexOf(slot)
      if (i >= 0 && !this.closed && this.respawns < RESPAWNS * this.size) { this.respawns++; this.slots[i] = this.spawn() }
    }
    worker.on('error', (e) => fail(`failed (${e.message})`))
    worker.on('exit', (code) => fail(`exited with code ${code}`))
    return slot
  }

  /** Reads one page in a worker. */
  read(input: PageInput, rawSha: string): Promise<PageRead> {
    const live = this.slots.filter((s) => !s.dead)
    if (!live.length) return Promise.resolve({ kind: 'rejected', ruleId: 'read-error', reason: 'Expected a worker to read the page, got none left (they kept failing)' })
    const slot = live.reduce((a, b) => (b.inFlight < a.inFlight ? b : a))
    const id = this.nextId++
    return new Promise<PageRead>((resolve) => {
      this.tasks.set(id, { resolve, slot })
      slot.inFlight++
      slot.worker.postMessage({ id, input: { path: input.path, url: input.url, page: input.page, ...(input.claims ? { claims: input.claims } : {}) }, rawSha })
    })
  }

  /** Stops every worker (pages still in flight are rejected as `read-error`). */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await Promise.all(this.slots.map((s) => s.worker.terminate()))
  }
}
