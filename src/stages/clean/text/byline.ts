import { MONTH_WORD_RE, WEEKDAY_RE, findDate } from '../dates.js'
import { BYLINE_LEAD_RE, BYLINE_PRE_WORDS, ORG_NAME_WORD_RE, ROLE_LINE_RE, DATED_BYLINE_LEAD_RE, DATED_BYLINE_MAX_LEAD, GLUED_WORDS, HANDLE_RE, ITEM_SEPARATOR_RE, MAX_BYLINE_WORDS, MAX_NAME_WORDS, NAME_PARTICLE_RE, SENTENCE_END_RE } from './text.data.js'

const WORD_RE = /[\p{L}\p{N}]+/gu
/** Number of words (letter/digit runs) in `s`. */
export const wordCount = (s: string): number => s.match(WORD_RE)?.length ?? 0

const GLUE_RE = new RegExp(`(\\p{Ll})(?=(?:${GLUED_WORDS.join('|')})(?!\\p{Ll}))`, 'gu')
/**
 * Splits text glued by a scraper ("SteinarBy SteinarNovember 12, 2022No Comments") before a byline word, a month or
 * weekday, and between a digit and a letter. Names with inner capitals ("McAllister") are left whole.
 */
export const unglue = (s: string): string => s.replace(GLUE_RE, '$1 ').replace(/(\d)(\p{L})/gu, '$1 $2')

const isNameWord = (w: string) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w) && !MONTH_WORD_RE.test(w) && !WEEKDAY_RE.test(w)

/**
 * The author named by a byline line, or null: "By Jane Doe", "avatar by Ben Stone", "Written by Jane Doe",
 * "Posted by: admin | March 3, 2021 | 0 Comments", "Author: Jane Doe", "By Jane Doe and Sam Lee", "By Jane Doe in Baku".
 * A lower-case handle ("admin") counts only after an explicit lead ("Posted by:", "Author:") or alone in its item.
 * The name stops at a month/weekday glued after it; a line that goes on in lower case after the name is a headline
 * ("Attack by Russia kills five"), not a byline.
 */
export function bylineAuthor(text: string): string | null {
  const t = unglue(text).trim()
  if (wordCount(t) > MAX_BYLINE_WORDS || SENTENCE_END_RE.test(t)) return null
  let lead = BYLINE_LEAD_RE.exec(t)
  let rest = lead ? t.slice(lead[0].length) : ''
  const pre = lead?.[1]
  if (pre && !BYLINE_PRE_WORDS.has(pre.toLowerCase()) && pre !== rest.split(/\s+/)[0]) return null
  if (!lead) {
    // "Posted on March 4, 2024 by admin", "June 3, 2024 by Jane Doe": the date comes first
    const d = findDate(t)
    if (!d || d.index > DATED_BYLINE_MAX_LEAD || !DATED_BYLINE_LEAD_RE.test(t.slice(0, d.index))) return null
    const after = t.slice(d.index + d.length)
    lead = /^[\s,]*(?:at\s+)?(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*)?by\s*:?\s*/i.exec(after)
    if (!lead) return null
    rest = after.slice(lead[0].length)
    lead = Object.assign([`${t.slice(0, d.index).trim() || 'dated'} by`], { index: 0, input: t }) as RegExpExecArray
  }
  const item = rest.split(ITEM_SEPARATOR_RE)[0]!.trim()
  // a handle needs an explicit lead ("Posted by", "Author:") or a bare "By" with more post info after it ("By admin | …")
  const explicit = /:\s*$/.test(lead[0]) || /^(posted|written|published|submitted|uploaded|dated)\b/i.test(lead[0])
  const bareBy = /^by\s*$/i.test(lead[0].trim()) && rest.trim().length > item.length
  const [handle = '', ...tail] = item.split(/\s+/)
  const afterHandle = tail.join(' ')
  if (HANDLE_RE.test(handle) && (explicit || bareBy) && (!afterHandle || /^(?:on|at)\b|^\d|^[-–—,(]/i.test(afterHandle))) return handle.replace(/^@/, '')
  return namesAt(item)
}

/** Names at the start of a byline item ("Jane Doe", "Jane Doe and Sam Lee", "A, B and C"); null when the item goes on as a sentence. */
function namesAt(item: string): string | null {
  const words = item.split(/\s+/)
  const names: string[] = []
  let cur: string[] = []
  let i = 0
  let punct = false
  const close = () => { if (cur.length) names.push(cur.join(' ')); cur = [] }
  for (; i < words.length; i++) {
    const raw = words[i]!
    const w = raw.replace(/[,;]$/, '')
    if (isNameWord(w) && cur.length < MAX_NAME_WORDS) cur.push(w.replace(/\.$/, m => (/^\p{Lu}\.$/u.test(w) ? m : '')))
    else if (cur.length && NAME_PARTICLE_RE.test(w) && words.slice(i + 1, i + 3).some(x => isNameWord(x.replace(/[,;]$/, '')))) cur.push(w)
    else if (names.length + (cur.length ? 1 : 0) > 0 && /^(and|&)$/i.test(w) && words[i + 1] && isNameWord(words[i + 1]!.replace(/[,;]$/, ''))) { close(); continue }
    else break
    // a comma ends a name: the next name follows only in a list that ends with "and" ("A, B and C")
    if (raw.endsWith(',') || raw.endsWith(';')) {
      close()
      if (raw.endsWith(';') || !/\b(and|&)\s+\p{Lu}/u.test(words.slice(i + 1).join(' '))) { i++; punct = true; break }
    }
  }
  close()
  if (!names.length) return null
  const after = words.slice(i).join(' ')
  // what may follow the names: nothing, anything after a comma or semicolon (role, agency, other credits), a place
  // ("in Baku"), a date; a lower-case word goes on as a sentence (a headline)
  if (!punct && after && /^\p{Ll}/u.test(after) && !/^(in|from|at)\s+\p{Lu}/u.test(after)) return null
  const printed = words.slice(0, i).join(' ').replace(/[,;]$/, '')
  // a name printed twice by a scraper (byline text plus its link text): "Sean Lee Sean Lee"
  const one = names[0]!.split(' ')
  if (names.length === 1 && one.length % 2 === 0 && one.slice(0, one.length / 2).join(' ') === one.slice(one.length / 2).join(' ')) return one.slice(0, one.length / 2).join(' ')
  return names.length > 1 ? printed : names[0]!
}

/**
 * A person's name printed without "By" above a date or role line ("Jane Doe" / "March 4, 2024", "Jane Doe" / "Staff
 * Writer"): the name, or null. Two or three capitalised words, no digits, no word of a site or agency name.
 */
export function bareBylineName(text: string, next: string | undefined, nextIsDate: boolean): string | null {
  if (!next || !(nextIsDate || ROLE_LINE_RE.test(next))) return null
  const words = text.trim().split(/\s+/)
  if (words.length < 2 || words.length > 3 || ORG_NAME_WORD_RE.test(text)) return null
  return words.every(isNameWord) ? words.join(' ') : null
}
