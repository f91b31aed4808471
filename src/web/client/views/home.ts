import { allPages, api, type Actor, type EventRow, type KeyEvent, type Overview, type Page, type Paged } from '../api.js'
import { actorName, append, fmtDated, h, link, mount } from '../dom.js'
import { provenance } from '../provenance.js'
import { legend, typeBadge } from '../quad.js'
import { eventCard } from './event-card.js'
import { timeline, type StoryDate } from './timeline.js'

interface Timeline extends Paged { pair: { id: string; name: string; members: number }[]; events: EventRow[]; total: number; story_events: Record<string, StoryDate> }

/** The most event mentions the landing timeline draws (fetched MAX_PAGE at a time); past it, it says how many it left out. */
const TIMELINE_CAP = 5000

/** The headline numbers, each only as large as what the store holds. */
function lead(ov: Overview): HTMLElement {
  const s = ov.stats, p = ov.published
  const range = p ? (p.from === p.to ? `published ${p.from}` : `published ${p.from} – ${p.to}`) + (p.undated ? `, ${p.undated} undated` : '') : 'no publication dates'
  return h('p', { class: 'lead' }, `${s.documents} pages from ${ov.outlets.length} outlets, ${range}. `,
    `${s.actors} actors · ${s.events} event mentions · ${s.quotes} quotes · ${s.claims} numeric claims · `,
    link('#/contradictions', s.contradictions ? `${s.contradictions} contradiction${s.contradictions === 1 ? '' : 's'}` : 'no contradictions found'), s.rejected ? ` · ${s.rejected} pages rejected` : '')
}

/** The events the most outlets report: what the story is about, in one list. */
function keyEvents(list: readonly KeyEvent[], select: (id: string) => void): HTMLElement {
  return h('section', { class: 'key-events' }, h('h2', {}, 'Reported by the most outlets'),
    list.length ? h('ol', {}, list.map((e) => h('li', {},
      h('span', { class: 'when' }, fmtDated(e.date, e.date_precision)), ' ', typeBadge(e.type, e.quad), ' ',
      h('button', { type: 'button', class: 'linklike', onclick: () => select(e.event) }, `${actorName(e.source_actor?.name)} → ${actorName(e.target_actor?.name)}`),
      e.location ? h('span', { class: 'muted' }, ` in ${e.location}`) : null,
      h('span', { class: 'muted' }, ` · ${e.outlets.length} outlet${e.outlets.length === 1 ? '' : 's'}${e.copies ? `, ${e.copies} cop${e.copies === 1 ? 'y' : 'ies'}` : ''}`), provenance(e)))) : h('p', { class: 'empty' }, 'No events yet.'))
}

