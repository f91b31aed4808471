// STUB (owned by the cross-source engineer)
import { defineStage } from '../../doc/stage.js'
/** Loaded terms in the outlet's own voice. */
export function framingStage(_opts: { extraDirs?: readonly string[] } = {}) {
  return defineStage({ name: 'framing', requires: ['tokens', 'sentences', 'quotes'], produces: ['framing'], run: () => ({ layers: { framing: [] } }) })
}
