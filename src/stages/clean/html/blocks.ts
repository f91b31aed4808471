import type { HtmlElement } from './parse.js'
import { BLOCK_TAGS } from './tags.data.js'
import { HIDDEN_STYLE, LEAD_CLASS_RE, SKIP_TAGS, UNLIKELY_EXCEPT_TAGS, UNLIKELY_RE, POSITIVE_RE } from './extract.data.js'

/** A line of text inside one block (blocks split at <br>): decoded, whitespace-collapsed, with its raw range. */
export interface Segment { readonly text: string; readonly start: number; readonly end: number }

/** A run of inline text between block boundaries, owned by its nearest block-level element. */
export interface Block {
  readonly owner: HtmlElement
  readonly segments: readonly Segment[]
  /** total characters of the segments */
  readonly len: number
  /** characters inside <a href> */
  readonly linkLen: number
  readonly commas: number
  /** index in document order */
  readonly index: number
  /** inside an article <header> or a standfirst/dek element: a lead, not body */
  readonly lead: boolean
}

/** Why a subtree was skipped, for messages and the retry cascade. */
export type SkipReason = 'tag' | 'hidden' | 'unlikely'

export interface CollectOptions {
  /** skip subtrees whose class/id look like chrome (readability's "unlikely candidates") */
  readonly stripUnlikely: boolean
}

const WS = /\s+/g

/** True when an element is hidden from readers (hidden attribute, aria-hidden, display:none). */
export function isHidden(el: HtmlElement): boolean {
  const a = el.attrs
  return a.hidden !== undefined || a['aria-hidden'] === 'true' || (a.style !== undefined && HIDDEN_STYLE.test(a.style))
}

/** The class and id of an element, joined (what the chrome patterns match against). */
export const classAndId = (el: HtmlElement): string => (el.attrs.class ?? '') + ' ' + (el.attrs.id ?? '')

/** Why this element's subtree is skipped, or null when it is read. */
export function skipReason(el: HtmlElement, opts: CollectOptions): SkipReason | null {
  if (SKIP_TAGS.has(el.tag)) return 'tag'
  if (isHidden(el)) return 'hidden'
  if (opts.stripUnlikely && !UNLIKELY_EXCEPT_TAGS.has(el.tag)) {
    const ci = classAndId(el)
    if (ci.length > 1 && UNLIKELY_RE.test(ci) && !POSITIVE_RE.test(ci) && el.attrs.role !== 'main') return 'unlikely'
    const role = el.attrs.role
    if (role === 'complementary' || role === 'navigation' || role === 'banner' || role === 'contentinfo' || role === 'dialog') return 'unlikely'
  }
  return null
}

/**
 * Lays the tree out as text blocks in document order (one pass, iterative so deep pages cannot overflow the stack).
 * Block elements and <br> end a line; inline text is concatenated and whitespace collapsed.
 */
export function collectBlocks(root: HtmlElement, opts: CollectOptions): Block[] {
  const blocks: Block[] = []
  let segs: Segment[] = []
  let buf = ''
  let bufStart = -1
  let bufEnd = -1
  let linkLen = 0
  let owner: HtmlElement = root
  let lead = false
  const endLine = () => {
    const t = buf.replace(WS, ' ').trim()
    if (t) segs.push({ text: t, start: bufStart, end: bufEnd })
    buf = ''; bufStart = -1
  }
  const endBlock = () => {
    endLine()
    if (segs.length) {
      let len = 0, commas = 0
      for (const s of segs) { len += s.text.length; commas += countCommas(s.text) }
      blocks.push({ owner, segments: segs, len, linkLen: Math.min(linkLen, len), commas, index: blocks.length, lead })
    }
    segs = []; linkLen = 0
  }
  // explicit stack of [element, child index, inLink]
  const stack: { el: HtmlElement; i: number; link: boolean; owner: HtmlElement; lead: boolean }[] = [{ el: root, i: 0, link: false, owner: root, lead: false }]
  while (stack.length) {
    const f = stack[stack.length - 1]!
    if (f.i >= f.el.children.length) {
      stack.pop()
      if (BLOCK_TAGS.has(f.el.tag)) { endBlock(); owner = stack.length ? stack[stack.length - 1]!.owner : root }
      const parentLead = stack.length ? stack[stack.length - 1]!.lead : false
      if (parentLead !== lead) { endBlock(); lead = parentLead }
      continue
    }
    const node = f.el.children[f.i++]!
    if (node.kind === 'text') {
      if (bufStart < 0) { if (/^\s*$/.test(node.text)) continue; bufStart = node.start }
      buf += node.text
      bufEnd = node.end
      if (f.link) linkLen += node.text.trim().length
      continue
    }
    if (node.tag === 'br') { endLine(); continue }
    if (skipReason(node, opts)) continue
    const block = BLOCK_TAGS.has(node.tag)
    if (block) { endBlock(); owner = node }
    const inLead = f.lead || node.tag === 'header' || (node.attrs.class !== undefined && LEAD_CLASS_RE.test(node.attrs.class))
    if (inLead !== lead) { endBlock(); lead = inLead }
    stack.push({ el: node, i: 0, link: f.link || (node.tag === 'a' && node.attrs.href !== undefined), owner: block ? node : f.owner, lead: inLead })
  }
  endBlock()
  return blocks
}

function countCommas(s: string): number {
  let c = 0
  for (let i = 0; i < s.length; i++) { const ch = s.charCodeAt(i); if (ch === 44 || ch === 0x3001 || ch === 0xff0c || ch === 0x060c) c++ }
  return c
}
