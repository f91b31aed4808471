import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DATA_DIR } from '../paths.js'
import { buildParts } from './build.js'
import { kbInputHash, restoreKb } from './cache.js'
import { createKb, type KnowledgeBase } from './kb.js'
import { KB_CACHE_FILE_NAME, KB_DIR_NAME } from './kb.data.js'
import { readKbDirs } from './read.js'
import { throwIfProblems } from './validate.js'
import type { Kb } from './types.js'
import { readingCache } from '../reading-caches.js'

export type { Kb, KbActor, KbRole, KbOffice, KbGeo, GazEntry } from './types.js'
export { foldName, translitKey, skeletonKey, similarWord, editDistance, slug } from './names.js'
export { covers, overlaps, dateFrom, dateTo } from './dates.js'
export { formatProblems, type KbProblem } from './validate.js'
export { caseForm, nameTokens, surnameOf } from './kb.js'

/** The built-in knowledge-base folder (data/kb). */
export const KB_BUILTIN_DIR = join(DATA_DIR, KB_DIR_NAME)

/** The generated index cache of the built-in folder (`node --import tsx src/kb/build-cache.ts` rewrites it). */
export const KB_CACHE_FILE = join(KB_BUILTIN_DIR, KB_CACHE_FILE_NAME)

const cache = new Map<string, Kb>()
readingCache(() => cache.clear())

/**
 * Loads the built-in knowledge base and merges user folders (`--kb <dir>`): files named after their kind
 * (people.jsonl, orgs.jsonl, groups.jsonl, places.jsonl, offices.jsonl, bodies.jsonl, countries.jsonl).
 * Throws DossierError E_KB listing every invalid line as `file:line: field "x": reason`.
 * Loads are cached per folder list (the KB is read-only once built). The built-in folder alone is restored from its
 * index cache when the cache's content hash matches the files; otherwise (user folders, edited or stale files) the
 * KB is built from the files.
 * @example const kb = loadKb(['./my-kb']); kb.actor('P:vladimir-putin')?.roles
 */
export function loadKb(extraDirs: readonly string[] = []): Kb {
  const key = extraDirs.join('\u0000')
  const hit = cache.get(key)
  if (hit) return hit
  const t0 = performance.now()
  const kb = (extraDirs.length ? null : loadCached()) ?? buildKb(extraDirs)
  kb.loadMs = performance.now() - t0
  cache.set(key, kb)
  return kb
}

/** Builds the KB from the built-in folder and user folders, validating every line. */
export function buildKb(extraDirs: readonly string[] = []): KnowledgeBase {
  const { records, problems } = readKbDirs([KB_BUILTIN_DIR, ...extraDirs], new Set([join(KB_BUILTIN_DIR, 'cities.jsonl')]))
  const parts = buildParts(records, problems)
  throwIfProblems(problems)
  return createKb(parts)
}

/** The built-in KB restored from its index cache, or null when there is none or it is stale. */
function loadCached(): KnowledgeBase | null {
  if (!existsSync(KB_CACHE_FILE)) return null
  // the cache is written in ASCII, so latin1 reads it exactly, and faster than utf8
  const restored = restoreKb(readFileSync(KB_CACHE_FILE, 'latin1'), kbInputHash([KB_BUILTIN_DIR]), KB_BUILTIN_DIR)
  if (!restored) return null
  const kb = createKb(restored.parts, restored.index, restored.cities)
  kb.from = 'cache'
  return kb
}
