/**
 * Regenerates the built-in KB's index cache (data/kb/index.cache.json) after any change to data/kb/*.jsonl, to
 * kb.data.ts or to the index code: `node --import tsx src/kb/build-cache.ts`. `loadKb()` uses the cache only while
 * its content hash matches the files (else it builds from them, slower); a test fails when the cache is stale.
 */
import { writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { kbInputHash, serializeKb } from './cache.js'
import { buildKb, KB_BUILTIN_DIR, KB_CACHE_FILE } from './index.js'
import { buildPlaceSkeletons } from './name-index.js'

/** The cache text a fresh build of the built-in folder gives. */
export function freshCacheText(): string {
  const kb = buildKb()
  kb.index.placeSkeleton ??= buildPlaceSkeletons(kb.actors)
  return serializeKb(kb.actors, kb.parts, kb.index, kbInputHash([KB_BUILTIN_DIR]), KB_BUILTIN_DIR)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = freshCacheText()
  writeFileSync(KB_CACHE_FILE, text)
  console.log(`wrote ${(text.length / 1e6).toFixed(2)} MB to ${KB_CACHE_FILE}`)
}
