import { z } from '@hono/zod-openapi'
import type { WatchlistQuery } from '../store/watchlists.js'
import { MAX_NAME, MAX_TERMS } from './watchlists.data.js'

const Terms = (what: string) => z.array(z.string().trim().min(1).max(200)).max(MAX_TERMS).default([]).openapi({ description: what })

/** A watchlist's query as the API and the CLI take it (every list optional; at least one criterion). */
export const WatchlistQuerySchema = z.strictObject({
  actors: Terms('actor ids or names (names are resolved through the actor index: any spelling of a known actor)'),
  pair: z.tuple([z.string().trim().min(1).max(200), z.string().trim().min(1).max(200)]).nullable().default(null).openapi({ description: 'two actors (ids or names): events between them, either direction' }),
  types: z.array(z.string().trim().regex(/^[A-Za-z_]{2,40}$/, 'Expected a PLOVER event type')).max(MAX_TERMS).default([]).openapi({ description: 'PLOVER event types (CONSULT, ASSAULT …)' }),
  outlets: Terms('outlets, as the pages name them (case-insensitive)'),
  words: Terms('phrases, any of which the evidence sentence holds (case-insensitive)'),
  contradictions: z.boolean().default(false).openapi({ description: 'contradictions between outlets instead of events' }),
}).refine((q) => q.actors.length || q.pair || q.types.length || q.outlets.length || q.words.length || q.contradictions,
  { message: 'Expected at least one criterion (actors, pair, types, outlets, words or contradictions)' }).openapi('WatchlistQuery')

export const WatchlistNameSchema = z.string().trim().min(1).max(MAX_NAME)

/** The query with its types upper-cased (PLOVER spells them so), lists without repeats. */
export function normalizeQuery(q: z.infer<typeof WatchlistQuerySchema>): WatchlistQuery {
  const uniq = (l: readonly string[]) => [...new Set(l)]
  return { actors: uniq(q.actors), pair: q.pair ? [q.pair[0], q.pair[1]] : null, types: uniq(q.types.map((t) => t.toUpperCase())), outlets: uniq(q.outlets), words: uniq(q.words), contradictions: q.contradictions }
}

/** A one-line description of a query for people ("CONSULT events naming Bagheri in Tehran Times"). */
export function describeQuery(q: WatchlistQuery): string {
  const parts: string[] = [q.contradictions ? 'contradictions' : q.types.length ? `${q.types.join('/')} events` : 'events']
  if (q.pair) parts.push(`between ${q.pair[0]} and ${q.pair[1]}`)
  if (q.actors.length) parts.push(`involving ${q.actors.join(' or ')}`)
  if (q.words.length) parts.push(`saying ${q.words.map((w) => `“${w}”`).join(' or ')}`)
  if (q.outlets.length) parts.push(`in ${q.outlets.join(' or ')}`)
  return parts.join(' ')
}
