/**
 * Browser tests of the web UI in headless Debian chromium (playwright-core): the timeline → event card →
 * original page scenario, every view, hostile pages that must not run, and screenshots for the README.
 * Skipped (with a message) when /usr/bin/chromium is missing: `apt-get update && apt-get install -y chromium`.
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import { startServer } from '../api/server.js'
import { CLIENT_DIR } from '../api/static.js'
import { EXAMPLES_DIR, REPO_ROOT } from '../paths.js'
import { openStore } from '../store/index.js'
import { corpusIndex, invalidateIndex } from '../store/queries.js'
import type { Store } from '../store/store.js'
import { seedDemo } from './fixtures/demo-corpus.js'

const CHROMIUM = '/usr/bin/chromium'
const SHOTS = join(REPO_ROOT, 'docs', 'screenshots')
const skip = existsSync(CHROMIUM) ? false : `needs ${CHROMIUM}: run \`apt-get update && apt-get install -y chromium\``

/** Compiles the client when its scripts are missing or older than their sources (tsx runs skip the project build). */
function ensureClient(): void {
  const src = join(REPO_ROOT, 'src', 'web', 'client')
  const newest = (dir: string): number => Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs))
  const built = join(CLIENT_DIR, 'main.js')
  if (existsSync(built) && statSync(built).mtimeMs >= newest(src)) return
  execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(src, 'tsconfig.json')], { stdio: 'inherit' })
}

/** Ingests the examples (and the hostile fixtures); when no event is seen by two outlets yet, adds the demo corpus. Returns that event. */
async function prepareStore(store: Store, log: (s: string) => void): Promise<{ story: string; a: string; b: string }> {
  const inputs = existsSync(EXAMPLES_DIR) ? readdirSync(EXAMPLES_DIR).filter((f) => /\.(txt|html?|jsonl)$/.test(f)).map((f) => join(EXAMPLES_DIR, f)) : [join(REPO_ROOT, '..', 'shared', 'seeds')]
  const hostile = [join(REPO_ROOT, 'src', 'web', 'fixtures', 'hostile-page.html'), join(EXAMPLES_DIR, 'hostile', 'hostile-page.html')].filter(existsSync)
  try {
    const { ingest } = await import('../ingest/ingest.js')
    const s = await ingest(store, [...inputs, ...hostile])
    log(`ingested ${s.stored} pages, rejected ${s.rejected.length}`)
  } catch (e) { log(`ingest failed (${(e as Error).message}); the demo corpus stands in`) }
  const find = async () => {
    const ix = await corpusIndex(store)
    for (const se of ix.storyEvents.values()) {
      const a = se.source_actor?.actor, b = se.target_actor?.actor
      if (!a || !b || a === b) continue
      const rows = await store.listEvents({ pair: [a, b], story: se.id })
      if (new Set(rows.map((r) => r.outlet)).size >= 2) return { story: se.id, a, b }
    }
    return null
  }
  const found = await find()
  if (found) { log(`event seen by two outlets: ${found.story}`); return found }
  log('no event seen by two outlets yet: adding the demo corpus')
  await seedDemo(store, [...(await corpusIndex(store)).actors.values()])
  invalidateIndex(store)
  return (await find())!
}

