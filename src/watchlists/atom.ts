import type { Watchlist, WatchlistHit } from '../store/watchlists.js'
import { hitRoute, hitTitle } from './payload.js'
import { describeQuery } from './query.js'

/** Characters XML 1.0 refuses (C0 controls but tab, newline, return; U+FFFE/FFFF; lone surrogates): dropped from scraped text. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text made safe for XML content and attribute values (scraped text included). */
export function xmlText(s: unknown): string {
  return String(s ?? '').replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

/** The text of an entry: the sentence (or the members' sentences) and where it was read. */
function entryText(h: WatchlistHit): string {
  const r = h.record as Record<string, any>
  const where = (x: Record<string, any>) => [x.outlet, x.title ? `“${x.title}”` : null, x.published ? `published ${String(x.published).slice(0, 10)}` : 'undated'].filter(Boolean).join(', ')
  if (h.kind === 'contradiction') return [r.description, ...(r.members ?? []).map((m: Record<string, any>) => `${where(m)}: ${m.evidence?.text ?? ''}`)].join('\n\n')
  const facts = [r.date ? `dated ${r.date}` : 'undated', r.location ? `in ${r.location}` : null, r.reported_by ? `alleged by ${r.reported_by}` : null].filter(Boolean).join(', ')
  return `${r.sentence ?? r.evidence?.text ?? ''}\n\n${where(r)} (${facts})`
}

/**
 * A watchlist's hits as an Atom 1.0 feed (RFC 4287), newest first. `base` is the server's origin: each entry links to
 * the UI's view of the fact (the event card, or the page at the sentence), and to the page's own URL when it has one.
 * Every text is escaped; entry ids are tag-free URNs made of the watchlist id and the hit's stable key.
 */
export function atomFeed(w: Watchlist, hits: readonly WatchlistHit[], base: string): string {
  const updated = hits.reduce((m, h) => (h.found_at > m ? h.found_at : m), w.created_at)
  const self = `${base}/api/watchlists/${encodeURIComponent(w.id)}/feed.atom`
  const entries = hits.map((h) => {
    const r = h.record as Record<string, any>
    const page = h.kind === 'event' && typeof r.url === 'string' && /^https?:\/\//i.test(r.url) ? `\n    <link rel="related" href="${xmlText(r.url)}"/>` : ''
    return `  <entry>
    <id>urn:dossier:watchlist:${xmlText(w.id)}:${xmlText(h.key)}</id>
    <title type="text">${xmlText(hitTitle(h))}</title>
    <updated>${xmlText(h.found_at)}</updated>
    <published>${xmlText(h.found_at)}</published>
    <link rel="alternate" type="text/html" href="${xmlText(`${base}/${hitRoute(h)}`)}"/>${page}
    <category term="${xmlText(h.kind === 'event' ? r.type : 'contradiction')}"/>
    <content type="text">${xmlText(entryText(h))}</content>
  </entry>`
  })
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:dossier:watchlist:${xmlText(w.id)}</id>
  <title type="text">${xmlText(`Dossier watchlist: ${w.name}`)}</title>
  <subtitle type="text">${xmlText(describeQuery(w.query))}</subtitle>
  <updated>${xmlText(updated)}</updated>
  <author><name>Dossier</name></author>
  <generator>Dossier</generator>
  <link rel="self" type="application/atom+xml" href="${xmlText(self)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(`${base}/#/watchlists`)}"/>
${entries.join('\n')}
</feed>
`
}
