/**
 * The Dossier web UI: a hash-routed single page that reads /api/*. Every scraped string reaches the DOM
 * through dom.ts as text, never as markup; the server's CSP allows scripts from this origin only.
 */
import { ApiError, saveToken, savedToken } from './api.js'
import { h, mount } from './dom.js'
import { actorView } from './views/actor.js'
import { contradictionsView } from './views/contradictions.js'
import { correctionsView } from './views/corrections.js'
import { documentView } from './views/document.js'
import { documentsView } from './views/documents.js'
import { eventView } from './views/event.js'
import { homeView } from './views/home.js'
import { mapView } from './views/map.js'
import { networkView } from './views/network.js'
import { outletsView } from './views/outlets.js'
import { searchView } from './views/search.js'
import { watchlistsView } from './views/watchlists.js'

type View = (arg: string, params: URLSearchParams) => Promise<HTMLElement>
const ROUTES: Record<string, View> = {
  '': (_a, p) => homeView(p), event: (id) => eventView(id), doc: (id, p) => documentView(id, p), actor: (id, p) => actorView(id, p),
  network: () => networkView(), map: (_a, p) => mapView(p), contradictions: (_a, p) => contradictionsView(p), outlets: () => outletsView(),
  search: (_a, p) => searchView(p), documents: (_a, p) => documentsView(p),
  watchlists: (id, p) => watchlistsView(id, p), corrections: () => correctionsView(),
}
const NAV: [string, string][] = [['#/', 'Timeline'], ['#/network', 'Network'], ['#/map', 'Map'], ['#/contradictions', 'Contradictions'], ['#/outlets', 'Outlets'], ['#/search', 'Search'], ['#/documents', 'Documents'], ['#/watchlists', 'Alerts'], ['#/corrections', 'Corrections']]

/** Parses `#/name/arg?query`. */
function parse(hash: string): { name: string; arg: string; params: URLSearchParams } {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?')
  const [name = '', ...rest] = path.split('/')
  return { name, arg: decodeURIComponent(rest.join('/')), params: new URLSearchParams(query) }
}

async function render(): Promise<void> {
  const main = document.getElementById('main')!
  const { name, arg, params } = parse(location.hash)
  document.querySelectorAll('nav a').forEach((a) => a.toggleAttribute('aria-current', a.getAttribute('href') === `#/${name}`))
  const view = ROUTES[name]
  main.setAttribute('aria-busy', 'true')
  try {
    const node = view ? await view(arg, params) : h('p', { class: 'error' }, `No page called “${name}”.`)
    mount(main, node)
    // a new view starts at its top (the document view scrolls to its highlight itself)
    if (!params.has('start')) scrollTo(0, 0)
  }
  catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      // a server off loopback reads its records only with its access token: ask for it, keep it for this tab, read again
      mount(main, tokenForm(savedToken() !== null))
      main.removeAttribute('aria-busy')
      document.body.dataset.ready = 'token'
      return
    }
    mount(main, h('p', { class: 'error', role: 'alert' }, `Could not load this page: ${(e as Error).message}`))
  }
  main.removeAttribute('aria-busy')
  document.body.dataset.ready = name || 'home'
  if (name !== 'doc' && name !== '') main.focus({ preventScroll: true })
}

/** The form that asks for the server's access token (`refused`: the token given before was wrong). */
function tokenForm(refused: boolean): HTMLElement {
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'current-password' })
  return h('form', { class: 'token-form', onsubmit: (e: Event) => { e.preventDefault(); saveToken(input.value.trim()); void render() } },
    h('h2', {}, 'This server needs its access token'),
    h('p', {}, 'Its records are read with the token it was started with (--token-file or DOSSIER_TOKEN). It is kept for this tab only.'),
    refused ? h('p', { class: 'error', role: 'alert' }, 'The token given was refused.') : null,
    h('label', { for: 'token' }, 'Access token'), input, h('button', { type: 'submit' }, 'Open'))
}

function setTheme(theme: string): void {
  document.documentElement.dataset.theme = theme
  try { localStorage.setItem('dossier-theme', theme) } catch { /* storage may be off */ }
}

function init(): void {
  const saved = (() => { try { return localStorage.getItem('dossier-theme') } catch { return null } })()
  setTheme(saved ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'))
  mount(document.getElementById('nav')!, h('ul', {}, NAV.map(([href, label]) => h('li', {}, h('a', { href }, label)))),
    h('button', { type: 'button', class: 'theme-toggle', 'aria-label': 'Switch light or dark theme', onclick: () => setTheme(document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark') }, '◐'))
  // only `#/…` hashes are routes; the skip link focuses the content without changing the route
  addEventListener('hashchange', () => { if (location.hash === '' || location.hash.startsWith('#/')) void render() })
  document.querySelector('a.skip')?.addEventListener('click', (e) => { e.preventDefault(); document.getElementById('main')!.focus() })
  void render()
}
init()
