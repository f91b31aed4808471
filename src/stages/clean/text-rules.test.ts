import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { findDate, findDates } from './dates.js'
import { bylineAuthor } from './text/byline.js'
import { splitLines } from './text/lines.js'
import { trimName } from './source.js'
import { cleanText } from './text/clean-text.js'

/** Rule tables of the scraped-text path (cases written for these tests). */
describe('text rules as tables', () => {
  it('cuts a licence or copyright notice glued to the end of a paragraph, and only there', () => {
    const page = 'HARBOURTOWN – The port authority said on Friday that the new quay would open in May, and that the ferry line would run twice a week. All Content by Coast Wire is licensed under a Creative Commons Attribution 4.0 International License.'
    const { body, messages } = cleanText(page, null)
    assert.equal(body.at(-1)?.text.endsWith('twice a week.'), true)
    assert.equal(page.slice(body.at(-1)!.start, body.at(-1)!.end), body.at(-1)!.text)
    assert.ok(messages.some(m => m.ruleId === 'drop-notice'))
    // the desk's sign-off initials go with the notice
    const signed = cleanText('HARBOURTOWN – The port authority said the quay would open in May. The ferry line would run twice a week. KT/RM \u00a0 All Content by Coast Wire is licensed under a Creative Commons Attribution 4.0 International License.', null)
    assert.equal(signed.body.at(-1)?.text.endsWith('twice a week.'), true)
    // the Creative Commons notice of a wire is cut whatever stands before it (one initial, a photo credit, an open initial)
    for (const before of ['twice a week. KT', 'twice a week. Photo by Lena Strand AFM/MG', 'twice a week. SP/']) {
      const glued = cleanText(`HARBOURTOWN – The port authority said the quay would open in May. The ferry line would run ${before} All Content by Coast Wire is licensed under a Creative Commons Attribution 4.0 International License.`, null)
      assert.ok(!/licensed/u.test(glued.body.map(l => l.text).join(' ')), before)
    }
    const own = 'The court said the content is licensed under a new law that took effect in March, and the ruling stands.'
    assert.equal(cleanText(own + ' ' + own, null).body.at(-1)?.text.endsWith('ruling stands.'), true)
  })
  it('keeps an article told in one or two long lines that end with desk initials or an agency credit, before a licence line', () => {
    const story = 'HARBOURTOWN – The port authority said on Friday that the new quay would open in May. The ferry line would run twice a week, the harbour master told reporters. “We are ready for the first ships,” he said.'
    for (const [tail, kept] of [[' KT/RM', story], [' (Source: Coast Wire)', story + ' (Source: Coast Wire)']] as const) {
      const { body, messages } = cleanText(`${story}${tail}\r\r\n  All Content by Coast Wire is licensed under a Creative Commons Attribution 4.0 International License.`, null)
      assert.deepEqual(body.map(l => l.text), [kept], tail)
      assert.ok(!messages.some(m => m.ruleId === 'drop-header'), tail)
    }
    // one desk initial, a wire "END" line code, an agency in brackets after a long paragraph
    for (const tail of [' KT', ' KT/RM END CWA', ' (Harbour Health News)']) {
      const long = `${story} The quay will cost less than planned, and the work will end before the winter storms, the authority added.${tail}`
      assert.equal(cleanText(`${long}\n\nAll Content by Coast Wire is licensed under a Creative Commons Attribution 4.0 International License.`, null).body.length, 1, tail)
    }
    // a long run of sentences is body text even when the site cut it mid-sentence or it quotes a name in guillemets
    const cut = cleanText(`${story} The new ferry «Northern Star» will carry three hundred passengers and forty cars on each crossing, and the\nharbour master said the timetable would be published next week. The fares stay the same.`, null)
    assert.equal(cut.body.length, 2)
    // a brief the site cut short, with no sentence end anywhere, is kept as the body and says so
    const brief = cleanText('HARBOURTOWN – The port authority expects the new quay to open in May, according to the deputy head of the harbour board\n\nAll Content by Coast Wire is licensed under a Creative Commons Attribution 4.0 International License.', null)
    assert.equal(brief.body.length, 1)
    assert.ok(brief.messages.some(m => m.ruleId === 'body-unfinished'))
    // a short line with a photo agency is still a caption
    assert.equal(splitLines('A tanker leaves the port on Monday. (AP)')[0]!.kind, 'caption')
    // a word that merely contains a boilerplate phrase ("empowered by") keeps its line
    const empowered = 'HARBOURTOWN – The council said the harbour board, empowered by a new law, would set the fees for every ship that docks in the port this year.'
    assert.equal(cleanText(empowered, null).body.length, 1)
  })
  it('reads page dates to ISO, a time with a zone to an ISO date-time', () => {
    const cases: [string, string | null][] = [
      ['13.11.2024, 16:05', '2024-11-13'], ['4 March 2024', '2024-03-04'], ['March 4, 2024', '2024-03-04'], ['2024-11-13', '2024-11-13'],
      ['Nov. 4, 2024 10:20 am', '2024-11-04'], ['Nov. 4, 2024 10:20 am GMT', '2024-11-04T10:20:00Z'], ['Wed 13 Nov 2024 15.20 GMT', '2024-11-13T15:20:00Z'],
      ['Published: 6 April 2024 - 21:47 MSK', '2024-04-06T21:47:00+03:00'], ['2024/11/13', '2024-11-13'], ['28/11/2024', '2024-11-28'], ['11/28/2024', '2024-11-28'],
      ['Posted on 18 September 2024 at 2:10 pm (UTC+2)', '2024-09-18T14:10:00+02:00'], ['May 2024', null], ['Monday, November 28th', '--11-28'], ['31.02.2024', null], ['29.02.2024', '2024-02-29'],
    ]
    for (const [s, want] of cases) { const d = findDate(s); assert.equal(d ? d.dateTime ?? d.iso : null, want, s) }
  })
  it('labels dates: published, updated or none', () => {
    assert.deepEqual(findDates('Published 4 March 2024 · Updated 5 March 2024').map(d => d.label), ['published', 'updated'])
    assert.deepEqual(findDates('Last updated: 5 March 2024; first published 4 March 2024').map(d => [d.iso, d.label]), [['2024-03-05', 'updated'], ['2024-03-04', 'published']])
    assert.deepEqual(findDates('November 14, 2024 | 0 Comments').map(d => d.label), [null])
  })
  it('reads bylines: labelled, handles, several names, places, dates first; refuses headlines', () => {
    const cases: [string, string | null][] = [
      ['Posted by: webdesk | May 3, 2024 | 0 Comments | 2 Mins Read', 'webdesk'], ['Written by Oskar Holm', 'Oskar Holm'], ['Author: Ana María López', 'Ana María López'],
      ['By Jane Doe and Sam Lee', 'Jane Doe and Sam Lee'], ['By A. Smith, B. Jones and C. Brown', 'A. Smith, B. Jones and C. Brown'], ['By Jane Doe, Staff Writer', 'Jane Doe'],
      ['By Jane Doe in Baku', 'Jane Doe'], ['By Ursula von der Leyen', 'Ursula von der Leyen'], ['By Jane McAllister', 'Jane McAllister'],
      ['Posted on March 4, 2024 by riverwatcher', 'riverwatcher'], ['June 3, 2024 by Jane Doe', 'Jane Doe'], ['Reporting by Jane Doe; Editing by Sam Lee', 'Jane Doe'],
      ['By admin | May 3, 2024', 'admin'], ['Shot By Police Officer, Teen Survives', null], ['Attack by drones', null], ['By design, the plan failed', null],
      ['Photos by Jane Doe', null], ['March 4, 2024 by the river', null],
    ]
    for (const [s, a] of cases) assert.equal(bylineAuthor(s), a, s)
  })
  it('classifies header lines: share bars, menus, post info, dates; headlines stay short lines', () => {
    const cases: [string, string][] = [
      ['Share: Facebook | X | Telegram | WhatsApp | Copy link', 'chrome'], ['Facebook Twitter WhatsApp Email', 'chrome'], ['Share this issue: Email   X   LinkedIn   Copy link', 'chrome'],
      ['Follow us on Telegram', 'chrome'], ['Trending: Ferry fares rise | Bridge repairs delayed', 'chrome'],
      ['EN | RU | AZ', 'nav'], ['Politics   Energy   Region   Opinion', 'nav'], ['Oslo  -3°C   USD 91.20   EUR 99.85', 'nav'],
      ['Posted in Newsletter · 6 min read', 'meta'], ['News ID: 48213', 'meta'], ['3 comments', 'meta'], ['Senior Economics Correspondent', 'meta'], ['Posted by: webdesk', 'meta'],
      ['13.11.2024, 16:05', 'date'], ['Publish Date: Tuesday, November 12, 2024 - 21:47', 'date'], ['Updated: April 7, 2024 11:05 am', 'date'],
      ['Treaty signing set for 17 January 2025', 'short'], ['Russia  and  Iran  sign  deal', 'short'], ['Putin, Raisi discuss ties | News', 'short'],
      ['Will the water-sharing deal survive a dry summer?', 'prose'], ['Iran, Russia share intelligence', 'short'], ['Zakharova comments on blast', 'short'],
      ['Share All sharing options', 'chrome'], ['Get short URL', 'chrome'], ['Join our newsletter', 'chrome'], ['jane.doe@example.com', 'meta'],
      ['3 hours ago', 'meta'], ['Filed to: Security', 'meta'], ['Jane Doe   Senior Contributor', 'meta'], ['A tanker leaves the port on Monday. (AP)', 'caption'],
    ]
    for (const [s, kind] of cases) assert.equal(splitLines(s)[0]!.kind, kind, s)
  })
  it('trims a name read off a sentence, keeping initials', () => {
    assert.deepEqual(['Northern Observer.', 'U.S.', 'AP.', 'Wire Service Daily'].map(trimName), ['Northern Observer', 'U.S.', 'AP', 'Wire Service Daily'])
  })
})

describe('HTML printed-date fallback', () => {
  it('prefers the publication date to an "Updated" date printed before it', async () => {
    const { cleanPage } = await import('./index.js')
    const html = `<html><body><article><h1>Ferry timetable changes</h1><div class="meta"><span>Updated:</span> <span>May 7, 2020</span>
      <span>Published: May 6, 2020</span></div><p>The council voted on the new timetable, which passed by two votes, late on Tuesday evening.</p></article></body></html>`
    assert.equal(cleanPage({ html }).meta.published, '2020-05-06')
  })
})
