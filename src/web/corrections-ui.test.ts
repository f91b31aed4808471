/**
 * Browser tests of the analyst's corrections (issue #16) in headless Debian chromium over the REAL example corpus
 * (what `npm start` serves: a loopback server without a token, which takes corrections from its own pages):
 * an event corrected on its card shows corrected and reaches the export and the gold export; a sentence selected
 * on a page becomes a missed event. Skipped (with a message) when /usr/bin/chromium is missing.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import { startServer } from '../api/server.js'
import { exportGold } from '../corrections/gold-export.js'
import { EXAMPLES_DIR } from '../paths.js'
import { openStore } from '../store/index.js'
import type { Store } from '../store/store.js'
import { CHROMIUM, ensureClient, NO_CHROMIUM } from './browser.js'

const skip = NO_CHROMIUM

interface Row { id: string; doc_id: string; type: string; source_actor: string | null; target_actor: string | null; start: number; end: number; text: string; correction?: { status: string } }
interface Doc { id: string; text: string; sentences: { start: number; end: number }[]; events: { evidence: { start: number; end: number } }[] }

describe('corrections in the web UI, over the example corpus', { skip }, () => {
  let store: Store, server: { url: string; close(): Promise<void> }, browser: BrowserContext, page: Page, profile: string
  const pageErrors: string[] = [], dirs: string[] = []
  const api = async <T>(path: string): Promise<T> => (await fetch(`${server.url}/api/${path}`)).json() as Promise<T>
  const go = async (hash: string, ready: string) => {
    // the mark of the view shown before goes first: a hash change re-renders, and the old mark must not pass for the new view's
    await page.evaluate((u) => { if (location.href !== u) delete document.body.dataset.ready }, `${server.url}/${hash}`).catch(() => undefined)
    await page.goto(`${server.url}/${hash}`)
    await page.waitForSelector(`body[data-ready="${ready}"]`, { timeout: 15000 })
  }
  const gold = async () => { const d = mkdtempSync(join(tmpdir(), 'dossier-ui-gold-')); dirs.push(d); await exportGold(store, d); return readdirSync(d).map((f) => JSON.parse(readFileSync(join(d, f), 'utf8'))) }

  before(async () => {
    ensureClient()
    store = await openStore(':memory:')
    const { ingest } = await import('../ingest/ingest.js')
    await ingest(store, [EXAMPLES_DIR], { recursive: false })
    server = await startServer(store, { port: 0, host: '127.0.0.1' })
    const { chromium } = await import('playwright-core')
    profile = mkdtempSync(join(tmpdir(), 'dossier-chromium-'))
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 860 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
    page = browser.pages()[0] ?? await browser.newPage()
    page.on('pageerror', (e) => pageErrors.push(e.message))
  })
  after(async () => {
    await browser?.close(); await server?.close(); await store?.close()
    for (const d of [profile, ...dirs]) if (d) rmSync(d, { recursive: true, force: true })
    assert.deepEqual(pageErrors, [])
  })

  it('corrects an event on its card (type and target), shows it corrected, and the export and the gold export carry it; marks another wrong', async () => {
    const rows = (await api<{ items: Row[] }>('events?limit=500')).items
    const ev = rows.find((r) => r.type !== 'PROTEST' && r.source_actor && r.target_actor)!
    await go(`#/event/${encodeURIComponent(ev.id)}`, 'event')
    const source = page.locator(`.event-card .source[data-id="${ev.id}"]`)
    await source.locator('.correct-bar button.edit').click()
    await source.locator('select[name="type"]').selectOption('PROTEST')
    await source.locator('input[name="target_actor"]').fill('Analyst Named Target')
    await source.locator('button[type="submit"]', { hasText: 'Save' }).click()
    // the view is shown again: the report says it was corrected, with its new values and the machine's as a tooltip
    await page.waitForSelector(`.event-card .source[data-id="${ev.id}"] .badge.corrected.is-fixed`)
    assert.match((await source.locator('.corrected-line').textContent())!, /PROTEST .*→ Analyst Named Target/)
    assert.match((await source.locator('.badge.corrected').getAttribute('title'))!, new RegExp(`type was ${ev.type}`))
    // the export (JSON Lines over HTTP) and the gold export carry the analyst's values
    const lines = (await (await fetch(`${server.url}/api/export`)).text()).trim().split('\n').map((l) => JSON.parse(l))
    const exported = lines.find((r) => r.id === ev.doc_id).events.find((e: any) => e.id === ev.id)
    assert.deepEqual([exported.type, exported.target_actor.name, exported.correction.machine.type], ['PROTEST', 'Analyst Named Target', ev.type])
    const page1 = (await gold()).find((g) => g.dossier.document === ev.doc_id)
    const inGold = page1.events.find((e: any) => e.evidence === ev.text && e.type === 'PROTEST')
    assert.equal(inGold.target_actor, 'Analyst Named Target'); assert.match(inGold.note, /corrected by an analyst/)
    // another event marked wrong (with its reason) leaves the lists; its page lists it struck through, with its undo
    const other = rows.find((r) => r.id !== ev.id && r.doc_id !== ev.doc_id)!
    await go(`#/event/${encodeURIComponent(other.id)}`, 'event')
    const block = page.locator(`.event-card .source[data-id="${other.id}"]`)
    await block.locator('.correct-bar button.wrong').click()
    await block.locator('input[name="reason"]').fill('the sentence reports a plan')
    await block.locator('button[type="submit"]', { hasText: 'Mark wrong' }).click()
    await page.waitForSelector('body[data-ready="doc"] .wrong-facts li')
    assert.match((await page.locator('.wrong-facts li').textContent())!, /the sentence reports a plan/)
    assert.ok(!(await api<{ items: Row[] }>('events?limit=500')).items.some((r) => r.id === other.id))
    // the Corrections page shows the precision per type so far
    await go('#/corrections', 'corrections')
    assert.ok(await page.locator('.precision-table tbody tr').count() >= 1)
    assert.equal(await page.locator('.correction-list > li').count(), 2)
  })

  it('adds a missed event from a sentence selected on its page', async () => {
    const docs = (await api<{ items: { id: string }[] }>('documents?limit=100')).items
    let doc: Doc | null = null, sentence: { start: number; end: number } | null = null
    for (const d of docs) {
      const full = await api<Doc>(`documents/${encodeURIComponent(d.id)}`)
      // a sentence no event holds: what the machine missed
      sentence = full.sentences.find((s) => s.end - s.start > 40 && !full.events.some((e) => e.evidence.start < s.end && s.start < e.evidence.end)) ?? null
      if (sentence) { doc = full; break }
    }
    assert.ok(doc && sentence, 'the examples have a sentence with no event')
    await go(`#/doc/${encodeURIComponent(doc.id)}`, 'doc')
    // select part of the sentence in the page's text, as a reader's mouse would, and let go
    await page.evaluate(({ start, end }) => {
      const root = document.querySelector('.doc-text')!
      const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      const range = document.createRange()
      let n = 0
      for (let t = walk.nextNode(); t; t = walk.nextNode()) {
        const len = t.textContent!.length
        if (start >= n && start < n + len) range.setStart(t, start - n)
        if (end > n && end <= n + len) { range.setEnd(t, end - n); break }
        n += len
      }
      getSelection()!.removeAllRanges(); getSelection()!.addRange(range)
      root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    }, { start: sentence.start + 3, end: sentence.end - 3 })
    const form = page.locator('form.add-event')
    await form.waitFor()
    const text = doc.text.slice(sentence.start, sentence.end)
    assert.equal(await form.locator('blockquote.sentence').textContent(), text, 'the evidence is the whole sentence')
    await form.locator('select[name="type"]').selectOption('REQUEST')
    await form.locator('input[name="source_actor"]').fill('Missed Speaker')
    await form.locator('input[name="date"]').fill('2024-11-12')
    await form.locator('button[type="submit"]').click()
    await page.waitForSelector('.doc-side .badge.corrected.is-added')
    const added = (await api<{ items: Row[] }>(`events?doc=${encodeURIComponent(doc.id)}&limit=500`)).items.find((r) => r.correction?.status === 'added')!
    assert.deepEqual([added.type, added.text, added.start, added.end], ['REQUEST', text, sentence.start, sentence.end])
    const page1 = (await gold()).find((g) => g.dossier.document === doc!.id)
    assert.ok(page1.events.some((e: any) => e.type === 'REQUEST' && e.evidence === text && e.source_actor === 'Missed Speaker' && e.date === '2024-11-12'))
  })

  it('merges an actor into another from its page; the other answers to its name and its events', async () => {
    const actors = (await api<{ items: { id: string; name: string; events: number }[] }>('actors?limit=500')).items.filter((a) => a.events > 0)
    const [from, into] = [actors[0]!, actors[1]!]
    const before = (await api<{ items: Row[] }>(`events?actor=${encodeURIComponent(from.id)}&limit=500`)).items.length
    await go(`#/actor/${encodeURIComponent(from.id)}`, 'actor')
    await page.locator('.merge-actor button', { hasText: 'Same actor as' }).click()
    await page.locator('.merge-actor input[name="into"]').fill(into.name)
    await page.locator('.merge-actor button[type="submit"]').click()
    await page.waitForFunction((n) => location.hash.startsWith('#/actor/') && document.querySelector('.actor h1')?.textContent === n && document.body.dataset.ready === 'actor', into.name)
    assert.ok((await page.locator('.actor ul.chips[aria-label="Aliases"] li').allTextContents()).includes(from.name))
    assert.equal((await api<{ items: Row[] }>(`events?actor=${encodeURIComponent(from.id)}&limit=500`)).items.length, 0)
    assert.ok((await api<{ items: Row[] }>(`events?actor=${encodeURIComponent(into.id)}&limit=500`)).items.length >= before)
  })
})
