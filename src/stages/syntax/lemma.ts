/**
 * Cheap rule lemmas: irregular verbs and pronoun forms from a table, regular plural nouns and -s/-ed/-ing verbs
 * by suffix rules. Good enough for matching event and speech verbs by lemma; not a morphological analyser.
 */

/** Irregular inflected forms of common verbs (and auxiliaries) -> lemma. */
const IRREGULAR: Readonly<Record<string, string>> = Object.fromEntries(Object.entries({
  be: 'am are is was were been being \'s \'re \'m',
  have: 'has had having \'ve \'d',
  do: 'does did done doing',
  say: 'said says',
  go: 'went gone goes',
  meet: 'met',
  hold: 'held',
  make: 'made',
  take: 'took taken',
  give: 'gave given',
  get: 'got gotten',
  come: 'came',
  see: 'saw seen',
  know: 'knew known',
  tell: 'told',
  think: 'thought',
  find: 'found',
  leave: 'left',
  keep: 'kept',
  bring: 'brought',
  begin: 'began begun',
  run: 'ran',
  write: 'wrote written',
  speak: 'spoke spoken',
  stand: 'stood',
  lose: 'lost',
  pay: 'paid',
  send: 'sent',
  build: 'built',
  fall: 'fell fallen',
  lead: 'led',
  seek: 'sought',
  fight: 'fought',
  buy: 'bought',
  sell: 'sold',
  win: 'won',
  shoot: 'shot',
  strike: 'struck stricken',
  hit: 'hits',
  put: 'puts',
  set: 'sets',
  cut: 'cuts',
  spread: 'spreads',
  break: 'broke broken',
  choose: 'chose chosen',
  drive: 'drove driven',
  rise: 'rose risen',
  grow: 'grew grown',
  throw: 'threw thrown',
  draw: 'drew drawn',
  fly: 'flew flown flies',
  hear: 'heard',
  feel: 'felt',
  mean: 'meant',
  become: 'became',
  forbid: 'forbade forbidden',
  withdraw: 'withdrew withdrawn',
  undertake: 'undertook undertaken',
  overthrow: 'overthrew overthrown',
  arise: 'arose arisen',
  eat: 'ate eaten',
  can: 'ca could',
  will: 'wo would \'ll',
  shall: 'should',
  may: 'might',
  not: 'n\'t',
  use: 'used using',
  create: 'created creating',
  focus: 'focused focusing',
}).flatMap(([lemma, forms]) => forms.split(' ').map((f) => [f, lemma])))

const PRONOUNS: Readonly<Record<string, string>> = {
  me: 'I', my: 'my', us: 'we', him: 'he', her: 'she', them: 'they', mine: 'my',
}

/** Lemma of a word given its UPOS. */
export function lemmatize(word: string, upos: string): string {
  const w = word.replace(/’/g, "'")
  const lw = w.toLowerCase()
  if (upos === 'PROPN' || upos === 'NUM' || upos === 'PUNCT' || upos === 'SYM') return w
  if (lw === "'s" && upos === 'PART') return "'s"
  if (upos === 'PRON') return PRONOUNS[lw] ?? (lw === 'i' ? 'I' : lw)
  if (upos === 'VERB' || upos === 'AUX' || upos === 'PART') {
    const irr = IRREGULAR[lw]
    if (irr) return irr
    if (upos === 'PART') return lw
    return verbLemma(lw)
  }
  if (upos === 'NOUN') return nounLemma(lw)
  return lw
}

const VOWEL = /[aeiou]/

/**
 * Stem of an -ed/-ing form: a doubled final consonant is undone (stopped -> stop), and the silent e a stem lost
 * comes back where English spelling all but requires it (seized, forced, lived, argued, decided, stated, used).
 */
function edStem(stem: string): string {
  if (stem.length < 2 || !VOWEL.test(stem)) return stem
  if (/([bdgmnprtz])\1$/.test(stem) && !/(?:dd|zz)$/.test(stem)) return stem.slice(0, -1)
  const pair = /[aeiou][aeiou][^aeiou]$/.test(stem) // treat, appear, joined: no e
  if (/(?:[vzu]|[^aeiou]c|[rld]g|[hr]ang|eng|[^aeiou][aeiou]g)$/.test(stem)) return stem + 'e'
  if (/[aeiou][aeiu]s$/.test(stem) && !/ous$/.test(stem)) return stem + 'e'
  if (pair) return stem
  if (/[^aeiou][aeiou][skdl]$/.test(stem) && !/(?:[aeiou]ck)$/.test(stem)) return stem + 'e'
  if (/[^aeiou][aiu]r$/.test(stem)) return stem + 'e'
  if (/[^aeiou](?:at|ot|ut)$/.test(stem) || /(?:cit|nit|vit|[lp]et)$/.test(stem)) return stem + 'e'
  if (/[^aeiou]in$/.test(stem) && stem.length > 4) return stem + 'e'
  return stem
}

function verbLemma(w: string): string {
  if (w.length <= 3) return w
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y'
  if (/(?:ss|sh|ch|x|zz|o)es$/.test(w)) return w.slice(0, -2)
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) return w.slice(0, -1)
  if (w.endsWith('ied')) return w.slice(0, -3) + 'y'
  if (w.endsWith('eed') || w.endsWith('eing')) return w.endsWith('eed') ? w.slice(0, -1) : w.slice(0, -3)
  if (w.endsWith('ed') && w.length > 3) return edStem(w.slice(0, -2))
  if (w.endsWith('ing') && w.length > 5) return edStem(w.slice(0, -3))
  return w
}

function nounLemma(w: string): string {
  if (w.length <= 3 || !w.endsWith('s') || /(?:ss|us|is|ics|ws)$/.test(w)) return w
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y'
  if (/(?:ss|sh|ch|x|zz)es$/.test(w)) return w.slice(0, -2)
  if (w.endsWith('men')) return w.slice(0, -3) + 'man'
  return w.slice(0, -1)
}
