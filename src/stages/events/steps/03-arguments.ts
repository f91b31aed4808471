import type { ActorRef, QuoteRecord } from '../../../doc/layers.js'
import type { Span } from '../../../doc/span.js'
import type { ActorIndex, ActorMention } from '../actors.js'
import { PASSIVE_RE } from '../events.data.js'
import { countryOfDemonym } from '../places.js'
import { isSymmetric } from '../../../plover/catalogue.js'
import type { Trigger } from './01-triggers.js'
import { TOWN_ID } from './03-syntax-args.js'
import { readingCache } from '../../../reading-caches.js'

/** Source, targets (one event each) and location of a trigger. */
export interface Args { readonly sources: readonly (ActorRef | null)[]; readonly targets: readonly (ActorRef | null)[]; readonly location: string | null; readonly locationRef: ActorRef | null }

/** The location's name, and its actor when it is an entity of the entities layer (rule-found names have `x:` ids). */
function placeOf(m: ActorMention | undefined | null): { location: string | null; locationRef: ActorRef | null } {
  const r = m?.ref ?? null
  return { location: r?.name ?? null, locationRef: r && m!.kind === 'name' && !/^x:/iu.test(r.actor) ? r : null }
}

/** What the argument readers need about the sentence. */
export interface ArgContext { readonly text: string; readonly idx: ActorIndex; readonly sent: Span; readonly quotes: readonly QuoteRecord[] }

const PLACE = new Set(['GPE', 'LOC', 'UNKNOWN'])
const inside = (m: Span, s: Span): boolean => m.start >= s.start && m.end <= s.end
const ROLE_OF = /\b(?:secretary|head|chief|commander|leader|minister|director|chairman|president|spokesman|spokesperson)\s+of\s+(?:the\s+)?$/iu

/** "a Shi'a shrine", "US-backed", "the Damascus attack": a name used as a modifier of another noun (a town's, of an act), never an argument. */
const isModifier = (c: ArgContext, m: ActorMention): boolean => /\b(?:a|an)\s+$/i.test(c.text.slice(Math.max(0, m.start - 4), m.start)) || c.text[m.end] === '-' ||
  ((m.type === 'LOC' || TOWN_ID.test(m.ref?.actor ?? '')) && /^\s+(?:\p{Ll}+\s+)?(?:attacks?|bombings?|blasts?|explosions?|strikes?|shootings?|massacres?|raids?)\b/u.test(c.text.slice(m.end, m.end + 30)))

/** The words opening a sentence before a nominal meeting that frames it ("In a (separate) meeting with", "During their phone call with", also after "According to X,"). */
const FRAMING_LEAD = /^\s*(?:[\p{L}\u2013\u2014 ]{0,20}[\u2013\u2014-]\s*)?(?:according\s+to\s+[^,;]{1,60},\s*)?(?:in|during|at)\s+(?:a|an|the|his|her|their|its)?\s*(?:[\p{Ll}-]+\s+){0,2}$/iu

/** A clause that claims something, then a break before a later clause ("… repeated the allegation since then, and"). */
const CLAIM_THEN_DENIAL = /^[^;]*?\b(?:said|says|confirmed|confirms|claimed|claims|alleged|alleges|accused|accuses|repeated|repeats|insisted|insists|reported|reports|allegations?|accusations?|charges?)\b[^;]*?(?:,\s*(?:and|but|while|which|although|though|whereas)\b|\bbut\b|;)/u

/** First-person words: the quotation's speaker is the actor ("We are ready …"). */
const FIRST_PERSON = /\b(?:I|[Ww]e|[Mm]y|[Oo]ur|us|[Mm]e)\b/
const words = (s: string): number => (s.match(/[A-Za-z0-9\u00c0-\u024f]+/g) ?? []).length

/** First word end of a trigger: objects inside a long trigger ("provided Russia with missiles") are searched from here. */
const headEnd = (t: Trigger): number => t.start + (/^\S+/u.exec(t.text)?.[0].length ?? t.text.length)

