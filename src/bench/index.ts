// npm run bench: per-stage timings side by side with peers, in one run. Results go to stdout and bench-results.json.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../paths.js'
import { benchPipeline } from './pipeline.js'

type Section = { name: string; run: () => Promise<unknown> | unknown }

const sections: Section[] = [
  { name: 'pipeline', run: () => benchPipeline() },
  { name: 'clean', run: async () => (await import('./clean.js')).benchClean() },
  { name: 'readers', run: async () => (await import('./readers.js')).benchReaders() },
  { name: 'ner', run: async () => (await import('./ner.js')).benchNer() },
  { name: 'syntax', run: async () => (await import('./syntax.js')).benchSyntax() },
  { name: 'corpus', run: async () => (await import('./corpus.js' as string)).benchCorpus() },
  { name: 'api', run: async () => (await import('./api.js' as string)).benchApi() },
]

const only = process.argv.slice(2)
const results: Record<string, unknown> = { machine: { node: process.version, cpus: (await import('node:os')).cpus().length, date: new Date().toISOString() } }
for (const s of sections) {
  if (only.length && !only.includes(s.name)) continue
  process.stderr.write(`bench: ${s.name}…\n`)
  try { results[s.name] = await s.run() } catch (e) { results[s.name] = { error: (e as Error).message } }
  process.stdout.write(`## ${s.name}\n${JSON.stringify(results[s.name], null, 2)}\n`)
}
writeFileSync(join(REPO_ROOT, 'bench-results.json'), JSON.stringify(results, null, 2) + '\n')
