/**
 * Agent nouns: the common nouns that name an actor without a name ("protesters", "officials", "the international
 * community", "rebels"), so the event coder can keep them as plain-text actors. Built by `npm run build:lexicon`
 * from the CAMEO agent dictionaries (PETRARCH2 `Phoenix.agents.txt`, MIT; NGEC `PLOVER_agents.txt`, MIT) into
 * data/plover/agents.txt (one singular lower-case noun a line), plus the collective nouns of news text below.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT, SHARED } from '../paths.js'
import { readingCache } from '../reading-caches.js'

export const AGENTS_FILE = join(REPO_ROOT, 'data', 'plover', 'agents.txt')
export const AGENT_DICTIONARIES = [join(SHARED, 'data', 'events', 'petrarch2', 'Phoenix.agents.txt'), join(SHARED, 'data', 'events', 'ngec', 'PLOVER_agents.txt')]

/** Collective actors of diplomatic news the agent dictionaries leave out (states and their groupings). */
const COLLECTIVE = ['community', 'country', 'state', 'nation', 'side', 'party', 'power', 'ally', 'partner', 'member', 'neighbor', 'neighbour', 'signatory',
  'guarantor', 'delegation', 'authority', 'administration', 'regime', 'coalition', 'bloc', 'camp', 'government', 'official', 'leader', 'diplomat',
  // who reports without being named ("a news agency reported", "sources said")
  'agency', 'newspaper', 'outlet', 'channel', 'broadcaster', 'source', 'media']

/** The one-word agent nouns of CAMEO agent dictionaries' text (lines `NOUN {IRREGULAR_PLURAL} [~CODE]`). */
export function agentNouns(dictionaries: readonly string[]): string[] {
  const out = new Set<string>(COLLECTIVE)
  for (const text of dictionaries) for (const line of text.split('\n')) {
    const m = /^([A-Z][A-Z'-]*)(?:\s*\{[^}]*\})?\s*\[~?[A-Z]/.exec(line.trim())
    if (m && m[1]!.length > 2) out.add(m[1]!.toLowerCase())
  }
  return [...out].sort()
}

let cached: ReadonlySet<string> | null = null
readingCache(() => { cached = null })
/** The committed agent nouns. */
export function agentNounSet(): ReadonlySet<string> {
  cached ??= new Set(readFileSync(AGENTS_FILE, 'utf8').split('\n').filter(Boolean))
  return cached
}
