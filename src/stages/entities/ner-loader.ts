import { createNerMemory, loadNer } from './ner/index.js'
import type { NerLike, NerMemoryFactory } from './steps/07-ner.js'
import { readingCache } from '../../reading-caches.js'

/** The NER model when its trained files are there; null (KB and rules only) otherwise. */
export interface LoadedNer { readonly tagger: NerLike; readonly memory: NerMemoryFactory }

let loaded: LoadedNer | null | undefined
readingCache(() => { loaded = undefined })

/** Loads the NER tagger once; returns null when its model is missing or unreadable (the stage then uses rules). */
export function loadNerOrNull(): LoadedNer | null {
  if (loaded !== undefined) return loaded
  try { loaded = { tagger: loadNer(), memory: createNerMemory } } catch { loaded = null }
  return loaded
}
