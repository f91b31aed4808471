/** `npm run screenshots` (src/web/screenshots.ts) makes every screenshot the README shows, from the real pipeline on examples/. */
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { test } from 'node:test'
import { REPO_ROOT } from '../paths.js'
import { NO_CHROMIUM } from './browser.js'
import { takeScreenshots } from './screenshots.js'

const skip = NO_CHROMIUM

test('the screenshot script writes every screenshot the README shows (corrections and watchlist included), as PNG', { skip, timeout: 300_000 }, async () => {
  const out = mkdtempSync(join(tmpdir(), 'dossier-shots-test-'))
  try {
    const files = await takeScreenshots(out)
    const names = new Set(files.map((f) => basename(f)))
    const shown = [...readFileSync(join(REPO_ROOT, 'README.md'), 'utf8').matchAll(/docs\/screenshots\/([\w-]+\.png)/g)].map((m) => m[1]!)
    assert.ok(shown.length >= 8, 'the README shows screenshots')
    for (const n of ['corrections.png', 'watchlist.png']) assert.ok(shown.includes(n), `the README shows ${n}`)
    for (const n of shown) assert.ok(names.has(n), `the script makes ${n}`)
    for (const f of files) assert.deepEqual([...readFileSync(f).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], `${f} is a PNG`)
  } finally { rmSync(out, { recursive: true, force: true }) }
})
