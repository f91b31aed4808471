import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { mentionStandsFor, normText, scores, stemOf, wordCoverage } from './text-match.js'
import { isSymmetric } from '../plover/index.js'

type Rec = Record<string, any>
type Ratio = [number, number]
/** Bases whose dates the page alone fixes: only these are checked. */
const PAGE_FIXED_BASES = new Set(['stated', 'relative-to-publication'])
const DAY_MS = 86_400_000

/** The scores of an export against a gold folder, per document, corpus-wide totals and cross-document checks. */
export interface GoldReport { documents: Record<string, Rec>; totals: Rec; cross_document?: Rec }

/** Reads a gold folder: per-page files (sorted by name) and the optional cross-document file. */
export function readGold(dir: string): { pages: { file: string; gold: Rec }[]; cross: Rec | null } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'cross-document.json').sort()
  const crossFile = join(dir, 'cross-document.json')
  return {
    pages: files.map((file) => ({ file, gold: JSON.parse(readFileSync(join(dir, file), 'utf8')) })),
    cross: existsSync(crossFile) ? JSON.parse(readFileSync(crossFile, 'utf8')) : null,
  }
}

/** Does a system date carry a gold date at the gold precision? (`week`: a day of the week starting at the gold date) */
export function dateCarries(sys: unknown, gold: string, precision: string): boolean {
  if (precision === 'week') {
    const s = Date.parse(String(sys)), g = Date.parse(gold)
    return !Number.isNaN(s) && s >= g && s < g + 7 * DAY_MS
  }
  const len = precision === 'year' ? 4 : precision === 'month' ? 7 : 10
  return typeof sys === 'string' && sys.slice(0, len) === gold.slice(0, len)
}

