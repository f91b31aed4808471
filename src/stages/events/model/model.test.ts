import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SyntaxToken, Token } from '../../../doc/layers.js'
import { SyntaxView } from '../../syntax/index.js'
import { tokenize } from '../../tokens/index.js'
import { actorIndex } from '../actors.js'
import { mentionsByToken, SyntaxArgs } from '../steps/03-syntax-args.js'
import { featureContext } from './candidates.js'
import { triggerFeatures } from './features.js'
import { loadTriggerModel, trainTriggerModel, TriggerModel } from './model.js'

/** A hand-built parse: [word, upos, lemma, head (token index, -1 root), relation] per token of `text`. */
function parsed(text: string, rows: [string, string, string, number, string][]): { tokens: Token[]; syntax: SyntaxToken[]; sv: SyntaxView } {
  const tokens = tokenize(text)
  assert.deepEqual(tokens.map((t) => text.slice(t.start, t.end)), rows.map((r) => r[0]))
  const syntax = rows.map(([, upos, lemma, head, deprel]) => ({ upos, lemma, head, deprel }))
  return { tokens, syntax, sv: new SyntaxView(text, tokens, syntax) }
}

type Rows = [string, string, string, number, string][]
type Ref = { actor: string; name: string } | null
/**
 * The arguments `syntaxOverride` gives `trigger` (its first occurrence in `text`) over a hand-built parse, with the
 * named actors (id, name, type) at their first occurrence, from the rule readers' `args`.
 */
async function overrideOn(text: string, rows: Rows, actors: [string, string, 'PERSON' | 'GPE'][], trigger: string, entry: { type: string; pos: 'verb' | 'noun'; reason: string },
  args: { sources: Ref[]; targets: Ref[] }) {
  const { syntaxOverride } = await import('./apply.js')
  const { tokens, sv } = parsed(text, rows)
  const entities = actors.map(([actor, name, type]) => { const start = text.indexOf(name); return { id: actor, actor, name, type, affiliation: null, code: null, mentions: [{ start, end: start + name.length, text: name }] } })
  const idx = actorIndex(text, [{ start: 0, end: text.length }], entities)
  const at = text.indexOf(trigger)
  const full = { pattern: trigger, mode: null, targetPreps: [''], ...entry } as Parameters<typeof syntaxOverride>[1]['entry']
  return syntaxOverride({ ...args, location: null, locationRef: null }, { start: at, end: at + trigger.length, text: trigger, entry: full }, new SyntaxArgs(sv, idx, tokens), idx, [])
}

const TEXT = 'The Ruritanian envoy, Anna Berg, criticized the Freedonian move.'
const ROWS: [string, string, string, number, string][] = [
  ['The', 'DET', 'the', 2, 'det'], ['Ruritanian', 'ADJ', 'Ruritanian', 2, 'amod'], ['envoy', 'NOUN', 'envoy', 7, 'nsubj'], [',', 'PUNCT', ',', 4, 'punct'],
  ['Anna', 'PROPN', 'Anna', 2, 'appos'], ['Berg', 'PROPN', 'Berg', 4, 'flat'], [',', 'PUNCT', ',', 4, 'punct'], ['criticized', 'VERB', 'criticize', -1, 'root'],
  ['the', 'DET', 'the', 10, 'det'], ['Freedonian', 'ADJ', 'Freedonian', 10, 'amod'], ['move', 'NOUN', 'move', 7, 'obj'], ['.', 'PUNCT', '.', 7, 'punct'],
]
const ENTITIES = [{ id: 'e1', actor: 'p:berg', name: 'Anna Berg', type: 'PERSON' as const, affiliation: null, code: null, mentions: [{ start: 22, end: 31, text: 'Anna Berg' }] }]

