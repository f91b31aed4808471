// Runs every compiled test file (dist/**/*.test.js) with Node's own test runner.
// Node 20's `node --test` takes no globs, so the files are listed here.
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'

const files = []
const walk = (dir) => {
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) walk(p)
    else if (f.endsWith('.test.js')) files.push(p)
  }
}
walk('dist')
const only = process.argv.slice(2)
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...selected], { stdio: 'inherit' })
process.exit(r.status ?? 1)
