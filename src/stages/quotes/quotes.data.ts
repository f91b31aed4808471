/** Cue lists for direct quotations. */

/** Fewer words than this inside quotation marks is a scare quote or a term, not speech (gold convention). */
export const MIN_QUOTE_WORDS = 3

/** Verbs of saying that attribute a quotation to a speaker. */
export const REPORTING_VERBS: readonly string[] = [
  'said', 'says', 'say', 'saying', 'told', 'tells', 'added', 'adds', 'adding', 'warned', 'warns', 'warning', 'stated', 'states', 'noted',
  'notes', 'noting', 'remarked', 'asserted', 'asserts', 'emphasized', 'emphasised', 'stressed', 'declared', 'insisted', 'wrote', 'writes',
  'tweeted', 'posted', 'explained', 'urged', 'urging', 'continued', 'announced', 'argued', 'claimed', 'replied', 'responded', 'quoted',
  'pointing out', 'pointed out', 'acknowledged', 'admitted', 'vowed', 'pledged', 'promised', 'commented', 'concluded', 'observed',
  'recalled', 'complained', 'welcomed', 'condemned', 'accused', 'described', 'called', 'calling', 'according to', 'demanded', 'asked',
  'reiterated', 'affirmed', 'confirmed', 'denied', 'threatened', 'predicted', 'suggested', 'cautioned', 'highlighted', 'underlined',
]

/** Words between a closing mark and its verb that show a passive attribution ("X was quoted as saying"). */
export const PASSIVE_QUOTED = /\b(?:was|were|is|are)\s+quoted\b/u

/** Words between a closing mark and a verb that make the verb a second predicate of the subject before the quotation ("X called it “…” and said"). */
export const COORDINATED_VERB = /^\s*,?\s*(?:and|but|then|before|while)\b/u

/** Statement nouns whose author is named after "from"/"of" ("the statement from X's office", "a readout of the ministry"). */
export const STATEMENT_OF = /\b(?:statement|readout|communiqu[eé]|press\s+release|press\s+service|office|spokes(?:man|woman|person)|account)\s+(?:from|of|by|issued\s+by)\s+(?:the\s+)?$/iu

/** Statement nouns after a possessive name ("X's office said"). */
export const POSSESSIVE_STATEMENT = /^['’]s\s+(?:\p{Ll}+\s+)?(?:statement|readout|office|press\s+service|spokes(?:man|woman|person)|communiqu[eé])\b/u