describe('trigger model', () => {
  it('trains reproducibly (seeded) and separates what it was shown', () => {
    const ex = [
      { f: ['bias', 'l=condemn'], y: 1 }, { f: ['bias', 'l=visit'], y: 2 }, { f: ['bias', 'l=table'], y: 0 }, { f: ['bias', 'l=condemn', 'neg'], y: 0 },
      { f: ['bias', 'l=condemn'], y: 1 }, { f: ['bias', 'l=visit'], y: 2 }, { f: ['bias', 'l=table'], y: 0 }, { f: ['bias', 'l=condemn', 'neg'], y: 0 },
    ]
    const labels = ['O', 'ACCUSE', 'CONSULT']
    const a = trainTriggerModel(ex, labels, { epochs: 5, seed: 7, minCount: 1 })
    const b = trainTriggerModel(ex, labels, { epochs: 5, seed: 7, minCount: 1 })
    assert.deepEqual([...a.weights.entries()].map(([k, w]) => [k, [...w]]), [...b.weights.entries()].map(([k, w]) => [k, [...w]]))
    assert.equal(a.predict(['bias', 'l=condemn']).label, 'ACCUSE')
    assert.ok(a.predict(['bias', 'l=condemn']).margin > 0)
    assert.ok(a.predict(['bias', 'l=table']).margin < 0, 'a word never seen as a trigger stays below the no-event class')
    assert.equal(a.predict(['bias', 'l=visit']).label, 'CONSULT')
    // several runs (seeds 7, 8, 9) averaged: the mean of the single runs' weights, reproducible, and still right
    const runs = trainTriggerModel(ex, labels, { epochs: 5, seed: 7, minCount: 1, runs: 3 })
    const single = [7, 8, 9].map((seed) => trainTriggerModel(ex, labels, { epochs: 5, seed, minCount: 1 }))
    const mean = (f: string, c: number) => single.reduce((x, m) => x + (m.weights.get(f)?.[c] ?? 0), 0) / 3
    for (const [f, w] of runs.weights) w.forEach((x, c) => assert.ok(Math.abs(x - mean(f, c)) < 1e-5, `${f} ${c}`))
    assert.equal(runs.predict(['bias', 'l=condemn']).label, 'ACCUSE')
  })
  it('saves and loads the same weights', () => {
    const m = new TriggerModel(['O', 'ACCUSE'], new Map([['l=condemn', Float32Array.from([-1.25, 2.5])]]), { margin: 1 })
    const dir = mkdtempSync(join(tmpdir(), 'dossier-model-'))
    m.save(dir)
    const back = loadTriggerModel(dir)!
    assert.deepEqual(back.labels, ['O', 'ACCUSE'])
    assert.deepEqual([...back.weights.get('l=condemn')!], [-1.25, 2.5])
    assert.equal(back.meta.margin, 1)
  })
  it('the committed model loads and knows every PLOVER type', () => {
    const m = loadTriggerModel()
    assert.ok(m, 'models/events/triggers.json.gz is committed (npm run train:events)')
    assert.equal(m.labels.length, 17)
    assert.equal(typeof m.meta.margin, 'number')
  })
})

