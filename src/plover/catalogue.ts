/**
 * The PLOVER catalogue: the one place that says which event types Dossier codes, their cooperation/conflict class,
 * their modes, which types are mutual (source and target may be swapped), what source and target mean for each
 * type, and how CAMEO codes map onto them. Events, the corpus stage, eval, the API and docs/plover.md all read it.
 *
 * Sources: the PLOVER manual (openeventdata/PLOVER `PLOVER_MANUAL.tex`, CC BY-SA 4.0), the NGEC/POLECAT codebook
 * (ahalterman/NGEC `PLOVER_structured_codebook_updated.csv`, MIT) and CAMEO2PLOVER-2021 (CC BY-SA 4.0); descriptions
 * are short paraphrases. Where they leave a choice, the team's gold conventions (`shared/gold/seeds/README.md`) win.
 */

/** The 16 PLOVER event types, in the manual's order (cooperation first, then conflict). */
export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT',
  'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const

/** A PLOVER event type. */
export type PloverType = (typeof PLOVER_TYPES)[number]

/** PLOVER's four cooperation/conflict classes (the "quad" classes inherited from CAMEO). */
export const QUAD_CLASSES = ['verbal-cooperation', 'material-cooperation', 'verbal-conflict', 'material-conflict'] as const
export type QuadClass = (typeof QUAD_CLASSES)[number]

/** Where a mode name comes from: the PLOVER manual, the team's gold pages, or Dossier's own finer split. */
export type ModeOrigin = 'plover' | 'gold' | 'dossier'

export interface PloverMode {
  readonly name: string
  /** one line: what the mode covers */
  readonly description: string
  readonly origin: ModeOrigin
}

/** What the source and target of an event of this type are. */
export interface ArgumentFrame {
  /** who the source is (PLOVER's "actor") */
  readonly source: string
  /** who the target is (PLOVER's "recipient") */
  readonly target: string
  /** PLOVER's "requires recipient": an event of this type always has a target */
  readonly requiresTarget: boolean
}

export interface PloverTypeInfo {
  readonly type: PloverType
  readonly quad: QuadClass
  /** one or two lines: what the type covers (paraphrasing the manual and the NGEC codebook) */
  readonly description: string
  /** what Dossier codes as this type where the gold conventions or our usage narrow it */
  readonly conventions: readonly string[]
  readonly modes: readonly PloverMode[]
  /** source and target may be swapped when two events are compared (meetings, mutual cooperation, agreements) */
  readonly symmetric: boolean
  readonly frame: ArgumentFrame
  /** CAMEO root codes (two digits) whose events mostly become this type */
  readonly cameoRoots: readonly string[]
  /** short example triggers (docs) */
  readonly examples: readonly string[]
}

const P = 'plover' as const, G = 'gold' as const, D = 'dossier' as const
const m = (name: string, description: string, origin: ModeOrigin = P): PloverMode => ({ name, description, origin })

/** REQUEST and REJECT share their modes (manual: "These modes are shared with REJECT"). */
const ASK_MODES: readonly PloverMode[] = [
  m('assist', 'exchange, relations or assistance of any kind'),
  m('change', 'a change of policy, government or institutions (including calls for someone to step down)'),
  m('yield', 'release of prisoners, an end to sanctions, easing of curfews or boycotts, a ceasefire'),
  m('meet', 'meetings and negotiations'),
]

const FRAME_SPEAKER = 'whoever makes the statement (the speaker, or the state or body they speak for)'

