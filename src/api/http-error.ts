import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { DossierError } from '../errors.js'

/** Error codes of the HTTP API (the JSON `error.code`); the store's and the core's codes pass through unchanged. */
export const HTTP_CODES = {
  E_BAD_REQUEST: 'The request does not match the endpoint schema',
  E_NOT_FOUND: 'No such resource',
  E_UNAUTHORIZED: 'A bearer token is required',
  E_READ_ONLY: 'The server is read-only',
  E_INTERNAL: 'Unexpected server error',
} as const
export type HttpCode = keyof typeof HTTP_CODES

/** Thrown by route handlers; `app.onError` turns it into `{ error: { code, message } }` (style.md §9). */
export class HttpError extends Error {
  constructor(readonly status: ContentfulStatusCode, readonly code: HttpCode | string, message: string, options?: { cause?: unknown; details?: unknown }) {
    super(message, options)
    this.name = 'HttpError'
    this.details = options?.details
  }
  readonly details: unknown
}

/** The single error handler: HttpError keeps its status; DossierError is a 400 for bad input, 500 otherwise. */
export function errorResponse(err: Error, c: Context): Response {
  if (err instanceof HttpError) return c.json({ error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } }, err.status)
  if (err instanceof DossierError) {
    const status = err.code === 'E_INPUT' || err.code === 'E_USAGE' ? 400 : 500
    return c.json({ error: { code: err.code, message: err.message } }, status)
  }
  // hono's own HTTPException (e.g. malformed JSON body) carries a status
  const status = (err as { status?: number }).status
  if (typeof status === 'number' && status >= 400 && status < 500) return c.json({ error: { code: 'E_BAD_REQUEST', message: err.message } }, status as ContentfulStatusCode)
  console.error(err)
  return c.json({ error: { code: 'E_INTERNAL', message: 'Expected the request to succeed, got an internal error' } }, 500)
}

/** 404 helper: `throw notFound('event', id)`. */
export const notFound = (what: string, id: string) => new HttpError(404, 'E_NOT_FOUND', `Expected an existing ${what} \`${id}\`, got none`)
