/** Heuristic data of scraped-text cleaning: what a line of page chrome looks like, and where an article ends. */

/** A body line ends a sentence: terminal punctuation, optionally followed by closing quotes or brackets. */
export const SENTENCE_END_RE = /[.!?]["'”’»)\]]*$|[”"]$/
/** Fewest words of a body line (shorter sentence-like lines are chrome: "Let your voice be heard!"). */
export const MIN_PROSE_WORDS = 6
/** Lines ending in an ellipsis are teaser snippets of other articles, cut off by the site. */
export const TEASER_SNIPPET_RE = /(\.\.\.|…)\s*$/

/** Whole-line page chrome (menus, widgets, theme toggles, social buttons), case-insensitive. */
export const CHROME_LINE_RE = /^(dark mode|light mode|logo|menu|search|home|login|log in|sign in|register|subscribe|share|share this( story| article)?:?.*|(facebook|twitter|instagram|linkedin|pinterest|tumblr|whatsapp|vkontakte|email|telegram|reddit|youtube)(\s+(facebook|twitter|instagram|linkedin|pinterest|tumblr|whatsapp|vkontakte|email|telegram|reddit|youtube))*|share\.?\s+(facebook|twitter).*|previous article.*|next article.*|previous post.*|next post.*|leave a reply.*|leave a comment.*|no comments:?|\d+ comments?:?|comments?:?|categories|tags:?.*|related|related posts|latest posts|popular posts|recent posts|subscribe to updates|loading\.{0,3}|website|contact us|about us|privacy policy|terms of (use|service)|advertisement|let your voice be heard!?|read more\s*:?|related coverage|you may also like|more stories)$/i
/** Lines that are site boilerplate even when they read like a sentence (captcha notices, cookie banners, copyright). */
export const BOILERPLATE_RE = /recaptcha|privacy policy and terms|cookies? (policy|settings)|all rights reserved|^©|^copyright\b|designed by|powered by|get the latest .{0,40} news from/i
/** A list bullet or breadcrumb: navigation, never body. */
export const NAV_LINE_RE = /^[•·▪►»›-]\s|»|\s›\s/
/** A category with a post count ("World (1,382)"). */
export const COUNT_LINE_RE = /\(\d[\d,.]*\)\s*$/
/** Image captions and credits. */
export const CAPTION_LINE_RE = /\b(photo|image|picture|credit|file photo)s?\s*:\s*\S|\((photo|image|credit)s?:[^)]*\)\s*$/i

/** Heading of a block of links to other articles inside or after the body; the lines that follow it are teasers. */
export const TEASER_HEAD_RE = /^(related coverage|related|related articles|related stories|related posts|read more|read also|also read|see also|recommended|more stories|latest posts|you may also like)\s*:?\s*$/i
/** Most lines a teaser block runs after its heading (date, headline, snippet). */
export const MAX_TEASER_LINES = 4

/** Lines after which the article is over: share bars, comment prompts, prev/next links, post lists. */
export const END_MARKER_RE = /^(share this( story| article)?\b|share\.?\s+(facebook|twitter)|leave a (reply|comment)|no comments:?$|\d+ comments?:?$|comments:?$|previous (article|post)|next (article|post)|related posts$|latest posts$|categories$|subscribe to updates$|about the author$|tags:)/i
/** Most non-body lines tolerated between two body lines of one article (a "Related coverage" block is 4). */
export const MAX_GAP_LINES = 5

/** Bylines: "By Jane Doe", "avatar by Jane Doe" (the name is captured; it stops at a date word). */
export const BYLINE_RE = /^(?:\S+\s+)??[Bb][Yy]:?\s+((?:\p{Lu}[\p{L}'’.-]*)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|al|bin|el))*)/u
/** Longest byline line, in words. */
export const MAX_BYLINE_WORDS = 14

/** "Join the X", "Support X": the site names itself (the name is read with NAME_RE after this lead). */
export const JOIN_LEAD_RE = /^(?:join|support|follow)\s+(?:the\s+)?/i
/** A proper name of up to five capitalised words (an outlet), optionally after "The". */
export const NAME_RE = /^(?:[Tt]he\s+)?\p{Lu}[\p{L}\d&'’.-]*(?:\s+\p{Lu}[\p{L}\d&'’.-]*){0,4}/u
/** Copyright lines: "© 2023 Designed by icebutik", "Copyright © 2024 Levant News. All rights reserved." */
export const COPYRIGHT_RE = /^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:designed by|powered by|by)?\s*([\p{L}][\p{L}\d .&'’-]{1,60}?)\s*(?:[.,|]|all rights|$)/iu
/** Credit lines naming the outlet an article was copied from ("Source: X", "Originally published by X"). */
export const SOURCE_LEAD_RE = /^(?:source|sources|via|courtesy(?: of)?|originally published (?:on|in|at|by)|this (?:article|story) (?:was )?(?:first |originally )?(?:appeared|published) (?:on|in|at|by))\s*:?\s*/i
/** Wire datelines opening a copied story: "MOSCOW (Reuters) -", "(AP) —". */
export const WIRE_DATELINE_RE = /^(?:[\p{Lu}][\p{Lu}\p{L} .,'-]{0,40})?\s*\((Reuters|AP|AFP|Associated Press|Agence France-Presse|Bloomberg|TASS|IRNA|Xinhua|Anadolu|dpa|UPI)\)\s*[-–—]/u

/** Outlets whose headline template ends the title: the suffix on a page of another site shows a copied story. */
export const TITLE_TEMPLATES: readonly { readonly outlet: string; readonly suffix: RegExp; readonly reason: string }[] = [
  { outlet: 'Al Jazeera', suffix: /\s\|\s(?:(?:Politics|Migration|Business and Economy|Conflict|Military|Humanitarian Crises|Elections|Human Rights|Science and Technology|Health|Environment|Climate Crisis|Russia-Ukraine war|Israel-Palestine conflict|Gaza)\s)?News$/, reason: 'aljazeera.com titles end in " | News" or " | <topic> News"' },
]
/** Title suffixes that name a section, not a site ("Title | News"). */
export const GENERIC_SUFFIX_RE = /^(news|home|world|politics|business|opinion|blog|article|latest)$/iu
