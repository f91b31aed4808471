import { actorRoute, api, docRoute, eventRoute, type Doc } from '../api.js'
import { actorName, fmtDate, h, highlight, langAttrs, link, safeHref, type Mark } from '../dom.js'
import { allegedText, codedText, madeText, provenance } from '../provenance.js'
import { correctionBadge, type CorrectionNote } from '../correct.js'
import { docCorrections } from './doc-corrections.js'

/** How a duplicate relates to this page, in words. */
const RELATION: Record<string, string> = { 'copy-of': 'a copy of', 'copied-by': 'copied by', 'near-duplicate': 'nearly the same as', duplicate: 'the same as' }

/** Layers a reader can switch on and off, each with the class that colours it. */
const LAYERS = [
  { key: 'entities', label: 'Entities', cls: 'hl-entity' }, { key: 'events', label: 'Events', cls: 'hl-event' }, { key: 'quotes', label: 'Quotes', cls: 'hl-quote' },
  { key: 'claims', label: 'Claims', cls: 'hl-claim' }, { key: 'framing', label: 'Framing', cls: 'hl-framing' }, { key: 'timex', label: 'Dates', cls: 'hl-timex' },
] as const

function marksOf(d: Doc): Mark[] {
  return [
    ...d.entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, cls: 'hl-entity', title: `${e.type}: ${e.name}` }))),
    ...d.events.map((e) => ({ ...e.evidence, cls: (e as { correction?: CorrectionNote }).correction ? 'hl-event is-corrected' : 'hl-event', title: `${e.type}: ${actorName(e.source_actor?.name)} → ${actorName(e.target_actor?.name)} (${e.date ?? 'undated'})${allegedText(e)}${codedText(e)}` })),
    ...d.quotes.map((q) => ({ start: q.start, end: q.end, cls: 'hl-quote', title: `Quote by ${q.speaker?.name ?? 'unknown speaker'}${madeText(q, 'quote')}` })),
    ...d.claims.map((c) => ({ ...c.evidence, cls: 'hl-claim', title: `Claim: ${c.value} ${c.unit} (${c.what})${madeText(c, 'claim')}` })),
    ...d.framing.map((f) => ({ start: f.start, end: f.end, cls: 'hl-framing', title: `Loaded term “${f.term}” (neutral: ${f.neutral})${madeText(f, 'framing')}` })),
    ...d.timex.map((t) => ({ start: t.start, end: t.end, cls: 'hl-timex', title: `Date: ${t.value ?? 'unresolved'}` })),
  ]
}

/** One document: its cleaned text with every extracted fact highlighted at its span, the chosen span marked and scrolled to. */
export async function documentView(id: string, params: URLSearchParams): Promise<HTMLElement> {
  const d = await api<Doc>(`documents/${encodeURIComponent(id)}`)
  const start = Number(params.get('start')), end = Number(params.get('end'))
  const target = params.has('start') && end > start && end <= d.text.length ? { start, end } : null
  const marks = marksOf(d)
  if (target) marks.push({ ...target, cls: 'hl-target', id: 'target', title: 'The selected span' })
  // the text in its own language and direction (Persian and Arabic right to left); scraped text stays text nodes
  const text = h('div', { class: 'doc-text', ...langAttrs(d.language) }, highlight(d.text, marks))
  const toggles = h('fieldset', { class: 'layer-toggles' }, h('legend', {}, 'Highlight'), LAYERS.map((l) => h('label', {},
    h('input', { type: 'checkbox', checked: true, onchange: (e: Event) => text.classList.toggle(`hide-${l.cls}`, !(e.target as HTMLInputElement).checked) }),
    h('span', { class: `swatch ${l.cls}` }), ` ${l.label} (${l.key === 'entities' ? d.entities.reduce((n, e) => n + e.mentions.length, 0) : (d as any)[l.key].length})`)))
  const url = d.source.url
  const inferred = (d as Doc & { published_inferred?: { date: string; precision: string } | null }).published_inferred
  const side = h('aside', { class: 'doc-side' },
    d.events.length ? h('section', {}, h('h2', {}, `Events (${d.events.length})`), h('ul', {}, d.events.map((e) => h('li', {},
      link(eventRoute(e.id), `${e.type} · ${actorName(e.source_actor?.name)} → ${actorName(e.target_actor?.name)}`), h('span', { class: 'muted' }, ` · ${fmtDate(e.date)}`), provenance(e),
      correctionBadge((e as { correction?: CorrectionNote }).correction))))) : null,
    docCorrections(d, text),
    d.entities.length ? h('section', {}, h('h2', {}, `Actors (${d.entities.length})`), h('ul', { class: 'chips' }, d.entities.map((e) => h('li', {}, link(actorRoute(e.actor), `${e.name} (${e.mentions.length})`))))) : null,
    d.duplicates?.length ? h('section', {}, h('h2', {}, 'Duplicates'), h('ul', {}, d.duplicates.map((x) => h('li', {},
      `${RELATION[x.relation] ?? x.relation} `, link(docRoute(x.doc), x.title ?? '(untitled)'), x.outlet ? h('span', { class: 'muted' }, ` · ${x.outlet}`) : null, ` (${Math.round(x.similarity * 100)}% alike)`)))) : null,
    h('details', {}, h('summary', {}, `Messages (${d.messages.length})`), h('ul', { class: 'messages' }, d.messages.map((m) => h('li', { class: `sev-${m.severity}` },
      h('strong', {}, m.severity), ` ${m.source}/${m.ruleId}: ${m.reason}`, m.place ? h('a', { href: `#/doc/${encodeURIComponent(d.id)}?start=${m.place.start}&end=${m.place.end}` }, ' (show)') : null)))))
  const view = h('article', { class: 'document' },
    h('h1', d.title ? langAttrs(d.language) : {}, d.title ?? '(untitled)'),
    h('p', { class: 'meta' }, d.outlet ?? 'unknown outlet', ' · ', d.published ? fmtDate(d.published) : inferred ? `undated (inferred: ${inferred.date}, ${inferred.precision})` : 'undated', d.author ? ` · ${d.author}` : '',
      ' · ', h('span', { class: 'badge lang', title: 'Language of the text (detected)' }, d.language ?? 'language unknown'),
      d.copy_of ? h('span', { class: 'badge copy' }, `copy of ${d.copy_of}`) : null),
    // a scraped URL becomes a link only when it is http(s); anything else (javascript:, data:) stays inert text
    h('p', { class: 'meta muted small' }, url ? (safeHref(url) ? h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, url) : h('code', {}, url)) : null,
      // the file name only (the API never names a folder on the server)
      d.source.path ? [' file ', h('code', {}, d.source.path)] : null),
    target ? h('p', { class: 'target-note' }, `Showing characters ${target.start}–${target.end}: `, h('button', { type: 'button', class: 'linklike', onclick: () => document.getElementById('target')?.scrollIntoView({ block: 'center' }) }, 'jump to the highlight')) : null,
    toggles, h('div', { class: 'doc-layout' }, text, side))
  queueMicrotask(() => requestAnimationFrame(() => { const t = document.getElementById('target'); if (t) { t.setAttribute('tabindex', '-1'); t.scrollIntoView({ block: 'center' }); t.focus({ preventScroll: true }) } }))
  return view
}
