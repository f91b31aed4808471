import { createPipeline, type Pipeline, type Stage } from '../doc/stage.js'
import { ENGLISH } from '../lang/index.js'
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

/** The stages of the default pipeline that read English only (skipped on a document in another language). */
export const ENGLISH_ONLY_STAGES = ['syntax', 'entities', 'timex', 'quotes', 'events', 'claims', 'framing'] as const

/** A stage that reads English only: on a document detected in another language it is skipped ("language ru"). */
const englishOnly = <S extends Stage<any, any>>(stage: S): S => Object.freeze({ ...stage, languages: ENGLISH })

/**
 * The default reading pipeline, run on every cleaned document (cleaning itself happens before, in ingest).
 * `tokens` splits any language into words and sentences; every later stage reads English only — the syntax model
 * and the NER model are trained on English treebanks, the knowledge base matches English spellings, and the timex,
 * quote, event, claim and framing rules are English words — so on a page in another language they are skipped
 * with the reason in `stage_runs` (README, Languages).
 */
export function defaultPipeline(opts: PipelineOptions = {}): { pipeline: Pipeline; kb: Kb } {
  const kb = loadKb(opts.kbDirs ?? [])
  const pipeline = createPipeline([
    tokensStage,
    englishOnly(syntaxStage()),
    englishOnly(entitiesStage({ kb })),
    englishOnly(timexStage()),
    englishOnly(quotesStage()),
    englishOnly(eventsStage({ kb })),
    englishOnly(claimsStage()),
    englishOnly(framingStage({ extraDirs: opts.lexiconDirs })),
  ])
  return { pipeline, kb }
}
