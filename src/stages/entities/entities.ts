import type { Doc } from '../../doc/doc.js'
import type { Entity, Mention, Sentence, Token } from '../../doc/layers.js'
import type { Message } from '../../doc/span.js'
import { defineStage } from '../../doc/stage.js'
import type { Kb } from '../../kb/index.js'
import type { Ctx } from './context.js'
import { loadNerOrNull, type LoadedNer } from './ner-loader.js'
import { buildWords } from './steps/01-words.js'
import { matchGazetteer } from './steps/02-gazetteer.js'
import { extendToFullNames, resolveKbHits } from './steps/03-resolve-kb.js'
import { findBodies } from './steps/04-bodies.js'
import { coverage, joinBodyNames, ruleCandidates, splitTitledPeople } from './steps/05-candidates.js'
import { isNoName } from './steps/05b-not-names.js'
import { forgetPeople, joinBracketAcronyms, joinShortNamesToFullNames, resolveCandidate, runOnToEarlierPerson } from './steps/06-resolve-candidates.js'
import { nerCandidates, type NerLike } from './steps/07-ner.js'
import { affiliateNewActors, resolveRoles } from './steps/08-roles.js'
import { assemble } from './steps/09-assemble.js'
import { pushAll } from '../../doc/arrays.js'

/** Options of the entities stage. */
export interface EntitiesOptions {
  readonly kb: Kb
  /** a NER tagger; undefined loads the project's model when there is one, null uses KB and rules only */
  readonly ner?: NerLike | null
}

/**
 * Finds and resolves the entities of one document, in this order: KB names (longest first) → surnames and
 * given-name variants → state bodies and capital metonyms → names NER or capitalisation rules find, resolved by
 * transliteration, in-document misspelling, name tails, titled fuzzy KB match, misspelt places, else new actors →
 * descriptive references by role and date.
 */
export function findEntities(doc: Doc, tokens: readonly Token[], sentences: readonly Sentence[], kb: Kb, ner: LoadedNer | null): { mentions: Mention[]; entities: Entity[]; messages: Message[] } {
  const pub = doc.meta.published
  const ctx: Ctx = { doc, text: doc.text, kb, words: buildWords(doc.text, tokens, sentences, kb), date: pub && /^\d{4}-\d{2}-\d{2}/.test(pub) ? pub.slice(0, 10) : null, hits: [], newActors: new Map() }
  pushAll(ctx.hits, matchGazetteer(ctx))
  resolveKbHits(ctx)
  extendToFullNames(ctx)
  findBodies(ctx)
  const covered = coverage(ctx, ctx.hits)
  const cands = ner ? nerCandidates(ctx, ner.tagger, ner.memory, covered) : []
  for (const c of cands) for (let k = c.w0; k < c.w1; k++) covered[k] = 1
  const rules = ruleCandidates(ctx, covered).filter((c) => !ner || c.title.length || c.hint !== 'MISC')
  const all = [...cands, ...rules].filter((c) => !isNoName(ctx, c)).sort((a, b) => a.w0 - b.w0)
  // "The Times": the article is not part of the name unless the KB says so (it would have matched then)
  for (const c of all) if (c.w1 - c.w0 > 1 && ctx.words[c.w0]!.fold === 'the') c.w0++
  splitTitledPeople(ctx, all)
  joinBodyNames(ctx, all)
  const taken = Uint8Array.from(covered)
  for (const c of all) for (let k = c.w0; k < c.w1; k++) taken[k] = 1
  for (const c of all) { runOnToEarlierPerson(ctx, c, taken); ctx.hits.push(resolveCandidate(ctx, c)) }
  // unresolved KB surnames (ambiguous, or a different given name) become new people
  for (const h of ctx.hits) if (!h.actor && !h.dropped && h.by === 'kb') {
    Object.assign(h, resolveCandidate(ctx, { w0: h.w0, w1: h.w1, hint: 'PERSON', by: 'rule', title: h.title ?? [] }), { by: 'kb' })
    forgetPeople(ctx) // a hit already seen now names someone
  }
  joinShortNamesToFullNames(ctx)
  joinBracketAcronyms(ctx)
  pushAll(ctx.hits, resolveRoles(ctx))
  affiliateNewActors(ctx)
  return assemble(ctx)
}

/** The entities stage: `mentions` (every name found) and `entities` (one per actor, with KB id, type, affiliation, code). */
export function entitiesStage(opts: EntitiesOptions) {
  const ner: LoadedNer | null = opts.ner === undefined ? loadNerOrNull() : opts.ner ? { tagger: opts.ner, memory: null } : null
  return defineStage({
    name: 'entities',
    requires: ['tokens', 'sentences'],
    produces: ['mentions', 'entities'],
    run(doc, { tokens, sentences }) {
      const { mentions, entities, messages } = findEntities(doc, tokens, sentences, opts.kb, ner)
      return { layers: { mentions, entities }, messages }
    },
  })
}
