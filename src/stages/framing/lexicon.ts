import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { DossierError } from '../../errors.js'
import { FRAMING_LEXICON, type LexiconEntry } from './framing.data.js'

/** A lexicon entry ready to match: its pattern compiled once. */
export interface CompiledEntry extends LexiconEntry { readonly re: RegExp }

/**
 * One entry of a user lexicon file (JSON: an array of these, or `{ "terms": [...] }`).
 * Give either `phrases` (literal, matched on word boundaries, case-insensitive) or `pattern` (a regular expression).
 * @example [{ "term": "Kiev regime", "neutral": "Ukrainian government", "phrases": ["Kiev regime"], "users": ["Russian state media"] }]
 */
const UserEntry = z.object({
  id: z.string().min(1).optional(),
  term: z.string().min(1),
  neutral: z.string().min(1),
  phrases: z.array(z.string().min(1)).min(1).optional(),
  pattern: z.string().min(1).optional(),
  caseSensitive: z.boolean().optional(),
  quoted: z.boolean().optional(),
  users: z.array(z.string()).default([]),
  reason: z.string().default('user lexicon'),
  polarity: z.union([z.literal(-1), z.literal(0), z.literal(1)]).default(-1),
}).refine((e) => !!e.phrases !== !!e.pattern, { message: 'give exactly one of `phrases` or `pattern`' })
const UserFile = z.union([z.array(UserEntry), z.object({ terms: z.array(UserEntry) })])

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')

/** Compiles entries; throws E_KB with the entry id when a pattern is not a valid regular expression. */
export function compileLexicon(entries: readonly LexiconEntry[]): CompiledEntry[] {
  return entries.map((e) => {
    try { return { ...e, re: new RegExp(e.pattern, (e.caseSensitive ? 'gu' : 'giu') + (e.quoted ? 'd' : '')) } } catch (cause) {
      throw new DossierError('E_KB', `Expected a valid pattern in framing entry \`${e.id}\`, got ${(cause as Error).message}`, { entry: e.id }, { cause })
    }
  })
}

/** Reads and validates one user lexicon file. */
export function readLexiconFile(path: string): LexiconEntry[] {
  let json: unknown
  try { json = JSON.parse(readFileSync(path, 'utf8')) } catch (cause) {
    throw new DossierError('E_KB', `Expected JSON in lexicon file ${path}, got ${(cause as Error).message}`, { path }, { cause })
  }
  const parsed = UserFile.safeParse(json)
  if (!parsed.success) throw new DossierError('E_KB', `Expected a JSON list of {term, neutral, phrases | pattern} in ${path}, got:\n${z.prettifyError(parsed.error)}`, { path })
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.terms
  return list.map((e, i) => ({
    id: e.id ?? `user-${i}-${e.term.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`,
    pattern: e.pattern ?? `\\b(?:${e.phrases!.map(escapeRe).join('|')})\\b`,
    caseSensitive: e.caseSensitive, quoted: e.quoted, term: e.term, neutral: e.neutral, users: e.users, reason: e.reason, polarity: e.polarity,
  }))
}

/** The built-in lexicon merged with every `*.json` file of the given folders (user entries replace built-ins with the same id). */
export function loadLexicon(extraDirs: readonly string[] = []): CompiledEntry[] {
  const byId = new Map<string, LexiconEntry>(FRAMING_LEXICON.map((e) => [e.id, e]))
  for (const dir of extraDirs) {
    let files: string[]
    try { files = statSync(dir).isDirectory() ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f)) : [dir] } catch (cause) {
      throw new DossierError('E_KB', `Expected a lexicon folder or file at ${dir}, got ${(cause as Error).message}`, { dir }, { cause })
    }
    for (const f of files) for (const e of readLexiconFile(f)) byId.set(e.id, e)
  }
  return compileLexicon([...byId.values()])
}
