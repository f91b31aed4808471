/** Cue lists for numeric claims. The conventions are explained in docs/coding-rules.md. */

/** Hedges before a number, kept as the claim's qualifier (longest first when matching). */
export const QUALIFIERS: readonly string[] = [
  'at least', 'more than', 'over', 'almost', 'nearly', 'about', 'around', 'up to', 'fewer than', 'less than', 'some', 'approximately',
  'roughly', 'as many as', 'at most', 'no fewer than', 'close to', 'an estimated', 'estimated', 'upwards of', 'in excess of', 'just over', 'just under',
]

/** Scale words after a number ("4.5 million"). */
export const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, lakh: 1e5, crore: 1e7 }

/** Number words that state an exact count ("two explosions"); "one" is left out: it is mostly a pronoun or an article. */
export const WRITTEN_NUMBERS: Readonly<Record<string, number>> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
}

/** Words before a written number that make it a reference, not a count ("the two leaders", "both three"). */
export const REFERENCE_DETERMINERS: ReadonlySet<string> = new Set(['the', 'its', 'their', 'these', 'those', 'his', 'her', 'our', 'all', 'both', 'first', 'last', 'every', 'each'])

/** Units that make a number a duration, age or clock time, never a count claim. */
export const NOT_COUNT_UNITS: ReadonlySet<string> = new Set([
  'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'minute', 'minutes', 'second', 'seconds',
  'decade', 'decades', 'century', 'centuries', 'am', 'pm', 'a.m', 'p.m', 'gmt', 'utc', 'times', 'mins', 'read', 'comments',
])

/** Plural nouns without a final s. */
export const IRREGULAR_PLURALS: ReadonlySet<string> = new Set(['people', 'children', 'men', 'women', 'police', 'personnel', 'staff', 'military', 'aircraft', 'livestock', 'cattle', 'sheep', 'percent', 'per cent', 'fish'])

/** Words that end the unit phrase after a number. */
export const UNIT_STOPS: ReadonlySet<string> = new Set([
  'and', 'or', 'of', 'in', 'on', 'at', 'to', 'from', 'for', 'with', 'by', 'against', 'across', 'into', 'that', 'who', 'which', 'were',
  'was', 'are', 'is', 'have', 'had', 'has', 'been', 'the', 'a', 'an', 'mostly', 'including', 'among', 'since', 'during', 'after', 'before',
])

/** Vague counts: not claims (ACLED would code them as minimums: tens 10, dozens 12, hundreds 100). */
export const VAGUE_COUNTS: ReadonlySet<string> = new Set(['dozens', 'hundreds', 'thousands', 'millions', 'scores', 'tens', 'several', 'many', 'numerous', 'countless'])

/** Verbs just before a count that say what it counts ("killed 95 people"). */
export const COUNT_VERBS = /\b(?:killed|killing|kills|injured|injuring|wounded|wounding|arrested|detained|displaced|evacuated|captured|deployed|withdrawn|withdrew|sent|fired|launched|used|received|supplied|sold|delivered|provided|lost|destroyed|damaged|burned|shot down|intercepted|recorded|reported|counted|found|seized|registered|left|has killed|have killed)\s+$/iu

/** Nouns that count people: their unit is `people` (what they count is compared across sources). */
export const PEOPLE_NOUNS: ReadonlySet<string> = new Set([
  'people', 'persons', 'individuals', 'civilians', 'soldiers', 'troops', 'servicemen', 'fighters', 'militants', 'martyrs', 'victims',
  'casualties', 'fatalities', 'deaths', 'dead', 'wounded', 'injured', 'children', 'women', 'men', 'residents', 'passengers', 'workers',
  'officers', 'policemen', 'police', 'staff', 'personnel', 'prisoners', 'detainees', 'hostages', 'refugees', 'migrants', 'protesters',
  'demonstrators', 'students', 'journalists', 'pilgrims', 'worshippers', 'others', 'killed', 'missing',
])

/** People nouns that say nothing more than "people" (a toll of martyrs is a toll of people killed). */
export const GENERIC_PEOPLE: ReadonlySet<string> = new Set(['people', 'persons', 'individuals', 'martyrs', 'victims', 'casualties', 'fatalities', 'deaths', 'dead', 'wounded', 'injured', 'others', 'killed', 'missing'])

