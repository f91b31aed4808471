/**
 * The committed model files under `models/ner/`:
 * - `weights.bin.gz`: header (magic `NER1`, hash bits, classes, scale) then int16 weights, row-major;
 * - `gazetteer.tsv.gz`: `TYPE<TAB>tokens` lines (train-set entity names);
 * - `clusters.tsv.gz`: the word-cluster table (see clusters.ts);
 * - `meta.json`: scores and training facts, also quoted in MODEL_CARD.md.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { DossierError } from '../../../errors.js'
import { MODELS_DIR } from '../../../paths.js'

/** Folder of the committed NER model. */
export const NER_MODEL_DIR = join(MODELS_DIR, 'ner')

const MAGIC = 0x3152454e // 'NER1' little-endian

/**
 * Quantises weights with one scale: int16, or int8 with `bytes` 1. A `companded` int8 table stores
 * sign · round(127 · sqrt(|w| / max)), so small weights keep about 14 bits of resolution and large ones 7.
 */
export function quantizeWeights(w: Float32Array, bytes: 1 | 2 = 2, companded = false): { q: Int16Array; scale: number } {
  let max = 0
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]!))
  const top = bytes === 1 ? 127 : 32767
  const q = new Int16Array(w.length)
  if (companded) {
    for (let i = 0; i < w.length; i++) q[i] = max > 0 ? Math.sign(w[i]!) * Math.round(top * Math.sqrt(Math.abs(w[i]!) / max)) : 0
    return { q, scale: max }
  }
  const scale = max > 0 ? max / top : 1
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i]! / scale)
  return { q, scale }
}

/** The int16 values and scale a companded int8 table stands for (what the run-time scorer sums). */
export function expandCompanded(q: Int16Array, max: number): { q: Int16Array; scale: number } {
  const table = new Int16Array(255)
  for (let v = -127; v <= 127; v++) table[v + 127] = Math.sign(v) * Math.round(32767 * (v / 127) ** 2)
  const out = new Int16Array(q.length)
  for (let i = 0; i < q.length; i++) out[i] = table[q[i]! + 127]!
  return { q: out, scale: max / 32767 }
}

/**
 * Writes quantised weights gzipped (`magic`: NER1 unless another model's). `bytes` 1 stores int8 (values must
 * fit), flagged in bit 16 of the hash-bits field, and bit 17 marks a companded table, so files describe themselves.
 */
export function writeQuantized(file: string, q: Int16Array, scale: number, hashBits: number, nClasses: number, magic = MAGIC, bytes: 1 | 2 = 2, companded = false): number {
  const buf = Buffer.alloc(16 + q.length * bytes)
  buf.writeUInt32LE(magic, 0)
  buf.writeUInt32LE(hashBits | (bytes === 1 ? 1 << 16 : 0) | (companded ? 1 << 17 : 0), 4)
  buf.writeUInt32LE(nClasses, 8)
  buf.writeFloatLE(scale, 12)
  if (bytes === 1) for (let i = 0; i < q.length; i++) buf.writeInt8(q[i]!, 16 + i)
  else for (let i = 0; i < q.length; i++) buf.writeInt16LE(q[i]!, 16 + i * 2)
  const gz = gzipSync(buf, { level: 9 })
  writeFileSync(file, gz)
  return gz.length
}

/** Quantises weights to int16 (one global scale) and writes them gzipped (`magic`: NER1 unless another model's). */
export function writeWeights(file: string, w: Float32Array, hashBits: number, nClasses: number, magic = MAGIC, bytes: 1 | 2 = 2): number {
  const { q, scale } = quantizeWeights(w, bytes)
  return writeQuantized(file, q, scale, hashBits, nClasses, magic, bytes)
}

/** The committed weights as stored: int16 (or int8) values and one scale (weight = Math.fround(q * scale)). */
export interface QuantizedWeights { readonly q: Int16Array; readonly scale: number; readonly hashBits: number; readonly nClasses: number }

/** Reads `weights.bin.gz` (or another model's weights with its own `magic`) as stored (int16 values and their scale). */
export function readQuantized(file: string, magic = MAGIC): QuantizedWeights {
  const buf = gunzipSync(readFileSync(file))
  if (buf.readUInt32LE(0) !== magic) throw new DossierError('E_INPUT', `Expected weights with magic ${Buffer.from(Uint32Array.of(magic).buffer).toString('latin1')} in ${file}, got something else`)
  const bits = buf.readUInt32LE(4)
  const hashBits = bits & 0xffff
  const nClasses = buf.readUInt32LE(8)
  const scale = buf.readFloatLE(12)
  const body = buf.buffer.slice(buf.byteOffset + 16, buf.byteOffset + buf.length)
  const q = bits & (1 << 16) ? Int16Array.from(new Int8Array(body)) : new Int16Array(body)
  if (bits & (1 << 17)) return { ...expandCompanded(q, scale), hashBits, nClasses }
  return { q, scale, hashBits, nClasses }
}

/** Reads `weights.bin.gz` back into float weights. */
export function readWeights(file: string): { w: Float32Array; hashBits: number; nClasses: number } {
  const { q, scale, hashBits, nClasses } = readQuantized(file)
  const w = new Float32Array(q.length)
  for (let i = 0; i < q.length; i++) w[i] = q[i]! * scale
  return { w, hashBits, nClasses }
}

/** Writes lines as a gzipped text file. */
export function writeLinesGz(file: string, lines: readonly string[]): number {
  const gz = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 })
  writeFileSync(file, gz)
  return gz.length
}

/** Reads a gzipped text file as lines (without the trailing empty one). */
export function readLinesGz(file: string): string[] {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** Makes sure the model folder exists. */
export function ensureModelDir(): string {
  mkdirSync(NER_MODEL_DIR, { recursive: true })
  return NER_MODEL_DIR
}
