/**
 * A worker of the read pool (src/ingest/pool.ts): loads the default pipeline once (knowledge base, models), then
 * reads each page it is sent (`readPage`) and posts the result back with the task's id.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { defaultPipeline, type PipelineOptions } from '../pipeline/default.js'
import { readPage, type PageInput, type PageRead } from './read-page.js'

const { pipeline } = defaultPipeline(workerData as PipelineOptions)
parentPort!.on('message', (m: { id: number; input: PageInput; rawSha: string }) => {
  // (the pool times a page from here: its time limit counts the reading, not the wait in this worker's queue)
  parentPort!.postMessage({ id: m.id, started: true })
  let out: PageRead
  try { out = readPage(m.input, m.rawSha, pipeline) } catch (e) { out = { kind: 'rejected', ruleId: 'read-error', reason: `Expected the page to be read, got an error: ${(e as Error)?.message ?? e}` } }
  parentPort!.postMessage({ id: m.id, out })
})
