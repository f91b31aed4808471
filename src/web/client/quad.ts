import type { Quad } from './api.js'
import { h } from './dom.js'

/** Display order and labels of PLOVER's cooperation/conflict classes (colours live in style.css). */
export const QUADS: readonly { key: Exclude<Quad, null>; label: string }[] = [
  { key: 'verbal-cooperation', label: 'Verbal cooperation' }, { key: 'material-cooperation', label: 'Material cooperation' },
  { key: 'verbal-conflict', label: 'Verbal conflict' }, { key: 'material-conflict', label: 'Material conflict' },
]
export const quadLabel = (q: Quad) => QUADS.find((x) => x.key === q)?.label ?? 'Unclassified'

/** A small coloured badge naming an event type and its class. */
export const typeBadge = (type: string, quad: Quad) => h('span', { class: `badge q-${quad ?? 'none'}`, title: quadLabel(quad) }, type)

/** The legend of the four classes. */
export const legend = () => h('ul', { class: 'legend', 'aria-label': 'Event classes' }, QUADS.map((q) => h('li', {}, h('span', { class: `swatch q-${q.key}`, 'aria-hidden': 'true' }), q.label)))
