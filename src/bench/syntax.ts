/**
 * Syntax benchmark: tokens per second of tagging + parsing on one core (EWT dev, gold tokenisation, best of
 * several passes after a warm-up), the dev scores of the committed model, and the whole pipeline's documents per
 * second (main thread) on the seeds without and with the syntax stage.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SHARED } from '../paths.js'
import { loadSyntaxModel, readConllu } from '../stages/syntax/index.js'
import { benchCorpora, benchPipelineOn } from './pipeline.js'

const DEV = join(SHARED, 'data', 'parsing', 'ud-en-ewt', 'en_ewt-ud-dev.conllu')
const PASSES = 5

export interface SyntaxBench {
  tokens: number
  /** tagging + parsing, one core */
  tokensPerSec: number
  dev: { upos: number; uas: number; las: number }
  /**
   * documents per CPU second of the main thread: the whole pipeline, and without the syntax stage (the pipeline
   * built without it; when a later stage requires its layer, the same run's figure less the stage's CPU time)
   */
  pipeline: { corpus: string; withoutSyntax: number | null; withSyntax: number | null; syntaxMsPerDoc: number | null; withoutMeasured: boolean }[]
}

export function benchSyntax(): SyntaxBench {
  const sents = readConllu(readFileSync(DEV, 'utf8')).filter((s) => s.words.length)
  const forms = sents.map((s) => s.words.map((w) => w.form))
  const parser = loadSyntaxModel()
  const tokens = forms.reduce((n, f) => n + f.length, 0)
  let best = Infinity
  for (let pass = 0; pass <= PASSES; pass++) {
    const t0 = performance.now()
    for (const f of forms) parser.parse(f)
    const ms = performance.now() - t0
    if (pass > 0) best = Math.min(best, ms) // pass 0 warms up
  }
  let n = 0, upos = 0, uas = 0, las = 0
  sents.forEach((s, k) => {
    const p = parser.parse(forms[k]!)
    s.words.forEach((w, i) => {
      n++
      if (p.upos[i] === w.upos) upos++
      if (p.heads[i] === w.head) { uas++; if (p.deprels[i]!.split(':')[0] === w.deprel.split(':')[0]) las++ }
    })
  })
  const r4 = (x: number): number => Math.round(x * 10000) / 10000
  const pipeline = benchCorpora().slice(0, 1).map((c) => {
    const run = (withSyntax: boolean) => {
      try { return benchPipelineOn(c.name, c.pages, 10, (s) => withSyntax || s.name !== 'syntax') } catch { return null }
    }
    const without = run(false), withS = run(true)
    const withDocs = withS?.mainThreadDocsPerSec ?? withS?.cpuDocsPerSec ?? null
    const syntaxMs = withS?.cpuMsPerDoc.syntax ?? null
    const derived = withDocs && syntaxMs !== null ? Math.round(10000 / (1000 / withDocs - syntaxMs)) / 10 : null
    return {
      corpus: c.name, withoutSyntax: without?.mainThreadDocsPerSec ?? without?.cpuDocsPerSec ?? derived,
      withSyntax: withDocs, syntaxMsPerDoc: syntaxMs, withoutMeasured: without !== null,
    }
  })
  return { tokens, tokensPerSec: Math.round(tokens / (best / 1000)), dev: { upos: r4(upos / n), uas: r4(uas / n), las: r4(las / n) }, pipeline }
}
