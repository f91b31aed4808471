import type { DocMeta } from '../../doc/doc.js'
import { msg, type Message } from '../../doc/span.js'
import type { CleanResult } from '../../stages/clean/index.js'
import { normalizeLanguage } from '../../lang/index.js'

/** The metadata a field of the input record claims. */
export type ClaimedField = 'title' | 'published' | 'author' | 'outlet' | 'language'

/** One claim: the value and where in the record it was read ("the record's `date_publish` field"). */
export interface Claim { readonly value: string; readonly from: string }

/**
 * What an input record (a news-please record, a feed item, a WARC record) says about its page: metadata the record
 * claims, not found in the text, each with its provenance; and notes on fields read (url, fetched_at) or refused.
 */
export interface RecordClaims {
  /** what kind of record: "news-please record", "RSS item", "Atom entry", "WARC record" */
  readonly kind: string
  readonly fields: Partial<Record<ClaimedField, Claim>>
  /** provenance of the source fields (url, fetched_at) and anything refused, as messages */
  readonly notes: readonly Message[]
}

const MSG_SOURCE = 'ingest'
const q = (s: string) => JSON.stringify(s.length > 80 ? s.slice(0, 77) + '...' : s)

/** A provenance note for a field the source takes from the record (url, fetched_at). */
export const sourceNote = (field: string, value: string, from: string): Message =>
  msg(MSG_SOURCE, `record-${field.replace(/_/g, '-')}`, `${field} ${q(value)} from ${from}`)

/** Where the page text came from: "text (526 characters of HTML) from the item's `content:encoded`". */
export const textNote = (chars: number, what: string, from: string): Message =>
  msg(MSG_SOURCE, 'record-text', `text (${chars} characters${what ? ` of ${what}` : ''}) from ${from}`)

/** A note for a record field that was present but not taken, with why. */
export const refusedNote = (field: string, reason: string): Message => msg(MSG_SOURCE, `record-${field}-refused`, reason, 'warning')

/**
 * The cleaned page with the record's claims put over the metadata the cleaner read from the text: each claimed
 * field wins, with a message naming the record field it came from (and the cleaner's different value, if any).
 */
export function applyClaims(cleaned: CleanResult, claims: RecordClaims | undefined): CleanResult {
  if (!claims) return cleaned
  const meta: Record<string, unknown> = { ...cleaned.meta }
  const messages: Message[] = [...claims.notes]
  for (const [field, claim] of Object.entries(claims.fields) as [ClaimedField, Claim][]) {
    if (field === 'language') { languageClaim(cleaned, claim, claims.kind, meta, messages); continue }
    const found = cleaned.meta[field as keyof DocMeta]
    const differs = typeof found === 'string' && found !== claim.value ? `; the ${field} read from the text, ${q(found)}, was not taken` : ''
    messages.push(msg(MSG_SOURCE, `record-${field}`, `${field} ${q(claim.value)} from ${claim.from} (a claim of the ${claims.kind}, not found in the text)${differs}`))
    meta[field] = claim.value
  }
  return { ...cleaned, meta: meta as unknown as DocMeta, messages: [...cleaned.messages, ...messages] }
}

/**
 * A record's language is a claim; the language detected in the text wins (the reading stages follow it), and the
 * record's value is named in a message (a warning when the two differ). When the text is too short to detect, the
 * record's language (as an ISO 639-1 code) is taken.
 */
function languageClaim(cleaned: CleanResult, claim: Claim, kind: string, meta: Record<string, unknown>, messages: Message[]): void {
  const claimed = normalizeLanguage(claim.value)
  const detected = cleaned.detected?.language ?? null
  if (detected) {
    const same = claimed === detected
    messages.push(msg(MSG_SOURCE, 'record-language', `language ${q(claim.value)} from ${claim.from} (a claim of the ${kind}); the text reads as ${q(detected)} (detected), which is kept${same ? '' : ' for the reading stages'}`, same ? 'info' : 'warning'))
    return
  }
  if (!claimed) { messages.push(refusedNote('language', `${claim.from} holds ${q(claim.value)}, which is no ISO 639-1 language code; language not taken from it`)); return }
  messages.push(msg(MSG_SOURCE, 'record-language', `language ${q(claimed)} from ${claim.from} (a claim of the ${kind}, the text being too short to detect)`))
  meta.language = claimed
}

