// Writes every layer the per-document pipeline makes, one JSON line per document, for checking that a change
// (a speed-up, a refactor) leaves the outputs as they were: dump before and after, then `cmp` the two files.
// Documents: the seeds, the 24 dev pages, the 61 article-extraction dev HTML pages and 300 Tehran Times articles
// drawn with a fixed seed. Reads the built code (dist/): run `npx tsc -p tsconfig.json` first.
//   node scripts/dump-layers.mjs OUT.jsonl
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createDoc, sha256 } from '../dist/doc/doc.js'
import { SHARED } from '../dist/paths.js'
import { defaultPipeline } from '../dist/pipeline/default.js'
import { cleanPage } from '../dist/stages/clean/index.js'

const out = process.argv[2]
if (!out) { process.stderr.write('usage: node scripts/dump-layers.mjs OUT.jsonl\n'); process.exit(2) }
const files = (dir) => readdirSync(dir).sort().map((f) => ({ f, body: readFileSync(join(dir, f), 'utf8') }))
const pages = [
  ...files(join(SHARED, 'seeds')).filter((x) => x.f.endsWith('.txt')).map((x) => ({ path: x.f, text: x.body })),
  ...files(join(SHARED, 'data', 'dev-articles', 'pages')).map((x) => ({ path: x.f, text: x.body })),
  ...files(join(SHARED, 'data', 'article-extraction', 'dev', 'html')).map((x) => ({ path: x.f, html: x.body })),
]
// 300 Tehran Times articles, the same every run (a linear congruential generator with a fixed seed)
const tt = join(SHARED, 'data', 'tehran-times')
const lines = readdirSync(tt).filter((f) => f.endsWith('.jsonl')).sort().flatMap((f) => readFileSync(join(tt, f), 'utf8').split('\n').filter(Boolean))
let seed = 12345
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
const picked = new Set()
while (picked.size < Math.min(300, lines.length)) picked.add(Math.floor(next() * lines.length))
for (const i of [...picked].sort((a, b) => a - b)) pages.push({ path: `tt-${i}`, text: JSON.parse(lines[i]).text })

const { pipeline } = defaultPipeline()
const rows = []
for (const page of pages) {
  const cleaned = cleanPage(page)
  if (!cleaned.text.trim()) { rows.push(JSON.stringify({ path: page.path, empty: true })); continue }
  const doc = createDoc({ path: page.path, url: null, sha256: sha256(page.text ?? page.html ?? ''), fetched_at: null }, cleaned.text, cleaned.paragraphs, cleaned.meta, cleaned.messages, cleaned.rawMap)
  const r = pipeline.run(doc)
  rows.push(JSON.stringify({ path: page.path, id: r.doc.id, meta: r.doc.meta, status: r.status.map((s) => [s.stage, s.status, s.error ?? s.reason ?? null]), layers: r.doc.layers, messages: r.doc.messages }))
}
writeFileSync(out, rows.join('\n') + '\n')
process.stderr.write(`${pages.length} documents -> ${out}\n`)
