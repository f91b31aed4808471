/** The framing stage and its lexicon (loaded or stance-marking terms in the outlet's own voice). */
export { framingStage, findFraming, documentTone, type FramingOptions } from './framing.js'
export { loadLexicon, compileLexicon, readLexiconFile, type CompiledEntry } from './lexicon.js'
export { quotedSpans } from './quoted.js'
export { FRAMING_LEXICON, type LexiconEntry } from './framing.data.js'
