import { allPages, api, ApiError, saveToken, savedToken, type Page } from '../api.js'
import { fmtDate, h, link, mount } from '../dom.js'

/** A watchlist as GET /api/watchlists gives it. */
interface Watchlist {
  id: string; name: string; description: string; created_at: string; seen_at: string; hits: number; new_hits: number; feed: string
  query: { actors: string[]; pair: [string, string] | null; types: string[]; outlets: string[]; words: string[]; contradictions: boolean }
  webhook: { url: string; allow_loopback: boolean } | null; deliveries: { pending: number; delivered: number; failed: number }
}
interface Hit { key: string; kind: 'event' | 'contradiction'; found_at: string; baseline: boolean; title: string; sentence?: string; description?: string; outlet?: string | null; page_title?: string | null; published?: string | null; links: { view: string } }
/** The most hits and webhook deliveries one watchlist's view lists (the latest; it says how many there are in all). */
const HITS_SHOWN = 200, DELIVERIES_SHOWN = 50
interface Delivery { created_at: string; status: string; attempts: number; next_at: string; last_error: string | null; hits: number; attempts_log: { at: string; status: number | null; error: string | null }[] }

/** Sends a write to /api with the tab's access token (writes always need it); an error answer is thrown as ApiError. */
async function write<T>(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const token = savedToken()
  const res = await fetch(`/api/${path}`, { method, headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined })
  const out = await res.json().catch(() => null)
  if (!res.ok) throw new ApiError(res.status, out?.error?.code ?? 'E_HTTP', out?.error?.message ?? res.statusText)
  return out as T
}

