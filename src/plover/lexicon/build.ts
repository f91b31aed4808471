/**
 * Builds the PLOVER trigger lexicon, `data/plover/lexicon.json`, from public event-coding data (`npm run
 * build:lexicon`; docs/lexicon.md):
 *
 * - verbs, their forms, the prepositions and object nouns their patterns ask for, and CAMEO codes from PETRARCH2's
 *   verb dictionary (`CAMEO.2.0.txt`, MIT);
 * - CAMEO → PLOVER type and mode through the catalogue (`src/plover/cameo.ts`: CAMEO2PLOVER-2021 with the gold
 *   README's remaps);
 * - nominal triggers from the objects of light verbs in the same dictionary ("launch an attack" makes "attack" an
 *   ASSAULT noun), plus the short curated lists below, each line with its reason;
 * - the PLOVER gold-standard sentences (`PLOVER_GSR_CAMEO.txt`, CC BY-SA 4.0) only to measure coverage.
 *
 * The output is deterministic: sorted entries, sorted forms, no dates. Run again and the file does not change.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cameoToPlover } from '../cameo.js'
import { isModeOf, type PloverType } from '../catalogue.js'
import { REPO_ROOT, SHARED } from '../../paths.js'
import { AGENT_DICTIONARIES, AGENTS_FILE, agentNouns } from '../agents.js'
import { parseVerbDictionary, patternFrame, regularForms, type VerbDictionary, type VerbForm } from './petrarch.js'

export interface LexiconEntry {
  readonly lemma: string
  readonly pos: 'verb' | 'noun' | 'adj'
  /** surface forms, lower case, sorted */
  readonly forms: readonly string[]
  /** a preposition or particle that must follow ("accuse … of", "call for"); null when none is needed */
  readonly prep: string | null
  /** the object the verb needs, lower case with its last word (the head) singular: "sanction" for "impose", "verbal attack"
   *  (every word must be in the object's phrase); or a class name (see `objectClass`); null when none */
  readonly object: string | null
  /** `object` names a class of `Lexicon.classes` (PETRARCH2 synonym set): any of its members is the object */
  readonly objectClass?: true
  readonly type: PloverType
  readonly mode: string | null
  /** the CAMEO code that decided, or null for curated entries */
  readonly cameo: string | null
  /** where it comes from: `petrarch2:<group>`, `petrarch2-light:<verb>` (a light verb's object), `dossier:<list>` */
  readonly source: string
  /** where the target is: the verb's object, the object of `prep` (or of one of `targetPreps`), or none */
  readonly target: 'object' | 'prep' | 'none'
  /** prepositions that bring in the target when `prep` does not ("impose sanctions on X") */
  readonly targetPreps?: readonly string[]
  /** the grammatical subject is PLOVER's target and the object its source (CAMEO 043: "host" a visit) */
  readonly reversed?: true
  /** how many dictionary lines support it (verb lines and patterns; curated entries count 1) */
  readonly count: number
}

export interface Lexicon {
  readonly about: string
  readonly sources: readonly { readonly file: string; readonly licence: string }[]
  readonly counts: Readonly<Record<string, number>>
  /** object classes (PETRARCH2 synonym sets used as objects): name → members (lower case, last word singular) */
  readonly classes: Readonly<Record<string, readonly string[]>>
  readonly entries: readonly LexiconEntry[]
}

/**
 * Bare verbs too ambiguous to code an event without a preposition or object condition. Their conditioned
 * entries (say + "condolence", take + "hostage") stay.
 */
const DROP_BARE_ONE: Readonly<Record<string, string>> = {
  say: 'reporting verb: the event is in what is said, not in saying it',
  tell: 'reporting verb', state: 'reporting verb', add: 'reporting verb', note: 'reporting verb', report: 'reporting verb',
  announce: 'reporting verb: what is announced decides the type', comment: 'reporting verb', explain: 'reporting verb',
  go: 'motion verb: a visit only with a destination, which the coder decides', come: 'motion verb', travel: 'motion verb (visit decided by the coder with a destination)',
  make: 'light verb: the object decides (make a visit, make an offer)', take: 'light verb: the object decides (take hostage, take part)',
  give: 'light verb: the object decides (give aid, give a warning)', get: 'light verb', have: 'auxiliary/light verb', do: 'auxiliary/light verb',
  be: 'copula', put: 'light verb', set: 'light verb', keep: 'light verb', hold: 'light verb: the object decides (hold talks, hold prisoners)',
  bring: 'light verb', send: 'light verb: the object decides (send troops, send aid, send a message)', carry: 'light verb (carry out an attack)',
  run: 'too many senses', turn: 'too many senses', move: 'too many senses (move troops is kept through its object)', open: 'too many senses',
  close: 'too many senses', start: 'aspectual verb', begin: 'aspectual verb', continue: 'aspectual verb', end: 'aspectual verb', stop: 'aspectual verb',
  see: 'perception verb ("saw a rise"); meeting only with a person object, decided by the coder',
  look: 'perception verb', show: 'too many senses', use: 'too many senses', call: 'too many senses (call for, call on are kept)',
  ask: 'also plain questions; kept with "for" and with request objects', raise: 'too many senses', deliver: 'light verb (deliver aid, deliver a speech)',
  express: 'light verb: the object decides (express condolences, express concern)', issue: 'light verb: the object decides (issue a warning, a statement)',
  launch: 'light verb: the object decides (launch an attack, a satellite, a campaign)', conduct: 'light verb: the object decides (conduct talks, drills, strikes)',
  stage: 'light verb: the object decides', mount: 'light verb', lodge: 'light verb (lodge a protest)', pass: 'light verb (pass a resolution, pass through)',
  fire: 'too many senses (fire a missile, fire an official): the object decides', sign: 'light verb: the object decides (sign an agreement, a decree)',
  meet: 'kept: CONSULT (listed here only as a reminder that "meet demands" is filtered by the coder)',
  receive: 'receiving aid, a call, a visitor, criticism: the object decides',
  offer: 'kept: AGREE (listed as a reminder that "offered condolences" is SUPPORT through its object)',
  charge: 'also prices and batteries: kept with "with"', strike: 'also labour strikes and deals ("strike a deal"): kept with objects',
  support: 'kept', follow: 'too many senses', lead: 'too many senses', return: 'too many senses', leave: 'too many senses', accept: 'kept',
  want: 'intention, not an act', need: 'intention, not an act', hope: 'attitude, not an act', believe: 'attitude', expect: 'attitude', consider: 'attitude',
  seek: 'kept only with objects (seek talks, seek aid)', work: 'too many senses', try: 'aspectual', attempt: 'aspectual', plan: 'a plan is not an event',
}
/** Groups of bare verbs that PETRARCH2's synonym groups code but that state no event on their own. */
const DROP_BARE_GROUPS: readonly [reason: string, verbs: string][] = [
  ['thinking or perceiving: no event', 'think learn ponder muse meditate ruminate reason speculate contemplate excogitate mull weigh reconsider hear find out know realize realise imagine'],
  ['a change of degree: what changes decides the event (kept with objects)', 'increase escalate enlarge magnify amplify heighten boost augment exaggerate better improve intensify redouble deepen expand compound ease abate mitigate ameliorate assuage step up beef up'],
  ['motion: a visit or a withdrawal only with its destination or origin, which the coder decides', 'depart egress embark go away go forth go to leave behind journey walk walk out get out drop out'],
  ['too many senses to code without an object or preposition', 'affect impact influence fill tease bide detach disconnect clear go by go through break crack engage commit circle table remit fail apply mean aim ready groom train vote reach indicate decide determine die best match master compete contrast compensate counterbalance attach relate correlate constitute render serve handle head command control direct steer manage govern rule dictate found establish institute inaugurate introduce insert innovate expose reveal divulge confess admit profess advertise advertize face encounter run into approach brave elicit promulgate interact unite join cluster conglomerate constellate converge flock gather amass assemble congregate pull together garner drum up enclose contain inhabit infest extract bill levy inflict force compel impel constrain enforce moderate mar impair corrupt contaminate dominate build prepare gear gear up resurrect resuscitate revive restore tempt rouse spur enliven invigorate galvanize embolden inspire encourage persuade associate integrate blend combine conflate fuse merge link connect bind chain coalesce concert coordinate synchronise synchronize harmonise harmonize orchestrate organise organize forge deal bargain barter haggle arm attire outfit gear equip stock buy purchase import sell invest spend'],
]
/** Multi-word verbs of DROP_BARE_GROUPS (the lists above split on spaces; these are read whole first). */
const MULTI = ['go away', 'go forth', 'go to', 'leave behind', 'walk out', 'get out', 'drop out', 'find out', 'step up', 'beef up', 'go by', 'go through', 'run into', 'pull together', 'drum up', 'gear up']

