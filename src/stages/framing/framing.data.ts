/**
 * The built-in framing lexicon: loaded or stance-marking wording that outlets use in their own voice, with a
 * neutral equivalent, who typically uses it and why it is flagged. Written from general knowledge of media
 * language (state media, partisan and advocacy outlets, wire-service style guides), not from any test page.
 * Users extend it with JSON files (see `lexicon.ts`). Patterns are matched case-insensitively unless `caseSensitive`.
 */
export interface LexiconEntry {
  /** stable id, kebab-case */
  readonly id: string
  /** regular expression source; matched with the `u` flag, `i` unless caseSensitive */
  readonly pattern: string
  readonly caseSensitive?: boolean
  /** the term's label, as shown in outlet profiles */
  readonly term: string
  /** a neutral way to say the same thing */
  readonly neutral: string
  /** who typically uses it */
  readonly users: readonly string[]
  /** one line: why it is loaded */
  readonly reason: string
  /** -1 when it disparages its referent, +1 when it glorifies it, 0 when it only marks a stance */
  readonly polarity: -1 | 0 | 1
  /**
   * the match spans a short quotation of its own (scare quotes): quotation marks wholly inside it do not exclude it,
   * and a named group `lead` (in a lookbehind) moves the span's start back to the words before the quotation
   */
  readonly quoted?: boolean
}

const W = String.raw`[\p{L}\p{N}'’.-]+` // one word
const CAP = String.raw`\p{Lu}[\p{L}'’.-]*` // a capitalised word
const POSS = String.raw`(?:'s|’s)` // possessive ending
const SPONSOR = String.raw`(?:US|U\.S\.|American|Washington|Western|West|NATO|CIA|Israeli|Israel|Zionist|Saudi|Iran|Iranian|Tehran|Russia|Russian|Kremlin|Moscow|Turkish|Qatari|Emirati|UAE|Ukrainian|Kyiv|Kiev|Chinese|Beijing|British|UK|EU|Soros)`

/** Words that may precede "regime" without making it a label for a government ("sanctions regime"). */
export const NEUTRAL_REGIME_HEADS: readonly string[] = ['sanctions', 'sanction', 'visa', 'tax', 'trade', 'export', 'import', 'control', 'controls', 'inspection',
  'inspections', 'nonproliferation', 'non-proliferation', 'ceasefire', 'customs', 'tariff', 'currency', 'exchange', 'legal', 'regulatory', 'pension', 'training',
  'treatment', 'dosing', 'fitness', 'diet', 'nazi', 'new', 'old', 'former', 'the', 'this', 'that', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'security',
  'climate', 'safeguards', 'verification', 'monitoring', 'licensing', 'compliance', 'price', 'cap', 'transit', 'border', 'migration', 'asylum']

