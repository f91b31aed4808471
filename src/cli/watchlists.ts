import type { Command } from 'commander'
import { DossierError } from '../errors.js'
import { parseDuration } from '../net/watch.js'
import type { Store } from '../store/store.js'
import type { WatchlistSummary } from '../store/watchlists.js'
import { createWatchlist, deliverDue, describeQuery, matchWatchlists, nextDue, normalizeQuery, publicHit, retryFailed, WatchlistQuerySchema } from '../watchlists/index.js'
import { WEBHOOK_BACKOFF_MS } from '../watchlists/watchlists.data.js'

const collect = (v: string, prev: string[]) => [...prev, v]
const duration = (v: string) => { try { return parseDuration(v) } catch (e) { throw new DossierError('E_USAGE', (e as Error).message) } }
const out = (s: string) => process.stdout.write(s + '\n')

interface Helpers {
  readonly defaultDb: string
  readonly withStore: <T>(db: string, f: (s: Store) => Promise<T>, opts?: { mustExist?: boolean }) => Promise<T>
}

/** The watchlist a command names, by id or by its exact name (refused with one line when none or several). */
async function named(store: Store, ref: string): Promise<WatchlistSummary> {
  const all = await store.watchlists.list()
  const byId = all.find((w) => w.id === ref)
  if (byId) return byId
  const byName = all.filter((w) => w.name === ref)
  if (byName.length === 1) return byName[0]!
  throw new DossierError('E_USAGE', byName.length ? `Expected one watchlist named "${ref}", got ${byName.length}: use its id (${byName.map((w) => w.id).join(', ')})` : `Expected a watchlist id or name, got "${ref}" (dossier watchlists lists them)`)
}

function line(w: WatchlistSummary): string {
  const hook = w.webhook ? ` · webhook ${w.webhook.url}${w.deliveries.pending ? `, ${w.deliveries.pending} pending` : ''}${w.deliveries.failed ? `, ${w.deliveries.failed} failed` : ''}` : ''
  return `${w.id}  ${w.name}  ${w.new_hits} new / ${w.hits} hits  (${describeQuery(w.query)})${hook}`
}

