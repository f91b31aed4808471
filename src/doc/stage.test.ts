import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createDoc } from './doc.js'
import { createPipeline, defineStage } from './stage.js'
import { DossierError } from '../errors.js'

const doc = () => createDoc({ path: 'x.txt', url: null, sha256: 'a'.repeat(64), fetched_at: null }, 'Ships 💩 sail.', [{ start: 0, end: 14 }],
  { title: null, published: null, author: null, outlet: null, copy_of: null })

const tokens = defineStage({ name: 'tokens', requires: ['paragraphs'], produces: ['tokens', 'sentences'],
  run: (d) => ({ layers: { tokens: [{ start: 0, end: 5 }], sentences: [{ start: 0, end: d.text.length }] } }) })

test('a stage that requires a layer nobody produced is refused when the pipeline is built', () => {
  const needsEntities = defineStage({ name: 'events', requires: ['entities'], produces: ['events'], run: () => ({ layers: { events: [] } }) })
  assert.throws(() => createPipeline([tokens, needsEntities]), (e: unknown) => e instanceof DossierError && e.code === 'E_STAGE_ORDER')
})

test('a failing stage is recorded as an error, later ones are skipped, the input Doc is untouched', () => {
  const boom = defineStage({ name: 'boom', requires: ['tokens'], produces: ['mentions'], run: () => { throw new Error('bad rule') } })
  const after = defineStage({ name: 'after', requires: ['tokens'], produces: ['claims'], run: () => ({ layers: { claims: [] } }) })
  const input = doc()
  const { doc: out, status } = createPipeline([tokens, boom, after]).run(input)
  assert.deepEqual(status.map((s) => s.status), ['ok', 'error', 'skipped'])
  assert.equal(out.messages.at(-1)?.severity, 'fatal')
  assert.equal(input.layers.tokens, undefined)
  assert.equal(out.layers.tokens?.length, 1)
})

test('a stage may not return a layer it did not declare', () => {
  const sneaky = defineStage({ name: 'sneaky', requires: ['tokens'], produces: ['claims'], run: () => ({ layers: { claims: [], quotes: [] } as any }) })
  const { status } = createPipeline([tokens, sneaky]).run(doc())
  assert.equal(status[1].status, 'error')
  assert.match(status[1].error!, /Expected layers claims from stage `sneaky`/)
})
