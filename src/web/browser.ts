/**
 * What the browser tests and the screenshot script share: Debian's chromium (driven by playwright-core) and a
 * compiled web client.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { CLIENT_DIR } from '../api/static.js'
import { REPO_ROOT } from '../paths.js'

/** Debian's chromium, the browser every UI test drives. */
export const CHROMIUM = '/usr/bin/chromium'
/** `false` when chromium is installed, else why browser tests skip (node:test's `skip` option). */
export const NO_CHROMIUM: false | string = existsSync(CHROMIUM) ? false : `needs ${CHROMIUM}: run \`apt-get update && apt-get install -y chromium\``

/** Compiles the client when its scripts are missing or older than their sources (tsx runs skip the project build). */
export function ensureClient(): void {
  const src = join(REPO_ROOT, 'src', 'web', 'client')
  const newest = (dir: string): number => Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs))
  const built = join(CLIENT_DIR, 'main.js')
  if (existsSync(built) && statSync(built).mtimeMs >= newest(src)) return
  execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(src, 'tsconfig.json')], { stdio: 'inherit' })
}
