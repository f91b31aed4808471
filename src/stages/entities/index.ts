// STUB (owned by the entities engineer): replaced by NER + KB mention finding and resolution.
import { defineStage } from '../../doc/stage.js'
import type { Kb } from '../../kb/index.js'
/** Finds mentions and resolves them to actors. */
export function entitiesStage(_opts: { kb: Kb }) {
  return defineStage({ name: 'entities', requires: ['tokens', 'sentences'], produces: ['mentions', 'entities'], run: () => ({ layers: { mentions: [], entities: [] } }) })
}
