import { defineStage } from '../../doc/stage.js'
import type { Sentence, TimeExpr, Token } from '../../doc/layers.js'
import { msg, type Message } from '../../doc/span.js'
import { DAY_WORDS, MONTH_LEADS, MONTHS, RELATIVE_OFFSETS, WEEKDAYS, YEAR_LEADS } from './timex.data.js'
import { absolute, anchorOf, bareMonth, dayOffset, monthDay, monthOf, weekday, weekOf, type Resolved } from './resolve.js'

/** `[Ll]ast`: a cue word that may open a sentence. */
const ci = (w: string): string => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`
const alt = (ws: Iterable<string>): string => [...ws].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s')).join('|')
const MON = alt(MONTHS.keys())
const WD = alt(WEEKDAYS.keys())
const REL = alt(Object.keys(RELATIVE_OFFSETS).map(ci))
const EDGE = `(?:(?:${ci('early')}|${ci('late')}|${ci('mid')}-?)\\s?)?`

/** One pass over the text; alternatives are tried in this order at each position (longest forms first). */
const TIMEX_RE = new RegExp([
  String.raw`\b(?<isoY>\d{4})-(?<isoM>\d{2})-(?<isoD>\d{2})\b`,
  String.raw`\b(?<dmyD>\d{1,2})(?:st|nd|rd|th)?\s(?<dmyM>${MON})\.?(?:,?\s(?<dmyY>\d{4}))?\b`,
  String.raw`\b${EDGE}(?<mdyM>${MON})\.?\s(?<mdyD>\d{1,2})(?:st|nd|rd|th)?(?:,?\s(?<mdyY>\d{4}))?\b(?![:\d])`,
  String.raw`\b${EDGE}(?<myM>${MON})\.?,?\s(?<myY>\d{4})\b`,
  String.raw`(?<=\b(?:${alt(MONTH_LEADS.map(ci))})\s)${EDGE}(?<bmM>${MON})\b(?!\.?\s?\d)`,
  String.raw`\b(?:(?<wdRel>${REL})\s)?(?:(?:${ci('early')}|${ci('late')})\s)?(?<wdD>${WD})(?:\s(?:morning|afternoon|evening|night))?\b`,
  String.raw`\b(?:(?:${ci('earlier')}|${ci('later')})\s)?(?<wkRel>${REL})\sweek\b`,
  String.raw`\b(?:(?:${ci('earlier')}|${ci('later')})\s)?(?<moRel>${REL})\smonth\b`,
  String.raw`\b(?<yrRel>${REL})\syear\b`,
  String.raw`(?<!\p{Lu}[\p{L}.]*\s)\b(?<dw>${alt(Object.keys(DAY_WORDS).map(ci))})\b`, // not a name's last word ("USA Today")
  String.raw`(?<=\b(?:${alt(YEAR_LEADS.map(ci))})\s|['’]s\s)(?<yY>(?:19|20)\d{2})\b(?![,.]?\d)`,
].join('|'), 'gu')

type Groups = Record<string, string | undefined>
const lc = (s: string | undefined): string => (s ?? '').toLowerCase()

/** Resolves one match: [resolved or null, precision, stated?]. `anchor` null leaves relative expressions unresolved. */
function resolveMatch(g: Groups, anchor: Date | null): { r: Resolved | null; precision: TimeExpr['precision']; stated: boolean } | null {
  const mon = (k: string): number => MONTHS.get(g[k]!)!
  if (g.isoY) { const r = absolute(+g.isoY, +g.isoM!, +g.isoD!); return r && { r, precision: 'day', stated: true } }
  if (g.dmyM || g.mdyM) {
    const [y, m, d] = g.dmyM ? [g.dmyY, mon('dmyM'), +g.dmyD!] : [g.mdyY, mon('mdyM'), +g.mdyD!]
    if (d < 1 || d > 31) return null
    if (y) { const r = absolute(+y, m, d); return r && { r, precision: 'day', stated: true } }
    return { r: anchor && monthDay(anchor, m, d), precision: 'day', stated: false }
  }
  if (g.myM) return { r: absolute(+g.myY!, mon('myM')), precision: 'month', stated: true }
  if (g.bmM) return { r: anchor && bareMonth(anchor, mon('bmM')), precision: 'month', stated: false }
  if (g.wdD) return { r: anchor && weekday(anchor, WEEKDAYS.get(g.wdD)!, lc(g.wdRel) || undefined), precision: 'day', stated: false }
  if (g.wkRel) return { r: anchor && weekOf(anchor, RELATIVE_OFFSETS[lc(g.wkRel)]), precision: 'week', stated: false }
  if (g.moRel) return { r: anchor && monthOf(anchor, RELATIVE_OFFSETS[lc(g.moRel)]), precision: 'month', stated: false }
  if (g.yrRel) { const a = anchor && String(anchor.getUTCFullYear() + RELATIVE_OFFSETS[lc(g.yrRel)]); return { r: a ? { value: a, precision: 'year' } : null, precision: 'year', stated: false } }
  if (g.dw) return { r: anchor && dayOffset(anchor, DAY_WORDS[lc(g.dw)]), precision: 'day', stated: false }
  if (g.yY) return { r: absolute(+g.yY), precision: 'year', stated: true }
  return null
}

