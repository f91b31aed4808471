/**
 * Converter of the Phoenix (TABARI/PETRARCH) actor dictionaries into knowledge-base records. Pure functions: the
 * build script (`build-phoenix.ts`) reads the files, gives the curated names to check against and writes the result.
 *
 * Dictionary format: an entry line `NAME_IN_CAPITALS  [CODE]  # comment`, `+SYNONYM` lines under it, and date
 * restrictions on tab-indented lines `[CODE 030101-070731]`, `[CODE >080508]`, `[CODE <061231]` (YYMMDD or
 * YYYYMMDD, limits included). As in PETRARCH, an entry line with no code shares the codes of the next coded entry.
 */
import { slug } from './names.js'
import { pushAll } from '../doc/arrays.js'

/** A CAMEO code with its optional date restriction (ISO dates, null when open). */
export interface PhoenixCode { readonly code: string; readonly from: string | null; readonly to: string | null; readonly dated: boolean }

/** One dictionary entry as written. */
export interface PhoenixEntry {
  readonly name: string
  readonly synonyms: string[]
  codes: PhoenixCode[]
  readonly comment: string
  readonly file: string
  readonly line: number
}

/** Something the converter skipped or changed, for the build report. */
export interface PhoenixNote { readonly what: string; readonly reason: string }

/** YYMMDD or YYYYMMDD to YYYY-MM-DD (two-digit years up to 30 are 20xx), or null when it is no date. */
export function phoenixDate(s: string): string | null {
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})$/.exec(s)
  if (!m) return null
  const y = m[1]!.length === 4 ? m[1]! : (Number(m[1]) <= 30 ? '20' : '19') + m[1]
  const mo = Number(m[2]), d = Number(m[3])
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null
  return `${y}-${m[2]}-${m[3]}`
}

/** Parses the codes in brackets of a line part; bad dates are reported and the code kept undated. */
function parseCodes(text: string, where: string, notes: PhoenixNote[]): PhoenixCode[] {
  const out: PhoenixCode[] = []
  for (const m of text.matchAll(/\[([^\]]*)\]/g)) {
    const [code = '', ...rest] = m[1]!.trim().split(/\s+/)
    if (!/^[A-Z0-9]{3,}$/.test(code)) { if (code && code !== '---') notes.push({ what: `${where} [${m[1]}]`, reason: 'not a CAMEO code' }); continue }
    const r = rest.join('')
    if (!r) { out.push({ code, from: null, to: null, dated: false }); continue }
    let from: string | null = null, to: string | null = null, ok = true
    const range = /^(\d+)-(\d+)$/.exec(r), lt = /^<(\d+)$/.exec(r), gt = /^>(\d+)$/.exec(r)
    if (range) { from = phoenixDate(range[1]!); to = phoenixDate(range[2]!); ok = !!from && !!to && from <= to }
    else if (lt) { to = phoenixDate(lt[1]!); ok = !!to }
    else if (gt) { from = phoenixDate(gt[1]!); ok = !!from }
    else ok = false
    if (!ok) { notes.push({ what: `${where} [${m[1]}]`, reason: 'date restriction not understood: code kept without dates' }); out.push({ code, from: null, to: null, dated: false }); continue }
    out.push({ code, from, to, dated: true })
  }
  return out
}

