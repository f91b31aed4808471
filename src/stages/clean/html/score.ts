import type { Block } from './blocks.js'
import type { HtmlElement } from './parse.js'
import { ALTERNATIVE_SHARE, COUSIN_SHARE, MAX_COUSIN_LEVELS, CLASS_NEGATIVE, CLASS_POSITIVE, CLASS_WEIGHT, MAX_MERGE_LEVELS, MIN_SCORED_LEN, SCORE_LEVELS, SIBLING_SHARE, TAG_SCORE } from './extract.data.js'

/** Text and link characters under each element (summed from the blocks it holds). */
export interface ElementStats { text: number; link: number; commas: number; score: number; blocks: number }

/** Class/id weight of an element (readability's getClassWeight). */
export function classWeight(el: HtmlElement): number {
  let w = 0
  for (const v of [el.attrs.class, el.attrs.id]) {
    if (!v) continue
    if (CLASS_NEGATIVE.test(v)) w -= CLASS_WEIGHT
    if (CLASS_POSITIVE.test(v)) w += CLASS_WEIGHT
  }
  return w
}

const PARAGRAPH_LIKE = new Set(['p', 'pre', 'td', 'blockquote', 'li', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th', 'figcaption', 'caption'])

/**
 * Readability's scoring on blocks: every block of at least MIN_SCORED_LEN characters gives its container
 * 1 + commas + min(len/100, 3), its parent half, further ancestors a third per level; a candidate's final score
 * is (tag score + class weight + votes) x (1 - link density).
 */
export function scoreCandidates(blocks: readonly Block[]): Map<HtmlElement, ElementStats> {
  const stats = new Map<HtmlElement, ElementStats>()
  const get = (el: HtmlElement) => {
    let s = stats.get(el)
    if (!s) { s = { text: 0, link: 0, commas: 0, score: 0, blocks: 0 }; stats.set(el, s) }
    return s
  }
  for (const b of blocks) {
    for (let el: HtmlElement | null = b.owner; el; el = el.parent) {
      const s = get(el)
      s.text += b.len; s.link += b.linkLen; s.commas += b.commas; s.blocks++
    }
  }
  const votes = new Map<HtmlElement, number>()
  for (const b of blocks) {
    if (b.lead || b.len < MIN_SCORED_LEN || b.linkLen / b.len > 0.5) continue
    const vote = 1 + b.commas + Math.min(Math.floor(b.len / 100), 3)
    let el: HtmlElement | null = PARAGRAPH_LIKE.has(b.owner.tag) ? b.owner.parent : b.owner
    for (let level = 0; el && level < SCORE_LEVELS; level++, el = el.parent) {
      if (el.tag === '#root' || el.tag === 'html') break
      votes.set(el, (votes.get(el) ?? 0) + vote / (level === 0 ? 1 : level === 1 ? 2 : level * 3))
    }
  }
  for (const [el, v] of votes) {
    const s = get(el)
    const ld = s.text ? s.link / s.text : 0
    s.score = ((TAG_SCORE[el.tag] ?? 0) + classWeight(el) + v) * (1 - ld)
  }
  return stats
}

/**
 * The best-scored candidate. When other candidates score close to it (ALTERNATIVE_SHARE) and sit within
 * MAX_MERGE_LEVELS of it, their common ancestor is taken instead (an article split into several chunks).
 */
export function topCandidate(stats: Map<HtmlElement, ElementStats>): HtmlElement | null {
  let best: HtmlElement | null = null
  let bestScore = 0
  for (const [el, s] of stats) if (s.score > bestScore) { best = el; bestScore = s.score }
  if (!best) return null
  let top: HtmlElement = best
  for (const [el, s] of stats) {
    if (s.score < bestScore * ALTERNATIVE_SHARE || el === best || contains(el, top) || contains(top, el)) continue
    const lca = commonAncestor(top, el)
    if (lca && depthBetween(lca, best) <= MAX_MERGE_LEVELS && depthBetween(lca, el) <= MAX_MERGE_LEVELS) top = lca
  }
  return top
}

/**
 * Chunks of a split article: elements with the top candidate's tag and class that score at least
 * COUSIN_SHARE of it and share an ancestor with it within MAX_COUSIN_LEVELS (one template repeated per section).
 */
export function cousins(top: HtmlElement, stats: Map<HtmlElement, ElementStats>): HtmlElement[] {
  const cls = top.attrs.class
  const topScore = stats.get(top)?.score ?? 0
  if (!cls) return []
  const out: HtmlElement[] = []
  for (const [el, s] of stats) {
    if (el === top || el.tag !== top.tag || el.attrs.class !== cls || s.score < topScore * COUSIN_SHARE) continue
    if (contains(el, top) || contains(top, el)) continue
    const lca = commonAncestor(top, el)
    if (lca && depthBetween(lca, top) <= MAX_COUSIN_LEVELS) out.push(el)
  }
  return out
}

function contains(a: HtmlElement, b: HtmlElement): boolean {
  for (let e: HtmlElement | null = b; e; e = e.parent) if (e === a) return true
  return false
}
function depthBetween(anc: HtmlElement, el: HtmlElement): number {
  let d = 0
  for (let e: HtmlElement | null = el; e && e !== anc; e = e.parent) d++
  return d
}
function commonAncestor(a: HtmlElement, b: HtmlElement): HtmlElement | null {
  const seen = new Set<HtmlElement>()
  for (let e: HtmlElement | null = a; e; e = e.parent) seen.add(e)
  for (let e: HtmlElement | null = b; e; e = e.parent) if (seen.has(e)) return e
  return null
}

/** The top candidate plus the siblings that look like more of the article (readability's sibling step). */
export function withSiblings(top: HtmlElement, stats: Map<HtmlElement, ElementStats>): HtmlElement[] {
  const parent = top.parent
  if (!parent) return [top]
  const topScore = stats.get(top)?.score ?? 0
  const threshold = Math.max(10, topScore * SIBLING_SHARE)
  const topClass = top.attrs.class ?? ''
  const out: HtmlElement[] = []
  for (const sib of parent.children) {
    if (sib.kind !== 'el') continue
    if (sib === top) { out.push(sib); continue }
    const s = stats.get(sib)
    if (!s) continue
    const bonus = topClass && sib.attrs.class === topClass ? topScore * 0.2 : 0
    if (s.score + bonus >= threshold) { out.push(sib); continue }
    if (sib.tag === 'p' && s.text > 0) {
      const ld = s.link / s.text
      if ((s.text > 80 && ld < 0.25) || (s.text <= 80 && ld === 0 && s.blocks === 1)) out.push(sib)
    }
  }
  return out
}