/** Every bare verb dropped, with its reason: the single entries above, then the groups. */
export const DROP_BARE: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = {}
  for (const [reason, verbs] of DROP_BARE_GROUPS) {
    let rest = ` ${verbs} `
    for (const m of MULTI) if (rest.includes(` ${m} `)) { out[m] = reason; rest = rest.replace(` ${m} `, ' ') }
    for (const v of rest.trim().split(/\s+/)) if (v) out[v] = reason
  }
  return { ...out, ...DROP_BARE_ONE }
})()

/** Verb lines of the dictionary that are no single verb ("arrest and", "killed or", "is determined"): skipped. */
export const isVerbLemma = (lemma: string): boolean => /^[a-z][a-z'-]*(?: [a-z][a-z'-]*)*$/.test(lemma) && lemma.length > 2 && !/(?:^| )(?:and|or|is|are|was|to)(?: |$)/.test(lemma)

/** Bare verbs listed in DROP_BARE but kept on purpose (their reason says why). */
const KEEP_DESPITE: ReadonlySet<string> = new Set(['meet', 'offer', 'support', 'accept'])

/**
 * Dictionary codes Dossier overrides for one verb, by the gold README: a condemnation stays ACCUSE even when CAMEO
 * codes "condemn the terrorist attack" as an empathetic comment (018), and denials are REJECT.
 */
const VERB_OVERRIDES: readonly { lemma: string; code: string; type: PloverType; mode: string | null; reason: string }[] = [
  { lemma: 'condemn', code: '018', type: 'ACCUSE', mode: 'disapprove', reason: 'gold: a condemnation of an attack is ACCUSE/disapprove with its author as target' },
  { lemma: 'denounce', code: '018', type: 'ACCUSE', mode: 'disapprove', reason: 'gold: condemnations are ACCUSE/disapprove' },
  { lemma: 'deplore', code: '018', type: 'ACCUSE', mode: 'disapprove', reason: 'gold: condemnations are ACCUSE/disapprove' },
]

/** Verbs whose objects name an event ("launch an attack"): their pattern objects become nominal triggers. */
export const LIGHT_VERBS: ReadonlySet<string> = new Set(['launch', 'stage', 'carry out', 'conduct', 'hold', 'impose', 'sign', 'express', 'lodge',
  'mount', 'wage', 'issue', 'convey'])
/** Heads the light verbs take that name no event ("hold in custody", "cease fire" split in two, "give hours"). */
const NOT_EVENT_NOUNS: ReadonlySet<string> = new Set(['fire', 'hour', 'custody', 'jail', 'camp', 'game', 'confinement', 'detainment', 'prison', 'hostage', 'captive', 'office', 'position', 'power', 'view', 'opinion', 'hope', 'belief', 'interest', 'concern', 'willingness', 'readiness', 'desire', 'wish'])

type Curated = readonly [lemma: string, object: string | null, type: PloverType, mode: string | null, target: LexiconEntry['target'], preps: readonly string[], reason: string, prep?: string]

/**
 * Light verb + object combinations news uses that the dictionary lacks or codes otherwise; the gold README decides.
 */
