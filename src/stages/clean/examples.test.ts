import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { EXAMPLES_DIR } from '../../paths.js'
import { cleanPage } from './index.js'
import { assertGoldBody, assertGoldMeta, assertNoTrapDate, type GoldPage } from './gold-match.js'

/** The team's own example corpus (examples/*.txt, *.html) against examples/gold, by the gold README's matching rules. */
const GOLD = join(EXAMPLES_DIR, 'gold')
const pages = readdirSync(EXAMPLES_DIR).filter(f => /\.(txt|html)$/.test(f)).sort()

describe('clean on the example corpus (examples/gold)', () => {
  it('finds the example pages', () => assert.ok(pages.length >= 7, pages.join(', ')))
  for (const f of pages) {
    const gold = JSON.parse(readFileSync(join(GOLD, f.replace(/\.\w+$/, '.json')), 'utf8')) as GoldPage
    const raw = readFileSync(join(EXAMPLES_DIR, f), 'utf8')
    const r = cleanPage(f.endsWith('.html') ? { path: f, html: raw } : { path: f, text: raw })
    it(`${f}: title, published, author, outlet, copy_of`, () => assertGoldMeta(r, gold))
    it(`${f}: no page_dates_not_publication used as published`, () => assertNoTrapDate(r, gold, raw))
    it(`${f}: body paragraphs F1 = 1 (body_optional lines may stay)`, () => assertGoldBody(r, gold))
  }
})
