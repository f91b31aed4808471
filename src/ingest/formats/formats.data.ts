/** Fields only a news-please record has (any one of them, or `maintext`, makes a JSON object a record). */
export const NEWS_PLEASE_MARKERS = ['maintext', 'date_publish', 'date_download', 'date_modify', 'source_domain', 'authors', 'title_page', 'title_rss', 'localpath']
/** Feed elements whose content is HTML or text to read raw (not parsed as XML). */
export const FEED_CONTENT_TAGS = ['content:encoded', 'content', 'description', 'summary']
/** Content types of WARC response payloads read as pages. */
export const WARC_HTML_TYPES = ['text/html', 'application/xhtml+xml']
