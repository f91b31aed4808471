import { createPipeline, type Pipeline } from '../doc/stage.js'
import { loadKb, type Kb } from '../kb/index.js'
import { claimsStage } from '../stages/claims/index.js'
import { entitiesStage } from '../stages/entities/index.js'
import { eventsStage } from '../stages/events/index.js'
import { framingStage } from '../stages/framing/index.js'
import { quotesStage } from '../stages/quotes/index.js'
import { timexStage } from '../stages/timex/index.js'
import { syntaxStage } from '../stages/syntax/index.js'
import { tokensStage } from '../stages/tokens/index.js'

export interface PipelineOptions { readonly kbDirs?: readonly string[]; readonly lexiconDirs?: readonly string[] }

/** The default reading pipeline, run on every cleaned document (cleaning itself happens before, in ingest). */
export function defaultPipeline(opts: PipelineOptions = {}): { pipeline: Pipeline; kb: Kb } {
  const kb = loadKb(opts.kbDirs ?? [])
  const pipeline = createPipeline([
    tokensStage,
    syntaxStage(),
    entitiesStage({ kb }),
    timexStage(),
    quotesStage(),
    eventsStage({ kb }),
    claimsStage(),
    framingStage({ extraDirs: opts.lexiconDirs }),
  ])
  return { pipeline, kb }
}