describe('arguments from the parse', () => {
  it('reads the apposition of a role as its holder, and the nationality of what is acted on as its owner', () => {
    const { tokens, syntax, sv } = parsed(TEXT, ROWS)
    const idx = actorIndex(TEXT, [{ start: 0, end: TEXT.length }], ENTITIES)
    const args = new SyntaxArgs(sv, idx, tokens)
    const trigger = { start: TEXT.indexOf('criticized'), end: TEXT.indexOf('criticized') + 10 }
    const p = args.read(trigger, 'verb')!
    assert.equal(p.sources[0]?.ref?.name, 'Anna Berg')
    assert.equal(p.objects.length, 0, 'a move is no actor')
    assert.equal(p.objectOwner, null, 'Freedonia is not a country the demonym table knows')
    void syntax
  })
  it('reads a meeting noun that sets what one party tells another as between them ("X told Y in a phone call")', () => {
    const text = 'Anna Berg told Tomas Vik in a phone call that talks would go on.'
    const { tokens, sv } = parsed(text, [
      ['Anna', 'PROPN', 'Anna', 2, 'nsubj'], ['Berg', 'PROPN', 'Berg', 0, 'flat'], ['told', 'VERB', 'tell', -1, 'root'],
      ['Tomas', 'PROPN', 'Tomas', 2, 'obj'], ['Vik', 'PROPN', 'Vik', 3, 'flat'], ['in', 'ADP', 'in', 8, 'case'], ['a', 'DET', 'a', 8, 'det'],
      ['phone', 'NOUN', 'phone', 8, 'compound'], ['call', 'NOUN', 'call', 2, 'obl'], ['that', 'SCONJ', 'that', 12, 'mark'],
      ['talks', 'NOUN', 'talk', 12, 'nsubj'], ['would', 'AUX', 'would', 12, 'aux'], ['go', 'VERB', 'go', 2, 'ccomp'], ['on', 'ADP', 'on', 12, 'compound:prt'], ['.', 'PUNCT', '.', 2, 'punct'],
    ])
    const entities = [
      { id: 'e1', actor: 'p:berg', name: 'Anna Berg', type: 'PERSON' as const, affiliation: null, code: null, mentions: [{ start: 0, end: 9, text: 'Anna Berg' }] },
      { id: 'e2', actor: 'p:vik', name: 'Tomas Vik', type: 'PERSON' as const, affiliation: null, code: null, mentions: [{ start: 15, end: 24, text: 'Tomas Vik' }] },
    ]
    const idx = actorIndex(text, [{ start: 0, end: text.length }], entities)
    const set = new SyntaxArgs(sv, idx, tokens).setting(8)
    assert.equal(set?.subject.ref?.name, 'Anna Berg')
    assert.equal(set?.counterpart.ref?.name, 'Tomas Vik')
    assert.equal(new SyntaxArgs(sv, idx, tokens).setting(10), null, 'a subject is no setting')
  })
  it('reads a "by" phrase after the object of an active verb as the object\'s author ("rejected accusations by X")', () => {
    const text = 'Anna Berg rejected accusations by Tomas Vik.'
    const { tokens, sv } = parsed(text, [
      ['Anna', 'PROPN', 'Anna', 2, 'nsubj'], ['Berg', 'PROPN', 'Berg', 0, 'flat'], ['rejected', 'VERB', 'reject', -1, 'root'], ['accusations', 'NOUN', 'accusation', 2, 'obj'],
      ['by', 'ADP', 'by', 5, 'case'], ['Tomas', 'PROPN', 'Tomas', 2, 'obl:agent'], ['Vik', 'PROPN', 'Vik', 5, 'flat'], ['.', 'PUNCT', '.', 2, 'punct'],
    ])
    const entities = [
      { id: 'e1', actor: 'p:berg', name: 'Anna Berg', type: 'PERSON' as const, affiliation: null, code: null, mentions: [{ start: 0, end: 9, text: 'Anna Berg' }] },
      { id: 'e2', actor: 'p:vik', name: 'Tomas Vik', type: 'PERSON' as const, affiliation: null, code: null, mentions: [{ start: 34, end: 43, text: 'Tomas Vik' }] },
    ]
    const idx = actorIndex(text, [{ start: 0, end: text.length }], entities)
    const p = new SyntaxArgs(sv, idx, tokens).read({ start: 10, end: 18 }, 'verb')!
    assert.equal(p.passive, false)
    assert.equal(p.sources[0]?.ref?.name, 'Anna Berg')
    assert.equal(p.objectOwner?.ref?.name, 'Tomas Vik')
  })
  it('reads whom an attack befell: the passive subject of the verb it is the means of, a relative pronoun as the name before it', () => {
    // "Erik Lund, who was killed in a Nordland drone strike ." with the relative clause hung on nothing useful (the root)
    const text = 'Erik Lund, who was killed in a Nordland drone strike.'
    const { tokens, sv } = parsed(text, [
      ['Erik', 'PROPN', 'Erik', -1, 'root'], ['Lund', 'PROPN', 'Lund', 0, 'flat'], [',', 'PUNCT', ',', 0, 'punct'], ['who', 'PRON', 'who', 5, 'nsubj:pass'],
      ['was', 'AUX', 'be', 5, 'aux:pass'], ['killed', 'VERB', 'kill', 0, 'parataxis'], ['in', 'ADP', 'in', 10, 'case'], ['a', 'DET', 'a', 10, 'det'],
      ['Nordland', 'PROPN', 'Nordland', 10, 'compound'], ['drone', 'NOUN', 'drone', 10, 'compound'], ['strike', 'NOUN', 'strike', 5, 'obl'], ['.', 'PUNCT', '.', 0, 'punct'],
    ])
    const entities = [
      { id: 'e1', actor: 'p:lund', name: 'Erik Lund', type: 'PERSON' as const, affiliation: null, code: null, mentions: [{ start: 0, end: 9, text: 'Erik Lund' }] },
      { id: 'e2', actor: 'g:nordland', name: 'Nordland', type: 'GPE' as const, affiliation: null, code: null, mentions: [{ start: 31, end: 39, text: 'Nordland' }] },
    ]
    const idx = actorIndex(text, [{ start: 0, end: text.length }], entities)
    const args = new SyntaxArgs(sv, idx, tokens)
    assert.equal(args.victim(10)?.ref?.name, 'Erik Lund')
    assert.equal(args.victim(8), null, 'a modifier is no means')
  })
  it('reads a town before an attack noun as its place, never as an actor of the attack', () => {
    const text = 'Anna Berg condemned the Ostburg bombing.'
    const { tokens, sv } = parsed(text, [
      ['Anna', 'PROPN', 'Anna', 2, 'nsubj'], ['Berg', 'PROPN', 'Berg', 0, 'flat'], ['condemned', 'VERB', 'condemn', -1, 'root'], ['the', 'DET', 'the', 5, 'det'],
      ['Ostburg', 'PROPN', 'Ostburg', 5, 'compound'], ['bombing', 'NOUN', 'bombing', 2, 'obj'], ['.', 'PUNCT', '.', 2, 'punct'],
    ])
    const entities = [
      { id: 'e1', actor: 'p:berg', name: 'Anna Berg', type: 'PERSON' as const, affiliation: null, code: null, mentions: [{ start: 0, end: 9, text: 'Anna Berg' }] },
      { id: 'e2', actor: 'GPE:NRD:ostburg', name: 'Ostburg', type: 'GPE' as const, affiliation: 'NRD', code: null, mentions: [{ start: 24, end: 31, text: 'Ostburg' }] },
    ]
    const idx = actorIndex(text, [{ start: 0, end: text.length }], entities)
    const args = new SyntaxArgs(sv, idx, tokens)
    const p = args.read({ start: 10, end: 19 }, 'verb')!
    assert.deepEqual(p.objects, [], 'a town is no party to a bombing told with it')
    assert.equal(p.objectOwner, null)
    assert.equal(args.placeModifier(5)?.ref?.name, 'Ostburg')
  })
  it('reads the owner of what a target phrase names ("support for the plan brokered by X")', () => {
    const text = 'Anna Berg voiced support for a plan brokered by Nordland.'
    const { tokens, sv } = parsed(text, [
      ['Anna', 'PROPN', 'Anna', 2, 'nsubj'], ['Berg', 'PROPN', 'Berg', 0, 'flat'], ['voiced', 'VERB', 'voice', -1, 'root'], ['support', 'NOUN', 'support', 2, 'obj'],
      ['for', 'ADP', 'for', 6, 'case'], ['a', 'DET', 'a', 6, 'det'], ['plan', 'NOUN', 'plan', 3, 'nmod'], ['brokered', 'VERB', 'broker', 6, 'acl'],
      ['by', 'ADP', 'by', 9, 'case'], ['Nordland', 'PROPN', 'Nordland', 7, 'obl:agent'], ['.', 'PUNCT', '.', 2, 'punct'],
    ])
    const entities = [
      { id: 'e1', actor: 'p:berg', name: 'Anna Berg', type: 'PERSON' as const, affiliation: null, code: null, mentions: [{ start: 0, end: 9, text: 'Anna Berg' }] },
      { id: 'e2', actor: 'g:nordland', name: 'Nordland', type: 'GPE' as const, affiliation: null, code: null, mentions: [{ start: 48, end: 56, text: 'Nordland' }] },
    ]
    const idx = actorIndex(text, [{ start: 0, end: text.length }], entities)
    const p = new SyntaxArgs(sv, idx, tokens).read({ start: 17, end: 28 }, 'noun')!
    assert.equal(p.obliques.get('for'), undefined, 'a plan is no actor')
    assert.equal(p.obliqueOwners.get('for')?.ref?.name, 'Nordland')
  })
  it('gives each named conjunct of a coordinated target an event of its own ("accused A and B of …")', async () => {
    const out = await overrideOn('Nordland accused Sudmark and Ostland of shelling.', [
      ['Nordland', 'PROPN', 'Nordland', 1, 'nsubj'], ['accused', 'VERB', 'accuse', -1, 'root'], ['Sudmark', 'PROPN', 'Sudmark', 1, 'obj'], ['and', 'CCONJ', 'and', 4, 'cc'],
      ['Ostland', 'PROPN', 'Ostland', 2, 'conj'], ['of', 'SCONJ', 'of', 6, 'mark'], ['shelling', 'VERB', 'shell', 1, 'advcl'], ['.', 'PUNCT', '.', 1, 'punct'],
    ], [['n', 'Nordland', 'GPE'], ['s', 'Sudmark', 'GPE'], ['o', 'Ostland', 'GPE']], 'accused', { type: 'ACCUSE', pos: 'verb', reason: 'lexicon' },
    { sources: [{ actor: 'n', name: 'Nordland' }], targets: [{ actor: 's', name: 'Sudmark' }] })
    assert.deepEqual(out.targets.map((r) => r?.name), ['Sudmark', 'Ostland'])
  })
  it('reads the owner of a spoken evaluation\'s subject as its target ("X said the plan drafted by Y was harmful")', async () => {
    const out = await overrideOn('Berg said the plan drafted by Sudmark was harmful.', [
      ['Berg', 'PROPN', 'Berg', 1, 'nsubj'], ['said', 'VERB', 'say', -1, 'root'], ['the', 'DET', 'the', 3, 'det'], ['plan', 'NOUN', 'plan', 8, 'nsubj'],
      ['drafted', 'VERB', 'draft', 3, 'acl'], ['by', 'ADP', 'by', 6, 'case'], ['Sudmark', 'PROPN', 'Sudmark', 4, 'obl:agent'], ['was', 'AUX', 'be', 8, 'cop'],
      ['harmful', 'ADJ', 'harmful', 1, 'ccomp'], ['.', 'PUNCT', '.', 1, 'punct'],
    ], [['b', 'Berg', 'PERSON'], ['s', 'Sudmark', 'GPE']], 'harmful', { type: 'ACCUSE', pos: 'noun', reason: 'model' }, { sources: [null], targets: [null] })
    assert.deepEqual([out.sources.map((r) => r?.name), out.targets.map((r) => r?.name)], [['Berg'], ['Sudmark']])
  })
  it('reads the noun a relative clause modifies as the clause verb\'s object, "it" as the main clause\'s subject ("fined the firms it accused")', async () => {
    // (the rule readers took the nearest name before the verb for its author)
    const out = await overrideOn('Nordland fined the Sudmark firms it accused.', [
      ['Nordland', 'PROPN', 'Nordland', 1, 'nsubj'], ['fined', 'VERB', 'fine', -1, 'root'], ['the', 'DET', 'the', 4, 'det'], ['Sudmark', 'PROPN', 'Sudmark', 4, 'compound'],
      ['firms', 'NOUN', 'firm', 1, 'obj'], ['it', 'PRON', 'it', 6, 'nsubj'], ['accused', 'VERB', 'accuse', 4, 'acl:relcl'], ['.', 'PUNCT', '.', 1, 'punct'],
    ], [['n', 'Nordland', 'GPE'], ['s', 'Sudmark', 'GPE']], 'accused', { type: 'ACCUSE', pos: 'verb', reason: 'lexicon' }, { sources: [{ actor: 's', name: 'Sudmark' }], targets: [null] })
    assert.deepEqual([out.sources.map((r) => r?.name), out.targets.map((r) => r?.name)], [['Nordland'], ['Sudmark']])
  })
  it('keeps agent nouns as plain-text actors ("the international community")', () => {
    const text = 'Officials urged the international community to act.'
    const { tokens, sv } = parsed(text, [
      ['Officials', 'NOUN', 'official', 1, 'nsubj'], ['urged', 'VERB', 'urge', -1, 'root'], ['the', 'DET', 'the', 4, 'det'], ['international', 'ADJ', 'international', 4, 'amod'],
      ['community', 'NOUN', 'community', 1, 'obj'], ['to', 'PART', 'to', 6, 'mark'], ['act', 'VERB', 'act', 1, 'xcomp'], ['.', 'PUNCT', '.', 1, 'punct'],
    ])
    const idx = actorIndex(text, [{ start: 0, end: text.length }], [])
    const p = new SyntaxArgs(sv, idx, tokens).read({ start: 10, end: 15 }, 'verb')!
    assert.equal(p.objects[0]?.ref?.name, 'international community')
    assert.equal(p.sources[0]?.ref?.name, 'Officials')
  })
  it('reads a predicate adjective like a verb: its subject is the actor ("the Freedonians are responsible")', () => {
    const text = 'The Freedonians are responsible.'
    const { tokens, sv } = parsed(text, [
      ['The', 'DET', 'the', 1, 'det'], ['Freedonians', 'PROPN', 'Freedonian', 3, 'nsubj'], ['are', 'AUX', 'be', 3, 'cop'], ['responsible', 'ADJ', 'responsible', -1, 'root'], ['.', 'PUNCT', '.', 3, 'punct'],
    ])
    const idx = actorIndex(text, [{ start: 0, end: text.length }], [])
    const p = new SyntaxArgs(sv, idx, tokens).read({ start: 20, end: 31 }, 'noun')!
    assert.equal(p.sources[0]?.ref?.name, 'Freedonians')
  })
  it('gives a candidate its parse, actor and lexicon features', () => {
    const { tokens, sv } = parsed(TEXT, ROWS)
    const idx = actorIndex(TEXT, [{ start: 0, end: TEXT.length }], ENTITIES)
    const f = triggerFeatures(featureContext(sv, tokens, mentionsByToken(idx.mentions, tokens), [], []), 7)
    for (const want of ['l=criticize', 'u=VERB', 'root', 'c-l=obj|move', 'lex=ACCUSE']) assert.ok(f.includes(want), `${want} in ${f.join(' ')}`)
    assert.ok(f.some((x) => x.startsWith('subj=')), 'the subject is described')
  })
})