export const CURATED_LIGHT: readonly Curated[] = [
  ['impose', 'sanction', 'SANCTION', 'discontinue', 'prep', ['on', 'against'], 'imposing sanctions is SANCTION (gold; manual: sanctions are SANCTION/discontinue)'],
  ['slap', 'sanction', 'SANCTION', 'discontinue', 'prep', ['on'], 'news idiom for imposing sanctions'],
  ['pass', 'sanction', 'SANCTION', 'discontinue', 'prep', ['on', 'against'], 'passing sanctions (a legislature) is SANCTION'],
  ['fire', 'missile', 'ASSAULT', null, 'prep', ['at', 'on', 'into', 'toward', 'towards'], 'firing a missile at someone is ASSAULT; with no target the coder decides MOBILIZE/weapons (test)'],
  ['fire', 'rocket', 'ASSAULT', 'heavy-weapons', 'prep', ['at', 'on', 'into', 'toward', 'towards'], 'rockets are heavy weapons'],
  ['hold', 'talk', 'CONSULT', null, 'prep', ['with'], 'holding talks is CONSULT'],
  ['hold', 'meeting', 'CONSULT', null, 'prep', ['with'], 'holding a meeting is CONSULT'],
  ['hold', 'drill', 'MOBILIZE', 'troops', 'none', [], 'one country\'s drills are MOBILIZE (joint ones are COOPERATE, decided by the coder)'],
  ['hold', 'exercise', 'MOBILIZE', 'troops', 'none', [], 'one country\'s exercises are MOBILIZE (joint ones are COOPERATE)'],
  ['conduct', 'exercise', 'MOBILIZE', 'troops', 'none', [], 'one country\'s exercises are MOBILIZE'],
  ['conduct', 'test', 'MOBILIZE', 'weapons', 'none', [], 'a weapons test is MOBILIZE/weapons (NGEC codebook)'],
  ['sign', 'agreement', 'SUPPORT', 'sign', 'prep', ['with'], 'a concluded agreement is SUPPORT (gold)'],
  ['sign', 'deal', 'SUPPORT', 'sign', 'prep', ['with'], 'a concluded agreement is SUPPORT (gold)'],
  ['sign', 'treaty', 'SUPPORT', 'sign', 'prep', ['with'], 'a concluded agreement is SUPPORT (gold)'],
  ['sign', 'memorandum', 'SUPPORT', 'sign', 'prep', ['with'], 'a concluded agreement is SUPPORT (gold)'],
  ['conclude', 'agreement', 'SUPPORT', 'sign', 'prep', ['with'], 'a concluded agreement is SUPPORT (gold)'],
  ['launch', 'attack', 'ASSAULT', null, 'prep', ['on', 'against'], 'launching an attack is ASSAULT'],
  ['launch', 'strike', 'ASSAULT', null, 'prep', ['on', 'against'], 'launching strikes is ASSAULT'],
  ['carry out', 'attack', 'ASSAULT', null, 'prep', ['on', 'against'], 'carrying out an attack is ASSAULT'],
  ['carry out', 'strike', 'ASSAULT', null, 'prep', ['on', 'against'], 'carrying out strikes is ASSAULT'],
  ['express', 'condolence', 'SUPPORT', 'condole', 'prep', ['to', 'with'], 'condolences are SUPPORT (gold)'],
  ['send', 'condolence', 'SUPPORT', 'condole', 'prep', ['to'], 'condolences are SUPPORT (gold)'],
  ['offer', 'condolence', 'SUPPORT', 'condole', 'prep', ['to'], 'condolences are SUPPORT (gold)'],
  ['convey', 'condolence', 'SUPPORT', 'condole', 'prep', ['to'], 'condolences are SUPPORT (gold)'],
  ['express', 'support', 'SUPPORT', 'praise', 'prep', ['for'], 'expressing support is SUPPORT'],
  ['lodge', 'protest', 'ACCUSE', 'disapprove', 'prep', ['with'], 'a diplomatic protest is ACCUSE/disapprove (manual)'],
  ['lodge', 'complaint', 'ACCUSE', 'disapprove', 'prep', ['with', 'against'], 'an official complaint is ACCUSE/disapprove (manual)'],
  ['pass', 'resolution', 'ACCUSE', 'disapprove', 'prep', ['against', 'on'], 'a resolution against someone disapproves of them; the coder drops it without a target'],
  ['send', 'troop', 'MOBILIZE', 'troops', 'prep', ['to'], 'sending troops is MOBILIZE/troops'],
  ['send', 'weapon', 'AID', 'military', 'prep', ['to'], 'arms supply is AID/military (gold)'],
  ['send', 'arm', 'AID', 'military', 'prep', ['to'], 'arms supply is AID/military (gold)'],
  ['send', 'aid', 'AID', null, 'prep', ['to'], 'sending aid is AID'],
  ['supply', 'weapon', 'AID', 'military', 'prep', ['to', 'with'], 'arms supply is AID/military (gold)'],
  ['supply', 'drone', 'AID', 'military', 'prep', ['to', 'with'], 'arms supply is AID/military (gold)'],
  ['sell', 'weapon', 'AID', 'military', 'prep', ['to'], 'an arms sale is AID/military (gold)'],
  ['sell', 'drone', 'AID', 'military', 'prep', ['to'], 'an arms sale is AID/military (gold)'],
  ['deliver', 'weapon', 'AID', 'military', 'prep', ['to'], 'arms supply is AID/military (gold)'],
  ['issue', 'warning', 'THREATEN', null, 'prep', ['to', 'against'], 'a warning is THREATEN'],
  ['issue', 'threat', 'THREATEN', null, 'prep', ['to', 'against'], 'a threat is THREATEN'],
  ['make', 'visit', 'CONSULT', 'visit', 'prep', ['to'], 'making a visit is CONSULT/visit'],
  ['pay', 'visit', 'CONSULT', 'visit', 'prep', ['to'], 'paying a visit is CONSULT/visit'],
  ['expel', 'diplomat', 'SANCTION', 'expel', 'object', [], 'expelling diplomats is SANCTION/expel (manual)'],
  ['expel', 'ambassador', 'SANCTION', 'expel', 'object', [], 'expelling an ambassador is SANCTION/expel (manual)'],
  ['summon', 'ambassador', 'ACCUSE', 'disapprove', 'object', [], 'summoning an ambassador to complain is ACCUSE (manual, CONSULT ambiguities)'],
  ['recall', 'ambassador', 'SANCTION', 'withdraw', 'prep', ['from'], 'recalling an ambassador is SANCTION/withdraw'],
  ['downgrade', 'tie', 'SANCTION', 'withdraw', 'prep', ['with'], 'downgrading ties is SANCTION/withdraw'],
  ['cut', 'tie', 'SANCTION', 'withdraw', 'prep', ['with'], 'cutting ties is SANCTION/withdraw'],
  ['sever', 'tie', 'SANCTION', 'withdraw', 'prep', ['with'], 'severing ties is SANCTION/withdraw'],
  ['deploy', 'troop', 'MOBILIZE', 'troops', 'prep', ['to', 'in'], 'deploying troops is MOBILIZE/troops'],
  ['test', 'missile', 'MOBILIZE', 'weapons', 'none', [], 'a weapons test is MOBILIZE/weapons (NGEC codebook)'],
  ['test-fire', null, 'MOBILIZE', 'weapons', 'none', [], 'test-firing is a weapons test: MOBILIZE/weapons'],
  ['take', 'hostage', 'ASSAULT', 'abduct', 'object', [], 'taking hostages is ASSAULT/abduct'],
  ['lash out', null, 'ACCUSE', 'disapprove', 'prep', ['at', 'against'], 'lashing out at someone is criticism'],
  ['object', null, 'ACCUSE', 'disapprove', 'prep', [], '"objected to" is disapproval', 'to'],
  ['supply', null, 'AID', null, 'object', [], 'supplying a party (arms, fuel, aid) mainly benefits the recipient: AID (gold: arms supply is AID/military); PETRARCH2 codes it 060'],
  ['provide', null, 'AID', null, 'prep', ['to', 'with'], 'providing (aid, arms) to a party is AID; PETRARCH2 codes it 060'],
  ['indict', null, 'ACCUSE', 'allege', 'object', [], 'an indictment is ACCUSE/allege (manual mode)'],
  ['visit', null, 'CONSULT', 'visit', 'object', [], 'a visit is CONSULT with the visitor as source (gold)'],
  ['condemn', null, 'ACCUSE', 'disapprove', 'object', [], 'a condemnation is ACCUSE/disapprove (gold)'],
  ['pledge', null, 'AGREE', null, 'prep', ['to'], 'a pledge is a promise: AGREE (gold)'],
  ['vow', null, 'AGREE', null, 'prep', ['to'], 'a vow to cooperate is AGREE; a vow to retaliate is THREATEN (decided by the coder from the complement)'],
  ['deny', null, 'REJECT', null, 'object', [], 'a denial is REJECT (gold)'],
  ['urge', null, 'REQUEST', null, 'object', [], 'urging is a request (manual: REQUEST)'],
  ['deploy', null, 'MOBILIZE', 'troops', 'prep', ['to', 'in', 'near'], 'a deployment is MOBILIZE (manual); "deploy peacekeepers" is kept through its object'],
  ['withdraw', null, 'RETREAT', 'withdraw', 'prep', ['from'], 'withdrawing forces is RETREAT/withdraw (manual)'],
  ['pull out', null, 'RETREAT', 'withdraw', 'prep', ['of', 'from'], 'pulling out (of an area) is RETREAT/withdraw; PETRARCH2 groups it with departures'],
  ['sell', 'arm', 'AID', 'military', 'prep', ['to'], 'an arms sale is AID/military (gold)'],
  ['sell', 'missile', 'AID', 'military', 'prep', ['to'], 'an arms sale is AID/military (gold)'],
  ['supply', 'arm', 'AID', 'military', 'prep', ['to', 'with'], 'arms supply is AID/military (gold)'],
  ['supply', 'missile', 'AID', 'military', 'prep', ['to', 'with'], 'arms supply is AID/military (gold)'],
  ['provide', 'aid', 'AID', null, 'prep', ['to'], 'providing aid is AID'],
]

