/**
 * Titles written before a name, by what they say about the person: `military` needs a military role,
 * `office` words must appear in one of the person's role titles, `honorific` says only "a person".
 */
export const TITLES: Readonly<Record<string, 'military' | 'office' | 'honorific'>> = {
  gen: 'military', general: 'military', maj: 'military', major: 'military', brig: 'military', brigadier: 'military', lt: 'military',
  lieutenant: 'military', col: 'military', colonel: 'military', adm: 'military', admiral: 'military', marshal: 'military', commander: 'military',
  cmdr: 'military', capt: 'military', captain: 'military', sgt: 'military', rear: 'military', vice: 'military',
  'rear-admiral': 'military', 'vice-admiral': 'military', 'major-general': 'military', 'lieutenant-general': 'military',
  'brigadier-general': 'military', 'lieutenant-colonel': 'military',
  president: 'office', king: 'office', prince: 'office', emir: 'office', minister: 'office', premier: 'office', secretary: 'office',
  chancellor: 'office', speaker: 'office', ambassador: 'office', spokesman: 'office', spokesperson: 'office', spokeswoman: 'office',
  envoy: 'office', director: 'office', chief: 'office', leader: 'office', mp: 'office', lawmaker: 'office',
  mr: 'honorific', mrs: 'honorific', ms: 'honorific', dr: 'honorific', sir: 'honorific', sen: 'honorific', senator: 'honorific',
  rep: 'honorific', gov: 'honorific', ayatollah: 'honorific', sheikh: 'honorific', sayyed: 'honorific', hojatoleslam: 'honorific',
  seyed: 'honorific', seyyed: 'honorific', sayyid: 'honorific', sayed: 'honorific', syed: 'honorific', hojjatoleslam: 'honorific',
  crown: 'honorific', foreign: 'honorific', defence: 'honorific', defense: 'honorific', prime: 'honorific', deputy: 'honorific',
}

/** A rank or an office (not an honorific): the words of a title run that a body's name never continues through to a person. */
export const isRankOrOffice = (fold: string): boolean => TITLES[fold] === 'military' || TITLES[fold] === 'office'

/** Words in a military person's role titles that a military title before the name agrees with. */
export const MILITARY_ROLE_WORDS: readonly string[] = ['staff', 'commander', 'army', 'armed forces', 'guard', 'force', 'defence', 'defense', 'military', 'brigades']

/** Verbs of saying right after a name: evidence that a capitalised sequence is a person. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(['said', 'says', 'told', 'added', 'stated', 'warned', 'noted', 'asserted', 'urged', 'wrote', 'tweeted', 'declared', 'insisted', 'claimed', 'emphasized', 'emphasised', 'stressed'])

/** Last words that make an unknown capitalised sequence an organisation. */
/** Last words of a place's name ("Caspian Sea", "West Asia", "Hamadan Airbase"): a place the name model reads is one when it ends so. */
export const PLACE_HEAD_WORDS: ReadonlySet<string> = new Set([
  'sea', 'gulf', 'ocean', 'strait', 'river', 'lake', 'island', 'islands', 'peninsula', 'mountains', 'valley', 'desert', 'asia', 'europe',
  'africa', 'america', 'caucasus', 'province', 'county', 'region', 'district', 'airbase', 'base', 'port', 'airport', 'square', 'street',
  'garden', 'park', 'dam', 'field', 'heights', 'canal', 'corridor', 'border', 'zone',
])

export const ORG_HEAD_WORDS: ReadonlySet<string> = new Set([
  'ministry', 'council', 'university', 'agency', 'organization', 'organisation', 'committee', 'party', 'bank', 'corps', 'brigade',
  'brigades', 'front', 'army', 'force', 'forces', 'court', 'institute', 'office', 'department', 'company', 'corporation', 'group', 'association',
  'union', 'league', 'movement', 'news', 'times', 'post', 'journal', 'tv', 'radio', 'service', 'services', 'assembly', 'parliament',
  'commission', 'authority', 'administration', 'foundation', 'center', 'centre', 'guard', 'guards', 'police', 'navy', 'fund', 'network',
  'chamber', 'mission', 'embassy', 'consulate', 'secretariat', 'headquarters',
])

/** Bodies that represent a state to another body, named with it ("Permanent Mission of Iran to the United Nations"). */
export const ENVOY_BODIES: ReadonlySet<string> = new Set(['mission', 'delegation', 'representation', 'office'])

/** Prepositions that tie a body to the place it serves ("Supreme Revolutionary Committee of Yemen", "… Interim Force in Lebanon"). */
export const BODY_OF_PLACE: ReadonlySet<string> = new Set(['of', 'in', 'for'])

/** Words that may join capitalised words inside one name ("University of the Revolution", "Bank of England"). */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set(['of', 'the', 'for', 'de', 'al', 'bin', 'ibn', 'van', 'von', 'der', 'la', 'du', "d'"])

