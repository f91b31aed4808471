import type { EntityType } from '../../../doc/layers.js'
import { typeOf, type Ctx, type Hit } from '../context.js'
import { BODY_OF_PLACE, ENVOY_BODIES, INITIAL, NAME_CONNECTORS, NOT_NAMES, ORG_HEAD_WORDS, PLACE_PREPOSITIONS, SPEECH_VERBS, TITLES, isRankOrOffice } from '../entities.data.js'
import { titleBefore } from './03-resolve-kb.js'
import { readingCache } from '../../../reading-caches.js'

/** A name-like span not found in the KB, with what its context says about its type. */
export interface Candidate { w0: number; w1: number; hint: EntityType | 'MISC'; by: 'ner' | 'rule'; title: string[] }

const isNameWord = (ctx: Ctx, k: number): boolean => {
  const w = ctx.words[k]
  return !!w && w.cap && /\p{L}/u.test(w.text) && !NOT_NAMES.has(w.fold) && !ctx.kb.demonym(w.fold)
}

/** True when words [w0, w1) are initials alone ("A." before a surname the knowledge base names): no name by themselves. */
export const onlyInitials = (ctx: Ctx, w0: number, w1: number): boolean => ctx.words.slice(w0, w1).every((w) => INITIAL.test(w.text))

/** Office nouns of the role table ("supreme leader", "leader of the islamic revolution"), per knowledge base. */
let officeNouns = new WeakMap<object, Set<string>>()
readingCache(() => { officeNouns = new WeakMap() })

/**
 * True when words [w0, w1) are a title and no name: an office noun of the role table or its end ("Supreme Leader",
 * "Leader of the Islamic Revolution"), or a run ending on a rank or office word with no "of" and no body's head word in it ("Foreign
 * Minister"; "Office of the Supreme Leader" is a body).
 */
export function titleOnly(ctx: Ctx, w0: number, w1: number, runs = true): boolean {
  let nouns = officeNouns.get(ctx.kb.offices)
  if (!nouns) officeNouns.set(ctx.kb.offices, (nouns = new Set([...ctx.kb.offices.values()].flatMap((o) => o.nouns))))
  const ws = ctx.words.slice(w0, w1)
  // (also the end of one: "Islamic Revolution" in "the Leader of the Islamic Revolution")
  let key = ws.map((w) => w.fold).join(' ')
  for (let k = w0; k >= Math.max(0, w0 - 4) && ctx.words[k]!.sent === ctx.words[w0]!.sent; k--) {
    if (k < w0) key = `${ctx.words[k]!.fold} ${key}`
    if (nouns.has(key)) return true
  }
  return runs && isRankOrOffice(ws[ws.length - 1]!.fold) && !ws.some((w) => w.fold === 'of' || ORG_HEAD_WORDS.has(w.fold))
}

/**
 * Capitalised word runs outside KB hits (the fallback when no NER model is loaded, and for names NER misses):
 * connectors join them ("University of the Revolution"); a leading demonym or title is left out; a lone
 * sentence-initial word counts only when the document also writes it capitalised mid-sentence.
 */