/** Roles a people noun carries by itself ("41 martyrs" were killed, "90 wounded" were injured). */
export const NOUN_ROLES: Readonly<Record<string, string>> = { martyrs: 'killed', dead: 'killed', deaths: 'killed', fatalities: 'killed', killed: 'killed', wounded: 'injured', injured: 'injured', missing: 'missing' }

/** Verb forms → the normalised role of what is counted (synonyms folded so sources compare: wounded = injured, died = killed). */
export const VERB_ROLES: readonly [RegExp, string][] = [
  [/^(?:killed|killing|kills|kill|died|dying|martyred|perished|has\s+killed|have\s+killed|left\s+dead)$/i, 'killed'],
  [/^(?:injured|injuring|wounded|wounding|hurt|maimed)$/i, 'injured'],
  [/^(?:arrested|detained|captured|seized|held)$/i, 'arrested'],
  [/^(?:displaced|evacuated|fled)$/i, 'displaced'],
  [/^(?:sent|supplied|sold|delivered|provided|shipped|transferred)$/i, 'supplied'],
  [/^(?:fired|launched)$/i, 'launched'],
  [/^(?:shot\s+down|intercepted|destroyed|damaged|burned)$/i, 'destroyed'],
  [/^(?:deployed)$/i, 'deployed'],
]

/** A passive or intransitive role right after the counted noun ("37 people had been killed", "41 people died"). */
export const ROLE_AFTER = /^\s+(?:(?:had|have|has)\s+been\s+|were\s+|was\s+|are\s+|been\s+|got\s+|reportedly\s+)?(killed|wounded|injured|hurt|died|arrested|detained|displaced|evacuated|missing)\b/i

/** A toll named before a bare number ("a (death) toll of 41"): people killed. */
export const TOLL_OF = /\b(?:death\s+)?toll\s+(?:of|at|to|stood\s+at|rose\s+to|reached)\s+(?:at\s+least\s+|more\s+than\s+|over\s+|nearly\s+|some\s+|about\s+|around\s+)?$/i

/** Before a number, a part of a count already given ("among them 6 children"): it inherits that count's role. */
export const SUBSET_BEFORE = /\b(?:among\s+(?:them|whom|the\s+dead|the\s+victims)|including|of\s+(?:whom|them))\s+$/i

/** Verbs before a bare number that repeat the previous count's unit ("X says 41 dead, Y says 37"; "killing 37 people and wounding 90"). */
export const BARE_NUMBER_LEAD = /\b(?:says|said|say|reports|reported|puts|put|gives|gave|counts|counted|killing|killed|wounding|wounded|injuring|injured|arresting|arrested)\s+$/i

/** Units of measure: a number before them is a distance, area, weight, share or rate, not a count of people or things. */
export const MEASURE_UNITS: ReadonlySet<string> = new Set([
  'percent', 'per cent', 'percentage', 'points', 'kilometers', 'kilometres', 'km', 'kms', 'miles', 'meters', 'metres', 'feet', 'foot', 'inches', 'yards',
  'ft', 'sq', 'degrees', 'kilograms', 'kg', 'kgs', 'grams', 'hectares', 'acres', 'knots', 'mph', 'kph', 'megawatts', 'gigawatts', 'kilowatts', 'mw', 'gw', 'centimeters',
  'centimetres', 'millimeters', 'millimetres', 'nautical', 'square', 'lbs', 'calibre', 'caliber', 'mm', 'cm', 'nights', 'generations', 'terms',
])

