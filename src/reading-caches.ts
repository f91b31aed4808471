/**
 * The module-level caches that reading a page fills — models loaded on first use (syntax, NER, trigger model, their
 * word clusters), the knowledge base, the event lexicon, and memos of words and names — each with how to drop it.
 *
 * A page stopped mid-read by `--page-timeout` in the main thread (src/ingest/timed.ts: V8 ends the JavaScript
 * wherever it is) may leave one of them half built: a model's scratch arrays grown one of three (the parser's
 * `heads`, `labels`, `tags`), a table half filled. Ingest then drops the pipeline and every cache registered here
 * (`dropReadingCaches`), so the next page loads and fills them again as a fresh process would
 * (src/ingest/reading-caches.test.ts). Every module-level cache or memo a reading stage fills registers itself with
 * `readingCache`; tables built once when their module is imported (src/stages/events/places.ts) are never filled
 * during a page and need not. In a worker thread (`--workers`) a stopped page ends the worker: its caches go with it.
 */
const drops: (() => void)[] = []

/** Registers how to drop one module-level cache of the reading stages (it is filled again on its next use). */
export function readingCache(drop: () => void): void { drops.push(drop) }

/** Drops every registered cache: what a stopped page left half built is gone, and the next page starts as a fresh process does. */
export function dropReadingCaches(): void { for (const drop of drops) drop() }
