/**
 * Events read by cross-validation over the annotated articles: each fold is read by a trigger model trained on
 * the other folds, through the same stages as ingest, and scored by `dossier eval`'s scorer. One run serves
 * several decision margins (the stages before events run once per article).
 */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Doc } from '../../../doc/doc.js'
import { createPipeline } from '../../../doc/stage.js'
import { scoreAgainstGold, type GoldReport } from '../../../eval/gold.js'
import { TRAINING_GOLD } from '../../../eval/tuning/training-pages.js'
import { loadKb } from '../../../kb/index.js'
import { toDocumentRecord } from '../../../model/records.js'
import { cleanedDoc } from '../../clean/index.js'
import { entitiesStage } from '../../entities/index.js'
import { quotesStage } from '../../quotes/index.js'
import { syntaxStage } from '../../syntax/index.js'
import { timexStage } from '../../timex/index.js'
import { tokensStage } from '../../tokens/index.js'
import { findEvents } from '../events.js'
import type { TriggerModel } from './model.js'
import { FOLDS, type Article } from './train.js'

/** The articles' documents read up to the events stage (once: every margin reuses them). */
export function readDocuments(articles: readonly Article[], texts: ReadonlyMap<string, string>): Doc[] {
  const kb = loadKb([])
  const pre = createPipeline([tokensStage, syntaxStage(), entitiesStage({ kb }), timexStage(), quotesStage()])
  return articles.map((a) => pre.run(cleanedDoc({ path: `${a.stem}.txt`, text: texts.get(a.stem)! }, a.stem)).doc)
}

/** Per margin: the export records of every article, each read by the model of its fold (`foldTriggerModels`), and their scores. */
export function crossValidateEvents(articles: readonly Article[], docs: readonly Doc[], models: readonly TriggerModel[], margins: readonly number[]): { margin: number; report: GoldReport; records: object[] }[] {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-cv-'))
  try {
    // the gold of the articles read (links, so articles without a page are not counted)
    for (const a of articles) symlinkSync(join(TRAINING_GOLD, `${a.stem}.json`), join(dir, `${a.stem}.json`))
    const kb = loadKb([])
    return margins.map((margin) => {
      const records = docs.map((doc, n) => {
        const L = doc.layers
        const model = models[n % FOLDS]!.with({ margin })
        const { events } = findEvents(doc, { tokens: L.tokens, syntax: L.syntax, sentences: L.sentences!, entities: L.entities!, timex: L.timex!, quotes: L.quotes! }, { model, kb })
        return toDocumentRecord({ ...doc, layers: { ...doc.layers, events } })
      })
      return { margin, report: scoreAgainstGold(records as any[], dir), records }
    })
  } finally { rmSync(dir, { recursive: true }) }
}