/**
 * Finds and resolves time expressions inside the given sentences. Relative expressions resolve against
 * `published` (a weekday is the latest such day on or before it; "this/last week" is a Monday, precision week);
 * with no publication date they stay `{ value: null, basis: 'unresolved' }` and a message says so.
 * @example findTimex('They met on Monday.', [{start:0,end:19}], '2024-08-06').timex[0].value // '2024-08-05'
 */
export function findTimex(text: string, sentences: readonly Sentence[], published: string | null, tokens?: readonly Token[]): { timex: TimeExpr[]; messages: Message[] } {
  const anchor = anchorOf(published)
  const timex: TimeExpr[] = []
  const messages: Message[] = []
  const starts = tokens ? tokens.map((t) => t.start) : wordStarts(text)
  let k = 0
  for (const s of sentences) {
    while (k < starts.length && starts[k] < s.start) k++
    let covered = s.start
    for (let i = k; i < starts.length && starts[i] < s.end; i++) {
      // only where a date word or a digit begins, try the full pattern from up to two words before
      if (starts[i] < covered || !isHint(text, starts[i])) continue
      for (let j = Math.max(k, i - 2); j <= i; j++) {
        if (starts[j] < covered) continue
        STICKY_RE.lastIndex = starts[j]
        const m = STICKY_RE.exec(text)
        if (!m || m.index + m[0].length <= starts[i] || m.index + m[0].length > s.end) continue
        const res = resolveMatch(m.groups as Groups, anchor)
        if (!res) continue
        const span = { start: m.index, end: m.index + m[0].length }
        const basis = res.stated ? 'stated' : res.r ? 'relative-to-publication' : 'unresolved'
        timex.push({ ...span, text: m[0], value: res.r?.value ?? null, precision: res.r?.precision ?? res.precision, basis })
        if (basis === 'unresolved') messages.push(msg('timex', 'unresolved-relative-date', `Expected a publication date to resolve "${m[0]}", got none: left unresolved`, 'info', span))
        covered = span.end
        break
      }
    }
  }
  return { timex, messages }
}

/** The pattern tried at one position only. */
const STICKY_RE = new RegExp(TIMEX_RE.source, 'uy')
const HINT_WORDS = new Set([...MONTHS.keys(), ...WEEKDAYS.keys(), 'week', 'month', 'year', ...Object.keys(DAY_WORDS)].map((w) => w.toLowerCase()))
/** True when the word at `pos` can carry a date: a digit, a month or weekday name, or a relative unit word. */
function isHint(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos)
  if (c >= 48 && c <= 57) return true
  const m = /[A-Za-z]+/y
  m.lastIndex = pos
  const w = m.exec(text)
  return !!w && HINT_WORDS.has(w[0].toLowerCase())
}
/** Word starts when no tokens layer is given. */
function wordStarts(text: string): number[] {
  const out: number[] = []
  const re = /[\p{L}\p{N}]+/gu
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) out.push(m.index)
  return out
}

/** Time expressions resolved against the publication date (`doc.meta.published`). */
export function timexStage() {
  return defineStage({
    name: 'timex', requires: ['tokens', 'sentences'], produces: ['timex'],
    run(doc, { tokens, sentences }) {
      const { timex, messages } = findTimex(doc.text, sentences, doc.meta.published, tokens)
      return { layers: { timex }, messages }
    },
  })
}
