import type { EntityType } from '../../../doc/layers.js'
import type { Ctx, Hit } from '../context.js'
import { onlyInitials, titleOnly, type Candidate } from './05-candidates.js'
import { INITIAL, LETTER, NOT_NAMES, ORG_HEAD_WORDS, PLACE_HEAD_WORDS, TITLES, isRankOrOffice } from '../entities.data.js'
import { titleBefore } from './03-resolve-kb.js'

/** The tagger interface of ./ner (declared here so the stage builds and runs when no model is there yet). */
export interface NerLike {
  tag(tokens: readonly string[], options?: { gazetteer?: (i: number) => string | null; memory?: unknown }): string[]
}
/** Creates the per-document memory the tagger may use across sentences. */
export type NerMemoryFactory = (() => unknown) | null

/** Prefixes of ships' names (navies and merchant ships). */
const SHIP_PREFIXES: ReadonlySet<string> = new Set(['USS', 'HMS', 'INS', 'IRIS', 'RFS', 'HMCS', 'HMAS', 'MV', 'MT'])
/** Lower-case particles inside personal names (Arabic, Hebrew, Dutch, German, Romance). */
const NAME_PARTICLES: ReadonlySet<string> = new Set(['bin', 'ibn', 'bint', 'ben', 'bat', 'abu', 'al', 'el', 'van', 'von', 'der', 'den', 'de', 'da', 'di', 'del', 'della', 'dos', 'du', 'la', 'le'])
const LABELS: Readonly<Record<string, EntityType | 'MISC'>> = { PER: 'PERSON', ORG: 'ORG', LOC: 'GPE', MISC: 'MISC' }
const GAZ: Readonly<Record<string, string>> = { PERSON: 'PER', ORG: 'ORG', GROUP: 'ORG', GPE: 'LOC', LOC: 'LOC' }

/** True when words [s0, s1) have a capitalised word outside KB hits that is not a sentence-opening function word. */
function mayHoldName(ctx: Ctx, s0: number, s1: number, covered: Uint8Array): boolean {
  for (let k = s0; k < s1; k++) {
    const w = ctx.words[k]!
    if (!w.cap || covered[k]) continue
    if (k === s0 && NOT_NAMES.has(w.fold)) continue
    return true
  }
  return false
}

/**
 * The knowledge-base hits covering words [w0, w1) when all lie inside it and all are places (`towns`: only places
 * inside a state, not states); else null.
 */
function placeHitsIn(ctx: Ctx, w0: number, w1: number, towns: boolean): Hit[] | null {
  const hits = ctx.hits.filter((h) => !h.dropped && h.actor && h.w0 < w1 && h.w1 > w0)
  const place = towns ? /^GPE:[A-Z]{3}:/ : /^(?:GPE|LOC):/
  return hits.length && hits.every((h) => h.w0 >= w0 && h.w1 <= w1 && place.test(h.actor!)) ? hits : null
}

/** The last rank or office word inside words [w0, w1) ("Navy Commander Rear Admiral …"), or -1. */
function lastTitleIn(ctx: Ctx, w0: number, w1: number): number {
  let last = -1
  for (let k = w0; k < w1; k++) if (isRankOrOffice(ctx.words[k]!.fold)) last = k
  return last
}

/**
 * The last word of a portfolio inside words [w0, w1) ("Deputy Foreign Minister for Political Affairs", "… for
 * International and Legal Affairs", "… for Economic Diplomacy"): "Affairs" or "Diplomacy" closing a run of capitalised
 * words opened by "for" after an office word; -1 when none.
 */
function portfolioEndIn(ctx: Ctx, w0: number, w1: number): number {
  const { words } = ctx
  let end = -1
  for (let k = w0; k < w1; k++) {
    if (words[k]!.fold !== 'affairs' && words[k]!.fold !== 'diplomacy') continue
    for (let j = k - 1; j >= Math.max(0, k - 6) && (words[j]!.cap || words[j]!.fold === 'and' || words[j]!.fold === ','); j--) {
      // (only after an office: "Minister for …", "Envoy for …"; a "Committee for Foreign Affairs" is a body's own name)
      if (words[j - 1]?.fold === 'for' && j >= 2 && isRankOrOffice(words[j - 2]!.fold)) { end = k; break }
    }
  }
  return end
}

/** A word that may be a given name or an inner part of a person's name: capitalised, letters (and apostrophes or hyphens), some lower case. */
const NAME_PART = /^\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*$/u

/**
 * "Saudi Ambassador to Iraq Abdulaziz bin Khalid | Al-Shammari said", "UN rights chief Zeid Ra’ad | Al Hussein": the
 * first word of a person's name the model found, moved back over the capitalised words (and name particles between
 * them) that it left untagged right before it: given names it did not know. Never over a title, an office, a body's or
 * place's head word, a word the knowledge base names, a sentence's first word or an acronym; at most three words.
 */
