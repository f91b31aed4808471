import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../../paths.js'
import { cleanPage, extractBody, type CleanResult } from './index.js'
import { MAX_HTML_CHARS } from './html/tags.data.js'
import { resultProblems } from './invariants.js'

/** Fixtures stay in src/ (tests also run compiled from dist/, where tsc copies no fixtures). */
const FIX = join(REPO_ROOT, 'src/stages/clean/fixtures/hostile')
const read = (f: string) => readFileSync(join(FIX, f), 'utf8')

/** Invariants every result keeps (see invariants.ts). */
const assertWellFormed = (r: CleanResult, raw: string) => assert.deepEqual(resultProblems(r, raw), [])

describe('hostile HTML', () => {
  it('drops scripts, styles, handlers, iframes, noscript and javascript: links', () => {
    const html = read('scripts-and-handlers.html')
    const r = cleanPage({ html, url: 'https://courier.example/harbour' })
    assertWellFormed(r, html)
    assert.doesNotMatch(r.text, /LEAK|javascript:|alert\(/i)
    assert.equal(r.paragraphs.length, 3)
    assert.match(r.text, /🚤/)
    assert.match(r.text, /café́/) // the combining mark is kept
    assert.deepEqual(r.meta, { title: 'Harbour reopens after storm', published: '2021-03-04T08:00:00Z', author: 'Ana Ruiz', outlet: 'Coastline Courier', copy_of: null, language: 'en' })
    const p = r.paragraphs[1]!
    assert.equal(r.text.slice(p.start, p.end).slice(0, 13), 'Fishing boats')
    assert.ok(html.slice(r.rawMap[1]!.rawStart, r.rawMap[1]!.rawEnd).startsWith('Fishing boats'))
  })
  it('reads broken markup without losing text or throwing', () => {
    const html = read('broken-markup.html')
    const r = cleanPage({ html })
    assertWellFormed(r, html)
    assert.match(r.text, /unclosed paragraph about the new bridge/)
    assert.match(r.text, /“quoted” — 💩 \ufffd \ufffd &bogus;/)
    assert.match(r.text, /Misnested inline tags that still carry text/)
  })
  it('flattens 10,000-deep nesting in bounded time', () => {
    const depth = 10_000
    const html = '<div>'.repeat(depth) + '<p>Deep text, far down the tree, still readable by the cleaner, with words enough to count as a paragraph.</p>' + '</div>'.repeat(depth)
    const t0 = performance.now()
    const r = cleanPage({ html })
    assert.ok(performance.now() - t0 < 2000)
    assertWellFormed(r, html)
    assert.match(r.text, /Deep text, far down the tree/)
    assert.ok(r.messages.some(m => m.ruleId === 'html-bounded'))
  })
  it('reads a 50 MB page up to the cap, with a warning, in bounded time', () => {
    const para = '<p>Filler paragraph of a very long page, with commas, and more commas, to look like prose to the scorer.</p>\n'
    const html = '<html><body><article>' + para.repeat(Math.ceil(50_000_000 / para.length)) + '</article></body></html>'
    const t0 = performance.now()
    const r = cleanPage({ html })
    const ms = performance.now() - t0
    assert.ok(ms < 15_000, `took ${ms} ms`)
    assert.ok(r.messages.some(m => m.ruleId === 'input-truncated' && m.severity === 'warning'))
    assert.ok(r.rawMap.every(m => m.rawEnd <= MAX_HTML_CHARS))
    assert.ok(extractBody(html).length > 0)
  })
  it('gives a fatal message, not an exception, when there is no body', () => {
    for (const html of ['', '<html></html>', '<script>only code</script>', '<<<>>>', '<!--']) {
      const r = cleanPage({ html })
      assert.equal(r.text, '')
      assert.ok(r.messages.some(m => m.severity === 'fatal' && m.ruleId === 'empty-body'))
    }
    assert.ok(cleanPage({}).messages.some(m => m.severity === 'fatal'))
  })
})
