export { quotesStage, findQuotes } from './quotes.js'
export { pairMarks, type MarkedQuote } from './marks.js'