/** The actor of a mention, with "it"/"they" read as the nearest earlier subject in the same sentence. */
function refOf(c: ArgContext, m: ActorMention | null): ActorRef | null {
  if (!m) return null
  const r = c.idx.refOf(m)
  if (r || m.kind !== 'pronoun' || m.pron !== 'thing') return r
  // expletive "it" ("it was difficult to imagine …") stands for nothing
  if (/^\s+(?:is|was|would\s+be|will\s+be|has\s+been)\s+\p{Ll}+\s+(?:to|that)\b/u.test(c.text.slice(m.end, m.end + 40))) return null
  return c.idx.refOf(c.idx.subjectBefore(m.start, c.sent)) ?? null
}

/** "and" between two co-subjects, with a counterpart or a capitalised title between them ("A and his Russian counterpart B", "A and Russian Foreign Minister B"). */
const AND_RE = /^\s+and\s+(?:(?:the|his|her|its|their)\s+(?:\S+\s+){0,2}?(?:counterparts?|colleagues?|partners?|hosts?|guests?)\s+|(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){1,4})?(?:the\s+)?$/u

/** Co-subjects: "A and his counterpart, B, discussed" or "A and B imposed". */
function coSubjects(c: ArgContext, subj: ActorMention): ActorMention[] {
  const segs = c.idx.segments(c.sent)
  const seg = segs.find((s) => s.start <= subj.start && subj.start < s.end + 1)
  const out = [subj]
  if (!seg) return out
  // "A and B" inside one segment
  // (a nationality adjective is no co-subject: "A and his Pakistani counterpart B")
  const inSeg = c.idx.within(seg.start, seg.end).filter((m) => !c.idx.afterPreposition(m.start) && (m.type === 'PERSON' || !countryOfDemonym(c.text.slice(m.start, m.end))))
  const i = inSeg.indexOf(subj)
  const gapAfter = (a: ActorMention, b: ActorMention): string => c.text.slice(a.end, b.start)
  if (i >= 0 && inSeg[i + 1] && AND_RE.test(gapAfter(subj, inSeg[i + 1]))) out.push(inSeg[i + 1])
  if (i > 0 && AND_RE.test(gapAfter(inSeg[i - 1], subj))) out.unshift(inSeg[i - 1])
  // "A and his Russian counterpart, B," : the segment before ends with "and … counterpart"
  const k = segs.indexOf(seg)
  if (out.length === 1 && k > 0 && /\band\s+(?:his|her|its|their|the)\s+(?:\S+\s+){0,2}(?:counterparts?|colleagues?|partners?)\s*$/iu.test(c.text.slice(segs[k - 1].start, segs[k - 1].end))) {
    const a = c.idx.within(segs[k - 1].start, segs[k - 1].end).find((m) => !c.idx.afterPreposition(m.start))
    if (a) out.unshift(a)
  }
  // "A, the secretary of X, and his Russian counterpart B agreed": the first subject before the appositions
  if (out.length === 1 && /^\s*and\s+(?:his|her|its|their|the)\s+(?:\S+\s+){0,2}(?:counterparts?|colleagues?|partners?)\s+$/iu.test(c.text.slice(seg.start, subj.start))) {
    for (let j = k - 1; j >= 0; j--) {
      if (/^\s*(?:the|a|an)\s/iu.test(c.text.slice(segs[j].start, segs[j].end))) continue
      const a = c.idx.within(segs[j].start, segs[j].end).find((m) => !c.idx.afterPreposition(m.start))
      if (a) out.unshift(a)
      break
    }
  }
  return out
}

/** Speaker of the reporting verb before `pos` ("Salami stated that Israel would…"), or of the quote around it. */
function speakerAt(c: ArgContext, pos: number): ActorRef | null {
  const q = c.quotes.find((x) => x.start <= pos && pos < x.end)
  if (q) return q.speaker
  const last = c.idx.reportVerbs(c.sent.start, pos).at(-1)
  if (last) return refOf(c, c.idx.subjectBefore(last.start, c.sent))
  // postposed: "…, he asserted."
  const next = c.idx.reportVerbs(pos, c.sent.end)[0]
  return next ? refOf(c, c.idx.subjectBefore(next.start, { start: pos, end: next.start })) : null
}

