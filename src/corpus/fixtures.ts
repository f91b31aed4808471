import type { ClaimRecord, Entity, EventRecord, FramingRecord, TimeExpr } from '../doc/layers.js'
import type { Kb, KbActor } from '../kb/index.js'
import type { DocumentRecord } from '../model/records.js'

/** Test helpers: hand-made document records and a tiny knowledge base (all text written for these tests). */
export function makeDoc(p: { id: string; text: string; published?: string | null; outlet?: string | null; copy_of?: string | null; title?: string }): DocumentRecord & { events: EventRecord[]; claims: ClaimRecord[]; timex: TimeExpr[]; entities: Entity[]; framing: FramingRecord[] } {
  const paragraphs: { start: number; end: number }[] = []
  let at = 0
  for (const line of p.text.split('\n')) { if (line.trim()) paragraphs.push({ start: at, end: at + line.length }); at += line.length + 1 }
  return {
    kind: 'document', id: p.id, source: { path: `/t/${p.id}.txt`, url: null, sha256: p.id }, outlet: p.outlet ?? null, copy_of: p.copy_of ?? null,
    title: p.title ?? p.id, published: p.published ?? null, author: null, text: p.text, body: paragraphs.map((x) => p.text.slice(x.start, x.end)), paragraphs, sentences: sentencesIn(p.text, paragraphs),
    entities: [], events: [], quotes: [], claims: [], framing: [], timex: [], messages: [],
  }
}

/** Sentences of the paragraphs: a break after . ! or ? followed by a space and a capital letter. */
function sentencesIn(text: string, paragraphs: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  for (const p of paragraphs) {
    let start = p.start
    for (const m of text.slice(p.start, p.end).matchAll(/[.!?]\s+(?=\p{Lu})/gu)) { out.push({ start, end: p.start + m.index! + 1 }); start = p.start + m.index! + m[0].length }
    out.push({ start, end: p.end })
  }
  return out
}

/** The sentence of `doc` holding `needle`, as an evidence span. */
export function sentenceOf(doc: DocumentRecord, needle: string): { start: number; end: number; text: string } {
  const i = doc.text.indexOf(needle)
  if (i < 0) throw new Error(`fixture: ${needle} not in ${doc.id}`)
  const start = Math.max(doc.text.lastIndexOf('. ', i) + 2, doc.text.lastIndexOf('\n', i) + 1, 0)
  let end = doc.text.indexOf('.', i + needle.length)
  end = end < 0 ? doc.text.length : end + 1
  return { start, end, text: doc.text.slice(start, end) }
}

/** Adds an event whose evidence is the sentence holding `needle`. */
export function addEvent(doc: ReturnType<typeof makeDoc>, e: { n: number; type: string; source?: string | null; target?: string | null; date?: string | null; precision?: EventRecord['date_precision']; basis?: string | null; location?: string | null; needle: string; trigger?: string }): EventRecord {
  const ev = sentenceOf(doc, e.needle)
  const ref = (name?: string | null) => (name ? { actor: 'T:' + name.toLowerCase().replace(/\W+/g, '-'), name } : null)
  const t = e.trigger ? doc.text.indexOf(e.trigger, ev.start) : -1
  const rec: EventRecord = { id: `${doc.id}:e${e.n}`, story_event: null, type: e.type, mode: null, source_actor: ref(e.source), target_actor: ref(e.target), date: e.date ?? null,
    date_precision: e.precision ?? (e.date ? 'day' : null), date_basis: e.basis ?? (e.date ? 'stated' : null), location: e.location ?? null, evidence: ev,
    ...(t >= 0 ? { trigger: { start: t, end: t + e.trigger!.length, text: e.trigger! } } : {}) }
  doc.events.push(rec)
  return rec
}

/** Adds a time expression at the first occurrence of `text`. */
export function addTimex(doc: ReturnType<typeof makeDoc>, text: string, value: string | null = null, precision: TimeExpr['precision'] = 'day'): void {
  const start = doc.text.indexOf(text)
  doc.timex.push({ start, end: start + text.length, text, value, precision, basis: value ? 'stated' : 'unresolved' })
}

/** Adds a numeric claim found in the sentence holding `needle`. */
export function addClaim(doc: ReturnType<typeof makeDoc>, n: number, value: number, qualifier: string | null, what: string, needle: string): void {
  const evidence = sentenceOf(doc, needle)
  const at = doc.text.indexOf(String(value), evidence.start)
  doc.claims.push({ id: `${doc.id}:c${n}`, what, value, qualifier, unit: what.split(' ').at(-1) ?? 'people', number: { start: at, end: at + String(value).length, text: String(value) }, evidence })
}

/** A knowledge base of the given actors (ids `T:<slug>`), with exact-name lookup. */
export function tinyKb(actors: Omit<KbActor, 'aliases' | 'roles'> & { roles?: KbActor['roles'] }[] | any[]): Kb {
  const list: KbActor[] = actors.map((a: any) => ({ aliases: [a.name], roles: [], ...a }))
  const byId = new Map(list.map((a) => [a.id, a]))
  const byName = new Map(list.map((a) => [a.name.toLowerCase(), a.id]))
  return { actor: (id: string) => byId.get(id), actors: list, lookup: (k: string) => (byName.has(k) ? [{ actor: byName.get(k)!, how: 'alias', exact: null, rank: 0 }] : undefined) } as unknown as Kb
}

/** Adds an entity with one mention at the first occurrence of `needle` (found as `how`: 'alias', 'role', 'surname' …). */
export function addEntity(doc: ReturnType<typeof makeDoc>, name: string, type: Entity['type'], how: string, needle = name, affiliation: string | null = null): void {
  const start = doc.text.indexOf(needle)
  if (start < 0) throw new Error(`fixture: ${needle} not in ${doc.id}`)
  const actor = 'T:' + name.toLowerCase().replace(/\W+/g, '-')
  const mention = { start, end: start + needle.length, text: needle, how }
  const e = doc.entities.find((x) => x.actor === actor)
  if (e) (e.mentions as typeof mention[]).push(mention)
  else doc.entities.push({ id: `${doc.id}:${actor}`, actor, name, type, affiliation, code: null, mentions: [mention] })
}