/** Nominal triggers news uses (the event is the noun); each with its PLOVER type. */
export const CURATED_NOUNS: readonly Curated[] = [
  ['talk', null, 'CONSULT', null, 'prep', ['with', 'between'], 'talks are CONSULT'],
  ['visit', null, 'CONSULT', 'visit', 'prep', ['to'], 'a visit is CONSULT/visit, visitor as source (gold)'],
  ['trip', null, 'CONSULT', 'visit', 'prep', ['to'], 'an official trip is a visit'],
  ['meeting', null, 'CONSULT', null, 'prep', ['with', 'between'], 'a meeting is CONSULT'],
  ['phone call', null, 'CONSULT', 'phone', 'prep', ['with', 'between'], 'a phone call is CONSULT/phone'],
  ['telephone conversation', null, 'CONSULT', 'phone', 'prep', ['with', 'between'], 'a phone call is CONSULT/phone'],
  ['summit', null, 'CONSULT', 'multilateral', 'prep', ['with', 'between'], 'a summit is a meeting'],
  ['negotiation', null, 'CONSULT', null, 'prep', ['with', 'between'], 'negotiations are CONSULT (manual)'],
  ['attack', null, 'ASSAULT', null, 'prep', ['on', 'against'], 'an attack is ASSAULT'],
  ['strike', null, 'ASSAULT', null, 'prep', ['on', 'against'], 'a (military) strike is ASSAULT; labour strikes are PROTEST/strike (decided by the coder)'],
  ['airstrike', null, 'ASSAULT', 'aerial', 'prep', ['on', 'against'], 'an airstrike is ASSAULT/aerial'],
  ['air strike', null, 'ASSAULT', 'aerial', 'prep', ['on', 'against'], 'an air strike is ASSAULT/aerial'],
  ['drone strike', null, 'ASSAULT', 'drone', 'prep', ['on', 'against'], 'a drone strike is ASSAULT/drone'],
  ['bombing', null, 'ASSAULT', 'explosives', 'prep', ['of', 'in'], 'a bombing is ASSAULT/explosives'],
  ['assassination', null, 'ASSAULT', 'targeted', 'prep', ['of'], 'an assassination is ASSAULT/targeted'],
  ['invasion', null, 'ASSAULT', null, 'prep', ['of'], 'an invasion is ASSAULT (long wars as background are filtered by the coder)'],
  ['sanction', null, 'SANCTION', 'discontinue', 'prep', ['on', 'against'], 'sanctions are SANCTION'],
  ['embargo', null, 'SANCTION', 'discontinue', 'prep', ['on', 'against'], 'an embargo is SANCTION/discontinue'],
  ['condemnation', null, 'ACCUSE', 'disapprove', 'prep', ['of'], 'a condemnation is ACCUSE/disapprove (gold)'],
  ['criticism', null, 'ACCUSE', 'disapprove', 'prep', ['of'], 'criticism is ACCUSE/disapprove'],
  ['accusation', null, 'ACCUSE', 'allege', 'prep', ['against'], 'an accusation is ACCUSE/allege'],
  ['allegation', null, 'ACCUSE', 'allege', 'prep', ['against'], 'an allegation is ACCUSE/allege'],
  ['indictment', null, 'ACCUSE', 'allege', 'prep', ['of', 'against'], 'an indictment is ACCUSE/allege'],
  ['investigation', null, 'ACCUSE', 'investigate', 'prep', ['into'], 'an investigation is ACCUSE/investigate'],
  ['agreement', null, 'SUPPORT', 'sign', 'prep', ['with', 'between'], 'a concluded agreement is SUPPORT (gold); a planned one AGREE (decided by the coder)'],
  ['deal', null, 'SUPPORT', 'sign', 'prep', ['with', 'between'], 'a concluded deal is SUPPORT (gold)'],
  ['treaty', null, 'SUPPORT', 'sign', 'prep', ['with', 'between'], 'a concluded treaty is SUPPORT (gold)'],
  ['condolence', null, 'SUPPORT', 'condole', 'prep', ['to'], 'condolences are SUPPORT (gold)'],
  ['missile test', null, 'MOBILIZE', 'weapons', 'none', [], 'a weapons test is MOBILIZE/weapons (NGEC codebook)'],
  ['missile launch', null, 'MOBILIZE', 'weapons', 'none', [], 'a launch with no target is a weapons test'],
  ['drill', null, 'MOBILIZE', 'troops', 'none', [], 'military drills by one side are MOBILIZE (joint ones COOPERATE)'],
  ['exercise', null, 'MOBILIZE', 'troops', 'none', [], 'military exercises by one side are MOBILIZE (joint ones COOPERATE)'],
  ['deployment', null, 'MOBILIZE', 'troops', 'prep', ['to', 'in'], 'a deployment is MOBILIZE'],
  ['threat', null, 'THREATEN', null, 'prep', ['to', 'against'], 'a threat is THREATEN'],
  ['warning', null, 'THREATEN', null, 'prep', ['to', 'against'], 'a warning is THREATEN'],
  ['ultimatum', null, 'THREATEN', 'relations', 'prep', ['to'], 'an ultimatum is THREATEN (CAMEO 139)'],
  ['demand', null, 'REQUEST', null, 'prep', ['for'], 'a demand is REQUEST'],
  ['appeal', null, 'REQUEST', null, 'prep', ['for', 'to'], 'an appeal is REQUEST'],
  ['call', null, 'REQUEST', null, 'prep', ['for'], '"calls for" is a demand; phone calls are CONSULT/phone ("phone call")'],
  ['denial', null, 'REJECT', null, 'prep', ['of'], 'a denial is REJECT (gold)'],
  ['rejection', null, 'REJECT', null, 'prep', ['of'], 'a rejection is REJECT'],
  ['refusal', null, 'REJECT', null, 'prep', ['of'], 'a refusal is REJECT'],
  ['veto', null, 'REJECT', null, 'prep', ['of'], 'a veto is REJECT (CAMEO 129)'],
  ['protest', null, 'PROTEST', 'demo', 'prep', ['against'], 'street protests are PROTEST/demo; diplomatic protests ACCUSE ("lodge a protest")'],
  ['demonstration', null, 'PROTEST', 'demo', 'prep', ['against'], 'a demonstration is PROTEST/demo'],
  ['rally', null, 'PROTEST', 'demo', 'prep', ['against'], 'a rally is PROTEST/demo'],
  ['riot', null, 'PROTEST', 'riot', 'none', [], 'a riot is PROTEST/riot'],
  ['boycott', null, 'PROTEST', 'boycott', 'prep', ['of'], 'a boycott is PROTEST/boycott'],
  ['arrest', null, 'COERCE', 'arrest', 'prep', ['of'], 'an arrest is COERCE/arrest'],
  ['detention', null, 'COERCE', 'arrest', 'prep', ['of'], 'a detention is COERCE/arrest'],
  ['seizure', null, 'COERCE', 'seize', 'prep', ['of'], 'a seizure is COERCE/seize'],
  ['annexation', null, 'COERCE', 'seize', 'prep', ['of'], 'annexation is COERCE/seize'],
  ['withdrawal', null, 'RETREAT', 'withdraw', 'prep', ['from'], 'a withdrawal is RETREAT/withdraw; an announced one CONCEDE (decided by the coder)'],
  ['ceasefire', null, 'RETREAT', 'ceasefire', 'prep', ['with', 'between'], 'an implemented ceasefire is RETREAT/ceasefire'],
  ['release', null, 'RETREAT', 'release', 'prep', ['of'], 'a release of captives is RETREAT/release'],
  ['aid', null, 'AID', null, 'prep', ['to'], 'aid is AID'],
  ['arms supply', null, 'AID', 'military', 'prep', ['to'], 'arms supply is AID/military (gold)'],
  ['arms sale', null, 'AID', 'military', 'prep', ['to'], 'an arms sale is AID/military (gold)'],
  ['pledge', null, 'AGREE', null, 'prep', ['to'], 'a pledge is AGREE (gold)'],
  ['promise', null, 'AGREE', null, 'prep', ['to'], 'a promise of cooperation is AGREE (gold)'],
  ['offer', null, 'AGREE', null, 'prep', ['to'], 'an offer is AGREE (gold)'],
  ['praise', null, 'SUPPORT', 'praise', 'prep', ['for'], 'praise is SUPPORT'],
  ['apology', null, 'CONCEDE', null, 'prep', ['to'], 'an apology is CONCEDE (manual)'],
  ['cooperation', null, 'COOPERATE', null, 'prep', ['with', 'between'], 'cooperation under way is COOPERATE; offered cooperation AGREE (decided by the coder)'],
  ['intelligence sharing', null, 'COOPERATE', 'intelligence', 'prep', ['with', 'between'], 'sharing intelligence is COOPERATE/intelligence'],
]

