import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { DossierError, type ErrorCode } from '../errors.js'

/** HTTP status of each catalogue code (src/errors.ts) that the API answers with; any other code is a 500. */
export const HTTP_STATUS: Readonly<Partial<Record<ErrorCode, ContentfulStatusCode>>> = {
  E_BAD_REQUEST: 400, E_INPUT: 400, E_USAGE: 400, E_UNAUTHORIZED: 401, E_READ_ONLY: 403, E_NOT_FOUND: 404, E_INTERNAL: 500, E_STORE: 500, E_BUSY: 503,
}

/** Thrown by route handlers; `app.onError` turns it into `{ error: { code, message } }` (style.md §9). */
export class HttpError extends DossierError {
  constructor(readonly status: ContentfulStatusCode, code: ErrorCode, message: string, options?: { cause?: unknown; details?: unknown }) {
    super(code, message, options?.details === undefined ? {} : { details: options.details }, { cause: options?.cause })
    this.name = 'HttpError'
  }
}

/** The JSON body of every error answer. */
export const errorBody = (code: ErrorCode, message: string, details?: unknown) => ({ error: { code, message, ...(details === undefined ? {} : { details }) } })

/** The single error handler: HttpError keeps its status; a DossierError gets its code's status (400 for bad input, 500 otherwise). */
export function errorResponse(err: Error, c: Context): Response {
  if (err instanceof HttpError) return c.json(errorBody(err.code, err.message, err.details.details), err.status)
  if (err instanceof DossierError) return c.json(errorBody(err.code, err.message), HTTP_STATUS[err.code] ?? 500)
  // hono's own HTTPException (e.g. malformed JSON body) carries a status
  const status = (err as { status?: number }).status
  if (typeof status === 'number' && status >= 400 && status < 500) return c.json(errorBody('E_BAD_REQUEST', `Expected a well-formed request, got: ${err.message}`), status as ContentfulStatusCode)
  console.error(err)
  return c.json(errorBody('E_INTERNAL', 'Expected the request to succeed, got an internal error'), 500)
}

/** 404 helper: `throw notFound('event', id)`. */
export const notFound = (what: string, id: string) => new HttpError(404, 'E_NOT_FOUND', `Expected an existing ${what} \`${id}\`, got none`)
