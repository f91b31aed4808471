/** Thresholds and cue lists of the cross-source analysis (docs/cross-source.md explains each comparison). */

/** Words per shingle for near-duplicate detection: 5 keeps chance overlaps of common phrases low. */
export const SHINGLE_WORDS = 5
/** MinHash signature length (one-permutation hashing bins): standard error of the Jaccard estimate ≈ 1/√128 ≈ 0.09 at J=0.5. */
export const MINHASH_BINS = 128
/** LSH bands × rows = bins; 32 × 4 finds pairs at Jaccard 0.5 with p ≈ 0.87 and at 0.6 with p ≈ 0.99. */
export const LSH_BANDS = 32
export const LSH_ROWS = 4
/** Estimated shingle Jaccard at or above which two pages are near-duplicates (one text, lightly edited). */
export const NEAR_DUPLICATE_MIN = 0.5
/** At or above this similarity a near-duplicate is called a copy (reposted text) rather than a close rewrite. */
export const COPY_MIN = 0.8
/** An LSH bucket holds at most this many ids: a bigger one is one cluster, joined through its first members. */
export const MAX_BUCKET_SCAN = 64

/** Event pairs must score at least this much to share a story event (see event-coref.ts for the parts). */
export const COREF_MIN_SCORE = 3
/** Evidence-text similarity (IDF-weighted cosine of content words) worth this many points at 1.0. */
export const COREF_TEXT_WEIGHT = 4
/** Points for each actor slot that names the same actor on both sides (a weaker "same state" match gets half). */
export const COREF_ACTOR_POINTS = 2
/** Points when both events name the same place, and when both carry the same day. */
export const COREF_PLACE_POINTS = 1.5
export const COREF_SAME_DAY_POINTS = 2
/** Points for the same place for attacks (ASSAULT/COERCE): where and when identify an attack whose perpetrator is often unnamed. */
export const COREF_ATTACK_PLACE_POINTS = 2
/** Points when both sentences state the same figure for the same measure (a death toll names its attack). */
export const COREF_SAME_FIGURE_POINTS = 1.5
/** Two day-precision dates this many days apart may still be one event when everything else agrees (reported as a contradiction). */
export const COREF_DATE_SLACK_DAYS = 2
/** Score needed to merge despite a date or actor disagreement (which is then reported). */
export const COREF_CONFLICT_MIN_SCORE = 6
/** Two mentions on one page are one event only when worded this alike (cosine): a page restates, it does not paraphrase. */
export const COREF_MIN_TEXT_SAME_DOC = 0.3
/** Cross-page pairs that no date can check need at least this much wording in common. */
export const COREF_MIN_TEXT_UNDATED = 0.15
/** Types where two outlets may name different perpetrators of one act (merged and reported as a contradiction). */
export const ATTRIBUTION_TYPES: ReadonlySet<string> = new Set(['ASSAULT', 'COERCE'])
/** Largest block of candidate events compared pairwise (blocks are type × actor; bigger ones use a date-sorted window). */
export const COREF_BLOCK_WINDOW = 60
/** Event types whose source and target may be swapped (PLOVER: meetings, cooperation and agreements are mutual): the catalogue's. */
export { SYMMETRIC_TYPES } from '../plover/index.js'

/** An undated page's date is looked for this many days after the day a dated page gives a shared event. */
export const SHARED_EVENT_MAX_DAYS = 30
/** Characters before and after an actor's mention searched for the words of a role title ("Secretary of … Council"). */
export const ROLE_WINDOW_BEFORE = 120
export const ROLE_WINDOW_AFTER = 60
/** Share of a role title's words that must appear near the mention for the role to date the page. */
export const ROLE_TITLE_MIN_SHARE = 0.6

/** Documents are one story when they share this many story events, or one that leads both (first paragraphs). */
export const STORY_MIN_SHARED_EVENTS = 2
/** Independent sources (copies and repeat outlets collapsed) a shared story event needs to link two pages into one story on its own. */
export const STORY_MIN_SOURCES = 2
/** A story event more pages than this mention is background (an ongoing war, a long arms trade), not a story link. */
export const STORY_MAX_EVENT_DOCS = 50
/** Paragraphs counted as a document's lead for story grouping. */
export const STORY_LEAD_PARAGRAPHS = 3
/** Publication dates further apart than this keep documents in separate stories. */
export const STORY_MAX_DAYS_APART = 10

/** Words too common to say anything about which event a sentence reports. */
export const STOPWORDS: ReadonlySet<string> = new Set(('a an the and or but of in on at to for from by with as is are was were be been being has have had ' +
  'that this these those it its their his her he she they them we our you your i not no than then there here which who whom whose what when where ' +
  'while also said says say told according after before during over into about against between under would will could should can may might must ' +
  'did do does mr ms mrs more most other such some any all each both one two new last first week today monday tuesday wednesday thursday friday ' +
  'saturday sunday reported reports report stated statement added noted').split(' '))