/** Adjectives that name an event on their own noun ("joint exercises"). */
export const CURATED_ADJECTIVES: readonly Curated[] = [
  ['joint', 'exercise', 'COOPERATE', 'military', 'prep', ['with'], 'joint exercises are COOPERATE (manual), not MOBILIZE'],
  ['joint', 'drill', 'COOPERATE', 'military', 'prep', ['with'], 'joint drills are COOPERATE (manual)'],
  ['joint', 'patrol', 'COOPERATE', 'military', 'prep', ['with'], 'joint patrols are COOPERATE'],
  ['deadly', 'attack', 'ASSAULT', null, 'none', [], 'a deadly attack is ASSAULT'],
  ['terrorist', 'attack', 'ASSAULT', null, 'none', [], 'a terrorist attack is ASSAULT'],
  ['suicide', 'bombing', 'ASSAULT', 'suicide-attack', 'none', [], 'a suicide bombing is ASSAULT/suicide-attack'],
  ['military', 'aid', 'AID', 'military', 'prep', ['to'], 'military aid is AID/military (gold)'],
  ['humanitarian', 'aid', 'AID', 'humanitarian', 'prep', ['to'], 'humanitarian aid is AID/humanitarian'],
  ['diplomatic', 'protest', 'ACCUSE', 'disapprove', 'prep', ['to', 'with'], 'a diplomatic protest is ACCUSE/disapprove (manual)'],
]