function givenNamesBefore(ctx: Ctx, tags: readonly string[], s0: number, w0: number, covered: Uint8Array): number {
  const { words } = ctx
  const namePart = (k: number): boolean => {
    const w = words[k]
    return !!w && k > s0 && tags[k - s0] === 'O' && !covered[k] && !w.first && NAME_PART.test(w.text) && !NOT_NAMES.has(w.fold) && !(w.fold in TITLES)
      && !isRankOrOffice(w.fold) && !ORG_HEAD_WORDS.has(w.fold) && !PLACE_HEAD_WORDS.has(w.fold)
  }
  let from = w0
  for (let added = 0; added < 3;) {
    if (namePart(from - 1)) { from--; added++; continue }
    // "bin", "ibn", "al" between two name words
    const p = words[from - 1]
    if (p && from - 1 > s0 && tags[from - 1 - s0] === 'O' && !covered[from - 1] && NAME_PARTICLES.has(p.text) && namePart(from - 2)) { from -= 2; added++; continue }
    break
  }
  return from
}

/**
 * Runs the NER model sentence by sentence, giving it the KB hits as gazetteer answers, and returns the names it
 * finds outside KB hits as candidates (its label is the type hint; LOC is taken as GPE, the usual case in news).
 * Sentences with no capitalised word outside KB hits are not tagged (about a quarter of news sentences; on the
 * dev pages and seeds this changed 2 of 3,871 mentions, both non-names).
 */
