export { tokenize, splitSentences, tokensStage, lowerBound } from './tokens.js'
