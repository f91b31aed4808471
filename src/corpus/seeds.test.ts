import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ingest } from '../ingest/ingest.js'
import { SHARED } from '../paths.js'
import { openStore } from '../store/index.js'
import { scoreStore } from '../eval/run.js'

const SEEDS = join(SHARED, 'seeds'), GOLD = join(SHARED, 'gold', 'seeds')

// The cross-document scores themselves are pinned in gates/baseline.json and checked by src/eval/gold.test.ts.
test('on the seed pages, story events count only their own members as sources and the scores print', { skip: !existsSync(GOLD) && 'no ../shared gold' }, async () => {
  const store = await openStore(':memory:')
  try {
    await ingest(store, [SEEDS])
    const { report } = await scoreStore(store, GOLD)
    console.log('cross (seeds):', JSON.stringify(report.cross_document))
    for (const se of await store.listCorpus('story_event')) {
      const members = new Set(se.members.map((m) => m.doc))
      assert.ok(se.independent_sources.every((d) => members.has(d)))
    }
  } finally { await store.close() }
})
