/**
 * The worker thread of an ingest's cross-source analysis (`IngestOptions.analysisStore`, used by the server's ingest
 * jobs): opens its own connection to the store, runs `runAnalysis`, closes it, and posts back which analysis ran (or
 * the error). Phase messages are posted as they come.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openStore } from '../store/index.js'
import { runAnalysis, type AnalysisTask } from './ingest.js'

const { target, task } = workerData as { target: string; task: AnalysisTask }
try {
  const store = await openStore(target, { mustExist: true })
  try {
    const analysis = await runAnalysis(store, task, undefined, (phase) => parentPort!.postMessage({ phase }))
    parentPort!.postMessage({ analysis })
  } finally { await store.close() }
} catch (e) {
  parentPort!.postMessage({ error: (e as Error)?.message ?? String(e) })
}
