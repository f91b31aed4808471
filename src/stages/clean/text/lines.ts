import { findDate, withoutDates, type FoundDate } from '../dates.js'
import { bylineAuthor, wordCount } from './byline.js'
import {
  BOILERPLATE_RE, CAPTION_LEAD_RE, CAPTION_LINE_RE, SIGNUP_RE, CHROME_LINE_RE, COUNT_LINE_RE, ITEM_SEPARATOR_RE, MAX_DATE_LINE_WORDS, MAX_MENU_ITEM_WORDS, META_LINE_RE,
  MIN_MENU_ITEMS, MIN_PROSE_WORDS, NAV_LINE_RE, ROLE_LINE_RE, CONTACT_RE, MAX_BYLINE_WORDS, MAX_WIDGET_WORDS, WIDGET_LEAD_WORDS, WIDGET_WORD_RE, SENTENCE_END_RE, CREDITED_END_RE, CREDITED_MIN_WORDS, LONG_PARAGRAPH_WORDS, SHARE_LEAD_RE, SOCIAL_WORDS, STRONG_SOCIAL_WORDS, TEASER_SNIPPET_RE, TICKER_LEAD_RE,
} from './text.data.js'

export { wordCount }

/**
 * What a line of scraped text looks like on its own. `meta` is a line about the post (byline, "Posted in", read time,
 * comment count, news id); `short` is anything else that is not a sentence (headlines, kickers, names).
 */
export type LineKind = 'prose' | 'teaser-snippet' | 'date' | 'meta' | 'chrome' | 'nav' | 'caption' | 'boilerplate' | 'short'

/** A non-empty line of the page: trimmed text, raw `[start,end)` of that text, and its kind. */
export interface Line {
  readonly text: string
  readonly start: number
  readonly end: number
  /** index among the non-empty lines */
  readonly n: number
  readonly kind: LineKind
  /** a date the line is made of (the line is little more than the date) */
  readonly date: FoundDate | null
}

/** Splits raw text into its non-empty lines, with raw offsets of the trimmed text. */
export function splitLines(raw: string): Line[] {
  const out: Line[] = []
  let pos = 0
  while (pos <= raw.length) {
    let nl = raw.indexOf('\n', pos)
    if (nl < 0) nl = raw.length
    let s = pos, e = nl
    while (s < e && /\s/.test(raw[s]!)) s++
    while (e > s && /\s/.test(raw[e - 1]!)) e--
    if (e > s) {
      const text = raw.slice(s, e)
      out.push({ text, start: s, end: e, n: out.length, ...classify(text) })
    }
    pos = nl + 1
  }
  return out
}

/**
 * A letter of running text: lower case, or a letter of a script without case (Arabic, Persian, Hebrew, CJK). A line with
 * none is a heading in capitals, a number or a symbol line, never prose.
 */
const PROSE_LETTER_RE = /[\p{Ll}\p{Lo}]/u

/** A line is a date line when, once its dates, times, zones and date labels are removed, little is left. */
export function dateOf(text: string): FoundDate | null {
  if (text.length > 100) return null
  const d = findDate(text)
  if (!d) return null
  // what is left may be a weekday, a label, a name or a count ("| 0 Comments"), not a clause ("Vote set for 4 March 2025")
  const rest = withoutDates(text).split(' ').filter(Boolean)
  return rest.length <= MAX_DATE_LINE_WORDS && rest.filter(w => /^\p{Ll}/u.test(w)).length <= 1 ? d : null
}

/** A share or follow bar: an optional "Share:"/"Follow us on" lead, then only network names and share actions. */
export function isSocialBar(text: string): boolean {
  const lead = SHARE_LEAD_RE.exec(text)
  const words = text.slice(lead?.[0].length ?? 0).toLowerCase().split(/[\s|·•,/]+/).filter(Boolean)
  if (!words.length) return !!lead && /:\s*$/.test(lead[0])
  if (!words.every(w => SOCIAL_WORDS.has(w))) return false
  return !!lead || (words.length >= 2 && words.some(w => STRONG_SOCIAL_WORDS.has(w)))
}

