/**
 * Cold load time of the knowledge base: CPU milliseconds of this whole process (Node start, module imports, the
 * load) and of `loadKb()` alone. Run after a build: `node dist/kb/bench-load.js` (tsx adds its own compile time).
 */
const c0 = process.cpuUsage()
const { loadKb } = await import('./index.js')
const c1 = process.cpuUsage()
const kb = loadKb()
const c2 = process.cpuUsage()
const ms = (c: NodeJS.CpuUsage) => ((c.user + c.system) / 1000).toFixed(0)
console.log(`KB cold load: ${ms(c2)} ms CPU for the process (import ${ms(process.cpuUsage(c0)) && ms({ user: c1.user - c0.user, system: c1.system - c0.system })} ms, loadKb ${ms({ user: c2.user - c1.user, system: c2.system - c1.system })} ms, ${kb.loadMs.toFixed(0)} ms wall), ${kb.actors.length} actors`)
