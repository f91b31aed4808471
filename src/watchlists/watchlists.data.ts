/** Tries of one webhook delivery before it is given up (`failed`, kept in the log; `dossier watchlists deliver --retry-failed` queues it again). */
export const WEBHOOK_MAX_ATTEMPTS = 8
/** Wait before the second try of a delivery (ms); doubled after each failed try: 30 s, 1 min, 2 min … about 1 h 4 min in all. */
export const WEBHOOK_BACKOFF_MS = 30_000
/** Longest wait between two tries (ms), whatever the doubling gives. */
export const WEBHOOK_MAX_BACKOFF_MS = 60 * 60_000
/** One POST, connection to answer (ms). */
export const WEBHOOK_TIMEOUT_MS = 10_000
/** A delivery taken by one deliverer is left to it this long (ms) before another may take it (a deliverer that died mid-POST). */
export const WEBHOOK_LEASE_MS = 60_000
/** Hits per webhook POST (a larger batch of new hits is split into several deliveries). */
export const WEBHOOK_BATCH = 100
/** Largest answer body read from a webhook receiver (bytes); the rest is dropped. */
export const WEBHOOK_MAX_ANSWER_BYTES = 64 * 1024
/** How often a server looks for due deliveries (ms). */
export const DELIVER_EVERY_MS = 5_000
/**
 * Documents stored this long before a watchlist's cursor are matched again (ms): a page another process stamped a
 * little before the cursor but committed after the last match (a batch is one transaction) is not missed; hits are
 * keyed, so nothing doubles.
 */
export const RESCAN_MS = 2 * 60_000
/** Documents read at a time while matching. */
export const MATCH_CHUNK = 100
/** Entries in a watchlist's Atom feed (newest first). */
export const FEED_ENTRIES = 100
/** Longest watchlist name and most entries of each list of a query (keeps one watchlist bounded). */
export const MAX_NAME = 200
export const MAX_TERMS = 50
