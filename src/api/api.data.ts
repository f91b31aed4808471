/** PLOVER's four cooperation/conflict classes (the "quad" classes inherited from CAMEO). */
export type QuadClass = 'verbal-cooperation' | 'material-cooperation' | 'verbal-conflict' | 'material-conflict'

/**
 * PLOVER event type → quad class. Follows the CAMEO quad split that PLOVER's types descend from:
 * statements, consultations, agreements and appeals are verbal cooperation (CAMEO 01–05);
 * cooperation, aid and yielding are material cooperation (06–08); accusations, rejections and
 * threats are verbal conflict (10–13); protests, sanctions, mobilisation, coercion and assault are
 * material conflict (14–20).
 */
export const PLOVER_QUAD: Readonly<Record<string, QuadClass>> = {
  AGREE: 'verbal-cooperation', CONSULT: 'verbal-cooperation', SUPPORT: 'verbal-cooperation', REQUEST: 'verbal-cooperation',
  COOPERATE: 'material-cooperation', AID: 'material-cooperation', CONCEDE: 'material-cooperation', RETREAT: 'material-cooperation',
  ACCUSE: 'verbal-conflict', REJECT: 'verbal-conflict', THREATEN: 'verbal-conflict',
  PROTEST: 'material-conflict', SANCTION: 'material-conflict', MOBILIZE: 'material-conflict', COERCE: 'material-conflict', ASSAULT: 'material-conflict',
}

/** Quad class of an event type; unknown types are reported as null rather than guessed. */
export const quadOf = (type: string): QuadClass | null => PLOVER_QUAD[type.toUpperCase()] ?? null

/** Largest page size any list endpoint returns (keeps one request bounded). */
export const MAX_PAGE = 500
/** Default page size of list endpoints. */
export const DEFAULT_PAGE = 50
