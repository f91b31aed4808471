/**
 * Browser test of watchlists (issue #16) in headless Debian chromium: a search is saved as a watchlist from the UI
 * (with a webhook to a local receiver), then a new page that matches is ingested through the API by the real
 * pipeline; the new event is in the watchlist's Atom feed, reaches the receiver (whose first answer is a 503, so the
 * delivery is retried), and the watchlist view shows it as new, linking to the event card, with no internal id shown.
 */
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { BrowserContext, Page } from 'playwright-core'
import { seedDemo } from '../api/fixtures/demo-corpus.js'
import { startServer } from '../api/server.js'
import { GOOD_PAGE } from '../ingest/test-page.js'
import { openStore } from '../store/index.js'
import type { Store } from '../store/store.js'
import { CHROMIUM, ensureClient, NO_CHROMIUM } from './browser.js'

/** The test's own screenshot goes to a temp folder; the README's are made by `npm run screenshots` (src/web/screenshots.ts). */
const SHOTS = mkdtempSync(join(tmpdir(), 'dossier-shots-'))
const skip = NO_CHROMIUM
const TOKEN = 'ui-watch-token-0123456789'
/** Internal ids the UI never shows (document, event, story event, actor, watchlist, delivery ids). */
const INTERNAL_ID = /\b(?:d|ev|se|wl|dl|job)_[0-9a-z]|\bx:[a-z]/i

