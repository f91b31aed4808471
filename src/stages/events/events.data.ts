/**
 * Trigger lexicon for PLOVER events (docs/plover.md). Each entry is matched case-insensitively at word boundaries
 * inside a sentence; `args` says how source, target and location are read around it.
 */

import type { PloverType } from '../../plover/index.js'

/** The 16 PLOVER event types (src/plover/catalogue.ts). */
export type { PloverType }

export interface TriggerEntry {
  /** regular-expression source for the trigger words */
  readonly pattern: string
  readonly type: PloverType
  readonly mode: string | null
  /** verb: subject is the source; noun: possessor or "by X" is the source, else the clause subject */
  readonly pos: 'verb' | 'noun'
  /** prepositions that introduce the target ('' = direct object) */
  readonly targetPreps: readonly string[]
  /** future or intended action is the event itself (pledges, threats, demands) */
  readonly future?: boolean
  /** the source is the speaker; the target is the clause subject ("Israel will be punished"), or the object when `targetPreps` is set */
  readonly speakerSource?: boolean
  /** only an event when a target is found ("punishing Israel", not "punishing the aggressor") */
  readonly needsTarget?: boolean
  /** only an event when someone says it ("X said Y violated the deal"; the narrator's "Y violated the deal" accuses no one) */
  readonly needsSpeaker?: boolean
  /** the target must follow the verb within a few words ("saw President X", not "saw a rise … X") */
  readonly adjacentTarget?: boolean
  /** the negation belongs to the trigger's meaning ("will not go unanswered"): it does not negate the event */
  readonly negative?: boolean
  /** one line: why this entry exists */
  readonly reason: string
}

const V = 'verb' as const, N = 'noun' as const
const OBJ = ['', 'with', 'to', 'on', 'against'] as const

