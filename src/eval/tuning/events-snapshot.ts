/**
 * The golden snapshot of the example corpus's events (src/stages/events/fixtures/examples-events.json): every event
 * the default pipeline codes on examples/, one line each (type/mode, source → target, date, trigger, what produced
 * it), so a change to the events stage shows as a readable diff. `node dist/eval/tuning/events-snapshot.js --write`
 * regenerates it after a change you mean; the events test compares against it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { EXAMPLES_DIR } from '../../paths.js'
import { defaultPipeline } from '../../pipeline/default.js'
import { cleanedDoc } from '../../stages/clean/index.js'

export const SNAPSHOT_FILE = fileURLToPath(new URL('../../../src/stages/events/fixtures/examples-events.json', import.meta.url))

/** One line per event of every example page (text pages and HTML pages; the JSON Lines feed is left out). */
export function examplesEvents(): Record<string, string[]> {
  const { pipeline } = defaultPipeline()
  const out: Record<string, string[]> = {}
  for (const f of readdirSync(EXAMPLES_DIR).filter((f) => /\.(txt|html)$/.test(f)).sort()) {
    const raw = readFileSync(join(EXAMPLES_DIR, f), 'utf8')
    const doc = cleanedDoc(f.endsWith('.html') ? { path: f, html: raw } : { path: f, text: raw })
    const events = pipeline.run(doc).doc.layers.events ?? []
    out[f] = events.map((e) => `${e.type}/${e.mode ?? '-'} ${e.source_actor?.name ?? '-'} -> ${e.target_actor?.name ?? '-'} @${e.date ?? '-'}/${e.date_precision ?? '-'} [${e.trigger?.text ?? ''}] ${e.produced_by?.method ?? '-'}`)
  }
  return out
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const snap = examplesEvents()
  if (process.argv.includes('--write')) { writeFileSync(SNAPSHOT_FILE, JSON.stringify(snap, null, 1) + '\n'); console.log(`wrote ${SNAPSHOT_FILE}`) }
  else console.log(JSON.stringify(snap, null, 1))
}
