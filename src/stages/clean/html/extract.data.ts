/** Heuristic data of HTML body extraction (readability's and trafilatura's published rules, retuned on the dev set). */

/** Subtrees never read as body text: code, forms, media, navigation and page chrome elements. */
export const SKIP_TAGS = new Set(['head', 'script', 'style', 'noscript', 'template', 'title', 'svg', 'math', 'button', 'select', 'textarea',
  'input', 'label', 'nav', 'aside', 'footer', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'figure', 'figcaption', 'dialog', 'menu'])

/** Inline style that hides an element from readers. */
export const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i

/** class/id words of page chrome (readability's unlikelyCandidates, plus share/newsletter/promo words seen on news sites). */
export const UNLIKELY_RE = /-ad-|\bad-slot|adsbygoogle|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|share|sharing|newsletter|subscribe|signup|promo|recirc|most-popular|trending|outbrain|taboola|byline|author-bio|tags|cookie|consent|modal|toolbar|masthead|caption|credit|gallery|slideshow|carousel|lightbox|thumbs|author-info|author-box|entry-author|about-author|bio-/i

/** class/id words that rescue an "unlikely" element (readability's okMaybeItsACandidate). */
export const POSITIVE_RE = /\band\b|article|body|column|content|main|mathjax|shadow|story|entry|post-text/i

/** Elements never stripped as "unlikely" (the page's own article markers). */
export const UNLIKELY_EXCEPT_TAGS = new Set(['body', 'html', 'article', 'main', 'a', '#root'])

/** class/id words that raise a candidate's score (readability's positive). */
export const CLASS_POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i
/** class/id words that lower a candidate's score (readability's negative). */
export const CLASS_NEGATIVE = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|caption|credit|newsletter|recommend/i
/** Weight added or removed for a positive or negative class/id (readability's value). */
export const CLASS_WEIGHT = 25

/** Initial candidate score by tag (readability's _initializeNode). */
export const TAG_SCORE: Record<string, number> = {
  div: 5, article: 8, main: 5, section: 2, pre: 3, td: 3, blockquote: 3,
  address: -3, ol: -3, ul: -3, dl: -3, dd: -3, dt: -3, li: -3, form: -3, h1: -5, h2: -5, h3: -5, h4: -5, h5: -5, h6: -5, th: -5,
}

/** Blocks shorter than this do not vote for a container (readability's 25). */
export const MIN_SCORED_LEN = 25
/** Ancestor levels a paragraph's score reaches (readability: 5). */
export const SCORE_LEVELS = 5
/** Another candidate scoring at least this share of the best one pulls the choice up to their common ancestor. */
export const ALTERNATIVE_SHARE = 0.6
/** ...but only when that ancestor is at most this many levels above both (a split article, not the whole page). */
export const MAX_MERGE_LEVELS = 3
/** A same-tag, same-class element scoring this share of the top candidate is another chunk of the article. */
export const COUSIN_SHARE = 0.2
/** ...when it shares an ancestor with the top candidate at most this many levels up. */
export const MAX_COUSIN_LEVELS = 6
/** A sibling joins the top candidate when its score reaches this share of the top score (readability: 0.2). */
export const SIBLING_SHARE = 0.2
/** Below this many characters the extraction is retried without stripping "unlikely" subtrees (readability: 500). */
export const MIN_BODY_CHARS = 500

/** A block with more than this share of link text is navigation, unless it is long prose. */
export const MAX_LINK_DENSITY = 0.5
/** ...but a long sentence-like block keeps up to this share of link text (paragraphs that link their key phrase). */
export const MAX_PROSE_LINK_DENSITY = 0.8
/** Shortest block that counts as linked prose. */
export const MIN_LINKED_PROSE_CHARS = 80
/** Short lines that are page chrome when they stand alone in the body (whole-line match, case-insensitive). */
export const CHROME_LINE_RE = /^(advertisement|advertising|sponsored( content)?|story continues below( advertisement)?|continue reading( below)?|read more|read more:?|see also|related( articles| stories| coverage)?:?|share( this( article| story)?)?:?|image|photo|video|loading\.{0,3}|close|subscribe( now)?|sign up|click here|print|email|comments?|skip to content|back to top|getty images|ad feedback|more from .{1,40}|listen to (this|the) (article|story).*)$/i
/** Lines that open a "read this other article" teaser inside the body; the teaser line after it goes too. */
export const TEASER_LEAD_RE = /^(read more|see also|related|also read|read also|recommended|more on this|you may also like|watch)\s*[:»>|-]\s*/i

/** class/id words of a standfirst/dek: kept by cleanPage as the lead, never part of the benchmark body. */
export const LEAD_CLASS_RE = /standfirst|\bdek\b|article-lead|lead-text|subheadline|sub-headline|article-summary|\bdeck\b/i
/** Lines that are image captions or credits ("(Image: GETTY)", "Photo: X", "X | Getty Images"). */
export const CAPTION_RE = /\((?:image|photo|picture|pic|credit|source)s?\s*:[^)]{0,80}\)\s*$|^(?:image|photo|picture|credit)s?(?: credit)?\s*:|(?:\||\/|\bvia\b|©)\s*(?:getty images?|shutterstock|afp|ap photo|ap|reuters|epa|istock|bloomberg)\s*$|^image \d+ of|^\d+ \/ \d+$/i
/** A short line that promotes the site rather than telling the story. */
export const PROMO_LINE_RE = /^(subscribe to|sign up (for|to)|follow us|download (the|our) app|click here|join our|get our .{0,30}newsletter|\[?javascript protected email)/i
/** A list whose items nearly all carry a link and this share of link text is a "more stories" list. */
export const LINK_LIST_DENSITY = 0.3
