import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DATA_DIR } from '../../paths.js'
import { EXTRA_PLACES } from './actors.data.js'

interface CountryRow { name: { common: string; official: string }; cca3: string; independent?: boolean; capital?: string[]; demonyms?: { eng?: { m: string; f: string } } }

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
{
  const rows = createRequire(import.meta.url)('world-countries/countries.json') as CountryRow[]
  for (const r of rows) {
    const c = KB_NAMES.get(r.cca3) ?? r.name.common
    places.set(c, { name: c, type: 'GPE', country: c })
    if (c !== r.name.common) places.set(r.name.common, { name: c, type: 'GPE', country: c })
    if (!places.has(r.name.official)) places.set(r.name.official, { name: c, type: 'GPE', country: c })
    for (const cap of r.capital ?? []) if (!places.has(cap)) places.set(cap, { name: cap, type: 'GPE', country: c })
    // (a demonym a territory shares with a sovereign state is the state's: "Norwegian" is Norway's, not Svalbard's)
    const d = r.demonyms?.eng
    if (d) for (const w of [d.m, d.f]) if (r.independent || !demonyms.has(w)) demonyms.set(w, c)
  }
  for (const [k, v] of Object.entries(EXTRA_PLACES)) places.set(k, { ...v, country: v.type === 'GPE' ? v.name : null })
}

/** Country, capital or union named exactly by `text` (world-countries data plus a few abbreviations). */
export const knownPlace = (text: string): KnownPlace | undefined => places.get(text)

/** Country of a nationality adjective ("Iranian" → "Iran"). */
export const countryOfDemonym = (word: string): string | undefined => demonyms.get(word)
