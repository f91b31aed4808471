/** Letters that NFKD does not decompose, folded by hand (Turkish dotless i, Polish ł, Nordic ø, German ß). */
export const FOLD_CHARS: Readonly<Record<string, string>> = { 'ı': 'i', 'ł': 'l', 'ø': 'o', 'đ': 'd', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ð': 'd', 'þ': 'th' }

/** Arabic article prefixes written joined to the name ("al-Assad", "el-Sisi", "ash-Sharaa"): dropped from keys. */
export const ARTICLE_PREFIXES: readonly string[] = ['al-', 'el-', 'ul-', 'ad-', 'ar-', 'as-', 'ash-', 'at-', 'az-', 'an-']

/** The article written apart ("al Assad"): dropped from keys when more words follow. */
export const DETACHED_ARTICLES: ReadonlySet<string> = new Set(['al', 'el'])

/**
 * Transliteration rules, applied in order to each folded word: romanisations of Persian, Arabic, Russian and
 * Ukrainian names differ mostly in these letter groups (q/gh/k, kh/h, ou/u, ee/i, y/i, w/v, final -eh/-ah).
 */
export const TRANSLIT_RULES: readonly (readonly [RegExp, string])[] = [
  [/dzh|zh|dj/g, 'j'], [/kh/g, 'h'], [/gh|q|ck/g, 'k'], [/c(?=[aou]|$)/g, 'k'], [/ph/g, 'f'], [/w/g, 'v'],
  [/x/g, 'ks'], [/tz/g, 'ts'], [/ou|oo/g, 'u'], [/ee|iy|ii/g, 'i'], [/ae/g, 'a'], [/y/g, 'i'],
  [/^e(?=[^aeiou])/, 'i'], [/(?:e|a)h?$/, 'a'],
]

/** Cities below this population are left out of the generated cache (capitals are always kept): keeps load fast. */
export const CITY_MIN_POPULATION = 100_000

/** Built-in data folder name under data/. */
export const KB_DIR_NAME = 'kb'

/** File name of the generated index cache in the built-in folder (not `.jsonl`, so never read as records). */
export const KB_CACHE_FILE_NAME = 'index.cache.json'

/** Dates accepted in role records: a year, a month or a day. */
export const DATE_RE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/

/**
 * Single-word city names that are also common English words or personal names: never matched as a city from the
 * generated cache (a curated place may still claim them). Found by listing cache names that clash with names in news.
 */
export const CITY_NAME_STOPLIST: ReadonlySet<string> = new Set([
  'Mobile', 'Reading', 'Split', 'Nice', 'Independence', 'Concord', 'Surprise', 'Enterprise', 'Paradise', 'Spring',
  'Victoria', 'Hamilton', 'Jackson', 'Lincoln', 'Columbus', 'Irving', 'Garland', 'Henderson', 'Norman', 'Gilbert',
  'Chandler', 'Allen', 'Kent', 'Warren', 'Clinton', 'Carson', 'Temple', 'Vista', 'Mission', 'Sunrise', 'Lafayette',
  'Davenport', 'Lancaster', 'Manchester', 'Arlington', 'Aurora', 'Salem', 'Orange', 'Hollywood', 'Pasadena', 'Burbank',
  'Downey', 'Hampton', 'Pueblo', 'Elgin', 'Lowell', 'Fairfield', 'Miramar', 'Peoria', 'Hayward', 'Frederick',
  'Murray', 'Sandy', 'Lawrence', 'Round', 'Bend', 'Deltona', 'League', 'Of', 'Marion', 'Florence', 'Charlotte', 'Madison',
  'Bar', 'Batman', 'Bat', 'Bel', 'Mandela', 'Jesus', 'Trump', 'Bryan', 'Tyler', 'Tempe', 'Dale', 'Mercedes',
  'Santa', 'Male', 'Nara', 'Mary', 'George', 'Kirby', 'Regina', 'Sale', 'Bury', 'Worth', 'Most', 'Union',
])

/** Fields every kind of KB record may carry; anything else is reported as an unknown field. */
export const COMMON_FIELDS: readonly string[] = ['id', 'name', 'affiliation', 'code', 'aliases', 'note', 'source']

/** Name suffixes skipped when taking a surname ("Charles Q. Brown Jr." → Brown). */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr.', 'jr', 'sr.', 'sr', 'ii', 'iii', 'iv'])

/** Name parts that make the last word a patronym or epithet, not a surname ("bin Salman", "Abu Obaida"): no surname entry. */
export const PATRONYM_MARKERS: ReadonlySet<string> = new Set(['bin', 'ibn', 'abu', 'bint', 'ben'])

/** Countries whose people are named family name first ("Xi Jinping" → Xi). */
export const FAMILY_NAME_FIRST: ReadonlySet<string> = new Set(['CHN', 'PRK', 'KOR', 'VNM'])

/**
 * Surnames of KB people that are everyday English words ("Price", "Rice", "Bar") or that other well-known people
 * share ("Sanders", "Sharif", "Bashir"): alone, they name the person only with support (a title before, or the full
 * name elsewhere in the document).
 */
export const COMMON_WORD_SURNAMES: ReadonlySet<string> = new Set([
  'bar', 'brown', 'price', 'rice', 'miller', 'bruce', 'burns', 'austin', 'waltz', 'caine', 'kirby', 'harris', 'cohen',
  'gang', 'wang', 'li', 'mao', 'lin', 'guo', 'dong', 'hua', 'zhao', 'wei', 'yang', 'chang', 'xi', 'qin', 'zhai', 'liu',
  'pence', 'kerry', 'carter', 'rubio', 'vance', 'trump', 'flynn', 'rice', 'bolton', 'ratcliffe', 'miller', 'salman',
  'earnest', 'sanders', 'yilmaz', 'isik', 'lu', 'hong', 'geng', 'rashid', 'sharif', 'bashir', 'maliki', 'faisal',
])
