/**
 * Prints the seed scores and every miss / false positive, for tuning the rules.
 * Usage: node --import tsx src/stages/events/seeds-report.ts [stem-prefix]
 */
import { defaultPipeline } from '../../pipeline/default.js'
import { SHARED } from '../../paths.js'
import { scorePage } from './seeds-eval.js'
import { f1, seedDoc, seedStems, type Counts } from './seeds-score.js'

/** Runs the default pipeline over the seed pages and sums their scores. */
export function scoreSeeds(onPage?: (stem: string, r: ReturnType<typeof scorePage>, log: string[]) => void) {
  const { pipeline } = defaultPipeline()
  const zero = (): Counts => ({ tp: 0, pred: 0, gold: 0 })
  const T = { events: zero(), eventsLoose: zero(), quotes: zero(), claims: zero(), dates: { ok: 0, total: 0 }, speakers: { ok: 0, total: 0 } }
  for (const stem of seedStems(SHARED)) {
    const { doc, gold } = seedDoc(SHARED, stem)
    const out = pipeline.run(doc).doc
    const log: string[] = []
    const r = scorePage(out, gold, log)
    for (const k of ['events', 'eventsLoose', 'quotes', 'claims'] as const) { T[k].tp += r[k].tp; T[k].pred += r[k].pred; T[k].gold += r[k].gold }
    T.dates.ok += r.dates.ok; T.dates.total += r.dates.total; T.speakers.ok += r.speakers.ok; T.speakers.total += r.speakers.total
    onPage?.(stem, r, log)
  }
  return {
    totals: T, eventsF1: f1(T.events), eventsLooseF1: f1(T.eventsLoose), quotesF1: f1(T.quotes), claimsF1: f1(T.claims),
    speakerAccuracy: T.speakers.total ? T.speakers.ok / T.speakers.total : 0, dates: T.dates,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv[2]
  const s = scoreSeeds((stem, r, log) => { if (!only || stem.startsWith(only)) console.log(`== ${stem} ${JSON.stringify(r)}\n${log.join('\n')}`) })
  console.log(`events F1 ${s.eventsF1.toFixed(3)} loose ${s.eventsLooseF1.toFixed(3)} dates ${s.dates.ok}/${s.dates.total} | quotes F1 ${s.quotesF1.toFixed(3)} speakers ${s.speakerAccuracy.toFixed(3)} | claims F1 ${s.claimsF1.toFixed(3)} ${JSON.stringify(s.totals)}`)
}
