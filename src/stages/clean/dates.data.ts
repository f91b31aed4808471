/** Heuristic data of date reading: month names, time zones, labels that say what a printed date is. */

/** Month names and abbreviations in English page dates ("Nov. 4", "4 September"). */
export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
}

/**
 * Zone names printed after a time, as UTC offsets. A printed time becomes an ISO date-time only with a zone (a time
 * without one is local to an unknown place, so the value stays a date). Abbreviations cover the corpus' regions.
 */
export const ZONE_OFFSETS: Readonly<Record<string, string>> = {
  z: 'Z', utc: 'Z', gmt: 'Z', msk: '+03:00', irst: '+03:30', irdt: '+04:30', ast: '+03:00', gst: '+04:00', trt: '+03:00', eet: '+02:00',
  eest: '+03:00', cet: '+01:00', cest: '+02:00', bst: '+01:00', est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00', pst: '-08:00',
  pdt: '-07:00', ist: '+05:30', pkt: '+05:00', azt: '+04:00', amt: '+04:00',
}

/** A label saying the date is the publication ("Published:", "Posted on", "First published"). */
export const PUBLISHED_LABEL_RE = /\b(?:first\s+)?(?:published|posted|publish(?:ed)?\s+date|publication\s+date|date\s+published|released|issued|created|dated)\b/gi
/** A label saying the date is a later revision ("Updated", "Last modified", "Edited"): used only when nothing else is given. */
export const UPDATED_LABEL_RE = /\b(?:last\s+)?(?:updated|update|modified|edited|revised|amended)\b/gi
/** Words that may stand around a date on a date line without making it prose ("on", "at", "Posted on … at …"). */
export const DATE_FILLER_WORDS = new Set(['on', 'at', 'date', 'time', 'published', 'posted', 'updated', 'last', 'first', 'modified', 'publish', 'publication'])
