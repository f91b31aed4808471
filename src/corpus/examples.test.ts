import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ingest } from '../ingest/ingest.js'
import { EXAMPLES_DIR } from '../paths.js'
import { openStore } from '../store/index.js'
import { scoreStore } from '../eval/run.js'

const GOLD = join(EXAMPLES_DIR, 'gold')

// The cross-document scores themselves are pinned in gates/baseline.json ("examples") and checked by src/eval/gold.test.ts.
test('the example corpus is one story, and a copy never contradicts its original alone', { skip: !existsSync(GOLD) && 'no examples/gold' }, async () => {
  const store = await openStore(':memory:')
  try {
    await ingest(store, [EXAMPLES_DIR], { recursive: false })
    const { report } = await scoreStore(store, GOLD)
    console.log('cross (examples):', JSON.stringify(report.cross_document))
    const docs = await store.allDocuments()
    assert.equal((await store.listCorpus('story')).length, 1, 'eight pages on one story are one story')
    const copies = new Set(docs.filter((d) => d.duplicates?.some((x) => x.relation === 'copy-of')).map((d) => d.id))
    assert.ok(copies.size >= 1, 'the scraped copy is found')
    for (const c of await store.listCorpus('contradiction')) assert.ok(c.members.some((m) => !copies.has(m.doc)))
  } finally { await store.close() }
})
