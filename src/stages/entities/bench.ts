/**
 * CPU-time benchmark of the entities stage (and of the NER tagger inside it) over the article-extraction dev pages
 * and the seeds, after cleaning and tokenising them once. The machine is shared, so it measures
 * `process.cpuUsage()` (user + system) around the stage, not wall time.
 * Run: `node --import tsx src/stages/entities/bench.ts [passes]` (or `node dist/stages/entities/bench.js` after a build).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createDoc, sha256, type Doc, type DocMeta } from '../../doc/doc.js'
import type { Paragraph, Sentence, Token } from '../../doc/layers.js'
import { loadKb } from '../../kb/index.js'
import { SHARED } from '../../paths.js'
import type { RawPage } from '../clean/index.js'
import { tokensStage } from '../tokens/index.js'
import { findEntities } from './entities.js'
import { loadNerOrNull, type LoadedNer } from './ner-loader.js'

/** A cleaned, tokenised document ready for the entities stage. */
export interface BenchDoc { readonly doc: Doc; readonly tokens: readonly Token[]; readonly sentences: readonly Sentence[] }

/** A cleaned page as the cache file keeps it. */
interface Cleaned { readonly path: string | null; readonly sha: string; readonly text: string; readonly paragraphs: Paragraph[]; readonly meta: DocMeta }

/**
 * Cleans raw pages (documents with no text are skipped); with a cache file, cleaned pages are read from it when it
 * is there and written to it otherwise (so the bench runs while the clean stage is being edited).
 */
export async function cleanPages(pages: readonly RawPage[], cacheFile?: string): Promise<Cleaned[]> {
  if (cacheFile && existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, 'utf8')) as Cleaned[]
  const { cleanPage } = await import('../clean/index.js')
  const out: Cleaned[] = []
  for (const page of pages) {
    const c = cleanPage(page)
    if (c.text.trim()) out.push({ path: page.path ?? null, sha: sha256(page.text ?? page.html ?? ''), text: c.text, paragraphs: [...c.paragraphs], meta: c.meta })
  }
  if (cacheFile) writeFileSync(cacheFile, JSON.stringify(out))
  return out
}

/** Tokenises cleaned pages. */
export function prepareDocs(cleaned: readonly Cleaned[]): BenchDoc[] {
  const out: BenchDoc[] = []
  for (const c of cleaned) {
    const doc = createDoc({ path: c.path, url: null, sha256: c.sha, fetched_at: null }, c.text, c.paragraphs, c.meta)
    const r = tokensStage.run(doc, { paragraphs: c.paragraphs }) as { layers: { tokens: Token[]; sentences: Sentence[] } }
    out.push({ doc, tokens: r.layers.tokens, sentences: r.layers.sentences })
  }
  return out
}

/** CPU milliseconds per document of `fn` over the documents, best of `passes` passes after one warm-up pass. */
export function cpuMsPerDoc(docs: readonly BenchDoc[], fn: (d: BenchDoc) => void, passes = 5): number {
  let best = Infinity
  for (let p = -1; p < passes; p++) {
    const c0 = process.cpuUsage()
    for (const d of docs) fn(d)
    const c = process.cpuUsage(c0)
    if (p >= 0) best = Math.min(best, (c.user + c.system) / 1000 / docs.length)
  }
  return best
}

/** The dev pages (HTML) and the seed pages (text) as raw pages. */
export function benchPages(): { name: string; pages: RawPage[] }[] {
  const out: { name: string; pages: RawPage[] }[] = []
  const dev = join(SHARED, 'data', 'article-extraction', 'dev', 'html')
  if (existsSync(dev)) out.push({ name: 'dev', pages: readdirSync(dev).sort().map((f) => ({ path: f, html: readFileSync(join(dev, f), 'utf8') })) })
  const seeds = join(SHARED, 'seeds')
  if (existsSync(seeds)) out.push({ name: 'seeds', pages: readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ path: f, text: readFileSync(join(seeds, f), 'utf8') })) })
  return out
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const passes = Number(process.argv[2] ?? 5)
  const cacheDir = process.argv[3] // optional folder for cleaned-page caches
  const c0 = process.cpuUsage()
  const kb = loadKb()
  const kc = process.cpuUsage(c0)
  console.log(`KB load: ${((kc.user + kc.system) / 1000).toFixed(0)} ms CPU (${kb.loadMs.toFixed(0)} ms wall)`)
  const ner: LoadedNer | null = loadNerOrNull()
  for (const { name, pages } of benchPages()) {
    const docs = prepareDocs(await cleanPages(pages, cacheDir ? join(cacheDir, `entities-bench-${name}.json`) : undefined))
    const words = docs.reduce((n, d) => n + d.tokens.length, 0) / docs.length
    const full = cpuMsPerDoc(docs, (d) => findEntities(d.doc, d.tokens, d.sentences, kb, ner), passes)
    const rules = cpuMsPerDoc(docs, (d) => findEntities(d.doc, d.tokens, d.sentences, kb, null), passes)
    // the tagger alone on every sentence of the same documents (token texts sliced beforehand)
    let nerOnly = 0, tokPerSec = 0
    if (ner) {
      const sents = docs.map((d) => d.sentences.map((st) => d.tokens.filter((t) => t.start >= st.start && t.end <= st.end).map((t) => d.doc.text.slice(t.start, t.end))))
      let i = 0
      nerOnly = cpuMsPerDoc(docs, () => { const mem = ner.memory ? ner.memory() : undefined; for (const toks of sents[i++ % docs.length]!) ner.tagger.tag(toks, mem ? { memory: mem } : {}) }, passes)
      tokPerSec = words / nerOnly * 1000
    }
    console.log(`${name}: ${docs.length} docs, ${words.toFixed(0)} tokens/doc | entities ${full.toFixed(2)} ms/doc CPU | without NER ${rules.toFixed(2)} | NER tagger alone on all sentences ${nerOnly.toFixed(2)} (${Math.round(tokPerSec / 1000)}k tokens/s)`)
  }
}
