/** Tunable constants of the POS tagger and dependency parser (feature hashing, training). */

/** Universal POS tags; index = tagger class id. */
export const UPOS = ['NOUN', 'PUNCT', 'VERB', 'PRON', 'ADP', 'DET', 'ADJ', 'AUX', 'PROPN', 'ADV', 'CCONJ', 'PART', 'NUM', 'SCONJ', 'SYM', 'INTJ', 'X'] as const
/** Tagger classes. */
export const N_TAGS: number = UPOS.length

/** Parser transitions (arc-hybrid): SHIFT b0 onto the stack; LEFT b0 -> s0 and pop; RIGHT s1 -> s0 and pop. */
export const SHIFT = 0, LEFT = 1, RIGHT = 2
export const N_MOVES = 3

/** log2 of the hashed feature rows of the tagger, the transition classifier and the label classifier. */
export const TAGGER_HASH_BITS = 19
export const PARSER_HASH_BITS = 20
export const LABEL_HASH_BITS = 19

/** Training epochs (the best dev epoch is kept) and the exploration of the dynamic oracle. */
export const TAGGER_EPOCHS = 10
export const PARSER_EPOCHS = 20
/**
 * Parser training runs (different shuffles) whose weights are averaged into the stored model, whether
 * non-projective train trees are lifted to projective ones (else left out), and whether the int8 parser tables may
 * be companded (sign · sqrt, expanded to int16 at load).
 */
export const PARSER_RUNS = 3
export const LIFT_NONPROJECTIVE = true
export const COMPAND_INT8 = true
/**
 * Beam width of parser training (1 = greedy, trained with the dynamic oracle and exploration; above 1, global
 * training with BEAM_UPDATE: Zhang & Nivre 2011; Huang, Fayong & Guo 2012) and the width the stored model is run
 * with (meta.json `beamWidth`; the speed/accuracy curve over widths is in MODEL_CARD.md).
 */
export const BEAM_WIDTH: number = 8
export const BEAM_UPDATE: 'early' | 'max-violation' = 'max-violation'
export const BEAM_DECODE: number = 4
/**
 * Which parser the product runs: false = the greedy model (`models/syntax/`, trained with the dynamic oracle;
 * rebuild it with SYNTAX_BEAM=1 SYNTAX_LIFT=false SYNTAX_COMPAND=false), true = the beam model (its parser tables
 * in `models/syntax/beam/`, the same taggers). The beam model parses EWT better, but the events stage's pinned
 * scores, golden snapshot and trigger model were made on the greedy parses: switch together with a re-pin of those
 * (see models/syntax/MODEL_CARD.md).
 */
export const USE_BEAM_MODEL = false
/** From this epoch on, the parser follows its own (possibly wrong) prediction with EXPLORE probability. */
export const EXPLORE_FROM = 2
export const EXPLORE = 0.9
/** A second tagger pass that also sees the first pass's tags to the right (+0.2 UPOS on dev). */
export const TWO_PASS = true
/** Folds of the tagger jackknife that gives the parser realistic predicted tags on train. */
export const JACKKNIFE_FOLDS = 5
/** Seed of the training shuffles. */
export const TRAIN_SEED = 20261206

/** Tag dictionary: words seen at least this often in train with one tag at least this share are tagged directly. */
export const TAGDICT_MIN_COUNT = 20
export const TAGDICT_MIN_SHARE = 0.995
