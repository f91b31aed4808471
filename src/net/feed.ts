import { readFeed } from '../ingest/formats/feed.js'

/** One item of a feed: the article's link and its title. */
export interface FeedItem { readonly link: string; readonly title: string | null }
export interface Feed { readonly items: readonly FeedItem[] }

/** Problems of readFeed that mean the text is no feed at all (an empty feed is a feed with no items). */
const NOT_A_FEED = new Set(['invalid-xml', 'not-a-feed'])

/**
 * The item links of an RSS 2.0, RSS 1.0 or Atom feed, read by the feed-file reader of `dossier ingest`
 * (src/ingest/formats/feed.ts): one parser for both. Links are made absolute against `base` (the feed's URL) and
 * kept once each, in feed order; items with no link are left out. Throws an Error with one line when the text is
 * no feed.
 */
export function parseFeed(xml: string, base?: string): Feed {
  const items = readFeed(xml, base ?? null)
  const whole = items.length === 1 && items[0]!.problem && NOT_A_FEED.has(items[0]!.problem.ruleId) ? items[0]!.problem : null
  if (whole) throw new Error(whole.reason)
  const seen = new Set<string>(), out: FeedItem[] = []
  for (const it of items) {
    if (!it.url) continue
    let link: string
    try { link = new URL(it.url, base).href } catch { continue }
    if (seen.has(link)) continue
    seen.add(link)
    out.push({ link, title: it.claims?.fields.title?.value ?? null })
  }
  return { items: out }
}
