// STUB (owned by the events engineer)
import { defineStage } from '../../doc/stage.js'
/** Time expressions resolved against the publication date. */
export function timexStage() {
  return defineStage({ name: 'timex', requires: ['tokens', 'sentences'], produces: ['timex'], run: () => ({ layers: { timex: [] } }) })
}