export function ruleCandidates(ctx: Ctx, covered: Uint8Array): Candidate[] {
  const { words } = ctx
  const out: Candidate[] = []
  const midCaps = new Set(words.filter((w) => w.cap && !w.first).map((w) => w.fold))
  const midLower = new Set(words.filter((w) => !w.cap && !w.first).map((w) => w.fold))
  for (let i = 0; i < words.length; i++) {
    // "Officials of the X Committee met": a sentence's first word that the page writes in lower case elsewhere, and never
    // capitalised mid-sentence, is no part of the name its connector leads to
    if (words[i]!.first && midLower.has(words[i]!.fold) && !midCaps.has(words[i]!.fold) && NAME_CONNECTORS.has(words[i + 1]?.fold ?? '')) continue
    // a title or a demonym never starts a name ("Gen. X", "Iranian X"): the name starts after it
    if (covered[i] || !isNameWord(ctx, i) || words[i]!.fold in TITLES || ctx.kb.demonym(words[i]!.fold)) continue
    let j = i + 1
    for (;;) {
      // "Navy Commander Rear Admiral X", "Security Council Secretary X": a run of ranks or offices before a name ends the
      // body's name; the person is named after it
      if (j < words.length && titleRunBeforeName(ctx, j)) break
      if (j < words.length && !covered[j] && words[j]!.sent === words[i]!.sent && isNameWord(ctx, j)) { j++; continue }
      let k = j
      while (k < words.length && k - j < 2 && NAME_CONNECTORS.has(words[k]!.fold) && !words[k]!.cap) k++
      if (k > j && k < words.length && !covered[k] && words[k]!.sent === words[i]!.sent && isNameWord(ctx, k)) { j = k + 1; continue }
      break
    }
    if ((j - i === 1 && words[i]!.first && !midCaps.has(words[i]!.fold)) || onlyInitials(ctx, i, j)) { i = j - 1; continue }
    // "General Staff": a title word that starts a state body's name does not make the next word a person
    if (j - i === 1 && i > 0 && ctx.kb.heads.has(`${words[i - 1]!.fold} ${words[i]!.fold}`)) { i = j - 1; continue }
    // ("the Supreme Leader", "Iran's Foreign Minister": a title after a determiner or a possessive is no personal name, unlike "John Major")
    const determined = i > 0 && /^(?:the|a|an|his|her|its|their|our|'s|’s)$/u.test(words[i - 1]!.fold)
    if (!titleOnly(ctx, i, j, determined)) out.push({ w0: i, w1: j, hint: typeHint(ctx, i, j), by: 'rule', title: titleBefore(ctx, i) })
    i = j - 1
  }
  return out
}

/** True when word k opens a run of rank or office titles that a personal name follows ("Commander Rear Admiral Hossein …"). */
function titleRunBeforeName(ctx: Ctx, k: number): boolean {
  const { words } = ctx
  if (!isRankOrOffice(words[k]!.fold)) return false
  let m = k
  while (m < words.length && words[m]!.sent === words[k]!.sent && words[m]!.cap && words[m]!.fold in TITLES) m++
  // ("General Staff" is a body's name, not a rank before a name)
  return m < words.length && words[m]!.sent === words[k]!.sent && isNameWord(ctx, m) && !ORG_HEAD_WORDS.has(words[m]!.fold) && !ctx.kb.heads.has(`${words[m - 1]!.fold} ${words[m]!.fold}`)
}

/** What the context says the span is: an org head word, a title, a verb of saying, a place preposition. */
export function typeHint(ctx: Ctx, w0: number, w1: number): EntityType | 'MISC' {
  const { words } = ctx
  if (w1 - w0 > 1 && words.slice(w0, w1).some((w) => ORG_HEAD_WORDS.has(w.fold))) return 'ORG'
  if (titleBefore(ctx, w0).length) return 'PERSON'
  const next = words[w1]?.fold ?? ''
  if (SPEECH_VERBS.has(next) || (next === ',' && ['who', 'the', 'a'].includes(words[w1 + 1]?.fold ?? ''))) return w1 - w0 <= 3 ? 'PERSON' : 'MISC'
  const last = words[w1 - 1]!.fold
  if (w1 - w0 >= 2 && capCount(ctx).get(last)! > 1) return 'PERSON'
  if (w1 - w0 === 1 && PLACE_PREPOSITIONS.has(words[w0 - 1]?.fold ?? '')) return 'LOC'
  return 'MISC'
}

let capCounts = new WeakMap<Ctx, Map<string, number>>()
readingCache(() => { capCounts = new WeakMap() })
/** How often each capitalised word occurs in the document (a surname recurs alone). */
function capCount(ctx: Ctx): Map<string, number> {
  let m = capCounts.get(ctx)
  if (!m) { m = new Map(); for (const w of ctx.words) if (w.cap) m.set(w.fold, (m.get(w.fold) ?? 0) + 1); capCounts.set(ctx, m) }
  return m
}

/** Marks the words covered by kept hits. */
export function coverage(ctx: Ctx, hits: readonly Hit[]): Uint8Array {
  const c = new Uint8Array(ctx.words.length)
  for (const h of hits) if (!h.dropped) for (let k = h.w0; k < h.w1; k++) c[k] = 1
  return c
}

/**
 * "Trade Promotion Organization Mohammadreza Modoudi", "Central Bank Governor Valiollah Seif": a tagger's organisation
 * that runs on past a body's head word or an office into two to four plain capitalised words is a body (or a title)
 * and the person it names. The person becomes a candidate of its own; the body keeps its words up to its
 * head word, a title alone is dropped (it stays the person's title). So are the office words a body's name ends on
 * right before a person the tagger found ("National Assembly Speaker" + "Chung Sye-kyun").
 */
export function splitTitledPeople(ctx: Ctx, cands: Candidate[]): void {
  const { words } = ctx
  const plain = (k: number): boolean => isNameWord(ctx, k) && !(words[k]!.fold in TITLES) && !ORG_HEAD_WORDS.has(words[k]!.fold) && !NAME_CONNECTORS.has(words[k]!.fold)
  const out: Candidate[] = []
  const personAt = new Set(cands.filter((c) => c.hint === 'PERSON').map((c) => c.w0))
  /** Where a body's name ends before word e: back over the office words that are no body's head word ("Central Bank Governor": "Central Bank"). */
  const bodyEnd = (w0: number, e: number): number => { while (e > w0 && isRankOrOffice(words[e - 1]!.fold) && !ORG_HEAD_WORDS.has(words[e - 1]!.fold)) e--; return e }
  for (const c of cands) {
    // "National Assembly Speaker | Chung Sye-kyun": the office words a body's name ends on, right before a person, are that person's title
    if (c.hint !== 'PERSON' && personAt.has(c.w1) && isRankOrOffice(words[c.w1 - 1]!.fold)) {
      const b = bodyEnd(c.w0, c.w1)
      if (b > c.w0 && !titleOnly(ctx, c.w0, b, false)) out.push({ ...c, w1: b })
      continue
    }
    if (c.hint === 'PERSON' || c.w1 - c.w0 < 4) { out.push(c); continue }
    let k = c.w1 - 1
    while (k > c.w0 && plain(k)) k--
    const tail = c.w1 - 1 - k
    const at = words[k]!.fold
    if (tail < 2 || tail > 4 || !(ORG_HEAD_WORDS.has(at) || isRankOrOffice(at)) || !words[k]!.cap) { out.push(c); continue }
    // the body's end: its head word, past the office words after it ("Central Bank Governor X": "Central Bank")
    const b = bodyEnd(c.w0, k + 1)
    if (b > c.w0 && !titleOnly(ctx, c.w0, b, false)) out.push({ ...c, w1: b, hint: 'ORG' })
    out.push({ w0: k + 1, w1: c.w1, hint: 'PERSON', by: c.by, title: words.slice(b, k + 1).map((w) => w.fold) })
  }
  cands.splice(0, cands.length, ...out)
}

/**
 * One body's name that the knowledge base's shorter names cut in pieces is one candidate: a run ending on a body's
 * head word is a body (whatever a tagger made of it), with the capitalised words before it that nothing else claims;
 * a body the KB knows, or the state it is named after, right before such a run ("United Nations" + "Interim Force",
 * "Iran" + "Aviation Industries Organization"); a run before a one-word body name of the KB ("Syrian National
 * Dialogue" + "Congress"); and a run ending on a body's head word followed by the place it belongs to ("… Committee"
 * + "of Yemen", "… Organization" + "of the Islamic Republic of Iran"). The pieces the KB matched are dropped; the
 * candidate is an organisation.
 */
export function joinBodyNames(ctx: Ctx, cands: Candidate[]): void {
  const { words } = ctx
  // the live resolved hits by first and by end word, and the words a hit or a candidate claims, built once (a page
  // may hold thousands of hits); a hit dropped below is absorbed by a candidate, whose words are claimed in its turn
  const starts = new Map<number, Hit[]>(), ends = new Map<number, Hit[]>()
  const claimed = new Uint8Array(words.length)
  const claim = (w0: number, w1: number): void => { for (let k = w0; k < w1; k++) claimed[k] = 1 }
  for (const h of ctx.hits) {
    if (h.dropped) continue
    claim(h.w0, h.w1)
    if (!h.actor) continue
    starts.set(h.w0, [...(starts.get(h.w0) ?? []), h])
    ends.set(h.w1, [...(ends.get(h.w1) ?? []), h])
  }
  for (const c of cands) claim(c.w0, c.w1)
  const hitAt = (w0: number): Hit | undefined => starts.get(w0)?.find((h) => !h.dropped)
  const hitEndingAt = (w1: number): Hit | undefined => ends.get(w1)?.find((h) => !h.dropped)
  const sameSentence = (a: number, b: number): boolean => words[a]!.sent === words[b - 1]!.sent
  const headed = (w1: number): boolean => ORG_HEAD_WORDS.has(words[w1 - 1]!.fold) && words[w1 - 1]!.cap
  const free = (k: number): boolean => k >= 0 && !claimed[k]
  /** Word k is capitalised, in the sentence of word w, a letter word, not one of NOT_NAMES, and claimed by nothing: a body's name may take it in. */
  const freeName = (k: number, w: number): boolean => k >= 0 && k < words.length && words[k]!.cap && words[k]!.sent === words[w]!.sent && /\p{L}/u.test(words[k]!.text) && !NOT_NAMES.has(words[k]!.fold) && free(k)
  // candidates a longer body absorbed
  const gone = new Set<Candidate>()
  for (const c of cands) {
    if (gone.has(c)) continue
    // "… Industries Organization": a name ending on a body's head word is a body whatever a tagger made of it, and the
    // capitalised words right before it that nothing else claims are part of it ("Aviation")
    if (headed(c.w1) && c.hint === 'PERSON') c.hint = 'ORG'
    if (c.hint === 'PERSON') continue
    if (headed(c.w1)) while (freeName(c.w0 - 1, c.w1 - 1) && !words[c.w0 - 1]!.first && !(words[c.w0 - 1]!.fold in TITLES)) c.w0--
    // "the Syrian Constitutional Committee": a body's name keeps the demonym right before it (a person's never does)
    if (headed(c.w1) && c.w1 - c.w0 > 1 && c.w0 > 0 && words[c.w0 - 1]!.cap && sameSentence(c.w0 - 1, c.w1) && ctx.kb.demonym(words[c.w0 - 1]!.fold) && !hitEndingAt(c.w0)) { c.w0--; c.hint = 'ORG' }
    // "the National Security and Foreign Policy Committee", "the Energy and Water Commission": the capitalised words
    // before "and" (a candidate of their own, or words nothing claims) belong to the body; never a name the KB knows
    const capFree = (k: number): boolean => freeName(k, c.w1 - 1) && !words[k]!.first
    let a = c.w0
    if (headed(c.w1)) while (capFree(a - 1)) a--
    if (headed(c.w1) && a >= 2 && (words[a - 1]!.fold === 'and' || words[a - 1]!.text === '&') && sameSentence(a - 2, c.w1)) {
      const piece = cands.find((d) => d !== c && !gone.has(d) && d.w1 === a - 1 && words.slice(d.w0, d.w1).every((w) => w.cap))
      let b = piece ? piece.w0 : a - 1
      if (!piece) while (capFree(b - 1)) b--
      if (b < a - 1) { if (piece) gone.add(piece); c.w0 = b; c.hint = 'ORG'; c.title = [] }
    }
    const before = hitEndingAt(c.w0)
    const beforeType = before ? typeOf(ctx, before.actor!) : null
    // "United Nations" + "Interim Force"; "Iran" + "Aviation Industries Organization" (a body named after its state)
    if (before && (beforeType === 'ORG' || beforeType === 'GPE') && headed(c.w1) && sameSentence(before.w0, c.w1)) { before.dropped = true; c.w0 = before.w0; c.hint = 'ORG' }
    const after = hitAt(c.w1)
    if (after && after.w1 - after.w0 === 1 && typeOf(ctx, after.actor!) === 'ORG' && headed(after.w1) && sameSentence(c.w0, after.w1)) { after.dropped = true; c.w1 = after.w1; c.hint = 'ORG' }
    if (headed(c.w1) && c.w1 < words.length && BODY_OF_PLACE.has(words[c.w1]!.fold)) {
      const k = words[c.w1 + 1]?.fold === 'the' ? c.w1 + 2 : c.w1 + 1
      const place = k < words.length ? hitAt(k) : undefined
      const type = place ? typeOf(ctx, place.actor!) : null
      if (place && (type === 'GPE' || type === 'LOC') && sameSentence(c.w0, place.w1)) { place.dropped = true; c.w1 = place.w1; c.hint = 'ORG' }
    }
    // "Council | on | Foreign Relations", "Organization | for | Islamic Culture": a body's name runs on through a
    // preposition into the capitalised name a tagger found after it (not a knowledge-base name: "… of Iran" is a place)
    if (c.hint === 'ORG' && headed(c.w1) && c.w1 + 1 < words.length && /^(?:on|for|of)$/u.test(words[c.w1]!.fold)) {
      let e = words[c.w1 + 1]!.fold === 'the' ? c.w1 + 2 : c.w1 + 1
      const tails: Candidate[] = []
      for (;;) {
        const d = cands.find((x) => x !== c && !gone.has(x) && x.w0 === e && x.hint !== 'PERSON' && words.slice(x.w0, x.w1).every((w) => w.cap || NAME_CONNECTORS.has(w.fold)))
          ?? cands.find((x) => x !== c && !gone.has(x) && x.w0 === e && x.w1 - x.w0 === 1 && words[e]!.cap)
        if (d && sameSentence(c.w0, d.w1)) { tails.push(d); e = d.w1; continue }
        if (freeName(e, c.w0)) { e++; continue }
        break
      }
      // (a tail the tagger found is needed: capitalised words alone may open the next clause)
      if (tails.length) { for (const d of tails) gone.add(d); c.w1 = e }
    }
    // "Permanent Mission of Iran | to the United Nations": an envoy body's name holds the body it is sent to
    if (c.hint === 'ORG' && c.w1 < words.length && words[c.w1]!.fold === 'to' && words.slice(c.w0, c.w1).some((w) => w.cap && ENVOY_BODIES.has(w.fold))) {
      const k = words[c.w1 + 1]?.fold === 'the' ? c.w1 + 2 : c.w1 + 1
      const body = k < words.length ? hitAt(k) : undefined
      if (body && typeOf(ctx, body.actor!) === 'ORG' && sameSentence(c.w0, body.w1)) { body.dropped = true; c.w1 = body.w1 }
    }
    claim(c.w0, c.w1)
  }
  if (gone.size) cands.splice(0, cands.length, ...cands.filter((c) => !gone.has(c)))
}
