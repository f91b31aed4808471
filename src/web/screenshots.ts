/**
 * Regenerates the README's screenshots from the real pipeline: the pages at the top of `examples/` are ingested into
 * an in-memory store (as `npm start` does), one page held back; an analyst's corrections are recorded through the
 * same code the API uses, a watchlist is saved (with a local webhook receiver), the held-back page is ingested so
 * the watchlist gets a new hit, and every view is photographed in Debian chromium (last, a hostile page of
 * `examples/hostile/` is ingested and shown as inert text).
 *
 *   npm run screenshots            (writes docs/screenshots/*.png)
 *   node dist/web/screenshots.js --out /tmp/shots --json
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Command } from 'commander'
import { startServer } from '../api/server.js'
import { addCorrection } from '../corrections/make.js'
import { ingest } from '../ingest/ingest.js'
import { EXAMPLES_DIR, REPO_ROOT } from '../paths.js'
import { openStore } from '../store/index.js'
import { createWatchlist } from '../watchlists/index.js'
import { CHROMIUM, ensureClient } from './browser.js'

/** The page held back until the watchlist exists (its events are the watchlist's new hits). */
const HELD_BACK = 'volga-herald.txt'

interface KeyEvent { id: string; event: string; outlets: string[]; source_actor: { actor: string; name: string } | null; target_actor: { actor: string; name: string } | null }

