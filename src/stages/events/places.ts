import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DATA_DIR } from '../../paths.js'
import { buildCountries } from '../../kb/countries.js'
import { EXTRA_PLACES } from './actors.data.js'

/** The knowledge base's own name of a country where it renames world-countries' ("Turkey", not "Türkiye"). */
const KB_NAMES = new Map<string, string>()
for (const line of readFileSync(join(DATA_DIR, 'kb', 'countries.jsonl'), 'utf8').split('\n')) {
  if (!line.startsWith('{')) continue
  const r = JSON.parse(line) as { id: string; name?: string }
  if (r.name) KB_NAMES.set(r.id.replace(/^GPE:/u, ''), r.name)
}

/** A place or country-like name known without the knowledge base. */
export interface KnownPlace { readonly name: string; readonly type: 'GPE' | 'ORG'; readonly country: string | null }

const places = new Map<string, KnownPlace>()
const demonyms = new Map<string, string>()
const codes = new Map<string, string>()
{
  // the knowledge base's own country seeds (a demonym a territory shares with a sovereign state is already the state's there)
  for (const seed of buildCountries()) {
    const common = seed.actor.name
    const c = KB_NAMES.get(seed.actor.affiliation!) ?? common
    places.set(c, { name: c, type: 'GPE', country: c })
    if (seed.independent || !codes.has(c)) codes.set(c, seed.actor.affiliation!)
    if (c !== common) places.set(common, { name: c, type: 'GPE', country: c })
    if (!places.has(seed.official)) places.set(seed.official, { name: c, type: 'GPE', country: c })
    for (const cap of seed.capitals) if (!places.has(cap)) places.set(cap, { name: cap, type: 'GPE', country: c })
    for (const w of seed.actor.demonyms ?? []) if (seed.independent || !demonyms.has(w)) demonyms.set(w, c)
  }
  for (const [k, v] of Object.entries(EXTRA_PLACES)) places.set(k, { ...v, country: v.type === 'GPE' ? v.name : null })
}

/** Country, capital or union named exactly by `text` (world-countries data plus a few abbreviations). */
export const knownPlace = (text: string): KnownPlace | undefined => places.get(text)

/** ISO 3166 alpha-3 code of a country by the knowledge base's name of it ("Russia" → "RUS"). */
export const countryCode = (name: string): string | undefined => codes.get(name)

/** Country of a nationality adjective ("Iranian" → "Iran"). */
export const countryOfDemonym = (word: string): string | undefined => demonyms.get(word)
