/** Watchlists and alerts (issue #16): saved queries matched after each ingest, an Atom feed each, webhooks from a durable outbox. */
import { DossierError } from '../errors.js'
import type { Store } from '../store/store.js'
import type { WatchlistQuery, WatchlistSummary, WatchlistWebhook } from '../store/watchlists.js'
import { matchWatchlists } from './match.js'
import { webhookUrlProblem } from './webhook.js'

export { matchWatchlists, type MatchSummary } from './match.js'
export { atomFeed } from './atom.js'
export { deliverDue, startDeliverer, postWebhook, nextDue, retryFailed, type DeliverOptions } from './webhook.js'
export { publicHit, hitTitle, hitRoute } from './payload.js'
export { WatchlistQuerySchema, WatchlistNameSchema, normalizeQuery, describeQuery } from './query.js'

/**
 * Saves a watchlist and runs its first match at once: what the store holds already becomes its baseline (in its
 * feed, never sent to its webhook, not counted as new). Refused (E_INPUT): a webhook URL that is not http(s).
 */
export async function createWatchlist(store: Store, w: { name: string; query: WatchlistQuery; webhook: WatchlistWebhook | null }): Promise<WatchlistSummary> {
  if (w.webhook) { const bad = webhookUrlProblem(w.webhook.url); if (bad) throw new DossierError('E_INPUT', bad) }
  const saved = await store.watchlists.create(w)
  await matchWatchlists(store, { only: saved.id })
  return (await store.watchlists.summary(saved.id))!
}