describe('who asserts an event', () => {
  it('an act inside what someone says is asserted by the speaker (never the outlet\'s own claim)', async () => {
    const { defaultPipeline } = await import('../../../pipeline/default.js')
    const { createDoc } = await import('../../../doc/doc.js')
    const text = 'Nordic officials say the Ruritanian army supplied drones to Freedonia.'
    const doc = createDoc({ path: 'x.txt', url: null, sha256: 'x', fetched_at: null }, text, [{ start: 0, end: text.length }], { title: null, published: '2024-05-15', author: null, outlet: null, copy_of: null })
    const events = defaultPipeline().pipeline.run(doc).doc.layers.events ?? []
    const aid = events.find((e) => e.type === 'AID')
    assert.ok(aid, 'the supply is coded')
    assert.ok(aid.reported_by, 'with who says so')
  })
})

describe('attacks told by what is struck', () => {
  it('targets, positions or bases struck, shelled or bombed are an attack; on a state\'s own ones, on that state', async () => {
    const { defaultPipeline } = await import('../../../pipeline/default.js')
    const { createDoc } = await import('../../../doc/doc.js')
    const read = (text: string) => (defaultPipeline().pipeline.run(createDoc({ path: 'x.txt', url: null, sha256: 'x', fetched_at: null }, text, [{ start: 0, end: text.length }], { title: null, published: '2024-05-15', author: null, outlet: null, copy_of: null })).doc.layers.events ?? [])
      .map((e) => [e.type, e.source_actor?.name ?? null, e.target_actor?.name ?? null])
    assert.deepEqual(read('Russian forces shelled Ukrainian positions near Bakhmut on Tuesday.'), [['ASSAULT', 'Russia', 'Ukraine']])
    assert.deepEqual(read('Israel struck targets in Syria overnight, Syrian state media said.'), [['ASSAULT', 'Israel', 'Syria']])
    assert.ok(!read('Iran and Russia struck a deal on gas.').some((r) => r[0] === 'ASSAULT'), 'a deal struck is no attack')
  })
})
