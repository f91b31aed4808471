/**
 * Browser tests of the web UI in headless Debian chromium (playwright-core) over the REAL example corpus:
 * `examples/` (top-level pages: *.txt, *.html, feed.jsonl) goes through the real ingest pipeline, exactly as
 * `npm start` does (the README's screenshots come from the same pipeline: `npm run screenshots`, src/web/screenshots.ts). Then the hostile pages are ingested and
 * must render as inert text. Skipped (with a message) when /usr/bin/chromium is missing:
 * `apt-get update && apt-get install -y chromium`.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import { startServer } from '../api/server.js'
import { EXAMPLES_DIR, REPO_ROOT } from '../paths.js'
import { openStore } from '../store/index.js'
import { invalidateIndex } from '../store/queries.js'
import type { Store } from '../store/store.js'
import { CHROMIUM, ensureClient, NO_CHROMIUM } from './browser.js'

/** The test's own screenshots (for looking at a failure) go to a temp folder; the README's are made by `npm run screenshots`. */
const SHOTS = mkdtempSync(join(tmpdir(), 'dossier-shots-'))
const HOSTILE = [join(REPO_ROOT, 'src', 'web', 'fixtures', 'hostile-page.html'), join(EXAMPLES_DIR, 'hostile', 'hostile-page.html')]
const skip = NO_CHROMIUM

interface KeyEvent { id: string; event: string; outlets: string[]; source_actor: { actor: string; name: string } | null; target_actor: { actor: string; name: string } | null }

