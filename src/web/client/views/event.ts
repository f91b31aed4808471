import { h, link } from '../dom.js'
import { eventCard } from './event-card.js'

/** The event card on its own page (permalink). */
export async function eventView(id: string): Promise<HTMLElement> {
  return h('section', {}, h('p', {}, link('#/', '← Timeline')), await eventCard(id))
}
