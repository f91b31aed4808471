import { DossierError } from '../errors.js'
import { DATE_RE } from './kb.data.js'
import { pushAll } from '../doc/arrays.js'

/** One problem in a KB file, positioned by file, line and field. */
export interface KbProblem { readonly file: string; readonly line: number; readonly field: string; readonly reason: string }

type Check = (v: unknown) => string | null // null when fine, else what was expected
const str: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? null : 'a non-empty string')
const strOrNull: Check = (v) => (v === null || (typeof v === 'string' && v.trim() !== '') ? null : 'a string or null')
const iso3: Check = (v) => (v === null || (typeof v === 'string' && /^[A-Z]{3}$/.test(v)) ? null : 'an ISO 3166 alpha-3 code such as "RUS", or null')
const date: Check = (v) => (v === null || (typeof v === 'string' && DATE_RE.test(v)) ? null : 'a date YYYY, YYYY-MM or YYYY-MM-DD, or null')
const strings: Check = (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() !== '') ? null : 'an array of non-empty strings')
const num: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'a number')
const bool: Check = (v) => (typeof v === 'boolean' ? null : 'true or false')
const idLike = (re: RegExp, example: string): Check => (v) => (typeof v === 'string' && re.test(v) ? null : `an id like "${example}"`)
const geo: Check = (v) => {
  if (typeof v !== 'object' || v === null) return 'an object {"lat": number, "lon": number}'
  const g = v as Record<string, unknown>
  return num(g.lat) === null && num(g.lon) === null && Math.abs(g.lat as number) <= 90 && Math.abs(g.lon as number) <= 180 ? null : 'an object {"lat": -90..90, "lon": -180..180}'
}

/** Field checks per file kind: [field, check, required]. */
const SCHEMAS: Readonly<Record<string, readonly (readonly [string, Check, boolean])[]>> = {
  people: [['id', idLike(/^P:[a-z0-9-]+$/, 'P:vladimir-putin'), true], ['name', str, true], ['affiliation', iso3, true],
    ['code', strOrNull, false], ['aliases', strings, false], ['roles', (v) => (Array.isArray(v) ? null : 'an array of roles'), false], ['surnames', strings, false], ['generated', bool, false]],
  offices: [['id', idLike(/^[A-Z0-9]{2,8}:[a-z0-9-]+$/, 'RUS:president'), true], ['title', str, true], ['country', iso3, true],
    ['body', strOrNull, false], ['kind', str, true], ['nouns', strings, true], ['code', strOrNull, true]],
  orgs: [['id', idLike(/^ORG:[A-Za-z0-9:-]+$/, 'ORG:RUS:kremlin'), true], ['name', str, true], ['affiliation', iso3, true],
    ['code', strOrNull, false], ['aliases', strings, false], ['heads', strings, false], ['template', str, false], ['standsFor', strOrNull, false], ['geo', geo, false], ['generated', bool, false]],
  groups: [['id', idLike(/^GROUP:[a-z0-9-]+$/, 'GROUP:islamic-state'), true], ['name', str, true], ['affiliation', iso3, true],
    ['code', strOrNull, false], ['aliases', strings, false], ['generated', bool, false]],
  places: [['id', idLike(/^(?:GPE|LOC):[A-Za-z0-9:-]+$/, 'LOC:gaza-strip'), true], ['name', str, true], ['affiliation', iso3, true],
    ['code', strOrNull, false], ['aliases', strings, false], ['geo', geo, false], ['standsFor', strOrNull, false]],
  bodies: [['template', idLike(/^[a-z-]+$/, 'foreign-ministry'), true], ['name', (v) => (typeof v === 'string' && v.includes('{country}') ? null : 'a name holding "{country}"'), true],
    ['heads', strings, true], ['code', str, true], ['nouns', strings, false]],
  countries: [['id', idLike(/^GPE:[A-Z]{3}$/, 'GPE:USA'), true], ['name', str, false], ['aliases', strings, false], ['demonyms', strings, false], ['code', strOrNull, false], ['drop', strings, false]],
  cities: [['id', idLike(/^GPE:[A-Z]{3}:[a-z0-9-]+$/, 'GPE:RUS:moscow'), true], ['name', str, true], ['country', iso3, true],
    ['lat', num, true], ['lon', num, true], ['pop', num, true], ['capital', bool, false], ['aliases', strings, false]],
}
const ROLE_FIELDS: readonly (readonly [string, Check, boolean])[] = [['office', str, true], ['from', date, true], ['to', date, true], ['title', str, false], ['code', strOrNull, false]]
const ALWAYS = new Set(['note', 'source'])

