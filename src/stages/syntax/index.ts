/** Part-of-speech tagging and labelled dependency parsing (UD English-EWT), trained by the project. */
export { SyntaxView, relIs } from './tree.js'
export { syntaxStage, ewtPieces, parseTokens } from './stage.js'
export { loadSyntaxModel, SyntaxParser, SYNTAX_MODEL_DIR, type ParsedSentence } from './model.js'
export { readConllu, writeConllu, isProjective, type ConlluSentence, type ConlluWord, type ConlluPrediction } from './conllu.js'
export { parseConllu } from './parse-conllu.js'
export { lemmatize } from './lemma.js'
export type { SyntaxToken } from '../../doc/layers.js'
