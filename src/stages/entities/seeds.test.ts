import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { createDoc } from '../../doc/doc.js'
import type { Paragraph } from '../../doc/layers.js'
import { createPipeline } from '../../doc/stage.js'
import { loadKb } from '../../kb/index.js'
import { scoreAgainstGold } from '../../eval/gold.js'
import { normText } from '../../eval/text-match.js'
import { toDocumentRecord } from '../../model/records.js'
import { SHARED } from '../../paths.js'
import { tokensStage } from '../tokens/index.js'
import { entitiesStage } from './index.js'
import { scoreDoc, type DocScore, type GoldEntity } from './score.js'

const GOLD = join(SHARED, 'gold', 'seeds')
const have = existsSync(GOLD)

/**
 * Runs tokens + entities on each seed's gold body (paragraphs joined by a blank line) with its gold date; `report`
 * scores the resulting document records with `dossier eval`'s scorer, `res` keeps per-form diagnostics.
 */
function runSeeds(ner: null | undefined) {
  const kb = loadKb()
  const pipeline = createPipeline([tokensStage, entitiesStage({ kb, ner })])
  const out: { stem: string; score: DocScore; ms: number; words: number }[] = []
  const records: object[] = []
  for (const f of readdirSync(GOLD).filter((n) => /^\d.*\.json$/.test(n)).sort()) {
    const g = JSON.parse(readFileSync(join(GOLD, f), 'utf8')) as { doc: string; body: string[]; published: string | null; entities: GoldEntity[] }
    const paragraphs: Paragraph[] = []
    let text = ''
    for (const p of g.body) { if (text) text += '\n\n'; paragraphs.push({ start: text.length, end: text.length + p.length }); text += p }
    const doc = createDoc({ path: `${g.doc}.txt`, url: null, sha256: g.doc, fetched_at: null }, text, paragraphs,
      { title: null, published: g.published, author: null, outlet: null, copy_of: null })
    const t0 = performance.now()
    const { doc: read } = pipeline.run(doc)
    out.push({ stem: g.doc, score: scoreDoc(g.entities, read.layers.entities ?? []), ms: performance.now() - t0, words: text.split(/\s+/).length })
    records.push(toDocumentRecord(read))
  }
  return { res: out, report: scoreAgainstGold(records as Record<string, any>[], GOLD) }
}

describe('entities on the seed pages (floors of issue 4)', { skip: !have && 'no ../shared/gold/seeds' }, () => {
  for (const mode of [null, undefined] as const) {
    const label = mode === null ? 'KB and rules only' : 'with the NER model when present'
    it(`${label}: mention recall >= 0.95, no splits, no false merges`, () => {
      const { res, report } = runSeeds(mode)
      const recall: number = report.totals.mention_recall
      const missed = res.flatMap((r) => r.score.missed.map((m) => `${r.stem}: ${m}`))
      const splits = res.flatMap((r) => r.score.splits.map((s) => `${r.stem}: ${s.gold} → ${s.actors.join(' | ')}`))
      const merges = res.flatMap((r) => r.score.merges.map((m) => `${r.stem}: ${m.actor} ← ${m.gold.join(' + ')}`))
      if (process.env.DOSSIER_VERBOSE) console.log({ recall, missed, splits, merges, ms: res.map((r) => r.ms.toFixed(1)) })
      assert.ok(recall >= 0.95, `recall ${recall}; missed: ${missed.join('; ')}`)
      assert.equal(report.totals.entity_splits, 0, `splits: ${splits.join('; ')}`)
      assert.equal(report.totals.entity_false_merges, 0, `false merges: ${merges.join('; ')}`)
    })
  }

  it('resolves every entity_variants group to one actor and keeps distinct_entities apart', () => {
    const { res } = runSeeds(null)
    const cross = JSON.parse(readFileSync(join(GOLD, 'cross-document.json'), 'utf8')) as {
      entity_variants: { name: string; variants: string[] }[]; distinct_entities: { names: string[] }[]
    }
    const actorsOfName = (name: string) => new Set(res.flatMap((r) => [...(r.score.actorsOf.get(name) ?? [])]))
    for (const v of cross.entity_variants) {
      const actors = new Set(res.flatMap((r) => v.variants.flatMap((form) => [...(r.score.formActors.get(normText(form)) ?? [])])))
      for (const a of actorsOfName(v.name)) actors.add(a)
      assert.equal(actors.size, 1, `${v.name}: ${[...actors].join(' | ')}`)
    }
    for (const d of cross.distinct_entities) {
      const sets = d.names.map(actorsOfName)
      for (const a of sets[0]!) assert.ok(!sets.slice(1).some((s) => s.has(a)), `${d.names.join(' / ')} share ${a}`)
    }
  })
})
