// STUB (owned by the events engineer)
import { defineStage } from '../../doc/stage.js'
/** Direct quotes with speakers. */
export function quotesStage() {
  return defineStage({ name: 'quotes', requires: ['tokens', 'sentences', 'entities'], produces: ['quotes'], run: () => ({ layers: { quotes: [] } }) })
}