/** Scores export records (JSON Lines objects) against a gold folder, by the matching rules of the gold README. */
export function scoreAgainstGold(records: readonly Rec[], goldDir: string): GoldReport {
  const docs = records.filter((r) => (r.kind ?? 'document') === 'document')
  const docStem = (d: Rec) => stemOf(d.source?.path ?? d.source ?? d.id)
  const byStem = new Map(docs.map((d) => [docStem(d), d]))
  const stemById = new Map(docs.map((d) => [d.id, docStem(d)]))
  const actorById = new Map(records.filter((r) => r.kind === 'actor').map((a) => [a.id, a]))
  const textOf = (d: Rec, x: any): string | null => x == null ? null : typeof x === 'string' ? x : x.text ?? d.text?.slice(x.start, x.end) ?? null
  const surfaceForms = (d: Rec, e: Rec): string[] => (e.mentions ?? []).map((m: any) => textOf(d, m)).filter(Boolean)
  const actorKey = (e: Rec) => e.actor ?? e.id ?? e.name
  const nameOf = (d: Rec, ref: any): string | null => {
    if (ref == null) return null
    const entities: Rec[] = d.entities ?? []
    if (typeof ref === 'string') return entities.find((x) => x.id === ref || x.actor === ref)?.name ?? actorById.get(ref)?.name ?? ref
    return ref.name ?? actorById.get(ref.actor)?.name ?? entities.find((x) => x.id === ref.id)?.name ?? null
  }
  const eventsOf = (d: Rec | undefined) => (d?.events ?? []).map((e: Rec) => ({ ...e, src: nameOf(d!, e.source_actor ?? e.source), tgt: nameOf(d!, e.target_actor ?? e.target), ev: textOf(d!, e.evidence) ?? '' }))

  const { pages, cross } = readGold(goldDir)
  const report: GoldReport = { documents: {}, totals: {} }
  const sum = { body: [0, 0, 0], edges: [0, 0] as Ratio, meta: {} as Record<string, Ratio>, mentions: [0, 0] as Ratio, splits: 0, merges: 0, goldEntities: 0,
    events: [0, 0, 0], loose: [0, 0, 0], dates: [0, 0] as Ratio, quotes: [0, 0, 0], speakers: [0, 0] as Ratio, claims: [0, 0, 0], framing: [0, 0] as Ratio }
  const add = (acc: number[], ...xs: number[]) => xs.forEach((x, i) => { acc[i] += x })

  for (const { file, gold: g } of pages) {
    const s = stemOf(g.doc ?? g.id ?? file)
    const d = byStem.get(s)
    const r: Rec = (report.documents[s] = { found: !!d })
    if (!d) {
      if (g.body) sum.body[2] += g.body.length; else sum.edges[1]++
      for (const k of ['events', 'loose'] as const) sum[k][2] += g.events.length
      sum.quotes[2] += g.quotes.length; sum.claims[2] += g.claims.length; sum.framing[1] += (g.framing ?? []).length
      sum.goldEntities += g.entities.length
      for (const e of g.entities) sum.mentions[1] += e.mentions.length
      for (const e of g.events) if (e.date && PAGE_FIXED_BASES.has(e.date_basis)) sum.dates[1]++
      continue
    }
    // body paragraphs, exact after normalisation; optional paragraphs neither count nor cost
    const sysBody = (d.body ?? []).map(normText).filter(Boolean)
    if (g.body) {
      const goldBody = new Set<string>(g.body.map(normText)), optional = new Set<string>((g.body_optional ?? []).map(normText))
      const predicted = sysBody.filter((p: string) => !optional.has(p))
      const tp = predicted.filter((p: string) => goldBody.has(p)).length
      add(sum.body, tp, predicted.length, goldBody.size); r.body = scores(tp, predicted.length, goldBody.size)
    } else if (g.body_first) {
      const joined = sysBody.join(' ')
      const ok = joined.startsWith(normText(g.body_first)) && joined.endsWith(normText(g.body_last))
      add(sum.edges, ok ? 1 : 0, 1); r.body_edges = ok
    }
    r.meta = {}
    for (const f of ['title', 'published', 'author', 'outlet', 'copy_of']) {
      const gv = g[f], sv = d[f]
      let ok: boolean
      if (gv == null) ok = sv == null
      else if (f === 'published') ok = typeof sv === 'string' && sv.slice(0, 10) === gv.slice(0, 10)
      else if (f === 'outlet' || f === 'copy_of') ok = sv != null && (normText(sv).includes(normText(gv)) || normText(gv).includes(normText(sv)))
      else if (f === 'title') ok = [gv, ...(g.title_alternatives ?? [])].some((t: string) => normText(t) === normText(sv))
      else ok = normText(sv) === normText(gv)
      r.meta[f] = ok
      add((sum.meta[f] ??= [0, 0]), ok ? 1 : 0, 1)
    }
    // entities: a gold entity maps to every system actor carrying one of its surface forms or its name
    const sysMentions = (d.entities ?? []).flatMap((e: Rec) => surfaceForms(d, e).map((text) => ({ text, key: actorKey(e), name: e.name })))
    const keysOf = new Map<string, Set<string>>()
    let found = 0, total = 0
    for (const ge of g.entities) {
      const keys = new Set<string>()
      for (const m of ge.mentions) {
        total++
        const exact = sysMentions.filter((x: Rec) => normText(x.text) === normText(m))
        const hits = exact.length ? exact : sysMentions.filter((x: Rec) => mentionStandsFor(m, x.text))
        if (hits.length) found++
        for (const h of hits) keys.add(h.key)
      }
      for (const x of sysMentions) if (normText(x.name) === normText(ge.name)) keys.add(x.key)
      keysOf.set(ge.name, keys)
      if (keys.size > 1) sum.splits++
    }
    const owner = new Map<string, string>()
    for (const [goldName, keys] of keysOf) for (const k of keys) { if (owner.has(k) && owner.get(k) !== goldName) sum.merges++; owner.set(k, goldName) }
    add(sum.mentions, found, total); sum.goldEntities += g.entities.length
    r.mentions = { found, total }
    const sameActor = (goldRef: any, sysName: string | null) => (Array.isArray(goldRef) ? goldRef : [goldRef]).some((gname: string | null) => {
      if (gname == null || sysName == null) return gname == null && sysName == null
      if (normText(gname) === normText(sysName)) return true
      const ge = g.entities.find((x: Rec) => x.name === gname)
      return !!ge && [ge.name, ...ge.mentions].some((m: string) => mentionStandsFor(m, sysName))
    })
    // events: strict (type, actors, page-fixed day date) and loose (type, evidence words)
    const sev = eventsOf(d)
    const usedStrict = new Set<number>(), usedLoose = new Set<number>()
    let strict = 0, loose = 0
    for (const ge of g.events) {
      const symmetric = isSymmetric(ge.type)
      const checkDay = ge.date && ge.date_precision === 'day' && (ge.date_basis == null || PAGE_FIXED_BASES.has(ge.date_basis))
      const i = sev.findIndex((e: Rec, k: number) => !usedStrict.has(k) && e.type === ge.type &&
        ((sameActor(ge.source_actor, e.src) && sameActor(ge.target_actor, e.tgt)) || (symmetric && sameActor(ge.source_actor, e.tgt) && sameActor(ge.target_actor, e.src))) &&
        (!checkDay || (e.date ?? '').slice(0, 10) === ge.date))
      if (i >= 0) { usedStrict.add(i); strict++ }
      const evidence = [ge.evidence, ...(ge.evidence_also ?? [])].filter(Boolean)
      const j = sev.findIndex((e: Rec, k: number) => !usedLoose.has(k) && e.type === ge.type && Math.max(0, ...evidence.map((x: string) => wordCoverage(x, e.ev))) >= 0.6)
      if (j >= 0) { usedLoose.add(j); loose++ }
      if (ge.date && PAGE_FIXED_BASES.has(ge.date_basis)) add(sum.dates, j >= 0 && dateCarries(sev[j].date, ge.date, ge.date_precision) ? 1 : 0, 1)
    }
    add(sum.events, strict, sev.length, g.events.length); add(sum.loose, loose, sev.length, g.events.length)
    r.events = scores(strict, sev.length, g.events.length); r.eventsLoose = scores(loose, sev.length, g.events.length)
    // quotes: each text holds 80% of the other's words; quotes matching only an optional gold quote are not counted
    const sq = (d.quotes ?? []).map((q: Rec) => ({ text: textOf(d, q) ?? '', speaker: nameOf(d, q.speaker) }))
    const sameQuote = (a: string, b: string) => wordCoverage(a, b) >= 0.8 && wordCoverage(b, a) >= 0.8
    const optionalQuotes: string[] = (g.quotes_optional ?? []).map((q: Rec) => q.text)
    const usedQ = new Set<number>()
    let qtp = 0, speakerOk = 0
    for (const gq of g.quotes) {
      const i = sq.findIndex((q: Rec, k: number) => !usedQ.has(k) && sameQuote(gq.text, q.text))
      if (i < 0) continue
      usedQ.add(i); qtp++
      if (sameActor([gq.speaker, ...(gq.speaker_alternatives ?? [])], sq[i].speaker)) speakerOk++
    }
    const qpred = sq.filter((q: Rec, k: number) => usedQ.has(k) || !optionalQuotes.some((o) => sameQuote(o, q.text))).length
    add(sum.quotes, qtp, qpred, g.quotes.length); add(sum.speakers, speakerOk, qtp)
    r.quotes = { ...scores(qtp, qpred, g.quotes.length), speaker_ok: speakerOk }
    // claims: equal value and half of the gold evidence's words
    const sc = (d.claims ?? []).map((c: Rec) => ({ value: Number(c.value), ev: textOf(d, c.evidence) ?? '' }))
    const usedC = new Set<number>()
    let ctp = 0
    for (const gc of g.claims) {
      const i = sc.findIndex((c: Rec, k: number) => !usedC.has(k) && c.value === Number(gc.value) && wordCoverage(gc.evidence, c.ev) >= 0.5)
      if (i >= 0) { usedC.add(i); ctp++ }
    }
    add(sum.claims, ctp, sc.length, g.claims.length); r.claims = scores(ctp, sc.length, g.claims.length)
    // framing: the document's framing list holds each gold term
    const terms = (d.framing ?? []).map((f: Rec) => normText(f.term ?? textOf(d, f.evidence ?? f) ?? ''))
    const goldTerms: Rec[] = g.framing ?? []
    const framingOk = goldTerms.filter((f) => terms.some((t: string) => t && (t.includes(normText(f.term)) || normText(f.term).includes(t)))).length
    add(sum.framing, framingOk, goldTerms.length); r.framing = `${framingOk}/${goldTerms.length}`
  }

  if (cross) {
    // a distinct name is found by its canonical name or by any surface form the gold pages give it
    const goldForms = new Map<string, string[]>()
    for (const { gold: g } of pages) for (const e of g.entities ?? []) goldForms.set(normText(e.name), [...(goldForms.get(normText(e.name)) ?? []), ...(e.mentions ?? [])])
    report.cross_document = scoreCross(cross, { docs, byStem, stemById, eventsOf, surfaceForms, actorKey, records, goldForms })
  }
  const ratio = ([a, b]: Ratio) => `${a}/${b}`
  report.totals = {
    documents_found: `${Object.values(report.documents).filter((x) => x.found).length}/${pages.length}`,
    body: scores(sum.body[0], sum.body[1], sum.body[2]), body_edges: ratio(sum.edges),
    metadata: Object.fromEntries(Object.entries(sum.meta).map(([k, v]) => [k, ratio(v)])),
    mention_recall: Number((sum.mentions[1] ? sum.mentions[0] / sum.mentions[1] : 0).toFixed(3)),
    entity_splits: sum.splits, entity_false_merges: sum.merges, gold_entities: sum.goldEntities,
    events: scores(sum.events[0], sum.events[1], sum.events[2]), events_loose: scores(sum.loose[0], sum.loose[1], sum.loose[2]), event_dates: ratio(sum.dates),
    quotes: scores(sum.quotes[0], sum.quotes[1], sum.quotes[2]), speaker_accuracy: Number((sum.speakers[1] ? sum.speakers[0] / sum.speakers[1] : 0).toFixed(3)),
    claims: scores(sum.claims[0], sum.claims[1], sum.claims[2]), framing: ratio(sum.framing),
  }
  return report
}

