import assert from 'node:assert/strict'
import type { CleanResult } from './clean.js'
import { findDate } from './dates.js'
import { normText } from '../../eval/text-match.js'

/** Gold README matching (NFKC, straight quotes, "-" dashes, collapsed space, lower case): the one rule of src/eval. */
export const norm = (s: string): string => normText(s)

/** outlet / copy_of match when one contains the other; a gold null only by a missing value. */
export const contains = (got: string | null, gold: string | null): boolean =>
  gold === null ? got === null : got !== null && (norm(got).includes(norm(gold)) || norm(gold).includes(norm(got)))

/** The part of a gold page file (shared/gold/seeds schema) that the clean stage answers for. */
export interface GoldPage {
  doc: string
  title: string
  title_alternatives?: string[]
  published: string | null
  author: string | null
  outlet: string | null
  copy_of: string | null
  body: string[]
  body_optional?: string[]
  page_dates_not_publication?: string[]
}

/**
 * Asserts the metadata of a cleaned page against its gold file by the gold README's rules: title equals the title or
 * an alternative, published compares the first 10 characters and must be ISO, author exact, outlet and copy_of by
 * containment, a gold null only by a missing value.
 */
export function assertGoldMeta(r: CleanResult, gold: GoldPage): void {
  const titles = [gold.title, ...(gold.title_alternatives ?? [])].map(norm)
  assert.ok(r.meta.title !== null && titles.includes(norm(r.meta.title)), `title ${r.meta.title}`)
  if (r.meta.published !== null) assert.match(r.meta.published, /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?$/)
  assert.equal(r.meta.published?.slice(0, 10) ?? null, gold.published)
  assert.equal(r.meta.author === null ? null : norm(r.meta.author), gold.author === null ? null : norm(gold.author))
  assert.ok(contains(r.meta.outlet, gold.outlet), `outlet ${r.meta.outlet} vs ${gold.outlet}`)
  assert.ok(contains(r.meta.copy_of, gold.copy_of), `copy_of ${r.meta.copy_of} vs ${gold.copy_of}`)
}

/** Asserts that the body paragraphs equal the gold body (F1 = 1); `body_optional` lines may stay. */
export function assertGoldBody(r: CleanResult, gold: GoldPage): void {
  const optional = new Set((gold.body_optional ?? []).map(norm))
  assert.deepEqual(r.text.split('\n\n').map(norm).filter(p => !optional.has(p)), gold.body.map(norm))
}

/** Asserts that no date the gold lists as not the publication date (clock, teaser, sidebar) was taken as published. */
export function assertNoTrapDate(r: CleanResult, gold: GoldPage, raw: string): void {
  for (const d of gold.page_dates_not_publication ?? []) {
    assert.ok(raw.includes(d))
    const f = findDate(d)
    if (f?.hasYear && f.iso !== gold.published) assert.notEqual(r.meta.published?.slice(0, 10), f.iso, `published taken from ${d}`)
  }
  if (gold.published === null) assert.equal(r.meta.published, null)
}
