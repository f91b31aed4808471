/** Where pages state their own metadata (schema.org, Open Graph, Dublin Core, Parse.ly, Sailthru), in order of trust. */

/** schema.org types of a news or blog article in JSON-LD. */
export const ARTICLE_TYPES = new Set(['NewsArticle', 'Article', 'BlogPosting', 'ReportageNews', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'BackgroundNewsArticle', 'Report', 'WebPage', 'LiveBlogPosting', 'TechArticle', 'ScholarlyArticle', 'SocialMediaPosting'])
/** Title metas, best first (og:title is the headline without the site suffix on most sites). */
export const TITLE_META = ['og:title', 'twitter:title', 'sailthru.title', 'parsely-title', 'dc.title'] as const
/** Publication-date metas, best first (modified dates are not publication dates and are not listed). */
export const DATE_META = ['article:published_time', 'og:article:published_time', 'article.published', 'datepublished', 'publishdate', 'pubdate',
  'publish-date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'cxenseparse:recs:publishtime', 'og:published_time'] as const
/** Author metas (values that are profile URLs are skipped). */
export const AUTHOR_META = ['author', 'article:author', 'sailthru.author', 'parsely-author', 'dc.creator', 'byl'] as const
/** Site-name metas. */
export const SITE_META = ['og:site_name', 'application-name'] as const
/** JSON-LD blocks longer than this are not parsed (bounded work on hostile pages). */
export const MAX_JSON_LD_CHARS = 2_000_000
/** Text nodes read after the <h1> when looking for a printed date on a page without date metadata. */
export const DATELINE_LOOKAHEAD = 12
