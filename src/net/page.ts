import { decode, decodeCharset, type InputItem } from '../ingest/read.js'
import { fetchUrl, type FetchOptions, type FetchResult } from './fetch.js'

/**
 * Fetches one page (`dossier ingest https://…`) into an input item: the page's final URL and fetch time go with
 * it; a body that is empty, binary or undecodable becomes a problem, as a file would. Network failures throw a
 * FetchError (one line, the caller reports it and goes on).
 */
export async function fetchPageItems(url: string, opts: FetchOptions = {}): Promise<InputItem[]> {
  return [pageItem(await fetchUrl(url, { ...opts, accept: 'page' }))]
}

/** An input item from a fetched page: bytes in the page's charset are decoded and checked like a file's. */
export function pageItem(r: FetchResult): InputItem {
  const utf8 = toUtf8(r.bytes, r.charset)
  const { text, problem } = decode(utf8)
  if (problem) return { path: null, url: r.url, bytes: r.bytes, problem }
  const html = r.contentType !== 'text/plain' && (r.contentType != null || /^\s*<(!doctype|html|head|body)/i.test(text!))
  const page = html ? { path: null, url: r.url, fetched_at: r.fetchedAt, html: text! } : { path: null, url: r.url, fetched_at: r.fetchedAt, text: text! }
  return { path: null, url: r.url, bytes: r.bytes, page }
}

/** Re-encodes a body in a declared non-UTF-8 charset (windows-1251, iso-8859-1 …) as UTF-8; others pass unchanged. */
function toUtf8(bytes: Uint8Array, charset: string | null): Uint8Array {
  if (!charset || /^utf-?8$/i.test(charset)) return bytes
  const text = decodeCharset(bytes, charset)
  return text == null ? bytes : new TextEncoder().encode(text)
}
