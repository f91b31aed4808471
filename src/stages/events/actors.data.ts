/** Word lists used to find actor phrases when the entities layer has nothing at a position. */

/** Prepositions: an actor right after one (or after one + determiner) is not a clause subject. */
export const PREPOSITIONS: ReadonlySet<string> = new Set([
  'of', 'in', 'to', 'with', 'for', 'from', 'at', 'on', 'against', 'by', 'between', 'about', 'over', 'across', 'into',
  'among', 'toward', 'towards', 'outside', 'inside', 'throughout', 'beyond', 'behind', 'around', 'per', 'following', 'including', 'regarding', 'concerning', 'under', 'after', 'before', 'during', 'since', 'near', 'within', 'without', 'upon', 'via', 'than', 'like',
])

/** Determiners and possessive pronouns that may sit between a preposition and its noun. */
export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'this', 'that', 'these', 'those', 'our', 'my'])

/** Titles and ranks stripped from the front of a name ("Maj. Gen. X", "President X"); a stripped title marks a person. */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'president', 'prime', 'minister', 'secretary', 'general', 'gen', 'gen.', 'maj', 'maj.', 'major', 'brig', 'brig.', 'brigadier', 'lt', 'lt.',
  'col', 'col.', 'colonel', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'commander', 'chief', 'spokesman', 'spokesperson',
  'spokeswoman', 'foreign', 'defense', 'defence', 'leader', 'king', 'queen', 'prince', 'sheikh', 'ayatollah', 'senator', 'sen.',
  'governor', 'ambassador', 'admiral', 'adm.', 'deputy', 'vice', 'chancellor', 'premier', 'envoy', 'pope', 'sir', 'lord', 'capt.', 'captain',
  'sayyed', 'seyed', 'seyyed', 'sayyid', 'sayed', 'syed', 'hojatoleslam', 'hojjatoleslam',
])

/** Title abbreviations that keep their trailing period inside the name. */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set(['Gen', 'Maj', 'Brig', 'Lt', 'Col', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sen', 'Adm', 'Capt', 'St'])

/** Last words that make a capitalised phrase an organisation. */
export const ORG_WORDS: ReadonlySet<string> = new Set([
  'council', 'ministry', 'agency', 'group', 'union', 'committee', 'organization', 'organisation', 'party', 'army', 'forces', 'guard',
  'corps', 'police', 'bank', 'times', 'news', 'post', 'press', 'media', 'parliament', 'assembly', 'government', 'office', 'department',
  'court', 'university', 'company', 'corporation', 'front', 'movement', 'brigades', 'navy', 'presidency', 'secretariat', 'nations',
  'today', 'kremlin', 'pentagon', 'commission', 'service', 'institute', 'alliance', 'coalition', 'federation', 'administration',
])

/** Capitalised words that begin sentences but are not names (determiners, prepositions, pronouns, adverbs). */
export const SENTENCE_STOPWORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'during', 'after', 'before', 'according', 'following', 'last', 'this', 'earlier', 'however',
  'but', 'and', 'so', 'such', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'as', 'for', 'while', 'when', 'since', 'with',
  'meanwhile', 'also', 'both', 'many', 'some', 'thousands', 'hundreds', 'there', 'that', 'if', 'although', 'his', 'her', 'their',
  'its', 'our', 'today', 'yesterday', 'so far', 'evidence', 'share', 'related', 'read', 'more', 'from', 'by', 'to', 'of', 'new', 'former',
  'top', 'senior', 'newly-elected', 'other', 'all', 'each', 'every', 'no', 'not', 'why', 'what', 'who', 'how', 'where', 'islamist',
])

/** Words that join capitalised words inside one name ("Group of Seven", "University of the Revolution"). */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set(['of', 'the', 'for', 'de', 'al', 'bin', 'el', 'von', 'van', 'der'])