/** Reads an actor dictionary: entries with synonyms and codes; uncoded entries take the codes of the next coded one. */
export function parseActorDictionary(text: string, file: string, notes: PhoenixNote[] = []): PhoenixEntry[] {
  const entries: PhoenixEntry[] = []
  let cur: PhoenixEntry | null = null
  let waiting: PhoenixEntry[] = []
  const lines = text.split(/\r?\n/)
  const flushWaiting = (codes: PhoenixCode[]) => { for (const e of waiting) e.codes = codes; waiting = [] }
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!
    const t = raw.trim()
    if (!t || t.startsWith('#') || t.startsWith('<')) continue
    const hash = raw.search(/[#;]/)
    const body = hash >= 0 ? raw.slice(0, hash) : raw
    const comment = hash >= 0 ? raw.slice(hash + 1).trim() : ''
    const where = `${file}:${i + 1}`
    if (/^\s/.test(raw) || t.startsWith('[')) {
      if (!cur) continue
      const codes = parseCodes(body, where, notes)
      if (codes.length) { pushAll(cur.codes, codes); if (waiting.length) flushWaiting(cur.codes) }
      continue
    }
    if (t.startsWith('+')) {
      if (!cur) continue
      const name = body.trim().slice(1).split('[')[0]!.trim()
      if (name) cur.synonyms.push(name)
      continue
    }
    // a new entry: the previous one, if still uncoded, waits for the codes of the next coded entry
    if (cur && !cur.codes.length) waiting.push(cur)
    else if (cur && waiting.length) flushWaiting(cur.codes)
    const name = body.split('[')[0]!.trim()
    cur = { name, synonyms: [], codes: parseCodes(body, where, notes), comment, file, line: i + 1 }
    if (cur.codes.length && waiting.length) flushWaiting(cur.codes)
    if (name) entries.push(cur)
  }
  return entries
}

/** Words kept in lower case inside a name (not first). */
const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'de', 'du', 'des', 'la', 'le', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'bint', 'y', 'e'])
/** Arabic articles written joined with a hyphen, kept in lower case ("al-Assad"). */
const JOINED_ARTICLES = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ul'])

/** Facts about English words the converter needs (from a tagged corpus: see `build-phoenix.ts`). */
export interface Lexicon {
  /** words seen in lower case in running English text ("council", "angry") */
  readonly common: ReadonlySet<string>
  /** words written in capitals more often than not ("nato", "un") */
  readonly acronyms: ReadonlySet<string>
}

const VOWEL = /[aeiouy]/i

/** True when a dictionary token is an acronym: dotted ("U.N."), without vowels, or known as one. */
function isAcronym(tok: string, lex: Lexicon, alone: boolean): boolean {
  const w = tok.toLowerCase()
  if (/^(?:[a-z]\.)+[a-z]?\.?$/i.test(tok)) return true
  if (!/^[a-z]+$/i.test(tok)) return false
  if (lex.acronyms.has(w) && w.length <= 5) return true
  if (w.length >= 2 && !VOWEL.test(w)) return true
  // a short name standing alone that is no English word ("IAEA", "UNDP")
  return alone && w.length <= 5 && !lex.common.has(w)
}

