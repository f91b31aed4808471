import { actorRoute, api, docRoute, type EventCard } from '../api.js'
import { actorName, fmtDate, fmtDated, h, highlight, link, type Mark } from '../dom.js'
import { allegedBy, producedBy } from '../provenance.js'
import { quadLabel, typeBadge } from '../quad.js'
import { contradictionBlock } from './contradictions.js'
import { eventControls } from '../correct.js'

/** One report of the event: its outlet, its own date for the event, the sentence with evidence, trigger and actors marked. */
function sourceBlock(s: EventCard['sources'][number]): HTMLElement {
  const marks: Mark[] = [{ ...s.evidence, cls: 'hl-evidence', title: 'Evidence' }]
  if (s.trigger) marks.push({ ...s.trigger, cls: 'hl-trigger', title: 'Trigger' })
  for (const a of s.actors ?? []) marks.push({ start: a.start, end: a.end, cls: `hl-actor hl-${a.role}`, title: a.role === 'source' ? 'Who acts' : 'Acted on' })
  const coded = producedBy(s)
  return h('section', { class: 'source' + (s.is_copy ? ' is-copy' : '') + (s.reported_by ? ' is-alleged' : ''), 'data-id': s.event },
    h('h3', {}, h('span', { class: 'outlet-name' }, s.outlet ?? 'unknown outlet'), s.is_copy ? h('span', { class: 'badge copy', title: 'A copy of another page: not an independent source' }, s.copy_of ? `copy of ${s.copy_of}` : 'copy') : null),
    h('p', { class: 'muted small' }, s.title ?? '(untitled)', ' · published ', fmtDate(s.published)),
    // an event the page only reports as someone's statement is that party's allegation, not the outlet's fact
    s.reported_by ? h('p', { class: 'small' }, allegedBy(s)) : null,
    h('blockquote', { class: 'sentence' }, highlight(s.sentence.text, marks, s.sentence.start)),
    coded ? h('p', { class: 'small muted provenance-line' }, 'Coded by ', coded) : null,
    h('p', { class: 'small' }, h('span', { class: 'muted' }, `Date on this page: ${fmtDate(s.date)} · `), link(docRoute(s.doc, s.evidence), 'Open the page at this sentence →')),
    // an analyst's fix is shown as this report's values; right / wrong / edit for every report (src/web/client/correct.ts)
    s.fact && s.correction && s.correction.status !== 'accepted' ? h('p', { class: 'small corrected-line' }, 'As corrected: ', h('strong', {}, s.fact.type), s.fact.mode ? ` (${s.fact.mode})` : '',
      ` · ${actorName(s.fact.source_actor?.name)} → ${actorName(s.fact.target_actor?.name)} · ${fmtDate(s.date)}${s.fact.location ? ` · ${s.fact.location}` : ''}`) : null,
    s.fact ? eventControls(s.event, { ...s.fact, date: s.date, correction: s.correction ?? null }, s) : null)
}

/** Fetches and renders an event card: the event, then every source's sentence side by side with its spans highlighted. */
export async function eventCard(id: string): Promise<HTMLElement> {
  const card = await api<EventCard>(`events/${encodeURIComponent(id)}`)
  const e = card.event, se = card.story_event
  const actor = (a: EventCard['event']['source_actor']) => (a ? link(actorRoute(a.actor), a.name) : h('span', { class: 'muted' }, actorName(null)))
  const outlets = new Set(card.sources.map((s) => s.outlet).filter(Boolean))
  const copies = card.sources.filter((s) => s.is_copy).length
  const independent = se?.independent_sources.length ?? card.sources.length - copies
  // how the reports present the event: as a fact, or as what someone alleges (each party once)
  const alleging = card.sources.filter((s) => s.reported_by)
  const parties = [...new Set(alleging.map((s) => s.reported_by!))]
  return h('article', { class: 'event-card', 'aria-label': `Event ${e.type}`, 'data-story': se?.id ?? e.id },
    h('header', {},
      h('h2', {}, typeBadge(e.type, e.quad), ' ', actor(e.source_actor), ' → ', actor(e.target_actor)),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Class'), h('dd', {}, quadLabel(e.quad), e.mode ? ` · ${e.mode}` : '', e.negated ? ' · denied' : ''),
        h('dt', {}, 'Reported as'), h('dd', { class: 'reported-as' }, !alleging.length ? 'a fact, by every report'
          : [alleging.length === card.sources.length ? 'an allegation in every report: ' : `an allegation in ${alleging.length} of ${card.sources.length} reports: `,
            parties.flatMap((p, i) => [i ? ' ' : '', allegedBy({ reported_by: p })])]),
        h('dt', {}, 'Date'), h('dd', {}, fmtDated(se?.date ?? e.date, se ? se.date_precision : e.date_precision)),
        h('dt', {}, 'Place'), h('dd', {}, se?.location ?? e.location ?? h('span', { class: 'muted' }, 'not given')),
        h('dt', {}, 'Sources'), h('dd', { class: 'source-count' }, `${card.sources.length} report${card.sources.length === 1 ? '' : 's'} from ${outlets.size} outlet${outlets.size === 1 ? '' : 's'}, ${independent} independent`,
          copies ? `, ${copies} cop${copies === 1 ? 'y' : 'ies'}` : '', se?.first_reported_by ? ` · first: ${se.first_reported_by}` : ''))),
    h('div', { class: 'sources' }, card.sources.map(sourceBlock)),
    card.contradictions.length ? h('section', { class: 'card-contradictions' }, h('h3', {}, 'Contradictions on this event'), card.contradictions.map(contradictionBlock)) : null,
    h('p', { class: 'muted small' }, link(`#/event/${encodeURIComponent(e.id)}`, 'Permalink')))
}
