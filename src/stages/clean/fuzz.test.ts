import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../../paths.js'
import fc from 'fast-check'
import { cleanPage } from './index.js'
import type { CleanResult } from './clean.js'
import { resultProblems } from './invariants.js'

const assertWellFormed = (r: CleanResult, raw: string) => assert.deepEqual(resultProblems(r, raw), [])

const REGRESSIONS = JSON.parse(readFileSync(join(REPO_ROOT, 'src/stages/clean/fixtures/fuzz-regressions.json'), 'utf8')) as { html: string[]; text: string[] }
/** Bounded runs keep the suite fast; a failing seed printed by fast-check goes into fixtures/fuzz-regressions.json. */
const RUNS = 150

const PIECES = ['<p>', '</p>', '<div class="content">', '<div class="share">', '</div>', '<article>', '</article>', '<br>', '<script>', '</script>',
  '<style>', '</style>', '<!--', '-->', '<a href="javascript:void(0)">', '</a>', '&amp;', '&#x1F4A9;', '&#0;', '&', '<', '>', '"', "'", '=',
  '<li>', '<table><tr><td>', '💩', 'é\u0301', '\n\n', ' ', 'A sentence with words, and commas, long enough to read as prose.']
const soup = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), { maxLength: 60 }).map(a => a.join(''))

const TAGS = ['div', 'p', 'span', 'section', 'ul', 'li', 'a', 'b', 'h2', 'blockquote', 'table', 'td', 'nav', 'aside']
type Tree = string | { tag: string; kids: Tree[] }
const tree = fc.letrec<{ node: Tree }>(tie => ({
  node: fc.oneof({ depthSize: 'small' },
    fc.constantFrom('Prose about the harbour, with commas, and enough words to be a paragraph.', 'Short', '💩 é\u0301', ''),
    fc.record({ tag: fc.constantFrom(...TAGS), kids: fc.array(tie('node'), { maxLength: 4 }) })),
}))
const LEAK = 'LEAKMARK'
const serialize = (t: Tree, k: number): string => typeof t === 'string' ? t
  : `<${t.tag} onclick="${LEAK}">${t.kids.map((c, i) => (i === k % 3 ? `<script>${LEAK} "</p>"</script>` : '') + serialize(c, k + i)).join('')}</${t.tag}>`

const LINES = ['Monday, November 28th', 'October 27, 2022 1:24 pm', 'A Headline About the Harbour', 'By Jane Doe', 'Share this Story',
  'Related coverage', 'Read More :', 'A teaser that ends in...', 'The harbour reopened on Thursday, officials said, after the storm.',
  '“We are ready,” the mayor said, standing by the breakwater at dawn.', '© 2023 Example Site', 'Join the Example', 'Source: Wire Service',
  '  • Menu', 'Categories', 'World (1,382)', '💩 é\u0301', '', 'Posted by: admin | May 3, 2024 | 0 Comments', '13.11.2024, 16:05',
  'Share: Facebook | X | Telegram', 'Will the harbour reopen before the summer?', 'This article originally appeared in Example Times.',
  'Updated: May 4, 2024 10:20 am GMT', 'Posted in News · 3 min read', 'Jane Doe', 'Staff Writer']
const textPage = fc.array(fc.oneof(fc.constantFrom(...LINES), fc.string({ maxLength: 20 })), { maxLength: 40 }).map(a => a.join('\n'))

function checkText(raw: string): void {
  const r = cleanPage({ text: raw })
  assertWellFormed(r, raw)
  for (const [i, p] of r.paragraphs.entries()) assert.equal(raw.slice(r.rawMap[i]!.rawStart, r.rawMap[i]!.rawEnd), r.text.slice(p.start, p.end))
  if (r.meta.published) assert.match(r.meta.published, /^\d{4}-\d{2}-\d{2}/)
  assert.doesNotMatch(r.text, /^(Share this Story|Related coverage|Read More :)$/m)
}

describe('fuzz: the cleaners never throw and keep their invariants', () => {
  it('HTML soup', () => fc.assert(fc.property(soup, html => assertWellFormed(cleanPage({ html }), html)), { numRuns: RUNS }))
  it('random HTML trees never leak script text or handlers', () => fc.assert(fc.property(tree.node, fc.nat(), (t, k) => {
    const html = '<html><body>' + serialize(t, k) + '</body></html>'
    const r = cleanPage({ html })
    assertWellFormed(r, html)
    assert.ok(!r.text.includes(LEAK))
  }), { numRuns: RUNS }))
  it('scraped text pages', () => fc.assert(fc.property(textPage, checkText), { numRuns: RUNS }))
  it('any string as text or HTML', () => fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), s => {
    assertWellFormed(cleanPage({ html: s }), s)
    checkText(s)
  }), { numRuns: RUNS }))
  it('keeps the cases that once failed', () => {
    for (const html of REGRESSIONS.html) assertWellFormed(cleanPage({ html }), html)
    for (const text of REGRESSIONS.text) checkText(text)
  })
})
