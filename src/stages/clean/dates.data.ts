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
export const PUBLISHED_LABEL_RE = /\b(?:first\s+)?(?:published|posted|publish(?:ed)?\s+date|publication\s+date|date\s+published|released|issued|created|dated)\b|опубликовано|дата публикации|تاریخ انتشار|منتشر شده|تاريخ النشر|نشر في/gi
/** A label saying the date is a later revision ("Updated", "Last modified", "Edited"): used only when nothing else is given. */
export const UPDATED_LABEL_RE = /\b(?:last\s+)?(?:updated|update|modified|edited|revised|amended)\b|обновлено|изменено|به‌روزرسانی|بروزرسانی|آخر تحديث|تم التحديث/gi
/** Words that may stand around a date on a date line without making it prose ("on", "at", "Posted on … at …"). */
export const DATE_FILLER_WORDS = new Set(['on', 'at', 'date', 'time', 'published', 'posted', 'updated', 'last', 'first', 'modified', 'publish', 'publication',
  'года', 'г', 'в', 'опубликовано', 'обновлено'])

/**
 * Month names of dates written in Russian, Arabic and Persian, read day-first with a year ("15 ноября 2024",
 * "١٥ نوفمبر ٢٠٢٤", "۲۵ آبان ۱۴۰۳"). `jalali` months are those of the Persian solar hijri calendar, converted to
 * the Gregorian date with jalaali-js. Arabic-script names are matched after ي/ك are folded to the Persian ی/ک.
 * The lunar hijri calendar (Arabic "ربيع الأول …") is not read: no maintained npm converter was adopted for it.
 */
export const INTL_MONTHS: readonly { readonly names: readonly string[]; readonly month: number; readonly calendar: 'gregorian' | 'jalali' }[] = [
  // Russian: genitive (as dates are written), nominative and abbreviations
  ...['января январь янв', 'февраля февраль фев февр', 'марта март мар', 'апреля апрель апр', 'мая май', 'июня июнь июн', 'июля июль июл',
    'августа август авг', 'сентября сентябрь сен сент', 'октября октябрь окт', 'ноября ноябрь ноя нояб', 'декабря декабрь дек']
    .map((n, i) => ({ names: n.split(' '), month: i + 1, calendar: 'gregorian' as const })),
  // Arabic: Egyptian/Gulf names and Levantine names (two-word names joined by "_")
  ...['يناير كانون_الثاني', 'فبراير شباط', 'مارس آذار اذار', 'أبريل إبريل ابريل نيسان', 'مايو أيار ايار', 'يونيو يونيه حزيران', 'يوليو يوليه تموز',
    'أغسطس اغسطس آب', 'سبتمبر أيلول ايلول', 'أكتوبر اكتوبر تشرين_الأول تشرين_الاول', 'نوفمبر تشرين_الثاني', 'ديسمبر كانون_الأول كانون_الاول']
    .map((n, i) => ({ names: n.split(' ').map((w) => w.replace(/_/g, ' ')), month: i + 1, calendar: 'gregorian' as const })),
  // Persian names of the Gregorian months
  ...['ژانویه ژانویهٔ', 'فوریه', 'مارس', 'آوریل', 'مه می', 'ژوئن', 'ژوئیه جولای', 'اوت آگوست', 'سپتامبر', 'اکتبر', 'نوامبر', 'دسامبر']
    .map((n, i) => ({ names: n.split(' '), month: i + 1, calendar: 'gregorian' as const })),
  // Persian solar hijri months
  ...['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد امرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند']
    .map((n, i) => ({ names: n.split(' '), month: i + 1, calendar: 'jalali' as const })),
]
