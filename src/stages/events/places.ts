import { createRequire } from 'node:module'
import { EXTRA_PLACES } from './actors.data.js'

interface CountryRow { name: { common: string; official: string }; capital?: string[]; demonyms?: { eng?: { m: string; f: string } } }

/** A place or country-like name known without the knowledge base. */
export interface KnownPlace { readonly name: string; readonly type: 'GPE' | 'ORG'; readonly country: string | null }

const places = new Map<string, KnownPlace>()
const demonyms = new Map<string, string>()
{
  const rows = createRequire(import.meta.url)('world-countries/countries.json') as CountryRow[]
  for (const r of rows) {
    const c = r.name.common
    places.set(c, { name: c, type: 'GPE', country: c })
    if (!places.has(r.name.official)) places.set(r.name.official, { name: c, type: 'GPE', country: c })
    for (const cap of r.capital ?? []) if (!places.has(cap)) places.set(cap, { name: cap, type: 'GPE', country: c })
    const d = r.demonyms?.eng
    if (d) { demonyms.set(d.m, c); demonyms.set(d.f, c) }
  }
  for (const [k, v] of Object.entries(EXTRA_PLACES)) places.set(k, { ...v, country: v.type === 'GPE' ? v.name : null })
}

/** Country, capital or union named exactly by `text` (world-countries data plus a few abbreviations). */
export const knownPlace = (text: string): KnownPlace | undefined => places.get(text)

/** Country of a nationality adjective ("Iranian" → "Iran"). */
export const countryOfDemonym = (word: string): string | undefined => demonyms.get(word)
