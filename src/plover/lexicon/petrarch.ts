/**
 * Reader of the PETRARCH2 verb dictionary format (openeventdata/petrarch2 `CAMEO.2.0.txt`, MIT), as its reader
 * `PETRreader.read_verb_dictionary` documents it:
 *
 * - `&NAME` starts a synonym set; its members follow on `+WORD` / `+TWO WORDS` lines (a `_` ends an open match or,
 *   at the end of the label, turns plurals off).
 * - `--- NAME [CODE] ---` starts a verb group; `[---]` is the null code (the bare verb is no event).
 * - Verb lines: `VERB`, `VERB {FORM FORM …}` (irregular forms: all of them are listed), `VERB [CODE]` (its own code),
 *   multi-word verbs joined by `_` with `+` on the word that inflects (`+CALL_FOR`, `WIRE_+TAP {…}`).
 * - Pattern lines: `- LOWER * UPPER [CODE] # VERB`: words before `*` stand before the verb (usually the subject),
 *   words after it follow it. `$` marks the source, `+` the target, `^` skips a word, `%` a compound actor;
 *   `(PREP …)` is a prepositional phrase, `{A B}` a phrase of consecutive words, `&NAME` a synonym set. `[a:b]` is
 *   the code pair of a reciprocal event (a's code for source → target); the comment names the verb the pattern came
 *   from.
 */

export interface VerbForm {
  /** the verb's base form, lower case, words joined by spaces ("call for", "rule out") */
  readonly lemma: string
  /** every form, lower case: the base, then the listed or regular forms */
  readonly forms: readonly string[]
  /** the verb's own code, when its line gives one */
  readonly code: string | null
}

export interface VerbPattern {
  /** the line as written (trimmed, comment dropped) */
  readonly raw: string
  /** tokens before `*` */
  readonly lower: readonly string[]
  /** tokens after `*` */
  readonly upper: readonly string[]
  /** CAMEO code; the first of a reciprocal pair; null for `---` */
  readonly code: string | null
  /** the verb named by the comment, lower case, or null */
  readonly verb: string | null
}

export interface VerbGroup {
  readonly name: string
  /** the group's code, or null for `---` */
  readonly code: string | null
  readonly verbs: readonly VerbForm[]
  readonly patterns: readonly VerbPattern[]
  /** 1-based line of the `---` header */
  readonly line: number
}

export interface VerbDictionary {
  readonly synsets: ReadonlyMap<string, readonly string[]>
  readonly groups: readonly VerbGroup[]
}

const CODE_RE = /\[([^\]]*)\]/

/** "[042:043]" → "042"; "[---]" and "[]" → null. */
export function parseCode(s: string): string | null {
  const m = CODE_RE.exec(s)
  if (!m) return null
  const c = m[1].trim().split(':')[0].trim()
  return /^\d{2,4}$/.test(c) ? c : null
}

/** Regular English forms of a verb, as PETRARCH makes them: +S, +ED (+D after E), +ING (dropping a final E). */
export function regularForms(v: string): string[] {
  const s = /(?:s|x|z|ch|sh)$/.test(v) ? `${v}es` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ies` : `${v}s`
  const ed = v.endsWith('e') ? `${v}d` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ied` : `${v}ed`
  const ing = v.endsWith('e') && !v.endsWith('ee') ? `${v.slice(0, -1)}ing` : `${v}ing`
  return [s, ed, ing]
}

/** Splits a pattern's text into tokens, keeping `{…}` phrases and `(…)` groups whole. */
export function tokenize(s: string): string[] {
  const out: string[] = []
  let i = 0
  while (i < s.length) {
    const ch = s[i]
    if (/\s/.test(ch)) { i++; continue }
    if (ch === '{' || ch === '(') {
      const close = ch === '{' ? '}' : ')'
      let depth = 0, j = i
      for (; j < s.length; j++) { if (s[j] === ch) depth++; else if (s[j] === close && --depth === 0) break }
      out.push(s.slice(i, j + 1)); i = j + 1; continue
    }
    let j = i
    while (j < s.length && !/\s/.test(s[j])) j++
    out.push(s.slice(i, j)); i = j
  }
  return out
}

