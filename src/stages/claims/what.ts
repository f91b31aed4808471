import { GENERIC_PEOPLE, NOUN_ROLES, PEOPLE_NOUNS, ROLE_AFTER, VERB_ROLES } from './claims.data.js'

/** What a count counts, normalised so sources can be compared: the counted noun and its role ("people killed"). */
export interface Counted { readonly what: string; readonly unit: string; readonly noun: string; readonly role: string | null }

/** The role a count verb gives ("killing" → killed, "wounded" → injured); null for verbs that only report a count. */
export function roleOfVerb(verb: string | null | undefined): string | null {
  const v = (verb ?? '').trim().replace(/\s+/g, ' ')
  for (const [re, role] of VERB_ROLES) if (re.test(v)) return role
  return null
}

/** A plural demonym ("Palestinians", "Iranians") counts people of that nation. */
const isDemonymPlural = (w: string): boolean => /^\p{Lu}\p{Ll}+(?:ans|ians|is|ese|ers)$/u.test(w)

/**
 * Normalises a count: people nouns give the unit `people` (martyrs, victims, civilians, soldiers, Palestinians …);
 * generic ones ("martyrs", "victims", "dead") read as "people", a group keeps its noun ("children", "soldiers"). The
 * role comes from the count verb before the number, the verb after the noun ("had been killed") or the noun itself.
 * @example counted('martyrs', 'left', '') // { what: 'people killed', unit: 'people', … }
 */
export function counted(unitWord: string, verb: string | null, after: string, like: Counted | null = null, subset = false): Counted {
  const lw = unitWord.toLowerCase()
  // "others" counts more of what the previous count counted; "among them 6 children" shares its role
  if (lw === 'others' && like) return withRole(like.noun, like.unit, roleOfVerb(verb) ?? roleAfter(after))
  const people = PEOPLE_NOUNS.has(lw) || isDemonymPlural(unitWord)
  const noun = people && GENERIC_PEOPLE.has(lw) ? 'people' : people && isDemonymPlural(unitWord) ? unitWord : lw
  const role = roleOfVerb(verb) ?? roleAfter(after) ?? NOUN_ROLES[lw] ?? (subset ? like?.role ?? null : null)
  return withRole(noun, people ? 'people' : unitWord, role)
}

/** The same count with another role (a bare number after "wounding" repeats the previous count's noun). */
export const withRole = (noun: string, unit: string, role: string | null): Counted => ({ what: role ? `${noun} ${role}` : noun, unit, noun, role })

function roleAfter(after: string): string | null {
  const m = ROLE_AFTER.exec(after)
  return m ? roleOfVerb(m[1]) ?? m[1].toLowerCase() : null
}
