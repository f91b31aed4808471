import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SHARED } from '../../paths.js'
import { cleanPage } from './index.js'
import { findDate } from './dates.js'

/** Gold README matching: NFKC, curly quotes straight, dashes to "-", whitespace collapsed, lower case. */
const norm = (s: string) => s.normalize('NFKC').replace(/[‘’‚‛]/g, "'").replace(/[“”„‟]/g, '"').replace(/[‐-―−]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase()
/** outlet / copy_of match when one contains the other; a gold null only by a missing value. */
const contains = (got: string | null, gold: string | null) => gold === null ? got === null : got !== null && (norm(got).includes(norm(gold)) || norm(gold).includes(norm(got)))

const SEEDS = join(SHARED, 'seeds')
const GOLD = join(SHARED, 'gold/seeds')
const pages = readdirSync(SEEDS).filter(f => f.endsWith('.txt')).sort()

describe('clean on the seed pages (gold read at run time)', () => {
  it('finds five seed pages', () => assert.equal(pages.length, 5))
  for (const f of pages) {
    const gold = JSON.parse(readFileSync(join(GOLD, f.replace(/\.txt$/, '.json')), 'utf8'))
    const raw = readFileSync(join(SEEDS, f), 'utf8')
    const r = cleanPage({ path: f, text: raw })
    it(`${gold.doc}: body paragraphs F1 = 1 (body_optional lines may stay)`, () => {
      const optional = new Set<string>((gold.body_optional ?? []).map(norm))
      const got = r.text.split('\n\n').map(norm).filter(p => !optional.has(p))
      assert.deepEqual(got, gold.body.map(norm))
    })
    it(`${gold.doc}: title, published, author, outlet, copy_of`, () => {
      const titles = [gold.title, ...(gold.title_alternatives ?? [])].map(norm)
      assert.ok(r.meta.title !== null && titles.includes(norm(r.meta.title)), `title ${r.meta.title}`)
      assert.equal(r.meta.published?.slice(0, 10) ?? null, gold.published)
      assert.equal(r.meta.author === null ? null : norm(r.meta.author), gold.author === null ? null : norm(gold.author))
      assert.ok(contains(r.meta.outlet, gold.outlet), `outlet ${r.meta.outlet} vs ${gold.outlet}`)
      assert.ok(contains(r.meta.copy_of, gold.copy_of), `copy_of ${r.meta.copy_of} vs ${gold.copy_of}`)
    })
    it(`${gold.doc}: no page_dates_not_publication used as published`, () => {
      for (const d of gold.page_dates_not_publication ?? []) {
        assert.ok(raw.includes(d))
        const f = findDate(d)
        if (f?.hasYear && f.iso !== gold.published) assert.notEqual(r.meta.published?.slice(0, 10), f.iso, `published taken from ${d}`)
      }
      if (gold.published === null) assert.equal(r.meta.published, null)
    })
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