/** Capitalised words that never start or make a name on their own (sentence starters, calendar words, pronouns). */
export const NOT_NAMES: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'or', 'if', 'as', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its',
  'their', 'our', 'this', 'that', 'these', 'those', 'there', 'here', 'when', 'while', 'after', 'before', 'during', 'since', 'according',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december', 'mr', 'mrs', 'ms', 'dr', 'so', 'far', 'yet', 'also', 'meanwhile',
  'however', 'thousands', 'hundreds', 'many', 'some', 'several', 'both', 'all', 'no', 'not', 'we', 'please', 'today', 'yesterday',
  'tomorrow', 'last', 'next', 'earlier', 'later', 'such', 'what', 'who', 'why', 'how', 'where', 'which', 'with', 'without', 'from', 'to',
  'for', 'by', 'of', 'about', 'read', 'more', 'related', 'share', 'photo', 'video', 'watch', 'click', 'follow', 'subscribe',
  'neither', 'nor', 'either', 'nobody', 'none', 'every', 'each', 'any', 'current', 'former',
])

/** Nouns after a city that make it stand for its state's government ("the Tehran regime"): the mention is the country. */
export const METONYM_NOUNS: ReadonlySet<string> = new Set(['regime', 'government', 'authorities'])

/** Tokens that end a dateline ("BAKU —", "MOSCOW (Reuters) -"): capitals before them name a place. */
export const DATELINE_AFTER: ReadonlySet<string> = new Set(['—', '–', '-', '(', ':'])

/** Nouns after a demonym that name the state itself ("the American regime" is the United States; gold convention). */
export const STATE_NOUNS: ReadonlySet<string> = new Set(['regime'])

/** Words that open a descriptive reference ("the Russian leader", "his Iranian counterpart"). */
export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'his', 'her', 'its', 'their', 'a', 'an'])

/** Modifiers skipped inside a descriptive reference ("the Russian security chief" → "security chief"). */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set(['senior', 'former', 'newly', 'newly-appointed', 'new', 'current', 'then'])

/** Last words of descriptive references worth resolving through the role table. */
export const ROLE_HEADS: ReadonlySet<string> = new Set([
  'leader', 'president', 'counterpart', 'secretary', 'official', 'chief', 'minister', 'spokesman', 'spokesperson', 'spokeswoman',
  'commander', 'premier', 'diplomat', 'head', 'adviser', 'advisor', 'king', 'emir', 'prince', 'envoy', 'director', 'chancellor', 'speaker',
])

/** Words that make an office a lower one ("deputy foreign minister", "vice chancellor"): never dropped to find an office. */
export const ROLE_RANKS: ReadonlySet<string> = new Set(['deputy', 'vice', 'assistant', 'under', 'junior', 'second', 'first', 'co'])

/** Marks that set a descriptive phrase beside a name ("Putin, the Russian leader"; "Baqeri — chief of staff of …"). */
export const APPOSITION_MARKS: ReadonlySet<string> = new Set([',', '—', '–', '('])

/** "former" before a role means someone else than today's holder: such references are left unresolved. */
export const PAST_MARKERS: ReadonlySet<string> = new Set(['former', 'ex', 'late', 'then', 'previous'])

/** Prepositions before a lone unknown capitalised word that suggest a place ("in Saqqez", "near Izium"). */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'near', 'at', 'from', 'to', 'outside', 'into'])

/** Shortest key length for fuzzy (misspelling) matching: shorter names collide too easily. */
export const FUZZY_MIN_LETTERS = 5

/** How many words a descriptive reference may span before its head noun. */
export const ROLE_MAX_WORDS = 6

/**
 * Religious, sectarian and ethnic adjectives (folded, apostrophes and hyphens dropped): like demonyms they are not
 * names ("a Shi'a shrine", "Sunni militias", "Kurdish towns"), though a tagger trained on CoNLL calls them ORG or LOC.
 */
export const SECT_ADJECTIVES: ReadonlySet<string> = new Set([
  'shia', 'shiite', 'shiah', 'sunni', 'sufi', 'alawite', 'alawi', 'druze', 'druse', 'ismaili', 'wahhabi', 'salafi', 'salafist', 'zaydi', 'zaidi',
  'yazidi', 'ezidi', 'muslim', 'islamic', 'christian', 'jewish', 'catholic', 'orthodox', 'protestant', 'evangelical', 'coptic', 'maronite',
  'kurdish', 'baluch', 'baloch', 'baluchi', 'arab', 'turkmen', 'azeri', 'pashtun', 'hazara', 'tatar', 'chechen', 'circassian',
])

/** Quotation marks that open or close a quotation (a slogan or title between them is no name). */
export const QUOTE_MARKS: ReadonlySet<string> = new Set(['"', '“', '”', '„', '«', '»', '‘', '’', "'"])

/** Longest quotation (in words) read as a capitalised slogan or title whose lone capitalised words are no names. */
export const SLOGAN_MAX_WORDS = 8

/** A word that is an initial standing for a given name ("W." of "George W. Bush", "S." of "S. Ryabkov"). */
export const INITIAL = /^\p{Lu}\.$/u
/** An initial, or a capital letter standing alone ("U." or "S" of a spaced "U. S."). */
export const LETTER = /^\p{Lu}\.?$/u
