import { existsSync, readdirSync, readFileSync, statSync, openSync, readSync, closeSync } from 'node:fs'
import { extname, join, relative } from 'node:path'
import type { RawPage } from '../stages/clean/index.js'
import { BINARY_CONTROL_SHARE, FEED_EXT, HTML_EXT, JSON_EXT, JSONL_EXT, MAX_CONTAINER_BYTES, MAX_PAGE_BYTES, TEXT_EXT, WARC_EXT } from './ingest.data.js'
import type { RecordClaims } from './formats/claims.js'
import { looksLikeFeed, readFeed } from './formats/feed.js'
import { isNewsPleaseRecord, newsPleaseItem } from './formats/newsplease.js'
import { readWarc, sniffWarc } from './formats/warc.js'

/** One input item: a page to clean, or a reason it cannot be read. */
export interface InputItem {
  readonly path: string | null
  readonly url: string | null
  readonly bytes: Uint8Array
  readonly page?: RawPage
  readonly problem?: { ruleId: string; reason: string }
  /** metadata the input record claims (news-please record, feed item, WARC record), with provenance */
  readonly claims?: RecordClaims
  /** not a page, and no problem: a record of a container skipped by kind (a WARC request, an image), counted */
  readonly skipped?: string
}

/** Every extension a folder walk picks up as a page; other files in a folder are skipped (and counted). */
export const PAGE_EXT = [...TEXT_EXT, ...HTML_EXT, ...JSONL_EXT, ...JSON_EXT, ...FEED_EXT, ...WARC_EXT]

/** The extension of a file name among the ones Dossier reads ('.warc.gz' as a whole), else its last extension. */
export function pageExt(file: string): string {
  const lower = file.toLowerCase()
  return PAGE_EXT.find((e) => lower.endsWith(e)) ?? extname(lower)
}

/**
 * Lists the files under the given paths; `-` is stdin, an http(s) URL passes as it is, a path that does not exist
 * is listed in `missing`. Folders are walked recursively in sorted order, taking
 * files with a page extension (hidden files skipped); a file named explicitly is always taken (and rejected with
 * its reason when it cannot be read as a page).
 */
export function listInputs(paths: readonly string[], opts: { recursive?: boolean } = {}): { files: string[]; skipped: string[]; missing: string[] } {
  const files: string[] = [], skipped: string[] = [], missing: string[] = []
  const walk = (dir: string) => {
    for (const f of readdirSync(dir).sort()) {
      if (f.startsWith('.')) continue
      const p = join(dir, f)
      if (statSync(p).isDirectory()) { if (opts.recursive !== false) walk(p) }
      else (PAGE_EXT.includes(pageExt(f)) ? files : skipped).push(p)
    }
  }
  for (const p of paths) {
    if (p === '-' || /^https?:\/\//i.test(p)) files.push(p) // stdin, or a URL (fetched by ingest)
    else if (!existsSync(p)) missing.push(p)
    else if (statSync(p).isDirectory()) walk(p)
    else files.push(p)
  }
  return { files, skipped, missing }
}

const decoder = new TextDecoder('utf-8', { fatal: true })

/** Checks raw bytes and decodes them; returns a problem for empty, huge, binary or non-UTF-8 input. */
export function decode(bytes: Uint8Array, max = MAX_PAGE_BYTES): { text?: string; problem?: { ruleId: string; reason: string } } {
  if (bytes.length > max) return { problem: { ruleId: 'too-large', reason: `Expected ${max === MAX_PAGE_BYTES ? 'a page' : 'a file'} under ${max} bytes, got ${bytes.length}` } }
  const head = bytes.subarray(0, 4096)
  let ctl = 0
  for (const b of head) if (b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12)) ctl++
  if (head.length && ctl / head.length > BINARY_CONTROL_SHARE) return { problem: { ruleId: 'binary', reason: `Expected text, got binary data (${ctl} control bytes in the first ${head.length})` } }
  let text: string
  try { text = decoder.decode(bytes) } catch { return { problem: { ruleId: 'invalid-utf8', reason: 'Expected UTF-8 text, got invalid byte sequences' } } }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (!text.trim()) return { problem: { ruleId: 'empty', reason: 'Expected page content, got an empty file' } }
  return { text }
}

/**
 * Reads one file (or stdin) into input items, one per page: a WARC file (by extension or its first bytes) is read
 * as a stream, record by record; every other file through `readInput`.
 */
export async function* readItems(file: string): AsyncGenerator<InputItem> {
  if (file !== '-' && (WARC_EXT.includes(pageExt(file)) || (!PAGE_EXT.includes(pageExt(file)) && sniffWarc(file) === 'warc'))) { yield* readWarc(file); return }
  yield* readInput(file)
}

/**
 * Reads one file (or stdin) into input items: one per page; a JSON Lines file gives one per line, a news-please
 * .json file one per record, a feed one per item.
 */