const list = (v: string | null) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean)
const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`

/**
 * The form that saves a query as a watchlist, filled from the route (`#/watchlists?words=…&pair=a,b&actors=…&types=…
 * &outlets=…&contradictions=1&name=…`: what "Watch this search" and "Watch this pair" link to).
 */
function createForm(p: URLSearchParams, done: (id: string) => void): HTMLElement {
  const field = (name: string, label: string, value: string, hint: string, type = 'text') => h('p', { class: 'field' },
    h('label', { for: `wl-${name}` }, label), ' ', h('input', { id: `wl-${name}`, name, type, value, autocomplete: 'off' }), ' ', h('span', { class: 'muted small' }, hint))
  const status = h('p', { role: 'status', 'aria-live': 'polite' })
  const needsToken = savedToken() === null
  const form = h('form', { class: 'watchlist-form', onsubmit: async (e: Event) => {
    e.preventDefault()
    const f = new FormData(form), s = (k: string) => String(f.get(k) ?? '').trim()
    if (needsToken && s('token')) saveToken(s('token'))
    const pair = list(s('pair'))
    const body = {
      name: s('name') || 'Watchlist',
      query: { actors: list(s('actors')), pair: pair.length === 2 ? pair : null, types: list(s('types')), outlets: list(s('outlets')), words: list(s('words')), contradictions: f.get('contradictions') === 'on' },
      webhook: s('webhook') ? { url: s('webhook'), allow_loopback: f.get('allow_loopback') === 'on' } : null,
    }
    mount(status, 'Saving…')
    try { const w = await write<Watchlist>('POST', 'watchlists', body); done(w.id) }
    catch (err) { mount(status, h('span', { class: 'error' }, err instanceof ApiError && (err.status === 401 || err.status === 403) ? `Not saved: ${err.message}` : `Not saved: ${(err as Error).message}`)) }
  } },
    h('h2', {}, 'Save as a watchlist'),
    h('p', { class: 'muted small' }, 'Every criterion given must match; a list (comma-separated) matches any of its entries. What the pages already hold becomes the baseline; later ingests add new hits.'),
    field('name', 'Name', p.get('name') ?? '', ''),
    field('words', 'Words', p.get('words') ?? '', 'phrases the sentence holds'),
    field('actors', 'Actors', p.get('actors') ?? '', 'names, any spelling'),
    field('pair', 'Pair', p.get('pair') ?? '', 'two actors: a, b'),
    field('types', 'Event types', p.get('types') ?? '', 'CONSULT, ASSAULT …'),
    field('outlets', 'Outlets', p.get('outlets') ?? '', ''),
    h('p', { class: 'field' }, h('input', { id: 'wl-contradictions', name: 'contradictions', type: 'checkbox', checked: p.get('contradictions') === '1' }), ' ', h('label', { for: 'wl-contradictions' }, 'Contradictions instead of events')),
    field('webhook', 'Webhook URL', '', 'new hits are POSTed there as JSON', 'url'),
    h('p', { class: 'field' }, h('input', { id: 'wl-allow_loopback', name: 'allow_loopback', type: 'checkbox' }), ' ', h('label', { for: 'wl-allow_loopback' }, 'The webhook receiver runs on this machine (loopback)')),
    needsToken ? field('token', 'Access token', '', 'writes need the server’s token', 'password') : null,
    h('button', { type: 'submit' }, 'Save watchlist'), status)
  return form
}

/** One watchlist: its new and earlier hits (each linking to the fact's view), its feed and its webhook deliveries. */
async function oneView(id: string): Promise<HTMLElement> {
  const [{ watchlist: w, hits, hit_total }, deliveries] = await Promise.all([api<{ watchlist: Watchlist; hits: Hit[]; hit_total: number }>(`watchlists/${encodeURIComponent(id)}`, { limit: HITS_SHOWN }),
    api<Page<Delivery> & { total: number }>(`watchlists/${encodeURIComponent(id)}/deliveries`, { limit: DELIVERIES_SHOWN })])
  const status = h('p', { role: 'status', 'aria-live': 'polite' })
  const act = async (method: 'POST' | 'DELETE', path: string, after: string) => {
    // the same route again fires no hashchange: render it anew by hand
    try { await write(method, path); if (location.hash === after) dispatchEvent(new HashChangeEvent('hashchange')); else location.hash = after }
    catch (e) { mount(status, h('span', { class: 'error' }, (e as Error).message)) }
  }
  const isNew = (x: Hit) => !x.baseline && x.found_at > w.seen_at
  const hitItem = (x: Hit) => h('li', { class: `hit${isNew(x) ? ' new' : ''}` },
    isNew(x) ? h('span', { class: 'badge' }, 'new') : null, ' ', link(x.links.view, x.title), ' ',
    h('span', { class: 'muted small' }, `found ${fmtDate(x.found_at)}${x.baseline ? ' (already there when saved)' : ''}`),
    h('blockquote', {}, x.sentence ?? x.description ?? ''),
    x.kind === 'event' ? h('p', { class: 'muted small' }, `${x.outlet ?? 'unknown outlet'}${x.page_title ? ` · ${x.page_title}` : ''} · ${x.published ? fmtDate(x.published) : 'undated'}`) : null)
  return h('section', { class: 'watchlist' },
    h('p', {}, link('#/watchlists', '← All watchlists')),
    h('h1', {}, w.name), h('p', { class: 'muted' }, w.description),
    h('p', {}, `${plural(w.new_hits, 'new hit')} since last seen, ${plural(w.hits, 'hit')} in all · `, h('a', { href: new URL(w.feed, location.origin).href, class: 'feed-link' }, 'Atom feed'),
      ' · ', h('button', { type: 'button', class: 'linklike', onclick: () => void act('POST', `watchlists/${encodeURIComponent(w.id)}/seen`, `#/watchlists/${encodeURIComponent(w.id)}`) }, 'Mark all seen'),
      ' · ', h('button', { type: 'button', class: 'linklike', onclick: () => { if (confirm(`Delete the watchlist “${w.name}” and its hits?`)) void act('DELETE', `watchlists/${encodeURIComponent(w.id)}`, '#/watchlists') } }, 'Delete')),
    status,
    hits.length ? h('ol', { class: 'hits' }, hits.map(hitItem)) : h('p', { class: 'empty' }, 'No hits yet: they appear after an ingest stores a matching page.'),
    hit_total > hits.length ? h('p', { class: 'muted small' }, `The latest ${hits.length} of ${plural(hit_total, 'hit')} are shown.`) : null,
    w.webhook ? h('section', { class: 'deliveries' }, h('h2', {}, 'Webhook deliveries'),
      h('p', { class: 'muted small' }, `To ${w.webhook.url}: ${w.deliveries.delivered} delivered, ${w.deliveries.pending} pending, ${w.deliveries.failed} given up.`),
      deliveries.items.length ? h('ol', {}, deliveries.items.map((d) => h('li', {}, `${fmtDate(d.created_at)}: ${plural(d.hits, 'hit')}, ${d.status} after ${plural(d.attempts, 'attempt')}`,
        h('ul', { class: 'small' }, d.attempts_log.map((a) => h('li', {}, `${fmtDate(a.at)} → ${a.status ?? 'no answer'}${a.error ? `: ${a.error}` : ''}`)))))) : h('p', { class: 'empty' }, 'Nothing sent yet.'),
      deliveries.total > deliveries.items.length ? h('p', { class: 'muted small' }, `The latest ${deliveries.items.length} of ${deliveries.total} deliveries are shown.`) : null) : null)
}

/** `#/watchlists`: every watchlist with its new hits, and the form that saves one; `#/watchlists/ID`: one watchlist. */
export async function watchlistsView(id: string, params: URLSearchParams): Promise<HTMLElement> {
  if (id) return oneView(id)
  const { items } = await allPages<Page<Watchlist>, Watchlist>('watchlists', {}, (p) => p.items)
  const open = (wid: string) => { location.hash = `#/watchlists/${encodeURIComponent(wid)}` }
  return h('section', { class: 'watchlists' }, h('h1', {}, 'Watchlists'),
    h('p', { class: 'muted' }, 'Alerts: saved queries matched after every ingest, each with an Atom feed and, when given one, a webhook.'),
    items.length ? h('ul', { class: 'watchlist-list' }, items.map((w) => h('li', {},
      link(`#/watchlists/${encodeURIComponent(w.id)}`, w.name), ' ', w.new_hits ? h('span', { class: 'badge' }, `${w.new_hits} new`) : null,
      h('span', { class: 'muted small' }, ` ${plural(w.hits, 'hit')} · ${w.description}${w.webhook ? ' · webhook' : ''}`)))) : h('p', { class: 'empty' }, 'No watchlists yet.'),
    createForm(params, open))
}
