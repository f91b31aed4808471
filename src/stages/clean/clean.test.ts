import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { cleanPage } from './index.js'
import { findDate } from './dates.js'
import { bylineAuthor } from './text/meta.js'
import { splitTitleSuffix } from './source.js'

/** A scraped page written for these tests (not a seed): header clock, dated headline, byline, caption, teaser, footer. */
const PAGE = [
  'Light Mode',
  'Wednesday, 3 March 2021',
  'Logo',
  'Harbour Reopens After Storm 💩',
  'March 2, 2021 9:10 am',
  'by Ana Ruiz',
  'The breakwater at dawn. Photo: Port Authority',
  'The harbour reopened on Tuesday, three days after the storm closed it, the port authority said.',
  'Fishing boats left at dawn, and the first ferry crossed the bay before eight, with the café́ still shut.',
  'Related coverage',
  'February 27, 2021 4:00 pm',
  'Storm Closes Harbour',
  'The storm that hit the coast on Saturday closed the harbour and...',
  'Repairs to the breakwater will take until the autumn, engineers said after an inspection.',
  'Share this Story: Share On Facebook',
  'Join the Coastline Courier',
  '© 2021 Coastline Courier',
].join('\n\n')

describe('cleanPage on scraped text', () => {
  const r = cleanPage({ text: PAGE })
  it('keeps the article paragraphs, in order, and drops caption, teaser block and chrome', () => {
    assert.deepEqual(r.text.split('\n\n').map(p => p.slice(0, 20)), ['The harbour reopened', 'Fishing boats left a', 'Repairs to the break'])
    assert.match(r.text, /café́/)
    for (const rule of ['drop-teaser-heading', 'drop-teaser']) assert.ok(r.messages.some(m => m.ruleId === rule), rule)
  })
  it('takes the date next to the headline, not the header clock or the teaser date', () => {
    assert.equal(r.meta.published, '2021-03-02')
    assert.ok(r.messages.some(m => m.ruleId === 'date-not-article' && m.reason.includes('3 March 2021')))
  })
  it('reads title, author and outlet', () => {
    assert.deepEqual(r.meta, { title: 'Harbour Reopens After Storm 💩', published: '2021-03-02', author: 'Ana Ruiz', outlet: 'Coastline Courier', copy_of: null, language: 'en' })
  })
  it('maps every paragraph back to the raw page', () => {
    for (const [i, p] of r.paragraphs.entries()) assert.equal(PAGE.slice(r.rawMap[i]!.rawStart, r.rawMap[i]!.rawEnd), r.text.slice(p.start, p.end))
  })
  it('leaves published empty when the page gives no date', () => {
    const t = cleanPage({ text: 'A Headline Without Date\nThe council voted on the budget, which passed by two votes, late on Tuesday.' })
    assert.equal(t.meta.published, null)
    assert.ok(t.messages.some(m => m.ruleId === 'published-none'))
  })
  it('finds a copy from a credit line or a wire dateline', () => {
    const body = 'The council voted on the budget, which passed by two votes, late on Tuesday evening.'
    assert.equal(cleanPage({ text: `Budget Passes\n${body}\nSource: Wire Service Daily` }).meta.copy_of, 'Wire Service Daily')
    assert.equal(cleanPage({ text: `Budget Passes\nLISBON (Reuters) - ${body}` }).meta.copy_of, 'Reuters')
    assert.equal(cleanPage({ text: `Budget Passes\n${body}\nPhoto: Reuters/Someone` }).meta.copy_of, null) // a photo credit is no copy
  })
  it('says fatal when nothing is usable', () => {
    assert.ok(cleanPage({ text: 'Menu\nHome\nShare' }).messages.some(m => m.severity === 'fatal'))
  })
})

describe('rules as tables', () => {
  it('reads dates', () => {
    const cases: [string, string | null][] = [['Tuesday, August 6, 2024', '2024-08-06'], ['Friday, 15 November 2024', '2024-11-15'],
      ['Monday, November 28th', '--11-28'], ['2019-11-20T04:26:47Z', '2019-11-20'], ['no date here', null], ['February 30th', '--02-30']]
    for (const [s, iso] of cases) assert.equal(findDate(s)?.iso ?? null, iso, s)
  })
  it('reads bylines, also glued by a scraper', () => {
    const cases: [string, string | null][] = [['By Jane Doe', 'Jane Doe'], ['avatar by Ben Stone', 'Ben Stone'], ['JaneBy JaneMarch 3, 2021No Comments', 'Jane'],
      ['Drone attack by Russia kills five in the city of Odesa overnight', null], ['Posted by', null]]
    for (const [s, a] of cases) assert.equal(bylineAuthor(s), a, s)
  })
  it('splits a site suffix off a title', () => {
    assert.deepEqual(splitTitleSuffix('Harbour reopens after storm | Coastline Courier'), { title: 'Harbour reopens after storm', suffix: 'Coastline Courier' })
    assert.deepEqual(splitTitleSuffix('Russia-Iran ties deepen'), { title: 'Russia-Iran ties deepen', suffix: null })
  })
})

describe('cleanPage on HTML', () => {
  const html = `<html><head><title>Budget passes | Town Herald</title><link rel="canonical" href="https://wire.example/budget">
    <meta property="article:published_time" content="2020-05-06T10:00:00+02:00"><meta name="author" content="Sam Lee"></head>
    <body><header><nav><a href="/">Home</a></nav></header><article><h1>Budget passes</h1>
    <p class="standfirst">Councillors approved the spending plan after a long debate that ran late into the night.</p>
    <p>The council voted on the budget, which passed by two votes, late on <time datetime="2020-05-05">Tuesday</time>, after a debate that lasted six hours.</p>
    <p>Opponents said the plan cut too deeply into services, while supporters called it balanced and fair to taxpayers.</p>
    <ul class="related"><li><a href="/a">Another story</a></li><li><a href="/b">A second story</a></li><li><a href="/c">Third</a></li></ul>
    </article><footer>© 2020 Town Herald</footer></body></html>`
  const r = cleanPage({ html, url: 'https://herald.example/budget' })
  it('keeps the standfirst ahead of the body; extractBody does not', async () => {
    assert.equal(r.paragraphs.length, 3)
    assert.match(r.text, /^Councillors approved/)
    const { extractBody } = await import('./index.js')
    assert.equal(extractBody(html).length, 2)
  })
  it('keeps inline <time> text inside a paragraph', () => assert.match(r.text, /late on Tuesday, after/))
  it('reads metadata from the markup and a canonical link to another site as a copy', () => {
    assert.deepEqual(r.meta, { title: 'Budget passes', published: '2020-05-06T10:00:00+02:00', author: 'Sam Lee', outlet: 'Town Herald', copy_of: 'wire.example', language: 'en' })
  })
})

describe('HTML metadata fallbacks', () => {
  it('reads a printed date after the <h1> when the markup has none, and cleans byline values', () => {
    const html = `<html><head><meta name="author" content="By Ana Ruiz | Staff"></head><body><article><h1>Budget passes</h1>
      <div class="meta">Updated: May 6, 2020</div><p>The council voted on the budget, which passed by two votes, late on Tuesday evening.</p></article></body></html>`
    const r = cleanPage({ html })
    assert.equal(r.meta.published, '2020-05-06')
    assert.equal(r.meta.author, 'Ana Ruiz')
    assert.ok(r.messages.some(m => m.ruleId === 'meta-published-dateline'))
  })
})

