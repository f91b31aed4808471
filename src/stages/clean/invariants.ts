import type { CleanResult } from './clean.js'

/**
 * Problems with a CleanResult's own consistency (empty when sound): paragraph spans tile `text` with "\n\n"
 * between them, the raw map has one in-bounds entry per paragraph, and a fatal message exactly when there is no body.
 * Used by the tests and fuzzers; cheap enough to run on ingest.
 */
export function resultProblems(r: CleanResult, raw: string): string[] {
  const out: string[] = []
  if (r.paragraphs.length !== r.rawMap.length) out.push(`Expected one raw-map entry per paragraph, got ${r.rawMap.length} for ${r.paragraphs.length}`)
  let pos = 0
  for (const [i, p] of r.paragraphs.entries()) {
    const want = i === 0 ? 0 : pos + 2
    if (p.start !== want || p.end <= p.start) out.push(`Expected paragraph ${i} at ${want}, got [${p.start},${p.end})`)
    pos = p.end
    const m = r.rawMap[i]
    if (m && !(m.rawStart >= 0 && m.rawEnd <= raw.length && m.rawStart < m.rawEnd && m.start === p.start && m.end === p.end)) out.push(`Expected raw-map entry ${i} inside the raw page, got ${JSON.stringify(m)}`)
  }
  if (pos !== r.text.length) out.push(`Expected paragraphs to end at ${r.text.length}, got ${pos}`)
  const fatal = r.messages.some(m => m.severity === 'fatal')
  if (fatal !== (r.paragraphs.length === 0)) out.push(`Expected a fatal message exactly when the body is empty (fatal ${fatal}, ${r.paragraphs.length} paragraphs)`)
  return out
}
