import { actorRoute, api, docRoute, type EventCard } from '../api.js'
import { fmtDate, h, highlight, link, type Mark } from '../dom.js'
import { quadLabel, typeBadge } from '../quad.js'
import { contradictionBlock } from './contradictions.js'

/** Fetches and renders an event card: the event, then every source's sentence side by side with its span highlighted. */
export async function eventCard(id: string): Promise<HTMLElement> {
  const card = await api<EventCard>(`events/${encodeURIComponent(id)}`)
  const e = card.event
  const actor = (a: EventCard['event']['source_actor']) => (a ? link(actorRoute(a.actor), a.name) : h('span', { class: 'muted' }, 'unnamed'))
  const independent = card.story_event?.independent_sources.length ?? card.sources.filter((s) => !s.is_copy).length
  return h('article', { class: 'event-card', 'aria-label': `Event ${e.type}` },
    h('header', {},
      h('h2', {}, typeBadge(e.type, e.quad), ' ', actor(e.source_actor), ' → ', actor(e.target_actor)),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Class'), h('dd', {}, quadLabel(e.quad), e.mode ? ` · ${e.mode}` : ''),
        h('dt', {}, 'Date'), h('dd', {}, fmtDate(e.date), e.date_precision && e.date_precision !== 'day' ? ` (${e.date_precision})` : ''),
        h('dt', {}, 'Place'), h('dd', {}, e.location ?? '—'),
        h('dt', {}, 'Sources'), h('dd', { class: 'source-count' }, `${card.sources.length} report(s), ${independent} independent`,
          card.story_event?.first_reported_by ? ` · first: ${card.story_event.first_reported_by}` : ''))),
    h('div', { class: 'sources' }, card.sources.map((s) => {
      const marks: Mark[] = [{ ...s.evidence, cls: 'hl-evidence', title: 'evidence' }]
      if (s.trigger) marks.push({ ...s.trigger, cls: 'hl-trigger', title: 'trigger' })
      return h('section', { class: 'source' + (s.is_copy ? ' is-copy' : ''), 'data-id': s.event },
        h('h3', {}, s.outlet ?? 'unknown outlet', s.is_copy ? h('span', { class: 'badge copy' }, s.copy_of ? `copy of ${s.copy_of}` : 'copy') : null),
        h('p', { class: 'muted' }, s.title ?? '(untitled)', ' · ', fmtDate(s.published)),
        h('blockquote', { class: 'sentence' }, highlight(s.sentence.text, marks, s.sentence.start)),
        h('p', {}, link(docRoute(s.doc, s.evidence), 'Open the page at this sentence →')))
    })),
    card.contradictions.length ? h('section', { class: 'card-contradictions' }, h('h3', {}, 'Contradictions on this event'), card.contradictions.map(contradictionBlock)) : null,
    h('p', { class: 'muted' }, link(`#/event/${encodeURIComponent(e.id)}`, 'Permalink')))
}