describe('web UI in chromium, over the example corpus', { skip }, () => {
  let store: Store, server: { url: string; close(): Promise<void> }, browser: BrowserContext, page: Page, profile: string, top: KeyEvent
  const dialogs: string[] = [], cspErrors: string[] = [], pageErrors: string[] = []
  const api = async <T>(path: string): Promise<T> => (await fetch(`${server.url}/api/${path}`)).json() as Promise<T>

  before(async () => {
    ensureClient()
    mkdirSync(SHOTS, { recursive: true })
    store = await openStore(':memory:')
    const { ingest } = await import('../ingest/ingest.js')
    // what `npm start` (dossier demo) ingests: the pages at the top of examples/, not gold/ or hostile/
    const sum = await ingest(store, [EXAMPLES_DIR], { recursive: false })
    console.log(`# examples: ${sum.stored} pages stored, ${sum.rejected.length} rejected`)
    assert.ok(sum.stored >= 8, `expected the eight example pages, got ${sum.stored}`)
    server = await startServer(store, { port: 0, host: '127.0.0.1' })
    const { key_events } = await api<{ key_events: KeyEvent[] }>('overview')
    // no fixture stands in: the example corpus must have an event that several outlets report
    // the scenario follows an event between two actors (one with no named source, like an unclaimed bombing, has no pair timeline)
    const paired = key_events.find((k) => k.source_actor && k.target_actor && k.outlets.length >= 2)
    assert.ok(paired, `expected an event between two actors reported by two outlets, got ${JSON.stringify(key_events.slice(0, 3))}`)
    top = paired
    const { chromium } = await import('playwright-core')
    profile = mkdtempSync(join(tmpdir(), 'dossier-chromium-'))
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
    // the mark of the view shown before goes first: a hash change re-renders, and the old mark must not pass for the new view's
    await page.evaluate((u) => { if (location.href !== u) delete document.body.dataset.ready }, `${server.url}/${hash}`).catch(() => undefined)
    await page.goto(`${server.url}/${hash}`)
    await page.waitForSelector(`body[data-ready="${ready}"]`, { timeout: 15000 })
  }
  const shot = (name: string, fullPage = false) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage })

  it('lands on the story at a glance: headline, counts, the most connected pair\'s timeline, the most reported event open', async () => {
    await go('', 'home')
    await page.waitForSelector('.dot')
    assert.ok(await page.locator('.dot').count() >= 3, 'the default timeline shows several events')
    assert.ok((await page.locator('.glance h1').textContent())!.length > 10)
    assert.ok(await page.locator('.key-events li').count() >= 3)
    await page.waitForSelector('#card .event-card .source')
    assert.ok(await page.locator('#card .source').count() >= 2, 'the card beside the timeline shows several outlets')
    await shot('timeline')
  })

  it('timeline: every dated event is reachable (zoomed out to the whole range), the axis names the year, undated events are listed with their count', async () => {
    type Row = { id: string; story_event: string | null; date: string | null }
    const t = await api<{ events: Row[]; story_events: Record<string, { date: string | null }> }>('timeline')
    const groups = new Map<string, Row[]>()
    for (const r of t.events) groups.set(r.story_event ?? r.id, [...(groups.get(r.story_event ?? r.id) ?? []), r])
    const isDated = (key: string, rs: Row[]) => !!t.story_events[key]?.date || rs.some((r) => r.date)
    const dated = [...groups].filter(([k, rs]) => isDated(k, rs)).length, undated = groups.size - dated
    assert.ok(undated >= 1 && dated >= 3, `the example pair has dated and undated events (${dated} / ${undated})`)
    await go('', 'home')
    await page.waitForSelector('.dot')
    assert.equal(await page.locator('.dot').count(), dated, 'one dot per dated real-world event')
    assert.match((await page.locator('.timeline .axis').textContent())!, /20\d\d/, 'the axis names the year')
    assert.equal(await page.locator('.timeline .undated h3').textContent(), `Undated events (${undated})`)
    assert.equal(await page.locator('.timeline .undated li').count(), undated)
    // the opening view is on the precisely dated events; "Whole range" brings every dated one into the plot
    await page.locator('.zoom-controls button', { hasText: 'Whole range' }).click()
    await page.waitForFunction((n) => document.querySelector('.tl-status')?.textContent === `All ${n} dated events in view.`, dated)
    await page.waitForTimeout(400)
    const inside = await page.evaluate(() => {
      const clip = document.querySelector('#tl-clip rect')!, x0 = +clip.getAttribute('x')!, x1 = x0 + +clip.getAttribute('width')!
      return Array.from(document.querySelectorAll('.dot')).map((d) => +d.getAttribute('cx')!).filter((x) => x >= x0 && x <= x1).length
    })
    assert.equal(inside, dated, 'every dot is inside the plot')
    // ticks never overlap
    const boxes = await page.locator('.timeline .axis .tick text').evaluateAll((ts) => ts.map((t) => { const b = t.getBoundingClientRect(); return [b.left, b.right] }))
    for (let i = 1; i < boxes.length; i++) assert.ok(boxes[i][0] > boxes[i - 1][1], `tick labels ${i - 1} and ${i} overlap`)
  })

  it('goes from a timeline dot (keyboard) to the event card with every outlet side by side, copies marked, then to the page at the sentence', async () => {
    await go('', 'home')
    let dot = page.locator(`.dot[data-story="${top.id}"]`)
    if (!(await dot.count()) && top.source_actor && top.target_actor) {
      await go(`#/?a=${encodeURIComponent(top.source_actor.actor)}&b=${encodeURIComponent(top.target_actor.actor)}`, 'home')
      dot = page.locator(`.dot[data-story="${top.id}"]`)
    }
    await dot.first().focus(); await page.keyboard.press('Enter')
    await page.waitForSelector(`#card .event-card[data-story="${top.id}"]`)
    const sources = page.locator('#card .source')
    const outlets = new Set(await sources.locator('h3 .outlet-name').allTextContents())
    assert.ok(outlets.size >= 2, `expected two outlets, got ${[...outlets]}`)
    const card = await api<{ sources: { is_copy: boolean }[] }>(`events/${encodeURIComponent(top.event)}`)
    assert.equal(await page.locator('#card .source.is-copy .badge.copy').count(), card.sources.filter((s) => s.is_copy).length, 'every copy is marked')
    assert.ok((await sources.locator('blockquote.sentence').allTextContents()).every((s) => s.length > 10))
    const first = sources.first()
    const evidence = (await first.locator('mark.hl-evidence').allTextContents()).join('')
    assert.ok(evidence.length > 10)
    await first.locator('a', { hasText: 'Open the page' }).click()
    await page.waitForSelector('body[data-ready="doc"]')
    await page.locator('#target').waitFor()
    assert.equal((await page.locator('mark.hl-target').allTextContents()).join(''), evidence, 'the highlighted span is the evidence')
    assert.ok(await page.locator('#target').isVisible())
    await page.waitForTimeout(300)
    await shot('document')
    await go(`#/event/${encodeURIComponent(top.event)}`, 'event')
    await page.waitForSelector('.event-card .source')
    await shot('event-card', true)
  })

  it('shows an event that a page only attributes to someone as an allegation by them, and what coded every report (rule, or model with its score)', async () => {
    type Row = { id: string; reported_by: string | null; produced_by: { method: string; detail: string; score: number | null } | null }
    const rows = (await api<{ items: Row[] }>('events?limit=500')).items
    const alleged = rows.find((r) => r.reported_by)
    assert.ok(alleged, 'the example corpus has an event that a page reports as someone\'s statement')
    await go(`#/event/${encodeURIComponent(alleged.id)}`, 'event')
    const source = page.locator(`.event-card .source[data-id="${alleged.id}"]`)
    assert.equal(await source.locator('.alleged').textContent(), `alleged by ${alleged.reported_by}`)
    assert.ok((await page.locator('.event-card .reported-as').textContent())!.includes(`alleged by ${alleged.reported_by}`))
    const coded = source.locator('.provenance')
    assert.equal(await coded.textContent(), alleged.produced_by!.method === 'model' ? `model · ${alleged.produced_by!.score!.toFixed(2)}` : 'rule')
    assert.ok((await coded.getAttribute('title'))!.endsWith(alleged.produced_by!.detail))
    // a report that states its event as a fact carries no allegation label
    const stated = rows.find((r) => !r.reported_by)!
    await go(`#/event/${encodeURIComponent(stated.id)}`, 'event')
    assert.equal(await page.locator(`.event-card .source[data-id="${stated.id}"] .alleged`).count(), 0)
    // the timeline's dots and the most reported events say it too
    await go('', 'home'); await page.waitForSelector('.dot')
    const labels = await page.locator('.dot').evaluateAll((ds) => ds.map((d) => d.getAttribute('aria-label') ?? ''))
    assert.ok(labels.every((l) => /\(coded by (?:a rule|the trigger model)/.test(l)), 'every dot says what coded it')
    const ov = await api<{ key_events: { reported_by: string | null; produced_by: unknown }[] }>('overview')
    assert.ok(ov.key_events.some((k) => k.reported_by), 'a most reported event is only alleged')
    assert.equal(await page.locator('.key-events li .alleged').count(), ov.key_events.filter((k) => k.reported_by).length)
    assert.equal(await page.locator('.key-events li .provenance').count(), ov.key_events.filter((k) => k.produced_by).length)
  })

  it('shows what produced every quote and claim of a page (the syntax model or a rule), next to each as events show theirs', async () => {
    type Made = { method: string; detail: string; score: number | null } | null
    type D = { id: string; quotes: { id: string; speaker: { actor: string } | null; produced_by: Made }[]; claims: { id: string; produced_by: Made }[] }
    const ids = (await api<{ items: { id: string }[] }>('documents?limit=500')).items.map((d) => d.id)
    const docs = await Promise.all(ids.map((id) => api<D>(`documents/${encodeURIComponent(id)}`)))
    const d = docs.filter((x) => x.quotes.length && x.claims.length).sort((a, b) => b.quotes.length - a.quotes.length)[0]
    assert.ok(d, 'an example page has both quotes and claims')
    assert.ok([...d.quotes, ...d.claims].every((x) => x.produced_by), 'the real pipeline says what produced each')
    await go(`#/doc/${encodeURIComponent(d.id)}`, 'doc')
    for (const q of d.quotes) {
      const chip = page.locator(`.doc-quotes li[data-id="${q.id}"] .provenance`)
      assert.equal(await chip.textContent(), q.produced_by!.method, q.id)
      assert.ok((await chip.getAttribute('title'))!.endsWith(q.produced_by!.detail))
    }
    for (const c of d.claims) assert.equal(await page.locator(`.doc-claims li[data-id="${c.id}"] .provenance`).textContent(), 'rule', c.id)
    // the quote's highlight in the text says it too, and so does the speaker's page
    const q = d.quotes.find((x) => x.speaker)!
    assert.ok((await page.locator('mark.hl-quote').first().getAttribute('title'))!.includes('named by'))
    await go(`#/actor/${encodeURIComponent(q.speaker!.actor)}`, 'actor')
    assert.ok(await page.locator('figure.quote .provenance[data-kind="quote"]').count() >= 1)
  })

  it('shows every view on the example corpus: network, actor roles, map, contradictions and claims, outlets, search, documents', async () => {
    await go('#/network', 'network'); await page.waitForSelector('.network canvas'); await page.waitForTimeout(300); await shot('network')
    const actors = await api<{ items: { id: string; roles: unknown[]; events: number }[] }>('actors?limit=500')
    const actor = [...actors.items].sort((a, b) => (b.roles.length > 1 ? b.events : -1) - (a.roles.length > 1 ? a.events : -1))[0]
    await go(`#/actor/${encodeURIComponent(actor.id)}`, 'actor'); await page.waitForSelector('.actor h1')
    assert.ok(await page.locator('.roles-chart .role-bar').count() >= 2, 'roles over time'); await shot('actor')
    // the actor page's lists are paged alike (100 at a time): a later page says which items it shows and links back
    const first = await api<{ events: unknown[]; totals: { events: number } }>(`actors/${encodeURIComponent(actor.id)}?limit=100`)
    assert.ok(first.totals.events >= 2 && first.totals.events <= 100 && first.events.length === first.totals.events)
    await go(`#/actor/${encodeURIComponent(actor.id)}?offset=1`, 'actor'); await page.waitForSelector('.actor h1')
    assert.match((await page.locator('.actor h2', { hasText: 'Events' }).textContent())!, new RegExp(`2–${first.totals.events} of ${first.totals.events} shown`))
    assert.equal(await page.locator('.actor .pager a', { hasText: 'Previous' }).count(), 1)
    assert.equal(await page.locator('.actor .pager a', { hasText: 'Next' }).count(), 0)
    await go('#/map', 'map'); await page.waitForSelector('circle.place'); assert.ok(await page.locator('path.country').count() > 100)
    const places = await api<{ total: number; events: number }>('map?limit=1')
    assert.equal(await page.locator('circle.place').count(), places.total, 'every place (fewer than a page of 500) drawn')
    assert.match((await page.locator('.map-layout').locator('xpath=preceding-sibling::p[1]').textContent())!, new RegExp(`^${places.events} event mentions at ${places.total} places`))
    await page.locator('circle.place').first().focus(); await page.keyboard.press('Enter'); await page.waitForSelector('.place-detail li'); await shot('map')
    const contradictions = (await api<{ items: { members: { value: unknown; qualifier?: string | null }[] }[] }>('contradictions?limit=500')).items
    await go('#/contradictions', 'contradictions')
    assert.equal(await page.locator('.contradiction').count(), contradictions.length)
    // each member's figure keeps its qualifier ("at least 37")
    assert.deepEqual(await page.locator('.contradiction .member .value').allTextContents(),
      contradictions.flatMap((c) => c.members.map((m) => `${m.qualifier ? m.qualifier + ' ' : ''}${typeof m.value === 'string' ? m.value : JSON.stringify(m.value)}`)))
    if (!contradictions.length) assert.ok(await page.locator('.claims-table tbody tr').count() >= 2, 'no contradiction found: the claims are listed to compare')
    await shot('contradictions')
    await go('#/outlets', 'outlets'); assert.ok(await page.locator('.outlets tbody tr').count() >= 2); await shot('outlets')
    // no tone score: loaded terms per 1,000 words, highest first, each with the terms themselves
    assert.equal(await page.locator('.outlets .tone, .outlets .tone-bar').count(), 0)
    type Profile = { name: string; words: number; terms: { count: number }[] }
    const profiles = (await api<{ items: Profile[] }>('outlets?limit=500')).items
    const rateOf = (o: Profile) => (o.terms.reduce((n, t) => n + t.count, 0) / o.words) * 1000
    const rates = (await page.locator('.outlets tbody td.rate').allTextContents()).map((t) => Number(t.replace(/^\D+/, '')))
    assert.deepEqual(rates, [...rates].sort((a, b) => b - a), 'highest rate first')
    const leader = [...profiles].sort((a, b) => rateOf(b) - rateOf(a))[0]
    assert.equal(await page.locator('.outlets tbody tr').first().locator('th').textContent(), leader.name)
    assert.equal(await page.locator('.outlets tbody tr').first().locator('.terms li').count(), leader.terms.length, 'the terms themselves')
    const q = top.source_actor?.name.split(' ').pop() ?? 'the'
    await go(`#/search?q=${encodeURIComponent(q)}`, 'search'); assert.ok(await page.locator('.hits .hit').count() > 0); await shot('search')
    await go('#/documents', 'documents'); assert.ok(await page.locator('table.docs tbody tr').count() >= 8)
  })

  it('walks the links of every view: each one opens, none shows an internal id or a server path', async () => {
    // document, story event, story and contradiction ids, actor ids (`x:western-officials`, `P:…`), folders
    const INTERNAL = /\b(?:se|d|st|ct)_[0-9a-f]{6,}|\b(?:x|X|P|ORG|GPE|LOC|GROUP):[A-Za-z]|\/(?:work|tmp|home|srv|usr|var)\//
    const queue = ['#/', '#/network', '#/map', '#/contradictions', '#/outlets', `#/search?q=${encodeURIComponent(top.source_actor!.name.split(' ').pop()!)}`, '#/documents']
    const seen = new Set(queue), perRoute = new Map<string, number>(), problems: string[] = []
    let visited = 0
    while (queue.length) {
      const hash = queue.shift()!, name = hash.replace(/^#\/?/, '').split(/[/?]/)[0]
      await go(hash, name || 'home'); visited++
      if (hash === '#/') await page.waitForSelector('#card .event-card')
      const r = await page.evaluate((src) => {
        const re = new RegExp(src), main = document.querySelector('main')!, bad: string[] = []
        const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT)
        for (let t = walker.nextNode(); t; t = walker.nextNode()) if (re.test(t.textContent ?? '')) bad.push(`text “${t.textContent!.slice(0, 100)}”`)
        for (const el of Array.from(main.querySelectorAll('[title], [aria-label]'))) for (const at of ['title', 'aria-label']) {
          const v = el.getAttribute(at)
          if (v && re.test(v)) bad.push(`${at} “${v.slice(0, 100)}”`)
        }
        return { bad, errors: Array.from(main.querySelectorAll('.error')).map((e) => e.textContent ?? ''), links: Array.from(main.querySelectorAll('a[href]')).map((a) => a.getAttribute('href')!) }
      }, INTERNAL.source)
      for (const b of r.bad) problems.push(`${hash}: ${b}`)
      for (const e of r.errors) problems.push(`${hash}: ${e}`)
      for (const href of r.links) {
        if (!href.startsWith('#/')) {
          // the only other links are the pages' own http(s) addresses (scraped data: not fetched here)
          if (!/^https?:\/\//.test(href)) problems.push(`${hash}: a link that is neither a route nor a web address: ${href}`)
          continue
        }
        const route = href.replace(/^#\/?/, '').split(/[/?]/)[0]
        if (seen.has(href) || (perRoute.get(route) ?? 0) >= 15) continue
        seen.add(href); perRoute.set(route, (perRoute.get(route) ?? 0) + 1); queue.push(href)
      }
    }
    assert.deepEqual(problems, [])
    assert.ok(visited >= 40 && ['event', 'doc', 'actor'].every((r) => (perRoute.get(r) ?? 0) >= 5), `walked ${visited} pages: ${JSON.stringify([...perRoute])}`)
    // an actor the pages only describe ("western officials") has a page of its own, named as the pages write it
    const rows = (await api<{ items: { source_actor: string | null; source_name: string | null }[] }>('events?limit=500')).items
    const described = rows.find((r) => r.source_actor?.startsWith('x:'))
    assert.ok(described, 'the example corpus has an actor only described ("western officials")')
    assert.doesNotMatch(described.source_name!, INTERNAL)
    await go(`#/actor/${encodeURIComponent(described.source_actor!)}`, 'actor')
    assert.equal(await page.locator('.actor h1').textContent(), described.source_name)
    assert.ok(await page.locator('.actor ol.events li').count() >= 1)
    // the API gives every contradiction a description in words (no story event id)
    const { items } = await api<{ items: { description: string }[] }>('contradictions?limit=500')
    for (const c of items) assert.doesNotMatch(c.description, INTERNAL)
  })

  it('search: "Baqeri", "Bagheri" and "Baker" find the same actor\'s pages; the year facet drops no page, undated ones included', async () => {
    type Result = { total: number; items: { doc_id: string; published: string | null }[]; facets: { year: { value: string; count: number }[] }; actors: { id: string; how: string }[] }
    const pagesOf = async (q: string, year?: string) => {
      const r = await api<Result>(`search?q=${encodeURIComponent(q)}&limit=500${year ? `&year=${year}` : ''}`)
      return { r, docs: [...new Set(r.items.map((x) => x.doc_id))].sort() }
    }
    const [baqeri, bagheri, baker] = await Promise.all(['Baqeri', 'Bagheri', 'Baker'].map((q) => pagesOf(q)))
    assert.ok(bagheri.docs.length >= 6, 'the examples name the chief of staff on most pages')
    assert.deepEqual(baqeri.docs, bagheri.docs, 'two spellings of one actor find the same pages')
    assert.deepEqual(baker.docs, bagheri.docs, 'a name that sounds alike finds them too')
    assert.deepEqual(bagheri.r.actors.map((a) => a.how), ['spelling'])
    assert.deepEqual(baker.r.actors.map((a) => a.how), ['sound'])
    assert.equal(baker.r.actors[0].id, bagheri.r.actors[0].id)
    // every hit is under one year (published, else inferred, else "undated"), and each year keeps its hits
    const r = bagheri.r
    assert.equal(r.facets.year.reduce((n, f) => n + f.count, 0), r.total)
    let kept = 0
    for (const f of r.facets.year) kept += (await pagesOf('Bagheri', f.value)).r.total
    assert.equal(kept, r.total, 'no year drops a hit')
    assert.ok(r.items.some((x) => !x.published), 'an undated page is among the hits')
    await go('#/search?q=Baker', 'search')
    assert.equal(await page.locator('.hits > li.hit').count(), bagheri.docs.length)
    assert.ok((await page.locator('.search-actors').textContent())!.includes('sounds alike'))
    assert.ok((await page.locator('.hits .small').allTextContents()).some((t) => /undated \(about \d{4}/.test(t)), 'an undated page says the date inferred for it')
  })

  it('reads on a phone width and in the dark theme', async () => {
    await go('', 'home')
    await page.locator('.theme-toggle').click()
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark')
    await page.waitForSelector('.dot'); await page.waitForSelector('#card .event-card'); await shot('timeline-dark')
    await page.setViewportSize({ width: 390, height: 844 })
    await go('', 'home'); await page.waitForSelector('.dot')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    assert.ok(overflow <= 1, `no horizontal scroll on a phone, got ${overflow}px`)
    await shot('phone')
    // every view with a table: no table runs past the screen, nothing scrolls the page sideways, the header takes at most a fifth
    for (const [hash, ready] of [['#/network', 'network'], ['#/contradictions', 'contradictions'], ['#/outlets', 'outlets'], ['#/documents', 'documents'], ['#/corrections', 'corrections'], ['#/watchlists', 'watchlists']] as const) {
      await go(hash, ready)
      const m = await page.evaluate(() => ({ page: document.documentElement.scrollWidth - document.documentElement.clientWidth, header: document.querySelector('header')!.getBoundingClientRect().height,
        tables: Array.from(document.querySelectorAll('main table'), (t) => t.getBoundingClientRect().right - window.innerWidth) }))
      assert.ok(m.page <= 1, `${hash}: no horizontal scroll on a phone, got ${m.page}px`)
      assert.ok(m.tables.every((x) => x <= 1), `${hash}: every table fits the screen, got ${m.tables}`)
      assert.ok(m.header <= 844 / 5, `${hash}: the header takes at most a fifth of the screen, got ${m.header}px`)
    }
    await page.setViewportSize({ width: 1280, height: 860 })
    await page.locator('.theme-toggle').click()
  })

  it('renders hostile pages as text: nothing runs, no dialog, no CSP violation', async () => {
    const { ingest } = await import('../ingest/ingest.js')
    await ingest(store, HOSTILE.filter(existsSync))
    invalidateIndex(store)
    const hits = await api<{ items: { doc_id: string }[] }>('search?q=pwned&limit=100')
    const docs = [...new Set(hits.items.map((x) => x.doc_id))]
    assert.ok(docs.length >= 1, 'a hostile page is stored')
    for (const d of docs) {
      await go(`#/doc/${encodeURIComponent(d)}`, 'doc')
      assert.equal(await page.locator('.doc-text img, .doc-text script, .doc-text svg, .doc-text iframe, main a[href^="javascript"], main a[href^="data:"]').count(), 0)
      // the page shows the stored text exactly: every hostile string appears literally, nothing was parsed as markup
      const stored = await api<{ text: string }>(`documents/${encodeURIComponent(d)}`)
      assert.equal(await page.locator('.doc-text').textContent(), stored.text)
    }
    await shot('hostile-document')
    const events = await api<{ items: { id: string; text: string }[] }>('events?limit=500')
    for (const e of events.items.filter((x) => x.text.includes('pwned'))) { await go(`#/event/${encodeURIComponent(e.id)}`, 'event'); await page.waitForSelector('.event-card') }
    await go('#/documents', 'documents'); await go('#/outlets', 'outlets'); await go('#/contradictions', 'contradictions'); await go('#/search?q=onerror', 'search')
    assert.equal(await page.evaluate(() => (window as any).__pwned), undefined)
    assert.equal(await page.title(), 'Dossier')
    assert.deepEqual(dialogs, [])
    assert.deepEqual(pageErrors, [])
    assert.deepEqual(cspErrors, [])
  })

  it('shows each document\'s language and lays a Persian page out right to left, as text', async () => {
    const { ingest } = await import('../ingest/ingest.js')
    const { LANG_PAGES } = await import('../lang/pages.fixture.js')
    const dir = mkdtempSync(join(tmpdir(), 'dossier-ui-lang-'))
    writeFileSync(join(dir, 'pages.jsonl'), LANG_PAGES.map((p) => JSON.stringify({ url: p.url, html: p.html })).join('\n') + '\n')
    await ingest(store, [dir])
    invalidateIndex(store)
    const docs = await api<{ items: { id: string; url: string | null; language: string | null }[] }>('documents?limit=500')
    const fa = docs.items.find((d) => d.url === LANG_PAGES.find((p) => p.name === 'fa')!.url)!
    assert.equal(fa.language, 'fa')
    await go(`#/doc/${encodeURIComponent(fa.id)}`, 'doc')
    const body = page.locator('.doc-text')
    assert.equal(await body.getAttribute('dir'), 'rtl')
    assert.equal(await body.getAttribute('lang'), 'fa')
    assert.equal(await body.evaluate((el) => getComputedStyle(el).direction), 'rtl')
    const stored = await api<{ text: string }>(`documents/${encodeURIComponent(fa.id)}`)
    assert.equal(await body.textContent(), stored.text)
    assert.equal(await page.locator('.document .badge.lang').textContent(), 'fa')
    assert.equal(await page.locator('.document h1').getAttribute('dir'), 'rtl')
    await shot('document-rtl')
    const ru = docs.items.find((d) => d.url === LANG_PAGES.find((p) => p.name === 'ru')!.url)!
    await go(`#/doc/${encodeURIComponent(ru.id)}`, 'doc')
    assert.equal(await page.locator('.doc-text').getAttribute('dir'), 'auto')
    assert.equal(await page.locator('.doc-text').getAttribute('lang'), 'ru')
    await go('#/documents', 'documents')
    assert.ok((await page.locator('table.docs td.lang').allTextContents()).includes('fa'))
    assert.deepEqual(pageErrors, [])
    assert.deepEqual(cspErrors, [])
  })

  it('off loopback, asks for the access token, refuses a wrong one and reads with the right one (kept for the tab)', async () => {
    // bound to every interface with a token: reads need it, so the UI must send it
    const guarded = await startServer(store, { port: 0, host: '0.0.0.0', token: 'ui-s3cret' })
    try {
      const url = guarded.url.replace('0.0.0.0', '127.0.0.1')
      assert.equal((await fetch(`${url}/api/overview`)).status, 401, 'the API refuses a read without the token')
      await page.goto(`${url}/#/`)
      await page.waitForSelector('body[data-ready="token"]', { timeout: 15000 })
      await page.fill('#token', 'wrong')
      await page.click('form.token-form button[type="submit"]')
      await page.waitForSelector('form.token-form [role="alert"]', { timeout: 15000 })
      await page.fill('#token', 'ui-s3cret')
      await page.click('form.token-form button[type="submit"]')
      await page.waitForSelector('body[data-ready="home"]', { timeout: 15000 })
      // another view of the same tab reads with the kept token
      await page.goto(`${url}/#/outlets`)
      await page.waitForSelector('body[data-ready="outlets"]', { timeout: 15000 })
      assert.deepEqual(pageErrors, [])
    } finally { await guarded.close() }
  })
})