export function readInput(file: string, root?: string): InputItem[] {
  const bytes = file === '-' ? readStdin() : readBounded(file)
  const path = file === '-' ? null : file
  const ext = file === '-' ? '.txt' : pageExt(file)
  if (JSONL_EXT.includes(ext)) return readJsonl(bytes, path)
  if (JSON_EXT.includes(ext)) return readJson(bytes, path)
  const { text, problem } = decode(bytes, FEED_EXT.includes(ext) ? MAX_CONTAINER_BYTES : MAX_PAGE_BYTES)
  if (problem) return [{ path, url: null, bytes, problem }]
  if (FEED_EXT.includes(ext) || (!HTML_EXT.includes(ext) && looksLikeFeed(text!))) {
    if (!looksLikeFeed(text!) && !/^\s*</.test(text!)) return [{ path, url: null, bytes, problem: { ruleId: 'not-a-feed', reason: 'Expected an RSS or Atom feed (XML), got text that is not XML' } }]
    return readFeed(text!, path)
  }
  const looksHtml = /^\s*<(!doctype|html|head|body)/i.test(text!)
  // stdin has no name: it is HTML when it looks like it, scraped text otherwise
  if (HTML_EXT.includes(ext) || ((file === '-' || !TEXT_EXT.includes(ext)) && looksHtml)) return [{ path, url: null, bytes, page: { path, html: text } }]
  if (TEXT_EXT.includes(ext) || file === '-') return [{ path, url: null, bytes, page: { path, text } }]
  return [{ path, url: null, bytes, problem: { ruleId: 'unsupported-type', reason: `Expected .txt, .html, .htm, .jsonl, .json, .xml/.rss/.atom or .warc(.gz), got ${ext || 'no extension'}${root ? ` (${relative(root, file)})` : ''}` } }]
}

/** A .json file: one news-please record, or an array of them (one item per record, `file#n`). */
function readJson(bytes: Uint8Array, path: string | null): InputItem[] {
  const { text, problem } = decode(bytes, MAX_CONTAINER_BYTES)
  if (problem) return [{ path, url: null, bytes, problem }]
  let v: unknown
  try { v = JSON.parse(text!) } catch (e) { return [{ path, url: null, bytes, problem: { ruleId: 'invalid-json', reason: `Expected a JSON news-please record, got invalid JSON (${(e as Error).message.split('\n')[0]})` } }] }
  const notRecord = (what: string) => ({ ruleId: 'not-a-record', reason: `Expected a news-please record (an object with maintext, title, date_publish…) or an array of them, got ${what}` })
  if (Array.isArray(v)) {
    if (!v.length) return [{ path, url: null, bytes, problem: notRecord('an empty array') }]
    return v.map((rec, i) => {
      const where = `${path ?? 'stdin'}#${i + 1}`
      const recBytes = new TextEncoder().encode(JSON.stringify(rec))
      return isNewsPleaseRecord(rec) ? newsPleaseItem(rec, where, recBytes) : { path: where, url: null, bytes: recBytes, problem: notRecord(`${describe(rec)} at index ${i}`) }
    })
  }
  if (!isNewsPleaseRecord(v)) return [{ path, url: null, bytes, problem: notRecord(describe(v)) }]
  return [newsPleaseItem(v, path, bytes)]
}

/** A short description of a JSON value that is not a record ("an object with keys a, b, c", "a number"). */
function describe(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'object') { const k = Object.keys(v as object); return k.length ? `an object with keys ${k.slice(0, 5).join(', ')}${k.length > 5 ? '…' : ''}` : 'an empty object' }
  return `a ${typeof v}`
}

function readJsonl(bytes: Uint8Array, path: string | null): InputItem[] {
  const { text, problem } = decode(bytes.length > MAX_CONTAINER_BYTES ? bytes.subarray(0, 0) : bytes, MAX_CONTAINER_BYTES)
  if (problem) return [{ path, url: null, bytes, problem }]
  const out: InputItem[] = []
  text!.split('\n').forEach((line, i) => {
    if (!line.trim()) return
    const lineBytes = new TextEncoder().encode(line)
    const where = `${path ?? 'stdin'}#${i + 1}`
    let rec: any
    try { rec = JSON.parse(line) } catch { out.push({ path: where, url: null, bytes: lineBytes, problem: { ruleId: 'invalid-json', reason: `Expected a JSON object on line ${i + 1}, got invalid JSON` } }); return }
    // a news-please record (with maintext, date_publish…): its metadata are the record's claims
    if (typeof rec?.html !== 'string' && isNewsPleaseRecord(rec)) { out.push(newsPleaseItem(rec, where, lineBytes)); return }
    const url = typeof rec?.url === 'string' ? rec.url : null
    const body = typeof rec?.html === 'string' ? rec.html : typeof rec?.text === 'string' ? rec.text : null
    if (body == null) { out.push({ path: where, url, bytes: lineBytes, problem: { ruleId: 'no-content', reason: `Expected "html" or "text" on line ${i + 1}, got neither` } }); return }
    const checked = decode(new TextEncoder().encode(body))
    if (checked.problem) { out.push({ path: where, url, bytes: lineBytes, problem: checked.problem }); return }
    const fetched_at = typeof rec.fetched_at === 'string' ? rec.fetched_at : null
    out.push({ path: where, url, bytes: lineBytes, page: typeof rec.html === 'string' ? { path: where, url, fetched_at, html: body } : { path: where, url, fetched_at, text: body } })
  })
  return out
}

/** Reads at most MAX_PAGE_BYTES+1 bytes of a page (MAX_CONTAINER_BYTES+1 of a file of many pages), so a huge file is rejected without loading it whole. */
function readBounded(file: string): Uint8Array {
  const size = statSync(file).size
  const ext = pageExt(file)
  const max = ext === '.txt' || HTML_EXT.includes(ext) ? MAX_PAGE_BYTES : MAX_CONTAINER_BYTES
  return size > max ? readHead(file, max + 1) : readFileSync(file)
}

function readHead(file: string, n: number): Uint8Array {
  const fd = openSync(file, 'r')
  try { const buf = Buffer.alloc(n); const got = readSync(fd, buf, 0, n, 0); return buf.subarray(0, got) } finally { closeSync(fd) }
}

function readStdin(): Uint8Array { return readFileSync(0) }