/** Words of the dictionary's patterns that are no object nouns (adverbs, pronouns, determiners, auxiliaries). */
const NOT_OBJECTS: ReadonlySet<string> = new Set(('the and all any his her its their our your this that these those own new other some such more most less much many ' +
  'him them who whom what which not been being was were has have had will would can could may might must shall should also very there here than then ' +
  'into onto upon over under about after before against between through during').split(' '))

/** An object head worth keying an entry on: a plain word of three letters or more that is no adverb or function word. */
export const isObjectWord = (w: string): boolean => /^[a-z][a-z-]{2,}$/.test(w) && !w.endsWith('ly') && !NOT_OBJECTS.has(w)

/** "sanctions" → "sanction", "talks" → "talk", "allies" → "ally" (nouns of the dictionary's patterns). */
export function singular(w: string): string {
  if (/(?:ss|us|is|ous)$/.test(w) || w.length <= 3) return w
  if (/ies$/.test(w)) return `${w.slice(0, -3)}y`
  if (/(?:ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2)
  if (w.endsWith('s')) return w.slice(0, -1)
  return w
}

/** A phrase with its last word singular ("terrorist attacks" → "terrorist attack"). */
export const singularPhrase = (p: string): string => { const w = p.split(' '); return [...w.slice(0, -1), singular(w.at(-1)!)].join(' ') }

/** Singular and plural of a noun (multi-word: the last word inflects). */
export function nounForms(n: string): string[] {
  const words = n.split(' '), last = words.at(-1)!
  const pl = /(?:s|x|z|ch|sh)$/.test(last) ? `${last}es` : /[^aeiou]y$/.test(last) ? `${last.slice(0, -1)}ies` : `${last}s`
  return [n, [...words.slice(0, -1), pl].join(' ')]
}

/** Code-unit order: the same on every machine and locale. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

interface Vote { type: PloverType; mode: string | null; cameo: string; reversed: boolean }

/** The PLOVER reading of a CAMEO code for one verb (with that verb's overrides); null when it is no event. */
function readCode(lemma: string, code: string | null): Vote | null {
  if (!code) return null
  const o = VERB_OVERRIDES.find((x) => x.lemma === lemma && x.code === code)
  if (o) return { type: o.type, mode: o.mode, cameo: code, reversed: false }
  const p = cameoToPlover(code)
  return p ? { type: p.type, mode: isModeOf(p.type, p.mode) ? p.mode : null, cameo: code, reversed: p.reversed } : null
}

/** The winner of a set of votes: most votes per type, then per mode and code; ties by name, for determinism. */
function winner(votes: readonly Vote[]): { vote: Vote; count: number; share: number } | null {
  if (!votes.length) return null
  const tally = <K>(xs: readonly K[]): [K, number][] => {
    const m = new Map<K, number>()
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1)
    return [...m].sort((a, b) => b[1] - a[1] || cmp(String(a[0]), String(b[0])))
  }
  const [type, count] = tally(votes.map((v) => v.type))[0]
  const mine = votes.filter((v) => v.type === type)
  const mode = tally(mine.map((v) => v.mode ?? ''))[0][0] || null
  const cameo = tally(mine.filter((v) => (v.mode ?? null) === mode || mode === null).map((v) => v.cameo))[0][0]
  const reversed = mine.filter((v) => v.reversed).length * 2 > mine.length
  return { vote: { type, mode, cameo, reversed }, count, share: count / votes.length }
}

/** The default target of a verb entry: its object, or nothing for types that are often intransitive. */
const defaultTarget = (type: PloverType): LexiconEntry['target'] => (type === 'MOBILIZE' || type === 'PROTEST' || type === 'RETREAT' ? 'none' : 'object')

/** Entries of the PETRARCH2 dictionary: bare verbs, verb + preposition, verb + object (light verbs). */
export function verbEntries(dict: VerbDictionary): { entries: LexiconEntry[]; dropped: string[] } {
  const out: LexiconEntry[] = []
  const dropped: string[] = []
  for (const g of dict.groups) {
    const owner = (name: string | null): VerbForm[] => {
      if (!name) return g.verbs as VerbForm[]
      const hit = g.verbs.filter((v) => v.lemma === name || v.forms.includes(name))
      return hit.length ? hit : (g.verbs as VerbForm[])
    }
    const byVerb = new Map<VerbForm, { prep: string | null; objects: readonly string[]; target: 'object' | 'prep' | null; code: string | null }[]>()
    for (const p of g.patterns) {
      const f = patternFrame(p, dict.synsets)
      if (f.lowerWords) continue // a condition on the words before the verb (its subject), which this lexicon cannot state
      for (const v of owner(p.verb)) {
        const list = byVerb.get(v) ?? []
        list.push({ prep: f.prep, objects: f.objects.map((o) => (o.startsWith('&') ? o : singularPhrase(o))).filter((o) => o.startsWith('&') || o.split(' ').every(isObjectWord)), target: f.target, code: p.code })
        byVerb.set(v, list)
      }
    }
    for (const v of g.verbs) {
      if (!isVerbLemma(v.lemma)) continue
      const pats = byVerb.get(v) ?? []
      const base = { lemma: v.lemma, pos: 'verb' as const, forms: [...v.forms].sort(), source: `petrarch2:${g.name.toLowerCase()}` }
      // the bare verb: its own code, else the group's, backed by the patterns with no condition
      // the bare verb: its own code, else the group's; the patterns with no condition that agree add support
      const bareCode = v.code ?? g.code
      const free = pats.filter((p) => p.prep === null && !p.objects.length)
      const own = readCode(v.lemma, bareCode)
      let bare = own ? { vote: own, count: 1 + free.filter((p) => readCode(v.lemma, p.code)?.type === own.type).length, share: 1 } : null
      let bareFrom = 'code'
      if (!own) {
        // no code of its own: the patterns decide when they mostly agree
        const all = winner(pats.map((p) => readCode(v.lemma, p.code)).filter((x): x is Vote => !!x))
        bare = all && all.count >= 3 && all.share >= 0.6 ? all : null
        bareFrom = 'patterns'
      }
      if (bare && DROP_BARE[v.lemma] && !KEEP_DESPITE.has(v.lemma)) { dropped.push(`${v.lemma}: ${DROP_BARE[v.lemma]}`); bare = null }
      if (bare) {
        const tgt = free.find((p) => p.target)?.target
        out.push({ ...base, prep: null, object: null, type: bare.vote.type, mode: bare.vote.mode, cameo: bare.vote.cameo, target: tgt ?? defaultTarget(bare.vote.type), ...(bare.vote.reversed ? { reversed: true as const } : {}), count: bare.count, ...(bareFrom === 'patterns' ? { source: `${base.source}:patterns` } : {}) })
      }
      // conditioned entries, keyed by preposition and object head
      const keyed = new Map<string, { prep: string | null; object: string | null; votes: Vote[]; targets: ('object' | 'prep' | null)[] }>()
      for (const p of pats) {
        const objs = p.objects.length ? p.objects : [null]
        if (p.prep === null && !p.objects.length) continue
        for (const o of objs) {
          const key = `${p.prep ?? ''}|${o ?? ''}`
          const k = keyed.get(key) ?? { prep: p.prep, object: o, votes: [], targets: [] }
          const r = readCode(v.lemma, p.code)
          if (r) { k.votes.push(r); k.targets.push(p.target) }
          keyed.set(key, k)
        }
      }
      for (const k of [...keyed.values()].sort((a, b) => cmp(`${a.prep}|${a.object}`, `${b.prep}|${b.object}`))) {
        const w = winner(k.votes)
        if (!w) continue
        // the same reading as the bare verb adds nothing but support
        if (bare && w.vote.type === bare.vote.type && w.vote.mode === bare.vote.mode && k.object === null) continue
        if (bare && w.vote.type === bare.vote.type && k.object !== null && k.prep === null) continue
        const t = k.targets.find((x) => x) ?? (k.prep ? 'prep' : k.object ? 'prep' : defaultTarget(w.vote.type))
        const cls = k.object?.startsWith('&') ? className(k.object) : null
        out.push({ ...base, prep: k.prep, object: cls ?? k.object, ...(cls ? { objectClass: true as const } : {}), type: w.vote.type, mode: w.vote.mode, cameo: w.vote.cameo, target: t === 'object' && k.object ? 'prep' : t, ...(w.vote.reversed ? { reversed: true as const } : {}), count: w.count })
      }
    }
  }
  return { entries: out, dropped: [...new Set(dropped)].sort() }
}

