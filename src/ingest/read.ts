import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs'
import { extname, join, relative } from 'node:path'
import type { RawPage } from '../stages/clean/index.js'
import { BINARY_CONTROL_SHARE, FEED_EXT, HTML_EXT, JSON_EXT, JSONL_EXT, MAX_PAGE_BYTES, TEXT_EXT, WARC_EXT } from './ingest.data.js'
import type { RecordClaims } from './formats/claims.js'
import { feedItems, looksLikeFeed, readFeed } from './formats/feed.js'
import { isNewsPleaseRecord, newsPleaseItem } from './formats/newsplease.js'
import { readJsonFile } from './formats/json-file.js'
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
  /** how reports name an item that has no path (a page sent in an HTTP request: `pages[3]`); never stored */
  readonly label?: string
}

/** A page given as content (the HTTP API): HTML or text, with its URL when known. */
export interface ContentPage { readonly url?: string | null; readonly fetched_at?: string | null; readonly html?: string; readonly text?: string }

/** A page given as content as an input item: no path (it names nothing on this machine), checked like a JSON Lines record. */
export function contentItem(p: ContentPage, label: string): InputItem {
  const url = p.url ?? null, body = p.html ?? p.text ?? ''
  const bytes = new TextEncoder().encode(body)
  const checked = body.trim() ? decode(bytes) : { problem: { ruleId: 'empty', reason: 'Expected page content, got an empty page' } }
  if (checked.problem) return { path: null, url, bytes, label, problem: checked.problem }
  const fetched_at = p.fetched_at ?? null
  return { path: null, url, bytes, label, page: p.html != null ? { path: null, url, fetched_at, html: body } : { path: null, url, fetched_at, text: body } }
}

/** Every extension a folder walk picks up as a page; other files in a folder are skipped (and counted). */
export const PAGE_EXT = [...TEXT_EXT, ...HTML_EXT, ...JSONL_EXT, ...JSON_EXT, ...FEED_EXT, ...WARC_EXT]

/** The extension of a file name among the ones Dossier reads ('.warc.gz' as a whole), else its last extension. */
export function pageExt(file: string): string {
  const lower = file.toLowerCase()
  return PAGE_EXT.find((e) => lower.endsWith(e)) ?? extname(lower)
}

/** An input found by the folder walk that cannot be read: a dangling symlink, a symlink loop, an unreadable folder, a FIFO… */
export interface InputProblem { readonly path: string; readonly ruleId: string; readonly reason: string }

/** Why a path cannot be walked or read, in one line, from a filesystem error. */
function fsReason(p: string, e: unknown): InputProblem {
  const code = (e as NodeJS.ErrnoException)?.code
  if (code === 'ELOOP') return { path: p, ruleId: 'symlink-loop', reason: `Expected a file or folder, got a symlink loop at ${p}` }
  if (code === 'ENOENT') return { path: p, ruleId: 'dangling-symlink', reason: `Expected a file or folder, got a symlink to nothing at ${p}` }
  if (code === 'EACCES' || code === 'EPERM') return { path: p, ruleId: 'unreadable', reason: `Expected a readable file or folder, got permission denied at ${p}` }
  return { path: p, ruleId: 'unreadable', reason: `Expected a readable file or folder, got ${(e as Error)?.message ?? String(e)}` }
}

/** What a file system entry is, in words (for a path that is no regular file). */
function kindOf(st: Stats): string {
  return st.isFIFO() ? 'a FIFO (named pipe)' : st.isSocket() ? 'a socket' : st.isCharacterDevice() ? 'a character device' : st.isBlockDevice() ? 'a block device' : 'not a regular file'
}

/**
 * Lists the files under the given paths; `-` is stdin, an http(s) URL passes as it is, a path that does not exist
 * is listed in `missing`. Folders are walked recursively in sorted order, taking
 * files with a page extension (hidden files skipped); a file named explicitly is always taken (and rejected with
 * its reason when it cannot be read as a page). Only regular files are taken: a FIFO, socket or device (even behind a
 * symlink), a dangling symlink, a symlink loop and a folder that cannot be read are listed in `problems` with their
 * reason, and the walk goes on. A folder reached twice (through a symlink) is walked once.
 */
