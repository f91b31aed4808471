import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SHARED } from '../../paths.js'
import { defaultPipeline } from '../../pipeline/default.js'
import { seedDoc, seedStems } from '../../eval/tuning/seeds-score.js'
import { scoreSeeds } from '../../eval/tuning/seeds-report.js'
import { metricsOf, readBaseline, regressions } from '../../eval/gates.js'
import { examplesEvents, SNAPSHOT_FILE } from '../../eval/tuning/events-snapshot.js'

/** The reading layers' floors pinned for the seeds in gates/baseline.json (the gold body lines are read, so body and metadata are not scored here). */
const READING = ['events_f1', 'events_loose_f1', 'event_dates', 'quotes_f1', 'speaker_accuracy', 'claims_f1']

const haveGold = existsSync(join(SHARED, 'gold', 'seeds'))

test('seed pages: events, dates, quotes and claims meet the pinned floors', { skip: !haveGold && 'no ../shared/gold/seeds' }, () => {
  const s = scoreSeeds()
  console.log(`seeds: events F1 ${s.eventsF1.toFixed(3)} (loose ${s.eventsLooseF1.toFixed(3)}), dates ${s.dates.ok}/${s.dates.total}, quotes F1 ${s.quotesF1.toFixed(3)}, speakers ${s.speakerAccuracy.toFixed(3)}, claims F1 ${s.claimsF1.toFixed(3)}`)
  const floors = Object.fromEntries(Object.entries(readBaseline().seeds?.floors ?? {}).filter(([k]) => READING.includes(k)))
  assert.deepEqual(regressions(metricsOf(s.report), floors), [])
})

test('seed pages: every evidence, trigger, number and quote span is the text it says; ids are deterministic', { skip: !haveGold && 'no ../shared/gold/seeds' }, () => {
  const { pipeline } = defaultPipeline()
  for (const stem of seedStems(SHARED)) {
    const { doc } = seedDoc(SHARED, stem)
    const out = pipeline.run(doc).doc
    const L = out.layers
    const spans = [
      ...(L.events ?? []).flatMap((e) => [e.evidence, e.trigger]), ...(L.claims ?? []).flatMap((c) => [c.evidence, c.number]),
      ...(L.quotes ?? []), ...(L.timex ?? []),
    ]
    for (const sp of spans) if (sp) assert.equal(out.text.slice(sp.start, sp.end), sp.text, `${stem} ${sp.start}-${sp.end}`)
    ;(L.events ?? []).forEach((e, i) => assert.equal(e.id, `${out.id}:e${i + 1}`))
    ;(L.quotes ?? []).forEach((q, i) => assert.equal(q.id, `${out.id}:q${i + 1}`))
    ;(L.claims ?? []).forEach((c, i) => assert.equal(c.id, `${out.id}:c${i + 1}`))
    assert.deepEqual(pipeline.run(doc).doc.layers.events, L.events, `${stem}: deterministic`)
  }
})

test('the example corpus codes the events of the golden snapshot (regenerate with node dist/eval/tuning/events-snapshot.js --write)', () => {
  const want = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as Record<string, string[]>
  assert.deepEqual(examplesEvents(), want)
})
