/** Named-entity recognition (CoNLL PER/ORG/LOC/MISC) with the project's own trained model. */
export { loadNer, tagConll, createTagger, createNerMemory, type NerTagger, type NerTagOptions } from './tagger.js'
export { readConll, chunks, toIob2, scoreNer, type ConllDocument, type ConllSentence, type Chunk, type NerScore, type Prf } from './conll.js'
export { NerMemory } from './memory.js'
export { normaliseToken } from './features.js'
export { NER_TAGS, NER_TYPES } from './ner.data.js'
