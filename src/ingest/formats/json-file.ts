import { closeSync, readSync } from 'node:fs'
import { BINARY_CONTROL_SHARE, MAX_PAGE_BYTES } from '../ingest.data.js'
import { controlShare, openRegular, type InputItem } from '../read.js'
import { isNewsPleaseRecord, newsPleaseItem } from './newsplease.js'

const utf8 = new TextDecoder('utf-8', { fatal: true })
const CHUNK = 1 << 20
// the bytes the scanner looks at (JSON's structure is ASCII, so UTF-8 text is scanned byte by byte)
const QUOTE = 0x22, BACKSLASH = 0x5c, OPEN_BRACE = 0x7b, CLOSE_BRACE = 0x7d, OPEN_BRACKET = 0x5b, CLOSE_BRACKET = 0x5d, COMMA = 0x2c
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09

const notRecord = (what: string) => ({ ruleId: 'not-a-record', reason: `Expected a news-please record (an object with maintext, title, date_publish…) or an array of them, got ${what}` })

/** A short description of a JSON value that is not a record ("an object with keys a, b, c", "a number"). */
export function describe(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'object') { const k = Object.keys(v as object); return k.length ? `an object with keys ${k.slice(0, 5).join(', ')}${k.length > 5 ? '…' : ''}` : 'an empty object' }
  return `a ${typeof v}`
}

/** One JSON value of a .json file (the whole file, or element `index` of its array) as an input item. */
function valueItem(bytes: Uint8Array, path: string, index: number | null): InputItem {
  const where = index == null ? path : `${path}#${index + 1}`
  let v: unknown
  try { v = JSON.parse(utf8.decode(bytes)) } catch (e) {
    const why = e instanceof TypeError ? 'invalid UTF-8' : `invalid JSON (${(e as Error).message.split('\n')[0]})`
    return { path: where, url: null, bytes, problem: { ruleId: e instanceof TypeError ? 'invalid-utf8' : 'invalid-json', reason: index == null ? `Expected a JSON news-please record, got ${why}` : `Expected a JSON news-please record at index ${index}, got ${why}` } }
  }
  if (index == null) return isNewsPleaseRecord(v) ? newsPleaseItem(v, path, bytes) : { path, url: null, bytes, problem: notRecord(describe(v)) }
  // an array's record stands for what it holds (as when the array was read whole): the same record is known again
  const recBytes = new TextEncoder().encode(JSON.stringify(v))
  return isNewsPleaseRecord(v) ? newsPleaseItem(v, where, recBytes) : { path: where, url: null, bytes: recBytes, problem: notRecord(`${describe(v)} at index ${index}`) }
}

/**
 * A .json file read as a stream: one news-please record, or an array of them given record by record (`file#n`).
 * Memory stays at one record: each is held up to MAX_PAGE_BYTES (a longer one is rejected as too large and skipped
 * without being held), whatever the file's size. The scanner follows strings and nesting to find where each element
 * of the top-level array ends, and each element is parsed alone: a bad element is rejected with its reason and the
 * others are read; a file that breaks off ends with one problem item after the records before the break.
 */
export function* readJsonFile(file: string): Generator<InputItem> {
  const fd = openRegular(file)
  try {
    const chunk = Buffer.alloc(CHUNK)
    /** the element being gathered: its parts, their size, and its size past the cap (then nothing is held) */
    let parts: Buffer[] = [], held = 0, tooLong = 0
    let mode: 'start' | 'array' | 'single' | 'after' = 'start'
    let inElement = false, depth = 0, inString = false, escaped = false, index = 0, first = true
    const take = (buf: Buffer, from: number, to: number) => {
      if (to <= from) return
      if (tooLong) { tooLong += to - from; return }
      if (held + to - from > MAX_PAGE_BYTES) { tooLong = held + to - from; parts = []; held = 0; return }
      parts.push(Buffer.from(buf.subarray(from, to))); held += to - from
    }
    const element = (): InputItem => {
      const i = mode === 'single' ? null : index++
      const where = i == null ? file : `${file}#${i + 1}`
      const item: InputItem = tooLong
        ? { path: where, url: null, bytes: new Uint8Array(), problem: { ruleId: 'too-large', reason: `Expected a page under ${MAX_PAGE_BYTES} bytes${i == null ? '' : ` at index ${i}`}, got ${tooLong} bytes` } }
        : valueItem(parts.length === 1 ? parts[0]! : Buffer.concat(parts), file, i)
      parts = []; held = 0; tooLong = 0; inElement = false
      return item
    }
    for (;;) {
      const got = readSync(fd, chunk, 0, chunk.length, null)
      if (!got) break
      const buf = chunk.subarray(0, got)
      let from = 0
      if (first) {
        first = false
        const { ctl, n } = (buf[0] === 0xff || buf[0] === 0xfe) ? { ctl: 0, n: 0 } : controlShare(buf)
        if (n && ctl / n > BINARY_CONTROL_SHARE) { yield { path: file, url: null, bytes: Buffer.from(buf.subarray(0, 4096)), problem: { ruleId: 'binary', reason: `Expected JSON text, got binary data (${ctl} control bytes in the first ${n})` } }; return }
        if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) { yield { path: file, url: null, bytes: new Uint8Array(), problem: { ruleId: 'invalid-utf8', reason: 'Expected JSON in UTF-8 (RFC 8259), got UTF-16 (its byte-order mark)' } }; return }
        if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) from = 3 // a UTF-8 byte-order mark
      }
      let start = from // where the element's bytes in this chunk begin
      for (let i = from; i < got; i++) {
        const b = buf[i]!
        if (mode === 'start' || mode === 'after') {
          if (isSpace(b)) continue
          if (mode === 'after') { yield { path: file, url: null, bytes: new Uint8Array(), problem: { ruleId: 'invalid-json', reason: `Expected nothing after the JSON array, got more data after its ${index} record(s)` } }; return }
          if (b === OPEN_BRACKET) { mode = 'array'; continue }
          mode = 'single'; inElement = true; start = i
        } else if (!inElement) {
          if (isSpace(b) || b === COMMA) continue
          if (b === CLOSE_BRACKET) { mode = 'after'; continue }
          inElement = true; start = i
        }
        // inside a value: follow strings and nesting; an array element ends at a comma or `]` outside them
        if (inString) { if (escaped) escaped = false; else if (b === BACKSLASH) escaped = true; else if (b === QUOTE) inString = false; continue }
        if (b === QUOTE) inString = true
        else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++
        else if (depth > 0 && (b === CLOSE_BRACE || b === CLOSE_BRACKET)) depth--
        else if (depth === 0 && mode === 'array' && (b === COMMA || b === CLOSE_BRACKET)) {
          take(buf, start, i)
          yield element()
          if (b === CLOSE_BRACKET) mode = 'after'
        }
      }
      if (inElement) take(buf, start, got)
    }
    if (mode === 'single') { yield element(); return }
    if (mode === 'start') { yield { path: file, url: null, bytes: new Uint8Array(), problem: { ruleId: 'empty', reason: 'Expected page content, got an empty file' } }; return }
    if (mode === 'array') { yield { path: file, url: null, bytes: new Uint8Array(), problem: { ruleId: 'invalid-json', reason: `Expected a complete JSON array, got one that breaks off after its ${index} record(s)` } }; return }
    if (index === 0) yield { path: file, url: null, bytes: new Uint8Array(), problem: notRecord('an empty array') }
  } finally { closeSync(fd) }
}
