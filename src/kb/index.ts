import { join } from 'node:path'
import { DATA_DIR } from '../paths.js'
import { buildParts } from './build.js'
import { createKb } from './kb.js'
import { KB_DIR_NAME } from './kb.data.js'
import { readKbDirs } from './read.js'
import { throwIfProblems } from './validate.js'
import type { Kb } from './types.js'

export type { Kb, KbActor, KbRole, KbOffice, KbGeo, GazEntry } from './types.js'
export { foldName, translitKey, skeletonKey, similarWord, editDistance, slug } from './names.js'
export { covers, overlaps, dateFrom, dateTo } from './dates.js'
export { formatProblems, type KbProblem } from './validate.js'
export { caseForm, nameTokens, surnameOf } from './kb.js'

/** The built-in knowledge-base folder (data/kb). */
export const KB_BUILTIN_DIR = join(DATA_DIR, KB_DIR_NAME)

const cache = new Map<string, Kb>()

/**
 * Loads the built-in knowledge base and merges user folders (`--kb <dir>`): files named after their kind
 * (people.jsonl, orgs.jsonl, groups.jsonl, places.jsonl, offices.jsonl, bodies.jsonl, countries.jsonl).
 * Throws DossierError E_KB listing every invalid line as `file:line: field "x": reason`.
 * Loads are cached per folder list (the KB is read-only once built).
 * @example const kb = loadKb(['./my-kb']); kb.actor('P:vladimir-putin')?.roles
 */
export function loadKb(extraDirs: readonly string[] = []): Kb {
  const key = extraDirs.join('\u0000')
  const hit = cache.get(key)
  if (hit) return hit
  const t0 = performance.now()
  const { records, problems } = readKbDirs([KB_BUILTIN_DIR, ...extraDirs], new Set([join(KB_BUILTIN_DIR, 'cities.jsonl')]))
  const parts = buildParts(records, problems)
  throwIfProblems(problems)
  const kb = createKb(parts)
  kb.loadMs = performance.now() - t0
  cache.set(key, kb)
  return kb
}
