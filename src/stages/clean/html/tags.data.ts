/** Tag tables of the HTML parser and of block splitting (the HTML spec's sets, trimmed to what matters here). */

/** Elements that never have children or an end tag. */
export const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'])

/** Elements whose content is raw text up to their end tag (never parsed as markup; script bodies never reach the text). */
export const RAW_TEXT_TAGS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'template', 'plaintext'])

/** Block elements: a start tag of one of these closes an open <p> (HTML's implied end tag). */
export const CLOSES_P = new Set(['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul'])

/** Elements that start a new text block when text is laid out (everything else is inline). */
export const BLOCK_TAGS = new Set([...CLOSES_P, 'li', 'dd', 'dt', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'caption', 'body', 'html',
  'center', 'summary', 'option', 'picture', 'video', 'audio', 'canvas', 'map', 'object', 'br'])

/** Same-name siblings that close each other without an end tag (<li><li>, <td><td>, <option><option>). */
export const SELF_CLOSING_SIBLINGS: Record<string, readonly string[]> = {
  li: ['li'], dt: ['dt', 'dd'], dd: ['dt', 'dd'], tr: ['tr', 'td', 'th'], td: ['td', 'th'], th: ['td', 'th'], option: ['option'],
}

/** Deepest element nesting kept; deeper start tags attach to the deepest kept element (10,000-deep pages stay bounded). */
export const MAX_DEPTH = 256

/** How far up the open-element stack an end tag looks for its start tag (bounds the cost of stray end tags). */
export const MAX_END_TAG_SEARCH = 64

/** Longest HTML input read, in UTF-16 units; the rest of a larger page is dropped with a warning (50 MB pages stay bounded). */
export const MAX_HTML_CHARS = 8_000_000

/** Most elements built for one page; past it the parser stops with a warning. */
export const MAX_NODES = 400_000

/** Attributes kept on elements (the extractor and metadata reader need no others; skipping the rest is faster). */
export const KEPT_ATTRS = new Set(['id', 'class', 'itemprop', 'itemtype', 'role', 'property', 'name', 'content', 'datetime', 'href', 'rel',
  'type', 'hidden', 'aria-hidden', 'style', 'data-testid', 'lang'])