/** The landing page: the story at a glance, the timeline of the most connected pair, and the most reported event's card beside it. */
export async function homeView(params: URLSearchParams): Promise<HTMLElement> {
  const [ov, actors] = await Promise.all([api<Overview>('overview'), api<Page<Actor>>('actors', { limit: 500 })])
  const a = params.get('a') ?? ov.pair?.[0] ?? '', b = params.get('b') ?? ov.pair?.[1] ?? ''
  const card = h('div', { id: 'card', class: 'card-panel', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Select an event on the timeline to see every source side by side.'))
  let tlNode: HTMLElement | null = null
  const select = async (id: string, focus = true) => {
    mount(card, h('p', { class: 'muted' }, 'Loading…'))
    try {
      const node = await eventCard(id)
      mount(card, node)
      const story = node.dataset.story
      tlNode?.querySelectorAll('.dot').forEach((d) => d.classList.toggle('selected', !!story && d.getAttribute('data-story') === story || d.getAttribute('data-id') === id))
      if (focus) { card.querySelector('h2')?.setAttribute('tabindex', '-1'); (card.querySelector('h2') as HTMLElement | null)?.focus() }
    } catch (e) { mount(card, h('p', { class: 'error' }, String((e as Error).message))) }
  }
  const chooser = (name: string, value: string) => h('select', { name, 'aria-label': name === 'a' ? 'First actor' : 'Second actor' },
    actors.items.filter((x) => (x.events ?? 0) > 0 || x.id === value).map((x) => h('option', { value: x.id, selected: x.id === value }, x.name)))
  const form = h('form', { class: 'pair-form', onsubmit: (e: Event) => {
    e.preventDefault()
    const f = new FormData(e.target as HTMLFormElement)
    location.hash = `#/?a=${encodeURIComponent(String(f.get('a')))}&b=${encodeURIComponent(String(f.get('b')))}`
  } }, chooser('a', a), h('span', { 'aria-hidden': 'true' }, '⇄'), chooser('b', b), h('button', { type: 'submit' }, 'Show'))
  const tl = h('div', { class: 'timeline-host' })
  let t: Timeline | null = null
  if (a && b) {
    const all = await allPages<Timeline, EventRow>('timeline', { a, b }, (p) => p.events, TIMELINE_CAP)
    t = { ...all.pages[0]!, events: all.items, story_events: Object.assign({}, ...all.pages.map((p) => p.story_events)) }
    const [pa, pb] = t.pair
    const members = [pa, pb].filter((p) => p?.members).map((p) => `${p.name} with ${p.members} of its officials, bodies and places`)
    tlNode = timeline(t.events, (id) => void select(id), t.story_events)
    append(tl, [h('h2', {}, `${pa?.name ?? 'unknown actor'} ⇄ ${pb?.name ?? 'unknown actor'}`, h('span', { class: 'muted' }, all.more ? ` · the first ${t.events.length} of ${t.total} event mentions` : ` · ${t.events.length} event mentions`)),
      members.length ? h('p', { class: 'muted small' }, `Counting ${members.join('; ')}.`) : null, form,
      pa && pb ? h('p', { class: 'small' }, link('#/watchlists?' + new URLSearchParams({ pair: `${pa.name}, ${pb.name}`, name: `${pa.name} ⇄ ${pb.name}` }), 'Watch this pair'), h('span', { class: 'muted' }, ' (new events between them, as a feed or a webhook)')) : null,
      legend(), tlNode])
  } else tl.append(h('p', { class: 'empty' }, 'No event joins two actors yet. Ingest pages with `dossier ingest examples/`.'))
  // open the most reported event that this timeline shows, so the first screen already compares outlets
  const shown = new Set(t?.events.map((e) => e.story_event ?? e.id))
  const first = params.has('a') ? null : ov.key_events.find((e) => shown.has(e.id)) ?? ov.key_events[0]
  if (first) void select(first.event, false)
  const story = ov.stories[0]
  return h('section', { class: 'home' },
    h('div', { class: 'glance' },
      h('h1', {}, story ? story.title : 'Dossier'),
      story ? h('p', { class: 'muted story-of' }, `The largest story: ${story.documents.length} pages from ${story.outlets.join(', ') || 'unknown outlets'}.`) : null,
      lead(ov)),
    h('div', { class: 'timeline-and-card' }, h('div', {}, tl, keyEvents(ov.key_events, (id) => { void select(id); card.scrollIntoView({ block: 'nearest' }) })), card),
    h('div', { class: 'below' },
      ov.stories.length ? h('section', { class: 'stories' }, h('h2', {}, `Stories (${ov.story_total ?? ov.stories.length})`, ov.story_total > ov.stories.length ? h('span', { class: 'muted small' }, ` · the ${ov.stories.length} largest shown`) : null), h('ul', {}, ov.stories.map((st) => h('li', {},
        h('strong', {}, st.title), h('span', { class: 'muted' }, ` — ${st.documents.length} page${st.documents.length === 1 ? '' : 's'} (${st.outlets.join(', ') || 'unknown outlets'}), ${st.story_events.length} events`))))) : null))
}
