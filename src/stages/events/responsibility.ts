import type { ActorRef, EventRecord } from '../../doc/layers.js'
import type { Span } from '../../doc/span.js'
import type { ActorIndex } from './actors.js'

/** Phrases that name who carried out an attack, and where the claimant stands relative to them. */
const CLAIMS: readonly { re: RegExp; claimant: 'subject' | 'after' }[] = [
  { re: /\b(?:claimed|claims|claim|has\s+claimed|have\s+claimed)\s+responsibility\s+for\b/giu, claimant: 'subject' },
  { re: /\b(?:carried\s+out|conducted|committed|perpetrated|launched)\s+by\s+(?:the\s+)?/giu, claimant: 'after' },
  { re: /\battributed\s+to\s+/giu, claimant: 'after' },
]

/** Claimants of attacks in one sentence: who, and where the phrase is. */
export function claimantsIn(text: string, idx: ActorIndex, sent: Span): { at: number; who: ActorRef }[] {
  const out: { at: number; who: ActorRef }[] = []
  const s = text.slice(sent.start, sent.end)
  if (!/responsib|\bby\b|attributed/i.test(s)) return out
  for (const c of CLAIMS) {
    const re = new RegExp(c.re.source, 'giu')
    re.lastIndex = sent.start
    let m: RegExpExecArray | null
    const slice = text.slice(0, sent.end)
    while ((m = re.exec(slice))) {
      const mention = c.claimant === 'subject' ? idx.subjectBefore(m.index, sent) : idx.within(m.index + m[0].length, sent.end).find((x) => text[x.end] !== '-')
      const who = idx.refOf(mention)
      if (who) out.push({ at: m.index, who })
    }
  }
  return out
}

/**
 * Gives attacks their claimed author: an ASSAULT in the same sentence, else the latest earlier one with no source.
 * A condemnation of an attack then takes the attacker as its target (gold convention).
 */
export function applyClaimants(events: EventRecord[], claims: readonly { sent: Span; at: number; who: ActorRef }[]): EventRecord[] {
  const out = [...events]
  for (const c of claims) {
    let i = out.findIndex((e) => e.type === 'ASSAULT' && !e.source_actor && e.evidence.start === c.sent.start)
    if (i < 0) for (let k = out.length - 1; k >= 0; k--) if (out[k].type === 'ASSAULT' && !out[k].source_actor && out[k].evidence.start < c.sent.start) { i = k; break }
    if (i >= 0) out[i] = { ...out[i], source_actor: c.who }
  }
  // clauses joined in one sentence ("X imposed sanctions on Z, while Y downgraded ties") share the target left unsaid
  for (let k = 0; k < out.length; k++) {
    const e = out[k]
    if (e.target_actor || !e.source_actor) continue
    const sib = out.find((o) => o !== e && o.type === e.type && o.evidence.start === e.evidence.start && o.target_actor && o.target_actor.actor !== e.source_actor?.actor)
    if (sib && e.type === 'SANCTION') out[k] = { ...e, target_actor: sib.target_actor }
  }
  return out.map((e) => blamed(out, e) ?? e).map((e) => {
    // retaliation "for this assassination" is aimed at the attacker
    if (e.type === 'THREATEN' && !e.target_actor && e.trigger && /^\s+for\s+(?:this|the|that)\s+(?:attack|assassination|killing|strike|bombing)/iu.test(e.evidence.text.slice(e.trigger.end - e.evidence.start))) {
      const a = out.filter((x) => x.type === 'ASSAULT' && x.source_actor && x.evidence.start <= e.evidence.start).pop()
      if (a && a.source_actor!.actor !== e.source_actor?.actor) return { ...e, target_actor: a.source_actor }
    }
    if (e.type !== 'ACCUSE' || e.target_actor || !e.trigger) return e
    const obj = e.evidence.text.slice(e.trigger.end - e.evidence.start, e.trigger.end - e.evidence.start + 60)
    if (!/\b(?:attacks?|bombings?|explosions?|assassination|killing|strikes?|murder|crime|act)\b/iu.test(obj) && !/\b(?:crime|act|atrocity|attack)$/iu.test(e.trigger.text)) return e
    const same = out.find((a) => a.type === 'ASSAULT' && a.source_actor && a.evidence.start === e.evidence.start && a.trigger && a.trigger.start > e.trigger!.start)
    const byTarget = out.find((a) => a.type === 'ASSAULT' && a.source_actor && a.target_actor && same === undefined && obj.includes(a.target_actor.name.split(' ').pop()!))
    // what is condemned was told before the condemnation, so an earlier attack wins over a later one
    const withSource = out.filter((a) => a.type === 'ASSAULT' && a.source_actor)
    const nearest = withSource.filter((a) => a.evidence.start <= e.evidence.start).at(-1) ?? withSource[0]
    const who = (same ?? byTarget ?? nearest)?.source_actor
    return who && who.actor !== e.source_actor?.actor ? { ...e, target_actor: who } : e
  })
}

/** "for the killing of", "over the arrest of": an act named as the reason for a threat or an accusation just before it. */
const BLAME_LINK_RE = /\b(?:for|over)\s+(?:the|this|that|its|their)\s+(?:\S+\s+)?$/iu

/**
 * A nominal attack or arrest whose author is unsaid, named as the reason for a threat or accusation against a named
 * party ("X will pay for the killing of Y", "Z condemned X over the arrest of Y"): that party is the one the
 * sentence blames, so it is the act's source.
 */
function blamed(events: readonly EventRecord[], e: EventRecord): EventRecord | null {
  if ((e.type !== 'ASSAULT' && e.type !== 'COERCE') || e.source_actor || !e.target_actor || !e.trigger || !/\sof$/iu.test(e.trigger.text)) return null
  const ev = e.evidence
  const by = events.find((o) => (o.type === 'THREATEN' || o.type === 'ACCUSE') && o.evidence.start === ev.start && o.target_actor && o.trigger && o.trigger.end <= e.trigger!.start &&
    o.target_actor.actor !== e.target_actor!.actor && BLAME_LINK_RE.test(ev.text.slice(o.trigger.end - ev.start, e.trigger!.start - ev.start)))
  return by ? { ...e, source_actor: by.target_actor } : null
}
