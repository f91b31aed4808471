/** Patterns of casualty figures in running text (docs/cross-source.md, "Contradictions"). Named groups: `q` qualifier, `n` number, `u` who is counted (people, civilians …) when written. */

/** Qualifiers written before a figure. */
export const QUALIFIERS = '(?:(?<q>at least|more than|over|nearly|almost|about|around|some|up to)\\s+)?'
const N = '(?<n>\\d{1,3}(?:,\\d{3})+|\\d+)(?![\\d.,]*\\s*(?:%|per ?cent|percent|km|kilomet|miles|years?|days?|hours?|am|pm))'

/** A figure with its measure word right by it: "a toll of 41", "41 dead", "killing 37", "37 people were killed". */
export const CASUALTY_FIGURE_PATTERNS: readonly { readonly measure: string; readonly re: RegExp }[] = [
  { measure: 'killed', re: new RegExp(`\\b(?:death\\s+)?toll\\s+(?:of|at|to|stood at|stands at|rose to|has risen to|reached|climbed to)\\s+${QUALIFIERS}${N}`, 'gi') },
  { measure: 'killed', re: new RegExp(`\\b(?:killing|killed|left)\\s+${QUALIFIERS}${N}(?=\\s+(?<u>people|civilians|persons|dead|others|victims)\\b)`, 'gi') },
  { measure: 'killed', re: new RegExp(`${QUALIFIERS}${N}\\s+(?:(?<u>people|civilians|persons)\\s+)?(?:dead|killed|died|were killed|had been killed|have been killed|have died)\\b`, 'gi') },
  { measure: 'injured', re: new RegExp(`\\b(?:wounding|wounded|injuring|injured)\\s+${QUALIFIERS}${N}(?=\\s+(?<u>people|civilians|persons|others)\\b)`, 'gi') },
  { measure: 'injured', re: new RegExp(`${QUALIFIERS}${N}\\s+(?:(?<u>people|civilians|persons)\\s+)?(?:wounded|injured|were wounded|were injured)\\b`, 'gi') },
]

/** A bare figure after a saying verb, closing its clause ("the governor's office says 37,"): a second source's figure for the same count. */
export const ELLIPTIC_FIGURE_RE = new RegExp(`\\b(?:says|said|say|puts it at|put it at|puts the figure at|put the figure at|gives|gave|reports|reported|claims|claimed)\\s+${QUALIFIERS}${N}(?=\\s*(?:[,.;:]|\\band\\b|\\bbut\\b|$))`, 'gi')