/** Capitalises one word: "ASSAD" → "Assad", "AL-ASSAD" → "al-Assad", "JEAN-MARIE" → "Jean-Marie", "O'NEILL" → "O'Neill". */
function capWord(w: string): string {
  const parts = w.toLowerCase().split('-')
  return parts.map((p, i) => (i === 0 && parts.length > 1 && JOINED_ARTICLES.has(p) ? p : p.replace(/^(\p{L})(?:'(\p{L}))?/u, (_m, a: string, b?: string) => a.toUpperCase() + (b ? "'" + b.toUpperCase() : '')))).join('-')
}

/**
 * A dictionary phrase in news casing: `VLADIMIR_PUTIN_` → "Vladimir Putin", `UN_SECURITY_COUNCIL` → "UN Security
 * Council", `ARMY_OF_GOD` → "Army of God". Acronyms stay in capitals.
 */
export function phoenixName(phrase: string, lex: Lexicon): string {
  const toks = phrase.replace(/_/g, ' ').replace(/\s+/g, ' ').trim().split(' ').filter(Boolean)
  return toks.map((t, i) => {
    if (isAcronym(t, lex, toks.length === 1)) return t.toUpperCase()
    const low = t.toLowerCase()
    if (i > 0 && SMALL_WORDS.has(low)) return low
    return capWord(t)
  }).join(' ')
}

/** Titles and honorifics written before a person's name in the dictionaries ("PRESIDENT_", "AYATOLLAH_"). */
export const PERSON_TITLES: ReadonlySet<string> = new Set([
  'president', 'vice', 'prime', 'minister', 'foreign', 'defense', 'defence', 'interior', 'finance', 'secretary', 'general', 'secretary-general',
  'sec.', 'gen.', 'gen', 'ambassador', 'ayatollah', 'hojatolislam', 'hojjatoleslam', 'hojatoleslam', 'grand', 'sheikh', 'shaikh', 'sheik', 'king', 'queen',
  'prince', 'princess', 'emir', 'amir', 'sultan', 'chairman', 'premier', 'chancellor', 'dr', 'dr.', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'sir', 'lord',
  'colonel', 'col.', 'major', 'maj.', 'lieutenant', 'lt.', 'captain', 'capt.', 'commander', 'marshal', 'field', 'admiral', 'brigadier', 'senator', 'sen.',
  'governor', 'gov.', 'mayor', 'speaker', 'leader', 'supreme', 'former', 'acting', 'deputy', 'chief', 'justice', 'judge', 'pope', 'cardinal', 'archbishop',
  'bishop', 'rev.', 'reverend', 'mullah', 'imam', 'sayyed', 'sayed', 'seyed', 'seyyed', 'mawlana', 'maulana', 'haji', 'hajji', 'chairperson', 'spokesman',
  'envoy', 'representative', 'rep.', 'congressman', 'un', 'u.n.', 'united', 'nations', 'nato', 'eu', 'of', 'the', 'state', 'high', 'commissioner', 'director',
])

/** Strips leading titles, demonyms and organisation names from a person's name ("RUSSIAN_PRESIDENT_VLADIMIR_PUTIN" → "VLADIMIR PUTIN"). */
export function stripPersonTitles(phrase: string, demonyms: ReadonlySet<string>): string {
  const toks = phrase.replace(/_/g, ' ').trim().split(/\s+/)
  let k = 0
  while (k < toks.length - 1 && (PERSON_TITLES.has(toks[k]!.toLowerCase()) || demonyms.has(toks[k]!.toLowerCase()))) k++
  return toks.slice(k).join(' ')
}

/** Codes of armed non-state actors (rebels, insurgents, unaligned armed forces, separatists, international militarised groups). */
const ARMED = /^(?:[A-Z]{3})?(?:REB|INS|UAF|SEP|IMG)|^IMG/

/** Words that make a name an organisation, whatever its codes say. */
const ORG_WORDS = /\b(?:council|ministry|ministries|party|assembly|army|force|forces|front|organi[sz]ation|union|committee|bank|agency|court|government|parliament|movement|brigades?|group|league|association|institute|commission|office|department|corporation|company|church|university|congress|senate|tribunal|fund|program|programme|mission|secretariat|federation|alliance|network|society|council|news|press|tv|radio|police|guards?|corps|cabinet|junta|regime|authority|administration|state|republic|kingdom|people|services?|centre|center|foundation|coalition|faction|cells?|nuclei|unit|units|command|emirate|jihad|jamaat|tanzim|harakat|hizb|lashkar|jaish|al-qaida|al-qaeda)\b/i

/** What kind of actor an entry is. */
export type PhoenixKind = 'person' | 'org' | 'group' | 'country' | 'skip'

/**
 * Sorts an entry: a bare state code ([IRN]) is a country (countries come from world-countries, so it is skipped);
 * armed non-state codes make a group; a name of two to five name words (none an everyday English word or an
 * organisation word) is a person when its codes are dated or the comment says it came from CountryInfo or a
 * rulers list, or when it has no everyday word at all; the rest are organisations.
 */
export function phoenixKind(e: PhoenixEntry, fileKind: 'countries' | 'international' | 'milnonstate', lex: Lexicon, demonyms: ReadonlySet<string>): PhoenixKind {
  const codes = e.codes.map((c) => c.code)
  if (fileKind === 'countries' && codes.length && codes.every((c) => /^[A-Z]{3}$/.test(c))) return 'country'
  const name = stripPersonTitles(e.name, demonyms).replace(/_/g, ' ').trim()
  const words = name.split(/\s+/).filter(Boolean)
  const nameWords = words.filter((w) => !SMALL_WORDS.has(w.toLowerCase()))
  const personLike = !ORG_WORDS.test(e.name.replace(/_/g, ' ')) && words.length >= 2 && words.length <= 5 && /^[\p{L}.'\- ]+$/u.test(name)
    && nameWords.every((w) => !lex.common.has(w.toLowerCase().replace(/\.$/, '')) && !demonyms.has(w.toLowerCase()) && !isAcronym(w, lex, false))
  const personHint = e.codes.some((c) => c.dated) || /CountryInfo|rulers/i.test(e.comment)
  if (personLike && (personHint || fileKind === 'international')) return 'person'
  // a ruler known by one name ("KHALID_", "FAHD_" in a state's CountryInfo list, with dated role codes: SAUGOV) is no
  // organisation, and a lone given name is too common to stand for that person: skipped (not a place coded by its
  // state alone or as occupied territory: "KOSOVA_" [KSV], "SULAYMANIYAH_" [IRQOCC])
  if (words.length === 1 && e.codes.some((c) => c.dated) && e.codes.every((c) => c.code.length > 3 && !c.code.endsWith('OCC')) && !ORG_WORDS.test(name) && /^[\p{L}'\-]+$/u.test(name) && !isAcronym(name, lex, false)) return 'skip'
  if (codes.some((c) => ARMED.test(c)) || fileKind === 'milnonstate') return 'group'
  if (!codes.length && !e.synonyms.length) return 'skip'
  return 'org'
}

/** A converted record before merging (the fields of people/orgs/groups files). */
export interface PhoenixRecord {
  id: string
  name: string
  kind: 'person' | 'org' | 'group'
  affiliation: string | null
  code: string | null
  aliases: string[]
  roles: { office: string; from: string | null; to: string | null }[]
  source: string
}

/** An office generated for a dated CAMEO code (the code says the sector, never the post). */
export interface PhoenixOffice { id: string; title: string; country: string | null; kind: string; nouns: string[]; code: string }

/** Sector words of CAMEO role codes (the letters after the country). */
const SECTORS: Readonly<Record<string, string>> = {
  GOV: 'government', MIL: 'military', ELI: 'elite', OPP: 'opposition', LEG: 'legislature', JUD: 'judiciary', BUS: 'business', MED: 'media',
  EDU: 'education', LAB: 'labour', REB: 'rebels', INS: 'insurgents', SPY: 'intelligence', COP: 'police', CVL: 'civilians', HLH: 'health', AGR: 'agriculture',
  ENV: 'environment', REF: 'refugees', HRI: 'human rights', REL: 'religion', CRM: 'crime', UAF: 'armed forces', SEP: 'separatists', DEV: 'development',
  IGO: 'international organisation', NGO: 'non-governmental organisation', MNC: 'multinational corporation', UNO: 'United Nations',
}

/** Readable sector of a code ("IRNGOVBUS" → "government, business"). */
export function describeCode(code: string, states: ReadonlySet<string>): string {
  const rest = states.has(code.slice(0, 3)) ? code.slice(3) : code
  const parts: string[] = []
  for (let i = 0; i + 3 <= rest.length; i += 3) parts.push(SECTORS[rest.slice(i, i + 3)] ?? rest.slice(i, i + 3))
  return parts.join(', ') || 'state'
}

/** The office id generated for a dated code: `<ISO3 or first 3 letters>:cameo-<code>`. */
export function codeOfficeId(code: string): string {
  return `${code.slice(0, 3)}:cameo-${code.toLowerCase()}`
}

/** The generated office of a dated code. */
export function codeOffice(code: string, states: ReadonlySet<string>, countryName: (iso: string) => string | undefined): PhoenixOffice {
  const iso = states.has(code.slice(0, 3)) ? code.slice(0, 3) : null
  const who = iso ? countryName(iso) ?? iso : code.slice(0, 3)
  return { id: codeOfficeId(code), title: `${who}: ${describeCode(code, states)} (CAMEO ${code})`, country: iso, kind: `cameo-${code.toLowerCase()}`, nouns: [], code }
}

/** The id of a converted actor. */
export function phoenixId(kind: 'person' | 'org' | 'group', name: string, affiliation: string | null): string {
  const s = slug(name) || 'x'
  if (kind === 'person') return `P:${s}`
  if (kind === 'group') return `GROUP:${s}`
  return affiliation ? `ORG:${affiliation}:${s}` : `ORG:${s}`
}