describe('web UI in chromium: a watchlist receives a new event after an ingest (Atom feed and a local webhook)', { skip }, () => {
  let store: Store, server: { url: string; close(): Promise<void> }, browser: BrowserContext, page: Page, profile: string, receiver: Server, hookUrl: string
  const received: { status: number; body: any }[] = []
  const pageErrors: string[] = []
  const auth = { authorization: `Bearer ${TOKEN}` }

  before(async () => {
    ensureClient()
    mkdirSync(SHOTS, { recursive: true })
    store = await openStore(':memory:')
    await seedDemo(store)
    // the local webhook receiver: its first answer is a 503, so the first delivery must be retried
    receiver = createServer((req, res) => {
      let b = ''
      req.on('data', (c) => (b += c))
      req.on('end', () => { const status = received.length === 0 ? 503 : 200; received.push({ status, body: JSON.parse(b) }); res.statusCode = status; res.end() })
    })
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/dossier`
    // the server delivers webhooks while it runs; short waits keep the test quick (defaults: 5 s, then 30 s doubled)
    server = await startServer(store, { port: 0, host: '127.0.0.1', token: TOKEN, delivery: { everyMs: 200, backoffMs: 400 } })
    const { chromium } = await import('playwright-core')
    profile = mkdtempSync(join(tmpdir(), 'dossier-chromium-'))
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 860 }, colorScheme: 'light',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
    page = browser.pages()[0] ?? await browser.newPage()
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('dialog', (d) => void d.dismiss())
  })
  after(async () => {
    await browser?.close(); await server?.close(); await store?.close()
    await new Promise<void>((r) => { if (!receiver) return r(); receiver.close(() => r()); receiver.closeAllConnections() })
    if (profile) rmSync(profile, { recursive: true, force: true })
  })

  /** A GET that asks once more after a network error (a kept-alive connection the busy server closed: ECONNRESET). */
  const get = (url: string) => fetch(url).catch(() => new Promise((r) => setTimeout(r, 200)).then(() => fetch(url)))
  const go = async (hash: string, ready: string) => {
    // a URL that differs from the current one only by its hash does not load the page again: start afresh
    await page.goto('about:blank')
    await page.goto(`${server.url}/${hash}`)
    await page.waitForSelector(`body[data-ready="${ready}"]`, { timeout: 15000 })
  }

  it('saves a search as a watchlist, ingests a matching page, and the new event reaches the feed, the webhook (retried) and the view', async () => {
    // 1. the analyst searches, then saves the search as a watchlist with a webhook to a receiver on this machine
    await go('#/search?q=grain%20corridor', 'search')
    await page.locator('a', { hasText: 'Watch this search' }).click()
    await page.waitForSelector('body[data-ready="watchlists"] form.watchlist-form')
    assert.equal(await page.inputValue('#wl-words'), 'grain corridor')
    await page.fill('#wl-name', 'Grain corridor')
    await page.fill('#wl-webhook', hookUrl)
    await page.check('#wl-allow_loopback')
    await page.fill('#wl-token', TOKEN)
    await page.locator('button', { hasText: 'Save watchlist' }).click()
    await page.waitForSelector('.watchlist h1')
    assert.equal(await page.locator('.watchlist h1').textContent(), 'Grain corridor')
    assert.match(await page.locator('.watchlist').innerText(), /0 new hits since last seen, 0 hits in all/)
    const { items } = await (await get(`${server.url}/api/watchlists`)).json() as { items: { id: string; name: string }[] }
    const w = items.find((x) => x.name === 'Grain corridor')!
    assert.ok(w)

    // 2. a new page that matches is ingested through the API (the real reading pipeline)
    const res = await fetch(`${server.url}/api/ingest`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ pages: [{ url: 'https://north.example/corridor', text: GOOD_PAGE }] }) })
    assert.equal(res.status, 202)
    const { job } = await res.json() as { job: { id: string } }
    let state = ''
    for (let i = 0; i < 600 && state !== 'done' && state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100))
      // the server's first ingest loads the models, holding its event loop for seconds: a kept-alive connection it
      // closed meanwhile fails one poll (ECONNRESET), and the next poll asks again
      state = await fetch(`${server.url}/api/jobs/${job.id}`).then(async (r) => ((await r.json()) as { status: string }).status, () => state)
    }
    assert.equal(state, 'done')

    // 3. the Atom feed has the new event
    const feedRes = await get(`${server.url}/api/watchlists/${w.id}/feed.atom`)
    assert.match(feedRes.headers.get('content-type')!, /application\/atom\+xml/)
    const xml = await feedRes.text()
    assert.equal(XMLValidator.validate(xml), true)
    const entries = [new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml).feed.entry].flat().filter(Boolean)
    assert.equal(entries.length, 1, xml)
    assert.match(entries[0].content['#text'], /grain corridor/)
    const link = [entries[0].link].flat().find((l: any) => l['@rel'] === 'alternate')['@href'] as string
    assert.ok(link.startsWith(`${server.url}/#/event/`), link)

    // 4. the webhook receiver gets it: the first POST is answered 503, the retry after the backoff gets through
    for (let i = 0; i < 100 && received.length < 2; i++) await new Promise((r) => setTimeout(r, 100))
    assert.deepEqual(received.map((r) => r.status), [503, 200])
    assert.deepEqual(received[1]!.body, received[0]!.body, 'the same payload is sent again')
    assert.equal(received[1]!.body.watchlist.name, 'Grain corridor')
    assert.equal(received[1]!.body.hits.length, 1)
    assert.match(received[1]!.body.hits[0].sentence, /grain corridor/)
    const log = await (await get(`${server.url}/api/watchlists/${w.id}/deliveries`)).json() as { items: { status: string; attempts_log: { status: number }[] }[] }
    assert.deepEqual(log.items.map((d) => [d.status, d.attempts_log.map((a) => a.status)]), [['delivered', [503, 200]]])

    // 5. the view shows it as new, with the delivery log, and no internal id; its link opens the event card
    await go(`#/watchlists/${encodeURIComponent(w.id)}`, 'watchlists')
    assert.equal(await page.locator('.hit.new').count(), 1)
    const text = await page.locator('main').innerText()
    assert.match(text, /1 new hit since last seen/)
    assert.match(text, /grain corridor/)
    assert.match(text, /→ 503: Expected a 2xx answer, got 503/)
    assert.match(text, /→ 200/)
    assert.doesNotMatch(text, INTERNAL_ID)
    await page.screenshot({ path: join(SHOTS, 'watchlist.png') })
    await page.locator('.hit.new a').first().click()
    await page.waitForSelector('body[data-ready="event"]')
    assert.match(await page.locator('main').innerText(), /grain corridor/)
    // the list of watchlists shows the count of new hits; marking seen clears it
    await go('#/watchlists', 'watchlists')
    assert.match(await page.locator('.watchlist-list').innerText(), /Grain corridor\s*1 new/)
    assert.doesNotMatch(await page.locator('main').innerText(), INTERNAL_ID)
    await go(`#/watchlists/${encodeURIComponent(w.id)}`, 'watchlists')
    await page.locator('button', { hasText: 'Mark all seen' }).click()
    await page.waitForFunction(() => /0 new hits since last seen/.test(document.querySelector('main')?.textContent ?? ''))
    assert.equal(await page.locator('.hit.new').count(), 0)
    assert.deepEqual(pageErrors, [])
  })
})