// Scare quotes: a one- or two-word quotation (lower-case, so not a title) of a group noun, or of an adjective before
// a group noun, in the outlet's own voice. A quotation after a word of saying or naming, or followed by ", X said",
// is someone's speech, not a sneer.
const QDET = String.raw`(?:[Tt]he|[Tt]hese|[Tt]hose|[Tt]heir|[Ii]ts|[Oo]ur|[Ss]uch)` // determiners kept in the span
const QMOD = String.raw`(?:\p{Lu}[\p{L}-]*(?:ern|an|ian|ese|ish|ic|i)|\p{Lu}{2,}|\p{Lu}(?:\.\p{Lu})+\.?|Kremlin|\p{Lu}[\p{L}.]*-(?:backed|funded|sponsored|trained|paid|financed|based|made)|[Ss]o-called|[Ss]elf-(?:styled|proclaimed)|[Ss]upposed|[Aa]lleged|[Ww]ould-be|[Ff]oreign|western|[Ii]ndependent|[Pp]ro-\p{L}+|[Aa]nti-\p{L}+)` // an adjective or a sponsor before the quotation (not "Russia", which may be an object)
const QSPEECH = String.raw`(?<![\p{L}-])(?:say|says|said|saying|call|calls|called|calling|describ(?:e|es|ed|ing)|dub(?:s|bed|bing)?|term(?:s|ed|ing)?|title[sd]?|entitled|name[sd]?|naming|label(?:l?ed|l?ing|s)?|brand(?:s|ed|ing)?|nicknamed|codenamed|code-named|known|hail(?:s|ed)?|prais(?:e|es|ed)|denounc(?:e|es|ed)|condemn(?:s|ed)?|decried|tout(?:s|ed)?|vow(?:s|ed)?|pledg(?:e|es|ed)|promis(?:e|es|ed)|warn(?:s|ed)?|chant(?:s|ed|ing)?|wrote|writes|tweet(?:s|ed)?|posted|headlined|quot(?:e|es|ed|ing)|insist(?:s|ed)?|told|tells|according)\b[^.;:!?\n"“”]{0,40}` // a word of saying or naming, up to 40 characters before
const QNAMING = String.raw`\b(?:as|word|words|term|phrase|slogan|label|headline|title|motto|hashtag|Operation|operation|film|movie|book|novel|song|album|play|show|series|programme|program|campaign|exercise|drill|project|magazine|newspaper|journal|column|report|documentary)\s+(?:[\p{L}-]+\s+){0,2}` // a title or a word quoted as a word
const QAFTER = String.raw`[^.;!?\n]{0,80}?,\s*(?:[\p{L}'’.-]+\s+){1,4}(?:said|says|remarked|added|noted|stated|wrote|insisted|argued|declared|stressed|continued|explained|told|observed|quipped)\b` // a trailing attribution: ", the minister said"
const QLOW = String.raw`\p{Ll}[\p{L}-]+` // a lower-case word (titles of works and operations are capitalised)
const QPEOPLE = String.raw`\p{Ll}[\p{L}-]*(?:ists|ysts|erts|ers|ors|ars|ants|ents|ians|ans|ats|ites|ives|ots|als|ies|ees|els|ics|ards|ates)` // a plural noun for people (experts, journalists, observers)
const QGROUP = String.raw`(?:opposition|rebels|protest(?:ers|ors)|demonstrators|activists|journalists|reporters|media|press|experts|analysts|observers|scholars|scientists|government|authorities|officials|leaders(?:hip)?|elites?|forces|fighters|militants|groups?|movement|society|community|partners|allies|democrac(?:y|ies)|world|volunteers|civilians|refugees|dissidents|politicians|parties|party|troops|army|militias?|advis[eo]rs|instructors|diplomats|envoys|monitors|inspectors|organi[sz]ations?|institutions|countries|nations|states|mediators|negotiators|peacekeepers|liberals|patriots|friends|coalition|alliance|camp|bloc|establishment|intelligentsia|students|workers|people)\b` // a noun for a group
const QUOTED = (inner: string): string => String.raw`(?:"${inner}"|“${inner}”|‘${inner}’)(?![\p{L}\p{N}])`
const QLEAD = String.raw`(?<![\p{L}-])(?:(?:${QDET}\s+)?${QMOD}|${QDET})\s+` // the words before the opening mark kept in the span
// matched from the opening mark (fast); the lead sits in a lookbehind as the group `lead`, which the span then starts at
const SCARE_QUOTE = String.raw`(?=["“‘]\p{Ll}[\p{L}-]*(?:\s\p{Ll}[\p{L}-]*)?["”’])(?<=(?<lead>${QLEAD})?)(?<!${QSPEECH})(?<!${QNAMING})` +
  String.raw`(?:(?<=${QLEAD})${QUOTED(String.raw`(?:${QLOW}\s)?${QPEOPLE}`)}|${QUOTED(QLOW)}\s+${QGROUP})(?!${QAFTER})`
// Arms supplies described as a flood ("pumping arms into"): a verb of pouring, a few words, the arms, then "into"/"to".
const GAP = String.raw`(?:(?!(?:and|or|but|while|which|that|who|then)\b)[\p{L}\p{N}'’$-]+\s+)` // one word inside a clause
const ARMS = String.raw`(?:weapons|weaponry|arms|munitions|ammunition|missiles|military\s+aid)` // what is supplied

