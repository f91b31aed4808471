import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, normalize } from 'node:path'
import type { Hono } from 'hono'
import { REPO_ROOT } from '../paths.js'
import { errorBody } from './http-error.js'

/** The UI's compiled scripts (tsc emits src/web/client → dist/web/client) and its static files. */
export const CLIENT_DIR = join(REPO_ROOT, 'dist', 'web', 'client')
export const PUBLIC_DIR = join(REPO_ROOT, 'src', 'web', 'public')

/** Vendor files served from node_modules, by exact name only (no path from the request reaches the disk). */
export const VENDOR: Readonly<Record<string, string>> = {
  'd3.min.js': 'd3/dist/d3.min.js',
  'cytoscape.min.js': 'cytoscape/dist/cytoscape.min.js',
  'topojson-client.min.js': 'topojson-client/dist/topojson-client.min.js',
  'countries-110m.json': 'world-atlas/countries-110m.json',
}

/** Content-Security-Policy of every response: scripts, styles, data only from this server; no inline script or style. */
export const CSP = ["default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'", "font-src 'self'",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"].join('; ')

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.map': 'application/json' }
const typeOf = (f: string) => TYPES[f.slice(f.lastIndexOf('.'))] ?? 'application/octet-stream'

function resolveModule(rel: string): string | null {
  for (let dir = REPO_ROOT; ; dir = join(dir, '..')) {
    const f = join(dir, 'node_modules', rel)
    if (existsSync(f)) return f
    if (normalize(join(dir, '..')) === normalize(dir)) return null
  }
}

/** Files are read once and kept (the UI is small); a missing file is a 404. */
function fileResponse(file: string | null, cacheable: boolean): Response {
  // a folder (`/app/views`) or anything else that is not a plain file is no file here: 404, never a read that throws
  if (!file || !statSync(file, { throwIfNoEntry: false })?.isFile()) return new Response(JSON.stringify(errorBody('E_NOT_FOUND', 'Expected an existing file, got none')), { status: 404, headers: { 'content-type': 'application/json' } })
  return new Response(readFileSync(file), { headers: { 'content-type': typeOf(file), 'cache-control': cacheable ? 'public, max-age=86400' : 'no-cache' } })
}

/** Mounts the single-page UI at `/`, its scripts at `/app/*`, its styles at `/static/*` and vendor files at `/vendor/*`. */
export function mountStatic(app: Hono<any, any, any>): void {
  const safe = (name: string) => /^[a-z0-9][a-z0-9._/-]*$/i.test(name) && !name.includes('..')
  app.get('/', () => fileResponse(join(PUBLIC_DIR, 'index.html'), false))
  app.get('/app/*', (c) => { const n = c.req.path.slice('/app/'.length); return fileResponse(safe(n) ? join(CLIENT_DIR, n) : null, false) })
  app.get('/static/*', (c) => { const n = c.req.path.slice('/static/'.length); return fileResponse(safe(n) ? join(PUBLIC_DIR, n) : null, false) })
  app.get('/vendor/:name', (c) => { const n = c.req.param('name'); const rel = Object.hasOwn(VENDOR, n) ? VENDOR[n] : undefined; return fileResponse(rel ? resolveModule(rel) : null, true) })
}
