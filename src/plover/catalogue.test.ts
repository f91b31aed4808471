import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT, SHARED } from '../paths.js'
import { PLOVER, PLOVER_TYPES, QUAD_CLASSES, SYMMETRIC_TYPES, isModeOf, isPloverType, isSymmetric, modesOf, quadOf, typesOfQuad } from './catalogue.js'
import { CAMEO2PLOVER, CAMEO_REMAP, cameoToPlover } from './cameo.js'
import { withCatalogue } from './docs.js'

const MANUAL = join(SHARED, 'data', 'events', 'plover', 'PLOVER_MANUAL.tex')
const TABLE = join(SHARED, 'data', 'events', 'plover', 'CAMEO2PLOVER-2021.txt')

test('the catalogue holds the 16 PLOVER types, each under its own key', () => {
  assert.equal(PLOVER_TYPES.length, 16)
  assert.equal(new Set(PLOVER_TYPES).size, 16)
  for (const t of PLOVER_TYPES) assert.equal(PLOVER[t].type, t)
  assert.ok(isPloverType('ASSAULT')); assert.ok(!isPloverType('FIGHT')); assert.ok(!isPloverType('assault'))
  assert.deepEqual(QUAD_CLASSES.flatMap((q) => typesOfQuad(q)).sort(), [...PLOVER_TYPES].sort())
})

test('quad classes follow the PLOVER manual: REQUEST is verbal conflict, CONCEDE verbal cooperation, SANCTION material conflict', () => {
  assert.equal(quadOf('REQUEST'), 'verbal-conflict')
  assert.equal(quadOf('CONCEDE'), 'verbal-cooperation')
  assert.equal(quadOf('SANCTION'), 'material-conflict')
  assert.equal(quadOf('consult'), 'verbal-cooperation')
  assert.equal(quadOf('FIGHT'), null)
})

test('each type\'s class is the "Quad category" its section of the manual gives', { skip: !existsSync(MANUAL) && `no ${MANUAL}` }, () => {
  const tex = readFileSync(MANUAL, 'utf8')
  const found = new Map<string, string>()
  for (const m of tex.matchAll(/\\section\{([A-Z]+)\}([\s\S]*?)\\subsection\{Quad category: ([A-Z ]+)\}/g)) found.set(m[1], m[3].toLowerCase().replace(' ', '-'))
  for (const t of PLOVER_TYPES) assert.equal(PLOVER[t].quad, found.get(t), t)
})

test('CONSULT, COOPERATE and AGREE, and only they, are symmetric (gold matching rules)', () => {
  assert.deepEqual([...SYMMETRIC_TYPES].sort(), ['AGREE', 'CONSULT', 'COOPERATE'])
  assert.ok(isSymmetric('CONSULT')); assert.ok(!isSymmetric('ACCUSE'))
})

test('modes: manual modes are present, REQUEST and REJECT share theirs, and the gold modes are allowed', () => {
  assert.deepEqual(modesOf('REQUEST'), ['assist', 'change', 'yield', 'meet'])
  assert.deepEqual(modesOf('REJECT'), modesOf('REQUEST'))
  for (const [t, md] of [['AID', 'military'], ['CONSULT', 'visit'], ['ACCUSE', 'allege'], ['ASSAULT', 'targeted'], ['COOPERATE', 'intelligence'], ['SANCTION', 'withdraw'], ['THREATEN', 'violence']] as const) assert.ok(isModeOf(t, md), `${t}/${md}`)
  assert.ok(isModeOf('AGREE', null)); assert.ok(!isModeOf('AGREE', 'visit'))
  for (const t of PLOVER_TYPES) assert.equal(new Set(modesOf(t)).size, modesOf(t).length, `${t} lists a mode twice`)
})

test('every type has a frame, a description and CAMEO roots', () => {
  for (const t of PLOVER_TYPES) {
    const p = PLOVER[t]
    assert.ok(p.description.length > 20 && p.frame.source && p.frame.target, t)
    for (const r of p.cameoRoots) assert.match(r, /^\d\d$/)
  }
  assert.deepEqual(PLOVER_TYPES.filter((t) => PLOVER[t].frame.requiresTarget), ['COOPERATE', 'AID', 'SANCTION'])
})

test('CAMEO → PLOVER applies the gold and manual remaps over CAMEO2PLOVER-2021', () => {
  const tm = (c: string) => { const x = cameoToPlover(c); return x ? `${x.type}/${x.mode ?? '-'}` : null }
  assert.equal(tm('111'), 'ACCUSE/disapprove')
  assert.equal(tm('112'), 'ACCUSE/allege')
  assert.equal(tm('1121'), 'ACCUSE/allege')
  assert.equal(tm('016'), 'REJECT/-')
  assert.equal(tm('018'), 'SUPPORT/condole')
  assert.equal(tm('057'), 'SUPPORT/-')
  assert.equal(tm('0312'), 'AGREE/-')
  assert.equal(tm('072'), 'AID/military')
  assert.equal(tm('163'), 'SANCTION/discontinue')
  assert.equal(tm('173'), 'COERCE/arrest')
  assert.equal(tm('0231'), 'REQUEST/assist')
  assert.equal(tm('1041'), 'REQUEST/change')
  assert.equal(tm('186'), 'ASSAULT/targeted')
  assert.equal(tm('154'), 'MOBILIZE/troops')
  assert.equal(tm('0872'), 'RETREAT/withdraw')
  assert.equal(tm('[042:043]'), 'CONSULT/visit')
  assert.equal(cameoToPlover('043')?.reversed, true)
  assert.equal(tm('010'), null)
  assert.equal(tm('---'), null)
})

test('every mapped mode is a catalogue mode of its type, except modes the remaps replace', () => {
  const remapped = new Set(CAMEO_REMAP.map((r) => r.code))
  for (const r of CAMEO_REMAP) if (r.type) assert.ok(isModeOf(r.type, r.mode), `${r.code} ${r.type}/${r.mode}`)
  for (const [code] of CAMEO2PLOVER) {
    const x = cameoToPlover(code)!
    if (!remapped.has(code)) assert.ok(isModeOf(x.type, x.mode), `${code} ${x.type}/${x.mode}`)
  }
})

test('the CAMEO2PLOVER rows are the published table', { skip: !existsSync(TABLE) && `no ${TABLE}` }, () => {
  const rows = new Map<string, string>()
  for (const line of readFileSync(TABLE, 'utf8').split('\n')) {
    const m = /^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*)/.exec(line)
    if (m && !rows.has(m[1])) rows.set(m[1], `${m[2]}/${m[3].trim() || '-'}`)
  }
  assert.deepEqual(new Map(CAMEO2PLOVER.map(([c, t, md]) => [c, `${t}/${md ?? '-'}`])), rows)
})

test('docs/plover.md carries the generated catalogue tables (npm run docs:plover)', () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'plover.md'), 'utf8')
  assert.equal(withCatalogue(doc), doc, 'docs/plover.md is stale: run npm run docs:plover')
})

test('the web client\'s Quad type lists the catalogue\'s classes (the client compiles on its own and cannot import it)', () => {
  const api = readFileSync(join(REPO_ROOT, 'src', 'web', 'client', 'api.ts'), 'utf8')
  const line = /export type Quad = ([^\n]+)/.exec(api)![1]
  assert.deepEqual([...line.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]), [...QUAD_CLASSES])
})
