/** Error codes: one catalogue for the whole project. */
export const ERROR_CODES = {
  E_STAGE_ORDER: 'A stage requires a layer that no earlier stage produces',
  E_STAGE_OUTPUT: 'A stage returned a layer it did not declare, or not an array',
  E_STORE: 'The store failed',
  E_INPUT: 'Input cannot be read',
  E_KB: 'A knowledge-base file is invalid',
  E_USAGE: 'The command was used wrongly',
  // HTTP API (src/api/http-error.ts maps each to its status)
  E_BAD_REQUEST: 'The request does not match the endpoint schema',
  E_NOT_FOUND: 'No such resource or route',
  E_UNAUTHORIZED: 'A bearer token is required',
  E_READ_ONLY: 'The server is read-only',
  E_INTERNAL: 'Unexpected server error',
  E_BUSY: 'The server has as much work queued as it takes; retry later',
} as const
export type ErrorCode = keyof typeof ERROR_CODES

/** The one base class for thrown errors (bugs and boundaries). Content problems are Messages instead. */
export class DossierError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'DossierError'
  }
}
