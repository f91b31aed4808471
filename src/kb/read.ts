import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { KB_KINDS, parseJsonl, type KbProblem } from './validate.js'
import { pushAll } from '../doc/arrays.js'

/** A validated record with where it came from. */
export interface SourcedRecord { readonly rec: Record<string, unknown>; readonly file: string; readonly line: number }

/** Records of one folder (or several), grouped by file kind. */
export type KbRecords = Record<string, SourcedRecord[]>

/** The kind of a KB file from its name: `people.jsonl`, `people-extra.jsonl` → people; null for other files. */
export function kindOf(file: string): string | null {
  const stem = basename(file).replace(/\.jsonl$/, '')
  return KB_KINDS.find((k) => stem === k || stem.startsWith(k + '-') || stem.startsWith(k + '.')) ?? null
}

/**
 * Reads every `*.jsonl` file of the folders, validating each line; a `.jsonl` file of no known kind is a problem
 * (so a misnamed user file is reported, not silently ignored).
 */
export function readKbDirs(dirs: readonly string[], trustedFiles: ReadonlySet<string> = new Set()): { records: KbRecords; problems: KbProblem[] } {
  const records: KbRecords = Object.fromEntries(KB_KINDS.map((k) => [k, []]))
  const problems: KbProblem[] = []
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) { problems.push({ file: dir, line: 0, field: '', reason: 'expected a folder of .jsonl files, got nothing there' }); continue }
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
      const file = join(dir, name)
      const kind = kindOf(name)
      if (!kind) { problems.push({ file, line: 0, field: '', reason: `expected a file named after its kind (${KB_KINDS.join(', ')}), got "${name}"` }); continue }
      const parsed = parseJsonl(readFileSync(file, 'utf8'), file, kind, trustedFiles.has(file))
      pushAll(problems, parsed.problems)
      for (const r of parsed.records) records[kind]!.push({ ...r, file })
    }
  }
  return { records, problems }
}
