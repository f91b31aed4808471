export { timexStage, findTimex } from './timex.js'
export { anchorOf, weekOf, weekday, bareMonth, monthDay, isoDay, type Resolved } from './resolve.js'