/** Built-in lexicon entries, most specific first (the longest match wins where matches overlap). */
export const FRAMING_LEXICON: readonly LexiconEntry[] = [
  // — labels for a state or its government —
  { id: 'zionist-entity', pattern: String.raw`\bZionist\s+(?:regime|entity|enemy|state|occupation|army|forces|aggressors?|lobby)\b`, term: 'Zionist regime', neutral: 'Israel / the Israeli government', users: ['Iranian state media', 'Hezbollah and Hamas media', 'Houthi media'], reason: 'denies the state its name and casts it as an ideology', polarity: -1 },
  { id: 'occupying-entity', pattern: String.raw`\boccup(?:ying|ation)\s+(?:entity|regime|state|army|forces|authorities|government)\b`, term: 'occupying entity', neutral: 'Israel / Israeli forces', users: ['Iranian and Arab state media', 'Palestinian factions'], reason: 'names a state only by the occupation it is accused of', polarity: -1 },
  { id: 'usurping', pattern: String.raw`\busurp(?:ing|er|ers)\b(?:\s+(?:regime|entity|state))?`, term: 'usurping regime', neutral: 'Israel', users: ['Iranian state media'], reason: 'casts a state as illegitimate by definition', polarity: -1 },
  { id: 'capital-regime', pattern: String.raw`\b(?:${CAP}\s+)?${CAP}\s+regime\b`, caseSensitive: true, term: '<state> regime', neutral: 'the <state> government', users: ['state media of rival states', 'partisan outlets on all sides'], reason: '"regime" instead of "government" denies legitimacy', polarity: -1 },
  { id: 'the-regime', pattern: String.raw`\b(?:the|this|that)\s+regime\b(?![-‐])(?!\s+of\s+(?:sanctions|control|inspections?))`, term: 'the regime', neutral: 'the government', users: ['opposition and exile media', 'partisan outlets'], reason: 'a government called "the regime" in the outlet\'s own voice', polarity: -1 },
  { id: 'regime-controlled', pattern: String.raw`\bregime[-‐ ](?:controlled|run|backed|linked|affiliated|loyal|aligned|affiliated)(?:\s+(?:media|press|outlets?|news|television|TV|broadcasters?|forces|militias?|thugs|courts?))?\b`, term: 'regime-controlled media', neutral: 'state media / government forces', users: ['opposition and exile media', 'Israeli and US partisan outlets'], reason: 'folds the "regime" label into a description of institutions', polarity: -1 },
  { id: 'anti-regime', pattern: String.raw`\banti-regime\b(?:\s+(?:protest\s+movement|protesters|protests?|demonstrations?|demonstrators|movement|uprising|activists?))?`, term: 'anti-regime', neutral: 'anti-government', users: ['opposition and exile media', 'Western partisan outlets'], reason: 'carries the "regime" label into the opposition\'s name', polarity: -1 },
  { id: 'jewish-state', pattern: String.raw`\bthe\s+Jewish\s+state\b`, term: 'the Jewish state', neutral: 'Israel', users: ['Israeli and pro-Israel outlets', 'some Western outlets'], reason: 'names the state by its religious-national identity, a political claim', polarity: 0 },
  { id: 'terror-state', pattern: String.raw`\b(?:terror(?:ist)?|rogue|pariah|criminal|outlaw)\s+(?:state|regime|entity|government|army)\b`, term: 'terror state', neutral: 'the state / the government', users: ['government spokespeople and partisan outlets of rival states'], reason: 'applies a criminal or terrorist label to a state actor', polarity: -1 },
  { id: 'state-terrorism', pattern: String.raw`\b(?:state|American|US|U\.S\.|Israeli|Zionist|Iranian|Russian|Ukrainian|Kremlin|Saudi|Western|Kyiv|Kiev)\s+terror(?:ism)?\b`, term: 'state terrorism', neutral: 'military or security operations', users: ['state media of rival states'], reason: 'calls a state\'s use of force terrorism', polarity: -1 },
  { id: 'mullahs', pattern: String.raw`\bmullahs\b|\bmullah\s+regime\b|\bmullahcracy\b|\bthe\s+ayatollahs\b`, term: 'the mullahs', neutral: 'Iran\'s leadership', users: ['Iranian opposition media', 'Israeli and US partisan outlets'], reason: 'reduces a government to its clergy, disparagingly', polarity: -1 },
  { id: 'puppet', pattern: String.raw`\bpuppets?\b(?:\s+(?:regime|government|state|president|forces|army|parliament))?`, term: 'puppet', neutral: 'allied / client government', users: ['partisan outlets and state media on all sides'], reason: 'denies the actor any will of its own', polarity: -1 },
  { id: 'junta', pattern: String.raw`\b(?:Kyiv|Kiev|Kiev's|Kyiv's)\s+junta\b|\bneo-Nazi\s+(?:regime|junta|government|battalions?)\b`, term: 'Kiev junta', neutral: 'the Ukrainian government', users: ['Russian state media'], reason: 'casts an elected government as a coup regime', polarity: -1 },
  { id: 'neo-nazi', pattern: String.raw`\bneo-Nazis?\b|\bnazification\b|\bdenazification\b`, term: 'neo-Nazi', neutral: 'Ukrainian forces / nationalists', users: ['Russian state media'], reason: 'the label is the stated pretext of the 2022 invasion', polarity: -1 },
  { id: 'collective-west', pattern: String.raw`\bcollective\s+West\b|\bAnglo-Saxons\b`, term: 'collective West', neutral: 'Western governments', users: ['Russian state media'], reason: 'presents diverse states as one hostile bloc', polarity: -1 },
  { id: 'global-arrogance', pattern: String.raw`\bglobal\s+arrogance\b|\bGreat\s+Satan\b|\barrogant\s+powers?\b|\bworld\s+arrogance\b`, term: 'Global Arrogance', neutral: 'the United States and its allies', users: ['Iranian state media'], reason: 'revolutionary epithet for the US and allies', polarity: -1 },
  { id: 'hegemony', pattern: String.raw`\b(?:US|U\.S\.|American|Western|NATO)\s+hegemony\b|\bhegemonic\b|\bunipolar\s+hegemony\b`, term: 'US hegemony', neutral: 'US influence', users: ['Russian, Chinese and Iranian state media'], reason: 'frames influence as illegitimate domination', polarity: -1 },
  { id: 'imperialist', pattern: String.raw`\bimperialis[tm]s?\b`, term: 'imperialist', neutral: 'foreign policy', users: ['state media of rival states', 'far-left outlets'], reason: 'labels policy as conquest', polarity: -1 },
  // — armed groups and operations —
  { id: 'resistance', pattern: String.raw`\b(?:Axis\s+of\s+Resistance|Islamic\s+Resistance|resistance\s+(?:groups?|axis|movements?|fighters|forces|front|factions?|organi[sz]ations?|fronts))\b|\b(?:Palestinian|Lebanese|Iraqi|Yemeni|Islamic)\s+resistance\b`, term: 'resistance group', neutral: 'armed group / militant group', users: ['Iranian state media', 'Hezbollah and Hamas media', 'Al Mayadeen'], reason: 'casts an armed group as legitimate resistance', polarity: 1 },
  { id: 'freedom-fighters', pattern: String.raw`\bfreedom\s+fighters?\b|\bmujahideen\b`, term: 'freedom fighters', neutral: 'fighters / militants', users: ['sympathetic outlets on all sides'], reason: 'glorifies an armed group', polarity: 1 },
  { id: 'martyr', pattern: String.raw`\bmartyr(?:s|dom|ed|ing)?\b`, term: 'martyr', neutral: 'killed / dead', users: ['Iranian, Hezbollah, Hamas and Palestinian media', 'religious outlets'], reason: 'sanctifies the dead of one side', polarity: 1 },
  { id: 'heroic-operation', pattern: String.raw`\b(?:historic|heroic|glorious|blessed|brave|legendary|courageous)\s+(?:operations?|attacks?|strikes?|victory|resistance|martyrdom|offensive)\b`, term: 'historic operation', neutral: 'attack / operation', users: ['Hamas, Hezbollah and Iranian media', 'Russian state media'], reason: 'praises an armed attack', polarity: 1 },
  { id: 'heroic', pattern: String.raw`\bheroic(?:ally)?\b|\bheroes\b`, term: 'heroic', neutral: '(omit)', users: ['partisan and state media'], reason: 'praise in the reporter\'s voice', polarity: 1 },
  { id: 'anti-terror-commander', pattern: String.raw`\b(?:anti|counter)[- ]terror(?:ism|ist)?\s+(?:commander|hero|general|icon|chief|operations?|campaign)\b`, term: 'anti-terror commander', neutral: 'military commander / military operation', users: ['Iranian state media', 'Russian state media'], reason: 'recasts a military figure or war as counter-terrorism', polarity: 1 },
  { id: 'special-military-operation', pattern: String.raw`\bspecial\s+military\s+operation\b`, term: 'special military operation', neutral: 'invasion of Ukraine', users: ['Russian state media', 'Kremlin'], reason: 'Kremlin euphemism for the invasion', polarity: 1 },
  { id: 'liberation', pattern: String.raw`\bliberat(?:ed|ion|ing)\s+(?:of\s+)?(?:the\s+)?(?:city|town|village|region|territor(?:y|ies)|${CAP})`, caseSensitive: false, term: 'liberation', neutral: 'capture', users: ['Russian state media', 'partisan outlets on all sides'], reason: 'presents a capture as a liberation', polarity: 1 },
  { id: 'sponsor-backed', pattern: String.raw`\b${SPONSOR}[-‐](?:backed|sponsored|funded|armed|supported|trained|created|installed)\s+(?:${CAP}(?:\s+${CAP})?|terrorists?|terror\s+groups?|militants?|militias?|mercenaries|proxies|rebels|regime|puppets?)`, caseSensitive: true, term: 'US-backed', neutral: '(the group\'s name)', users: ['state media of rival states', 'partisan outlets'], reason: 'ties a group to a foreign sponsor, often disputed', polarity: -1 },
  { id: 'daesh', pattern: String.raw`\bDaesh\b|\bDa['’]esh\b`, term: 'Daesh', neutral: 'Islamic State', users: ['Arab, Iranian, Russian and French government media'], reason: 'a pejorative Arabic acronym chosen to deny the group its claimed name', polarity: -1 },
  { id: 'takfiri', pattern: String.raw`\btakfiris?\b`, term: 'takfiri', neutral: 'Sunni jihadist', users: ['Iranian and Hezbollah media'], reason: 'sectarian epithet', polarity: -1 },
  { id: 'group-terrorists', pattern: String.raw`\b(?:Hamas|Hezbollah|Houthi|Palestinian|Kurdish|PKK|Chechen|Ukrainian|Russian|Baloch|Jaish)\s+terrorists?\b`, term: 'Hamas terrorists', neutral: 'militants / fighters', users: ['Israeli government and partisan outlets', 'state media about their opponents'], reason: 'labels all members of a group as terrorists', polarity: -1 },
  { id: 'mercenaries', pattern: String.raw`\bmercenar(?:y|ies)\b`, term: 'mercenaries', neutral: 'foreign fighters / contractors', users: ['Russian and Iranian state media', 'Ukrainian officials'], reason: 'disparages fighters as paid killers', polarity: -1 },
  { id: 'crusaders', pattern: String.raw`\bcrusaders?\b|\binfidels?\b|\bapostates?\b`, term: 'crusaders', neutral: 'Western forces / non-Muslims', users: ['jihadist media'], reason: 'religious enemy label', polarity: -1 },
  // — descriptions of violence —
  { id: 'genocidal', pattern: String.raw`\bgenocidal\b(?:\s+(?:war|campaign|regime|aggression|onslaught|assault|entity|army))?|\b(?:ongoing|unfolding|${CAP}${POSS})\s+genocide\b`, term: 'genocidal war', neutral: 'war / military campaign', users: ['Iranian and Arab state media', 'advocacy outlets'], reason: 'asserts genocide, a contested legal finding, as fact', polarity: -1 },
  { id: 'state-crimes', pattern: String.raw`\b${CAP}${POSS}\s+(?:war\s+)?crimes\b|\bcrimes\s+(?:of|by)\s+(?:the\s+)?(?:${CAP}|Zionist\s+\w+|occupying\s+\w+|regime)`, term: 'Israel\'s crimes', neutral: '<state>\'s actions', users: ['state media of rival states', 'advocacy outlets'], reason: 'calls a state\'s actions crimes in the outlet\'s own voice', polarity: -1 },
  { id: 'atrocity', pattern: String.raw`\batroci(?:ty|ties)\b|\batrocious\b`, term: 'atrocities', neutral: 'attack(s) / actions', users: ['partisan outlets on all sides'], reason: 'moral judgement of an act in the reporter\'s voice', polarity: -1 },
  { id: 'massacre', pattern: String.raw`\bmassacre[sd]?\b|\bslaughter(?:ed|ing|s)?\b|\bbutcher(?:ed|ing|s|y)?\b|\bcarnage\b|\bbloodbath\b`, term: 'massacre', neutral: 'killing(s) / attack', users: ['partisan outlets on all sides'], reason: 'emotive word for killings', polarity: -1 },
  { id: 'murder', pattern: String.raw`\bmurder(?:ed|ing|s|ous)?\b`, term: 'murder', neutral: 'killing / death', users: ['partisan outlets on all sides'], reason: 'asserts an unlawful killing, a legal finding', polarity: -1 },
  { id: 'child-killer', pattern: String.raw`\bchild[- ]kill(?:ing|ers?)\b|\bbaby[- ]kill(?:ing|ers?)\b`, term: 'child-killing', neutral: '(omit)', users: ['Iranian and Arab state media', 'partisan outlets'], reason: 'emotive epithet', polarity: -1 },
  { id: 'barbaric', pattern: String.raw`\bbarbari(?:c|sm|ans?)\b|\bsavage(?:ry|s)?\b|\bbloodthirsty\b|\bbestial\b|\bbrutality\b`, term: 'barbaric', neutral: '(omit)', users: ['partisan outlets on all sides'], reason: 'dehumanising adjective in the reporter\'s voice', polarity: -1 },
  { id: 'aggression', pattern: String.raw`\b(?:${CAP}${POSS}?\s+|Zionist\s+|American\s+|Western\s+)?aggression\b|\bthe\s+aggressors?\b`, term: 'aggression', neutral: 'attack / military action', users: ['state media of rival states'], reason: 'judges a use of force as unlawful in the reporter\'s voice', polarity: -1 },
  { id: 'terror-noun', pattern: String.raw`\breign\s+of\s+terror\b|\bterror\s+campaign\b`, term: 'reign of terror', neutral: 'campaign / attacks', users: ['partisan outlets on all sides'], reason: 'emotive label for a campaign', polarity: -1 },
  // — places, protests, institutions —
  { id: 'occupied-palestine', pattern: String.raw`\boccupied\s+(?:Palestine|al-Quds|Quds|Palestinian\s+lands?)\b|\bJudea\s+and\s+Samaria\b`, term: 'occupied Palestine', neutral: 'Israel / the West Bank', users: ['Iranian and Arab state media (occupied Palestine)', 'Israeli right (Judea and Samaria)'], reason: 'a place name that carries a claim to the land', polarity: 0 },
  { id: 'settler-colonial', pattern: String.raw`\bsettler[- ]colonial(?:ism|ist)?\b|\bapartheid\s+(?:state|regime|Israel)\b`, term: 'settler-colonial', neutral: 'Israeli', users: ['advocacy outlets', 'Iranian and Arab state media'], reason: 'frames a state as illegitimate colonisation', polarity: -1 },
  { id: 'rioters', pattern: String.raw`\brioters\b|\bthugs\b|\bseditionists?\b|\bsedition\b|\bhooligans\b`, term: 'rioters', neutral: 'protesters', users: ['state media reporting on protests against their government'], reason: 'delegitimises protesters', polarity: -1 },
  { id: 'mouthpiece', pattern: String.raw`\bmouthpieces?\b|\bpropaganda\s+(?:outlets?|machine|channels?|arm)\b|\bpropagandists?\b`, term: 'mouthpiece', neutral: 'state-affiliated outlet', users: ['partisan outlets on all sides'], reason: 'dismisses another outlet as propaganda', polarity: -1 },
  { id: 'sham', pattern: String.raw`\bsham\s+(?:referend(?:um|a|ums)|elections?|votes?|trials?|polls?)\b|\billegal(?:ly)?\s+annex(?:ation|ed)\b`, term: 'sham referendum', neutral: 'referendum / annexation', users: ['Ukrainian and Western officials and outlets'], reason: 'judges a vote or act in the reporter\'s voice', polarity: -1 },
  { id: 'so-called', pattern: String.raw`\bso-called\s+${W}(?:\s+${W})?`, term: 'so-called', neutral: '(omit)', users: ['partisan outlets on all sides'], reason: 'distances the outlet from a name it repeats', polarity: -1 },
  { id: 'scare-quotes', pattern: SCARE_QUOTE, caseSensitive: true, quoted: true, term: 'scare quotes', neutral: '(the word without quotation marks, or who says so)', users: ['state media about critics and rival states', 'partisan outlets on all sides'], reason: 'quotation marks around a plain word in the reporter\'s voice sneer at the people it describes', polarity: -1 },
  { id: 'arms-flood', pattern: String.raw`\b(?:pour(?:s|ed|ing)?|pump(?:s|ed|ing)?|funnel(?:s|l?ed|l?ing)?|shovel(?:s|l?ed|l?ing)?)\s+${GAP}{0,4}?${ARMS}\s+(?:into|to)\b|\bflood(?:s|ed|ing)?\s+${GAP}{1,4}?with\s+${GAP}{0,3}?${ARMS}\b`, term: 'poured weapons into', neutral: 'supplied weapons to', users: ['Russian, Iranian and Chinese state media', 'anti-war and isolationist outlets'], reason: 'casts arms deliveries as a reckless flood that feeds a war, in the reporter\'s voice', polarity: -1 },
  { id: 'oppressed', pattern: String.raw`\boppressed\b(?:\s+(?:Palestinian\s+people|people|nations?|Palestinians?|Muslims?))?`, term: 'oppressed people', neutral: '(the people)', users: ['Iranian state media', 'advocacy outlets'], reason: 'casts one side as victim in the reporter\'s voice', polarity: 1 },
  { id: 'dictator', pattern: String.raw`\b(?:dictators?|tyrants?|despots?|autocrats?|strongman|war\s+criminals?)\b`, term: 'dictator', neutral: 'leader / president', users: ['partisan outlets on all sides'], reason: 'a verdict on a leader in the reporter\'s voice', polarity: -1 },
  { id: 'lobby', pattern: String.raw`\b(?:Israel|Israeli|Zionist|Jewish)\s+lobby\b`, term: 'Zionist lobby', neutral: 'pro-Israel advocacy groups', users: ['Iranian state media', 'far-right and far-left outlets'], reason: 'implies illegitimate hidden influence', polarity: -1 },
  { id: 'enemy', pattern: String.raw`\b(?:the|Zionist|Israeli|American|US|Takfiri)\s+enemy\b`, term: 'the enemy', neutral: 'Israel / the other side', users: ['Hezbollah, Hamas and Iranian media'], reason: 'the reporter takes a side in the war', polarity: -1 },
  { id: 'zionist', pattern: String.raw`\bZionists?\b`, caseSensitive: true, term: 'Zionist', neutral: 'Israeli', users: ['Iranian state media', 'Hezbollah and Hamas media'], reason: 'ideological label for the state or its people', polarity: -1 },
]