interface CrossCtx {
  docs: Rec[]; byStem: Map<string, Rec>; stemById: Map<string, string>; records: readonly Rec[]
  eventsOf: (d: Rec | undefined) => Rec[]; surfaceForms: (d: Rec, e: Rec) => string[]; actorKey: (e: Rec) => string
  /** surface forms the gold pages give each canonical name (normalised) */
  goldForms: ReadonlyMap<string, string[]>
}

/** Cross-document checks: shared story events, kept-apart events, stories, contradictions, inferred dates, actors. */
function scoreCross(cd: Rec, c: CrossCtx): Rec {
  const matchEvent = (m: Rec): Rec | null => {
    const candidates = c.eventsOf(c.byStem.get(stemOf(m.doc))).filter((e) => !m.type || e.type === m.type)
    let best: Rec | null = null, bestScore = -1
    for (const e of candidates) { const o = wordCoverage(m.evidence, e.ev); if (o >= 0.6 && o > bestScore) { best = e; bestScore = o } }
    return best
  }
  const storyOf = (e: Rec | null) => e?.story_event ?? e?.cluster ?? e?.cross_id ?? null
  const count = (xs: Rec[] | undefined, ok: (x: Rec) => boolean) => ({ ok: (xs ?? []).filter(ok).length, total: (xs ?? []).length })
  const out: Rec = {}
  out.same_event = count(cd.same_event, (grp) => { const ids = grp.members.map((m: Rec) => storyOf(matchEvent(m))); return ids.every((x: any) => x != null) && new Set(ids).size === 1 })
  out.different_events = count(cd.different_events, (grp) => {
    const evs = grp.members.map(matchEvent)
    if (evs.some((e: any) => !e)) return false
    const ids = evs.map(storyOf)
    return ids.some((x: any) => x == null) || new Set(ids).size === ids.length
  })
  const docRefStem = (x: any) => typeof x === 'string' ? c.stemById.get(x) ?? stemOf(x) : c.stemById.get(x.id) ?? stemOf(x.source?.path ?? x.doc)
  const stories = c.records.filter((r) => r.kind === 'story').map((s) => new Set((s.documents ?? s.docs ?? []).map(docRefStem)))
  out.same_story = { ...count(cd.same_story, (grp) => stories.some((s) => grp.docs.every((x: string) => s.has(stemOf(x))))), stories: stories.length }
  const contradictions = c.records.filter((r) => r.kind === 'contradiction')
  out.contradictions = { ...count(cd.contradictions, (gc) => contradictions.some((sc) => {
    const values = new Set((sc.members ?? []).map((m: Rec) => String(m.value)))
    return gc.members.every((m: Rec) => values.has(String(m.value)))
  })), reported: contradictions.length }
  out.date_inference = count(cd.date_inference, (x) => {
    const d = c.byStem.get(stemOf(x.doc))
    if (!d) return false
    if (x.field === 'published') { const v = d.published_inferred?.date ?? d.published_inferred; return typeof v === 'string' && dateCarries(v, x.value, x.precision) }
    const e = matchEvent(x)
    return !!e && dateCarries(e.date, x.value, x.precision)
  })
  const actorsNamed = (names: string[], variants: string[]) => {
    const keys = new Set<string>()
    for (const d of c.docs) for (const e of d.entities ?? []) {
      if (names.some((n) => normText(e.name) === normText(n)) || c.surfaceForms(d, e).some((t) => variants.some((v) => normText(v) === normText(t)))) keys.add(c.actorKey(e))
    }
    return keys
  }
  out.entity_variants = count(cd.entity_variants, (v) => actorsNamed([v.name], v.variants).size === 1)
  out.distinct_entities = count(cd.distinct_entities, (x) => {
    const sets = x.names.map((n: string) => actorsNamed([n], c.goldForms.get(normText(n)) ?? []))
    return sets.every((s: Set<string>) => s.size > 0) && !sets.some((s: Set<string>, i: number) => sets.some((t: Set<string>, j: number) => j > i && [...s].some((k) => t.has(k))))
  })
  return out
}

/** The two summary lines `dossier eval` prints (same figures as the reference scorer). */
export function formatGoldReport(r: GoldReport): string {
  const t = r.totals
  const lines = [
    `docs ${t.documents_found} | body F1 ${t.body.f1} edges ${t.body_edges} | meta ${JSON.stringify(t.metadata)} | mentions R ${t.mention_recall} splits ${t.entity_splits} merges ${t.entity_false_merges}`,
    `events F1 ${t.events.f1} (P ${t.events.p} R ${t.events.r}) loose ${t.events_loose.f1} dates ${t.event_dates} | quotes F1 ${t.quotes.f1} speakers ${t.speaker_accuracy} | claims F1 ${t.claims.f1} | framing ${t.framing}`,
  ]
  if (r.cross_document) lines.push(`cross: ${JSON.stringify(r.cross_document)}`)
  return lines.join('\n')
}
