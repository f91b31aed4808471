import { readdirSync, readFileSync, statSync, openSync, readSync, closeSync } from 'node:fs'
import { extname, join, relative } from 'node:path'
import type { RawPage } from '../stages/clean/index.js'
import { BINARY_CONTROL_SHARE, HTML_EXT, JSONL_EXT, MAX_PAGE_BYTES, TEXT_EXT } from './ingest.data.js'

/** One input item: a page to clean, or a reason it cannot be read. */
export interface InputItem {
  readonly path: string | null
  readonly url: string | null
  readonly bytes: Uint8Array
  readonly page?: RawPage
  readonly problem?: { ruleId: string; reason: string }
}

/** Every extension a folder walk picks up as a page; other files in a folder are skipped (and counted). */
export const PAGE_EXT = [...TEXT_EXT, ...HTML_EXT, ...JSONL_EXT]

/**
 * Lists the files under the given paths; `-` is stdin. Folders are walked recursively in sorted order, taking
 * files with a page extension (hidden files skipped); a file named explicitly is always taken (and rejected with
 * its reason when it cannot be read as a page).
 */
export function listInputs(paths: readonly string[], opts: { recursive?: boolean } = {}): { files: string[]; skipped: string[] } {
  const files: string[] = [], skipped: string[] = []
  const walk = (dir: string) => {
    for (const f of readdirSync(dir).sort()) {
      if (f.startsWith('.')) continue
      const p = join(dir, f)
      if (statSync(p).isDirectory()) { if (opts.recursive !== false) walk(p) }
      else (PAGE_EXT.includes(extname(f).toLowerCase()) ? files : skipped).push(p)
    }
  }
  for (const p of paths) {
    if (p === '-') files.push('-')
    else if (statSync(p).isDirectory()) walk(p)
    else files.push(p)
  }
  return { files, skipped }
}

const decoder = new TextDecoder('utf-8', { fatal: true })

/** Checks raw bytes and decodes them; returns a problem for empty, huge, binary or non-UTF-8 input. */
export function decode(bytes: Uint8Array): { text?: string; problem?: { ruleId: string; reason: string } } {
  if (bytes.length > MAX_PAGE_BYTES) return { problem: { ruleId: 'too-large', reason: `Expected a page under ${MAX_PAGE_BYTES} bytes, got ${bytes.length}` } }
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

/** Reads one file (or stdin) into input items: one per page; a JSON Lines file gives one per line. */
export function readInput(file: string, root?: string): InputItem[] {
  const bytes = file === '-' ? readStdin() : readBounded(file)
  const path = file === '-' ? null : file
  const ext = file === '-' ? '.txt' : extname(file).toLowerCase()
  if (JSONL_EXT.includes(ext)) return readJsonl(bytes, path)
  const { text, problem } = decode(bytes)
  if (problem) return [{ path, url: null, bytes, problem }]
  const looksHtml = /^\s*<(!doctype|html|head|body)/i.test(text!)
  // stdin has no name: it is HTML when it looks like it, scraped text otherwise
  if (HTML_EXT.includes(ext) || ((file === '-' || !TEXT_EXT.includes(ext)) && looksHtml)) return [{ path, url: null, bytes, page: { path, html: text } }]
  if (TEXT_EXT.includes(ext) || file === '-') return [{ path, url: null, bytes, page: { path, text } }]
  return [{ path, url: null, bytes, problem: { ruleId: 'unsupported-type', reason: `Expected .txt, .html, .htm or .jsonl, got ${ext || 'no extension'}${root ? ` (${relative(root, file)})` : ''}` } }]
}

function readJsonl(bytes: Uint8Array, path: string | null): InputItem[] {
  const { text, problem } = decode(bytes.length > MAX_PAGE_BYTES * 100 ? bytes.subarray(0, 0) : bytes)
  if (problem) return [{ path, url: null, bytes, problem }]
  const out: InputItem[] = []
  text!.split('\n').forEach((line, i) => {
    if (!line.trim()) return
    const lineBytes = new TextEncoder().encode(line)
    const where = `${path ?? 'stdin'}#${i + 1}`
    let rec: any
    try { rec = JSON.parse(line) } catch { out.push({ path: where, url: null, bytes: lineBytes, problem: { ruleId: 'invalid-json', reason: `Expected a JSON object on line ${i + 1}, got invalid JSON` } }); return }
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

/** Reads at most MAX_PAGE_BYTES+1 bytes, so a huge file is rejected without loading it whole. */
function readBounded(file: string): Uint8Array {
  const size = statSync(file).size
  if (size <= MAX_PAGE_BYTES || extname(file).toLowerCase() !== '.txt' && !HTML_EXT.includes(extname(file).toLowerCase())) {
    if (size > MAX_PAGE_BYTES * 100) return readHead(file, MAX_PAGE_BYTES + 1)
    return readFileSync(file)
  }
  return readHead(file, MAX_PAGE_BYTES + 1)
}

function readHead(file: string, n: number): Uint8Array {
  const fd = openSync(file, 'r')
  try { const buf = Buffer.alloc(n); const got = readSync(fd, buf, 0, n, 0); return buf.subarray(0, got) } finally { closeSync(fd) }
}

function readStdin(): Uint8Array { return readFileSync(0) }