export function listInputs(paths: readonly string[], opts: { recursive?: boolean } = {}): { files: string[]; skipped: string[]; missing: string[]; problems: InputProblem[] } {
  const files: string[] = [], skipped: string[] = [], missing: string[] = [], problems: InputProblem[] = []
  const seen = new Set<string>()
  const walk = (dir: string, st: Stats) => {
    const key = `${st.dev}:${st.ino}`
    if (seen.has(key)) { problems.push({ path: dir, ruleId: 'symlink-loop', reason: `Expected a folder not walked yet, got a symlink back to a folder already walked at ${dir}` }); return }
    seen.add(key)
    let entries: string[]
    try { entries = readdirSync(dir).sort() } catch (e) { problems.push(fsReason(dir, e)); return }
    for (const f of entries) {
      if (f.startsWith('.')) continue
      const p = join(dir, f)
      let est: Stats
      try { est = statSync(p) } catch (e) { problems.push(fsReason(p, e)); continue }
      if (est.isDirectory()) { if (opts.recursive !== false) walk(p, est); continue }
      const isPage = PAGE_EXT.includes(pageExt(f))
      if (!isPage) skipped.push(p)
      else if (!est.isFile()) problems.push({ path: p, ruleId: 'not-a-file', reason: `Expected a regular file, got ${kindOf(est)} at ${p}` })
      else files.push(p)
    }
  }
  for (const p of paths) {
    if (p === '-' || /^https?:\/\//i.test(p)) { files.push(p); continue } // stdin, or a URL (fetched by ingest)
    let st: Stats
    try { st = statSync(p) } catch (e) {
      const code = (e as NodeJS.ErrnoException)?.code
      let link = false
      try { link = lstatSync(p).isSymbolicLink() } catch { /* nothing there */ }
      if (code === 'ENOENT' && !link) missing.push(p)
      else problems.push(fsReason(p, e))
      continue
    }
    if (st.isDirectory()) walk(p, st)
    else if (!st.isFile()) problems.push({ path: p, ruleId: 'not-a-file', reason: `Expected a regular file, got ${kindOf(st)} at ${p}` })
    else files.push(p)
  }
  return { files, skipped, missing, problems }
}

const decoder = new TextDecoder('utf-8', { fatal: true })

/** The charset a page declares in its first bytes: `<?xml encoding>`, `<meta charset>`, `<meta http-equiv … charset=>` or a `Content-Type:` header line. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1')
  const m = /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head) ?? /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head) ?? /^content-type\s*:[^\n]*charset\s*=\s*["']?([\w.:-]+)/im.exec(head)
  return m ? m[1]!.toLowerCase() : null
}

/** Share of control characters (besides tab, newline, form feed, carriage return) in the first 4096 codes. */
export function controlShare(codes: ArrayLike<number>): { ctl: number; n: number } {
  const n = Math.min(codes.length, 4096)
  let ctl = 0
  for (let i = 0; i < n; i++) { const c = codes[i]!; if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) ctl++ }
  return { ctl, n }
}

/** Windows-1252's characters for bytes 0x80–0x9F (undefined ones stay as they are, as the WHATWG decoder does). */
const CP1252_C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

/**
 * Windows-1252, which the WHATWG labels latin-1, iso-8859-1 and ascii also name: Node 20's TextDecoder decodes it
 * as ISO-8859-1, leaving 0x80–0x9F (curly quotes, dashes, the euro sign) as control characters.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const latin = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1')
  return latin.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!)
}

/** The bytes decoded in a charset label TextDecoder knows (windows-1252 and its aliases done right); null for an unknown label. */
export function decodeCharset(bytes: Uint8Array, label: string): string | null {
  let dec: TextDecoder
  try { dec = new TextDecoder(label) } catch { return null }
  return dec.encoding === 'windows-1252' ? decodeWindows1252(bytes) : dec.decode(bytes)
}

/**
 * Checks raw bytes and decodes them; returns a problem for empty, huge, binary or undecodable input. UTF-8 by
 * default; a byte-order mark picks UTF-16 (LE/BE); bytes that are not valid UTF-8 are decoded in the charset the
 * page declares (latin-1, windows-1252, windows-1251…: any label TextDecoder knows).
 */
