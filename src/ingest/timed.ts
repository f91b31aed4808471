import vm from 'node:vm'

/**
 * Runs a synchronous function under a time limit in this thread: past `ms`, V8 stops it wherever it is (an endless
 * loop, a regular expression backtracking for ever, an allocation that never ends) and `null` comes back instead of
 * its result. This is `vm`'s own watchdog (`Script#runInContext({ timeout })`), which ends the JavaScript running in
 * the isolate, whichever function it is in: it is how the main thread reads a page with a time limit at the cost of
 * a fraction of a millisecond a call (a watchdog thread), where a worker thread would cost its start and its own copy
 * of the models. What the stopped function left half done (a cache it was filling) is its caller's to drop: ingest drops
 * the pipeline and the reading stages' module caches (src/reading-caches.ts).
 * @example runTimed(() => readPage(input, sha, pipeline), 120_000) ?? { kind: 'rejected', ruleId: 'page-timeout', … }
 */
export function runTimed<T>(fn: () => T, ms: number): { value: T } | null {
  // one context for every call (making one costs milliseconds); the function is put in it for the call only
  CONTEXT.fn = fn
  try { return { value: CALL.runInContext(CONTEXT, { timeout: Math.max(1, Math.round(ms)) }) as T } } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return null
    throw e
  } finally { CONTEXT.fn = null }
}

const CALL = new vm.Script('fn()', { filename: 'dossier-timed-call' })
const CONTEXT = vm.createContext({ fn: null }) as { fn: (() => unknown) | null }