/** `dossier watchlists`: list (default), add, remove, seen, hits, match, deliver. */
export function registerWatchlists(program: Command, exit: (code: number) => void, h: Helpers): void {
  const wl = program.command('watchlists')
    .description('Saved queries (actors, pair, event types, outlets, words, contradictions) matched after each ingest: list them with their hits since last seen, add, remove, mark seen, deliver webhooks')
    .addHelpText('after', `
Every ingest and reanalyze matches the watchlists against the pages it stored: each new matching event (or
contradiction) is a hit, recorded once (keyed by page, type, evidence sentence and trigger, never by machine ids).
A watchlist's first match records what the store already holds as its baseline: in its feed, never sent to its
webhook, not counted as new. Feeds: GET /api/watchlists/{id}/feed.atom on \`dossier serve\`. Webhooks are queued in
the store and sent by \`dossier serve\` while it runs, or by \`dossier watchlists deliver\` (cron); retried with
exponential backoff; a stopped deliverer's pending deliveries are sent by the next one.`)

  wl.command('list', { isDefault: true })
    .description('List the watchlists with their hits, the hits since last seen, and webhook deliveries pending or failed')
    .option('--db <file>', 'SQLite file or postgres:// URL', h.defaultDb)
    .option('--json', 'JSON output')
    .action(async (o) => h.withStore(o.db, async (store) => {
      const all = await store.watchlists.list()
      if (o.json) { out(JSON.stringify(all.map((w) => ({ ...w, description: describeQuery(w.query) })), null, 2)); return }
      if (!all.length) { out('no watchlists (dossier watchlists add <name> --actor … --type … --word …)'); return }
      for (const w of all) out(line(w))
    }, { mustExist: true }))

  wl.command('add')
    .description('Save a query as a watchlist; what the store holds already becomes its baseline')
    .argument('<name>', 'a name for people')
    .option('--actor <id|name>', 'an actor, by id or by any spelling of its name (repeatable: any of them)', collect, [])
    .option('--pair <a,b>', 'events between two actors (ids or names), either direction')
    .option('--type <type>', 'a PLOVER event type, e.g. CONSULT (repeatable)', collect, [])
    .option('--outlet <name>', 'an outlet as the pages name it (repeatable)', collect, [])
    .option('--word <phrase>', 'a phrase the evidence sentence holds (repeatable: any of them)', collect, [])
    .option('--contradictions', 'contradictions between outlets instead of events')
    .option('--webhook <url>', 'POST new hits as JSON to this http(s) URL')
    .option('--allow-loopback', 'let the webhook reach a receiver on this machine (127.0.0.1, ::1); other private addresses stay refused')
    .option('--db <file>', 'SQLite file or postgres:// URL', h.defaultDb)
    .option('--json', 'print the watchlist as JSON')
    .action(async (name: string, o) => h.withStore(o.db, async (store) => {
      const pair = o.pair ? String(o.pair).split(',').map((s) => s.trim()) : null
      if (pair && pair.length !== 2) throw new DossierError('E_USAGE', `Expected --pair a,b (two actors), got ${o.pair}`)
      const parsed = WatchlistQuerySchema.safeParse({ actors: o.actor, pair, types: o.type, outlets: o.outlet, words: o.word, contradictions: !!o.contradictions })
      if (!parsed.success) throw new DossierError('E_USAGE', parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; '))
      if (o.allowLoopback && !o.webhook) throw new DossierError('E_USAGE', 'Expected --webhook <url> with --allow-loopback')
      const w = await createWatchlist(store, { name, query: normalizeQuery(parsed.data), webhook: o.webhook ? { url: o.webhook, allow_loopback: !!o.allowLoopback } : null })
      if (o.json) out(JSON.stringify(w, null, 2))
      else out(`added ${line(w)}\n  baseline: ${w.hits} hit(s) already in the store (in its feed, not sent, not new)`)
    }))

  wl.command('remove')
    .description('Delete a watchlist with its hits and deliveries')
    .argument('<watchlist>', 'id or name')
    .option('--db <file>', 'SQLite file or postgres:// URL', h.defaultDb)
    .action(async (ref: string, o) => h.withStore(o.db, async (store) => {
      const w = await named(store, ref)
      await store.watchlists.remove(w.id)
      out(`removed ${w.id} ${w.name}`)
    }, { mustExist: true }))

  wl.command('seen')
    .description('Mark the hits found so far as seen (the count of new hits goes back to 0)')
    .argument('[watchlists...]', 'ids or names')
    .option('--all', 'every watchlist')
    .option('--db <file>', 'SQLite file or postgres:// URL', h.defaultDb)
    .action(async (refs: string[], o) => h.withStore(o.db, async (store) => {
      if (!o.all && !refs.length) throw new DossierError('E_USAGE', 'Expected watchlist ids or names, or --all')
      const list = o.all ? await store.watchlists.list() : await Promise.all(refs.map((r) => named(store, r)))
      for (const w of list) { await store.watchlists.markSeen(w.id); out(`seen ${w.id} ${w.name} (${w.new_hits} new hit(s))`) }
    }, { mustExist: true }))

  wl.command('hits')
    .description("A watchlist's hits, newest first")
    .argument('<watchlist>', 'id or name')
    .option('--new', 'only the hits found since it was last seen')
    .option('--limit <n>', 'how many', (v) => Number(v), 50)
    .option('--db <file>', 'SQLite file or postgres:// URL', h.defaultDb)
    .option('--json', 'JSON output')
    .action(async (ref: string, o) => h.withStore(o.db, async (store) => {
      const w = await named(store, ref)
      const hits = (await store.watchlists.hits(w.id, { limit: o.limit, onlyNew: !!o.new })).map(publicHit)
      if (o.json) { out(JSON.stringify(hits, null, 2)); return }
      for (const x of hits) out(`${x.found_at.slice(0, 19).replace('T', ' ')}  ${x.baseline ? '(baseline) ' : ''}${x.title}\n    ${String((x as any).sentence ?? (x as any).description ?? '').replace(/\s+/g, ' ')}`)
    }, { mustExist: true }))

  wl.command('match')
    .description('Match every watchlist against the documents stored since it last looked (ingest and reanalyze do this themselves)')
    .option('--db <file>', 'SQLite file or postgres:// URL', h.defaultDb)
    .option('--json', 'JSON output')
    .action(async (o) => h.withStore(o.db, async (store) => {
      const m = await matchWatchlists(store)
      if (o.json) out(JSON.stringify(m, null, 2))
      else out(`matched ${m.watchlists} watchlist(s): ${m.hits} new hit(s)${m.by.filter((b) => b.hits).map((b) => `\n  ${b.name}: ${b.hits}${b.baseline ? ' (baseline)' : ''}`).join('')}`)
    }, { mustExist: true }))

  wl.command('deliver')
    .description('Send the webhook deliveries that are due (one pass; --wait: until none is pending)')
    .option('--wait', 'keep going, sleeping until the next retry is due, until every delivery is delivered or given up')
    .option('--backoff <duration>', `wait before the second try of a delivery that fails now, doubled for each next one (default ${WEBHOOK_BACKOFF_MS / 1000}s)`, duration)
    .option('--retry-failed', 'queue the deliveries given up before once more, due now')
    .option('--db <file>', 'SQLite file or postgres:// URL', h.defaultDb)
    .option('--json', 'print the summary as JSON')
    .action(async (o) => h.withStore(o.db, async (store) => {
      if (o.retryFailed) {
        let n = 0
        for (const w of await store.watchlists.list()) n += await retryFailed(store, await store.watchlists.deliveries(w.id, { limit: 10_000 }))
        if (!o.json) out(`queued ${n} failed delivery(ies) again`)
      }
      const total = { delivered: 0, retrying: 0, failed: 0 }
      for (;;) {
        const s = await deliverDue(store, { backoffMs: o.backoff })
        total.delivered += s.delivered; total.failed += s.failed; total.retrying = s.retrying
        const next = o.wait ? await nextDue(store) : null
        if (!next) break
        await new Promise((r) => setTimeout(r, Math.max(50, Date.parse(next) - Date.now())))
      }
      const pending = (await store.watchlists.list()).reduce((n, w) => n + w.deliveries.pending, 0)
      if (o.json) out(JSON.stringify({ ...total, pending }))
      else out(`delivered ${total.delivered}, given up ${total.failed}, pending ${pending}${pending ? ' (sent when due: run deliver again, or keep dossier serve running)' : ''}`)
      if (total.failed) exit(1)
    }, { mustExist: true }))
}
