/** Cue lists for direct quotations. */

/** Fewer words than this inside quotation marks is a scare quote or a term, not speech (gold convention). */
export const MIN_QUOTE_WORDS = 3

/** Verbs of saying that attribute a quotation to a speaker. */
export const REPORTING_VERBS: readonly string[] = [
  'said', 'says', 'say', 'saying', 'told', 'tells', 'added', 'adds', 'adding', 'warned', 'warns', 'warning', 'stated', 'states', 'noted',
  'notes', 'noting', 'remarked', 'asserted', 'asserts', 'emphasized', 'emphasised', 'stressed', 'declared', 'insisted', 'wrote', 'writes',
  'tweeted', 'posted', 'explained', 'urged', 'urging', 'continued', 'announced', 'argued', 'claimed', 'replied', 'responded', 'quoted',
  'pointing out', 'pointed out', 'acknowledged', 'admitted', 'vowed', 'pledged', 'promised', 'commented', 'concluded', 'observed',
  'recalled', 'complained', 'welcomed', 'condemned', 'accused', 'described', 'called', 'calling', 'according to', 'demanded', 'asked',
  'reiterated', 'affirmed', 'confirmed', 'denied', 'threatened', 'predicted', 'suggested', 'cautioned', 'highlighted', 'underlined',
  'underscored', 'reaffirmed', 'maintained', 'clarified', 'elaborated', 'stressing', 'emphasizing', 'emphasising', 'underlining',
  'underscoring', 'explaining', 'insisting', 'arguing', 'asserting', 'highlighting', 'reiterating', 'declaring', 'stating', 'writing',
  // a document's words ("“…” read the statement") and verbs of tone
  'read', 'reads', 'quipped', 'retorted', 'interjected', 'lamented', 'conceded', 'blamed', 'slammed', 'criticized',
  'criticised', 'praised', 'hailed', 'denounced', 'rejected', 'dismissed',
]

/** Words between a closing mark and its verb that show a passive attribution ("X was quoted as saying"). */
export const PASSIVE_QUOTED = /\b(?:was|were|is|are)\s+quoted\b/u

/** Words between a closing mark and a verb that make the verb a second predicate of the subject before the quotation ("X called it “…” and said"). */
export const COORDINATED_VERB = /^\s*,?\s*(?:and|but|then|before|while)\b/u

/** Statement nouns whose author is named after "from"/"of" ("the statement from X's office", "a readout of the ministry"). */
export const STATEMENT_OF = /\b(?:statement|readout|communiqu[eé]|press\s+release|press\s+service|office|spokes(?:man|woman|person)|account)\s+(?:from|of|by|issued\s+by)\s+(?:the\s+)?$/iu

/** Statement nouns after a possessive name ("X's office said"). */
export const POSSESSIVE_STATEMENT = /^['’]s\s+(?:\p{Ll}+\s+)?(?:statement|readout|office|press\s+service|spokes(?:man|woman|person)|communiqu[eé])\b/u

/** Lemmas of verbs that report speech or writing: their subject is the speaker of the quotation their clause holds. */
export const SPEECH_LEMMAS: ReadonlySet<string> = new Set([
  'say', 'tell', 'add', 'warn', 'state', 'note', 'remark', 'assert', 'emphasize', 'emphasise', 'stress', 'declare', 'insist', 'write',
  'tweet', 'post', 'explain', 'urge', 'continue', 'announce', 'argue', 'claim', 'reply', 'respond', 'quote', 'point', 'acknowledge',
  'admit', 'vow', 'pledge', 'promise', 'comment', 'conclude', 'observe', 'recall', 'complain', 'welcome', 'condemn', 'accuse',
  'describe', 'call', 'demand', 'ask', 'reiterate', 'affirm', 'confirm', 'deny', 'threaten', 'predict', 'suggest', 'caution',
  'highlight', 'underline', 'underscore', 'read', 'mention', 'maintain', 'contend', 'report', 'tell', 'elaborate', 'opine', 'assure',
  'inform', 'announce', 'proclaim', 'brand', 'dub', 'label', 'term', 'characterize', 'characterise', 'slam', 'blast', 'criticize',
  'criticise', 'hail', 'praise', 'stipulate', 'specify', 'lament', 'quip', 'joke', 'retort',
  'counter', 'exclaim', 'shout', 'chant', 'reaffirm', 'clarify', 'answer', 'charge', 'allege', 'order', 'instruct', 'denounce',
  'dismiss', 'reject', 'decry', 'lambast', 'recommend', 'request', 'believe', 'think', 'consider', 'feel', 'interject', 'elucidate',
  'caution', 'insist', 'swear', 'boast', 'concede', 'acknowledge', 'hope', 'expect', 'fear', 'vow', 'indicate', 'blame',
])

/** Nouns for a written or spoken statement: their author, not the document itself, is the speaker. */
export const STATEMENT_NOUNS: ReadonlySet<string> = new Set([
  'statement', 'readout', 'communique', 'communiqué', 'release', 'message', 'letter', 'tweet', 'post', 'note', 'report', 'declaration',
  'announcement', 'office', 'service', 'resolution', 'bill', 'law', 'draft', 'clause',
])

/** Nouns for a person's office or role: "the spokeswoman said" speaks for the last person named with that role. */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'ambassador', 'envoy', 'diplomat', 'official', 'president', 'premier',
  'chief', 'commander', 'head', 'leader', 'secretary', 'general', 'adviser', 'advisor', 'director', 'chairman', 'chairwoman', 'lawmaker',
  'senator', 'deputy', 'prosecutor', 'governor', 'mayor', 'negotiator', 'representative', 'analyst', 'expert', 'professor', 'researcher',
  'lieutenant', 'colonel', 'admiral', 'captain', 'commissioner', 'speaker', 'king', 'emir', 'prince', 'cleric', 'ayatollah', 'candidate',
  'politician', 'legislator', 'parliamentarian', 'mp', 'judge', 'attorney', 'officer', 'executive', 'ceo', 'founder', 'editor', 'journalist',
])

/** Nouns for an organisation: "the ministry said" speaks for the last organisation named with that word. */
export const ORG_NOUNS: ReadonlySet<string> = new Set([
  'ministry', 'office', 'agency', 'government', 'council', 'committee', 'army', 'military', 'embassy', 'mission', 'company', 'corps',
  'department', 'administration', 'organization', 'organisation', 'court', 'parliament', 'navy', 'force', 'forces', 'group', 'movement',
  'commission', 'union', 'alliance', 'bank', 'firm', 'channel', 'agency', 'newspaper', 'daily', 'outlet', 'website', 'kremlin', 'cabinet',
  'presidency', 'secretariat', 'headquarters', 'command', 'coalition', 'bloc', 'party', 'front', 'centre', 'center', 'service', 'body',
])
