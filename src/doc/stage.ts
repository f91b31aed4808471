import { DossierError } from '../errors.js'
import type { Doc } from './doc.js'
import type { LayerMap, LayerName } from './layers.js'
import type { Message } from './span.js'

/** Context shared by all stages of one run (the knowledge base, models, options). */
export interface StageContext { readonly [key: string]: unknown }

export interface StageResult<P extends LayerName> {
  readonly layers: Pick<LayerMap, P>
  readonly messages?: readonly Message[]
}

/** A declared, pure function from a Doc (with the layers it requires) to new layers. */
export interface Stage<R extends LayerName = LayerName, P extends LayerName = LayerName> {
  readonly name: string
  readonly requires: readonly R[]
  readonly produces: readonly P[]
  /**
   * Languages (ISO 639-1) the stage can read; absent: any. On a document in another language the pipeline does not
   * run it: its layers are empty, its status is `skipped` with the reason "language ru", and a message says so.
   * A document whose language is unknown is read by every stage.
   */
  readonly languages?: readonly string[]
  run(doc: Doc, layers: Pick<LayerMap, R>): StageResult<P>
}

/** Declares a stage (spaCy component / unified plugin style). */
export function defineStage<R extends LayerName, P extends LayerName>(stage: Stage<R, P>): Stage<R, P> {
  return Object.freeze(stage)
}

export interface StageStatus {
  readonly stage: string; readonly status: 'ok' | 'error' | 'skipped'; readonly ms: number; readonly error?: string
  /** why a stage was skipped: "language ru" (the stage does not read the document's language), "an earlier stage failed" */
  readonly reason?: string
}

/** A pipeline: stages checked for order when built; running it never mutates the input Doc. */
export interface Pipeline {
  readonly stages: readonly Stage[]
  run(doc: Doc): { doc: Doc; status: StageStatus[] }
}

/** Builds a pipeline; throws E_STAGE_ORDER when a stage requires a layer no earlier stage produces. */
export function createPipeline(stages: readonly Stage<any, any>[], initial: readonly LayerName[] = ['paragraphs']): Pipeline {
  const have = new Set<LayerName>(initial)
  for (const s of stages) {
    for (const r of s.requires) if (!have.has(r)) throw new DossierError('E_STAGE_ORDER', `Expected layer \`${r}\` before stage \`${s.name}\`, got only ${[...have].join(', ')}`)
    for (const p of s.produces) have.add(p)
  }
  return {
    stages,
    run(input) {
      let doc = input
      const status: StageStatus[] = []
      let failed = false
      for (const s of stages) {
        if (failed) { status.push({ stage: s.name, status: 'skipped', ms: 0, reason: 'an earlier stage failed' }); continue }
        const lang = doc.meta.language
        if (s.languages && lang && !s.languages.includes(lang)) {
          const reason = `language ${lang}`
          const empty = Object.fromEntries(s.produces.map((p: LayerName) => [p, []]))
          doc = { ...doc, layers: { ...doc.layers, ...empty }, messages: [...doc.messages, { source: s.name, ruleId: 'stage-skipped', severity: 'info', reason: `skipped: ${reason} (the ${s.name} stage reads ${s.languages.join(', ')} only)` }] }
          status.push({ stage: s.name, status: 'skipped', ms: 0, reason })
          continue
        }
        const t0 = performance.now()
        try {
          const inLayers = Object.fromEntries(s.requires.map((r: LayerName) => [r, doc.layers[r]]))
          const out = s.run(doc, inLayers as any)
          for (const [k, v] of Object.entries(out.layers)) {
            if (!s.produces.includes(k as LayerName) || !Array.isArray(v)) throw new DossierError('E_STAGE_OUTPUT', `Expected layers ${s.produces.join(', ')} from stage \`${s.name}\`, got \`${k}\``)
          }
          doc = { ...doc, layers: { ...doc.layers, ...out.layers }, messages: [...doc.messages, ...(out.messages ?? [])] }
          status.push({ stage: s.name, status: 'ok', ms: performance.now() - t0 })
        } catch (e) {
          failed = true
          const error = e instanceof Error ? e.message : String(e)
          if (process.env.DOSSIER_DEBUG === '1') process.stderr.write(`dossier: stage ${s.name} failed on ${doc.source.path ?? doc.source.url ?? doc.id}: ${e instanceof Error ? e.stack : error}\n`)
          doc = { ...doc, messages: [...doc.messages, { source: s.name, ruleId: 'stage-error', severity: 'fatal', reason: `Stage ${s.name} failed: ${error}` }] }
          status.push({ stage: s.name, status: 'error', ms: performance.now() - t0, error })
        }
      }
      return { doc, status }
    },
  }
}
