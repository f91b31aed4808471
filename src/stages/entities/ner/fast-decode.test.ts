import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { SHARED } from '../../../paths.js'
import { parseClusters } from './clusters.js'
import { readConll } from './conll.js'
import { FastDecoder } from './fast-decode.js'
import { extractFeatures, normaliseToken } from './features.js'
import { Gazetteer, mergeExternal } from './gazetteer.js'
import { NerMemory } from './memory.js'
import { decode } from './model.js'
import { NER_MODEL_DIR, readLinesGz, readQuantized, readWeights } from './model-files.js'
import { worldGazetteer } from './world-gazetteer.js'

const hasModel = existsSync(join(NER_MODEL_DIR, 'weights.bin.gz'))

test('the run-time decoder gives the training decoder\'s classes, memory and gazetteers included', { skip: !hasModel && 'no committed model' }, () => {
  const { w } = readWeights(join(NER_MODEL_DIR, 'weights.bin.gz'))
  const clusters = parseClusters(readLinesGz(join(NER_MODEL_DIR, 'clusters.tsv.gz')))
  const gazetteer = Gazetteer.fromLines(readLinesGz(join(NER_MODEL_DIR, 'gazetteer.tsv.gz')))
  const world = worldGazetteer()
  const { q, scale } = readQuantized(join(NER_MODEL_DIR, 'weights.bin.gz'))
  // the int path, and the exact float path forced on every token (the path ties take)
  const decoders = [new FastDecoder(q, scale, clusters), new FastDecoder(q, scale, clusters, true)]
  const mine = [
    ['Marta', 'Okonkwo', 'of', 'the', 'Baltic', 'Grain', 'Council', 'flew', 'to', 'Lisbon', 'on', 'Tuesday', '.'],
    ['OKONKWO', 'WINS', 'IN', 'LISBON'],
    ['Okonkwo', ',', 'who', 'met', 'Norwegian', 'envoys', '\u2019s', 'aides', ',', 'said', '\u201Cfine\u201D', '\uD83D\uDCA9', 'Cafe\u0301', '.'],
    ['x'],
  ]
  const dev = join(SHARED, 'data', 'ner', 'conll2003', 'eng.testa')
  const docs = [mine, ...(existsSync(dev) ? readConll(readFileSync(dev, 'utf8')).slice(0, 40).map((d) => d.sentences.map((s) => s.tokens)) : [])]
  let n = 0
  for (const doc of docs) {
    const m1 = new NerMemory(), m2 = decoders.map(() => new NerMemory())
    for (const raw of doc) {
      const tokens = raw.map(normaliseToken)
      const bits = new Uint8Array(tokens.length), wbits = new Uint8Array(tokens.length)
      gazetteer.match(tokens, bits)
      mergeExternal(tokens.length, (i) => (tokens[i]!.length === 6 ? 'B-GPE' : null), bits)
      world.match(tokens, wbits)
      const sf = extractFeatures(tokens, clusters, bits, wbits)
      m1.addFeatures(sf)
      const want = decode(w, sf)
      m1.record(sf, want)
      decoders.forEach((fast, k) => {
        const out = new Uint8Array(tokens.length)
        fast.decode({ words: tokens.map((t) => fast.word(t)), gaz: bits, world: wbits, memory: m2[k] }, out)
        assert.deepEqual(out, want, tokens.join(' '))
      })
      n++
    }
  }
  assert.ok(n >= 4)
})
