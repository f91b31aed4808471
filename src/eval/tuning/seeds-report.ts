/**
 * Scores the seed pages (gold body lines run through the default pipeline) with `dossier eval`'s scorer and prints
 * every miss / false positive, for tuning the rules.
 * Usage: node dist/eval/tuning/seeds-report.js [stem-prefix]
 */
import { join } from 'node:path'
import { scoreAgainstGold, type GoldReport } from '../gold.js'
import { toDocumentRecord } from '../../model/records.js'
import { defaultPipeline } from '../../pipeline/default.js'
import { SHARED } from '../../paths.js'
import { missesOf } from './misses.js'
import { seedDoc, seedStems } from './seeds-score.js'

/** Gold folder of the seed pages. */
const SEED_GOLD = join(SHARED, 'gold', 'seeds')

/**
 * Runs the default pipeline over the seed pages and scores their document records against the seed gold with
 * `scoreAgainstGold` (the scorer of `dossier eval`); `onPage` gets each page's report entry and its misses.
 */
export function scoreSeeds(onPage?: (stem: string, r: Record<string, any>, log: string[]) => void) {
  const { pipeline } = defaultPipeline()
  const pages = seedStems(SHARED).map((stem) => {
    const { doc, gold } = seedDoc(SHARED, stem)
    return { stem, gold, record: toDocumentRecord(pipeline.run(doc).doc) }
  })
  const report: GoldReport = scoreAgainstGold(pages.map((p) => p.record), SEED_GOLD)
  if (onPage) for (const p of pages) onPage(p.stem, report.documents[p.stem] ?? {}, missesOf(p.record, p.gold))
  const t = report.totals
  const [ok, total] = String(t.event_dates).split('/').map(Number)
  return {
    report, eventsF1: t.events.f1 as number, eventsLooseF1: t.events_loose.f1 as number, quotesF1: t.quotes.f1 as number,
    claimsF1: t.claims.f1 as number, speakerAccuracy: t.speaker_accuracy as number, dates: { ok: ok ?? 0, total: total ?? 0 },
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv[2]
  const s = scoreSeeds((stem, r, log) => { if (!only || stem.startsWith(only)) console.log(`== ${stem} ${JSON.stringify(r)}\n${log.join('\n')}`) })
  const t = s.report.totals
  console.log(`events F1 ${t.events.f1} (P ${t.events.p} R ${t.events.r}) loose ${t.events_loose.f1} dates ${t.event_dates} | quotes F1 ${t.quotes.f1} speakers ${t.speaker_accuracy} | claims F1 ${t.claims.f1}`)
}
