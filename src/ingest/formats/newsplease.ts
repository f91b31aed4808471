import type { Message } from '../../doc/span.js'
import type { InputItem } from '../read.js'
import { dateClaim, fieldsOf, recordDate, refusedNote, sourceNote, textClaim, textNote } from './claims.js'
import { NEWS_PLEASE_MARKERS } from './formats.data.js'

/** A news-please record (https://github.com/fhamborg/news-please): the fields Dossier reads. */
export interface NewsPleaseRecord {
  title?: unknown; maintext?: unknown; text?: unknown; date_publish?: unknown; date_download?: unknown
  authors?: unknown; url?: unknown; language?: unknown; source_domain?: unknown; description?: unknown
}

/** True when a parsed JSON value is a news-please record: an object with `maintext` or one of the fields only news-please writes. */
export function isNewsPleaseRecord(v: unknown): v is NewsPleaseRecord {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false
  return NEWS_PLEASE_MARKERS.some((k) => k in v)
}

const field = (name: string) => `the record's \`${name}\` field`

/**
 * One news-please record as an input item: the text is `maintext` (else `text`), and title, date_publish, authors,
 * source_domain and language are the record's claims, put over what the cleaner reads, each with its provenance;
 * url and date_download give the source's url and fetched_at.
 */
export function newsPleaseItem(rec: NewsPleaseRecord, where: string | null, bytes: Uint8Array): InputItem {
  const notes: Message[] = []
  const url = typeof rec.url === 'string' && rec.url.trim() ? rec.url.trim() : null
  if (url) notes.push(sourceNote('url', url, field('url')))
  let fetched_at: string | null = null
  if (typeof rec.date_download === 'string' && rec.date_download.trim()) {
    fetched_at = recordDate(rec.date_download)
    if (fetched_at) notes.push(sourceNote('fetched_at', fetched_at, field('date_download')))
    else notes.push(refusedNote('fetched_at', `${field('date_download')} holds ${JSON.stringify(rec.date_download)}, which is no date; fetched_at not taken from it`))
  }
  const textKey = typeof rec.maintext === 'string' && rec.maintext.trim() ? 'maintext' : typeof rec.text === 'string' && rec.text.trim() ? 'text' : null
  const outlet = textClaim(rec.source_domain, field('source_domain'))
  const claims = {
    kind: 'news-please record',
    fields: fieldsOf({
      title: textClaim(rec.title, field('title')),
      published: dateClaim(rec.date_publish, field('date_publish'), notes, fetched_at),
      author: textClaim(rec.authors, field('authors')),
      outlet: outlet && { ...outlet, value: outlet.value.replace(/^www\./i, '') },
      language: textClaim(rec.language, field('language')),
    }),
    notes,
  }
  if (!textKey) {
    const has = typeof rec.description === 'string' && rec.description.trim() ? ' (it has only a `description`, a summary)' : ''
    return { path: where, url, bytes, claims, problem: { ruleId: 'no-content', reason: `Expected the article text in the news-please record's \`maintext\` or \`text\`, got neither${has}` } }
  }
  notes.push(textNote((rec[textKey] as string).length, '', field(textKey)))
  // the title heads the text, as on the page, so the cleaner does not take the first paragraph for one
  const body = rec[textKey] as string
  const title = claims.fields.title?.value
  const text = title && !body.trimStart().startsWith(title) ? `${title}\n\n${body}` : body
  return { path: where, url, bytes, claims, page: { path: where, url, fetched_at, text } }
}