/** "&WEAPON" → "weapon", "&AUXVERB1_" → "auxverb1". */
export const className = (label: string): string => label.replace(/^&/, '').replace(/_+$/, '').toLowerCase()

/** Classes the entries use: synonym set → singular head lemmas, sorted. */
export function objectClasses(dict: VerbDictionary, entries: readonly LexiconEntry[]): Record<string, string[]> {
  const used = new Set(entries.filter((e) => e.objectClass).map((e) => e.object!))
  const out: Record<string, string[]> = {}
  for (const [label, members] of [...dict.synsets].sort((a, b) => cmp(a[0], b[0]))) {
    const name = className(label)
    if (!used.has(name)) continue
    out[name] = [...new Set(members.map(singularPhrase).filter((m) => m.split(' ').every((w) => /^[a-z][a-z'-]*$/.test(w))))].sort()
  }
  return out
}

/** Nominal triggers harvested from the objects of light verbs: a noun whose light-verb patterns agree on one type. */
export function lightVerbNouns(verbs: readonly LexiconEntry[]): LexiconEntry[] {
  const byNoun = new Map<string, LexiconEntry[]>()
  for (const e of verbs) if (e.object && !e.objectClass && e.prep === null && LIGHT_VERBS.has(e.lemma)) byNoun.set(e.object, [...(byNoun.get(e.object) ?? []), e])
  const out: LexiconEntry[] = []
  for (const [noun, es] of [...byNoun].sort((a, b) => cmp(a[0], b[0]))) {
    const votes: Vote[] = es.flatMap((e) => Array.from({ length: e.count }, () => ({ type: e.type, mode: e.mode, cameo: e.cameo ?? '', reversed: false })))
    const w = winner(votes)
    if (!w || w.count < 2 || w.share < 0.6 || noun.length < 4 || NOT_EVENT_NOUNS.has(noun)) continue
    out.push({ lemma: noun, pos: 'noun', forms: nounForms(noun).sort(), prep: null, object: null, type: w.vote.type, mode: w.vote.mode, cameo: w.vote.cameo || null, source: `petrarch2-light:${[...new Set(es.map((e) => e.lemma))].sort().join('+')}`, target: 'prep', count: w.count })
  }
  return out
}

const curated = (list: readonly Curated[], pos: LexiconEntry['pos'], name: string): LexiconEntry[] => list.map(([lemma, object, type, mode, target, preps, , prep]) => ({
  lemma, pos, forms: (pos === 'noun' ? nounForms(lemma) : pos === 'adj' ? [lemma] : lemma.includes(' ') ? phraseForms(lemma) : [lemma, ...regularForms(lemma)]).sort(),
  prep: prep ?? null, object, type, mode, cameo: null, source: `dossier:${name}`, target, ...(preps.length ? { targetPreps: preps } : {}), count: 1,
}))

/** Forms of a phrasal verb: the first word inflects ("carry out" → "carried out"). */
function phraseForms(p: string): string[] {
  const [v, ...rest] = p.split(' ')
  return [v, ...regularForms(v)].map((f) => [f, ...rest].join(' '))
}

const key = (e: LexiconEntry): string => [e.lemma, e.pos, e.prep ?? '', e.object ?? ''].join('|')

/** The entry with its fields in the documented order (the JSON is compared byte for byte). */
export const canonical = (e: LexiconEntry): LexiconEntry => ({
  lemma: e.lemma, pos: e.pos, forms: [...new Set(e.forms)].sort(), prep: e.prep, object: e.object, ...(e.objectClass ? { objectClass: true as const } : {}), type: e.type, mode: e.mode, cameo: e.cameo,
  source: e.source, target: e.target, ...(e.targetPreps?.length ? { targetPreps: e.targetPreps } : {}), ...(e.reversed ? { reversed: true as const } : {}), count: e.count,
})

/** The whole lexicon: dictionary entries, then curated ones replacing any with the same lemma, part of speech, preposition and object. */
export function buildLexicon(verbDictionary: string): Lexicon & { dropped: string[] } {
  const dict = parseVerbDictionary(verbDictionary)
  const { entries: verbs, dropped } = verbEntries(dict)
  const merged = new Map<string, LexiconEntry>()
  const verbForms = new Map<string, readonly string[]>()
  for (const e of verbs) if (!verbForms.has(e.lemma)) verbForms.set(e.lemma, e.forms)
  const add = (e: LexiconEntry, override: boolean) => {
    const k = key(e), old = merged.get(k)
    const forms = [...new Set([...(old?.forms ?? []), ...e.forms])]
    if (!old) merged.set(k, e)
    // a curated line that agrees with the dictionary confirms it (and may add the target's prepositions)
    else if (override && old.type === e.type) merged.set(k, { ...old, mode: e.mode, target: e.target, targetPreps: e.targetPreps, count: old.count + 1 })
    else if (override) merged.set(k, { ...e, forms, count: e.count })
    else if (e.count > old.count) merged.set(k, { ...e, forms })
    else merged.set(k, { ...old, forms })
  }
  for (const e of verbs) add(e, false)
  for (const e of lightVerbNouns(verbs)) add(e, false)
  for (const e of curated(CURATED_LIGHT, 'verb', 'light')) add({ ...e, forms: verbForms.get(e.lemma) ?? e.forms }, true)
  for (const e of curated(CURATED_NOUNS, 'noun', 'nouns')) add(e, true)
  for (const e of curated(CURATED_ADJECTIVES, 'adj', 'adjectives')) add(e, true)
  // a dictionary entry with a condition that reads as its bare verb does adds nothing
  const bareOf = (e: LexiconEntry) => merged.get(key({ ...e, prep: null, object: null }))
  for (const [k, e] of merged) {
    const b = bareOf(e)
    if (b && b !== e && e.source.startsWith('petrarch2') && b.type === e.type && (b.mode === e.mode || e.prep === null)) merged.delete(k)
  }
  const entries = [...merged.values()].map(canonical).sort((a, b) => cmp(key(a), key(b)) || cmp(a.type, b.type))
  const counts: Record<string, number> = {}
  for (const e of entries) counts[e.type] = (counts[e.type] ?? 0) + 1
  return {
    about: 'PLOVER trigger lexicon built by `npm run build:lexicon` (src/plover/lexicon/build.ts); see docs/lexicon.md. Do not edit by hand.',
    sources: [
      { file: 'petrarch2/CAMEO.2.0.txt (openeventdata/petrarch2)', licence: 'MIT' },
      { file: 'plover/CAMEO2PLOVER-2021.txt (openeventdata/PLOVER), via src/plover/cameo.ts', licence: 'CC BY-SA 4.0' },
      { file: 'plover/PLOVER_MANUAL.tex and ngec/PLOVER_structured_codebook_updated.csv (curated entries\' reasons)', licence: 'CC BY-SA 4.0 / MIT' },
    ],
    counts: Object.fromEntries(Object.entries(counts).sort()), classes: objectClasses(dict, entries), entries, dropped,
  }
}

/** One entry per line: stable diffs, still valid JSON. */
export function serialize(lex: Lexicon): string {
  const head = JSON.stringify({ about: lex.about, sources: lex.sources, counts: lex.counts }, null, 2).replace(/\n}$/, '')
  const classes = Object.entries(lex.classes).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')
  return `${head},\n  "classes": {\n${classes}\n  },\n  "entries": [\n${lex.entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n')}\n  ]\n}\n`
}

/** Older PLOVER names in the 2016 gold-standard records → the current types. */
const GSR_TYPES: Readonly<Record<string, PloverType>> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT' }

/**
 * How many of PLOVER's 322 coded example sentences (`PLOVER_GSR_CAMEO.txt`) have a marked trigger word (`(EVT: …)`)
 * that the lexicon knows with the record's type, per type. A check of coverage, not a score of the coder: the
 * records follow the 2016 conventions.
 */
export function gsrCoverage(lex: Pick<Lexicon, 'entries'>, gsrJson: string): Record<string, { records: number; covered: number }> {
  const byForm = new Map<string, Set<string>>()
  for (const e of lex.entries) for (const f of e.forms) for (const w of f.split(' ')) byForm.set(w, (byForm.get(w) ?? new Set()).add(e.type))
  const out: Record<string, { records: number; covered: number }> = {}
  for (const r of JSON.parse(gsrJson) as { event: string; textInfo?: { markup?: string } }[]) {
    const type: string = GSR_TYPES[r.event] ?? r.event
    if (type === 'DOCUMENT' || !r.textInfo?.markup) continue
    const words = [...r.textInfo.markup.matchAll(/\(EVT:\s*([^)]*)\)/g)].flatMap((m) => m[1].toLowerCase().split(/[\s_]+/))
    const c = (out[type] ??= { records: 0, covered: 0 })
    c.records++
    if (words.some((w) => byForm.get(w)?.has(type) || byForm.get(singular(w))?.has(type))) c.covered++
  }
  return Object.fromEntries(Object.entries(out).sort())
}

export const LEXICON_FILE = join(REPO_ROOT, 'data', 'plover', 'lexicon.json')
export const GSR_FILE = join(SHARED, 'data', 'events', 'plover', 'PLOVER_GSR_CAMEO.txt')
export const VERB_DICTIONARY = join(SHARED, 'data', 'events', 'petrarch2', 'CAMEO.2.0.txt')

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(VERB_DICTIONARY)) throw new Error(`missing ${VERB_DICTIONARY} (set DOSSIER_SHARED)`)
  const lex = buildLexicon(readFileSync(VERB_DICTIONARY, 'utf8'))
  mkdirSync(dirname(LEXICON_FILE), { recursive: true })
  writeFileSync(LEXICON_FILE, serialize(lex))
  console.log(`wrote ${LEXICON_FILE}: ${lex.entries.length} entries`, lex.counts, `(${lex.dropped.length} bare verbs dropped)`)
  const agents = agentNouns(AGENT_DICTIONARIES.filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8')))
  writeFileSync(AGENTS_FILE, agents.join('\n') + '\n')
  console.log(`wrote ${AGENTS_FILE}: ${agents.length} agent nouns`)
  if (existsSync(GSR_FILE)) {
    const cov = gsrCoverage(lex, readFileSync(GSR_FILE, 'utf8'))
    const all = Object.values(cov).reduce((a, c) => ({ records: a.records + c.records, covered: a.covered + c.covered }), { records: 0, covered: 0 })
    console.log(`PLOVER example sentences whose marked trigger the lexicon knows with their type: ${all.covered}/${all.records}`)
    for (const [t, c] of Object.entries(cov)) console.log(`  ${t.padEnd(10)} ${c.covered}/${c.records}`)
  }
}
