import { existsSync, realpathSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root: the nearest folder above this module holding package.json (works from src/ and dist/). */
export const REPO_ROOT: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir)
    if (up === dir) throw new Error('Expected a package.json above ' + fileURLToPath(import.meta.url))
    dir = up
  }
  return dir
})()

/** The shared ground-truth folder beside the checkout (`../shared`), or $DOSSIER_SHARED. */
export const SHARED: string = (() => {
  const p = resolve(process.env.DOSSIER_SHARED ?? join(REPO_ROOT, '..', 'shared'))
  return existsSync(p) ? realpathSync(p) : p // real path: the reference scorers compare their own path with argv
})()

/** Project data folders. */
export const DATA_DIR = join(REPO_ROOT, 'data')
export const MODELS_DIR = join(REPO_ROOT, 'models')
export const EXAMPLES_DIR = join(REPO_ROOT, 'examples')