export function decode(bytes: Uint8Array, max = MAX_PAGE_BYTES): { text?: string; problem?: { ruleId: string; reason: string } } {
  if (bytes.length > max) return { problem: { ruleId: 'too-large', reason: `Expected ${max === MAX_PAGE_BYTES ? 'a page' : 'a file'} under ${max} bytes, got ${bytes.length}` } }
  const bom16 = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null
  let text: string
  if (bom16) {
    // UTF-16 is full of zero bytes: it is decoded by its byte-order mark first, and the binary check runs on the text
    try { text = new TextDecoder(bom16, { fatal: true }).decode(bytes) } catch { return { problem: { ruleId: 'invalid-utf16', reason: `Expected ${bom16.toUpperCase()} text after its byte-order mark, got invalid byte sequences` } } }
    const codes = Array.from(text.slice(0, 4096), (c) => c.charCodeAt(0))
    const { ctl, n } = controlShare(codes)
    if (n && ctl / n > BINARY_CONTROL_SHARE) return { problem: { ruleId: 'binary', reason: `Expected text, got binary data (${ctl} control characters in the first ${n})` } }
  } else {
    const { ctl, n } = controlShare(bytes)
    if (n && ctl / n > BINARY_CONTROL_SHARE) return { problem: { ruleId: 'binary', reason: `Expected text, got binary data (${ctl} control bytes in the first ${n})` } }
    try { text = decoder.decode(bytes) } catch {
      const charset = declaredCharset(bytes)
      const other = charset && !/^utf-?8$/.test(charset) ? charset : null
      const decoded = other ? decodeCharset(bytes, other) : null
      if (decoded == null) return { problem: { ruleId: 'invalid-utf8', reason: other ? `Expected UTF-8 text or a charset TextDecoder knows, got invalid UTF-8 and the unknown charset "${other}"` : 'Expected UTF-8 text (or a page that declares its charset), got invalid byte sequences' } }
      text = decoded
    }
  }
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
  // JSON Lines are streamed line by line: the size limit is per page (per line), never per file
  if (file !== '-' && JSONL_EXT.includes(pageExt(file))) { yield* readJsonlFile(file); return }
  // so are .json arrays (record by record) and feeds (item by item)
  if (file !== '-' && JSON_EXT.includes(pageExt(file))) { yield* readJsonFile(file); return }
  if (file !== '-' && FEED_EXT.includes(pageExt(file))) { yield* readFeedFile(file); return }
  yield* readInput(file)
}

/**
 * Reads one file (or stdin) into input items: one per page; a JSON Lines file gives one per line, a news-please
 * .json file one per record, a feed one per item.
 */
export function readInput(file: string, root?: string): InputItem[] {
  const path = file === '-' ? null : file
  const ext = file === '-' ? '.txt' : pageExt(file)
  if (JSONL_EXT.includes(ext)) return [...readJsonlFile(file)]
  if (JSON_EXT.includes(ext)) return [...readJsonFile(file)]
  if (FEED_EXT.includes(ext)) return [...readFeedFile(file)]
  const bytes = file === '-' ? readStdin() : readBounded(file)
  const { text, problem } = decode(bytes)
  if (problem) return [{ path, url: null, bytes, problem }]
  // a feed in a file named otherwise (a .txt, stdin, no extension), read whole: it is held to a page's size
  if (!HTML_EXT.includes(ext) && looksLikeFeed(text!)) return readFeed(text!, path)
  const looksHtml = /^\s*<(!doctype|html|head|body)/i.test(text!)
  // stdin has no name: it is HTML when it looks like it, scraped text otherwise
  if (HTML_EXT.includes(ext) || ((file === '-' || !TEXT_EXT.includes(ext)) && looksHtml)) return [{ path, url: null, bytes, page: { path, html: text } }]
  if (TEXT_EXT.includes(ext) || file === '-') return [{ path, url: null, bytes, page: { path, text } }]
  return [{ path, url: null, bytes, problem: { ruleId: 'unsupported-type', reason: `Expected .txt, .html, .htm, .jsonl, .json, .xml/.rss/.atom or .warc(.gz), got ${ext || 'no extension'}${root ? ` (${relative(root, file)})` : ''}` } }]
}