export function nerCandidates(ctx: Ctx, ner: NerLike, memory: NerMemoryFactory, covered: Uint8Array): Candidate[] {
  const { words } = ctx
  const kbTag = new Array<string | null>(words.length).fill(null)
  for (const h of ctx.hits) {
    if (!h.actor || h.dropped) continue
    const t = GAZ[ctx.kb.actor(h.actor)?.type ?? ''] ?? null
    if (t) for (let k = h.w0; k < h.w1; k++) kbTag[k] = (k === h.w0 ? 'B-' : 'I-') + t
  }
  const mem = memory ? memory() : undefined
  const out: Candidate[] = []
  for (let s0 = 0; s0 < words.length;) {
    let s1 = s0
    while (s1 < words.length && words[s1]!.sent === words[s0]!.sent) s1++
    // a sentence whose capitalised words are all KB names (or an opening "The") can give no candidate: not tagged
    if (!mayHoldName(ctx, s0, s1, covered)) { s0 = s1; continue }
    const texts: string[] = new Array(s1 - s0)
    for (let k = s0; k < s1; k++) texts[k - s0] = words[k]!.text
    const gazetteer = (i: number) => kbTag[s0 + i] ?? null
    const tags = ner.tag(texts, mem ? { gazetteer, memory: mem } : { gazetteer })
    for (let i = 0; i < tags.length;) {
      const tag = tags[i]!
      if (tag === 'O') { i++; continue }
      const type = tag.slice(2)
      let j = i + 1
      // the label of a name part joined to a person's name (the model may read "Hippel" in "von Hippel" as a place)
      let joined = type
      for (;;) {
        while (j < tags.length && (tags[j] === 'I-' + type || tags[j] === 'I-' + joined)) j++
        // "Mohammed bin Abdulrahman Al Thani", "Ludwig van Beethoven", "Frank von Hippel": a name particle between two parts of one person's name
        if (type === 'PER' && j + 1 < tags.length && NAME_PARTICLES.has(words[s0 + j]!.text) && tags[j] === 'O' && tags[j + 1] !== 'O' && words[s0 + j + 1]!.cap && !covered[s0 + j + 1]) { joined = tags[j + 1]!.slice(2); j += 2; continue }
        // "George W. Bush", "Frank N. von Hippel": a middle initial and the capitalised name after it, whatever the model reads there
        if (type === 'PER' && j + 1 < tags.length && INITIAL.test(words[s0 + j]!.text) && !covered[s0 + j]) {
          const after = words[s0 + j + 1]!
          if (after.cap && !covered[s0 + j + 1] && !LETTER.test(after.text)) { joined = tags[j + 1] === 'O' ? type : tags[j + 1]!.slice(2); j += 2; continue }
          if (NAME_PARTICLES.has(after.text)) { j++; continue }
        }
        // "… Abdulrahman Al Thani": a part opened by a capitalised particle continues the name rather than starting another
        if (type === 'PER' && j + 1 < tags.length && tags[j] === 'B-PER' && NAME_PARTICLES.has(words[s0 + j]!.fold) && tags[j + 1] === 'I-PER' && !covered[s0 + j]) { j++; continue }
        break
      }
      // a person's name ends on a name word, never on a lower-case word the model ran on into ("Robert P. White wrote")
      const next = j
      while (type === 'PER' && j - 1 > i && !/\p{Lu}/u.test(words[s0 + j - 1]!.text)) j--
      const w0 = s0 + i, w1 = s0 + j
      let free = true
      for (let k = w0; k < w1; k++) if (covered[k]) free = false
      // "Ali Hassan": a person's name whose surname is also a town of the knowledge base ("Hassan", India) is the person's;
      // "Iran Chamber of Commerce", "Shiraz University of Technology", "West Asia": a body or place named after a state or
      // a town, or a longer place, is its own name
      // (a body or place only when its last word says what it is: "… Chamber of Commerce", "… Sea", never "Middle East Mikhail Bogdanov")
      const headed = type === 'PER' || ORG_HEAD_WORDS.has(words[w1 - 1]!.fold) || PLACE_HEAD_WORDS.has(words[w1 - 1]!.fold)
      if (!free && headed && (type === 'PER' || type === 'ORG' || type === 'LOC')) {
        const inner = placeHitsIn(ctx, w0, w1, type === 'PER')
        if (inner && words.slice(w0, w1).some((w, k) => w.cap && !covered[w0 + k] && !NOT_NAMES.has(w.fold))) { for (const h of inner) { h.dropped = true; for (let k = h.w0; k < h.w1; k++) covered[k] = 0 } free = true }
      }
      // a lone title ("Brig." before "Gen.") or initials alone ("A." before a known surname) are no name, whatever the model says
      if (w1 - w0 === 1 && words[w0]!.fold in TITLES) free = false
      if (onlyInitials(ctx, w0, w1)) free = false
      // a ship's prefix read as a name of its own, right before the name it prefixes, joins that name (below)
      if (w1 - w0 === 1 && SHIP_PREFIXES.has(words[w0]!.text) && next < tags.length && tags[next] !== 'O') free = false
      // "Pertinently, …", "Separately, …": a sentence adverb before its comma
      if (w1 - w0 === 1 && words[w0]!.first && /ly$/u.test(words[w0]!.fold) && words[w1]?.fold === ',') free = false
      // "Navy Commander Rear Admiral X Y", "Army Commander Major General": a rank or office run read as one organisation
      // is the title of the person named after it (the name alone is the person; a run with no name after it is no name)
      // … and so is a minister's portfolio ("… for Legal Affairs Mohsen Baharvand"); a portfolio alone is no name
      const portfolio = portfolioEndIn(ctx, w0, w1)
      if (portfolio === w1 - 1) free = false
      const lastTitle = Math.max(type === 'ORG' ? lastTitleIn(ctx, w0, w1) : -1, portfolio)
      const name = lastTitle + 1
      // "Supreme Leader", "Leader of the Islamic Revolution": a title alone is no body (the role table may name its holder)
      if (type !== 'PER' && titleOnly(ctx, w0, w1)) free = false
      if (free && lastTitle >= 0 && w1 > name && !words.slice(name, w1).some((w) => !w.cap || ORG_HEAD_WORDS.has(w.fold) || w.fold in TITLES)) {
        // (the name runs on through a capitalised word the model left out: "… Affairs Mehdi | Safari arrived")
        let end = w1
        while (end < s1 && end - w1 < 2 && tags[end - s0] === 'O' && words[end]!.cap && !words[end]!.first && !covered[end] && !(words[end]!.fold in TITLES) && !NOT_NAMES.has(words[end]!.fold)) end++
        out.push({ w0: name, w1: end, hint: 'PERSON', by: 'ner', title: titleBefore(ctx, name) })
        i = Math.max(next, end - s0)
        continue
      }
      // a "place" with the head word of a body ("Iran Chamber of Commerce", "Shiraz University") is a body
      const body = type === 'LOC' && w1 - w0 > 1 && words.slice(w0, w1).some((w) => ORG_HEAD_WORDS.has(w.fold))
      // "USS John C. Stennis", "IRIS Sahand": a ship is named after its prefix, whoever it is named for
      const ship = w0 > s0 && SHIP_PREFIXES.has(words[w0 - 1]!.text) && !covered[w0 - 1]
      if (free && ship) out.push({ w0: w0 - 1, w1, hint: 'ORG', by: 'ner', title: [] })
      else if (free) { const from = type === 'PER' ? givenNamesBefore(ctx, tags, s0, w0, covered) : w0; out.push({ w0: from, w1, hint: body ? 'ORG' : LABELS[type] ?? 'MISC', by: 'ner', title: titleBefore(ctx, from) }) }
      i = next
    }
    s0 = s1
  }
  return out
}