/** Trigger lexicon, in priority order: when two entries overlap, the earlier (longer) one wins. */
export const TRIGGERS: readonly TriggerEntry[] = [
  // CONSULT
  { pattern: String.raw`(?:phone|telephone)\s+(?:call|conversation|talks?)`, type: 'CONSULT', mode: 'phone', pos: N, targetPreps: ['with', 'between'], reason: 'a phone call between leaders is PLOVER CONSULT/phone' },
  { pattern: String.raw`(?:spoke|speak|talked|conferred|consulted)\s+(?:by|on\s+the|over\s+the)\s+(?:tele)?phone`, type: 'CONSULT', mode: 'phone', pos: V, targetPreps: ['with', 'to'], reason: 'speaking by phone is CONSULT/phone' },
  { pattern: String.raw`visit(?:ed|ing)|visits(?!\s+to)`, type: 'CONSULT', mode: 'visit', pos: V, targetPreps: [''], reason: 'a visit is CONSULT/visit, visitor as source' },
  { pattern: String.raw`visits?\s+to`, type: 'CONSULT', mode: 'visit', pos: N, targetPreps: ['', 'to'], reason: 'nominal visit ("the visit to Tehran")' },
  { pattern: String.raw`visits?(?=\s+(?:by|of)\s+(?:\S+\s+){1,8}?to\s)`, type: 'CONSULT', mode: 'visit', pos: N, targetPreps: ['to'], reason: 'nominal visit with its visitor ("a visit by X to Tehran"; the "by" or "of" phrase is the visitor)' },
  { pattern: String.raw`arriv(?:ed|es)\s+in`, type: 'CONSULT', mode: 'visit', pos: V, targetPreps: [''], reason: 'arriving in a capital for talks is a visit' },
  { pattern: String.raw`(?:met|meets|meet)(?:\s+with)?`, type: 'CONSULT', mode: 'meeting', pos: V, targetPreps: [''], reason: 'meeting someone is CONSULT/meeting' },
  { pattern: String.raw`(?:held|holds|hold)\s+(?:\S+\s+){0,2}?meetings?\s+(?=with\b|between\b)`, type: 'CONSULT', mode: 'meeting', pos: V, targetPreps: ['with', 'between'], reason: 'holding (separate) meetings with people is CONSULT, dated like a verb' },
  { pattern: String.raw`(?:sat|sits|sit)\s+down\s+with`, type: 'CONSULT', mode: 'meeting', pos: V, targetPreps: ['', 'with'], reason: 'sitting down with someone is a meeting' },
  { pattern: String.raw`saw|sees`, type: 'CONSULT', mode: 'meeting', pos: V, targetPreps: [''], needsTarget: true, adjacentTarget: true, reason: '"saw President X" is a meeting, only with a named person right after the verb' },
  { pattern: String.raw`(?:held|holds|hold)\s+(?:\S+\s+){0,2}?talks`, type: 'CONSULT', mode: 'meeting', pos: V, targetPreps: ['with'], reason: 'talks are CONSULT' },
  { pattern: String.raw`talks\s+with`, type: 'CONSULT', mode: 'meeting', pos: N, targetPreps: ['with'], reason: 'nominal talks with someone' },
  { pattern: String.raw`(?:meeting|summit)\s+(?:between|with)|talks\s+between`, type: 'CONSULT', mode: 'meeting', pos: N, targetPreps: ['between', 'with'], reason: 'nominal meeting, summit or talks with its parties named ("negotiations between" is a process, measured and left out)' },
  { pattern: String.raw`(?:exchang(?:ed|es|ing)\s+(?:\S+\s+)?(?:views|opinions|ideas)|conferr(?:ed|ing)|confers)\s+with`, type: 'CONSULT', mode: 'discuss', pos: V, targetPreps: ['with'], reason: 'exchanging views or conferring with someone is CONSULT/discuss' },
  { pattern: String.raw`discuss(?:ed|es)`, type: 'CONSULT', mode: 'discuss', pos: V, targetPreps: ['with'], reason: 'two parties discussing is CONSULT' },
  // AGREE
  { pattern: String.raw`call(?:ed|s)\s+for\s+(?:the\s+)?(?:greater|closer|more|deeper|increased|stronger|expanded|broader|wider|further|enhanced|(?:expan(?:sion|ding)|deepening|develop(?:ing|ment)|strengthening|broadening|boosting|enhanc(?:ement|ing)|improv(?:ement|ing)|promot(?:ion|ing)|continu(?:ations?|ing)|upgrading|bolstering)(?:\s+of)?)\s+(?:\S+\s+){0,3}?(?:cooperation|ties|relations|partnership|interactions?|collaboration)`, type: 'AGREE', mode: null, pos: V, targetPreps: ['with'], future: true, reason: 'an offer of more cooperation is AGREE (PLOVER: offers and promises)' },
  { pattern: String.raw`pledg(?:ed|es|ing)`, type: 'AGREE', mode: null, pos: V, targetPreps: ['', 'to', 'with'], future: true, reason: 'pledges are AGREE' },
  { pattern: String.raw`vow(?:ed|s)\s+to\s+(?:further\s+)?(?:strengthen|expand|boost|deepen|develop|enhance|promote|increase|broaden|bolster|upgrade|continue)`, type: 'AGREE', mode: null, pos: V, targetPreps: ['with'], future: true, reason: 'vowing to strengthen ties or cooperation is a promise (AGREE), not a threat' },
  { pattern: String.raw`promised|offered(?!\s+(?:\S+\s+){0,3}?(?:condolences?|sympathy|sympathies|congratulations))`, type: 'AGREE', mode: null, pos: V, targetPreps: ['', 'to', 'with'], future: true, needsTarget: true, reason: 'promises and offers to someone are AGREE (a product "offers" nothing)' },
  { pattern: String.raw`(?:expressed|declared|announced|voiced|reiterated|expressing|declaring)\s+(?:\S+\s+){0,2}?readiness\s+to|(?:stand|stands|stood)\s+ready\s+to`, type: 'AGREE', mode: null, pos: V, targetPreps: ['with', 'to'], future: true, reason: 'declared readiness to act is an offer (AGREE)' },
  { pattern: String.raw`(?:ready|readiness)\s+(?:for|to)\s+(?:\S+\s+){0,3}?cooperat\w*`, type: 'AGREE', mode: null, pos: N, targetPreps: ['with'], future: true, reason: 'declared readiness to cooperate is an offer (AGREE)' },
  { pattern: String.raw`(?:ready|readiness|willing|willingness|prepared)\s+to\s+(?:\S+\s+)?(?:widen|expand|deepen|strengthen|broaden|increase|intensify|step\s+up|boost|share|develop)\b`, type: 'AGREE', mode: null, pos: N, targetPreps: ['with'], future: true, reason: 'declared readiness to widen or share (cooperation, information, experience) is an offer (AGREE)' },
  { pattern: String.raw`agreed(?=\s+(?:\S+\s+){0,4}?(?:to|that)\s)|agreed\s+(?:with\s+(?:\S+\s+){1,6}?)?on`, type: 'AGREE', mode: null, pos: V, targetPreps: ['with'], future: true, reason: 'agreeing to a future action is AGREE' },
  // SUPPORT
  { pattern: String.raw`(?:sent|conveyed|expressed|offered|extended|passed\s+on)\s+(?:\S+\s+){0,4}?(?:condolences?|sympathy|sympathies)`, type: 'SUPPORT', mode: 'condole', pos: V, targetPreps: ['', 'to', 'for', 'with'], reason: 'sending someone condolences is SUPPORT, dated like a verb, the addressee as target' },
  { pattern: String.raw`condolences?|sympathy`, type: 'SUPPORT', mode: 'condole', pos: N, targetPreps: ['to', 'for', 'with'], reason: 'condolences are SUPPORT (gold convention)' },
  { pattern: String.raw`(?:expressed|voiced|declared|reiterated|reaffirmed|announced|expressing|voicing|reiterating|reaffirming)\s+(?:\S+\s+){0,3}?support\s+(?:for|of)`, type: 'SUPPORT', mode: null, pos: V, targetPreps: ['for', 'of'], reason: 'declared support for someone or their cause is SUPPORT' },
  { pattern: String.raw`(?:expressed|voiced|expressing|voicing)\s+(?:\S+\s+){0,2}?(?:satisfaction|pleasure|gratitude)\s+(?:with|over|at|for|about)`, type: 'SUPPORT', mode: 'praise', pos: V, targetPreps: ['with', 'to', 'for'], reason: 'satisfaction or gratitude voiced over someone or their act is praise (SUPPORT/praise)' },
  { pattern: String.raw`welcom(?:ed|es|ing)(?!\s+(?:ceremony|speech|remarks|address|party))`, type: 'SUPPORT', mode: 'praise', pos: V, targetPreps: [''], reason: 'welcoming a move is SUPPORT/praise' },
  { pattern: String.raw`prais(?:ed|es|ing)|appreciat(?:ed|es|ing)|thank(?:ed|s|ing)(?!\s+to\b)|commend(?:ed|s|ing)?`, type: 'SUPPORT', mode: 'praise', pos: V, targetPreps: ['', 'for'], reason: 'praise and thanks are SUPPORT/praise' },
  { pattern: String.raw`(?:noted|hailed|welcomed|praised|saw|cited)\s+(?:a\s+|the\s+)?[“"]?(?:positive|encouraging|constructive|welcome)\s+(?:trend|step|development|signal|change|shift)`, type: 'SUPPORT', mode: 'praise', pos: V, targetPreps: ['with', 'from'], reason: 'a positive appraisal of relations or moves is SUPPORT/praise' },
  { pattern: String.raw`described\s+\S+(?:\s+\S+)?\s+as\s+(?:a|an|its|their)\s+(?:\S+\s+){0,3}?(?:ally|partner|friend)`, type: 'SUPPORT', mode: 'praise', pos: V, targetPreps: [''], reason: 'calling someone an ally is SUPPORT/praise' },
  { pattern: String.raw`(?:signed|concluded|completed|finali[sz]ed)\s+(?:a|an|the)\s+(?:\S+\s+){0,4}?(?:agreement|deal|treaty|accord|pact)`, type: 'SUPPORT', mode: 'sign', pos: V, targetPreps: ['with'], reason: 'a concluded agreement is SUPPORT (gold convention)' },
  // ACCUSE
  { pattern: String.raw`condemn(?:ed|s|ing)?`, type: 'ACCUSE', mode: 'disapprove', pos: V, targetPreps: [''], reason: 'condemnation is ACCUSE/disapprove' },
  { pattern: String.raw`(?:call(?:ed|s|ing)|describ(?:ed|es|ing)|brand(?:ed|s|ing)|labell?(?:ed|s|ing)|term(?:ed|s)|regard(?:ed|s|ing)?|consider(?:ed|s|ing)?|deem(?:ed|s)|view(?:ed|s))(?!\s+(?:on|for|upon|in|off)\b)(?=\s+(?:\S+\s+){1,8}?(?:as\s+)?(?:an?\s+|the\s+)?(?:\S+\s+){0,2}?(?:aggression|aggressive|violations?|illegal|unlawful|illegitimate|unacceptable|irrational|irresponsible|regrettable|provocative|provocations?|unfriendly|hostile|destabili[sz]ing|dangerous|reckless|hypocritical|interference|breach|piracy|crimes?|criminal|terrorism|terrorist|barbaric|brutal|heinous|atrocious|inhuman|blatant)\b)`, type: 'ACCUSE', mode: 'disapprove', pos: V, targetPreps: [''], reason: 'calling or describing what someone did as an aggression, a violation, illegal or provocative is ACCUSE/disapprove of its author' },
  { pattern: String.raw`criticiz(?:ed|es|ing|e)|criticis(?:ed|es|ing|e)|denounc(?:ed|es|ing|e)`, type: 'ACCUSE', mode: 'disapprove', pos: V, targetPreps: [''], reason: 'criticism is ACCUSE/disapprove' },
  { pattern: String.raw`(?:expressed|voiced|expressing|voicing)\s+(?:\S+\s+){0,2}?(?:concerns?|regret|dismay|indignation|outrage)\s+(?:over|about|at)|warn(?:ed|s|ing)\s+against`, type: 'ACCUSE', mode: 'disapprove', pos: V, targetPreps: ['over', 'about', 'at', 'against'], reason: 'voicing concern or outrage over what someone did, or warning against it, is disapproval (ACCUSE/disapprove)' },
  { pattern: String.raw`(?:lashed|lashes|hit|hits|hitting|lashing)\s+(?:out|back)\s+at|took\s+(?:aim|a\s+jab|a\s+swipe)\s+at|blast(?:ed|s)|ridicul(?:ed|es|ing)|derid(?:ed|es|ing)|mock(?:ed|s)|chid(?:ed|es)|faulted|slamm(?:ed|ing)|slams|lambast(?:ed|es|ing)|castigat(?:ed|es|ing)|censur(?:ed|es|ing)|decr(?:ied|ies|ying)|deplor(?:ed|es|ing|e)|rebuk(?:ed|es|ing)|assail(?:ed|s|ing)|excoriat(?:ed|es|ing)|berat(?:ed|es|ing)|reprimand(?:ed|s|ing)`, type: 'ACCUSE', mode: 'disapprove', pos: V, targetPreps: ['', 'at'], reason: 'verbs of harsh criticism ("slammed", "lashed out at", "decried") are ACCUSE/disapprove (PLOVER: criticize, denounce)' },
  { pattern: String.raw`(?:blatant\s+|flagrant\s+|clear\s+|gross\s+)?violations?\s+of\s+(?:international|human)`, type: 'ACCUSE', mode: 'disapprove', pos: N, targetPreps: [], speakerSource: true, reason: 'calling an act a violation of law accuses its author' },
  { pattern: String.raw`(?:cynical|heinous|brutal|monstrous|barbaric|horrific|horrendous|despicable|cowardly)\s+(?:crime|act|atrocity|attack)`, type: 'ACCUSE', mode: 'disapprove', pos: N, targetPreps: [], speakerSource: true, reason: 'calling an act a heinous crime condemns it (PLOVER: decry an action)' },
  { pattern: String.raw`(?:has|have)\s+(?:used|fired|launched)\s+(?:\S+\s+){0,3}?(?:missiles|rockets|drones|bombs|shells)\s+(?:against|at|on)\s+us`, type: 'ACCUSE', mode: 'disapprove', pos: V, targetPreps: [], speakerSource: true, reason: 'a speaker telling what someone fired "against us" accuses them of attacking the speaker\'s side' },
  { pattern: String.raw`(?:has\s+|have\s+|had\s+)?(?:blatantly\s+|flagrantly\s+|repeatedly\s+)?violat(?:ed|es|ing)`, type: 'ACCUSE', mode: 'disapprove', pos: V, targetPreps: [], speakerSource: true, needsTarget: true, needsSpeaker: true, reason: 'saying someone violated a deal, a law or a border accuses them (the speaker accuses the violator)' },
  { pattern: String.raw`(?:is|are|was|were)\s+(?:\S+ly\s+)?(?:illegal|unlawful|illegitimate)\b`, type: 'ACCUSE', mode: 'disapprove', pos: V, targetPreps: [], speakerSource: true, needsTarget: true, needsSpeaker: true, reason: 'calling what someone does illegal accuses them' },
  { pattern: String.raw`(?:is|are|was|were)\s+(?:\S+ly\s+)?behind\s+(?:the|this|these|that|those|a|an)\s`, type: 'ACCUSE', mode: 'allege', pos: V, targetPreps: [], speakerSource: true, needsTarget: true, needsSpeaker: true, reason: 'saying someone was behind an attack blames them (ACCUSE/allege)' },
  { pattern: String.raw`(?:is|are|was|were)\s+(?:\S+ly\s+)?(?:the\s+)?(?:main\s+|root\s+|real\s+|primary\s+|principal\s+)?(?:cause|source|culprit|instigator)s?\s+of\b`, type: 'ACCUSE', mode: 'allege', pos: V, targetPreps: [], speakerSource: true, needsTarget: true, needsSpeaker: true, reason: 'saying someone is the cause of a crisis blames them (ACCUSE/allege)' },
  { pattern: String.raw`(?:has\s+|have\s+|had\s+)?fail(?:ed|s)\s+to\s+(?:fulfil|fulfill|honou?r|meet|live\s+up\s+to|comply\s+with|abide\s+by|implement)\b`, type: 'ACCUSE', mode: 'disapprove', pos: V, targetPreps: [], speakerSource: true, needsTarget: true, needsSpeaker: true, reason: 'saying someone failed to honour their obligations accuses them (ACCUSE/disapprove)' },
  { pattern: String.raw`(?:is|are|was|were)\s+(?:not\s+(?:trustworthy|reliable|sincere|honest)|untrustworthy|unreliable)\b`, type: 'ACCUSE', mode: 'disapprove', pos: V, targetPreps: [], speakerSource: true, needsTarget: true, needsSpeaker: true, negative: true, reason: 'saying someone cannot be trusted accuses them (ACCUSE/disapprove)' },
  { pattern: String.raw`h(?:old|olds|eld|olding)(?=\s+(?:\S+\s+){1,5}?(?:fully\s+|directly\s+)?responsible\b)`, type: 'ACCUSE', mode: 'allege', pos: V, targetPreps: [''], reason: 'holding someone responsible blames them (ACCUSE/allege)' },
  { pattern: String.raw`crimes\s+against`, type: 'ACCUSE', mode: 'disapprove', pos: N, targetPreps: [], speakerSource: true, reason: 'naming someone\'s crimes accuses them' },
  { pattern: String.raw`(?:bore|bears|carried|carries|had|has)\s+the\s+(?:\S+\s+)?(?:fingerprints|hallmarks)\s+of|(?:was|were|is|are)\s+the\s+work\s+of`, type: 'ACCUSE', mode: 'allege', pos: N, targetPreps: ['of'], speakerSource: true, reason: 'saying an act bears someone\'s fingerprints or is their work blames them (the speaker accuses)' },
  { pattern: String.raw`point(?:ed|s|ing)\s+(?:the\s+finger\s+|fingers\s+)?at`, type: 'ACCUSE', mode: 'allege', pos: V, targetPreps: ['at'], needsTarget: true, reason: 'pointing (the finger) at someone blames them' },
  { pattern: String.raw`summon(?:ed|s)(?=\s+(?:\S+\s+){0,4}?(?:ambassadors?|envoys?|charg[eé]s?\s+d['’]affaires|diplomats?)\b)`, type: 'ACCUSE', mode: 'disapprove', pos: V, targetPreps: [''], reason: 'summoning another state\'s envoy is a diplomatic protest (ACCUSE/disapprove), aimed at the envoy\'s state' },
  { pattern: String.raw`(?:lodged|filed|submitted)\s+(?:a|an)\s+(?:\S+\s+){0,2}?(?:complaint|lawsuit|protest)`, type: 'ACCUSE', mode: 'allege', pos: V, targetPreps: ['against', 'over'], reason: 'a complaint or lawsuit lodged against someone is ACCUSE (CAMEO 115)' },
  { pattern: String.raw`accus(?:e|ed|es|ing)`, type: 'ACCUSE', mode: 'allege', pos: V, targetPreps: [''], reason: 'an accusation is ACCUSE/allege' },
  { pattern: String.raw`indict(?:ed|s|ing)?`, type: 'ACCUSE', mode: 'allege', pos: V, targetPreps: [''], needsTarget: true, reason: 'an indictment charges someone: ACCUSE/allege (CAMEO 112 accuse of crime)' },
  { pattern: String.raw`blam(?:ed|es|ing|e)`, type: 'ACCUSE', mode: 'allege', pos: V, targetPreps: ['', 'on'], reason: 'blaming is ACCUSE/allege' },
  // REQUEST
  { pattern: String.raw`urg(?:ed|es|ing|e)`, type: 'REQUEST', mode: 'change', pos: V, targetPreps: [''], future: true, reason: 'urging someone to act is REQUEST' },
  { pattern: String.raw`called\s+(?:on|for)|(?<!\b(?:the|these|those|their|his|her|its|our|rejected|rejects|reject|rejecting|ignored|ignores|dismissed|dismisses|welcomed|welcomes|heeded|answered|renewed|repeated|growing|mounting|amid|despite)\s)calls\s+(?:on|for)`, type: 'REQUEST', mode: 'change', pos: V, targetPreps: ['on'], future: true, reason: 'a call for action is REQUEST' },
  { pattern: String.raw`calls\s+from`, type: 'REQUEST', mode: 'assist', pos: N, targetPreps: ['for'], future: true, reason: 'nominal "calls from X for Y assistance" is REQUEST' },
  { pattern: String.raw`requested|asked\s+for|(?<!\b(?:when|being|was|were|if)\s)ask(?:ed|s)(?!\s+(?:about|whether|if|why|how|what|when)\b)(?=\s+(?:\S+\s+){1,4}?to\s+(?!be\b)\w)|demanded|demands\s+that|appeal(?:ed|s)\s+(?:to|for)`, type: 'REQUEST', mode: 'assist', pos: V, targetPreps: ['', 'from', 'to'], future: true, reason: 'requests and demands are REQUEST' },
  { pattern: String.raw`expect(?:s|ed)?(?=\s+(?:\S+\s+){1,3}?to\s+(?:stand|act|help|support|provide|deliver|honou?r|keep|fulfil|respect|stop|end|show)\b)`, type: 'REQUEST', mode: 'assist', pos: V, targetPreps: [''], future: true, reason: 'expecting others to act ("we expect our partners to stand by us") is a demand' },
  // REJECT
  { pattern: String.raw`den(?:ied|ies|ying|y)|reject(?:ed|s|ing)?|turn(?:ed|s)\s+down|rul(?:ed|es)\s+out|refus(?:ed|es)|dismiss(?:ed|es|ing)|refut(?:ed|es|ing|e)|rebuff(?:ed|s|ing)|repudiat(?:ed|es|ing)`, type: 'REJECT', mode: null, pos: V, targetPreps: [''], reason: 'denials and refusals are REJECT (also as a participle: "…, rejecting the allegation")' },
  { pattern: String.raw`voted\s+against|vote\s+against`, type: 'REJECT', mode: null, pos: V, targetPreps: [''], reason: 'voting against something rejects it: REJECT ("objected to" is left to the trigger model: annotators code it as criticism as often)' },
  { pattern: String.raw`vetoe[sd]|vetoing`, type: 'REJECT', mode: null, pos: V, targetPreps: [''], reason: 'vetoing a resolution or a bill rejects it: REJECT (PLOVER: veto); the noun ("veto power") and the bare verb ("will likely veto", a plan) are not the act' },
  { pattern: String.raw`(?:claims?|accusations?|allegations?|reports?|charges?|rumou?rs?|assertions?)\s+(?:\S+\s+){0,8}?(?:is|are|was|were)\s+(?:\S+\s+)?(?:baseless|false|unfounded|groundless|fabricated|untrue|lies|a\s+lie|nonsense)\b`, type: 'REJECT', mode: null, pos: N, targetPreps: [], speakerSource: true, reason: 'saying that claims or charges are false denies them: REJECT by the speaker' },
  { pattern: String.raw`(?:called|calling|described|describing|branded|branding|labell?ed)\s+(?:the\s+|these\s+|those\s+|such\s+)?(?:\S+\s+)?(?:claims?|accusations?|allegations?|reports?|charges?|rumou?rs?)\s+(?:as\s+)?(?:\S+\s+)?(?:baseless|false|unfounded|groundless|fabricated|untrue|lies|a\s+lie|nonsense)\b`, type: 'REJECT', mode: null, pos: V, targetPreps: [], reason: 'calling claims false denies them: REJECT' },
  // THREATEN
  { pattern: String.raw`threaten(?:ed|s)|vow(?:ed|s)\s+to\s+(?:retaliate|avenge|respond|punish|take\s+revenge)`, type: 'THREATEN', mode: 'violence', pos: V, targetPreps: ['', 'against'], future: true, reason: 'threats and vows of retaliation are THREATEN' },
  { pattern: String.raw`(?:will|would)\s+(?:soon\s+)?(?:receive|face|get|pay)\s+(?:a\s+|the\s+)?(?:\S+\s+)?(?:response|consequences|retaliation|punishment|price)`, type: 'THREATEN', mode: 'violence', pos: V, targetPreps: [], future: true, speakerSource: true, reason: 'announced retaliation against someone is THREATEN' },
  { pattern: String.raw`(?:will|would)\s+[“"‘]?(?:\S+\s+and\s+)?(?:punish|avenge|retaliate|hunt\s+down|track\s+down)`, type: 'THREATEN', mode: 'violence', pos: V, targetPreps: [''], future: true, speakerSource: true, reason: 'announcing that someone will be punished or hunted down is THREATEN by the speaker' },
  { pattern: String.raw`(?:will|would|shall)\s+not\s+(?:go|remain|be\s+left)\s+(?:unanswered|unpunished)`, type: 'THREATEN', mode: 'violence', pos: V, targetPreps: [], future: true, speakerSource: true, negative: true, reason: 'saying an act "will not go unanswered" announces retaliation: THREATEN by the speaker' },
  { pattern: String.raw`(?:will|would|shall)\s+(?:\S+\s+)?(?:respond|retaliate|react)\s+(?:\S+\s+){0,2}?(?:to|against)\s+(?:any|every|such)\b`, type: 'THREATEN', mode: 'violence', pos: V, targetPreps: [], future: true, reason: 'announcing a response to any hostile act is a (conditional) threat by the one who will respond' },
  { pattern: String.raw`(?:will|would|shall)\s+take\s+(?:\S+\s+){0,2}?(?:countermeasures|counter-measures|retaliatory\s+(?:measures|action|steps)|reciprocal\s+(?:measures|action|steps))`, type: 'THREATEN', mode: null, pos: V, targetPreps: ['against'], future: true, reason: 'announced countermeasures are THREATEN by the one who will take them' },
  { pattern: String.raw`ultimatum`, type: 'THREATEN', mode: null, pos: N, targetPreps: ['to'], reason: 'an ultimatum is a threat (PLOVER THREATEN/ultimatum)' },
  { pattern: String.raw`punishing`, type: 'THREATEN', mode: 'violence', pos: V, targetPreps: [''], future: true, speakerSource: true, needsTarget: true, reason: 'calling for punishing someone is a threat against them' },
  { pattern: String.raw`(?:will|would)\s+be\s+punished`, type: 'THREATEN', mode: 'violence', pos: V, targetPreps: [], future: true, speakerSource: true, reason: 'announced punishment is THREATEN' },
  // SANCTION
  { pattern: String.raw`impos(?:ed|es|ing)\s+(?:\S+\s+){0,4}?sanctions`, type: 'SANCTION', mode: null, pos: V, targetPreps: ['on', 'against'], reason: 'sanctions are SANCTION' },
  { pattern: String.raw`(?:agreed|approved|adopted|announced|unveiled|passed|slapped|introduced)\s+(?:(?!(?:to|on|lift\w*|eas\w*|remov\w*|drop\w*|waiv\w*|suspend\w*|end\w*|relief|exemptions?)\s)\S+\s+){0,3}?sanctions(?=\s+(?:on|against)\s)`, type: 'SANCTION', mode: null, pos: V, targetPreps: ['on', 'against'], reason: 'new sanctions agreed, approved or announced against someone are SANCTION' },
  { pattern: String.raw`sanctions\s+(?:\S+\s+){0,3}?(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:\S+ly\s+)?(?:imposed|slapped|placed|levied|reimposed)`, type: 'SANCTION', mode: null, pos: N, targetPreps: ['on', 'against'], reason: 'sanctions imposed on someone (passive: the "by" phrase imposes them) are SANCTION' },
  { pattern: String.raw`(?:extend|renew|reimpos|tighten|expand)(?:ed|s)?\s+(?:\S+\s+){0,3}?(?:embargo|sanctions)`, type: 'SANCTION', mode: null, pos: V, targetPreps: ['on', 'against'], reason: 'extending, renewing or tightening an embargo or sanctions is SANCTION' },
  { pattern: String.raw`added\s+(?:\S+\s+){0,6}?to\s+(?:its|the|their|a)\s+(?:\S+\s+){0,2}?(?:sanctions?|terror(?:ist)?|black|blocked)\s*-?\s*list`, type: 'SANCTION', mode: null, pos: V, targetPreps: [''], reason: 'adding people or firms to a sanctions or terror list sanctions them' },
  { pattern: String.raw`suspend(?:ed|s)\s+(?:\S+\s+){0,2}?(?:cooperation|ties|relations|talks|participation|contacts)\s+with`, type: 'SANCTION', mode: 'withdraw', pos: V, targetPreps: ['with'], reason: 'suspending cooperation or ties with someone is SANCTION/withdraw (PLOVER: reduce relations)' },
  { pattern: String.raw`(?:downgrad|sever|cut)(?:ed|s)?\s+(?:\S+\s+)?(?:ties|relations)|expell(?:ed|s)|recall(?:ed|s)\s+(?:its|their)\s+ambassadors?`, type: 'SANCTION', mode: 'withdraw', pos: V, targetPreps: ['', 'with'], reason: 'cutting diplomatic ties is SANCTION' },
  // RETREAT (withdrawing from a deal or a body is SANCTION: a reduction of relations, not a retreat from ground)
  { pattern: String.raw`(?:withdr(?:ew|awn|aws)|pull(?:ed|s)\s+out)\s+(?:\S+\s+){0,2}?(?:from|of)\s+(?:the\s+|a\s+)?(?:\S+\s+){0,4}?(?:deal|agreement|accord|treaty|pact|JCPOA|Plan\s+of\s+Action|convention|organi[sz]ation|council|talks)\b`, type: 'SANCTION', mode: 'withdraw', pos: V, targetPreps: [], reason: 'withdrawing from a deal, treaty or body reduces relations: SANCTION/withdraw (PLOVER); forces leaving ground stay RETREAT' },
  // (not a withdrawal from a deal a few words on, or from a deal named before it: "the deal, which X withdrew from")
  { pattern: String.raw`(?<!\b(?:deal|agreement|accord|treaty|pact|JCPOA|Action)\b[^.]{0,120})(?:withdr(?:ew|awn|aws)|retreat(?:ed|s)|pull(?:ed|s)\s+out)(?!\s+(?:\S+\s+){0,4}?(?:from|of)\s+(?:the\s+|a\s+)?(?:\S+\s+){0,4}?(?:deal|agreement|accord|treaty|pact|JCPOA|Plan\s+of\s+Action|convention)\b)`, type: 'RETREAT', mode: 'withdraw', pos: V, targetPreps: [], reason: 'withdrawing forces is RETREAT' },
  { pattern: String.raw`(?:freed|frees|released|releases)(?=\s+(?:\S+\s+){0,5}?(?:nationals?|prisoners?|detainees?|hostages?|captives?|citizens?|sailors?|crew|tankers?|ships?|vessels?|soldiers?)\b)`, type: 'RETREAT', mode: 'release', pos: V, targetPreps: [''], reason: 'freeing captives or a seized ship is RETREAT/release' },
  // COERCE
  { pattern: String.raw`annex(?:ed|es)`, type: 'COERCE', mode: 'seize', pos: V, targetPreps: [''], reason: 'annexing territory is COERCE/seize' },
  { pattern: String.raw`arrest(?:ed|s)|detain(?:ed|s)`, type: 'COERCE', mode: 'arrest', pos: V, targetPreps: [''], reason: 'arrests are COERCE/arrest' },
  // ASSAULT
  { pattern: String.raw`assassination\s+of|killing\s+of`, type: 'ASSAULT', mode: 'targeted', pos: N, targetPreps: ['of'], reason: 'a targeted killing is ASSAULT' },
  { pattern: String.raw`assassinat(?:ed|es)`, type: 'ASSAULT', mode: 'targeted', pos: V, targetPreps: [''], reason: 'a targeted killing is ASSAULT' },
  { pattern: String.raw`gun\s+attacks?|shootings?`, type: 'ASSAULT', mode: 'firearms', pos: N, targetPreps: ['on', 'against'], reason: 'shootings are ASSAULT/firearms' },
  { pattern: String.raw`(?:bomb|blast|explosion|device|explosives?|car\s+bomb)\s+(?:tore|ripped)\s+through|(?:bomb|device|explosives?|car\s+bomb)\s+(?:exploded|went\s+off|detonated)`, type: 'ASSAULT', mode: 'explosives', pos: N, targetPreps: ['on', 'against'], reason: 'a bomb tearing through a place or going off is ASSAULT/explosives' },
  { pattern: String.raw`(?:terrorist\s+|bomb\s+)?attacks?(?=,?\s+(?:which|that)\s+(?:took\s+place|happened|occurred)\b)`, type: 'ASSAULT', mode: null, pos: N, targetPreps: ['on', 'against'], reason: 'an attack "which took place" somewhere is told as an event, not referred to' },
  { pattern: String.raw`(?:bomb|suicide|terrorist\s+bomb)\s+attacks?|bombings?|explosions?`, type: 'ASSAULT', mode: 'explosives', pos: N, targetPreps: ['on', 'against'], reason: 'bombings are ASSAULT/explosives' },
  { pattern: String.raw`(?:air|drone|missile|rocket)?\s*strikes?\s+(?:on|in|against)`, type: 'ASSAULT', mode: 'aerial', pos: N, targetPreps: ['on', 'against'], reason: 'strikes are ASSAULT/aerial' },
  { pattern: String.raw`(?:terrorist\s+)?attacks?\s+(?:on|in(?!\s+(?:response|retaliation|revenge|return|the\s+wake|which|recent|the\s+past|past)\b)|against)`, type: 'ASSAULT', mode: null, pos: N, targetPreps: ['on', 'against'], reason: 'an attack on someone is ASSAULT' },
  { pattern: String.raw`waged\s+(?:a\s+)?(?:\S+\s+)?war\s+(?:on|against)`, type: 'ASSAULT', mode: null, pos: V, targetPreps: ['on', 'against'], reason: 'waging war on someone is ASSAULT' },
  { pattern: String.raw`deploy(?:ed|ing)\s+(?:\S+\s+){0,3}?(?:drones|missiles|rockets)`, type: 'ASSAULT', mode: 'drone', pos: V, targetPreps: ['against', 'on'], reason: 'firing drones or missiles at someone is ASSAULT' },
  { pattern: String.raw`(?:struck|bombed|shelled|pounded|raided)\s+(?:\S+\s+){0,3}?(?:targets?|positions?|sites?|bases?|facilities|depots?|convoys?|airports?|camps?|headquarters|installations?)\b`, type: 'ASSAULT', mode: 'aerial', pos: V, targetPreps: ['', 'on'], reason: 'striking, bombing or shelling targets, positions or bases is ASSAULT (the place\'s state is its target when the page names no victim)' },
  { pattern: String.raw`(?:used|uses|using)\s+(?:\S+\s+){0,4}?(?:drones|missiles|rockets|bombs|weapons|munitions)\s+to\s+(?:attack|strike|target|bomb|hit|shell)`, type: 'ASSAULT', mode: 'aerial', pos: V, targetPreps: ['', 'to'], needsTarget: true, reason: 'using drones or missiles to attack someone is ASSAULT: the purpose of a done act is done' },
  { pattern: String.raw`(?:fired|fires|firing|launched|launches|launching|hurled|lobbed)\s+(?:\S+\s+){0,4}?(?:missiles?|rockets?|drones?|shells|mortars?|projectiles)(?=\s+(?:\S+\s+){0,3}?(?:at|on|against|towards?|into(?!\s+(?:the\s+)?(?:\S+\s+)?(?:sea|waters?|ocean|gulf|space|orbit)\b))\s)`, type: 'ASSAULT', mode: 'aerial', pos: V, targetPreps: ['at', 'on', 'against', 'into', 'toward', 'towards'], needsTarget: true, reason: 'firing missiles, rockets or drones at someone is ASSAULT (a launch with no target is a test or a show of force)' },
  { pattern: String.raw`clash(?:ed|es)\s+with`, type: 'ASSAULT', mode: null, pos: V, targetPreps: ['with'], needsTarget: true, reason: 'armed forces clashing with others is ASSAULT (PLOVER: fight)' },
  { pattern: String.raw`(?:shell|bomb|bombard|pound)(?:ed|s)`, type: 'ASSAULT', mode: 'heavy-weapons', pos: V, targetPreps: [''], needsTarget: true, reason: 'shelling, bombing or pounding a place or a force is ASSAULT' },
  { pattern: String.raw`attack(?:ed|s)`, type: 'ASSAULT', mode: null, pos: V, targetPreps: [''], needsTarget: true, reason: 'attacking someone is ASSAULT; "attacked X\'s policies" is talk (no target)' },
  // AID
  { pattern: String.raw`(?:suppl(?:ied|ies|y)|provided?|provides|sold|sells?|deliver(?:ed|s)?|ship(?:ped|s)?|transfer(?:red|s)?|sen(?:t|ds?))\s+(?:\S+\s+){0,8}?(?:missiles|drones|weapons|arms|ammunition|munitions|rockets|tanks|artillery|shells|(?:air[-\s]defen[cs]e|defen[cs]e|missile|rocket|weapons?|radar)\s+systems|unmanned\s+(?:aerial\s+)?vehicles|(?:fighter\s+)?jets|fighters|warplanes|combat\s+aircraft|helicopters|military\s+equipment)`, type: 'AID', mode: 'military', pos: V, targetPreps: ['', 'to'], reason: 'arms supply is AID/military (gold convention)' },
  { pattern: String.raw`(?:poured|pumped|funnell?ed)\s+(?:\S+\s+){0,2}?(?:weapons|arms|munitions)\s+into`, type: 'AID', mode: 'military', pos: V, targetPreps: ['into'], reason: 'pouring weapons into a country is arms supply (AID/military)' },
  { pattern: String.raw`supplier\s+of\s+(?:\S+\s+)?(?:drones|weapons|arms|missiles)`, type: 'AID', mode: 'military', pos: N, targetPreps: ['to'], reason: 'being the supplier of arms to someone is AID/military' },
  { pattern: String.raw`(?:provided|sent|delivered|granted|gave|extended|allocated|donated)\s+(?:\S+\s+){0,3}?(?:humanitarian\s+)?(?:aid|assistance|funds|loans?|credit\s+lines?)`, type: 'AID', mode: 'economic', pos: V, targetPreps: ['', 'to'], reason: 'aid and money are AID' },
  // PROTEST
  { pattern: String.raw`(?:demonstrations|protests|rallies)\s+(?:erupted|broke\s+out|took\s+place|were\s+held|spread)`, type: 'PROTEST', mode: 'demo', pos: N, targetPreps: [], reason: 'street demonstrations are PROTEST/demo' },
  // COOPERATE
  { pattern: String.raw`shar(?:e|ed|es|ing)\s+(?:\S+\s+){0,2}?intelligence`, type: 'COOPERATE', mode: 'intelligence', pos: V, targetPreps: ['with'], reason: 'sharing intelligence is COOPERATE/intelligence' },
  { pattern: String.raw`(?:held|holds?|conducted|conducts?|staged|stages?|began|begins?|launched|launches)\s+(?:\S+\s+){0,3}?(?:joint\s+(?:\S+\s+){0,2}?(?:exercises|drills|war\s*games|maneuvers|manoeuvres|patrols)|(?:exercises|drills|war\s*games|maneuvers|manoeuvres)(?=\s+with\s))`, type: 'COOPERATE', mode: 'military', pos: V, targetPreps: ['with'], reason: 'joint exercises, or exercises held with someone, are COOPERATE/military' },
  { pattern: String.raw`(?:held|holds?|conducted|conducts?|staged|stages?|began|begins?|launched|launches)\s+(?:\S+\s+){0,3}?(?:exercises|drills|war\s*games|maneuvers|manoeuvres)`, type: 'MOBILIZE', mode: null, pos: V, targetPreps: [], reason: 'a country\'s own exercise is MOBILIZE (the catalogue\'s convention; joint ones are COOPERATE)' },
  // MOBILIZE
  { pattern: String.raw`mobili[sz](?:ed|es)|deployed\s+(?:\S+\s+){0,2}?(?:troops|soldiers|warships|forces)`, type: 'MOBILIZE', mode: null, pos: V, targetPreps: [], reason: 'mobilising forces is MOBILIZE' },
  { pattern: String.raw`(?:sent|dispatched|moved)\s+(?:\S+\s+){0,3}?(?:troops|soldiers|warships|aircraft\s+carriers?|destroyers|submarines|bombers|marines|reinforcements)(?=\s+(?:\S+\s+){0,3}?(?:to|into|toward|towards)\s)`, type: 'MOBILIZE', mode: null, pos: V, targetPreps: [], reason: 'sending troops or warships somewhere is a deployment (MOBILIZE), not aid' },
]

