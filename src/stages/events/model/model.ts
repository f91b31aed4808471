/**
 * The trigger model: an averaged perceptron over string features that gives each candidate token one of the 16
 * PLOVER types or `O` (no event). Trained by `npm run train:events` (train.ts) on the project's annotated
 * articles; the weights live in models/events/triggers.json.gz (features seen at least twice in training).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { MODELS_DIR } from '../../../paths.js'
import { rng, shuffled } from '../../entities/ner/clusters.js'
import { readingCache } from '../../../reading-caches.js'

/** Folder of the committed events model. */
export const EVENTS_MODEL_DIR = join(MODELS_DIR, 'events')
const FILE = 'triggers.json.gz'

/** One labelled candidate. */
export interface Example { readonly f: readonly string[]; readonly y: number }

/** Class weights per feature, scored by summing the rows of a candidate's features. */
export class TriggerModel {
  constructor(readonly labels: readonly string[], readonly weights: ReadonlyMap<string, Float32Array>, readonly meta: Record<string, unknown> = {}) {}

  /** The same weights with other meta data. */
  with(meta: Record<string, unknown>): TriggerModel { return new TriggerModel(this.labels, this.weights, meta) }

  /** Class scores of one candidate. */
  scores(features: readonly string[], out = new Float32Array(this.labels.length)): Float32Array {
    out.fill(0)
    for (const f of features) {
      const w = this.weights.get(f)
      if (w) for (let c = 0; c < out.length; c++) out[c]! += w[c]!
    }
    return out
  }

  /** The best event class (never label 0) and its margin over the no-event class (label 0): an event when the margin clears the model's threshold. */
  private readonly buffer = new Float32Array(32)
  predict(features: readonly string[]): { label: string; margin: number } {
    const s = this.scores(features, this.buffer.subarray(0, this.labels.length))
    let best = 1
    for (let c = 2; c < s.length; c++) if (s[c]! > s[best]!) best = c
    return { label: this.labels[best]!, margin: s[best]! - s[0]! }
  }

  /** Writes the model (weights rounded to 1/1000; zero rows dropped). */
  save(dir = EVENTS_MODEL_DIR): void {
    const rows: Record<string, number[]> = {}
    for (const [f, w] of [...this.weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const r = Array.from(w, (x) => Math.round(x * 1000) / 1000)
      if (r.some((x) => x !== 0)) rows[f] = r
    }
    writeFileSync(join(dir, FILE), gzipSync(JSON.stringify({ labels: this.labels, meta: this.meta, weights: rows }), { level: 9 }))
  }
}

let cached: TriggerModel | null | undefined
readingCache(() => { cached = undefined })
/** The committed model, loaded once per process; null when none has been trained. */
export function loadTriggerModel(dir = EVENTS_MODEL_DIR): TriggerModel | null {
  if (cached !== undefined && dir === EVENTS_MODEL_DIR) return cached
  const file = join(dir, FILE)
  let model: TriggerModel | null = null
  if (existsSync(file)) {
    const raw = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as { labels: string[]; meta: Record<string, unknown>; weights: Record<string, number[]> }
    model = new TriggerModel(raw.labels, new Map(Object.entries(raw.weights).map(([f, w]) => [f, Float32Array.from(w)])), raw.meta)
  }
  if (dir === EVENTS_MODEL_DIR) cached = model
  return model
}

/**
 * Trains an averaged perceptron (Collins 2002) over `examples` for `epochs` passes in a seeded shuffled order.
 * Features seen fewer than `minCount` times are dropped before training.
 */
export function trainTriggerModel(examples: readonly Example[], labels: readonly string[], opts: { epochs: number; seed: number; minCount?: number; runs?: number }): TriggerModel {
  const runs = opts.runs ?? 1
  if (runs <= 1) return trainOnce(examples, labels, opts)
  // several runs in different shuffled orders (seed, seed + 1, …), their averaged weights averaged again: one model
  const models = Array.from({ length: runs }, (_, r) => trainOnce(examples, labels, { ...opts, seed: opts.seed + r }))
  const sum = new Map<string, Float32Array>()
  for (const m of models) for (const [f, w] of m.weights) {
    let row = sum.get(f)
    if (!row) sum.set(f, (row = new Float32Array(labels.length)))
    for (let c = 0; c < w.length; c++) row[c]! += w[c]! / runs
  }
  return new TriggerModel(labels, sum)
}

function trainOnce(examples: readonly Example[], labels: readonly string[], opts: { epochs: number; seed: number; minCount?: number }): TriggerModel {
  const C = labels.length
  const count = new Map<string, number>()
  for (const e of examples) for (const f of e.f) count.set(f, (count.get(f) ?? 0) + 1)
  const keep = (f: string): boolean => (count.get(f) ?? 0) >= (opts.minCount ?? 2)
  const w = new Map<string, Float32Array>(), u = new Map<string, Float64Array>()
  const rowW = (f: string): Float32Array => { let r = w.get(f); if (!r) { r = new Float32Array(C); w.set(f, r); u.set(f, new Float64Array(C)) } return r }
  const feats = examples.map((e) => e.f.filter(keep))
  const rand = rng(opts.seed)
  const s = new Float32Array(C)
  let step = 1
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (const n of shuffled(examples.length, rand)) {
      const f = feats[n]!, y = examples[n]!.y
      s.fill(0)
      for (const x of f) { const r = w.get(x); if (r) for (let c = 0; c < C; c++) s[c]! += r[c]! }
      let best = 0
      for (let c = 1; c < C; c++) if (s[c]! > s[best]!) best = c
      if (best !== y) {
        for (const x of f) {
          const r = rowW(x), a = u.get(x)!
          r[y]! += 1; r[best]! -= 1
          a[y]! += step; a[best]! -= step
        }
      }
      step++
    }
  }
  const avg = new Map<string, Float32Array>()
  for (const [f, r] of w) {
    const a = u.get(f)!
    const out = new Float32Array(C)
    for (let c = 0; c < C; c++) out[c] = r[c]! - a[c]! / step
    avg.set(f, out)
  }
  return new TriggerModel(labels, avg)
}