/** The file kinds the KB reads, from their file stems (people.jsonl → people). */
export const KB_KINDS: readonly string[] = Object.keys(SCHEMAS)

function checkFields(rec: Record<string, unknown>, schema: readonly (readonly [string, Check, boolean])[], prefix: string, push: (field: string, reason: string) => void): void {
  const known = new Set(schema.map((s) => s[0]))
  for (const [field, check, required] of schema) {
    if (!(field in rec)) { if (required) push(prefix + field, 'is missing'); continue }
    const expected = check(rec[field])
    if (expected) push(prefix + field, `expected ${expected}, got ${JSON.stringify(rec[field])?.slice(0, 60)}`)
  }
  for (const k of Object.keys(rec)) if (!known.has(k) && !ALWAYS.has(k)) push(prefix + k, 'is not a known field')
}

/** Validates one parsed record of a kind; returns its problems (empty when valid). */
export function validateRecord(kind: string, rec: unknown, file: string, line: number): KbProblem[] {
  const problems: KbProblem[] = []
  const push = (field: string, reason: string) => problems.push({ file, line, field, reason })
  const schema = SCHEMAS[kind]
  if (!schema) { push('', `unknown file kind "${kind}" (expected one of ${KB_KINDS.join(', ')})`); return problems }
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) { push('', 'expected a JSON object'); return problems }
  const r = rec as Record<string, unknown>
  checkFields(r, schema, '', push)
  if (kind === 'people' && Array.isArray(r.roles)) r.roles.forEach((role, i) => {
    if (typeof role !== 'object' || role === null) push(`roles[${i}]`, 'expected an object'); else checkFields(role as Record<string, unknown>, ROLE_FIELDS, `roles[${i}].`, push)
    const o = role as Record<string, unknown> | null
    if (o && typeof o.from === 'string' && typeof o.to === 'string' && o.from > o.to) push(`roles[${i}].to`, `expected a date after from (${o.from}), got ${o.to}`)
  })
  return problems
}

/** Parses JSON Lines text; blank lines and lines starting with `//` are skipped; `trusted` skips field checks. */
export function parseJsonl(text: string, file: string, kind: string, trusted = false): { records: { rec: Record<string, unknown>; line: number }[]; problems: KbProblem[] } {
  const records: { rec: Record<string, unknown>; line: number }[] = []
  const problems: KbProblem[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim()
    if (!t || t.startsWith('//')) continue
    let rec: unknown
    try { rec = JSON.parse(t) } catch (e) { problems.push({ file, line: i + 1, field: '', reason: `expected valid JSON, got ${(e as Error).message}` }); continue }
    // a trusted file (the generated city cache) is only parsed: validating 4,500 lines would cost load time
    const p = trusted ? [] : validateRecord(kind, rec, file, i + 1)
    if (p.length) pushAll(problems, p); else records.push({ rec: rec as Record<string, unknown>, line: i + 1 })
  }
  return { records, problems }
}

/** Formats problems as one line each: `file:line: field "x": reason`. */
export function formatProblems(problems: readonly KbProblem[]): string {
  return problems.map((p) => `${p.file}:${p.line}: ${p.field ? `field "${p.field}": ` : ''}${p.reason}`).join('\n')
}

/** Throws E_KB listing every problem (at most 50), or returns when there are none. */
export function throwIfProblems(problems: readonly KbProblem[]): void {
  if (!problems.length) return
  const shown = problems.slice(0, 50)
  throw new DossierError('E_KB', `Expected valid knowledge-base files, got ${problems.length} problem(s):\n${formatProblems(shown)}`, { problems: shown })
}