/** The catalogue, one record per type. */
export const PLOVER: Readonly<Record<PloverType, PloverTypeInfo>> = {
  AGREE: {
    type: 'AGREE', quad: 'verbal-cooperation',
    description: 'Agreeing, offering, promising or otherwise committing to cooperate in future, including promises to sign an agreement; cooperation announced for the future.',
    conventions: ['offers and promises of future cooperation are AGREE (gold)', 'a call by a party to end its own conflict is AGREE'],
    modes: [], symmetric: true,
    frame: { source: `${FRAME_SPEAKER} that commits itself`, target: 'the party it offers or promises to cooperate with; both parties of a mutual agreement may be the source', requiresTarget: false },
    cameoRoots: ['03'], examples: ['pledged', 'promised', 'offered', 'agreed to', 'readiness to cooperate'],
  },
  CONSULT: {
    type: 'CONSULT', quad: 'verbal-cooperation',
    description: 'Consultations of any kind: visits and hosting visits, meetings at a neutral place, talks, negotiations, and contact by phone or other remote means.',
    conventions: ['a visit has the visitor as source and the host as target; the place visited is the location (gold)', 'a future meeting or an invitation is AGREE'],
    modes: [
      m('visit', 'the source visits, the target hosts'),
      m('third-party', 'a meeting hosted by a third party'),
      m('multilateral', 'a meeting inside an alliance or international organisation'),
      m('phone', 'by phone or another remote medium'),
      m('meeting', 'a meeting or talks where neither side is named as host', D),
      m('discuss', 'two parties discussing a matter', D),
    ],
    symmetric: true,
    frame: { source: 'the visitor, or one of the parties who met', target: 'the host, or the other party', requiresTarget: false },
    cameoRoots: ['04'], examples: ['visited', 'met (with)', 'held talks', 'a phone call', 'discussed'],
  },
  SUPPORT: {
    type: 'SUPPORT', quad: 'verbal-cooperation',
    description: 'Verbal, non-material support: praising, endorsing or approving an actor or policy, starting or improving diplomatic ties, recognition, and signing or ratifying an agreement.',
    conventions: ['concluded agreements, praise and condolences are SUPPORT (gold)'],
    modes: [
      m('praise', 'praise, welcome, thanks, endorsement', D),
      m('condole', 'condolences and sympathy', D),
      m('sign', 'signing or concluding an agreement', D),
    ],
    symmetric: false,
    frame: { source: FRAME_SPEAKER, target: 'who or what is supported, praised or condoled with; the other signatory', requiresTarget: false },
    cameoRoots: ['05'], examples: ['welcomed', 'praised', 'expressed condolences', 'signed an agreement'],
  },
  CONCEDE: {
    type: 'CONCEDE', quad: 'verbal-cooperation',
    description: 'Verbal concessions without immediate material effect: promised easing of restrictions, declared (not yet implemented) ceasefires or withdrawals, pardons and amnesties, apologies and expressions of regret.',
    conventions: ['an announced future withdrawal is CONCEDE, not RETREAT'],
    modes: [], symmetric: false,
    frame: { source: 'who concedes', target: 'who the concession is made to', requiresTarget: false },
    cameoRoots: ['08'], examples: ['apologised', 'pardoned', 'declared a ceasefire'],
  },
  COOPERATE: {
    type: 'COOPERATE', quad: 'material-cooperation',
    description: 'Mutual material cooperation that benefits both sides: economic exchange, joint military exercises, judicial cooperation such as extradition, sharing intelligence.',
    conventions: ['a promise of future cooperation is AGREE', 'a single country\'s exercise is MOBILIZE'],
    modes: [m('intelligence', 'sharing intelligence or other significant information', G), m('military', 'joint military exercises or operations', D), m('economic', 'economic exchange', D)],
    symmetric: true,
    frame: { source: 'one of the cooperating parties', target: 'the other party', requiresTarget: true },
    cameoRoots: ['06'], examples: ['shared intelligence', 'held joint exercises'],
  },
  AID: {
    type: 'AID', quad: 'material-cooperation',
    description: 'Material aid that mainly benefits the recipient: money, credit and debt relief, arms and military or police assistance, humanitarian aid, asylum, hostage rescue.',
    conventions: ['arms supply, sale included, is AID/military (gold)', 'broad promises of future aid are AGREE'],
    modes: [
      m('military', 'arms, military or police assistance', G), m('economic', 'money, credit, debt relief', D),
      m('humanitarian', 'emergency and humanitarian aid', D), m('asylum', 'granting asylum', D),
    ],
    symmetric: false,
    frame: { source: 'the giver or supplier', target: 'the recipient', requiresTarget: true },
    cameoRoots: ['07'], examples: ['supplied missiles to', 'provided aid', 'delivered drones'],
  },
  RETREAT: {
    type: 'RETREAT', quad: 'material-cooperation',
    description: 'Concessions with immediate material effect: withdrawing forces or ceding territory, releasing captives, disarming, observing a ceasefire, letting observers or aid workers in, officials resigning.',
    conventions: ['announced future retreats are CONCEDE'],
    modes: [
      m('withdraw', 'retreat from territory or withdraw forces from an area'), m('release', 'release captives'),
      m('disarm', 'disarm or give up weapons'), m('ceasefire', 'implement a ceasefire'),
      m('access', 'let a third party (observers, peacekeepers, aid workers) in'), m('resign', 'an official resigns'),
    ],
    symmetric: false,
    frame: { source: 'who withdraws, releases or gives way', target: 'who benefits, or whose territory is left', requiresTarget: false },
    cameoRoots: ['08'], examples: ['withdrew', 'pulled out', 'released'],
  },
  REQUEST: {
    type: 'REQUEST', quad: 'verbal-conflict',
    description: 'Requests, demands, appeals and orders, less forceful than threats; always verbal (a demand made by demonstrating is PROTEST). PLOVER\'s REQUEST is the older DEMAND and covers CAMEO\'s APPEAL.',
    conventions: ['calls for restraint, de-escalation or a change of policy are REQUEST/change'],
    modes: ASK_MODES, symmetric: false,
    frame: { source: FRAME_SPEAKER, target: 'who is asked, urged or called on', requiresTarget: false },
    cameoRoots: ['02', '10'], examples: ['urged', 'called on', 'requested', 'demanded'],
  },
  ACCUSE: {
    type: 'ACCUSE', quad: 'verbal-conflict',
    description: 'Disapproval, criticism, condemnation and complaints (diplomatic protests included); accusations and allegations, formal or informal, lawsuits and charges; investigations.',
    conventions: ['a condemnation of an attack takes the attack\'s author as target (gold)', 'calling an act a crime or a violation of law is ACCUSE/disapprove'],
    modes: [
      m('disapprove', 'express disapproval, condemn, criticise, complain'),
      m('investigate', 'an investigation of any kind: commissions, judicial or political'),
      m('allege', 'accuse, allege, sue, indict or charge'),
    ],
    symmetric: false,
    frame: { source: FRAME_SPEAKER, target: 'who is condemned, accused or investigated (for a condemned attack, its author)', requiresTarget: false },
    cameoRoots: ['09', '11'], examples: ['condemned', 'criticised', 'accused', 'blamed'],
  },
  REJECT: {
    type: 'REJECT', quad: 'verbal-conflict',
    description: 'Rejections and refusals, including refusing a demand, a proposal or a meeting, barring entry, vetoes, and denials.',
    conventions: ['a denial is REJECT (gold)'],
    modes: ASK_MODES, symmetric: false,
    frame: { source: FRAME_SPEAKER, target: 'whose demand, proposal or accusation is rejected', requiresTarget: false },
    cameoRoots: ['12'], examples: ['denied', 'rejected', 'refused', 'dismissed'],
  },
  THREATEN: {
    type: 'THREATEN', quad: 'verbal-conflict',
    description: 'Threats and coercive warnings with serious possible consequences; the mode names what is threatened, not how.',
    conventions: ['vows of retaliation and announced punishment are THREATEN/violence'],
    modes: [
      m('restrict', 'restrict movement of people or goods (boycotts, blockades, curfews) or ban political activity'),
      m('arrest', 'arrest, detain or imprison (including arrest warrants in absentia)'),
      m('relations', 'suspend relations, talks or negotiations'),
      m('expel', 'expel diplomats, peacekeepers or organisations'),
      m('territory', 'occupy or seize territory'),
      m('violence', 'violence'),
    ],
    symmetric: false,
    frame: { source: FRAME_SPEAKER, target: 'who is threatened', requiresTarget: false },
    cameoRoots: ['13'], examples: ['threatened', 'vowed to retaliate', 'will be punished'],
  },
  PROTEST: {
    type: 'PROTEST', quad: 'material-conflict',
    description: 'Collective civilian action against the target: demonstrations, rallies, riots, strikes, hunger strikes, boycotts, blockades of access, symbolic vandalism.',
    conventions: ['a diplomatic protest is ACCUSE/disapprove, not PROTEST'],
    modes: [
      m('demo', 'an organised, largely peaceful demonstration'), m('riot', 'a violent riot'), m('strike', 'a labour strike'),
      m('hunger', 'a hunger strike'), m('boycott', 'a boycott'), m('obstruct', 'blocking passage or access'), m('vandalize', 'damaging property as a symbolic act'),
    ],
    symmetric: false,
    frame: { source: 'the protesters', target: 'who is protested against', requiresTarget: false },
    cameoRoots: ['14'], examples: ['demonstrations erupted', 'rallies were held'],
  },
  SANCTION: {
    type: 'SANCTION', quad: 'material-conflict',
    description: 'Any reduction of existing relations, not only formal sanctions: breaking or downgrading ties, expelling diplomats, halting aid or talks, court convictions, withdrawing from a body.',
    conventions: ['imposing sanctions is SANCTION', 'downgrading or cutting diplomatic ties is SANCTION/withdraw'],
    modes: [
      m('convict', 'found guilty or liable by a court'),
      m('expel', 'expel from a group, organisation or country (ambassadors included)'),
      m('withdraw', 'withdraw oneself or non-military resources (diplomats, aid, observers)'),
      m('discontinue', 'curtail or end diplomatic, commercial or material exchange; international sanctions'),
    ],
    symmetric: false,
    frame: { source: 'who imposes the sanction or cuts the relation', target: 'who is sanctioned', requiresTarget: true },
    cameoRoots: ['16'], examples: ['imposed sanctions on', 'downgraded ties', 'expelled the ambassador'],
  },
  MOBILIZE: {
    type: 'MOBILIZE', quad: 'material-conflict',
    description: 'Military or police moves short of using force: deployments, raised alert, mobilisation, a single country\'s exercises, weapons tests.',
    conventions: ['joint exercises are COOPERATE', 'a weapons test is MOBILIZE/weapons (NGEC codebook)'],
    modes: [
      m('troops', 'mobilise armed personnel or units'), m('weapons', 'readiness or tests of weapons systems'),
      m('police', 'mobilise police or security units'), m('militia', 'mobilise a non-state armed group'),
    ],
    symmetric: false,
    frame: { source: 'who mobilises or deploys', target: 'against whom, when stated', requiresTarget: false },
    cameoRoots: ['15'], examples: ['deployed troops', 'mobilised', 'test-fired a missile'],
  },
  COERCE: {
    type: 'COERCE', quad: 'material-conflict',
    description: 'Repression and coercion short of violence: seizures and raids, occupation and annexation, restrictions, censorship, curfews, martial law, arrests, deportations, withholding services, cyber attacks.',
    conventions: ['annexation and seizure are COERCE/seize; arrests COERCE/arrest'],
    modes: [
      m('seize', 'search, confiscate, raid, occupy'), m('restrict', 'restrict political freedoms or movement, ban people or groups'),
      m('censor', 'censor or restrict information'), m('curfew', 'impose a curfew'), m('martial-law', 'impose a state of emergency or martial law'),
      m('arrest', 'arrest or detain'), m('deport', 'expel or deport individuals'), m('withhold', 'withhold public goods or services'),
      m('misinformation', 'deception and influence operations'), m('cyber', 'cyber attacks and hacking'),
    ],
    symmetric: false,
    frame: { source: 'who coerces', target: 'who is arrested, restricted or whose property or land is taken', requiresTarget: false },
    cameoRoots: ['17'], examples: ['annexed', 'arrested', 'detained'],
  },
  ASSAULT: {
    type: 'ASSAULT', quad: 'material-conflict',
    description: 'Deliberate actions that can cause serious physical harm: attacks, bombings, strikes, fighting, abductions, assassinations, torture, destruction of property.',
    conventions: ['two-sided fighting puts both sides as source; one-sided violence has the perpetrator as source and the victim as target'],
    modes: [
      m('abduct', 'abduct, kidnap, hijack'), m('beat', 'beat or assault physically'), m('torture', 'torture'), m('sexual', 'sexual violence'),
      m('targeted', 'targeted killings and assassinations (attempted too), mass killing of defenceless people'),
      m('destroy', 'intentional destruction of property'), m('primitive', 'fire, blades, rocks'), m('firearms', 'rifles, pistols, light machine guns'),
      m('explosives', 'mines, IEDs, car bombs'), m('suicide-attack', 'suicide attacks'), m('aerial', 'manned aircraft'), m('drone', 'drones'),
      m('heavy-weapons', 'artillery, rockets, tanks'), m('crowd-control', 'tear gas, water cannon and other crowd control'),
      m('unconventional', 'chemical, biological, radiological or nuclear weapons'),
    ],
    symmetric: false,
    frame: { source: 'the attacker', target: 'who or what is attacked', requiresTarget: false },
    cameoRoots: ['18', '19', '20'], examples: ['attacked', 'bombing', 'strike on', 'assassination of'],
  },
}

