import { test } from 'node:test'
import assert from 'node:assert/strict'
import { findFraming, loadLexicon } from './index.js'
import { foldForKeywords, KeywordSet, requiredLiterals } from './prefilter.js'

test('each pattern yields the literals one of which every match holds (table)', () => {
  const cases: [string, string[] | null][] = [
    [String.raw`\bpirate\s+(?:ship|crew)\b`, ['pirate']],
    [String.raw`\bfoo(?:bar)?\b|\bquux\b`, ['foo', 'quux']],
    [String.raw`\b(?:red|green)\s+x\b`, ['red', 'green']],
    [String.raw`\p{Lu}\w+\s+regime`, ['regime']],
    [String.raw`(?<=mark)\s+\w+`, null], // a lookbehind consumes nothing
    [String.raw`\b\w+\b`, null],
    [String.raw`\b(?:Israel|Israeli)\b`, ['israel']], // "israeli" holds "israel"
    [String.raw`(a)\1`, null], // back-references: not understood, so no prefilter
    [String.raw`café`, ['caf']], // non-ASCII letters fold in ways toLowerCase does not mirror
  ]
  for (const [pattern, want] of cases) assert.deepEqual(requiredLiterals(pattern), want, pattern)
})

test('folding keeps every offset, and long s and the Kelvin sign fold as the `iu` flags do', () => {
  const text = 'İzmir 💩 ſo-called \u212Aiev'
  const f = foldForKeywords(text)
  assert.equal(f.length, text.length)
  assert.equal(f.indexOf('so-called'), text.indexOf('ſo-called'))
  assert.ok(f.endsWith('kiev'))
})

test('keywords are found in one pass, and a pattern runs where its keyword is (long s included)', () => {
  const hits = new KeywordSet(['junta', 'neo']).find('A Neo junta; the JUNTA.')
  assert.ok(hits.any(['junta'], 0, 12))
  assert.ok(!hits.any(['junta'], 13, 16))
  assert.ok(hits.any(['junta'], 17, 22))
  const lex = loadLexicon()
  assert.deepEqual(findFraming('They spoke of the ſo-called vote.', lex, []).map((r) => r.label), ['so-called'])
})
