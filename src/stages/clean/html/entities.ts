/** The named character references news pages actually use (the full HTML table has 2,231; rare ones stay as written). */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '\u2013', mdash: '\u2014',
  lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', ldquo: '\u201c', rdquo: '\u201d', bdquo: '\u201e',
  hellip: '\u2026', laquo: '\u00ab', raquo: '\u00bb', copy: '\u00a9', reg: '\u00ae', trade: '\u2122',
  deg: '\u00b0', middot: '\u00b7', bull: '\u2022', euro: '\u20ac', pound: '\u00a3', yen: '\u00a5', cent: '\u00a2',
  sect: '\u00a7', para: '\u00b6', times: '\u00d7', divide: '\u00f7', frac12: '\u00bd', frac14: '\u00bc', frac34: '\u00be',
  shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003', prime: '\u2032',
  eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', aacute: 'á', agrave: 'à', acirc: 'â', auml: 'ä', atilde: 'ã', aring: 'å',
  iacute: 'í', igrave: 'ì', icirc: 'î', iuml: 'ï', oacute: 'ó', ograve: 'ò', ocirc: 'ô', ouml: 'ö', otilde: 'õ', oslash: 'ø',
  uacute: 'ú', ugrave: 'ù', ucirc: 'û', uuml: 'ü', ccedil: 'ç', ntilde: 'ñ', szlig: 'ß', aelig: 'æ', oelig: 'œ',
  Eacute: 'É', Egrave: 'È', Aacute: 'Á', Agrave: 'À', Iacute: 'Í', Oacute: 'Ó', Uacute: 'Ú', Ccedil: 'Ç', Ntilde: 'Ñ',
  Ouml: 'Ö', Uuml: 'Ü', Auml: 'Ä', iexcl: '¡', iquest: '¿', ordm: 'º', ordf: 'ª', minus: '\u2212', rarr: '\u2192', larr: '\u2190',
}

const ENTITY_RE = /&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]{1,31});?/g

function fromCodePoint(cp: number): string {
  // Invalid or surrogate code points become U+FFFD (as the HTML spec does) so the output stays well-formed UTF-16.
  if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd'
  if (cp >= 0x80 && cp <= 0x9f) return String.fromCharCode(CP1252[cp - 0x80] ?? cp)
  return String.fromCodePoint(cp)
}
/** Windows-1252 remap of the C1 range, as browsers do for numeric references (&#146; is a right quote). */
const CP1252 = [0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178]

/** Decodes character references in text or attribute values. @example decodeEntities('a &amp; b') // 'a & b' */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s
  return s.replace(ENTITY_RE, (m, body: string) => {
    if (body.charCodeAt(0) === 35) {
      const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88
      const digits = body.slice(hex ? 2 : 1)
      return fromCodePoint(digits.length > 8 ? Infinity : parseInt(digits, hex ? 16 : 10))
    }
    const v = NAMED[body]
    return v === undefined ? m : m.endsWith(';') || body.length <= 4 ? v : m
  })
}
