import { api, docRoute, type Page } from '../api.js'
import { h, link } from '../dom.js'

interface Outlet { id: string; name: string; documents: number; words: number
  terms: { term: string; neutral: string; count: number; per_1000_words: number; evidence: { doc: string; start: number; end: number; text: string }[] }[] }

/** Loaded terms an outlet used in its own voice, all of them. */
const loaded = (o: Outlet) => o.terms.reduce((n, t) => n + t.count, 0)
/** Its loaded terms per 1,000 of its words, computed from the counts (not a sum of rounded rates). */
const rate = (o: Outlet) => (o.words ? (loaded(o) / o.words) * 1000 : 0)

/** A number cell; its label shows only on a phone, where the table's head is hidden. */
const cell = (cls: string, label: string, value: string | number) => h('td', { class: cls }, h('span', { class: 'cell-label' }, `${label}: `), String(value))

/** The loaded terms an outlet used, each as the words on the page (linked to the first place), its count and its neutral wording. */
function terms(o: Outlet): Node {
  if (!o.terms.length) return h('span', { class: 'muted' }, `none in ${o.words} words`)
  return h('ul', { class: 'terms' }, o.terms.map((t) => {
    const said = [...new Set(t.evidence.map((e) => e.text))]
    return h('li', {}, t.evidence[0] ? link(docRoute(t.evidence[0].doc, t.evidence[0]), `“${said.join('”, “') || t.term}”`) : `“${t.term}”`,
      t.count > 1 ? ` ×${t.count}` : '', h('span', { class: 'muted' }, ` — neutral: ${t.neutral}`))
  }))
}

/**
 * Outlet framing profiles side by side, one row each: pages, words, how many loaded terms it used in its own voice
 * (and per 1,000 words), and the terms themselves. No tone score: a count of evaluative words measures what a story
 * is about (a bombing reads "negative" whoever reports it), and ranked a neutral newsletter as the most negative outlet.
 */
export async function outletsView(): Promise<HTMLElement> {
  const list = (await api<Page<Outlet>>('outlets', { limit: 500 })).items.sort((a, b) => rate(b) - rate(a) || a.name.localeCompare(b.name))
  return h('section', {}, h('h1', {}, 'Outlets'),
    h('p', { class: 'muted' }, 'Loaded terms (from the framing lexicon, each with a neutral wording) counted only in the outlet\'s own voice, not inside quotes; copies count for the outlet they copy. ',
      'The rate is per 1,000 of the outlet\'s words, so a long page and a short one compare; with a page or two per outlet it is a few words, not a profile: read the terms. ',
      'No tone score is shown: one counted from evaluative words measures the story (a bombing reads negative whoever reports it), not the outlet.'),
    list.length ? h('table', { class: 'outlets' }, h('thead', {}, h('tr', {}, h('th', {}, 'Outlet'), h('th', {}, 'Pages'), h('th', {}, 'Words'), h('th', {}, 'Loaded terms'), h('th', {}, 'Per 1,000 words'), h('th', {}, 'The terms, as written'))),
      h('tbody', {}, list.map((o) => h('tr', {},
        h('th', { scope: 'row' }, o.name), cell('num', 'Pages', o.documents), cell('num', 'Words', o.words),
        cell('num loaded', 'Loaded terms', loaded(o)), cell('num rate', 'Per 1,000 words', rate(o).toFixed(1)),
        h('td', {}, terms(o)))))) : h('p', { class: 'empty' }, 'No outlet profiles yet.'))
}
