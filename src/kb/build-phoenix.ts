/**
 * Imports the Phoenix actor dictionaries (openeventdata/petrarch2, MIT) into generated KB files, then rebuilds the
 * index cache: `npm run build:kb` (or `node --import tsx src/kb/build-phoenix.ts [--dict <folder>] [--lexicon <conllu>]`).
 *
 * Writes data/kb/people-phoenix.jsonl, orgs-phoenix.jsonl, groups-phoenix.jsonl and offices-phoenix.jsonl. Curated
 * records win: a Phoenix actor whose main name is a curated actor's name is left out, and a Phoenix alias that names
 * a curated actor, a country, a city or another Phoenix actor is dropped. Every such decision is counted in the
 * printed report, with examples, and listed in full in `--report <file>` when asked.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildParts } from './build.js'
import { surnameOf } from './name-index.js'
import { foldName } from './names.js'
import { nameTokens } from './name-index.js'
import {
  codeOffice, codeOfficeId, parseActorDictionary, phoenixId, phoenixKind, phoenixName, stripPersonTitles,
  type Lexicon, type PhoenixEntry, type PhoenixNote, type PhoenixOffice, type PhoenixRecord,
} from './phoenix.js'
import { readKbDirs, type KbRecords } from './read.js'
import type { KbActor } from './types.js'
import { throwIfProblems } from './validate.js'

/** The dictionary files read, with the kind of actors each holds. */
export const PHOENIX_FILES: readonly { readonly file: string; readonly kind: 'countries' | 'international' | 'milnonstate' }[] = [
  { file: 'Phoenix.Countries.actors.txt', kind: 'countries' },
  { file: 'Phoenix.International.actors.txt', kind: 'international' },
  { file: 'Phoenix.MilNonState.actors.txt', kind: 'milnonstate' },
]

/** Generated files (kind → file name); `readKbDirs` reads them like any other file of their kind. */
export const PHOENIX_OUTPUTS = { people: 'people-phoenix.jsonl', orgs: 'orgs-phoenix.jsonl', groups: 'groups-phoenix.jsonl', offices: 'offices-phoenix.jsonl' } as const

const isGenerated = (file: string) => /-phoenix\.jsonl$/.test(file)
const key = (s: string) => nameTokens(s).join(' ')

