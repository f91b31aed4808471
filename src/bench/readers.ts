import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { pathToFileURL } from 'node:url'
import { WARCRecord, WARCSerializer } from 'warcio'
import { SHARED } from '../paths.js'
import { cleanPage, extractBody } from '../stages/clean/index.js'
import { applyClaims } from '../ingest/formats/claims.js'
import { readItems } from '../ingest/read.js'

/** Speed of one reader: items read per second (the reader alone), and read + cleaned (metadata claims applied). */
export interface ReaderSpeed { readonly items: number; readonly mb: number; readonly readItemsPerSec: number; readonly readMbPerSec: number; readonly cleanItemsPerSec: number }
export type ReadersBench = Record<'newsPleaseJsonl' | 'newsPleaseJsonArray' | 'rss' | 'atom' | 'warc' | 'warcGz', ReaderSpeed>

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

async function time(file: string, bytes: number, passes: number): Promise<ReaderSpeed> {
  let items = 0
  for await (const _ of readItems(file)) void _ // warm-up
  const t0 = performance.now()
  for (let k = 0; k < passes; k++) { items = 0; for await (const it of readItems(file)) if (it.page) items++ }
  const readMs = (performance.now() - t0) / passes
  const t1 = performance.now()
  for await (const it of readItems(file)) if (it.page) applyClaims(cleanPage(it.page), it.claims)
  const cleanMs = performance.now() - t1
  return { items, mb: bytes / 1e6, readItemsPerSec: items / (readMs / 1000), readMbPerSec: bytes / 1e6 / (readMs / 1000), cleanItemsPerSec: items / (cleanMs / 1000) }
}

/**
 * Times the input readers (news-please JSON Lines and JSON array, RSS, Atom, WARC plain and gzipped) on inputs
 * built from the article-extraction dev pages (each page's HTML in a WARC, its body in a record and a feed item),
 * repeated to `copies` copies of each page: the reader alone, then read + cleanPage.
 */
export async function benchReaders(devDir = join(SHARED, 'data/article-extraction/dev'), copies = 5, passes = 3): Promise<ReadersBench> {
  const html = readdirSync(join(devDir, 'html')).filter((f) => f.endsWith('.html')).sort().map((f) => readFileSync(join(devDir, 'html', f), 'utf8'))
  const pages = Array.from({ length: copies }, (_, c) => html.map((h, i) => ({ i: c * html.length + i, html: h, body: extractBody(h) }))).flat()
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-readers-'))
  try {
    const rec = (p: (typeof pages)[number]) => ({ title: `Article ${p.i}`, maintext: p.body.join('\n\n'), date_publish: '2024-03-04 10:00:00', date_download: '2024-03-05 08:00:00', authors: ['A. Writer'], url: `https://bench.test/${p.i}`, language: 'en', source_domain: 'bench.test' })
    const files: Record<keyof ReadersBench, [string, string | Buffer]> = {
      newsPleaseJsonl: ['records.jsonl', pages.map((p) => JSON.stringify(rec(p))).join('\n')],
      newsPleaseJsonArray: ['records.json', JSON.stringify(pages.map(rec))],
      rss: ['feed.rss', `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench</title>${pages.map((p) => `<item><title>Article ${p.i}</title><link>https://bench.test/${p.i}</link><guid>${p.i}</guid><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate><content:encoded><![CDATA[${p.body.map((x) => `<p>${x}</p>`).join('')}]]></content:encoded></item>`).join('\n')}</channel></rss>`],
      atom: ['feed.atom', `<feed xmlns="http://www.w3.org/2005/Atom"><title>Bench</title>${pages.map((p) => `<entry><title>Article ${p.i}</title><link href="https://bench.test/${p.i}"/><id>${p.i}</id><updated>2024-03-04T10:00:00Z</updated><content type="html">${esc(p.body.map((x) => `<p>${esc(x)}</p>`).join(''))}</content></entry>`).join('\n')}</feed>`],
      warc: ['crawl.warc', ''],
      warcGz: ['crawl.warc.gz', ''],
    }
    for (const gzip of [false, true]) {
      const parts: Uint8Array[] = []
      for (const p of pages) {
        parts.push(await WARCSerializer.serialize(WARCRecord.create({ url: `https://bench.test/${p.i}`, date: '2024-03-05T08:00:00Z', type: 'request', httpHeaders: { Host: 'bench.test' }, statusline: `GET /${p.i} HTTP/1.1` }, [new Uint8Array()]), { gzip }))
        parts.push(await WARCSerializer.serialize(WARCRecord.create({ url: `https://bench.test/${p.i}`, date: '2024-03-05T08:00:00Z', type: 'response', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' }, statusline: 'HTTP/1.1 200 OK' }, [new TextEncoder().encode(p.html)]), { gzip }))
      }
      files[gzip ? 'warcGz' : 'warc'][1] = Buffer.concat(parts)
    }
    const out: Partial<ReadersBench> = {}
    for (const [k, [name, content]] of Object.entries(files) as [keyof ReadersBench, [string, string | Buffer]][]) {
      const file = join(dir, name)
      writeFileSync(file, content)
      out[k] = await time(file, Buffer.byteLength(content), passes)
    }
    return out as ReadersBench
  } finally { rmSync(dir, { recursive: true, force: true }) }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchReaders()
  for (const [k, s] of Object.entries(r)) console.log(`${k.padEnd(20)} ${s.items} items, ${s.mb.toFixed(1)} MB: read ${s.readItemsPerSec.toFixed(0)} items/s (${s.readMbPerSec.toFixed(1)} MB/s), read + clean ${s.cleanItemsPerSec.toFixed(0)} items/s`)
}