/** Plural or collective nouns that turn a nationality adjective into its country ("Iranian officials" → Iran). */
export const GROUP_NOUNS: ReadonlySet<string> = new Set([
  'officials', 'leaders', 'forces', 'troops', 'military', 'government', 'authorities', 'media', 'diplomats', 'ministry', 'army',
  'spokesperson', 'spokesman', 'side', 'officers', 'state', 'navy', 'air', 'soldiers', 'regime', 'delegation', 'president', 'presidency',
  'entities', 'companies', 'firms', 'individuals', 'banks', 'citizens', 'nationals', 'institutions', 'diplomat', 'envoy', 'lawmakers',
])

/** Role nouns of an unnamed office holder ("the Russian leader"): resolved to the last person subject. */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'leader', 'president', 'chief', 'minister', 'official', 'spokesman', 'spokesperson', 'counterpart', 'commander', 'head', 'secretary',
  'envoy', 'diplomat', 'premier', 'general', 'spokeswoman', 'ambassador', 'negotiator', 'chairman', 'speaker', 'prosecutor', 'lawmaker', 'admiral',
])

/** Common abbreviations of countries and unions that no country list spells. */
export const EXTRA_PLACES: Readonly<Record<string, { name: string; type: 'GPE' | 'ORG' }>> = {
  US: { name: 'United States', type: 'GPE' }, 'U.S.': { name: 'United States', type: 'GPE' }, USA: { name: 'United States', type: 'GPE' },
  UK: { name: 'United Kingdom', type: 'GPE' }, 'U.K.': { name: 'United Kingdom', type: 'GPE' }, EU: { name: 'European Union', type: 'ORG' },
  'United States': { name: 'United States', type: 'GPE' }, 'European Union': { name: 'European Union', type: 'ORG' },
  Gaza: { name: 'Gaza', type: 'GPE' }, 'Gaza Strip': { name: 'Gaza Strip', type: 'GPE' }, 'West Bank': { name: 'West Bank', type: 'GPE' },
}

/** Personal pronouns that may stand for an earlier subject. */
export const PRONOUNS: Readonly<Record<string, 'person' | 'thing' | 'group'>> = { he: 'person', she: 'person', him: 'person', it: 'thing', they: 'group', them: 'group' }

/** Plural nouns that, after a capitalised non-national adjective, name a collective actor ("Western leaders", "Gulf states"). */
export const COLLECTIVE_NOUNS: ReadonlySet<string> = new Set(['leaders', 'governments', 'powers', 'countries', 'states', 'nations', 'allies', 'officials', 'diplomats', 'monarchies', 'capitals'])

/** Common irregular past forms: a phrase after one is its object ("sent Tehran a message"), and the preposition walk stops there. */
export const IRREGULAR_VERBS: ReadonlySet<string> = new Set([
  'sent', 'gave', 'told', 'met', 'saw', 'made', 'took', 'brought', 'wrote', 'paid', 'sold', 'held', 'left', 'won', 'lost', 'struck',
  'hit', 'shot', 'bought', 'sought', 'kept', 'found', 'led', 'fled', 'urged', 'meets', 'sees', 'tells', 'gives', 'sends',
])

/** Copulas: a phrase right after one is a predicate ("who was Russia's defence minister"), never a subject. */
export const COPULAS: ReadonlySet<string> = new Set(['was', 'is', 'were', 'are', 'been', 'be', 'became', 'becomes', 'remains', 'remained'])

/** Title and role words that may stand between an organisation or place and a person's name ("X Ministry spokeswoman Y"). */
export const TITLE_GAP_WORDS: ReadonlySet<string> = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'secretary', 'minister', 'chief', 'head', 'commander', 'director', 'chairman', 'president',
  'envoy', 'ambassador', 'official', 'adviser', 'advisor', 'general', 'of', 'staff', 'deputy', 'foreign', 'defence', 'defense', 'security',
  'national', 'leader', 'speaker', 'governor', 'mayor', 'representative', 'aide', 'major', 'brigadier', 'maj', 'gen', 'the',
])
