import { api, docRoute, type Page } from '../api.js'
import { h, link } from '../dom.js'

interface Outlet { id: string; name: string; documents: number; words: number; tone?: number
  terms: { term: string; neutral: string; count: number; per_1000_words: number; evidence: { doc: string; start: number; end: number; text: string }[] }[] }

/** Tone in [-1, 1] as a bar from the middle: left (negative) or right (positive). */
function toneBar(tone: number): Element {
  const W = 120, mid = W / 2, w = Math.abs(tone) * mid
  const svg = d3.create('svg').attr('viewBox', `0 0 ${W} 14`).attr('class', 'tone-bar').attr('role', 'img').attr('aria-label', `Tone ${tone.toFixed(2)}`)
  svg.append('rect').attr('class', 'tone-track').attr('x', 0).attr('y', 5).attr('width', W).attr('height', 4).attr('rx', 2)
  svg.append('rect').attr('class', tone < 0 ? 'tone-neg' : 'tone-pos').attr('x', tone < 0 ? mid - w : mid).attr('y', 2).attr('width', Math.max(1, w)).attr('height', 10).attr('rx', 2)
  svg.append('line').attr('class', 'tone-mid').attr('x1', mid).attr('x2', mid).attr('y1', 0).attr('y2', 14)
  return svg.node()!
}

/** The loaded terms an outlet used, each as the words on the page (linked to the first place) and its neutral wording. */
function terms(o: Outlet): Node {
  if (!o.terms.length) return h('span', { class: 'muted' }, 'none found')
  return h('ul', { class: 'terms' }, o.terms.map((t) => {
    const said = [...new Set(t.evidence.map((e) => e.text))]
    return h('li', {}, t.evidence[0] ? link(docRoute(t.evidence[0].doc, t.evidence[0]), `“${said.join('”, “') || t.term}”`) : `“${t.term}”`,
      t.count > 1 ? ` ×${t.count}` : '', h('span', { class: 'muted' }, ` — neutral: ${t.neutral}`))
  }))
}

/** Outlet framing profiles side by side, one row each: pages, words, tone and the loaded terms in the outlet's own voice. */
export async function outletsView(): Promise<HTMLElement> {
  const list = (await api<Page<Outlet>>('outlets', { limit: 500 })).items.sort((a, b) => b.terms.reduce((n, t) => n + t.per_1000_words, 0) - a.terms.reduce((n, t) => n + t.per_1000_words, 0) || a.name.localeCompare(b.name))
  return h('section', {}, h('h1', {}, 'Outlets'),
    h('p', { class: 'muted' }, 'Loaded terms are counted only in the outlet\'s own voice (not inside quotes); tone runs from −1 to 1 over evaluative words and those terms. Copies count for the outlet they copy.'),
    list.length ? h('table', { class: 'outlets' }, h('thead', {}, h('tr', {}, h('th', {}, 'Outlet'), h('th', {}, 'Pages'), h('th', {}, 'Words'), h('th', {}, 'Tone'), h('th', {}, 'Loaded terms per 1000 words'), h('th', {}, 'Loaded terms'))),
      h('tbody', {}, list.map((o) => h('tr', {},
        h('th', { scope: 'row' }, o.name), h('td', {}, String(o.documents)), h('td', {}, String(o.words)),
        h('td', { class: 'tone' }, o.tone != null ? [toneBar(o.tone), ` ${o.tone.toFixed(2)}`] : h('span', { class: 'muted' }, '—')),
        h('td', {}, o.terms.reduce((n, t) => n + t.per_1000_words, 0).toFixed(1)),
        h('td', {}, terms(o)))))) : h('p', { class: 'empty' }, 'No outlet profiles yet.'))
}
