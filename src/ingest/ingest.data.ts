/** Pages above this many bytes are rejected: no real article is this big, and parsing it would stall the run. */
export const MAX_PAGE_BYTES = 10 * 1024 * 1024
/** A page whose first 4 KiB hold this share of control bytes (besides tab/newline) is binary, not text. */
export const BINARY_CONTROL_SHARE = 0.05
/** File extensions read as scraped page text, as HTML, and as JSON Lines of pages. */
export const TEXT_EXT = ['.txt']
export const HTML_EXT = ['.html', '.htm', '.xhtml']
export const JSONL_EXT = ['.jsonl', '.ndjson']
/** A .json file holds one news-please record (or an array of them). */
export const JSON_EXT = ['.json']
/** RSS and Atom feeds (any XML whose root is <rss>, <rdf:RDF> or <feed> is read as a feed too). */
export const FEED_EXT = ['.xml', '.rss', '.atom']
/** Web archives, plain or gzipped. */
export const WARC_EXT = ['.warc', '.warc.gz']
/** Progress is printed at most this often (ms) on long runs. */
export const PROGRESS_EVERY_MS = 1000
/** In one file of many pages, rejections of one rule past this many are counted in one entry instead of stored one by one. */
export const REJECTIONS_EACH = 20
/**
 * Pages are written in batches, one transaction each (atomic; a killed run loses at most the batch it was reading,
 * which the next run reads again): a batch is written at this many pages, or once its first page waited this long (ms).
 */
export const BATCH_PAGES = 32
export const BATCH_MS = 1000
/** A page read for longer than this (ms) is stopped and reported as `page-timeout` (`--page-timeout`): no page stalls a run. */
export const PAGE_TIMEOUT_MS = 120_000
