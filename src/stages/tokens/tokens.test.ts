import { test } from 'node:test'
import assert from 'node:assert/strict'
import { tokenize, splitSentences } from './tokens.js'

const words = (t: string) => tokenize(t).map((s) => t.slice(s.start, s.end))
const sents = (t: string) => splitSentences(t, tokenize(t), { start: 0, end: t.length }).map((s) => t.slice(s.start, s.end))

test('tokenize splits like CoNLL', () => {
  const cases: [string, string[]][] = [
    ['The U.S. envoy met Iran’s minister.', ['The', 'U.S.', 'envoy', 'met', 'Iran', '’s', 'minister', '.']],
    ['Moscow-Tehran ties, 25,490 people', ['Moscow-Tehran', 'ties', ',', '25,490', 'people']],
    ['Shi’a shrine 💩 café', ['Shi’a', 'shrine', '💩', 'café']],
    ['e\u0301te\u0301 “quoted”', ['e\u0301te\u0301', '“', 'quoted', '”']],
  ]
  for (const [input, expected] of cases) assert.deepEqual(words(input), expected)
})

test('sentences keep titles, initials and closing quotes', () => {
  assert.deepEqual(sents('Maj. Gen. Smith spoke. “We agree,” he said. Then he left.'), ['Maj. Gen. Smith spoke.', '“We agree,” he said.', 'Then he left.'])
  assert.deepEqual(sents('He met U.S. officials in Jan. 2024 and left. The end.'), ['He met U.S. officials in Jan. 2024 and left.', 'The end.'])
  assert.deepEqual(sents('“We will respond.” The minister said so.'), ['“We will respond.”', 'The minister said so.'])
  // a dotted abbreviation cut after a hyphen ("D-N", ".", "J", ".") is one, not two sentence ends
  assert.deepEqual(sents('“We want a deal,” Sen. Ann Lee (D-N.J.) said on Monday. She left.'), ['“We want a deal,” Sen. Ann Lee (D-N.J.) said on Monday.', 'She left.'])
  // a missing space after a full stop still ends the sentence ("the resolution.It is")
  assert.deepEqual(sents('It ended with the resolution.It is ironic.'), ['It ended with the resolution.', 'It is ironic.'])
})

test('emoji keeps UTF-16 offsets', () => {
  const t = 'A 💩 B.'
  const toks = tokenize(t)
  assert.equal(t.slice(toks[2].start, toks[2].end), 'B')
  assert.equal(toks[2].start, 5)
})
