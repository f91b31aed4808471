import type { Block, Segment } from './blocks.js'
import type { HtmlElement } from './parse.js'
import { dateOf } from '../text/lines.js'
import { CAPTION_RE, CHROME_LINE_RE, MAX_LINK_DENSITY, MAX_PROSE_LINK_DENSITY, MIN_LINKED_PROSE_CHARS, PROMO_LINE_RE, TEASER_LEAD_RE } from './extract.data.js'

/** A line left out of the body, with the rule that dropped it. */
export interface Dropped extends Segment { readonly rule: string; readonly lead?: boolean }

/** Says why a container inside the article is chrome (see conditional.ts), or null. */
export type ContainerJudge = (el: HtmlElement) => string | null

/**
 * Line filters applied inside the chosen container: chrome containers (conditional cleaning), the standfirst
 * (kept apart as a lead), navigation-like (link-dense) blocks, the page headline (<h1>), standalone chrome lines
 * ("Advertisement", "Read more"), lines that are only a date, captions, promos, "Read more: <other article>" teasers, and the heading of a
 * dropped "more stories" section.
 */
export function filterBlocks(blocks: readonly Block[], roots: ReadonlySet<HtmlElement> | null, judge: ContainerJudge | null): { kept: Segment[]; dropped: Dropped[] } {
  const decided: { seg: Segment; rule: string | null; lead: boolean }[] = []
  const byAncestor = new Map<HtmlElement, string | null>()
  const containerRule = (el: HtmlElement): string | null => {
    if (!judge || !roots) return null
    const path: HtmlElement[] = []
    let rule: string | null = null
    for (let e: HtmlElement | null = el; e && !roots.has(e); e = e.parent) {
      const known = byAncestor.get(e)
      if (known !== undefined) { rule = known; break }
      path.push(e)
    }
    for (let i = path.length - 1; i >= 0; i--) { rule = rule ?? judge(path[i]!); byAncestor.set(path[i]!, rule) }
    return rule
  }
  for (const b of blocks) {
    const why = b.lead ? 'lead' : containerRule(b.owner) ?? blockRule(b)
    for (const s of b.segments) decided.push({ seg: s, rule: why ?? lineRule(s.text), lead: b.lead })
  }
  // the heading of a dropped section goes with it ("More stories" above a link list)
  for (let i = 0; i + 1 < decided.length; i++) {
    const d = decided[i]!, next = decided[i + 1]!
    if (!d.rule && next.rule && next.rule !== 'lead' && next.rule !== 'caption' && d.seg.text.length < 60 && !/[.!?:"”]$/.test(d.seg.text)) d.rule = 'section-heading'
  }
  const kept: Segment[] = []
  const dropped: Dropped[] = []
  for (const d of decided) if (d.rule) dropped.push({ ...d.seg, rule: d.rule, lead: d.lead }); else kept.push(d.seg)
  return { kept, dropped }
}

function blockRule(b: Block): string | null {
  if (b.owner.tag === 'h1') return 'headline'
  if (b.len > 0 && b.linkLen / b.len > MAX_LINK_DENSITY && !(b.linkLen / b.len <= MAX_PROSE_LINK_DENSITY && isSentence(b))) return 'link-dense'
  return null
}

function lineRule(text: string): string | null {
  if (!/[\p{L}\p{N}]/u.test(text)) return 'no-words'
  if (CHROME_LINE_RE.test(text)) return 'chrome-line'
  // a line that is only a date ("15 ноября 2024, 14:30", "۲۵ آبان ۱۴۰۳"): the page's dateline, read by the metadata, not body
  if (dateOf(text)) return 'date-line'
  if (TEASER_LEAD_RE.test(text)) return 'teaser'
  if (CAPTION_RE.test(text) && text.length < 300) return 'caption'
  if (PROMO_LINE_RE.test(text) && text.length < 200) return 'promo'
  return null
}

/** A long block ending like a sentence: prose whose words happen to be links, not a menu. */
function isSentence(b: Block): boolean {
  const last = b.segments[b.segments.length - 1]!.text
  return b.len >= MIN_LINKED_PROSE_CHARS && /[.!?]["'”’)]*$/.test(last)
}
