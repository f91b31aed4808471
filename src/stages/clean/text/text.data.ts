/** Heuristic data of scraped-text cleaning: what a line of page chrome looks like, and where an article ends. */

/** The last marks of a sentence: terminal punctuation (with ؟ and ۔) and the closing quotes or brackets after it, or a closing quote. */
const SENTENCE_STOP = String.raw`(?:[.!?؟۔]["'”’»)\]]*|[”"])`
/** A desk's sign-off after a story's last sentence: the editors' initials ("MH/PA", "MA"), then a wire's "END" and agency code ("… END MNA"). */
const DESK_SIGNOFF = String.raw`(?:\p{Lu}{1,4}(?:\/\p{Lu}{1,4})+|\p{Lu}{2,3})(?:\s+END(?:\s+\p{Lu}{2,5})?)?`
/**
 * A body line ends a sentence: terminal punctuation (with the Arabic question mark ؟ and full stop ۔), optionally followed by closing quotes or brackets, and by the
 * desk initials of the editors who handled it ("… considered.” MH/PA", "… year. MA", "… figures. ER/IS END MNA").
 */
export const SENTENCE_END_RE = new RegExp(`${SENTENCE_STOP}(?:\\s+${DESK_SIGNOFF})?$`, 'u')
/**
 * A sentence end followed by the agency the story came from ("… (Source: TASS)", "… (HealthDay News)"): the end of
 * a body paragraph when the line is long (CREDITED_MIN_WORDS); a short one is a photo caption ("… on Monday. (AP)").
 */
export const CREDITED_END_RE = new RegExp(`${SENTENCE_STOP}\\s*\\((?:(?:[Ss]ources?|[Vv]ia)\\s*:\\s*)?\\p{Lu}[^()]{1,50}\\)$`, 'u')
export const CREDITED_MIN_WORDS = 25
/** Fewest words of the one line kept as the body of a page where no line ends a sentence (a brief cut short). */
export const CUT_BRIEF_MIN_WORDS = 12
/** Words of a line that, with two or more sentence breaks inside it, is body text however it ends. */
export const LONG_PARAGRAPH_WORDS = 40
/** Fewest words of a body line (shorter sentence-like lines are chrome: "Let your voice be heard!"). */
export const MIN_PROSE_WORDS = 6
/** Lines ending in an ellipsis are teaser snippets of other articles, cut off by the site. */
export const TEASER_SNIPPET_RE = /(\.\.\.|…)\s*$/

/** Whole-line page chrome (menus, widgets, theme toggles, social buttons), case-insensitive. */
export const CHROME_LINE_RE = /^(dark mode|light mode|logo|menu|search|home|login|log in|sign in|register|subscribe|share|share this( story| article)?:?.*|(facebook|twitter|instagram|linkedin|pinterest|tumblr|whatsapp|vkontakte|email|telegram|reddit|youtube)(\s+(facebook|twitter|instagram|linkedin|pinterest|tumblr|whatsapp|vkontakte|email|telegram|reddit|youtube))*|share\.?\s+(facebook|twitter).*|previous article.*|next article.*|previous post.*|next post.*|leave a reply.*|leave a comment.*|no comments:?|\d+ comments?:?|comments?:?|categories|tags:?.*|related|related posts|latest posts|popular posts|recent posts|subscribe to updates|loading\.{0,3}|search\s*(\.{3}|…)?|skip to (main )?content|listen( to this (article|story))?( \d+ min)?|print( this (article|page))?|copy link|back to top|toggle (navigation|menu)|font size.*|text size.*|sponsored( content)?|follow us.*|follow .{1,40} on (twitter|x|facebook|telegram|instagram|linkedin)|website|contact us|about us|privacy policy|terms? of (use|service)|advertisement|let your voice be heard!?|read more\s*:?|related coverage|you may also like|more stories)$/i
/** Words of a share or follow bar (social networks, share actions); a line made only of them is chrome. */
export const SOCIAL_WORDS: ReadonlySet<string> = new Set(['facebook', 'twitter', 'x', 'instagram', 'linkedin', 'pinterest', 'tumblr', 'whatsapp', 'vkontakte',
  'vk', 'ok', 'odnoklassniki', 'email', 'e-mail', 'mail', 'telegram', 'reddit', 'youtube', 'tiktok', 'threads', 'bluesky', 'mastodon', 'flipboard',
  'messenger', 'viber', 'line', 'wechat', 'weibo', 'sms', 'print', 'copy', 'link', 'copied', 'share', 'tweet', 'pin', 'rss', 'google', 'news', 'on', 'and', 'us'])
