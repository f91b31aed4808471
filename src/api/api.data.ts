/**
 * PLOVER's four cooperation/conflict classes and the type → class lookup (unknown types give null): the catalogue's
 * (src/plover/catalogue.ts), which follows the quad category the PLOVER manual gives each type.
 */
export { quadOf, QUAD_CLASSES, type QuadClass } from '../plover/index.js'

/** Largest page size any list endpoint returns (keeps one request bounded). */
export const MAX_PAGE = 500
/** Default page size of list endpoints. */
export const DEFAULT_PAGE = 50