/** Targets after the trigger: the first actor behind an allowed preposition; for CONSULT every person or body listed. */
function targetsAfter(c: ArgContext, t: Trigger, quote: QuoteRecord | undefined): { targets: ActorMention[]; places: ActorMention[]; clauseEnd: number } {
  const from = headEnd(t)
  // (a postposed attribution ends the clause: "met X in Tehran on Monday, the Kremlin said" — the Kremlin reports it)
  // (… and so does the main clause after a fronted phrase: "During his meeting with X, Y said that …")
  const stop = c.text.slice(from, c.sent.end).search(/\b(?:and|but)\s+(?:[a-z]+ed|pledged|said|told)\b|[;]|,\s+(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}(?:said|says|stated|added|noted|stressed|underlined|emphasized|emphasised|told)\s+(?:that\b|\p{Ll})|\bwhich\b(?!\s+(?:took\s+place|happened|occurred)\b)|\bwho\b|\bsaying\b|,\s+[^,;]{1,60}?\s(?:said|says|reported|reports|stated|added|noted|announced|confirmed)\b(?:\s+(?:on|in|at)\b[^,;]*)?\s*[.]?\s*$/u)
  const end = stop >= 0 ? from + stop : c.sent.end
  // an acronym in brackets repeats the name before it; an organisation before a title and a name only qualifies that person
  // (a body inside a phrase that names a person is no party of its own: "Iran's parliament speaker")
  const cands = c.idx.within(from, end).filter((m) => !c.quotes.some((q) => q !== quote && inside(m, q) && q.start > from + 3) && !isModifier(c, m) && c.text[m.start - 1] !== '(' && !c.idx.modifiesPerson(m) && !c.idx.nested(m))
  const places = cands.filter((m) => PLACE.has(m.type) && ['in', 'at', '', 'to', 'from', 'across', 'throughout'].includes(c.idx.prepBefore(m.start)))
  if (t.entry.type === 'CONSULT') {
    const list = cands.filter((m) => {
      if (/^['’]s\b/u.test(c.text.slice(m.end, m.end + 2))) return false
      const prep = c.idx.prepBefore(m.start)
      // "talks between Iran and Russia": both parties of "between", states included
      if (/between$/iu.test(t.text) && /^\s*(?:[^,;()]{1,60}?\s+and\s+)?(?:the\s+)?$/iu.test(c.text.slice(t.end, m.start))) return true
      // "the chief of staff (Lieutenant General) X": a title before the name, not "the wife of X"
      if (m.type === 'PERSON') return (prep !== 'of' && prep !== 'in') || /\b(?:[Ss]taff|[Ss]tate|[Dd]efen[cs]e|[Ss]ecurity|[Aa]ffairs)\s+(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u.test(c.text.slice(Math.max(0, m.start - 48), m.start))
      if (prep === 'of' || c.idx.afterPreposition(m.start)) {
        // "the secretary of X": X stands for its unnamed officer, unless the officer is named or already resolved
        const window = c.text.slice(Math.max(0, m.start - 40), m.start).replace(/\S+['’]s\s+$/u, '')
        const officer = cands.some((o) => o.type === 'PERSON' && o.end <= m.start && o.end >= m.start - 40 && ROLE_OF.test(c.text.slice(o.start, m.start).replace(/\S+['’]s\s+$/u, '')))
        return ROLE_OF.test(window) && !officer && !/^\s*,\s*\p{Lu}/u.test(c.text.slice(m.end, m.end + 4))
      }
      // "leaders, including X": the named member is the party, not the group
      if (/^,?\s+including\b/u.test(c.text.slice(m.end, m.end + 12))) return false
      // what is discussed is the topic, not a party ("discussed the nuclear deal with X": X)
      return ((m.type === 'ORG' || m.type === 'GROUP') && prep === '' && t.entry.mode !== 'discuss') || prep === 'with'
    })
    // a list starts right after the trigger and stays near it ("met A, B and C"), never far down the sentence
    const reach = t.entry.adjacentTarget ? (list[0] && list[0].type === 'PERSON' && words(c.text.slice(from, list[0].start)) <= 2 ? 120 : -1) : 120
    const near = list[0] && list[0].start - from <= reach ? list.filter((m) => m.start - from <= 240) : []
    return { targets: near, places, clauseEnd: end }
  }
  const rest = c.text.slice(t.end, end)
  const cut = rest.search(/[,;:]\s|\b(?:that|which|who|while|whereas)\b/u)
  const segEnd = cut >= 0 ? t.end + cut : end
  // "denied supplying Moscow with drones": an actor inside a gerund clause is no object of the trigger
  const gerund = /^\s+(?:\p{Ll}+ly\s+)?\p{Ll}+ing\s/u.test(c.text.slice(t.end, segEnd))
  let first = cands.find((m) => m.start < segEnd && !(t.entry.type === 'ASSAULT' && t.entry.pos === 'verb' && /^['’]s\b/u.test(c.text.slice(m.end, m.end + 3))) && t.entry.targetPreps.includes(c.idx.prepBefore(m.start)) && (c.idx.prepBefore(m.start) !== '' || (words(c.text.slice(from, m.start)) <= 8 && !gerund)))
  const person = first && first.type !== 'PERSON' ? cands.find((m) => m.start > first!.end && m.type === 'PERSON' && /^\s+(?:\p{Ll}+\s+){1,3}$/u.test(c.text.slice(first!.end, m.start))) : undefined
  if (person) first = person
  // "with the (democratic) government in Kyiv": the government stands for its place
  // only in the first phrase the entry's prepositions open ("with the government in X"), not anywhere later
  const preps = t.entry.targetPreps.filter(Boolean).join('|')
  const firstPrep = preps ? new RegExp(`\\b(?:${preps})\\s+`, 'iu').exec(c.text.slice(from, segEnd)) : null
  // or in a later phrase of the same list ("to the families of the victims and to the people of X")
  const gov = first || !firstPrep ? undefined : c.idx.within(from, segEnd).find((m) => {
    const phrase = c.text.slice(from + firstPrep.index, m.start)
    return /^\S+\s+(?:the\s+)?(?:\p{Ll}+\s+)?(?:government|authorities|leadership|administration|people|nation)\s+(?:and\s+the\s+people\s+)?(?:in|of)\s+$/iu.test(phrase) ||
      /\band\s+(?:to|for|with)\s+the\s+(?:\p{Ll}+\s+)?(?:government|authorities|leadership|people|nation)\s+(?:in|of)\s+$/iu.test(phrase)
  })
  // a nationality adjective stands for its country: in what is requested or supplied, or after "against"/"on"
  const aimed = /\b(?:against|on)\s+(?=\p{Lu}\p{Ll}+\s+\p{Ll})/u.exec(c.text.slice(from, segEnd))
  const demonym = first || gov ? undefined
    : aimed ? c.idx.demonymAfter(from + aimed.index + aimed[0].length, segEnd)
    : ['REQUEST', 'AID'].includes(t.entry.type) ? c.idx.demonymAfter(from, Math.min(segEnd, from + 40))
    : withDemonym(c, from, segEnd, t.entry.targetPreps)
  return { targets: first ? [first] : gov ? [gov] : demonym ? [demonym] : [], places, clauseEnd: clauseEndAfter(c, t.end, end) }
}

/** End of the trigger's clause for its location: the next clause-joining "as", "while" or a comma before a new clause ("which took place in X" still tells the event). */
function clauseEndAfter(c: ArgContext, from: number, end: number): number {
  const k = c.text.slice(from, end).search(/,\s+(?:as|while|when|after|before|where|which(?!\s+(?:took\s+place|happened|occurred)\b)|who|but|and)\b|\s(?:as|while|whereas)\s/u)
  return k >= 0 ? from + k : end
}

/** The pattern of `withDemonym` per set of target prepositions (a handful of lexicon entries share each). */
const DEMONYM_AFTER = new Map<string, RegExp>()
readingCache(() => DEMONYM_AFTER.clear())

/**
 * "with our Iranian friends", "with the Russian side", "condolences to the Turkish nation": a nationality adjective
 * before a word for a state's side, people or government, after one of the trigger's target prepositions, stands for
 * its country.
 */
function withDemonym(c: ArgContext, from: number, end: number, preps: readonly string[]): ActorMention | undefined {
  const p = preps.filter((x) => /^[a-z]+$/u.test(x)).join('|')
  if (!p) return undefined
  let re = DEMONYM_AFTER.get(p)
  if (!re) DEMONYM_AFTER.set(p, (re = new RegExp(`\\b(?:${p})\\s+(?:our|their|its|his|her|the)\\s+(?=\\p{Lu}\\p{Ll}+\\s+(?:friends|partners|colleagues|counterparts|side|allies|brothers|people|nation|government|authorities|leadership)\\b)`, 'u')))
  const w = re.exec(c.text.slice(from, end))
  return w ? c.idx.demonymAfter(from + w.index + w[0].length, end) : undefined
}

/** A concluded agreement ("signed a deal", "completed an agreement"): an act of both its parties, like a meeting. */
const signing = (t: Trigger): boolean => t.entry.type === 'SUPPORT' && (t.entry.mode === 'sign' || /^(?:sign|ink)/iu.test(t.text))

/**
 * The mention right before "'s" and the trigger ("Iran's attack"): the first mention ending where the "'s " before
 * `pos` starts. The "'s" is looked for from `pos` backwards, so the mention list is searched only when one stands
 * there (a page with 100,000 mentions is not sliced for every trigger).
 */
function possessorBefore(c: ArgContext, pos: number): ActorMention | undefined {
  let k = pos
  while (k > 0 && /\s/u.test(c.text[k - 1]!)) k--
  if (k === pos || k < 2 || c.text[k - 1] !== 's' || (c.text[k - 2] !== "'" && c.text[k - 2] !== '’')) return undefined
  const end = k - 2
  return c.idx.mentions.find((m) => m.end === end)
}

/** Reads the arguments of one trigger. */
export function readArgs(c: ArgContext, t: Trigger): Args {
  const quote = c.quotes.find((q) => q.start <= t.start && t.start < q.end)
  const { targets, places, clauseEnd } = targetsAfter(c, t, quote)
  // the location is said in the trigger's own clause ("promised X …, as Y struggled … in Z": Z is not where the promise was made)
  let location = places.find((p) => p.start < clauseEnd && (['in', 'at', 'across', 'throughout'].includes(c.idx.prepBefore(p.start)) || (t.entry.type === 'RETREAT' && c.idx.prepBefore(p.start) === 'from')))
    ?? c.idx.within(headEnd(t), clauseEnd).find((m) => PLACE.has(m.type) && /\b(?:city|town|village|province|region|port)\s+of\s+$/iu.test(c.text.slice(Math.max(0, m.start - 20), m.start)))
  let sources: (ActorMention | null)[] = []
  let tgts: (ActorRef | null)[] = []
  if (t.entry.speakerSource) {
    // the threatened party is the subject of the trigger's own clause (or of the clause just before a quotation)
    const near = (from: number): ActorMention | null => { const segs = c.idx.segments({ start: from, end: t.start }); return c.idx.subjectBefore(t.start, { start: segs.at(-2)?.start ?? from, end: t.start }) }
    const subj = quote ? near(quote.start) ?? near(c.sent.start) : near(c.sent.start)
    const speaker = speakerAt(c, t.start)
    const target = t.entry.targetPreps.length ? refOf(c, targets[0] ?? null) : refOf(c, subj)
    return { sources: [speaker], targets: [target && target.actor !== speaker?.actor ? target : null], ...placeOf(location) }
  }
  const possessor = possessorBefore(c, t.start)
  if (t.entry.pos === 'noun') {
    const by = c.idx.after(t.end, c.sent).find((x) => x.prep === 'by')?.m
    const between = /between$/iu.test(t.text) ? targets.slice(0, 2) : null
    if (between && between.length === 2) return { sources: [c.idx.refOf(between[0])], targets: [c.idx.refOf(between[1])], ...placeOf(location) }
    // "a visit by (or of) X to Y": the visitor, then where or whom they visited
    if (t.entry.type === 'CONSULT' && t.entry.mode === 'visit' && /^\s+(?:by|of)\s/iu.test(c.text.slice(t.end, t.end + 5))) {
      const after = c.idx.after(t.end, c.sent)
      // (a body before a title and a name only qualifies the person: "the visit of IAEA chief X")
      const visitor = after.find((x) => (x.prep === 'by' || x.prep === 'of') && !c.idx.modifiesPerson(x.m))?.m
      const host = visitor ? after.find((x) => x.prep === 'to' && x.m.start > visitor.end)?.m : undefined
      if (visitor && host) return { sources: [refOf(c, visitor)], targets: [refOf(c, host)], ...placeOf(PLACE.has(host.type) ? host : location) }
    }
    if (/^calls\s+from/iu.test(t.text)) { const f = c.idx.within(t.end, c.sent.end)[0]; sources = [f ?? null] }
    else if (possessor || by) sources = [possessor ?? by ?? null]
    else if (t.entry.type !== 'ASSAULT' && t.entry.type !== 'PROTEST') {
      // a quoted fragment inside a sentence ("X said Y was “ready to share …”") takes the clause's subject; first-person speech its speaker
      const firstPerson = quote && FIRST_PERSON.test(c.text.slice(quote.start, t.start))
      // "In a meeting with X, Y said …", "During a phone call with X, Y …": the meeting framing the sentence is held by its main subject
      const framing = t.entry.type === 'CONSULT' && !quote && FRAMING_LEAD.test(c.text.slice(c.sent.start, t.start)) ? c.idx.sentenceSubject(c.sent, c.quotes) : null
      const subj = framing ?? (!quote ? c.idx.subjectBefore(t.start, c.sent, c.quotes) : quote.start > c.sent.start && !firstPerson ? c.idx.subjectBefore(quote.start, c.sent, c.quotes) : null)
      sources = subj ? coSubjects(c, subj) : [null]
    }
  } else {
    const decider = /['’]s\s+(?:\p{Ll}+\s+)?(?:decision|plan|move|offer|readiness|willingness|attempt|bid)\s+to\s+$/u.exec(c.text.slice(Math.max(c.sent.start, t.start - 40), t.start))
    const owner = decider ? c.idx.mentions.find((m) => m.end === t.start - decider[0].length) : undefined
    if (owner) return { sources: [c.idx.refOf(owner)], targets: targets.map((m) => refOf(c, m)).concat(targets.length ? [] : [null]), ...placeOf(location) }
    const firstPerson = quote && FIRST_PERSON.test(c.text.slice(quote.start, t.start))
    const subj = quote ? (c.idx.subjectBefore(t.start, { start: quote.start, end: t.start }) ?? (firstPerson ? null : c.idx.subjectBefore(t.start, c.sent))) : c.idx.subjectBefore(t.start, c.sent, c.quotes)
    // passive ("X was arrested by Y"): the subject is the target, the "by" phrase the source ("X is backing Y", "have been
    // arming": a form of "be" before an -ing word is the progressive, active)
    if (PASSIVE_RE.test(c.text.slice(Math.max(c.sent.start, t.start - 20), t.start)) && !/^\p{L}+ing\b/iu.test(t.text) && !quote) {
      const after = c.idx.after(t.end, c.sent, true)
      const k = after.findIndex((x) => x.prep === 'by')
      // "condemned by Russia and China": each agent of a coordination
      const agents: (ActorMention | null)[] = k < 0 ? [null] : [after[k]!.m]
      for (let j = k + 1; k >= 0 && j < after.length && /^\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$/u.test(c.text.slice(after[j - 1]!.m.end, after[j]!.m.start)); j++) agents.push(after[j]!.m)
      return { sources: agents.map((m) => refOf(c, m)), targets: [refOf(c, subj)], ...placeOf(location) }
    }
    // "the two sides met": each other's party; "both countries condemned X": each of them acts on X
    const pair = subj ? c.idx.pairOf(subj) : null
    if (pair && (isSymmetric(t.entry.type) || signing(t))) return { sources: [pair[0]], targets: [pair[1]], ...placeOf(location) }
    if (pair) {
      const on = targets.map((m) => refOf(c, m)).filter((r): r is ActorRef => !!r && !pair.some((p) => p.actor === r.actor))
      return { sources: pair, targets: on.length ? on : [null], ...placeOf(location) }
    }
    sources = subj ? coSubjects(c, subj) : [null]
  }
  let srcRefs = sources.map((m) => refOf(c, m))
  // (never for an attack named as a noun: "“We condemn the U.S. missile attacks …”" are not the speaker's)
  if (quote && srcRefs.every((r) => !r) && !(t.entry.type === 'ASSAULT' && t.entry.pos === 'noun') && FIRST_PERSON.test(c.text.slice(quote.start, quote.end))) srcRefs = [quote.speaker]
  // meetings, and agreements, cooperation and signings with no one else named, are between the co-subjects ("A and B signed a deal")
  const mutual = t.entry.type === 'CONSULT' || ((isSymmetric(t.entry.type) || signing(t)) && !targets.length)
  tgts = mutual && srcRefs.length > 1 ? [] : targets.map((m) => refOf(c, m))
  // "A and B discussed" / "A and his counterpart, B, met" / "A and B agreed to": the second subject is the other party
  if (mutual && srcRefs.length > 1 && !tgts.length) { tgts = [srcRefs[1]]; srcRefs = [srcRefs[0]] }
  // a visit to a place with no one named: the place is the target and the location (what is discussed "in X" is the topic's place, no party)
  if (t.entry.type === 'CONSULT' && t.entry.mode !== 'discuss' && !tgts.length && places[0]) { tgts = [places[0].ref]; location = location ?? places[0] }
  if (t.entry.type === 'CONSULT' && t.entry.mode === 'visit' && places[0] && !location) location = places[0]
  if (t.entry.type === 'PROTEST' && location) tgts = [location.ref]
  // "withdrew from the Iran nuclear deal", "pulled out of the agreement with Iran": the other party the deal is named with
  if (t.entry.type === 'SANCTION' && t.entry.mode === 'withdraw' && !tgts.some((r) => r)) {
    // (after the "from"/"of" that names the deal: "withdrew the U.S. from the Iran nuclear deal" withdraws the U.S., no party)
    const from = t.start + Math.max(0, t.text.search(/\b(?:from|of)\s/iu))
    const party = c.idx.within(from, Math.min(c.sent.end, t.end + 40)).find((m) => m.type === 'GPE' && (m.end <= t.end || /^\s*(?:,\s*)?(?:with|between)\s+(?:the\s+)?$/iu.test(c.text.slice(t.end, m.start))) && !srcRefs.some((x) => x?.actor === refOf(c, m)?.actor))
    if (party) tgts = [refOf(c, party)]
  }
  // a denial answers the claim of the clause before it
  // ("Y repeated the claim, and X rejected it": "it" is the claim, its author the target)
  // (only when that subject makes a claim in a clause of its own before the denial's: "Russia and China rejected", "X's envoy
  // noted that Russia rejects" name no claimant)
  if (t.entry.type === 'REJECT' && !tgts.some((r) => r && !srcRefs.some((x) => x?.actor === r.actor))) {
    const s = c.idx.sentenceSubject(c.sent, c.quotes)
    const r = refOf(c, s)
    if (r && s!.end <= t.start && CLAIM_THEN_DENIAL.test(c.text.slice(s!.end, t.start)) && !srcRefs.some((x) => x?.actor === r.actor)) tgts = [r]
  }
  if (quote && !tgts.length && t.entry.type === 'SUPPORT') tgts = [addressee(c, quote)]
  return { sources: srcRefs.length ? srcRefs : [null], targets: tgts.length ? tgts : [null], ...placeOf(location) }
}

/** The listener of a quotation: the object of "told X" right after it. */
function addressee(c: ArgContext, q: QuoteRecord): ActorRef | null {
  const k = c.text.slice(q.end, c.sent.end).search(/\btold\s+/u)
  if (k < 0) return null
  const target = c.idx.within(q.end + k + 5, c.sent.end)[0]
  return target ? c.idx.refOf(target) : null
}
