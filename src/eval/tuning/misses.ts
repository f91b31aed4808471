/**
 * Scores a gold folder's pages through the whole ingest/export path and lists every miss and false positive of
 * the events, quotes and claims layers, for tuning on pages the rules were not written from.
 * Usage: node dist/eval/tuning/misses.js [--gold DIR --pages DIR] [stem-prefix]   (default: the example corpus)
 * Never run it on the dev gold to write rules: that set measures pages nobody tuned for.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { evalGold } from '../run.js'
import { readGold, dateCarries } from '../gold.js'
import { mentionStandsFor, normText, stemOf, wordCoverage } from '../text-match.js'
import { isSymmetric } from '../../plover/index.js'

type Rec = Record<string, any>
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
/** The example corpus and its gold, inside the repository. */
export const EXAMPLES = { gold: join(ROOT, 'examples', 'gold'), pages: join(ROOT, 'examples') }
const FIXED = new Set(['stated', 'relative-to-publication'])

/** Misses and false positives of one exported document against its gold page. */
export function missesOf(d: Rec, g: Rec): string[] {
  const log: string[] = []
  const same = (ref: any, sys: string | null) => (Array.isArray(ref) ? ref : [ref]).some((n: string | null) => {
    if (n == null || sys == null) return n == null && sys == null
    if (normText(n) === normText(sys)) return true
    const ge = g.entities.find((x: Rec) => x.name === n)
    return !!ge && [ge.name, ...ge.mentions].some((m: string) => mentionStandsFor(m, sys))
  })
  const ev = (d.events ?? []).map((e: Rec) => ({ e, src: e.source_actor?.name ?? null, tgt: e.target_actor?.name ?? null, text: e.evidence?.text ?? '' }))
  const us = new Set<number>(), ul = new Set<number>()
  for (const ge of g.events) {
    const sym = isSymmetric(ge.type)
    const checkDay = ge.date && ge.date_precision === 'day' && (ge.date_basis == null || FIXED.has(ge.date_basis))
    const i = ev.findIndex((x: Rec, k: number) => !us.has(k) && x.e.type === ge.type && ((same(ge.source_actor, x.src) && same(ge.target_actor, x.tgt)) || (sym && same(ge.source_actor, x.tgt) && same(ge.target_actor, x.src))) && (!checkDay || (x.e.date ?? '').slice(0, 10) === ge.date))
    if (i >= 0) us.add(i)
    const golds = [ge.evidence, ...(ge.evidence_also ?? [])]
    const j = ev.findIndex((x: Rec, k: number) => !ul.has(k) && x.e.type === ge.type && Math.max(...golds.map((t: string) => wordCoverage(t, x.text))) >= 0.6)
    if (j >= 0) ul.add(j)
    const dateOk = !(ge.date && FIXED.has(ge.date_basis)) || (j >= 0 && dateCarries(ev[j].e.date, ge.date, ge.date_precision))
    if (i < 0 || !dateOk) log.push(`  MISS ${ge.type} ${JSON.stringify(ge.source_actor)}→${JSON.stringify(ge.target_actor)} ${ge.date ?? ''}/${ge.date_precision}/${ge.date_basis} ${i < 0 ? '' : '(strict ok)'}${j >= 0 ? ` loose→ ${ev[j].src}→${ev[j].tgt} ${ev[j].e.date}/${ev[j].e.date_precision}` : ''}${dateOk ? '' : ' DATE'} | ${ge.evidence.slice(0, 110)}`)
  }
  ev.forEach((x: Rec, k: number) => { if (!us.has(k)) log.push(`  FP   ${x.e.type}/${x.e.mode} ${x.src}→${x.tgt} ${x.e.date ?? ''}/${x.e.date_precision} [${x.e.trigger?.text}] {${x.e.produced_by?.method ?? '?'}} ${ul.has(k) ? '(loose ok)' : ''} | ${x.text.slice(0, 110)}`) })
  // what produced the document's events, matched or not (precision by method: rule readers against the trigger model)
  const by = (matchedOnly: boolean): string => ['rule', 'model'].map((m) => `${m}=${ev.filter((x: Rec, i: number) => (!matchedOnly || us.has(i)) && x.e.produced_by?.method === m).length}`).join(' ')
  log.push(`  SYS ${by(false)} | strict ${by(true)}`)
  const sq = (d.quotes ?? []) as Rec[]
  const sameQ = (a: string, b: string) => wordCoverage(a, b) >= 0.8 && wordCoverage(b, a) >= 0.8
  const uq = new Set<number>()
  for (const gq of g.quotes) {
    const i = sq.findIndex((q, k) => !uq.has(k) && sameQ(gq.text, q.text))
    if (i < 0) { log.push(`  QMISS ${gq.text.slice(0, 70)}`); continue }
    uq.add(i)
    if (!same([gq.speaker, ...(gq.speaker_alternatives ?? [])], sq[i].speaker?.name ?? null)) log.push(`  QSPK ${gq.speaker} ≠ ${sq[i].speaker?.name} | ${gq.text.slice(0, 60)}`)
  }
  const opt = (g.quotes_optional ?? []).map((q: Rec) => q.text)
  sq.forEach((q, k) => { if (!uq.has(k) && !opt.some((o: string) => sameQ(o, q.text))) log.push(`  QFP ${q.speaker?.name} | ${q.text.slice(0, 70)}`) })
  const sc = (d.claims ?? []) as Rec[]
  const uc = new Set<number>()
  for (const gc of g.claims) {
    const i = sc.findIndex((c, k) => !uc.has(k) && Number(c.value) === Number(gc.value) && wordCoverage(gc.evidence, c.evidence?.text ?? '') >= 0.5)
    if (i >= 0) { uc.add(i); const c = sc[i]; if (c.what !== gc.what || c.unit !== gc.unit) log.push(`  CDIFF ${gc.value} gold what="${gc.what}" unit=${gc.unit} q=${gc.qualifier} | sys what="${c.what}" unit=${c.unit} q=${c.qualifier}`) }
    else log.push(`  CMISS ${gc.value} ${gc.what} | ${gc.evidence.slice(0, 90)}`)
  }
  sc.forEach((c, k) => { if (!uc.has(k)) log.push(`  CFP ${c.value} ${c.unit} | ${c.what}`) })
  return log
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2)
  const opt = (name: string): string | undefined => { const k = args.indexOf(name); return k >= 0 ? args.splice(k, 2)[1] : undefined }
  const goldDir = opt('--gold') ?? EXAMPLES.gold, pagesDir = opt('--pages') ?? EXAMPLES.pages
  const only = args[0]
  const { report, records } = await evalGold(goldDir, pagesDir)
  const docs = new Map((records as Rec[]).filter((r) => (r.kind ?? 'document') === 'document').map((d) => [stemOf(d.source?.path ?? d.id), d]))
  for (const { gold } of readGold(goldDir).pages) {
    const stem = stemOf(gold.doc)
    if (only && !stem.startsWith(only)) continue
    const d = docs.get(stem)
    console.log(`== ${stem} pub=${d?.published}`)
    if (d) console.log(missesOf(d, gold).join('\n'))
  }
  const t = report.totals
  console.log(`events F1 ${t.events.f1} (P ${t.events.p} R ${t.events.r}) loose ${t.events_loose.f1} dates ${t.event_dates} | quotes F1 ${t.quotes.f1} speakers ${t.speaker_accuracy} | claims F1 ${t.claims.f1}`)
}