/** Types whose source and target may be swapped (gold matching: "either order for CONSULT, COOPERATE, AGREE"). */
export const SYMMETRIC_TYPES: ReadonlySet<string> = new Set(PLOVER_TYPES.filter((t) => PLOVER[t].symmetric))

const TYPE_SET: ReadonlySet<string> = new Set(PLOVER_TYPES)

/** Whether a string is one of the 16 types (exact, upper case). */
export const isPloverType = (s: string): s is PloverType => TYPE_SET.has(s)

/** The catalogue record of a type (any case), or null for an unknown type. */
export function ploverInfo(type: string): PloverTypeInfo | null {
  const t = type.toUpperCase()
  return isPloverType(t) ? PLOVER[t] : null
}

/** Quad class of an event type; unknown types are reported as null rather than guessed. */
export const quadOf = (type: string): QuadClass | null => ploverInfo(type)?.quad ?? null

/** Whether source and target of this type (exact, upper case) may be swapped. */
export const isSymmetric = (type: string): boolean => SYMMETRIC_TYPES.has(type)

/** Mode names of a type (empty for unknown types and types without modes). */
export const modesOf = (type: string): readonly string[] => ploverInfo(type)?.modes.map((x) => x.name) ?? []

/** Whether `mode` is a mode of `type`; null (no mode) is always allowed. */
export const isModeOf = (type: string, mode: string | null): boolean => mode === null || modesOf(type).includes(mode)

/** The types of one quad class, in catalogue order. */
export const typesOfQuad = (quad: QuadClass): readonly PloverType[] => PLOVER_TYPES.filter((t) => PLOVER[t].quad === quad)
