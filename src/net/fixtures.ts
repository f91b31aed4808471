import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

// Test helpers shared by src/net and src/cli tests (a module of its own so that importing them runs no tests).

/** A local test server (127.0.0.1 only); `hits` counts requests per path. */
export async function localServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ base: string; hits: Map<string, number>; server: Server; close(): Promise<void> }> {
  const hits = new Map<string, number>()
  const server = createServer((req, res) => { hits.set(req.url!, (hits.get(req.url!) ?? 0) + 1); handler(req, res) })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { base, hits, server, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()) }) }
}

/** An article page of its own (a different city per page, so no two are copies). */
export const article = (city: string) => `<html><head><title>Envoys meet in ${city}</title></head><body><article><h1>Envoys meet in ${city}</h1>
<p>Foreign ministers from Norway and Finland met in ${city} on Monday to discuss a grain corridor across the Baltic Sea, officials said.</p>
<p>The two governments said they would meet again in Helsinki next month to sign a formal agreement on shipping.</p></article></body></html>`