/** One line of a JSON Lines file as an input item (null for a blank line). */
function jsonlItem(lineBytes: Uint8Array, n: number, path: string | null): InputItem | null {
  const where = `${path ?? 'stdin'}#${n}`
  let line: string
  try { line = decoder.decode(lineBytes) } catch { return { path: where, url: null, bytes: lineBytes, problem: { ruleId: 'invalid-utf8', reason: `Expected UTF-8 text on line ${n}, got invalid byte sequences` } } }
  if (n === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1)
  if (!line.trim()) return null
  let rec: any
  try { rec = JSON.parse(line) } catch { return { path: where, url: null, bytes: lineBytes, problem: { ruleId: 'invalid-json', reason: `Expected a JSON object on line ${n}, got invalid JSON` } } }
  // a news-please record (with maintext, date_publish…): its metadata are the record's claims
  if (typeof rec?.html !== 'string' && isNewsPleaseRecord(rec)) return newsPleaseItem(rec, where, lineBytes)
  const url = typeof rec?.url === 'string' ? rec.url : null
  const body = typeof rec?.html === 'string' ? rec.html : typeof rec?.text === 'string' ? rec.text : null
  if (body == null) return { path: where, url, bytes: lineBytes, problem: { ruleId: 'no-content', reason: `Expected "html" or "text" on line ${n}, got neither` } }
  // an empty body is told without re-encoding it (200,000 empty records must cost little)
  const checked = body.trim() ? decode(new TextEncoder().encode(body)) : { problem: { ruleId: 'empty', reason: 'Expected page content, got an empty file' } }
  if (checked.problem) return { path: where, url, bytes: lineBytes, problem: checked.problem }
  const fetched_at = typeof rec.fetched_at === 'string' ? rec.fetched_at : null
  return { path: where, url, bytes: lineBytes, page: typeof rec.html === 'string' ? { path: where, url, fetched_at, html: body } : { path: where, url, fetched_at, text: body } }
}

/**
 * A JSON Lines file, read in chunks and given line by line: memory stays at one line (at most MAX_PAGE_BYTES; a
 * longer line is rejected as too large and skipped without being held). A file that starts as binary, or holds no
 * line, gives one problem item for the whole file.
 */
export function* readJsonlFile(file: string): Generator<InputItem> {
  const fd = openRegular(file)
  try {
    const chunk = Buffer.alloc(1 << 20)
    let parts: Buffer[] = [], held = 0, n = 1, any = false, first = true, tooLong = 0
    const flush = function* (): Generator<InputItem> {
      if (tooLong) { any = true; yield { path: `${file}#${n}`, url: null, bytes: new Uint8Array(), problem: { ruleId: 'too-large', reason: `Expected a page under ${MAX_PAGE_BYTES} bytes on line ${n}, got ${tooLong} bytes` } } }
      else { const item = jsonlItem(parts.length === 1 ? parts[0]! : Buffer.concat(parts), n, file); if (item) { any = true; yield item } }
      parts = []; held = 0; tooLong = 0; n++
    }
    for (;;) {
      const got = readSync(fd, chunk, 0, chunk.length, null)
      if (!got) break
      const buf = chunk.subarray(0, got)
      if (first) {
        first = false
        const { ctl, n: seen } = controlShare(buf)
        if (seen && ctl / seen > BINARY_CONTROL_SHARE) { yield { path: file, url: null, bytes: Buffer.from(buf.subarray(0, 4096)), problem: { ruleId: 'binary', reason: `Expected JSON Lines text, got binary data (${ctl} control bytes in the first ${seen})` } }; return }
      }
      let from = 0
      for (let nl = buf.indexOf(10, from); ; nl = buf.indexOf(10, from)) {
        const end = nl < 0 ? got : nl
        const len = end - from
        if (tooLong) tooLong += len
        else if (held + len > MAX_PAGE_BYTES) { tooLong = held + len; parts = []; held = 0 }
        else if (len) { parts.push(Buffer.from(buf.subarray(from, end))); held += len }
        if (nl < 0) break
        yield* flush()
        from = nl + 1
      }
    }
    if (held || tooLong) yield* flush()
    if (!any) yield { path: file, url: null, bytes: new Uint8Array(), problem: { ruleId: 'empty', reason: 'Expected page content, got an empty file' } }
  } finally { closeSync(fd) }
}

/** A feed file (.xml, .rss, .atom) read as a stream, item by item (src/ingest/formats/feed.ts): no limit per file, MAX_PAGE_BYTES per item. */
function* readFeedFile(file: string): Generator<InputItem> {
  try { yield* feedItems(textChunks(file), file) } catch (e) {
    if (!(e instanceof InputProblemError)) throw e
    yield { path: file, url: null, bytes: new Uint8Array(), problem: e.problem }
  }
}

/** Thrown by `textChunks` when a file turns out not to be text it can decode; the reader reports it as the file's problem. */
class InputProblemError extends Error {
  constructor(readonly problem: { ruleId: string; reason: string }) { super(problem.reason) }
}

/**
 * A text file read as a stream of decoded pieces (1 MiB of bytes each): the charset is told from the first bytes as
 * `decode` tells it for a page (a UTF-16 byte-order mark, else UTF-8, else the charset the file declares when it is
 * not UTF-8). Binary data, an empty file and bytes the charset cannot decode are thrown as an InputProblemError
 * (the pieces given before stand).
 */
