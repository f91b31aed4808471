import { api, type Actor, type EventRow, type Page } from '../api.js'
import { h, link, mount } from '../dom.js'
import { legend } from '../quad.js'
import { eventCard } from './event-card.js'
import { timeline } from './timeline.js'

interface Overview { stats: Record<string, number>; stories: { id: string; title: string; documents: string[]; story_events: string[]; outlets: string[] }[]; outlets: string[]; pair: string[] | null }

/** The landing page: the corpus at a glance, then the relationship timeline of two actors (default: the most connected). */
export async function homeView(params: URLSearchParams): Promise<HTMLElement> {
  const [ov, actors] = await Promise.all([api<Overview>('overview'), api<Page<Actor>>('actors', { limit: 500 })])
  const a = params.get('a') ?? ov.pair?.[0] ?? '', b = params.get('b') ?? ov.pair?.[1] ?? ''
  const s = ov.stats
  const card = h('div', { id: 'card', class: 'card-panel', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Select an event on the timeline to see every source side by side.'))
  const select = async (id: string) => {
    mount(card, h('p', { class: 'muted' }, 'Loading…'))
    try { mount(card, await eventCard(id)); card.querySelector('h2')?.setAttribute('tabindex', '-1'); (card.querySelector('h2') as HTMLElement | null)?.focus() } catch (e) { mount(card, h('p', { class: 'error' }, String((e as Error).message))) }
  }
  const chooser = (name: string, value: string) => h('select', { name, 'aria-label': name === 'a' ? 'First actor' : 'Second actor' },
    actors.items.filter((x) => (x.events ?? 0) > 0 || x.id === value).map((x) => h('option', { value: x.id, selected: x.id === value }, x.name)))
  const form = h('form', { class: 'pair-form', onsubmit: (e: Event) => {
    e.preventDefault()
    const f = new FormData(e.target as HTMLFormElement)
    location.hash = `#/?a=${encodeURIComponent(String(f.get('a')))}&b=${encodeURIComponent(String(f.get('b')))}`
  } }, chooser('a', a), h('span', { 'aria-hidden': 'true' }, '⇄'), chooser('b', b), h('button', { type: 'submit' }, 'Show'))
  const tl = h('div', { class: 'timeline-host' })
  if (a && b) {
    const t = await api<{ pair: { id: string; name: string }[]; events: EventRow[] }>('timeline', { a, b })
    tl.append(h('h2', {}, `${t.pair[0]?.name ?? a} ⇄ ${t.pair[1]?.name ?? b}`, h('span', { class: 'muted' }, ` · ${t.events.length} event mentions`)), legend(), timeline(t.events, select))
  } else tl.append(h('p', { class: 'empty' }, 'No event joins two actors yet. Ingest pages with `dossier ingest examples/`.'))
  return h('section', { class: 'home' },
    h('div', { class: 'glance' },
      h('h1', {}, ov.stories[0]?.title ?? 'Dossier'),
      h('p', { class: 'stats' }, `${s.documents} documents · ${ov.outlets.length} outlets · ${s.actors} actors · ${s.events} events · ${s.quotes} quotes · ${s.stories} stories · `,
        link('#/contradictions', `${s.contradictions} contradictions`), s.rejected ? ` · ${s.rejected} rejected` : ''),
      ov.stories.length ? h('ul', { class: 'stories' }, ov.stories.slice(0, 5).map((st) => h('li', {}, h('strong', {}, st.title), ` — ${st.documents.length} pages from ${st.outlets.join(', ') || 'unknown outlets'}, ${st.story_events.length} events`))) : null),
    form, h('div', { class: 'timeline-and-card' }, tl, card))
}
