import type { HtmlElement } from './parse.js'
import type { ElementStats } from './score.js'
import { classWeight } from './score.js'
import { LINK_LIST_DENSITY } from './extract.data.js'

/** Element counts under a container (readability's _cleanConditionally inputs). */
interface Counts { p: number; img: number; li: number; input: number; embed: number; liWithLink: number }

const CONDITIONAL_TAGS = new Set(['div', 'section', 'ul', 'ol', 'table', 'form', 'dl'])

/**
 * Decides, once per container inside the chosen article, whether it is chrome to drop: readability's
 * _cleanConditionally rules (link density, images vs paragraphs, lists, inputs, embeds) plus a "more stories"
 * rule for lists whose every item is a link. Returns the rule name, or null to keep.
 */
export function makeConditionalCleaner(stats: Map<HtmlElement, ElementStats>): (el: HtmlElement) => string | null {
  const counts = new Map<HtmlElement, Counts>()
  const verdict = new Map<HtmlElement, string | null>()
  const countOf = (el: HtmlElement): Counts => {
    let c = counts.get(el)
    if (c) return c
    c = { p: 0, img: 0, li: 0, input: 0, embed: 0, liWithLink: 0 }
    // iterative walk, bounded by the parser's node cap
    const todo: HtmlElement[] = [el]
    while (todo.length) {
      const e = todo.pop()!
      for (const ch of e.children) {
        if (ch.kind !== 'el') continue
        const t = ch.tag
        if (t === 'p') c.p++
        else if (t === 'img') c.img++
        else if (t === 'li') { c.li++; if (hasLink(ch)) c.liWithLink++ }
        else if (t === 'input' || t === 'select' || t === 'textarea') c.input++
        else if (t === 'iframe' || t === 'object' || t === 'embed' || t === 'video') c.embed++
        todo.push(ch)
      }
    }
    counts.set(el, c)
    return c
  }
  return (el: HtmlElement) => {
    if (!CONDITIONAL_TAGS.has(el.tag)) return null
    if (verdict.has(el)) return verdict.get(el)!
    const v = judge(el, stats.get(el), countOf)
    verdict.set(el, v)
    return v
  }
}

function hasLink(el: HtmlElement): boolean {
  for (const ch of el.children) if (ch.kind === 'el' && (ch.tag === 'a' || hasLink(ch))) return true
  return false
}

function judge(el: HtmlElement, s: ElementStats | undefined, countOf: (el: HtmlElement) => Counts): string | null {
  if (!s || s.text === 0) return null
  const weight = classWeight(el)
  const isList = el.tag === 'ul' || el.tag === 'ol'
  // a list's own -3 tag score makes short bullet lists negative; only a chrome class/id condemns a list
  if (weight + (isList ? 0 : s.score) < 0) return 'negative-score'
  const c = countOf(el)
  const ld = s.link / s.text
  if (isList && c.li >= 3 && c.liWithLink >= c.li - 1 && ld >= LINK_LIST_DENSITY) return 'link-list'
  if (s.commas >= 10) return null
  if (c.img > 1 && c.p / c.img < 0.5) return 'image-gallery'
  if (!isList && c.li > c.p + 100) return 'list-heavy'
  if (c.input > Math.floor(c.p / 3)) return 'form'
  if (!isList && weight < 25 && ld > 0.2 + 0) return 'link-dense-container'
  if (weight >= 25 && ld > 0.5) return 'link-dense-container'
  if ((c.embed === 1 && s.text < 75) || c.embed > 1) return 'embed'
  return null
}
