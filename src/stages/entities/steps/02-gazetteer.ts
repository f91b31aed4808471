import type { GazEntry } from '../../../kb/index.js'
import type { Ctx, Hit } from '../context.js'
import { DATELINE_AFTER } from '../entities.data.js'

const ACRONYM = /^[\p{Lu}\d.&-]+$/u

/**
 * True when the document's words may be the entry's name as written: same case, or a capital where the entry has
 * a small letter ("morality police" → "Morality Police"), or a shouted headline for long names. An acronym
 * ("US", "IS", "WHO") must match exactly and not inside an all-caps run.
 */
export function caseMatches(entry: GazEntry, cf: readonly string[], shouting: boolean, dateline = false): boolean {
  if (entry.exact === null) return true
  const want = entry.exact.split(' ')
  if (want.length !== cf.length) return false
  if (ACRONYM.test(entry.exact.replace(/ /g, ''))) return !shouting && want.every((w, i) => w === cf[i])
  if (cf.every((w) => w === w.toUpperCase()) && (dateline || entry.exact.replace(/[^\p{L}]/gu, '').length > 4)) return true
  return want.every((w, i) => {
    const d = cf[i]!
    return w === d || (w[0] === w[0]!.toLowerCase() && w.slice(1) === d.slice(1) && d[0] === w[0]!.toUpperCase())
  })
}

/** True when the word and its neighbours are all capitals (a shouted headline or label). */
function isShouting(ctx: Ctx, i: number): boolean {
  const up = (k: number) => { const w = ctx.words[k]; return !!w && /\p{L}{3,}/u.test(w.text) && w.text === w.text.toUpperCase() }
  return up(i - 1) || up(i + 1)
}

/**
 * True when words [i, j) are a dateline: capitals opening a sentence, followed by a dash or an agency in brackets
 * ("BAKU —", "TEHRAN (Reuters) -"). A dateline names a place, so its short names match in capitals too.
 */
function isDateline(ctx: Ctx, i: number, j: number): boolean {
  if (!ctx.words[i]!.first) return false
  for (let k = i; k < j; k++) { const t = ctx.words[k]!.text; if (t !== t.toUpperCase() || !/\p{L}/u.test(t)) return false }
  return DATELINE_AFTER.has(ctx.words[j]?.text ?? '')
}

/** Weekdays and months: capitalised words that never continue a name. */
const CALENDAR = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/

/** True when a word of the same sentence continues a name: capitalised, lower case after its first letter, no calendar word. */
function continuesName(w: Ctx['words'][number] | undefined, sent: number): boolean {
  return !!w && w.sent === sent && /^\p{Lu}\p{Ll}[\p{L}'’-]*$/u.test(w.text) && !CALENDAR.test(w.text)
}

/**
 * Longest-first KB name matching over the words: at each word, extends while the folded key is a known prefix and
 * keeps the longest key whose entries accept the written case. Matches never cross a sentence.
 */
export function matchGazetteer(ctx: Ctx): Hit[] {
  const { words, kb } = ctx
  const hits: Hit[] = []
  /** The longest accepted key starting at word i: its end and entries, or null. */
  const longestAt = (i: number): { j: number; entries: GazEntry[] } | null => {
    let key = '', best: { j: number; entries: GazEntry[] } | null = null
    for (let j = i; j < words.length && j - i < kb.maxTokens && words[j]!.sent === words[i]!.sent; j++) {
      key = j > i ? key + ' ' + words[j]!.fold : words[j]!.fold
      const slot = kb.probe(key)
      if (!slot) break
      const entries = slot.entries
      if (entries) {
        const cf = words.slice(i, j + 1).map((w) => w.cf)
        const shouting = isShouting(ctx, i)
        const dateline = isDateline(ctx, i, j + 1)
        const ok = entries.filter((e) => caseMatches(e, cf, shouting, dateline))
        if (ok.length) best = { j: j + 1, entries: ok }
      }
      if (!slot.prefix) break
    }
    return best
  }
  for (let i = 0; i < words.length;) {
    let best = longestAt(i)
    if (!best) { i++; continue }
    // "the Gulf of Finland": a name opened by its article ("the Gulf") gives way to a longer one starting after the article
    if (words[i]!.fold === 'the') { const next = longestAt(i + 1); if (next && next.j > best.j) { i++; best = next } }
    // "Mohammad Reza Ashtiyani", "Abbas Baqerpour": a person's name (or a first name, or someone else's surname)
    // followed by another name word is the start of a longer name the page writes its own way: left to the
    // candidates and the model, which read the whole name
    if (best.entries.every((e) => e.actor.startsWith('P:')) && continuesName(words[best.j], words[i]!.sent)) { i = best.j; continue }
    const sorted = [...best.entries].sort((a, b) => (a.how === 'alias' ? 0 : 1) - (b.how === 'alias' ? 0 : 1) || a.rank - b.rank)
    hits.push({ w0: i, w1: best.j, actor: null, label: 'MISC', by: 'kb', how: sorted[0]!.how,
      cands: sorted.map((e) => (e.weak ? { actor: e.actor, how: e.how, weak: true } : { actor: e.actor, how: e.how })) })
    i = best.j
  }
  return hits
}
