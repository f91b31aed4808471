import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import type { Store } from '../store/store.js'
import { createApp, type AppOptions } from './app.js'

/** Hosts that only this machine can reach. */
export const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])

/**
 * Serves the app. It is read-only unless bound to loopback or given a token; POST /api/ingest always needs
 * `Authorization: Bearer <token>`. Port 0 picks a free port (the returned `url` says which).
 */
export async function startServer(store: Store, opts: { port: number; host: string; token?: string | null; ingest?: AppOptions['ingest'] }): Promise<{ url: string; close(): Promise<void> }> {
  const token = opts.token ?? null
  const readOnly = !LOOPBACK.has(opts.host) && !token
  const app = createApp(store, { token, readOnly, ingest: opts.ingest })
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' || opts.host.includes(':') ? `[${info.address}]` : opts.host
      resolve({
        url: `http://${host}:${info.port}`,
        close: () => new Promise<void>((res, rej) => server.close((e) => (e ? rej(e) : res()))),
      })
    })
    server.once('error', reject)
  })
}
