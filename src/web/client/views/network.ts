import { actorRoute, api, type Paged } from '../api.js'
import { h, link } from '../dom.js'

interface Network extends Paged { nodes: { id: string; name: string; type: string | null; events: number }[]; edges: { source: string; target: string; weight: number; types: Record<string, number> }[]; total: number }

/** The heaviest links the network view draws (one page); it says how many there are in all. */
const NETWORK_LINKS = 200

/** Who acts on whom (cytoscape), weighted by events; the same edges as a table for keyboard and screen readers. */
export async function networkView(): Promise<HTMLElement> {
  const net = await api<Network>('network', { limit: NETWORK_LINKS })
  const name = new Map(net.nodes.map((n) => [n.id, n.name]))
  const box = h('div', { class: 'network', role: 'img', 'aria-label': `Actor network: ${net.nodes.length} actors, ${net.edges.length} links` })
  const view = h('section', {}, h('h1', {}, 'Actor network'), h('p', { class: 'muted' }, 'Arrows point from the actor who acts to the one acted on; thicker means more events. Click an actor to open its page.',
      net.total > net.edges.length ? ` The ${net.edges.length} heaviest of ${net.total} links are shown.` : ''), box,
    h('table', {}, h('caption', {}, 'Links by weight'), h('thead', {}, h('tr', {}, h('th', {}, 'Source'), h('th', {}, 'Target'), h('th', {}, 'Events'), h('th', {}, 'Types'))),
      h('tbody', {}, net.edges.map((e) => h('tr', {}, h('td', {}, link(actorRoute(e.source), name.get(e.source) ?? 'unnamed actor')), h('td', {}, link(actorRoute(e.target), name.get(e.target) ?? 'unnamed actor')),
        h('td', {}, link(`#/?a=${encodeURIComponent(e.source)}&b=${encodeURIComponent(e.target)}`, String(e.weight))), h('td', {}, Object.entries(e.types).map(([t, n]) => `${t} ${n}`).join(', ')))))))
  requestAnimationFrame(() => {
    if (!net.nodes.length) return
    const dark = document.documentElement.dataset.theme === 'dark'
    const max = Math.max(1, ...net.edges.map((e) => e.weight))
    const cy = cytoscape({
      container: box, wheelSensitivity: 0.3,
      elements: [...net.nodes.map((n) => ({ data: { id: n.id, label: n.name, size: 18 + 6 * Math.sqrt(n.events) } })),
        ...net.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, w: 1 + (5 * e.weight) / max } }))],
      style: [
        { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'background-color': '#3b82f6', color: dark ? '#e5e7eb' : '#111827', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4 } },
        { selector: 'edge', style: { width: 'data(w)', 'line-color': dark ? '#6b7280' : '#9ca3af', 'target-arrow-color': dark ? '#6b7280' : '#9ca3af', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier' } },
      ],
      layout: { name: 'cose', animate: false, padding: 20 },
    })
    cy.on('tap', 'node', (e) => { location.hash = actorRoute(e.target.id()) })
  })
  return view
}
