/** Pages above this many bytes are rejected: no real article is this big, and parsing it would stall the run. */
export const MAX_PAGE_BYTES = 10 * 1024 * 1024
/** A page whose first 4 KiB hold this share of control bytes (besides tab/newline) is binary, not text. */
export const BINARY_CONTROL_SHARE = 0.05
/** File extensions read as scraped page text, as HTML, and as JSON Lines of pages. */
export const TEXT_EXT = ['.txt']
export const HTML_EXT = ['.html', '.htm', '.xhtml']
export const JSONL_EXT = ['.jsonl', '.ndjson']
/** Progress is printed at most this often (ms) on long runs. */
export const PROGRESS_EVERY_MS = 1000
