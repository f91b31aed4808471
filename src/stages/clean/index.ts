/** The clean stage: raw page (HTML or scraped text) in, article body + metadata + messages + raw map out. */
export { cleanPage, cleanedDoc, extractBody } from './clean.js'
export type { RawPage, CleanResult } from './clean.js'
