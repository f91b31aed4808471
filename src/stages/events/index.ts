// STUB (owned by the events engineer)
import { defineStage } from '../../doc/stage.js'
import type { Kb } from '../../kb/index.js'
/** PLOVER events. */
export function eventsStage(_opts: { kb: Kb }) {
  return defineStage({ name: 'events', requires: ['tokens', 'sentences', 'entities', 'timex'], produces: ['events'], run: () => ({ layers: { events: [] } }) })
}
