import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { SHARED } from '../../paths.js'
import { defaultPipeline } from '../../pipeline/default.js'
import { seedDoc, seedStems } from '../../eval/tuning/seeds-score.js'
import { scoreSeeds } from '../../eval/tuning/seeds-report.js'

/** Pinned floors on ../shared/gold/seeds (raise them when the scores rise; lower only with a reason in the commit). */
const FLOORS = { eventsF1: 0.87, eventsLooseF1: 0.95, datesRight: 13, quotesF1: 0.95, speakerAccuracy: 0.95, claimsF1: 0.95 }

const haveGold = existsSync(join(SHARED, 'gold', 'seeds'))

test('seed pages: events, dates, quotes and claims meet the pinned floors', { skip: !haveGold && 'no ../shared/gold/seeds' }, () => {
  const s = scoreSeeds()
  console.log(`seeds: events F1 ${s.eventsF1.toFixed(3)} (loose ${s.eventsLooseF1.toFixed(3)}), dates ${s.dates.ok}/${s.dates.total}, quotes F1 ${s.quotesF1.toFixed(3)}, speakers ${s.speakerAccuracy.toFixed(3)}, claims F1 ${s.claimsF1.toFixed(3)}`)
  assert.ok(s.eventsF1 >= FLOORS.eventsF1, `events F1 ${s.eventsF1}`)
  assert.ok(s.eventsLooseF1 >= FLOORS.eventsLooseF1, `events loose F1 ${s.eventsLooseF1}`)
  assert.ok(s.dates.ok >= FLOORS.datesRight, `dates ${s.dates.ok}/${s.dates.total}`)
  assert.ok(s.quotesF1 >= FLOORS.quotesF1, `quotes F1 ${s.quotesF1}`)
  assert.ok(s.speakerAccuracy >= FLOORS.speakerAccuracy, `speaker accuracy ${s.speakerAccuracy}`)
  assert.ok(s.claimsF1 >= FLOORS.claimsF1, `claims F1 ${s.claimsF1}`)
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
