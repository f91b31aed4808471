import { createDoc, type Doc } from '../../doc/doc.js'
import type { Entity, EntityType, Paragraph } from '../../doc/layers.js'
import { tokensStage } from '../tokens/index.js'

/** An actor of a hand-made test document and the surface forms it appears under. */
export interface TestActor { readonly name: string; readonly type: EntityType; readonly surfaces: readonly string[] }

/** Every occurrence of `surface` in `text` on word boundaries. */
function occurrences(text: string, surface: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = []
  for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
    const before = text[i - 1], after = text[i + surface.length]
    if ((!before || !/[\p{L}\p{N}]/u.test(before)) && (!after || !/[\p{L}\p{N}]/u.test(after))) out.push({ start: i, end: i + surface.length, text: surface })
  }
  return out
}

/**
 * Builds a Doc for stage tests: paragraphs split on blank lines, tokens and sentences from the real tokens stage,
 * and an entities layer made from `actors` (each surface form found on word boundaries).
 */
export function testDoc(text: string, opts: { published?: string | null; actors?: readonly TestActor[]; id?: string } = {}): Doc {
  const paragraphs: Paragraph[] = []
  let at = 0
  for (const p of text.split('\n\n')) { paragraphs.push({ start: at, end: at + p.length }); at += p.length + 2 }
  const base = createDoc({ path: opts.id ?? 'test.txt', url: null, sha256: opts.id ?? 'test', fetched_at: null }, text, paragraphs,
    { title: null, published: opts.published ?? null, author: null, outlet: null, copy_of: null })
  const { layers } = tokensStage.run(base, { paragraphs })
  const entities: Entity[] = (opts.actors ?? []).map((a, k) => ({
    id: `${base.id}:n${k}`, actor: `a:${a.name.toLowerCase().replace(/\W+/g, '-')}`, name: a.name, type: a.type, affiliation: null, code: null,
    mentions: a.surfaces.flatMap((s) => occurrences(text, s)).sort((x, y) => x.start - y.start),
  }))
  return { ...base, layers: { ...base.layers, ...layers, mentions: [], entities } }
}

/** Asserts-ready list of every span in a record set whose `text` differs from the document slice (should be empty). */
export function badSpans(doc: Doc, spans: readonly ({ start: number; end: number; text: string } | undefined)[]): string[] {
  return spans.filter((s) => s && doc.text.slice(s.start, s.end) !== s.text).map((s) => `${s!.start}-${s!.end}: ${s!.text}`)
}
