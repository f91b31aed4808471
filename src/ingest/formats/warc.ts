import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs'
import { WARCParser } from 'warcio'
import { MAX_PAGE_BYTES } from '../ingest.data.js'
import { decode, decodeCharset, type InputItem } from '../read.js'
import { sourceNote } from './claims.js'
import { WARC_HTML_TYPES } from './formats.data.js'

/** True when a file's first bytes are a WARC header ("WARC/1.") or gzip (a .warc.gz is gzip members of records). */
export function sniffWarc(file: string): 'warc' | 'gzip' | null {
  const fd = openSync(file, 'r')
  try {
    const b = Buffer.alloc(6); const n = readSync(fd, b, 0, 6, 0)
    if (n >= 2 && b[0] === 0x1f && b[1] === 0x8b) return 'gzip'
    return n >= 5 && b.subarray(0, 5).toString('latin1') === 'WARC/' ? 'warc' : null
  } finally { closeSync(fd) }
}

/** The charset a response declares (Content-Type header, else a <meta charset> in the first 1 KiB), or null. */
function charsetOf(contentType: string, payload: Uint8Array): string | null {
  const h = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)
  if (h) return h[1]!.toLowerCase()
  const m = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(Buffer.from(payload.subarray(0, 1024)).toString('latin1'))
  return m ? m[1]!.toLowerCase() : null
}

/** The payload as text in its declared charset; UTF-8 (checked like any page) when none or an unknown one is declared. */
function payloadText(payload: Uint8Array, charset: string | null): ReturnType<typeof decode> {
  if (!charset || /^utf-?8$/i.test(charset)) return decode(payload)
  if (payload.length > MAX_PAGE_BYTES) return decode(payload)
  const text = decodeCharset(payload, charset)
  if (text == null) return decode(payload)
  return text.trim() ? { text } : { problem: { ruleId: 'empty', reason: 'Expected page content, got an empty response' } }
}

/** True when the file ended before the record's declared Content-Length (the reader still expects bytes). */
function brokeOff(record: { _reader: unknown }): boolean {
  const left = (record._reader as { limit?: unknown } | null)?.limit
  return typeof left === 'number' && left > 0
}

/**
 * The pages of a WARC file (plain or gzipped, read as a stream): every `response` record with status 200 whose
 * content is HTML becomes a page, with WARC-Target-URI as url and WARC-Date as fetched_at (never as published: the
 * capture date is not the publication date). Other records are yielded as `skipped` items (counted, not pages).
 * A file that is not a WARC, or breaks off mid-record, ends with one problem item; the pages before it stand.
 */
export async function* readWarc(file: string): AsyncGenerator<InputItem> {
  const bad = (ruleId: string, reason: string): InputItem => ({ path: file, url: null, bytes: new Uint8Array(), problem: { ruleId, reason } })
  if (!sniffWarc(file)) { yield bad('not-warc', 'Expected a WARC file (starting "WARC/1.0", or gzipped), got other data'); return }
  let n = 0
  const parser = new WARCParser(createReadStream(file))
  try {
    for await (const record of parser) {
      n++
      const protocol = record.warcHeaders.protocol ?? ''
      if (!/^WARC\/\d/.test(protocol) || !record.warcType) {
        yield bad(n === 1 ? 'not-warc' : 'invalid-warc', n === 1 ? 'Expected a WARC file (starting "WARC/1.0"), got other data' : `Expected a WARC record after record ${n - 1}, got other data; read the ${n - 1} record(s) before it`)
        return
      }
      const where = `${file}#${n}`
      const url = record.warcTargetURI ?? null
      const truncated = () => bad('invalid-warc', `Expected a complete WARC file, got one that breaks off in record ${n}${url ? ` (${url})` : ''}; read the ${n - 1} record(s) before it`)
      const status = record.httpHeaders?.statusCode
      const type = (record.httpHeaders?.headers.get('content-type') ?? '').toLowerCase()
      const skip = record.warcType !== 'response' ? `WARC ${record.warcType} record`
        : !record.httpHeaders ? 'WARC response without HTTP headers'
        : !WARC_HTML_TYPES.some((t) => type.startsWith(t)) ? `WARC response ${type.split(';')[0]!.trim() || 'without content type'}`
        : status !== undefined && (+status < 200 || +status >= 300) ? `WARC response HTTP ${status}`
        : null
      if (skip) {
        await record.skipFully()
        if (brokeOff(record)) { yield truncated(); return }
        yield { path: where, url, bytes: new Uint8Array(), skipped: skip }
        continue
      }
      if (record.warcContentLength > MAX_PAGE_BYTES * 2) {
        await record.skipFully()
        if (brokeOff(record)) { yield truncated(); return }
        yield { path: where, url, bytes: new Uint8Array(), problem: { ruleId: 'too-large', reason: `Expected a page under ${MAX_PAGE_BYTES} bytes, got a WARC record of ${record.warcContentLength}` } }
        continue
      }
      const payload = await record.readFully(true)
      if (brokeOff(record)) { yield truncated(); return }
      const date = record.warcDate ?? null
      const key = new TextEncoder().encode(`${url ?? ''}\u0000`)
      const bytes = new Uint8Array(key.length + payload.length); bytes.set(key); bytes.set(payload, key.length)
      const { text, problem } = payloadText(payload, charsetOf(type, payload))
      const notes = [...(url ? [sourceNote('url', url, 'the WARC record\'s `WARC-Target-URI`')] : []), ...(date ? [sourceNote('fetched_at', date, 'the WARC record\'s `WARC-Date` (the capture date, not a publication date)')] : [])]
      const claims = { kind: 'WARC record', fields: {}, notes }
      if (problem) { yield { path: where, url, bytes, claims, problem }; continue }
      yield { path: where, url, bytes, claims, page: { path: where, url, fetched_at: date, html: text! } }
    }
  } catch (e) {
    yield bad('invalid-warc', `Expected a complete WARC file, got ${n ? `an error after ${n} record(s)` : 'an unreadable start'}: ${(e as Error).message.split('\n')[0]}`)
    return
  }
  if (n === 0) { yield bad('not-warc', 'Expected WARC records, got none'); return }
  // a gzip member cut short ends the parse without an error: the parser stopped before the end of the file
  if (parser.offset < statSync(file).size) yield bad('invalid-warc', `Expected a complete WARC file, got one that breaks off after record ${n} (byte ${parser.offset} of ${statSync(file).size}); read the ${n} record(s) before it`)
}
