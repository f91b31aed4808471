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

function verbLemma(w: string): string {
  if (w.length <= 3) return w
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y'
  if (/(?:ss|sh|ch|x|zz|o)es$/.test(w)) return w.slice(0, -2)
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) return w.slice(0, -1)
  if (w.endsWith('ied')) return w.slice(0, -3) + 'y'
  if (w.endsWith('ed') || w.endsWith('ing')) {
    const stem = w.endsWith('ed') ? w.slice(0, -2) : w.slice(0, -3)
    if (stem.length < 2 || !VOWEL.test(stem)) return w
    // doubled final consonant: stopped -> stop (but not "killed", "passed", "added")
    if (/([bdgmnprt])\1$/.test(stem) && !/(?:ll|ss|dd)$/.test(stem)) return stem.slice(0, -1)
    // a silent e dropped: agreed -> agree, used -> use, making -> make, attacked/attacking keep their stem
    if (/(?:[^aeiou][aeiou][cgsvz]|[^aeiouy][aeiou]?[cs]|at|it|ut|ot|ir|ur|dg|rg|lv|rv|ng)$/.test(stem) && !/(?:ck|ss|sh|ch)$/.test(stem)) {
      if (/(?:at|it|ut|ot|ir|ur)$/.test(stem) && !/(?:[aeiou][aeiou][tr]|[aeiou]at)$/.test(stem)) {
        // "stated", "united", "cited" -> +e; "visited", "limited", "targeted" keep
        return /(?:sit|mit|get|pit|lit|hit|bit|rit|dit|ait|eat|oat|it)$/.test(stem) && stem.length > 5 ? stem : stem + 'e'
      }
      if (/(?:ng|[^aeiou][aeiou][cgsvz]|[^aeiouy][cs]|dg|rg|lv|rv)$/.test(stem) && !/(?:ing)$/.test(stem) && !/(?:ss|ns|rs|ls)$/.test(stem)) return stem + 'e'
    }
    if (w.endsWith('eed')) return w.slice(0, -1)
    return stem
  }
  return w
}

function nounLemma(w: string): string {
  if (w.length <= 3 || !w.endsWith('s') || /(?:ss|us|is|ics|ws)$/.test(w)) return w
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y'
  if (/(?:ss|sh|ch|x|zz)es$/.test(w)) return w.slice(0, -2)
  if (w.endsWith('men')) return w.slice(0, -3) + 'man'
  return w.slice(0, -1)
}