/** Measures of numeric claims (what is counted), matched near the number or in the claim's `what`; casualties (dead and wounded together) is its own measure. */
export const CLAIM_MEASURES: readonly { readonly measure: string; readonly re: RegExp }[] = [
  { measure: 'killed', re: /\b(?:kill(?:ed|ing|s)?|dead|deaths?|died|death toll|toll|lives|fatalit(?:y|ies)|martyr(?:ed|s|dom)?|perished|murdered)\b/gi },
  { measure: 'injured', re: /\b(?:injur(?:ed|ies|ing)|wounded|wounding|hurt)\b/gi },
  { measure: 'casualties', re: /\bcasualt(?:y|ies)\b/gi },
  { measure: 'missing', re: /\bmissing\b/gi },
  { measure: 'arrested', re: /\b(?:arrest(?:ed|s)?|detain(?:ed|ees)|jailed|prisoners?)\b/gi },
  { measure: 'displaced', re: /\b(?:displaced|refugees|fled|evacuated)\b/gi },
]
/** Characters either side of a claim's number searched for its measure when `what` does not say it (the nearest word wins). */
export const CLAIM_MEASURE_WINDOW = 60
/** Measures that count people: their unit folds to "people" unless the claim counts things ("two explosions that killed …"). */
export const PEOPLE_MEASURES: ReadonlySet<string> = new Set(['killed', 'injured', 'casualties', 'missing', 'arrested', 'displaced'])
/**
 * Units that count everyone hit (martyrs, victims, others …): a death toll in "martyrs" and one in "people" count the
 * same thing. A group (children, women, soldiers, civilians, Iranians …) is a part of a toll, compared only with
 * figures of the same group: "6 children killed" does not contradict "37 people killed".
 */
export const PEOPLE_UNIT_RE = /^(?:people|persons?|individuals|victims|others|martyrs|dead|bodies)$/u
/** A figure right after these words is a part of a toll already given ("among them 6 children"), not a toll of its own. */
export const SUBSET_BEFORE_RE = /\b(?:among them|among whom|of them|of whom|including|includes|included)\s+(?:at least\s+|more than\s+|some\s+|about\s+)?$/i
/**
 * Words right before a time expression that make it the day of a statement, not of the act it reports: "has promised
 * to share intelligence …, his office said on Wednesday", "announced Tuesday", "in a statement on Monday".
 */
export const ANNOUNCEMENT_BEFORE_TIMEX_RE = /\b(?:said|says|announced|reported|stated|confirmed|added|declared|disclosed|revealed|told (?:reporters|journalists|the press)|(?:a |its |his |her |their )?(?:statement|readout|communiqu[eé]|briefing|press release|news conference|press conference)s?)\s+(?:(?:late|early)\s+)?(?:on\s+)?$/i
/** Event types a casualty figure can be the toll of. */
export const CASUALTY_EVENT_TYPES: ReadonlySet<string> = new Set(['ASSAULT', 'COERCE'])
/** Casualty figures of pages about one place (no event link) are compared when the pages are this many days apart at most. */
export const CLAIM_PLACE_WINDOW_DAYS = 7
/** A page's casualty figure is matched to another page's attack at the same place when the attack is at most this many days older than the page. */
export const CLAIM_EVENT_REACH_DAYS = 30

/** Entity mention kinds that name an actor in the sentence itself; role descriptions, pronoun antecedents and bare heads are inferences. */
export const NAMING_MENTIONS: ReadonlySet<string> = new Set(['alias', 'surname', 'translit', 'new'])
/** Nouns that report an act by name ("the bombing"): a date written before them, across a verb, is usually the verb's, not theirs. */
export const NOMINAL_TRIGGER_RE = /^(?:bomb(?:ing)?s?|(?:bomb |terror(?:ist)? |suicide )?attacks?|explosions?|blasts?|(?:air ?)?strikes?|assassinations?|killings?|shootings?|raids?|massacres?|crimes?|murders?)$/i
/** A determiner right before a nominal trigger marks a reference back to an act reported elsewhere ("called the bombing"). */
export const DEFINITE_BEFORE_RE = /\b(?:the|this|that|these|those)\s+(?:[\p{L}-]+\s+){0,2}$/iu
/** An event the events stage dated only to its page's publication week ("no date written") lies in the days before publication. */
export const PUBLICATION_WINDOW_DAYS = 7
/** Points for an undated page's weekday ("on Wednesday") that matches the other page's day. */
export const COREF_SAME_WEEKDAY_POINTS = 1.5
/** A date that belongs to a later act referring to this one ("called the bombing" on Wednesday) bounds it: the act lies this many days before, at most. The same reach bounds an attack a dated page reports with no date. */
export const DOUBTFUL_DATE_REACH_DAYS = 30

/** Of a key (LSH band, coreference block, place) shared by more documents than twice this, a new page meets its first and its latest this many (the LSH bucket's scan and the coreference window, src/corpus/incremental.ts). */
export const INCREMENTAL_KEY_EACH = 64
/** Past this many documents affected by new pages, the whole analysis runs instead (it is then about as cheap, and bounded in memory by the same). */
export const INCREMENTAL_MAX_PART = 20000
/** Past this share of the corpus affected by new pages, the whole analysis runs instead (a small corpus is analysed whole). */
export const INCREMENTAL_MAX_SHARE = 0.5
