import { MAX_PAGE_BYTES } from '../ingest/ingest.data.js'

/** A fetch (headers and body together) that takes longer than this is given up. */
export const FETCH_TIMEOUT_MS = 20_000
/** Redirects followed before giving up (each hop's address is checked again). */
export const MAX_REDIRECTS = 5
/** The largest page body read (after decompression); the same cap as a page file. */
export const MAX_FETCH_BYTES = MAX_PAGE_BYTES
/** The largest robots.txt read; Google reads 500 KiB. */
export const MAX_ROBOTS_BYTES = 500 * 1024
/** How Dossier names itself to servers and to robots.txt groups. */
export const USER_AGENT = 'Dossier/0.1 (offline-first news reader; +https://github.com/dossier)'
/** The robots.txt group name Dossier obeys (besides `*`). */
export const ROBOTS_AGENT = 'Dossier'
/** Content types read as a page, and as a feed. */
export const PAGE_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain']
export const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml', 'text/plain', 'text/html']
/** watch: defaults of its options (the CLI may override each). */
export const WATCH_EVERY_MS = 15 * 60_000
export const HOST_DELAY_MS = 2_000
export const RETRIES = 3
export const BACKOFF_MS = 1_000
export const MAX_QUEUE = 200
/** An article that failed this many polls is given up (kept in the state as failed). */
export const MAX_ATTEMPTS = 5
/** A robots.txt is read again after this long; one that could not be read, after the short one. */
export const ROBOTS_TTL_MS = 24 * 3600_000
export const ROBOTS_ERROR_TTL_MS = 5 * 60_000
/** A crawl-delay above this is capped (a site asking for an hour between requests is still read, slowly). */
export const MAX_CRAWL_DELAY_MS = 60_000
