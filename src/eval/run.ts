import { openStore } from '../store/index.js'
import type { Store } from '../store/store.js'
import { ingest } from '../ingest/ingest.js'
import { exportRecords } from '../export/export.js'
import { scoreAgainstGold, type GoldReport } from './gold.js'

/** Exports what a store holds and scores it against a gold folder. */
export async function scoreStore(store: Store, goldDir: string): Promise<{ report: GoldReport; records: object[] }> {
  const records: object[] = []
  for await (const r of exportRecords(store)) records.push(r)
  return { report: scoreAgainstGold(records as any[], goldDir), records }
}

/**
 * Ingests the pages at the top of `pages` (a folder, not its sub-folders: gold and fixtures often sit beside the
 * pages) into a temporary in-memory store, exports it and scores the export against `goldDir`.
 */
export async function evalGold(goldDir: string, pages: string, opts: { kbDirs?: string[] } = {}): Promise<{ report: GoldReport; records: object[] }> {
  const store = await openStore(':memory:')
  try {
    await ingest(store, [pages], { kbDirs: opts.kbDirs, recursive: false })
    return await scoreStore(store, goldDir)
  } finally { await store.close() }
}
