import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SHARED } from '../../paths.js'
import { cleanPage } from './index.js'
import { assertGoldBody, assertGoldMeta, assertNoTrapDate, type GoldPage } from './gold-match.js'

const SEEDS = join(SHARED, 'seeds')
const GOLD = join(SHARED, 'gold/seeds')
const pages = readdirSync(SEEDS).filter(f => f.endsWith('.txt')).sort()

describe('clean on the seed pages (gold read at run time)', () => {
  it('finds five seed pages', () => assert.equal(pages.length, 5))
  for (const f of pages) {
    const gold = JSON.parse(readFileSync(join(GOLD, f.replace(/\.txt$/, '.json')), 'utf8')) as GoldPage
    const raw = readFileSync(join(SEEDS, f), 'utf8')
    const r = cleanPage({ path: f, text: raw })
    it(`${gold.doc}: body paragraphs F1 = 1 (body_optional lines may stay)`, () => assertGoldBody(r, gold))
    it(`${gold.doc}: title, published, author, outlet, copy_of`, () => assertGoldMeta(r, gold))
    it(`${gold.doc}: no page_dates_not_publication used as published`, () => assertNoTrapDate(r, gold, raw))
    it(`${gold.doc}: spans, raw map and messages are consistent`, () => {
      assert.equal(r.paragraphs.length, r.rawMap.length)
      for (const [i, p] of r.paragraphs.entries()) {
        const m = r.rawMap[i]!
        assert.equal(raw.slice(m.rawStart, m.rawEnd), r.text.slice(p.start, p.end))
      }
      assert.ok(r.messages.every(m => m.severity !== 'fatal'))
      assert.ok(r.messages.some(m => m.ruleId.startsWith('drop-')) || gold.doc.startsWith('002'))
    })
  }
})