/** Lexicon from a CoNLL-U treebank: words seen in lower case (not proper nouns), and words mostly written in capitals. */
export function lexiconFromConllu(text: string): Lexicon {
  const lower = new Map<string, number>(), caps = new Map<string, number>(), title = new Map<string, number>()
  const inc = (m: Map<string, number>, w: string) => m.set(w, (m.get(w) ?? 0) + 1)
  for (const line of text.split('\n')) {
    if (!line || line[0] === '#') continue
    const c = line.split('\t')
    const form = c[1], upos = c[3]
    if (!form || !/^[A-Za-z][A-Za-z'-]*$/.test(form)) continue
    const w = form.toLowerCase()
    if (form === w) { if (upos !== 'PROPN') inc(lower, w) } else if (form === form.toUpperCase() && form.length > 1) inc(caps, w); else inc(title, w)
  }
  const common = new Set([...lower].filter(([, n]) => n >= 2).map(([w]) => w))
  const acronyms = new Set([...caps].filter(([w, n]) => n >= 2 && n > (title.get(w) ?? 0) && (lower.get(w) ?? 0) < n).map(([w]) => w))
  return { common, acronyms }
}

/** What the build decided, for the report. */
export interface PhoenixReport {
  entries: number
  kinds: Record<string, number>
  /** reason → examples */
  dropped: Map<string, string[]>
  written: { people: number; orgs: number; groups: number; offices: number; roles: number; aliases: number }
}

/** The curated KB names the import is checked against. */
interface Curated {
  /** folded name → curated actor ids (people, orgs, groups, places) */
  names: Map<string, Set<string>>
  types: Map<string, string>
  /** folded names of countries, demonyms, cities and places */
  places: Set<string>
  /** folded surnames of curated people */
  surnames: Set<string>
  demonyms: Set<string>
  states: Set<string>
  countryName: Map<string, string>
}

function curatedNames(records: KbRecords): Curated {
  const problems: Parameters<typeof throwIfProblems>[0] = []
  const parts = buildParts(records, problems as never)
  throwIfProblems(problems)
  const c: Curated = { names: new Map(), types: new Map(), places: new Set(), surnames: new Set(), demonyms: new Set(), states: new Set(), countryName: new Map() }
  for (const a of parts.actors.values() as Iterable<KbActor>) {
    const isCountry = /^GPE:[A-Z]{3}$/.test(a.id)
    if (isCountry) { c.states.add(a.affiliation!); c.countryName.set(a.affiliation!, a.name) }
    for (const d of a.demonyms ?? []) { c.demonyms.add(d.toLowerCase()); c.places.add(key(d)) }
    if (a.type === 'GPE' || a.type === 'LOC') { for (const n of a.aliases) c.places.add(key(n)); if (isCountry || a.origin?.includes('cities.jsonl')) continue }
    c.types.set(a.id, a.type)
    for (const n of a.aliases) { const k = key(n); if (!c.names.has(k)) c.names.set(k, new Set()); c.names.get(k)!.add(a.id) }
    if (a.type === 'PERSON') for (const n of a.surnames ?? a.aliases.map((x) => surnameOf(x, a.affiliation)).filter((s): s is string => !!s)) {
      c.surnames.add(foldName(n)); c.surnames.add(foldName(n.replace(/^(?:al|el|ash|as|ad|ar)-/i, '')))
    }
  }
  return c
}

/** A candidate actor while converting: record, the entry it came from and where it came from. */
interface Cand { rec: PhoenixRecord; entry: PhoenixEntry; primaryKey: string }

/** Converts parsed dictionaries into records, offices and a report, checked against the curated KB. */
export function convertPhoenix(files: readonly { entries: PhoenixEntry[]; kind: 'countries' | 'international' | 'milnonstate' }[], cur: Curated, lex: Lexicon, notes: PhoenixNote[] = []):
  { people: PhoenixRecord[]; orgs: PhoenixRecord[]; groups: PhoenixRecord[]; offices: PhoenixOffice[]; surnames: Map<string, string[]>; report: PhoenixReport } {
  const report: PhoenixReport = { entries: 0, kinds: {}, dropped: new Map(), written: { people: 0, orgs: 0, groups: 0, offices: 0, roles: 0, aliases: 0 } }
  const drop = (reason: string, what: string) => { const l = report.dropped.get(reason) ?? []; l.push(what); report.dropped.set(reason, l) }
  for (const n of notes) drop(n.reason, n.what)
  const cands: Cand[] = []
  for (const f of files) for (const e of f.entries) {
    report.entries++
    let kind = phoenixKind(e, f.kind, lex, cur.demonyms)
    // a single name with dated codes is a person known by one name ("HAMMARSKJOLD_"): too little to match safely
    if (kind === 'org' && !/[_ ]/.test(e.name.replace(/_+$/, '')) && e.codes.some((c) => c.dated) && !/^[A-Z]{2,6}$/.test(e.name.replace(/_+$/, ''))) kind = 'skip'
    report.kinds[kind] = (report.kinds[kind] ?? 0) + 1
    if (kind === 'country') { drop('country entry (countries come from world-countries)', e.name); continue }
    if (kind === 'skip') { drop('no codes, no synonyms, or a person known by one name only', `${e.file}:${e.line} ${e.name}`); continue }
    const where = `${e.file.replace(/\.actors\.txt$/, '')}:${e.line}`
    const raw = [e.name, ...e.synonyms]
    const names: string[] = []
    for (const r of raw) {
      const acr = /\(([A-Z][A-Z.&-]{1,9})\)/.exec(r)
      const plain = r.replace(/\([^)]*\)/g, ' ').replace(/[_\s]+/g, ' ').trim()
      if (acr && kind !== 'person') names.push(acr[1]!)
      const s = kind === 'person' ? stripPersonTitles(plain, cur.demonyms) : plain.replace(/^THE /i, '')
      if (s) names.push(phoenixName(s, lex))
    }
    const codes = e.codes
    const affiliation = codes.map((c) => c.code.slice(0, 3)).find((p) => cur.states.has(p)) ?? null
    const undated = codes.filter((c) => !c.dated).pop()
    const latest = [...codes].filter((c) => c.dated).sort((a, b) => (a.to ?? '9999').localeCompare(b.to ?? '9999')).pop()
    const name = names[0]!
    const rec: PhoenixRecord = {
      id: phoenixId(kind, name, affiliation), name, kind, affiliation, code: (undated ?? latest)?.code ?? null, aliases: [...new Set(names)],
      roles: kind === 'person' ? codes.filter((c) => c.dated).map((c) => ({ office: codeOfficeId(c.code), from: c.from, to: c.to })) : [], source: where,
    }
    cands.push({ rec, entry: e, primaryKey: key(name) })
  }

  // same actor as a curated one: its main name is a curated name of the same kind
  const sameKind = (kind: PhoenixRecord['kind'], type: string | undefined) => (kind === 'person' ? type === 'PERSON' : type === 'ORG' || type === 'GROUP')
  const kept: Cand[] = []
  for (const c of cands) {
    const hit = [...(cur.names.get(c.primaryKey) ?? [])].find((id) => sameKind(c.rec.kind, cur.types.get(id)))
    if (hit) { drop('same actor as a curated record (curated kept)', `${c.rec.name} (${c.rec.source}) = ${hit}`); continue }
    kept.push(c)
  }

  // one record per id: same name, kind and state are merged; otherwise the id takes the state
  const byId = new Map<string, Cand>()
  for (const c of kept) {
    const prev = byId.get(c.rec.id)
    if (prev && prev.rec.kind === c.rec.kind && prev.rec.affiliation === c.rec.affiliation) {
      prev.rec.aliases = [...new Set([...prev.rec.aliases, ...c.rec.aliases])]
      for (const r of c.rec.roles) if (!prev.rec.roles.some((x) => x.office === r.office && x.from === r.from && x.to === r.to)) prev.rec.roles.push(r)
      prev.rec.code ??= c.rec.code
      drop('merged with another Phoenix entry of the same name (duplicate entry)', `${c.rec.name} (${c.rec.source}) into ${prev.rec.source}`)
      continue
    }
    if (prev) {
      let id = `${c.rec.id}-${(c.rec.affiliation ?? c.rec.code?.slice(0, 3) ?? 'x').toLowerCase()}`
      for (let n = 2; byId.has(id); n++) id = `${c.rec.id}-${n}`
      c.rec.id = id
    }
    byId.set(c.rec.id, c)
  }
  const all = [...byId.values()]

  // aliases: each is checked on its own
  const owners = new Map<string, Set<string>>()
  for (const c of all) for (const a of c.rec.aliases) { const k = key(a); if (!owners.has(k)) owners.set(k, new Set()); owners.get(k)!.add(c.rec.id) }
  const isCommon = (k: string) => k.split(' ').every((w) => lex.common.has(w) || w.length < 2)
  const records: PhoenixRecord[] = []
  for (const c of all) {
    const ok: string[] = []
    for (const a of c.rec.aliases) {
      const k = key(a), words = k.split(' ')
      const acronym = /^[A-Z][A-Z.&-]*$/.test(a.replace(/\s/g, ''))
      const why =
        letters(a) < 2 ? 'too short'
        : c.rec.kind === 'person' && words.length < 2 ? 'a bare name (a person\'s surname alone is matched only with support)'
        : acronym && letters(a) < 3 ? 'a two-letter acronym'
        : acronym && lex.common.has(k) ? 'an acronym that is an everyday word'
        : !acronym && words.length < 2 && (lex.common.has(k) || letters(a) < 5) ? 'a single everyday or short word'
        : !acronym && words.length >= 2 && isCommon(k) && c.rec.kind !== 'person' ? 'everyday words only (a description, not a name)'
        : cur.places.has(k) ? 'the name of a country, city or place'
        : [...(cur.names.get(k) ?? [])].length ? `names a curated actor (${[...cur.names.get(k)!].join(', ')})`
        : owners.get(k)!.size > 1 ? 'shared by several Phoenix actors' : null
      if (why) { drop(`alias dropped: ${why}`, `${a} (${c.rec.name}, ${c.rec.source})`); continue }
      ok.push(a)
    }
    if (!ok.length) { drop('actor dropped: no safe name left', `${c.rec.name} (${c.rec.source})`); continue }
    if (ok[0] !== c.rec.name) c.rec.name = ok[0]!
    c.rec.aliases = ok
    records.push(c.rec)
  }

  // surnames: only those no curated person, place, everyday word or other Phoenix person has
  const people = records.filter((r) => r.kind === 'person')
  const surOf = (r: PhoenixRecord) => [...new Set(r.aliases.map((a) => surnameOf(a, r.affiliation)).filter((s): s is string => !!s))]
  const surOwners = new Map<string, Set<string>>()
  const variants = (s: string) => [...new Set([foldName(s), foldName(s.replace(/^(?:al|el|ash|as|ad|ar)-/i, ''))])]
  for (const r of people) for (const s of surOf(r)) for (const v of variants(s)) { if (!surOwners.has(v)) surOwners.set(v, new Set()); surOwners.get(v)!.add(r.id) }
  const surnames = new Map<string, string[]>()
  for (const r of people) {
    const derived = surOf(r)
    const ok = derived.filter((s) => {
      const why = variants(s).map((v) =>
        v.length < 3 ? 'too short'
        : cur.surnames.has(v) ? 'a curated person\'s surname'
        : cur.places.has(v) || cur.names.has(v) ? 'the name of a place or a curated actor'
        : lex.common.has(v) || lex.acronyms.has(v) ? 'an everyday word'
        : surOwners.get(v)!.size > 1 ? 'shared by several Phoenix people' : null).find(Boolean)
      if (why) drop(`surname not indexed: ${why}`, `${s} (${r.name})`)
      return !why
    })
    if (ok.length !== derived.length) surnames.set(r.id, ok)
  }

  const offices = new Map<string, PhoenixOffice>()
  for (const r of people) for (const role of r.roles) if (!offices.has(role.office)) offices.set(role.office, codeOffice(role.office.split(':cameo-')[1]!.toUpperCase(), cur.states, (iso) => cur.countryName.get(iso)))
  const out = { people, orgs: records.filter((r) => r.kind === 'org'), groups: records.filter((r) => r.kind === 'group'), offices: [...offices.values()] }
  report.written = { people: out.people.length, orgs: out.orgs.length, groups: out.groups.length, offices: offices.size,
    roles: people.reduce((n, r) => n + r.roles.length, 0), aliases: records.reduce((n, r) => n + r.aliases.length, 0) }
  return { ...out, surnames, report }
}

const letters = (s: string) => s.replace(/[^\p{L}]/gu, '').length

/** The JSON line of a record, in the field order of the hand-made files. */
function line(r: PhoenixRecord, surnames: Map<string, string[]>): string {
  const o: Record<string, unknown> = { id: r.id, name: r.name, affiliation: r.affiliation, code: r.code }
  if (r.aliases.length > 1) o.aliases = r.aliases.slice(1)
  if (r.kind === 'person' && r.roles.length) o.roles = r.roles
  if (surnames.has(r.id)) o.surnames = surnames.get(r.id)
  o.generated = true
  o.source = r.source
  return JSON.stringify(o)
}

/** Runs the whole import: reads, converts, writes the generated files and the index cache, prints the report. */
export async function buildPhoenix(opts: { dict: string; lexicon: string; kbDir: string; reportFile?: string }): Promise<PhoenixReport> {
  const { records } = readKbDirs([opts.kbDir])
  for (const k of Object.keys(records)) records[k] = records[k]!.filter((r) => !isGenerated(r.file))
  const cur = curatedNames(records)
  if (!existsSync(opts.lexicon)) throw new Error(`Expected the UD English treebank at ${opts.lexicon} (pass --lexicon <file.conllu>)`)
  const lex = lexiconFromConllu(readFileSync(opts.lexicon, 'utf8'))
  const notes: PhoenixNote[] = []
  const files = PHOENIX_FILES.map((f) => ({ kind: f.kind, entries: parseActorDictionary(readFileSync(join(opts.dict, f.file), 'latin1'), f.file, notes) }))
  const res = convertPhoenix(files, cur, lex, notes)
  const head = (what: string) => `// GENERATED by \`npm run build:kb\` (src/kb/build-phoenix.ts) from ${PHOENIX_FILES.map((f) => f.file).join(', ')} (openeventdata/petrarch2, MIT licence): ${what}. Do not edit: add to the hand-made files instead.`
  const write = (file: string, what: string, lines: string[]) => writeFileSync(join(opts.kbDir, file), [head(what), ...lines].join('\n') + '\n')
  write(PHOENIX_OUTPUTS.people, 'people with their dated CAMEO codes as roles', res.people.map((r) => line(r, res.surnames)))
  write(PHOENIX_OUTPUTS.orgs, 'organisations', res.orgs.map((r) => line(r, res.surnames)))
  write(PHOENIX_OUTPUTS.groups, 'armed groups', res.groups.map((r) => line(r, res.surnames)))
  write(PHOENIX_OUTPUTS.offices, 'one office per dated CAMEO code (the sector of the code, not a post)', res.offices.map((o) => JSON.stringify({ ...o, body: null })))
  const { freshCacheText } = await import('./build-cache.js')
  const { KB_CACHE_FILE } = await import('./index.js')
  const text = freshCacheText()
  writeFileSync(KB_CACHE_FILE, text)
  const r = res.report
  console.log(`Phoenix import: ${r.entries} dictionary entries (${Object.entries(r.kinds).map(([k, n]) => `${n} ${k}`).join(', ')})`)
  console.log(`wrote ${r.written.people} people (${r.written.roles} dated roles), ${r.written.orgs} organisations, ${r.written.groups} groups, ${r.written.offices} code offices, ${r.written.aliases} names`)
  console.log('conflicts resolved and names dropped:')
  for (const [reason, l] of [...r.dropped].sort((a, b) => b[1].length - a[1].length)) console.log(`  ${String(l.length).padStart(6)}  ${reason}: e.g. ${l.slice(0, 3).join('; ')}`)
  if (opts.reportFile) writeFileSync(opts.reportFile, [...r.dropped].map(([reason, l]) => `## ${reason} (${l.length})\n${l.join('\n')}\n`).join('\n'))
  console.log(`index cache: ${(text.length / 1e6).toFixed(2)} MB written to ${KB_CACHE_FILE}`)
  return r
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined }
  const { KB_BUILTIN_DIR } = await import('./index.js')
  const { DATA_DIR } = await import('../paths.js')
  const shared = resolve(DATA_DIR, '..', '..', 'shared', 'data')
  await buildPhoenix({
    dict: arg('--dict') ?? join(shared, 'events', 'petrarch2'),
    lexicon: arg('--lexicon') ?? join(shared, 'parsing', 'ud-en-ewt', 'en_ewt-ud-train.conllu'),
    kbDir: KB_BUILTIN_DIR, reportFile: arg('--report'),
  })
}
