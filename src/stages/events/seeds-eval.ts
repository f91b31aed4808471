import type { Doc } from '../../doc/doc.js'
import { cover, normalize, sameName, type Counts, type GoldPage } from './seeds-score.js'

const list = (x: unknown): (string | null)[] => (Array.isArray(x) ? x : [x]) as (string | null)[]
const CHECKED = new Set(['stated', 'relative-to-publication'])

/** Scores one processed seed page against its gold, by the README matching rules; `log` gets misses for tuning. */
export function scorePage(doc: Doc, gold: GoldPage, log: string[] = []) {
  const sameActor = (g: unknown, sys: string | null): boolean => list(g).some((name) => {
    if (name == null || sys == null) return name == null && sys == null
    if (normalize(name) === normalize(sys)) return true
    const ge = gold.entities.find((e) => e.name === name)
    return !!ge && [ge.name, ...ge.mentions].some((m) => sameName(m, sys))
  })
  const ev = (doc.layers.events ?? []).map((e) => ({ e, src: e.source_actor?.name ?? null, tgt: e.target_actor?.name ?? null, text: e.evidence.text }))
  const strict: Counts = { tp: 0, pred: ev.length, gold: gold.events.length }, loose: Counts = { ...strict }
  const dates = { ok: 0, total: 0 }
  const used = new Set<number>(), usedL = new Set<number>()
  for (const g of gold.events) {
    const sym = ['CONSULT', 'COOPERATE', 'AGREE'].includes(g.type)
    const checkDay = g.date && g.date_precision === 'day' && (g.date_basis == null || CHECKED.has(g.date_basis))
    const i = ev.findIndex((x, k) => !used.has(k) && x.e.type === g.type && ((sameActor(g.source_actor, x.src) && sameActor(g.target_actor, x.tgt)) || (sym && sameActor(g.source_actor, x.tgt) && sameActor(g.target_actor, x.src))) && (!checkDay || (x.e.date ?? '').slice(0, 10) === g.date))
    if (i >= 0) { used.add(i); strict.tp++ }
    const golds = [g.evidence, ...(g.evidence_also ?? [])]
    const j = ev.findIndex((x, k) => !usedL.has(k) && x.e.type === g.type && Math.max(...golds.map((t) => cover(t, x.text))) >= 0.6)
    if (j >= 0) { usedL.add(j); loose.tp++ }
    let dateOk = true
    if (g.date && g.date_basis && CHECKED.has(g.date_basis)) {
      dates.total++
      const d = j >= 0 ? ev[j].e.date : null
      dateOk = !!d && (g.date_precision === 'week' ? Date.parse(d) >= Date.parse(g.date) && Date.parse(d) < Date.parse(g.date) + 7 * 864e5 : d.slice(0, g.date_precision === 'month' ? 7 : g.date_precision === 'year' ? 4 : 10) === g.date)
      if (dateOk) dates.ok++
    }
    if (i < 0 || !dateOk) log.push(`  MISS ${g.type} ${JSON.stringify(g.source_actor)}→${JSON.stringify(g.target_actor)} ${g.date ?? ''} ${i < 0 ? '' : '(strict ok)'}${j >= 0 ? ` loose→ ${ev[j].src}→${ev[j].tgt} ${ev[j].e.date}` : ''}${dateOk ? '' : ' DATE'} | ${g.evidence.slice(0, 90)}`)
  }
  ev.forEach((x, k) => { if (!used.has(k)) log.push(`  FP   ${x.e.type}/${x.e.mode} ${x.src}→${x.tgt} ${x.e.date ?? ''} [${x.e.trigger?.text}] ${usedL.has(k) ? '(loose ok)' : ''} | ${x.text.slice(0, 80)}`) })
  // quotes
  const same = (a: string, b: string): boolean => cover(a, b) >= 0.8 && cover(b, a) >= 0.8
  const sq = doc.layers.quotes ?? []
  const opt = (gold.quotes_optional ?? []).map((q) => q.text)
  const uq = new Set<number>()
  let qtp = 0, spk = 0
  for (const g of gold.quotes) {
    const i = sq.findIndex((q, k) => !uq.has(k) && same(g.text, q.text))
    if (i < 0) { log.push(`  QMISS ${g.text.slice(0, 60)}`); continue }
    uq.add(i); qtp++
    if (sameActor([g.speaker, ...(g.speaker_alternatives ?? [])], sq[i].speaker?.name ?? null)) spk++
    else log.push(`  QSPK ${g.speaker} ≠ ${sq[i].speaker?.name} | ${g.text.slice(0, 50)}`)
  }
  const qpred = sq.filter((q, k) => uq.has(k) || !opt.some((o) => same(o, q.text)))
  sq.forEach((q, k) => { if (!uq.has(k) && !opt.some((o) => same(o, q.text))) log.push(`  QFP ${q.text.slice(0, 60)}`) })
  // claims
  const sc = doc.layers.claims ?? []
  const uc = new Set<number>()
  let ctp = 0
  for (const g of gold.claims) {
    const i = sc.findIndex((c, k) => !uc.has(k) && c.value === g.value && cover(g.evidence, c.evidence.text) >= 0.5)
    if (i >= 0) { uc.add(i); ctp++ } else log.push(`  CMISS ${g.value} | ${g.evidence.slice(0, 60)}`)
  }
  sc.forEach((c, k) => { if (!uc.has(k)) log.push(`  CFP ${c.value} ${c.unit} | ${c.what}`) })
  return {
    events: strict, eventsLoose: loose, dates,
    quotes: { tp: qtp, pred: qpred.length, gold: gold.quotes.length } as Counts, speakers: { ok: spk, total: qtp },
    claims: { tp: ctp, pred: sc.length, gold: gold.claims.length } as Counts,
  }
}