export function* textChunks(file: string): Generator<string> {
  const fd = openRegular(file)
  try {
    const chunk = Buffer.alloc(1 << 20)
    let dec: { decode(b: Uint8Array, o?: { stream?: boolean }): string } | null = null, any = false
    for (;;) {
      const got = readSync(fd, chunk, 0, chunk.length, null)
      const bytes = chunk.subarray(0, got)
      if (!dec) {
        if (!got) break
        const bom16 = got >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : got >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null
        if (!bom16) {
          const { ctl, n } = controlShare(bytes)
          if (n && ctl / n > BINARY_CONTROL_SHARE) throw new InputProblemError({ ruleId: 'binary', reason: `Expected text, got binary data (${ctl} control bytes in the first ${n})` })
        }
        const declared = bom16 ? null : declaredCharset(bytes)
        // as for a page, bytes that are UTF-8 are read as UTF-8 whatever the file declares (a feed saying ISO-8859-1 but
        // written in UTF-8 is common); the first piece decides, unless it is all ASCII (then the declared charset is taken)
        const other = declared && !/^utf-?8$/.test(declared) ? declared : null
        const label = bom16 ?? (other && !isUtf8Text(bytes) ? other : 'utf-8')
        let td: TextDecoder
        try { td = new TextDecoder(label, { fatal: true }) } catch { throw new InputProblemError({ ruleId: 'invalid-utf8', reason: `Expected UTF-8 text or a charset TextDecoder knows, got the unknown charset "${label}"` }) }
        // windows-1252 (which latin-1 and ascii also name) is one byte a character: its own decoder works piece by piece
        dec = td.encoding === 'windows-1252' ? { decode: (b) => decodeCharset(b, 'windows-1252')! } : td
      }
      let text: string
      try { text = dec.decode(bytes, { stream: got > 0 }) } catch { throw new InputProblemError({ ruleId: 'invalid-utf8', reason: 'Expected UTF-8 text (or a file that declares its charset), got invalid byte sequences' }) }
      if (text) { any ||= !!text.trim(); yield text }
      if (!got) break
    }
    if (!any) throw new InputProblemError({ ruleId: 'empty', reason: 'Expected page content, got an empty file' })
  } finally { closeSync(fd) }
}

/** True when bytes hold non-ASCII characters and are valid UTF-8 (a sequence cut at their end allowed). */
function isUtf8Text(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false
  try { new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true }); return true } catch { return false }
}

/** Opens a file for reading only when it is a regular file (never blocks on a FIFO, never reads a device). */
export function openRegular(file: string): number {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK)
  const st = fstatSync(fd)
  if (!st.isFile()) { closeSync(fd); throw new Error(`Expected a regular file, got ${kindOf(st)} at ${file}`) }
  return fd
}

/** Reads at most MAX_PAGE_BYTES+1 bytes of a page: the cap holds while reading, whatever the file claims its size is. */
function readBounded(file: string): Uint8Array {
  return readHead(file, MAX_PAGE_BYTES + 1)
}

function readHead(file: string, n: number): Uint8Array {
  const fd = openRegular(file)
  try {
    const parts: Buffer[] = []
    let total = 0
    while (total < n) {
      const buf = Buffer.alloc(Math.min(1 << 20, n - total))
      const got = readSync(fd, buf, 0, buf.length, null)
      if (!got) break
      parts.push(got === buf.length ? buf : buf.subarray(0, got)); total += got
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts)
  } finally { closeSync(fd) }
}

/** Standard input, read up to MAX_PAGE_BYTES+1 bytes (`cat /dev/zero | dossier ingest -` is rejected as too large, memory bounded). */
function readStdin(): Uint8Array {
  const n = MAX_PAGE_BYTES + 1, parts: Buffer[] = []
  let total = 0
  const pause = new Int32Array(new SharedArrayBuffer(4))
  while (total < n) {
    const buf = Buffer.alloc(Math.min(1 << 20, n - total))
    let got: number
    try { got = readSync(0, buf, 0, buf.length, null) } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'EAGAIN') { Atomics.wait(pause, 0, 0, 10); continue } // a non-blocking pipe with nothing yet
      if (code === 'EOF') break
      throw e
    }
    if (!got) break
    parts.push(got === buf.length ? buf : buf.subarray(0, got)); total += got
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts)
}