/** A menu, language switch or ticker: at least MIN_MENU_ITEMS short items between separators ("EN | RU | AZ"). */
export function isMenuLine(text: string): boolean {
  if (SENTENCE_END_RE.test(text)) return false
  const items = text.split(ITEM_SEPARATOR_RE).filter(s => s.trim())
  // menu items are capitalised or symbols ("+2°C", "USD 97"); lower-case items are a sentence with odd spacing
  const lower = items.filter(s => /^\p{Ll}/u.test(s.trim())).length
  return items.length >= MIN_MENU_ITEMS && items.every(s => wordCount(s) <= MAX_MENU_ITEM_WORDS) && lower * 3 < items.length
}

/** A line about the post: a byline or a post-info line (read time, "Posted in", counts, ids), never a sentence. */
function isMeta(text: string): boolean {
  const n = wordCount(text)
  if (SENTENCE_END_RE.test(text) && n >= MIN_PROSE_WORDS) return false
  if (n <= MAX_BYLINE_WORDS && CONTACT_RE.test(text)) return true
  const items = text.split(ITEM_SEPARATOR_RE).filter(s => s.trim())
  return META_LINE_RE.test(text) || items.some(s => ROLE_LINE_RE.test(s.trim())) || bylineAuthor(text) !== null
}

/** A short share, sign-up or link widget ("Share All sharing options", "Get short URL", "Join our newsletter"). */
function isWidget(text: string): boolean {
  const lead = /^[\p{L}]+/u.exec(text)?.[0].toLowerCase() ?? ''
  return wordCount(text) <= MAX_WIDGET_WORDS && !SENTENCE_END_RE.test(text) && WIDGET_WORD_RE.test(text) && (WIDGET_LEAD_WORDS.has(lead) || SOCIAL_WORDS.has(lead))
}

/** Many words and several sentences: body text even without a clean end (captions, menus and teasers are short). */
function isLongParagraph(text: string): boolean {
  return wordCount(text) >= LONG_PARAGRAPH_WORDS && (text.match(/[.!?؟]["'”’)»]?\s+["“«]?[\p{Lu}\p{Lo}]/gu) ?? []).length >= 2 && PROSE_LETTER_RE.test(text)
}

function classify(text: string): { kind: LineKind; date: FoundDate | null } {
  const date = dateOf(text)
  if (date) return { kind: 'date', date }
  // a long run of sentences is a paragraph, whatever it quotes («X») or however the site cut it ("… that can" + next line)
  if (isLongParagraph(text)) return { kind: 'prose', date: null }
  if (isMeta(text)) return { kind: 'meta', date: null }
  if (CHROME_LINE_RE.test(text) || TICKER_LEAD_RE.test(text) || isSocialBar(text) || isWidget(text) || (SIGNUP_RE.test(text) && !SENTENCE_END_RE.test(text))) return { kind: 'chrome', date: null }
  if (NAV_LINE_RE.test(text) || COUNT_LINE_RE.test(text) || isMenuLine(text)) return { kind: 'nav', date: null }
  if (BOILERPLATE_RE.test(text)) return { kind: 'boilerplate', date: null }
  const credited = CREDITED_END_RE.test(text) && wordCount(text) >= CREDITED_MIN_WORDS
  if ((CAPTION_LINE_RE.test(text) && !SENTENCE_END_RE.test(text) && !credited) || CAPTION_LEAD_RE.test(text)) return { kind: 'caption', date: null }
  if (TEASER_SNIPPET_RE.test(text)) return { kind: 'teaser-snippet', date: null }
  if ((SENTENCE_END_RE.test(text) || credited) && wordCount(text) >= MIN_PROSE_WORDS && PROSE_LETTER_RE.test(text)) return { kind: 'prose', date: null }
  return { kind: 'short', date: null }
}
