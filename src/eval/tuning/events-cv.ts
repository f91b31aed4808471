/**
 * Scores the events stage on the project's annotated training articles by cross-validation: for each of the
 * trigger model's folds, a model trained on the other folds reads the held-out articles through the whole default
 * pipeline, and `dossier eval`'s scorer compares them with their gold. The figures are for pages the rules and the
 * model were not fitted to, without touching the dev set. Usage: node dist/eval/tuning/events-cv.js [--misses] [--margin M]
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDoc } from '../../doc/doc.js'
import { createPipeline } from '../../doc/stage.js'
import { loadKb } from '../../kb/index.js'
import { toDocumentRecord } from '../../model/records.js'
import { claimsStage } from '../../stages/claims/index.js'
import { cleanPage } from '../../stages/clean/index.js'
import { entitiesStage } from '../../stages/entities/index.js'
import { eventsStage } from '../../stages/events/index.js'
import { examplesOf, FOLDS, inFold, LABELS, readTrainingArticles } from '../../stages/events/model/train.js'
import { trainTriggerModel, loadTriggerModel } from '../../stages/events/model/model.js'
import { quotesStage } from '../../stages/quotes/index.js'
import { syntaxStage } from '../../stages/syntax/index.js'
import { timexStage } from '../../stages/timex/index.js'
import { tokensStage } from '../../stages/tokens/index.js'
import { formatGoldReport, scoreAgainstGold } from '../gold.js'
import { missesOf } from './misses.js'
import { TRAINING_GOLD, trainingTexts } from './training-pages.js'

const showMisses = process.argv.includes('--misses')
const committed = loadTriggerModel()
const epochs = typeof committed?.meta.epochs === 'number' ? committed.meta.epochs : 8
const k = process.argv.indexOf('--margin')
const margin = k >= 0 ? Number(process.argv[k + 1]) : committed?.meta.margin ?? 0
const articles = await readTrainingArticles()
const texts = await trainingTexts()
const kb = loadKb([])
const records: object[] = []
for (let fold = 0; fold < FOLDS; fold++) {
  const model = trainTriggerModel(examplesOf(articles.filter((_, n) => !inFold(n, fold))), LABELS, { epochs, seed: 20261206 }).with({ margin })
  const pipeline = createPipeline([tokensStage, syntaxStage(), entitiesStage({ kb }), timexStage(), quotesStage(), eventsStage({ kb, model }), claimsStage()])
  articles.forEach((a, n) => {
    if (!inFold(n, fold)) return
    const cleaned = cleanPage({ path: `${a.stem}.txt`, text: texts.get(a.stem)! })
    const doc = createDoc({ path: `${a.stem}.txt`, url: null, sha256: a.stem, fetched_at: null }, cleaned.text, cleaned.paragraphs, cleaned.meta, cleaned.messages, cleaned.rawMap)
    records.push(toDocumentRecord(pipeline.run(doc).doc))
  })
}
// score against the gold of the articles read (a folder of links, so absent pages are not counted)
const dir = mkdtempSync(join(tmpdir(), 'dossier-cv-'))
for (const a of articles) symlinkSync(join(TRAINING_GOLD, `${a.stem}.json`), join(dir, `${a.stem}.json`))
const report = scoreAgainstGold(records as any[], dir)
if (showMisses) for (const r of records as any[]) {
  const stem = String(r.source?.path ?? '').replace(/\.txt$/, '')
  console.log(`== ${stem}\n${missesOf(r, JSON.parse(readFileSync(join(dir, `${stem}.json`), 'utf8'))).join('\n')}`)
}
rmSync(dir, { recursive: true })
console.log(formatGoldReport(report))
