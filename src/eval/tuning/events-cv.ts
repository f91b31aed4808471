/**
 * Scores the events stage on the project's annotated training articles by cross-validation (model/cv.ts): each
 * fold is read by a trigger model trained on the other folds, through the same stages as ingest, and scored by
 * `dossier eval`'s scorer — figures for pages the rules and the model were not fitted to, without the dev set.
 * Usage: node dist/eval/tuning/events-cv.js [--misses] [--margin M ...]   (default: the committed model's margin)
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readDocuments, crossValidateEvents } from '../../stages/events/model/cv.js'
import { loadTriggerModel } from '../../stages/events/model/model.js'
import { foldTriggerModels, readTrainingArticles } from '../../stages/events/model/train.js'
import { formatGoldReport } from '../gold.js'
import { missesOf } from './misses.js'
import { TRAINING_GOLD, trainingTexts } from './training-pages.js'

const args = process.argv.slice(2)
const committed = loadTriggerModel()
const epochs = typeof committed?.meta.epochs === 'number' ? committed.meta.epochs : 8
const margins = args.flatMap((a, i) => (args[i - 1] === '--margin' ? [Number(a)] : []))
const texts = await trainingTexts()
const articles = readTrainingArticles(texts)
const runs = crossValidateEvents(articles, readDocuments(articles, texts), foldTriggerModels(articles, epochs), margins.length ? margins : [Number(committed?.meta.margin ?? 0)])
for (const { margin, report, records } of runs) {
  if (args.includes('--misses')) for (const r of records as any[]) {
    const stem = String(r.source?.path ?? '').replace(/\.txt$/, '')
    console.log(`== ${stem}\n${missesOf(r, JSON.parse(readFileSync(join(TRAINING_GOLD, `${stem}.json`), 'utf8'))).join('\n')}`)
  }
  console.log(`margin ${margin}\n${formatGoldReport(report)}`)
}