describe('web UI in chromium', { skip }, () => {
  let store: Store, seen: { story: string; a: string; b: string }, server: { url: string; close(): Promise<void> }, browser: BrowserContext, page: Page, profile: string
  const dialogs: string[] = [], cspErrors: string[] = [], pageErrors: string[] = []

  before(async () => {
    ensureClient()
    mkdirSync(SHOTS, { recursive: true })
    store = await openStore(':memory:')
    seen = await prepareStore(store, (s) => console.log('# ' + s))
    server = await startServer(store, { port: 0, host: '127.0.0.1' })
    const { chromium } = await import('playwright-core')
    profile = mkdtempSync(join(tmpdir(), 'dossier-chromium-'))
    // a fresh profile per run (playwright passes it as --user-data-dir)
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 860 }, colorScheme: 'light',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
    page = browser.pages()[0] ?? await browser.newPage()
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss() })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text()) })
  })
  after(async () => {
    await browser?.close(); await server?.close(); await store?.close()
    if (profile) rmSync(profile, { recursive: true, force: true })
  })

  const go = async (hash: string, ready: string) => {
    await page.goto(`${server.url}/${hash}`)
    await page.waitForSelector(`body[data-ready="${ready}"]`, { timeout: 15000 })
  }
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false })

  it('opens the timeline, an event seen by two outlets with both sentences, and the original page with the highlight', async () => {
    await go('', 'home')
    await page.waitForSelector('circle.dot')
    await shot('timeline')
    await go(`#/?a=${encodeURIComponent(seen.a)}&b=${encodeURIComponent(seen.b)}`, 'home')
    const dot = page.locator(`circle.dot[data-story="${seen.story}"]`)
    // keyboard path: focus the dot, press Enter
    await dot.focus(); await page.keyboard.press('Enter')
    await page.waitForSelector('#card .event-card')
    const sources = page.locator('#card .source')
    assert.ok(await sources.count() >= 2, 'expected at least two sources')
    const outlets = new Set(await sources.locator('h3').evaluateAll((hs) => hs.map((x) => x.firstChild?.textContent)))
    assert.ok(outlets.size >= 2, `expected two outlets, got ${[...outlets]}`)
    const sentences = await sources.locator('blockquote.sentence').allTextContents()
    assert.ok(sentences.every((s) => s.length > 10))
    assert.ok(await sources.first().locator('mark.hl-evidence').count() >= 1)
    const evidence = (await sources.first().locator('mark.hl-evidence').allTextContents()).join('')
    await sources.first().locator('a', { hasText: 'Open the page' }).click()
    await page.waitForSelector('body[data-ready="doc"]')
    const target = page.locator('#target')
    await target.waitFor()
    assert.equal((await page.locator('mark.hl-target').allTextContents()).join(''), evidence, 'the highlighted span is the evidence')
    assert.ok(await target.isVisible())
    await shot('document')
    // the card's permalink at full width, for the README
    await go(`#/event/${encodeURIComponent((await (await fetch(`${server.url}/api/events?story=${seen.story}`)).json() as { items: { id: string }[] }).items[0].id)}`, 'event')
    await page.waitForSelector('.event-card .source')
    await page.screenshot({ path: join(SHOTS, 'event-card.png'), fullPage: true })
  })

  it('shows every view: network, actor page, map, contradictions, outlets, search, documents', async () => {
    await go('#/network', 'network'); await page.waitForSelector('.network canvas'); await shot('network')
    const actorLink = page.locator('table a').first()
    await actorLink.click(); await page.waitForSelector('body[data-ready="actor"]'); await page.waitForSelector('.actor h1'); await shot('actor')
    await go('#/map', 'map'); await page.waitForSelector('circle.place'); assert.ok(await page.locator('path.country').count() > 100)
    await page.locator('circle.place').first().focus(); await page.keyboard.press('Enter'); await page.waitForSelector('.place-detail li'); await shot('map')
    await go('#/contradictions', 'contradictions'); await shot('contradictions')
    await go('#/outlets', 'outlets'); await shot('outlets')
    await go('#/search?q=the', 'search'); assert.ok(await page.locator('.hits li').count() > 0); await shot('search')
    await go('#/documents', 'documents'); assert.ok(await page.locator('table.docs tbody tr').count() >= 2)
  })

  it('renders hostile pages as text: nothing runs, no dialog, no CSP violation', async () => {
    const hits = await (await fetch(`${server.url}/api/search?q=pwned&limit=100`)).json() as { items: { doc_id: string }[] }
    const docs = [...new Set(hits.items.map((x) => x.doc_id))]
    assert.ok(docs.length >= 1, 'a hostile page is stored')
    for (const d of docs) {
      await go(`#/doc/${encodeURIComponent(d)}`, 'doc')
      assert.equal(await page.locator('.doc-text img, .doc-text script, .doc-text svg, .doc-text iframe, main a[href^="javascript"], main a[href^="data:"]').count(), 0)
      // the page shows the stored text exactly: every hostile string appears literally, nothing was parsed as markup
      const stored = await (await fetch(`${server.url}/api/documents/${encodeURIComponent(d)}`)).json() as { text: string }
      assert.equal(await page.locator('.doc-text').textContent(), stored.text)
    }
    await shot('hostile-document')
    const events = await (await fetch(`${server.url}/api/events?limit=500`)).json() as { items: { id: string; text: string }[] }
    for (const e of events.items.filter((x) => x.text.includes('pwned'))) { await go(`#/event/${e.id}`, 'event'); await page.waitForSelector('.event-card') }
    await go('#/documents', 'documents'); await go('#/outlets', 'outlets'); await go('#/search?q=onerror', 'search')
    assert.equal(await page.evaluate(() => (window as any).__pwned), undefined)
    assert.equal(await page.title(), 'Dossier')
    assert.deepEqual(dialogs, [])
    assert.deepEqual(pageErrors, [])
    assert.deepEqual(cspErrors, [])
  })

  it('reads on a phone width and in the dark theme', async () => {
    await go('', 'home')
    await page.locator('.theme-toggle').click()
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark')
    await page.waitForSelector('circle.dot'); await shot('timeline-dark')
    await page.setViewportSize({ width: 390, height: 844 })
    await go('', 'home'); await page.waitForSelector('circle.dot')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    assert.ok(overflow <= 1, `no horizontal scroll on a phone, got ${overflow}px`)
    await shot('phone')
    await page.setViewportSize({ width: 1280, height: 860 })
  })
})
