// STUB (owned by the events engineer)
import { defineStage } from '../../doc/stage.js'
/** Numeric claims. */
export function claimsStage() {
  return defineStage({ name: 'claims', requires: ['tokens', 'sentences'], produces: ['claims'], run: () => ({ layers: { claims: [] } }) })
}
