import { createRequire } from 'node:module'
import type { KbActor } from './types.js'

interface WorldCountry {
  name: { common: string; official: string }
  cca2: string; cca3: string; capital?: string[]; altSpellings?: string[]; latlng?: [number, number]
  demonyms?: { eng?: { f: string; m: string } }; independent?: boolean | null
}

/** A country built from the world-countries package, with its official name, the names of its capitals and whether it is sovereign. */
export interface CountrySeed { readonly actor: KbActor; readonly official: string; readonly capitals: readonly string[]; readonly iso2: string; readonly independent: boolean }

/** Names from `altSpellings` worth matching: not codes ("IR"), not inverted ("Iran, Islamic Republic of"), not native script. */
function usefulSpelling(s: string): boolean {
  return s.length > 3 && !s.includes(',') && !/^[A-Z]{2,3}$/.test(s) && /^[\p{Script=Latin}\s'’.()-]+$/u.test(s) && !/[āēīōūǎěǐǒǔ]/.test(s)
}

/** Every country (250) as a GPE actor `GPE:<ISO3>`: common and official names, useful spellings, demonyms, capitals. */
export function buildCountries(): CountrySeed[] {
  const require = createRequire(import.meta.url)
  const list = require('world-countries') as WorldCountry[]
  const demonymsOf = (c: WorldCountry): string[] => { const dem = c.demonyms?.eng; return dem ? [...new Set([dem.m, dem.f].filter((d) => d && d.length > 2))] : [] }
  // a demonym a territory shares with a sovereign state is the state's ("Norwegian" is Norway's, not Svalbard's)
  const sovereign = new Set(list.filter((c) => c.independent).flatMap(demonymsOf))
  return list.map((c) => {
    const aliases = [...new Set([c.name.common, c.name.official, ...(c.altSpellings ?? []).filter(usefulSpelling)])]
    const demonyms = demonymsOf(c).filter((d) => c.independent || !sovereign.has(d))
    const actor: KbActor = {
      id: `GPE:${c.cca3}`, name: c.name.common, type: 'GPE', affiliation: c.cca3, code: c.cca3, aliases, roles: [], demonyms,
      geo: c.latlng ? { lat: c.latlng[0], lon: c.latlng[1], country: c.cca3 } : null, origin: 'world-countries',
    }
    return { actor, official: c.name.official, capitals: c.capital ?? [], iso2: c.cca2, independent: !!c.independent }
  })
}
