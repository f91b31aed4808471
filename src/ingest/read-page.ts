import { createDoc, type Source } from '../doc/doc.js'
import { msg } from '../doc/span.js'
import type { Pipeline, StageStatus } from '../doc/stage.js'
import { toDocumentRecord, type DocumentRecord } from '../model/records.js'
import { cleanPage, type RawPage } from '../stages/clean/index.js'
import { applyClaims } from './formats/claims.js'
import type { InputItem } from './read.js'

/** What reading one page gives: its document record and how each stage went, or why it is rejected. */
export type PageRead =
  | { readonly kind: 'rejected'; readonly ruleId: string; readonly reason: string }
  | { readonly kind: 'read'; readonly rec: DocumentRecord; readonly status: readonly StageStatus[] }

/** The part of an input item that reading needs (plain data: it crosses to a worker thread). */
export type PageInput = Pick<InputItem, 'path' | 'url' | 'claims'> & { readonly page: RawPage }

/**
 * Cleans and reads one page (clean → the reading pipeline → its document record): the part of ingest that needs no
 * store, run in the main thread or in a worker of the read pool (src/ingest/pool.ts). A page that fails to clean or
 * has no body is rejected with the rule that says why.
 */
export function readPage(input: PageInput, rawSha: string, pipeline: Pipeline): PageRead {
  const { page, removed } = withoutNul(input.page)
  let cleaned: ReturnType<typeof cleanPage>
  try { cleaned = applyClaims(cleanPage(page), input.claims) } catch (e) { return { kind: 'rejected', ruleId: 'clean-error', reason: `Expected the page to clean, got an error: ${(e as Error).message}` } }
  const fatal = cleaned.messages.find((m) => m.severity === 'fatal')
  if (fatal || !cleaned.text.trim()) return { kind: 'rejected', ruleId: fatal?.ruleId ?? 'empty-body', reason: fatal?.reason ?? 'Expected an article body, found none' }
  const notes = removed ? [...cleaned.messages, msg('ingest', 'nul-removed', `Removed ${removed} NUL character(s) from the page (no text holds them; PostgreSQL refuses them)`, 'warning')] : cleaned.messages
  const source: Source = { path: input.path, url: page.url ?? input.url, sha256: rawSha, fetched_at: page.fetched_at ?? null }
  const doc = createDoc(source, cleaned.text, cleaned.paragraphs, cleaned.meta, notes, cleaned.rawMap)
  const { doc: read, status } = pipeline.run(doc)
  return { kind: 'read', rec: toDocumentRecord(read), status }
}

/** The page with every NUL character removed from its text (none is text; PostgreSQL refuses them), and how many. */
function withoutNul(page: RawPage): { page: RawPage; removed: number } {
  let removed = 0
  const strip = (v: string | null | undefined) => { if (v == null || !v.includes('\u0000')) return v; const out = v.replace(/\u0000/g, ''); removed += v.length - out.length; return out }
  const next = { ...page, ...(page.html != null ? { html: strip(page.html)! } : {}), ...(page.text != null ? { text: strip(page.text)! } : {}) }
  return { page: removed ? next : page, removed }
}
