import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { SHARED } from '../paths.js'
import { evalGold } from './run.js'
import { metricsOf, readBaseline, regressions } from './gates.js'

const GOLD = join(SHARED, 'gold', 'seeds'), PAGES = join(SHARED, 'seeds'), REFERENCE = join(SHARED, 'tools', 'score-gold.mjs')
const skip = !existsSync(GOLD) && 'no ../shared/gold/seeds'

test('dossier eval gives the reference scorer\'s numbers and holds the pinned floors', { skip }, async () => {
  const { report, records } = await evalGold(GOLD, PAGES)
  const file = join(mkdtempSync(join(tmpdir(), 'dossier-eval-')), 'export.jsonl')
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n')
  const ref = spawnSync(process.execPath, [REFERENCE, '--export', file, '--gold', GOLD, '--json'], { encoding: 'utf8' })
  assert.equal(ref.status, 0, ref.stderr)
  const expected = JSON.parse(ref.stdout)
  assert.deepEqual(report.totals, expected.totals)
  assert.deepEqual(report.cross_document, expected.cross_document)
  assert.deepEqual(report.documents, expected.documents)
  const current = metricsOf(report)
  console.log('seeds:', JSON.stringify(current))
  const floors = readBaseline().seeds?.floors ?? {}
  assert.deepEqual(regressions(current, floors), [])
})