/** Abstract count nouns: "two sides", "three rounds of talks", "six world powers" describe or refer, they count no people or things. */
export const ABSTRACT_NOUNS: ReadonlySet<string> = new Set([
  'times', 'occasions', 'rounds', 'visits', 'formats', 'things', 'ways', 'stages', 'phases', 'steps', 'points', 'issues', 'aspects', 'sides', 'options',
  'scenarios', 'formalities', 'extensions', 'reasons', 'factors', 'principles', 'topics', 'fields', 'levels', 'questions', 'goals', 'objectives',
  'priorities', 'pillars', 'parts', 'powers', 'parties', 'rivals', 'civilizations', 'civilisations', 'neighbors', 'neighbours', 'partners', 'axes',
  'dimensions', 'areas', 'sectors', 'domains', 'approaches', 'conditions', 'demands', 'proposals', 'ideas', 'components', 'languages',
  'ones', 'concepts', 'notions', 'values', 'sessions', 'keys', 'baskets', 'strategies', 'policies', 'sources', 'places', 'locations', 'fronts', 'directions', 'categories', 'kinds', 'types', 'forms', 'lines', 'tracks', 'layers', 'pages', 'chapters', 'articles', 'clauses', 'paragraphs',
])

/** Words after a number that make it a rate or a price ("$112 per barrel", "$40 a share"): time words are kept ("$220 million a month"). */
export const RATE_AFTER = /^(?:\s+(?:dollars|euros))?(?:\s*(?:per|a|an|each)\s+(?!(?:year|month|week|day|quarter)\b)\p{L}|(?:\s+in\s+\p{L}+)?\s+(?:for\s+)?(?:each|every|per)\s)/iu

/** Number phrases with an article: "a dozen vessels", "over a thousand attacks", "a half dozen". */
export const ARTICLE_NUMBERS: Readonly<Record<string, number>> = { dozen: 12, 'half dozen': 6, 'half-dozen': 6, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 }

/** A number's parts before "of": "8 of them soldiers", "seven of the individuals", "two of Turkey's posts", "shot down 29 of 31 drones". */
export const PART_OF = /^\s+of\s+(?:them|whom|those|these|the|its|their|his|her|our|\p{Lu}[\p{L}.’'-]*['’]s?(?=[\s,.;:])|(?=(?:some\s+|about\s+|around\s+|nearly\s+)?\d))/u

/** Words before a number that make it a total the clause divides ("out of 35 members", "eight of Syria's 14 provinces"). */
export const TOTAL_BEFORE = /(?:\bout\s+of|(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\p{L}+teen|\p{L}+ty))\s+of\s+(?:\p{Lu}[\p{L}.’'-]*['’]s?|the|its|their|all))\s+$/iu

/** Vote tallies: "voted 419-3", "a vote of 12 to 2", "passed 98-1". */
export const VOTE_TALLY = /\b(?:voted|vote\s+of|votes?\s+was|passed(?:\s+it)?|approved(?:\s+it)?|rejected(?:\s+it)?|margin\s+of|tally\s+of)\s+(\d{1,4})\s*(?:-|–|—|to)\s*(\d{1,4})\b/giu

/** Words after a bare number that make it a vote ("32 abstaining", "seven voting against", "3 against"). */
export const VOTE_AFTER = /^\s+(?:abstaining|abstained|abstentions|voting\s+(?:against|for|in\s+favou?r)|voted\s+(?:against|for|in\s+favou?r)|against|in\s+favou?r)\b/iu

/** The size of a body given as a compound adjective: "the 15-member council", "a 150-strong committee". */
export const SIZE_COMPOUND = /(?<![\p{L}\p{N}.,-])(\d{1,3}(?:,\d{3})*|\p{L}+)[-‑](member|strong|nation|country)\b/giu

/** A toll named earlier in the clause before a bare number ("the death toll from the bombings has climbed to 74"). */
export const TOLL_EARLIER = /\b(?:death\s+)?toll\b[^.;:!?]{0,160}?\b(?:to|at|reached|hit|of|passed|exceeded|surpassed)\s+(?:at\s+least\s+|more\s+than\s+|over\s+|nearly\s+|some\s+|about\s+|around\s+|almost\s+)?$/iu

/** Currency names after a number: the count is money ("110 billion dollars arms deal"). */
export const CURRENCY_WORDS: ReadonlySet<string> = new Set(['usd', 'eur', 'dollars', 'euros', 'rials', 'tomans', 'rubles', 'roubles', 'yuan', 'rupees', 'dinars', 'dirhams', 'riyals', 'lira', 'liras', 'yen', 'manats', 'hryvnias'])
