import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { DossierError } from '../errors.js'
import type { Store } from '../store/store.js'
import { createApp, type AppOptions } from './app.js'
import { startDeliverer, type DeliverOptions } from '../watchlists/webhook.js'

/** Hosts that only this machine can reach. */
export const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])
/** Addresses that bind every interface (the Host header then has no one name to match). */
const WILDCARD = new Set(['0.0.0.0', '::', ''])

export interface ServerOptions {
  port: number; host: string; token?: string | null; ingest?: AppOptions['ingest']
  /** off loopback, let anyone read without the token (writes still need it) */
  public?: boolean
  /** more names the Host header may give (a DNS name of this machine); the bound address and, on loopback, localhost are always allowed */
  allowedHosts?: readonly string[]
  /** request body cap in bytes (default 16 MiB) */
  maxBodyBytes?: number
  /** watchlist webhooks: the server delivers pending ones while it runs (src/watchlists/webhook.ts); false: it does not */
  delivery?: (DeliverOptions & { everyMs?: number }) | false
  /** where `store` was opened (its SQLite file or PostgreSQL URL): an ingest job's cross-source analysis then runs in a worker thread on its own connection to it */
  storeTarget?: string
}

/**
 * Serves the app. Writes (POST /api/ingest) always need `Authorization: Bearer <token>`; corrections too, except that a
 * loopback server started without a token takes them from its own pages (AppOptions.localWrites). Off loopback, reads need the
 * token too unless `public`; a server bound off loopback with neither is refused. The Host header must name the
 * bound address, localhost (on loopback) or an allowed host; on a wildcard address with no allowed host named,
 * the token (or `public`) is the protection. Port 0 picks a free port (the returned `url` says which).
 */
export async function startServer(store: Store, opts: ServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const token = opts.token ?? null
  const loopback = LOOPBACK.has(opts.host)
  if (!loopback && !token && !opts.public)
    throw new DossierError('E_USAGE', `Expected a token (--token-file, DOSSIER_TOKEN) or --public to serve on ${opts.host}, got neither: off loopback the records are read with the token unless public`)
  const extra = opts.allowedHosts ?? []
  const allowedHosts = loopback ? [...LOOPBACK, opts.host, ...extra]
    : WILDCARD.has(opts.host) ? (extra.length ? [...LOOPBACK, ...extra] : null)
    : [opts.host, ...LOOPBACK, ...extra]
  const app = createApp(store, { token, readOnly: false, ingest: opts.ingest, readToken: !loopback && !opts.public, allowedHosts, maxBodyBytes: opts.maxBodyBytes, localWrites: loopback && !token, storeTarget: opts.storeTarget })
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' || opts.host.includes(':') ? `[${info.address}]` : opts.host
      const deliverer = opts.delivery === false ? null : startDeliverer(store, { ...opts.delivery, onError: (e) => console.error(`dossier: webhook delivery: ${(e as Error)?.message ?? e}`) })
      resolve({
        url: `http://${host}:${info.port}`,
        close: async () => { await deliverer?.stop(); await new Promise<void>((res, rej) => { server.close((e) => (e ? rej(e) : res())); (server as any).closeAllConnections?.() }) },
      })
    })
    server.once('error', reject)
  })
}