/** Network names that make a bar of SOCIAL_WORDS a share bar without a "Share" lead ("Facebook Twitter Telegram"). */
export const STRONG_SOCIAL_WORDS: ReadonlySet<string> = new Set(['facebook', 'twitter', 'instagram', 'linkedin', 'pinterest', 'tumblr', 'whatsapp',
  'vkontakte', 'vk', 'email', 'telegram', 'reddit', 'youtube', 'tiktok', 'flipboard', 'viber'])
/** Most words left on a date line once dates, times, zones and date labels are removed ("Tuesday", "Publish Date:", "| 0 Comments"). */
export const MAX_DATE_LINE_WORDS = 4
/** Lead of a share or follow bar ("Share:", "Share this article:", "Follow us on", "Share on"); what follows must be SOCIAL_WORDS. */
export const SHARE_LEAD_RE = /^(?:share|follow|like|find|join)(?:\s+(?:this|the|us|our|it))?(?:\s+(?:story|article|post|page|issue|news|newsletter|report|on|via|with|at))*\s*[:\-–—]?\s*/i
/** Separators between items of a menu, ticker or post-info line: two or more spaces, a pipe, a middle dot or bullet. */
export const ITEM_SEPARATOR_RE = /\s{2,}|\s*\|\s*|\s+[·•]\s+/
/** A line of at least this many items, each of at most MAX_MENU_ITEM_WORDS words, is a menu or ticker ("EN | RU", "Home  World"). */
export const MIN_MENU_ITEMS = 3
/** Longest menu item in words ("Special Military Operation" is 3). */
export const MAX_MENU_ITEM_WORDS = 3
/** Lines about the post rather than its content: read time, "Posted in", comment/view counts, news ids, "No Comments". */
export const META_LINE_RE = /\b\d+\s*(?:-\s*)?(?:min|mins|minutes?)\.?\s+read\b|\bread(?:ing)?\s+time\b|^(?:posted|filed|published|listed)\s+(?:in|under|to)\b|\b(?:\d+|an?|one|few)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago\b|^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?$|^rating\s*:|^\d[\d,.]*\s+(?:votes?|likes?)$|^(?:just now|yesterday|today)\b|^(?:category|categories|section|topics?|filed under|news code|news id)\s*:|^\d[\d,.]*\s*k?\s+(?:comments?|views?|shares?|reads?|replies)\b|^(?:comments?|views?|replies)\s*[:(]?\s*\d|^(?:news|article|story|post)\s*(?:id|no\.?|number|code)\s*[:#]?\s*\d|^(?:no comments|be the first to comment)\b/i
/** Ticker and alert leads at the top of a page ("Breaking: …", "Trending | …"): never the article's headline. */
export const TICKER_LEAD_RE = /^(?:breaking(?:\s+news)?|trending(?:\s+now)?|just in|hot topics?|top stories|most read|editor'?s picks?)\s*[:|—–-]/i

/** Words of a short share, sign-up or link widget line ("Share All sharing options", "Get short URL", "Join our newsletter"). */
export const WIDGET_WORD_RE = /\b(?:share|shares|sharing|tweet|short url|copy link|permalink|print this|email this|newsletter|newsletters|subscribe|sign up|unsubscribe|bookmark|save article)\b/i
/** First words of a widget line; a short headline with "share" in it ("Iran, Russia share intelligence") starts otherwise. */
export const WIDGET_LEAD_WORDS: ReadonlySet<string> = new Set(['share', 'sharing', 'tweet', 'email', 'print', 'copy', 'get', 'join', 'sign', 'subscribe',
  'most', 'all', 'save', 'bookmark', 'follow', 'our', 'your', 'latest', 'free', 'permalink', 'unsubscribe'])
/** Longest widget line in words. */
export const MAX_WIDGET_WORDS = 5
/** A contact line under a byline: an e-mail address or an @handle ("jane.doe@example.com", "Jane Doe@janedoe"). */
export const CONTACT_RE = /\S@\S+\.\w{2,}|(?:^|\s|\p{Ll})@\w{2,}/u
/** Lines that are site boilerplate even when they read like a sentence (captcha notices, cookie banners, copyright). */
export const BOILERPLATE_RE = /recaptcha|privacy policy and terms|cookies? (policy|settings)|all rights reserved|^©|^copyright\b|\bdesigned by\b|\bpowered by\b|get the latest .{0,40} news from|^[^.]{0,80}\bis licen[cs]ed under (?:a |the )?creative commons\b|все права защищены|حقوق[^.]{0,40}محفوظ/i
/** A list bullet or breadcrumb: navigation, never body. */
export const NAV_LINE_RE = /^[•·▪►»›-]\s|»|\s›\s/
/** A category with a post count ("World (1,382)"). */
export const COUNT_LINE_RE = /\(\d[\d,.]*\)\s*$/
/** Image captions and credits. */
export const CAPTION_LINE_RE = /\b(?:photograph|photo|picture|image)s?\s+by\s+[A-Z]|\b(photo|image|picture|credit|file photo)s?\s*:\s*\S|\((photo|image|credit)s?:[^)]*\)\s*$|^(?:media|image|video) caption|^image (?:copyright|source)\b|\((?:AP|AFP|Reuters|Getty(?: Images)?|EPA|Shutterstock|File|Handout|Supplied|AP Photo[^)]*)\)\s*$/i

/** Caption leads that make a line a caption even when it reads as a question or sentence ("Media captionWho is …?"). */
export const CAPTION_LEAD_RE = /^(?:media|image|video) caption|^image (?:copyright|source)\b/i
/** Sign-up boxes ("Get X delivered to your inbox", "Sign up for our daily briefing"): chrome when not a sentence. */
export const SIGNUP_RE = /\b(?:delivered to your inbox|in your inbox|sign up for|subscribe to|get the latest)\b/i

/** Heading of a block of links to other articles inside or after the body; the lines that follow it are teasers. */
export const TEASER_HEAD_RE = /^(related coverage|related|related articles|related stories|related posts|read more|read also|also read|see also|recommended|more stories|latest posts|you may also like)\s*:?\s*$/i
/** Most lines a teaser block runs after its heading (date, headline, snippet). */
export const MAX_TEASER_LINES = 4

/** Lines after which the article is over: share bars, comment prompts, prev/next links, post lists. */
export const END_MARKER_RE = /^(share this( story| article)?\b|share\.?\s+(facebook|twitter)|leave a (reply|comment)|no comments:?$|\d+ comments?:?$|comments:?$|previous (article|post)|next (article|post)|related posts$|latest posts$|categories$|subscribe to updates$|about the author$|tags:)/i
/** A credit line ("Source: X", "This article originally appeared in X.") among this many last body lines is dropped from the body. */
export const CREDIT_TAIL_LINES = 3
/** Longest credit line in words (a longer line opening with "Source:" is a sentence of the story). */
export const MAX_CREDIT_WORDS = 14
/** Fewest and most words of a headline (brief headlines of three words exist; longer lines are standfirsts or prose). */
export const MIN_TITLE_WORDS = 3
export const MAX_TITLE_WORDS = 25
/** A headline line this long, in sentence case, under a shorter headline is the standfirst, not the title. */
export const STANDFIRST_MIN_WORDS = 12
/** Fewest words of a headline over a standfirst (a shorter line above a long one is a kicker: "Russia and Iran"). */
export const MIN_HEADLINE_OVER_STANDFIRST = 5
/** Most lines below the headline read for its byline and date (kicker, byline, date, updated, share bar, read time). */
export const HEADER_ZONE_LINES = 8

/** Most non-body lines tolerated between two body lines of one article (a "Related coverage" block is 4). */
export const MAX_GAP_LINES = 5

/** Lead of a byline: "By", "By:", "avatar by", "Written by", "Posted by:", "Author:", "Reporter:" (at most one word before "by"). */
export const BYLINE_LEAD_RE = /^(?:(\S+)\s+)??(?:by\b\s*:?|(?:authors?|writer|reporter|correspondent|posted by|written by)\s*:)\s*|^(?:posted|published|written)\s+on\s+[^|]{4,30}?\s+by\s*:?\s*/i
/** Words that may stand before "by" in a byline; any other ("Shot By Police…") makes a Title Case headline, unless it repeats the name (a scraper's "Steinar By Steinar"). */
export const BYLINE_PRE_WORDS: ReadonlySet<string> = new Set(['avatar', 'posted', 'written', 'story', 'words', 'reporting', 'reported', 'analysis', 'text',
  'report', 'edited', 'compiled', 'article', 'opinion', 'commentary', 'interview', 'column', 'blog', 'published', 'produced', 'contributed', 'submitted',
  'uploaded', 'authored', 'filed', 'news', 'feature'])
/** A role line under a name without "By" ("Jane Doe / Staff Writer"): the name above it is the byline. */
export const ROLE_LINE_RE = /^(?:[\p{L}'’-]+\s+){0,3}(?:writer|reporter|correspondent|editor|contributor|columnist|analyst|journalist|producer)s?(?:\s*[,|·]\s*.{0,40})?$/iu
/** Words of a site or agency name: a bare name line holding one is no person (a source line, not a byline). */
export const ORG_NAME_WORD_RE = /\b(?:times|news|post|agency|daily|herald|press|media|tribune|journal|wire|gazette|report|network|tv|online|radio|service|ministry|office|desk|staff|team|group|council|institute|centre|center|world|region|politics|business|opinion|analysis|sport|culture)\b/i
/** What may stand before the date of a date-first byline ("Posted on March 4, 2024 by admin", "June 3, 2024 by Jane Doe"). */
export const DATED_BYLINE_LEAD_RE = /^(?:(?:posted|published|written|updated)\s+)?(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$/i
/** Furthest a date-first byline's date may start from the line's beginning, in characters. */
export const DATED_BYLINE_MAX_LEAD = 30
/** A site user handle printed as the author ("admin", "editor_2", "@newsdesk"). */
export const HANDLE_RE = /^@?[\p{Ll}\d_.-]*\p{Ll}[\p{Ll}\d_.-]*$/u
/** Lower-case words inside a person's name ("Ursula von der Leyen", "Abu al-Hassan"). */
export const NAME_PARTICLE_RE = /^(?:de|da|del|der|den|van|von|al|el|bin|ibn|abu|le|la|du|di|dos|das|ter)(?:-\p{Lu}[\p{L}'’.-]*)?$/u
/** Most capitalised words in one name of a byline. */
export const MAX_NAME_WORDS = 5
/** Words a scraper glues to the end of a name ("SteinarBy", "SteinarNovember"): split off before them. */
export const GLUED_WORDS = ['By', 'Posted', 'Updated', 'Published', 'No Comments', 'January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
/** Longest byline line, in words. */
export const MAX_BYLINE_WORDS = 14

/** "Join the X", "Support X": the site names itself (the name is read with NAME_RE after this lead). */
export const JOIN_LEAD_RE = /^(?:join|support|follow)\s+(?:the\s+)?/i
/** A proper name of up to five capitalised words (an outlet), optionally after "The". */
export const NAME_RE = /^(?:[Tt]he\s+)?\p{Lu}[\p{L}\d&'’.-]*(?:\s+\p{Lu}[\p{L}\d&'’.-]*){0,4}/u
/** Editors' desk initials closing a paragraph after its last sentence ("… said.” NA/PA/AK", "… END MNA"): not part of the story. */
export const TRAILING_INITIALS_RE = new RegExp(`(?<=[.!?"”’)])\\s+${DESK_SIGNOFF}\\s*$`, 'u')
/**
 * A licence or copyright notice glued to the end of the last paragraph ("… said. All content by X is licensed under a
 * Creative Commons … License.", "… said. © 2023 X. All rights reserved."): site chrome, cut from the paragraph, with
 * the desk's sign-off initials before it ("… said. SA/PA  All Content by X is licensed …").
 */
export const TRAILING_NOTICE_RE = /(?<=[.!?"”’)]\s+)(?:\p{Lu}{1,4}(?:\/\p{Lu}{1,4})+\s+)?(?:(?:all\s+)?(?:content|material|text|articles?)s?\s+(?:by|of|on|from)\s+[^.]{1,80}?\s+(?:is|are)\s+licen[cs]ed\s+under\b[^]{0,120}?|(?:copyright\s*)?(?:©|\(c\))[^]{0,80}?all\s+rights\s+reserved)\.?\s*$|\s*(?:\p{Lu}{1,4}(?:\/\p{Lu}{0,4})*\s+)?all\s+content\s+by\s+[^.]{1,80}?\s+is\s+licen[cs]ed\s+under\s+a\s+creative\s+commons\b[^]{0,80}$/iu
/** Copyright lines: "© 2023 Designed by icebutik", "Copyright © 2024 Levant News. All rights reserved." */
export const COPYRIGHT_RE = /^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:designed by|powered by|by)?\s*([\p{L}][\p{L}\d .&'’-]{1,60}?)\s*(?:[.,|·•]|\s[-–—]\s|all rights|$)/iu
/** A masthead is looked for among this many first lines of the page (site name, then menus and tagline). */
export const MASTHEAD_TOP_LINES = 5
/** Lines that name a newsletter or site in a sign-up box or issue line; group 1 is the name. */
export const NEWSLETTER_LINE_RES: readonly RegExp[] = [
  /^(?:[Ss]ign up for|[Ss]ubscribe to|[Yy]ou are reading|[Yy]ou're reading|[Ww]elcome to)\s+(?:the\s+)?(\p{Lu}[\p{L}\d&'’.-]*(?:\s+\p{Lu}[\p{L}\d&'’.-]*){0,4})(?:['’]s)?(?:\s+(?:morning|evening|daily|weekly|monthly))?(?:\s+(?:newsletter|briefing|digest|bulletin|letter|updates|alerts|email))?[\s.!]*$/u,
  /^(\p{Lu}[\p{L}\d&'’.-]*(?:\s+\p{Lu}[\p{L}\d&'’.-]*){0,4})\s+(?:[Nn]ewsletter|[Dd]igest|[Bb]ulletin)$/u,
  /^(\p{Lu}[\p{L}\d&'’.-]*(?:\s+\p{Lu}[\p{L}\d&'’.-]*){0,4})\s*(?:[—–|:·,-]\s*)?(?:[Ii]ssue|ISSUE|[Ee]dition|[Nn]o\.)\s*#?\d+\b/u,
]
/** Credit lines naming the outlet an article was copied from ("Source: X", "Originally published by X"). */
export const SOURCE_LEAD_RE = /^(?:source|sources|via|courtesy(?: of)?|originally published (?:on|in|at|by)|this (?:article|story) (?:was )?(?:first |originally )?(?:appeared|published) (?:on|in|at|by))\s*:?\s*/i
/** News agencies whose name as the byline ("By AFP", "Reuters") marks a page carrying the agency's story. */
export const WIRE_AGENCIES: readonly string[] = ['Reuters', 'AP', 'AFP', 'Associated Press', 'Agence France-Presse', 'Bloomberg', 'TASS', 'RIA Novosti',
  'Interfax', 'IRNA', 'ISNA', 'Xinhua', 'Anadolu Agency', 'Anadolu', 'dpa', 'UPI', 'Kyodo', 'Yonhap', 'ANI', 'PTI']
/** Wire datelines opening a copied story: "MOSCOW (Reuters) -", "(AP) —". */
export const WIRE_DATELINE_RE = /^(?:[\p{Lu}][\p{Lu}\p{L} .,'-]{0,40})?\s*\((Reuters|AP|AFP|Associated Press|Agence France-Presse|Bloomberg|TASS|IRNA|Xinhua|Anadolu|dpa|UPI)\)\s*[-–—]/u

/** Outlets whose headline template ends the title: the suffix on a page of another site shows a copied story. */
export const TITLE_TEMPLATES: readonly { readonly outlet: string; readonly suffix: RegExp; readonly reason: string }[] = [
  { outlet: 'Al Jazeera', suffix: /\s\|\s(?:(?:Politics|Migration|Business and Economy|Conflict|Military|Humanitarian Crises|Elections|Human Rights|Science and Technology|Health|Environment|Climate Crisis|Russia-Ukraine war|Israel-Palestine conflict|Gaza)\s)?News$/, reason: 'aljazeera.com titles end in " | News" or " | <topic> News"' },
]
/** Title suffixes that name a section, not a site ("Title | News"). */
export const GENERIC_SUFFIX_RE = /^(news|home|world|politics|business|opinion|blog|article|latest)$/iu
