import { eld } from 'eld/medium'
import { DETECT_CHARS, MIN_DETECT_LEAD, MIN_DETECT_LETTERS, RTL_LANGUAGES } from './lang.data.js'

/** The language a text is written in, as the detector reads it. */
export interface Detection {
  /** ISO 639-1 code ("en", "ru", "fa", "ar"), or null when the text is too short or the detector gives no answer */
  readonly language: string | null
  /** the detector's score for it (eld's, 0–1) */
  readonly score: number
  /** eld's own verdict on whether the score and the n-grams read are enough */
  readonly reliable: boolean
  /** letters read */
  readonly letters: number
}

/**
 * Detects the language of a text with eld (Efficient Language Detector, its medium n-gram database, which ships in
 * the npm package; nothing is downloaded). Texts with fewer than MIN_DETECT_LETTERS letters, texts eld finds
 * unreliable and texts whose best language leads English by less than MIN_DETECT_LEAD are not detected
 * (language null).
 * @example detectLanguage('Министр иностранных дел России провёл переговоры в Москве.').language // 'ru'
 */
export function detectLanguage(text: string): Detection {
  const sample = text.length > DETECT_CHARS ? text.slice(0, DETECT_CHARS) : text
  const letters = sample.match(/\p{L}/gu)?.length ?? 0
  if (letters < MIN_DETECT_LETTERS) return { language: null, score: 0, reliable: false, letters }
  const r = eld.detect(sample)
  const scores = r.getScores()
  const score = r.language ? scores[r.language] ?? 0 : 0
  const reliable = r.isReliable() && (r.language === 'en' || score - (scores['en'] ?? 0) >= MIN_DETECT_LEAD * score)
  return { language: r.language && reliable ? r.language : null, score, reliable, letters }
}

/**
 * A language tag as the store keeps it: the ISO 639-1 primary subtag in lower case ("en-US" -> "en", "RU" -> "ru",
 * "fa_IR" -> "fa"); null for anything else.
 */
export function normalizeLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null
  const m = /^\s*([a-z]{2})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag)
  return m ? m[1]!.toLowerCase() : null
}

/** True when a language is written right to left. @example isRtl('fa') // true */
export function isRtl(language: string | null | undefined): boolean {
  return !!language && RTL_LANGUAGES.has(language)
}
