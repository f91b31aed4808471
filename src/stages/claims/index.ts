export { claimsStage, findClaims, sentenceClaims } from './claims.js'