/** Evaluative words for the document tone score (besides the lexicon's own polarity), negative first. */
export const TONE_NEGATIVE: readonly string[] = ['attack', 'attacks', 'killed', 'kill', 'killing', 'dead', 'deadly', 'bloody', 'terror', 'terrorist', 'terrorism',
  'crisis', 'threat', 'threatens', 'threatened', 'violence', 'violent', 'war', 'condemned', 'condemns', 'condemn', 'brutal', 'crime', 'crimes', 'victims', 'tragic',
  'destroyed', 'destruction', 'failed', 'failure', 'escalate', 'escalation', 'tensions', 'sanctions', 'accused', 'denied', 'backlash', 'defeats', 'chaotic', 'retaliate',
  'punish', 'punishing', 'punished', 'siege', 'injured', 'wounded', 'explosions', 'bombings', 'cynical', 'concern', 'dwindling', 'destabilize', 'instability']

/** Positive evaluative words for the tone score. */
export const TONE_POSITIVE: readonly string[] = ['cooperation', 'cooperate', 'agreement', 'agreed', 'peace', 'stability', 'strengthen', 'strengthening', 'support',
  'welcomed', 'welcome', 'partners', 'partnership', 'ally', 'allies', 'friendship', 'progress', 'success', 'successful', 'positive', 'sympathy', 'condolences', 'ready',
  'praised', 'deepening', 'expansion', 'enhance', 'strategic', 'constructively', 'de-escalation', 'restraint', 'attractive']

/** A framing match inside a span of this many characters or fewer after an opening quote mark is treated as quoted. */
export const MAX_QUOTE_CHARS = 1200
