/**
 * The data-built PLOVER trigger lexicon (`data/plover/lexicon.json`, built by `npm run build:lexicon`) and a small
 * look-up for the event coder: a word form, with the preposition and object the parse gives it, → the entry that
 * codes it. The most specific entry wins: object and preposition, then object, then preposition, then the bare word.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../../paths.js'
import type { Lexicon, LexiconEntry } from './build.js'
import { readingCache } from '../../reading-caches.js'

export type { Lexicon, LexiconEntry } from './build.js'

export const LEXICON_PATH = join(REPO_ROOT, 'data', 'plover', 'lexicon.json')

export interface TriggerQuery {
  readonly pos?: LexiconEntry['pos']
  /** a preposition or particle attached to the word ("accused … of" → "of") */
  readonly prep?: string | null
  /** the words of its object's phrase, lower case ("new", "sanctions"); the last one is the head */
  readonly object?: readonly string[] | null
  /** the words of the preposition's object ("called for" + "a ceasefire" → ["a", "ceasefire"]) */
  readonly prepObject?: readonly string[] | null
}

export class LexiconIndex {
  private readonly byForm = new Map<string, LexiconEntry[]>()
  private readonly classes: ReadonlyMap<string, ReadonlySet<string>>

  constructor(readonly lexicon: Lexicon) {
    for (const e of lexicon.entries) for (const f of e.forms) this.byForm.set(f, [...(this.byForm.get(f) ?? []), e])
    this.classes = new Map(Object.entries(lexicon.classes ?? {}).map(([k, v]) => [k, new Set(v)]))
  }

  /** Every entry a form can start (any condition). */
  entriesOf(form: string): readonly LexiconEntry[] { return this.byForm.get(form.toLowerCase()) ?? [] }

  /** Whether an object phrase satisfies an entry's object condition (a phrase: all its words, ending in the head). */
  objectFits(e: LexiconEntry, words: readonly string[]): boolean {
    if (!e.object) return true
    const ws = words.map((w) => w.toLowerCase())
    const head = ws.at(-1)
    if (!head) return false
    const heads = [head, singularOf(head)]
    if (e.objectClass) {
      const cls = this.classes.get(e.object)
      return !!cls && (heads.some((h) => cls.has(h)) || cls.has([...ws.slice(0, -1), singularOf(head)].join(' ')))
    }
    const need = e.object.split(' ')
    return heads.includes(need.at(-1)!) && need.slice(0, -1).every((w) => ws.includes(w))
  }

  /** The entry that codes `form` in this context, or null. */
  match(form: string, q: TriggerQuery = {}): LexiconEntry | null {
    const cands = this.entriesOf(form).filter((e) => (!q.pos || e.pos === q.pos))
    const prep = q.prep?.toLowerCase() ?? null
    const obj = q.object ?? []
    const rank = (e: LexiconEntry): number => {
      if (e.prep && e.prep !== prep) return -1
      // an entry with a preposition names either the verb's object or the preposition's ("call for a ceasefire")
      if (e.object && !this.objectFits(e, obj) && !(e.prep && this.objectFits(e, q.prepObject ?? []))) return -1
      return (e.object ? 2 : 0) + (e.prep ? 1 : 0)
    }
    let best: LexiconEntry | null = null, bestRank = -1
    for (const e of cands) { const r = rank(e); if (r > bestRank || (r === bestRank && best && e.count > best.count)) { best = e; bestRank = r } }
    return bestRank >= 0 ? best : null
  }
}

const singularOf = (w: string): string => (/(?:ss|us|is)$/.test(w) || w.length <= 3 ? w : /ies$/.test(w) ? `${w.slice(0, -3)}y` : /(?:ches|shes|sses|xes|zes)$/.test(w) ? w.slice(0, -2) : w.endsWith('s') ? w.slice(0, -1) : w)

let cached: LexiconIndex | null = null
readingCache(() => { cached = null })

/** The committed lexicon, read once. */
export function lexicon(): LexiconIndex {
  cached ??= new LexiconIndex(JSON.parse(readFileSync(LEXICON_PATH, 'utf8')) as Lexicon)
  return cached
}
