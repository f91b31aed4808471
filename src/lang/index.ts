/** Language of a document: detection (eld), normalisation of claimed tags, right-to-left scripts. */
export { detectLanguage, isRtl, normalizeLanguage, type Detection } from './detect.js'
export { ENGLISH, RTL_LANGUAGES } from './lang.data.js'
