/**
 * A second, independent gazetteer channel from the `world-countries` package (a runtime dependency):
 * country names and capitals as LOC, demonyms (singular and plural) as MISC, as CoNLL tags them.
 * It is the same at training and run time, so the model learns how far to trust it.
 */
import { createRequire } from 'node:module'
import { Gazetteer } from './gazetteer.js'

interface Country {
  name: { common: string; official: string }
  capital?: string[]
  altSpellings?: string[]
  demonyms?: { eng?: { f: string; m: string } }
}

/** Splits a name like CoNLL does for the simple cases: spaces, and a final period kept on abbreviations. */
function words(name: string): string[] {
  return name.split(/\s+/).filter(Boolean)
}

/** Builds the world gazetteer (about 1,500 names). */
export function worldGazetteer(): Gazetteer {
  const countries = createRequire(import.meta.url)('world-countries') as Country[]
  const g = new Gazetteer()
  for (const c of countries) {
    const places = [c.name.common, c.name.official, ...(c.capital ?? []), ...(c.altSpellings ?? []).filter((s) => s.length > 3)]
    for (const p of places) if (!p.includes(',')) g.add(words(p), 'LOC')
    const d = c.demonyms?.eng
    for (const dem of d ? new Set([d.m, d.f]) : []) {
      if (!dem) continue
      g.add(words(dem), 'MISC')
      g.add(words(dem + 's'), 'MISC')
    }
  }
  return g
}
