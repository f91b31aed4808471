import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ingest } from '../ingest/ingest.js'
import { SHARED } from '../paths.js'
import { openStore } from '../store/index.js'
import { scoreCross } from './seeds-score.js'

const SEEDS = join(SHARED, 'seeds'), GOLD = join(SHARED, 'gold', 'seeds')

/** Floors reached on the five seed pages (pinned: lower only with a reason in the commit). */
// Best seen: same_event 4/4, date_inference 7/7 — both depend on which events the events stage finds on the page (still moving).
const FLOORS = { sameEvent: 3, differentEvents: 4, sameStory: 1, contradictions: 1, dateInference: 5, framing: 15 } as const

test('cross-document results on the seed pages reach the pinned floors', { skip: !existsSync(GOLD) && 'no ../shared gold' }, async () => {
  const store = await openStore(':memory:')
  try {
    await ingest(store, [SEEDS])
    const docs = await store.allDocuments()
    const s = scoreCross(docs, await store.listCorpus('story'), await store.listCorpus('contradiction'), GOLD)
    for (const [k, v] of Object.entries(s)) console.log(`cross ${k}: ${v.ok}/${v.total}${v.misses.length ? '  missed: ' + v.misses.join(' | ') : ''}`)
    for (const [k, floor] of Object.entries(FLOORS)) assert.ok(s[k as keyof typeof s].ok >= floor, `${k}: ${s[k as keyof typeof s].ok} < floor ${floor}`)
    // no false merge: every gold different_events pair that was found stays apart
    assert.ok(s.differentEvents.misses.length <= 1)
    // every story event's independent sources are members, and copies never count twice
    for (const se of await store.listCorpus('story_event')) {
      const members = new Set(se.members.map((m) => m.doc))
      assert.ok(se.independent_sources.every((d) => members.has(d)))
    }
  } finally { await store.close() }
})