const MONTHS: Record<string, string> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' }
const pad = (n: number | string) => String(n).padStart(2, '0')

/**
 * A record's date as the ISO form the store keeps (`YYYY-MM-DD`, or with a time `YYYY-MM-DDTHH:MM:SS` and the zone
 * the record gives), or null when it is no date. Reads ISO 8601 / RFC 3339 (Atom, news-please's
 * "2024-03-04 10:00:00") and RFC 822 (RSS pubDate); the clock time and offset are kept as written, never shifted.
 * @example recordDate('Mon, 04 Mar 2024 10:00:00 +0330') // '2024-03-04T10:00:00+03:30'
 */
export function recordDate(raw: string): string | null {
  const s = raw.trim()
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s)
  if (iso) {
    const [, y, mo, d, h, mi, sec, z] = iso
    if (!validDay(+y!, +mo!, +d!)) return null
    if (h === undefined) return `${y}-${mo}-${d}`
    if (+h > 23 || +mi! > 59) return null
    return `${y}-${mo}-${d}T${h}:${mi}:${sec ?? '00'}${zone(z)}`
  }
  const rfc = /^(?:[a-z]{3,9},?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([+-]\d{4}|[a-z]{1,5})?$/i.exec(s)
  if (rfc) {
    const [, d, mon, yy, h, mi, sec, z] = rfc
    const mo = MONTHS[mon!.toLowerCase()]
    const y = yy!.length === 2 ? (+yy! < 50 ? 2000 : 1900) + +yy! : +yy!
    if (!mo || !validDay(y, +mo, +d!)) return null
    const day = `${y}-${mo}-${pad(d!)}`
    if (h === undefined) return day
    if (+h > 23 || +mi! > 59) return null
    const numeric = !z || /^[+-]\d{4}$/.test(z) || /^(gmt|ut|utc|z)$/i.test(z)
    if (numeric) return `${day}T${pad(h)}:${mi}:${sec ?? '00'}${zone(z)}`
    // a named zone (EST, PDT…): let the platform read it, in UTC
    const t = Date.parse(s)
    return Number.isNaN(t) ? day : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z')
  }
  return null
}

function zone(z: string | undefined): string {
  if (!z || /^(gmt|ut|utc|z)$/i.test(z)) return z ? 'Z' : ''
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z)
  return m ? (m[2] === '00' && m[3] === '00' ? 'Z' : `${m[1]}${m[2]}:${m[3]}`) : ''
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/**
 * A published-date claim with a warning when the date looks wrong (after the record's own download date, or before
 * 1990): the record's date is kept all the same, and says where it came from.
 */
export function dateClaim(raw: unknown, from: string, notes: Message[], fetched?: string | null): Claim | undefined {
  if (typeof raw !== 'string' || !raw.trim()) return undefined
  const value = recordDate(raw)
  if (!value) { notes.push(refusedNote('published', `${from} holds ${q(raw)}, which is no date; published not taken from it`)); return undefined }
  const day = value.slice(0, 10)
  if (fetched && day > fetched.slice(0, 10)) notes.push(msg(MSG_SOURCE, 'record-published-suspect', `${from} gives ${value}, after the page was fetched (${fetched}); kept as the record says`, 'warning'))
  else if (day < '1990-01-01') notes.push(msg(MSG_SOURCE, 'record-published-suspect', `${from} gives ${value}, before 1990; kept as the record says`, 'warning'))
  return { value, from }
}

/** A text claim: a non-empty string (or the non-empty strings of an array, joined with ", "). */
export function textClaim(raw: unknown, from: string): Claim | undefined {
  const parts = (Array.isArray(raw) ? raw : [raw]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/\s+/g, ' ').trim()).filter(Boolean)
  return parts.length ? { value: parts.join(', '), from } : undefined
}

/** Drops undefined claims. */
export function fieldsOf(f: Partial<Record<ClaimedField, Claim | undefined>>): Partial<Record<ClaimedField, Claim>> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v)) as Partial<Record<ClaimedField, Claim>>
}