/** A verb line → its forms. Multi-word verbs: forms inflect the word marked `+`. */
export function parseVerbLine(line: string): VerbForm | null {
  const text = line.replace(/#.*$/, '').replace(/;.*$/, '').trim()
  if (!text) return null
  const code = CODE_RE.test(text) ? parseCode(text) : null
  const body = text.replace(CODE_RE, '').trim()
  const brace = /\{([^}]*)\}/.exec(body)
  const head = (brace ? body.slice(0, brace.index) : body).trim()
  if (!head || /\s/.test(head)) return null
  const words = (w: string) => w.replace(/\+/g, '').replace(/_+$/, '').split('_').filter(Boolean).join(' ').toLowerCase()
  const lemma = words(head)
  if (!lemma || !/^[a-z][a-z' -]*$/.test(lemma)) return null
  let forms: string[]
  if (brace) forms = brace[1].split(/\s+/).filter(Boolean).map(words)
  else if (head.includes('+') && head.includes('_')) {
    const parts = head.split('_'), k = parts.findIndex((p) => p.startsWith('+'))
    const root = parts[k].slice(1).toLowerCase()
    forms = regularForms(root).map((f) => parts.map((p, i) => (i === k ? f : p.replace(/\+/g, '').toLowerCase())).filter(Boolean).join(' '))
  } else forms = lemma.includes(' ') ? [] : regularForms(lemma)
  return { lemma, forms: [...new Set([lemma, ...forms])], code }
}

/** A pattern line (starting with `-`) → its parts. */
export function parsePattern(line: string): VerbPattern | null {
  const hash = line.indexOf('#')
  const comment = hash >= 0 ? line.slice(hash + 1).trim() : ''
  let text = (hash >= 0 ? line.slice(0, hash) : line).trim().replace(/^-\s*/, '')
  const code = parseCode(text)
  text = text.replace(CODE_RE, '').trim()
  if (!text.includes('*')) return null
  const star = text.indexOf('*')
  const verbWord = /^([A-Z][A-Z_'+-]*)/.exec(comment)?.[1]
  return {
    raw: `- ${text} [${CODE_RE.exec(line)?.[1] ?? ''}]`.replace(/\s+/g, ' '),
    lower: tokenize(text.slice(0, star)), upper: tokenize(text.slice(star + 1)), code,
    verb: verbWord ? verbWord.replace(/[+]/g, '').replace(/_+$/, '').replace(/_/g, ' ').toLowerCase() : null,
  }
}

/** Reads the whole dictionary: synonym sets and verb groups (the transformations section is skipped). */
export function parseVerbDictionary(text: string): VerbDictionary {
  const synsets = new Map<string, string[]>()
  const groups: VerbGroup[] = []
  let syn: string[] | null = null
  let group: { name: string; code: string | null; verbs: VerbForm[]; patterns: VerbPattern[]; line: number } | null = null
  const lines = text.split(/\r?\n/)
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].replace(/\s+$/, '')
    if (/^#{3,}\s*TRANSFORMATIONS/.test(line)) break
    if (/^\s*#/.test(line)) continue
    if (!line.trim()) { syn = null; continue }
    const header = /^---\s+(\S+)\s+(\[[^\]]*\])?\s*---/.exec(line)
    if (header) {
      syn = null
      group = { name: header[1], code: header[2] ? parseCode(header[2]) : null, verbs: [], patterns: [], line: n + 1 }
      groups.push(group); continue
    }
    if (line.startsWith('&')) { syn = []; synsets.set(line.trim().split(/\s+/)[0].replace(/_$/, ''), syn); group = null; continue }
    if (syn && line.startsWith('+')) {
      const w = line.slice(1).replace(/#.*$/, '').trim().replace(/_+$/, '').replace(/_/g, ' ').toLowerCase()
      if (w) syn.push(w)
      continue
    }
    if (!group) continue
    if (line.startsWith('-')) { const p = parsePattern(line); if (p) group.patterns.push(p); continue }
    const v = parseVerbLine(line)
    if (v) group.verbs.push(v)
  }
  return { synsets, groups }
}

/** What a pattern asks after the verb: the first preposition, the head of its first noun phrase, and where `+` is. */
export interface PatternFrame {
  /** preposition of the first `(PREP …)` group or a bare preposition token, lower case */
  readonly prep: string | null
  /** the first noun phrase after the verb, or else the object of its first `(PREP …)` group, lower case ("attack",
   *  "verbal attack"); a synonym set stands as its label (`&WEAPON`) */
  readonly objects: readonly string[]
  /** the target marker `+`: right after the verb ("object"), inside or after a preposition ("prep"), or absent */
  readonly target: 'object' | 'prep' | null
  /** the pattern constrains what stands before the verb (subject words), which this lexicon cannot check */
  readonly lowerWords: boolean
}

export const PREPOSITIONS: ReadonlySet<string> = new Set(['against', 'on', 'with', 'to', 'for', 'of', 'in', 'into', 'from', 'at', 'by', 'over', 'about', 'upon', 'off', 'out', 'up', 'down', 'away', 'back', 'through', 'toward', 'towards', 'across', 'between', 'among', 'under', 'onto', 'within', 'behind', 'after',
  'during', 'amid', 'near', 'since', 'before', 'as', 'like', 'without', 'outside', 'inside', 'beyond', 'around', 'along', 'despite', 'until', 'via', 'per'])

const MARKERS = new Set(['$', '+', '^', '%', '*'])

/** The head word of a phrase ("terrorist attacks" → "attacks"); null when it is not a word. */
const headOf = (phrase: string): string | null => {
  const words = phrase.toLowerCase().split(/[\s_]+/).filter((w) => w && !MARKERS.has(w) && !w.startsWith('&'))
  const w = words.at(-1)
  return w && /^[a-z][a-z'-]*$/.test(w) ? w : null
}

/** Reads the frame of a pattern's upper part; `synsets` expands `&NAME` objects. */
export function patternFrame(p: VerbPattern, synsets: ReadonlyMap<string, readonly string[]>): PatternFrame {
  let prep: string | null = null, target: 'object' | 'prep' | null = null
  let objects: string[] = []
  const expand = (tok: string): string[] => {
    const inner = tok.replace(/^[{(]|[})]$/g, '').trim().split(/\s+/)
    const last = inner.at(-1) ?? ''
    if (last.startsWith('&')) return synsets.has(last.replace(/_$/, '')) ? [last.replace(/_$/, '')] : []
    // a phrase keeps its modifiers ("verbal attack" is not an attack); markers and synsets inside it drop out
    const words = inner.map((w) => w.toLowerCase()).filter((w) => /^[a-z][a-z'-]*$/.test(w))
    return words.length && headOf(inner.join(' ')) === words.at(-1) ? [words.join(' ')] : []
  }
  p.upper.forEach((tok, i) => {
    if (tok === '+') { if (target === null) target = i === 0 ? 'object' : 'prep'; return }
    if (tok.startsWith('(')) {
      const inner = tokenize(tok.slice(1, -1))
      const first = (inner[0] ?? '').toLowerCase()
      // a group that does not start with a preposition still conditions the pattern: keep its first word
      if (/^[a-z]+$/.test(first) && prep === null) {
        prep = first
        // the preposition's own object ("(FOR {FINANCIAL AID})") when the verb has none
        const noun = inner.slice(1).find((t) => !MARKERS.has(t) && !PREPOSITIONS.has(t.toLowerCase()) && !t.startsWith('('))
        if (!objects.length && noun) objects = expand(noun)
      }
      if (inner.includes('+') && target === null) target = 'prep'
      return
    }
    const low = tok.toLowerCase()
    if (PREPOSITIONS.has(low)) { prep ??= low; return }
    if (MARKERS.has(tok)) return
    if (!objects.length && prep === null) objects = expand(tok)
  })
  return { prep, objects: [...new Set(objects)], target, lowerWords: p.lower.some((t) => !MARKERS.has(t)) }
}
