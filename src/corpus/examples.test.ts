import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ingest } from '../ingest/ingest.js'
import { EXAMPLES_DIR } from '../paths.js'
import { openStore } from '../store/index.js'
import { scoreCross } from './seeds-score.js'

const GOLD = join(EXAMPLES_DIR, 'gold')
/** The demo corpus: the page files at the top of examples/ (not the security fixture in hostile/). */
const pages = () => readdirSync(EXAMPLES_DIR).filter((f) => /\.(?:txt|html|jsonl)$/.test(f)).map((f) => join(EXAMPLES_DIR, f))

/**
 * Floors reached on the example corpus (pinned: lower only with a reason in the commit). What is still missed
 * depends on the events stage: a member sentence with no event of the gold type (the second sentences that report
 * the bombing's toll, the meeting in feed that is worded as an agreement) cannot join its story event.
 */
const FLOORS = { sameEvent: 5, differentEvents: 4, sameStory: 1, contradictions: 3, dateInference: 5, framing: 0 } as const

test('cross-document results on the example corpus reach the pinned floors', { skip: !existsSync(GOLD) && 'no examples/gold' }, async () => {
  const store = await openStore(':memory:')
  try {
    await ingest(store, pages())
    const docs = await store.allDocuments()
    const stories = await store.listCorpus('story')
    const s = scoreCross(docs, stories, await store.listCorpus('contradiction'), GOLD)
    for (const [k, v] of Object.entries(s)) console.log(`examples ${k}: ${v.ok}/${v.total}${v.misses.length ? '  missed: ' + v.misses.join(' | ') : ''}`)
    for (const [k, floor] of Object.entries(FLOORS)) assert.ok(s[k as keyof typeof s].ok >= floor, `${k}: ${s[k as keyof typeof s].ok} < floor ${floor}`)
    assert.equal(stories.length, 1, 'eight pages on one story are one story')
    // a copy never contradicts its original: no contradiction is made of a copy and its original alone
    const copies = new Set(docs.filter((d) => d.duplicates?.some((x) => x.relation === 'copy-of')).map((d) => d.id))
    for (const c of await store.listCorpus('contradiction')) assert.ok(c.members.some((m) => !copies.has(m.doc)))
  } finally { await store.close() }
})
