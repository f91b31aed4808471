/**
 * Writes the raw pages of the project's annotated training articles (data/training/events/tt-<id>.json, each naming
 * its Tehran Times record by url) as `<out>/tt-<id>.txt`, the form the dev pages take, so `dossier eval --gold
 * data/training/events --pages <out>` and `misses.js` can score the reading on them.
 * Usage: node dist/eval/tuning/training-pages.js [--out DIR]   (default: a folder under the system's temp dir)
 */
import { createReadStream, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { SHARED } from '../../paths.js'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
/** The project's annotated training articles. */
export const TRAINING_GOLD = join(ROOT, 'data', 'training', 'events')
const CORPUS = join(SHARED, 'data', 'tehran-times')

const idOf = (url: string): string | null => /\/news\/(\d+)/.exec(url)?.[1] ?? null

/** The raw text of every annotated article, by its gold stem (`tt-<id>`), read from the Tehran Times corpus. */
export async function trainingTexts(goldDir = TRAINING_GOLD): Promise<Map<string, string>> {
  const wanted = new Map<string, string>()
  for (const f of readdirSync(goldDir).filter((f) => /^tt-\d+\.json$/.test(f))) {
    const g = JSON.parse(readFileSync(join(goldDir, f), 'utf8'))
    const id = idOf(g.url ?? '') ?? f.slice(3, -5)
    wanted.set(id, g.doc ?? f.slice(0, -5))
  }
  const out = new Map<string, string>()
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.jsonl')).sort()) {
    for await (const line of createInterface({ input: createReadStream(join(CORPUS, file)), crlfDelay: Infinity })) {
      const id = idOf(/"url"\s*:\s*"([^"]+)"/.exec(line)?.[1] ?? '')
      const stem = id ? wanted.get(id) : undefined
      if (stem) out.set(stem, JSON.parse(line).text)
    }
  }
  return out
}

/** Writes the page of every annotated article into `out`; returns how many were written. */
export async function writeTrainingPages(out: string, goldDir = TRAINING_GOLD): Promise<number> {
  mkdirSync(out, { recursive: true })
  const texts = await trainingTexts(goldDir)
  for (const [stem, text] of texts) writeFileSync(join(out, `${stem}.txt`), text)
  return texts.size
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const k = process.argv.indexOf('--out')
  const out = k >= 0 ? process.argv[k + 1] : join(tmpdir(), 'dossier-training-pages')
  const n = await writeTrainingPages(out)
  console.log(`wrote ${n} page(s) to ${out}`)
}
