import { openStore } from '../store/index.js'
import { ingest } from '../ingest/ingest.js'
import { exportRecords } from '../export/export.js'
import { scoreAgainstGold, type GoldReport } from './gold.js'

/** Ingests `pages` into a temporary in-memory store, exports it and scores the export against `goldDir`. */
export async function evalGold(goldDir: string, pages: string, opts: { kbDirs?: string[] } = {}): Promise<{ report: GoldReport; records: object[] }> {
  const store = await openStore(':memory:')
  try {
    await ingest(store, [pages], { kbDirs: opts.kbDirs })
    const records: object[] = []
    for await (const r of exportRecords(store)) records.push(r)
    return { report: scoreAgainstGold(records as any[], goldDir), records }
  } finally { await store.close() }
}
