import { collectBlocks, type Block, type Segment } from './blocks.js'
import type { HtmlElement } from './parse.js'
import { cousins, scoreCandidates, topCandidate, withSiblings } from './score.js'
import { filterBlocks, type Dropped } from './filter.js'
import { MIN_BODY_CHARS } from './extract.data.js'
import { makeConditionalCleaner } from './conditional.js'

/** Body found in a parsed page: kept paragraphs (with raw ranges) and every dropped line with its reason. */
export interface BodyExtraction {
  readonly paragraphs: readonly Segment[]
  readonly dropped: readonly Dropped[]
  /** which pass of the cascade produced it */
  readonly strategy: 'scored' | 'scored-keep-unlikely' | 'whole-page' | 'none'
  /** text blocks of the page left outside the chosen article container (menus, sidebars, footers) */
  readonly outside: number
}

/** The <body> element, or the root when the page has none. */
export function findBody(root: HtmlElement): HtmlElement {
  for (const c of root.children) {
    if (c.kind !== 'el') continue
    if (c.tag === 'body') return c
    if (c.tag === 'html') for (const d of c.children) if (d.kind === 'el' && d.tag === 'body') return d
  }
  return root
}

/**
 * Extracts the article body. Cascade (first that yields MIN_BODY_CHARS wins, else the longest):
 * 1. scored: chrome subtrees stripped, readability scoring, top candidate + siblings, line filters;
 * 2. scored-keep-unlikely: the same without stripping chrome-looking class/id subtrees;
 * 3. whole-page: every prose-looking line of the page.
 */
export function extractFromTree(root: HtmlElement): BodyExtraction {
  const body = findBody(root)
  let best: BodyExtraction = { paragraphs: [], dropped: [], strategy: 'none', outside: 0 }
  for (const strip of [true, false]) {
    const blocks = collectBlocks(body, { stripUnlikely: strip })
    const r = fromBlocks(blocks, strip ? 'scored' : 'scored-keep-unlikely')
    if (chars(r) >= MIN_BODY_CHARS) return r
    if (chars(r) > chars(best)) best = r
  }
  if (chars(best) > 0) return best
  const all = collectBlocks(body, { stripUnlikely: false })
  const r = filterBlocks(all, null, null)
  return { paragraphs: r.kept, dropped: r.dropped, strategy: r.kept.length ? 'whole-page' : 'none', outside: 0 }
}

function chars(r: BodyExtraction): number {
  let n = 0
  for (const p of r.paragraphs) n += p.text.length
  return n
}

function fromBlocks(blocks: readonly Block[], strategy: BodyExtraction['strategy']): BodyExtraction {
  const stats = scoreCandidates(blocks)
  const top = topCandidate(stats)
  if (!top) return { paragraphs: [], dropped: [], strategy, outside: blocks.length }
  const chosen = new Set([...withSiblings(top, stats), ...cousins(top, stats)])
  const inside = (b: Block) => {
    for (let el: HtmlElement | null = b.owner; el; el = el.parent) if (chosen.has(el)) return true
    return false
  }
  const kept = blocks.filter(inside)
  const r = filterBlocks(kept, chosen, makeConditionalCleaner(stats))
  return { paragraphs: r.kept, dropped: r.dropped, strategy, outside: blocks.length - kept.length }
}