/** Words within three words before a trigger that negate it ("had not supplied", "in no way seeking"). */
export const NEGATION_RE = /(?:\b(?:not|never|no|neither|nor|without|cannot)|n['’]t)\s+(?:\S+\s+){0,2}$/i

/** Verbs that say their complement did not happen ("refrained from putting the blame on", "declined to comment", "stopped short of naming", "failed to reach a deal"). */
export const NOT_DONE_RE = /\b(?:refrain(?:ed|s|ing)?\s+from|stop(?:ped|ping|s)?\s+short\s+of|declin(?:ed|es|ing)\s+to|fail(?:ed|s|ing)?\s+to|avoid(?:ed|s|ing)?|abstain(?:ed|s|ing)?\s+from)\s+(?:\S+\s+){0,3}$/i

/** A negation further back in the clause of a noun trigger ("have not found a single word of sympathy"). */
export const NEGATION_FAR_RE = /(?:\b(?:not|never|no|cannot)|n['’]t)\s+(?:[^\s,;]+\s+){0,5}$/i

/** Modals and hedges before a trigger that make it hypothetical or planned, not an event. */
export const HYPOTHETICAL_RE = /\b(?:(?:danger|risk|threat|fears?|possibility|prospect|chance)\s+of(?:\s+being)?|would|could|might|may|should|must|if|unless|plans?\s+to|planning\s+to|preparing\s+to|prepares\s+to|aims?\s+to|seeks?\s+to|seeking\s+to|intends?\s+to|expected\s+to|likely\s+to|set\s+to|going\s+to|ready\s+to|will|shall|to)\s+(?:also\s+|soon\s+|further\s+|be\s+)?$/i

/**
 * A planned act told as a noun: "the planned visit to", "Zarif's upcoming trip to", "will pay a visit to", "is
 * scheduled to hold talks with". Plans are not events (gold README); the visit, once made, is told as done.
 */
export const PLANNED_NOUN_RE = /\b(?:any|planned|upcoming|forthcoming|scheduled|expected|future|next|proposed|possible|potential|prospective|impending)\s+(?:[\p{L}\d-]+\s+){0,2}$|\b(?:will|would|to|shall)\s+(?:soon\s+|also\s+)?(?:pay|make|undertake|hold|have)\s+(?:a|an|his|her|their|its)?\s*(?:[\p{L}\d-]+\s+){0,2}$/iu

/** A conditional or indirect-question opener anywhere earlier in the trigger's clause: nothing is asserted ("whether X signs"). */
export const CONDITIONAL_CLAUSE_RE = /\b(?:whether|if|unless|in\s+case)\b/i

/** The complement of a denial, or of claims a speaker dismisses ("denied that X had sent", "dismissed claims by Y that X supplied"): not asserted. */
export const DENIED_CONTENT_RE = /\b(?:den(?:ied|ies|y|ying)|reject(?:ed|s|ing)?|dismiss(?:ed|es|ing)?|refut(?:ed|es|ing)|disput(?:ed|es|ing))\b[^,;]{0,80}?\bthat\b[^,;]*$/i

/** Casualties "in the attack": the attack noun is told with its toll, not merely referred to. */
export const TOLL_BEFORE_RE = /\b(?:killed|wounded|injured|died|dead|hurt)\s+(?:in|during|by)\s+(?:the|this|that)\s+(?:\S+\s+){0,2}$/i

/** Nouns before an infinitive that make it a decided action ("the decision to share"). */
export const DECIDED_RE = /\b(?:decision|decided|moved|agreed|began|started|claimed)\s+to\s+(?:have\s+)?$/i

/** A definite or demonstrative noun after a time preposition refers back to an event already told ("after the attack"). */
export const REFERENCE_RE = /\b(?:during|after|following|since|before|amid|over|in)\s+(?:the|his|her|its|their|this|that|these|those)\s+(?:\S+\s+){0,2}$|\b(?:this|that|these|those)\s+$/i

/** Pluperfect: the event happened before the reported statement, so it does not take the statement's date. */
export const PLUPERFECT_RE = /\bhad\s+(?:\S+\s+)?$/i

/** Passive voice right before a verb trigger: its subject is the target, "by X" the source. */
export const PASSIVE_RE = /\b(?:was|were|been|being|is|are|be|got)\s+(?:\S+ly\s+)?$/i

/** Reporting verbs that anchor dates and mark attribution (who reports the event). */
export const REPORT_VERBS_RE = /\b(?:said|says|say|reported|reports|told|stated|announced|quoted|claimed|confirmed|added|noted|asserted|according\s+to|(?<!-)call(?:ed|ing)(?!\s+(?:on|for|off|up|in)\b)|describ(?:ed|ing))\b/gi

/** Types whose undated mention in reported news takes the publication week (speech acts told as news). */
export const NEWS_TYPES: ReadonlySet<string> = new Set(['CONSULT', 'AGREE', 'SUPPORT', 'ACCUSE', 'REQUEST', 'REJECT', 'THREATEN'])