/** Takes every screenshot into `out`; answers the files written. */
export async function takeScreenshots(out: string, log: (s: string) => void = () => {}): Promise<string[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`Expected chromium at ${CHROMIUM}, got none: run \`apt-get install -y chromium\``)
  ensureClient()
  mkdirSync(out, { recursive: true })
  const written: string[] = []
  const store = await openStore(':memory:')
  const receiver = createServer((req, res) => { req.resume(); req.on('end', () => { res.statusCode = 200; res.end() }) })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  let server: { url: string; close(): Promise<void> } | null = null
  const profile = mkdtempSync(join(tmpdir(), 'dossier-shots-chromium-'))
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 860 }, colorScheme: 'light',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
  try {
    // 1. the examples, one page held back; a watchlist on the held-back page's outlet, with a local webhook
    const pages = readdirSync(EXAMPLES_DIR).filter((f) => /\.(?:txt|html|jsonl)$/.test(f)).map((f) => join(EXAMPLES_DIR, f))
    const held = pages.find((p) => p.endsWith(HELD_BACK)) ?? pages.at(-1)!
    const first = await ingest(store, pages.filter((p) => p !== held), { recursive: false })
    log(`ingested ${first.stored} example pages`)
    const probe = await openStore(':memory:')
    let outlet: string | null = null
    try { await ingest(probe, [held]); outlet = (await probe.listDocuments({}))[0]?.outlet ?? null } finally { await probe.close() }
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/dossier`
    await createWatchlist(store, { name: outlet ? `Everything from ${outlet}` : 'New events', query: { actors: [], pair: null, types: [], outlets: outlet ? [outlet] : [], words: outlet ? [] : ['said'], contradictions: false },
      webhook: { url: hook, allow_loopback: true } })
    const { matchWatchlists } = await import('../watchlists/match.js')
    await matchWatchlists(store) // what is stored now is the watchlist's baseline
    const second = await ingest(store, [held])
    log(`ingested ${second.stored} held-back page (${outlet ?? 'no outlet'}): the watchlist's new hits`)
    server = await startServer(store, { port: 0, host: '127.0.0.1', delivery: { everyMs: 200, backoffMs: 400 } })
    const api = async <T>(path: string): Promise<T> => (await fetch(`${server!.url}/api/${path}`)).json() as Promise<T>

    // 2. an analyst's corrections: the most reported event accepted, another one's type fixed, a third marked wrong
    const { key_events } = await api<{ key_events: KeyEvent[] }>('overview')
    const top = key_events.find((k) => k.source_actor && k.target_actor && k.outlets.length >= 2) ?? key_events[0]!
    const events = (await api<{ items: { id: string; type: string }[] }>('events?limit=500')).items
    const who = { author: 'analyst', via: 'screenshots' }
    await addCorrection(store, { kind: 'event.accept', event: top.event }, who)
    const others = events.filter((e) => e.id !== top.event)
    if (others[0]) await addCorrection(store, { kind: 'event.fix', event: others[0].id, set: { type: others[0].type === 'CONSULT' ? 'ACCUSE' : 'CONSULT' } }, who)
    if (others[1]) await addCorrection(store, { kind: 'event.wrong', event: others[1].id, reason: 'a plan, not an act' }, who)
    const { invalidateIndex } = await import('../store/queries.js')
    invalidateIndex(store)

    const page = browser.pages()[0] ?? await browser.newPage()
    const go = async (hash: string, ready: string) => {
      await page.goto('about:blank')
      await page.goto(`${server!.url}/${hash}`)
      await page.waitForSelector(`body[data-ready="${ready}"]`, { timeout: 30000 })
    }
    const shot = async (name: string, fullPage = false) => { const f = join(out, `${name}.png`); await page.screenshot({ path: f, fullPage }); written.push(f); log(`wrote ${f}`) }

    // 3. every view
    await go('', 'home'); await page.waitForSelector('.dot'); await page.waitForSelector('#card .event-card .source'); await shot('timeline')
    const card = await api<{ sources: { doc: string; sentence: { start: number; end: number } }[] }>(`events/${encodeURIComponent(top.event)}`)
    const src = card.sources[0]!
    await go(`#/doc/${encodeURIComponent(src.doc)}?start=${src.sentence.start}&end=${src.sentence.end}`, 'doc'); await page.waitForTimeout(300); await shot('document')
    await go(`#/event/${encodeURIComponent(top.event)}`, 'event'); await page.waitForSelector('.event-card .source'); await shot('event-card', true)
    await go('#/network', 'network'); await page.waitForSelector('.network canvas'); await page.waitForTimeout(500); await shot('network')
    const actors = await api<{ items: { id: string; roles: unknown[]; events: number }[] }>('actors?limit=500')
    const actor = [...actors.items].sort((a, b) => (b.roles.length > 1 ? b.events : -1) - (a.roles.length > 1 ? a.events : -1))[0]!
    await go(`#/actor/${encodeURIComponent(actor.id)}`, 'actor'); await shot('actor')
    await go('#/map', 'map'); await page.locator('circle.place').first().focus(); await page.keyboard.press('Enter'); await page.waitForSelector('.place-detail li'); await shot('map')
    await go('#/contradictions', 'contradictions'); await shot('contradictions')
    await go('#/outlets', 'outlets'); await shot('outlets')
    const q = top.source_actor?.name.split(' ').pop() ?? 'the'
    await go(`#/search?q=${encodeURIComponent(q)}`, 'search'); await shot('search')
    await go('#/corrections', 'corrections'); await page.waitForTimeout(200); await shot('corrections')
    // the webhook is delivered by the server while it runs
    const [w] = (await api<{ items: { id: string }[] }>('watchlists')).items
    if (w) {
      for (let i = 0; i < 50; i++) {
        const d = await api<{ items: { status: string }[] }>(`watchlists/${encodeURIComponent(w.id)}/deliveries`)
        if (d.items?.some((x) => x.status === 'delivered')) break
        await new Promise((r) => setTimeout(r, 200))
      }
      await go(`#/watchlists/${encodeURIComponent(w.id)}`, 'watchlists'); await shot('watchlist')
    }
    await go('', 'home'); await page.locator('.theme-toggle').click(); await page.waitForSelector('.dot'); await page.waitForSelector('#card .event-card'); await shot('timeline-dark')
    await page.setViewportSize({ width: 390, height: 844 })
    await go('', 'home'); await page.waitForSelector('.dot'); await shot('phone')
    await page.locator('.theme-toggle').click()
    await page.setViewportSize({ width: 1280, height: 860 })
    // a hostile page (scripts, handlers, javascript: links) shown as inert text
    const hostile = join(EXAMPLES_DIR, 'hostile', 'hostile-page.html')
    if (existsSync(hostile)) {
      await ingest(store, [hostile])
      invalidateIndex(store)
      const hit = (await api<{ items: { doc_id: string }[] }>('search?q=pwned&limit=10')).items[0]
      if (hit) { await go(`#/doc/${encodeURIComponent(hit.doc_id)}`, 'doc'); await shot('hostile-document') }
    }
    return written
  } finally {
    await browser.close(); await server?.close(); await store.close()
    await new Promise<void>((r) => { receiver.close(() => r()); receiver.closeAllConnections() })
    rmSync(profile, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const program = new Command('screenshots')
    .description('Regenerate the README screenshots from the real pipeline on examples/ (in-memory store, Debian chromium)')
    .option('--out <dir>', 'folder the PNG files are written to', join(REPO_ROOT, 'docs', 'screenshots'))
    .option('--json', 'print {"files": [...]} instead of progress lines')
    .action(async (o: { out: string; json?: boolean }) => {
      const files = await takeScreenshots(resolve(o.out), o.json ? () => {} : (s) => console.log(s))
      if (o.json) console.log(JSON.stringify({ files }))
    })
  program.parseAsync().catch((e: Error) => { console.error(e.message); process.exit(1) })
}
