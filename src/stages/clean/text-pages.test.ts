import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../../paths.js'
import type { DocMeta } from '../../doc/doc.js'
import { cleanPage } from './index.js'

/** Scraped-text pages written for these tests (fictional outlets), one per site layout, with the metadata they must give. */
const DIR = join(REPO_ROOT, 'src/stages/clean/fixtures/text-pages')

type Case = [file: string, meta: DocMeta, body: { paragraphs: number; first: string; last: string }]
const CASES: Case[] = [
  ['wordpress-posted-by', { title: 'Pipeline talks stall over transit fees as winter approaches', published: '2024-03-04', author: 'deskeditor', outlet: 'Harbour Wire', copy_of: null },
    { paragraphs: 3, first: 'Negotiators from', last: 'The dispute turns' }],
  ['newsletter-issue', { title: 'Issue 212: The grain corridor reopens, and who pays for it', published: null, author: 'Oskar Holm', outlet: 'The Steppe Letter', copy_of: null },
    { paragraphs: 5, first: 'The rail corridor', last: 'Thanks for reading' }],
  ['numeric-date', { title: 'Bridge closures planned as the river freezes early this winter', published: '2024-03-04', author: 'Irina Sokolova', outlet: 'Neva Times', copy_of: null },
    { paragraphs: 3, first: 'City authorities', last: 'The port authority' }],
  ['social-above-headline', { title: 'Avalanche warning raised for the northern passes after heavy snowfall', published: '2024-03-11', author: null, outlet: 'Mountain Daily Post', copy_of: null },
    { paragraphs: 3, first: 'Rescue services', last: 'Teams have set' }],
  ['published-updated', { title: 'Port authority fines shipping firm over fuel spill near the marina', published: '2024-04-06', author: 'Marta Quintero and Luis Ferrer', outlet: 'Coastline Report', copy_of: null },
    { paragraphs: 4, first: 'The port authority', last: 'Harbour businesses' }],
  ['masthead-footer', { title: 'Council approves new ferry timetable after months of complaints', published: '2024-11-04T10:20:00-05:00', author: 'Tomas Berg', outlet: 'Lakeside Chronicle', copy_of: null },
    { paragraphs: 3, first: 'The town council', last: 'The operator said' }],
  ['undated-teaser', { title: 'Orchard growers count losses after late frost', published: null, author: 'Leyla Mammadova', outlet: 'Valley Courier', copy_of: null },
    { paragraphs: 3, first: 'Growers in the', last: 'Agronomists said' }],
  ['crawl-date-top', { title: 'Truck drivers end border blockade after customs deal', published: null, author: null, outlet: 'Ridge Report', copy_of: 'Caucasus Wire Service' },
    { paragraphs: 3, first: 'Truck drivers who', last: 'The customs service' }],
  ['question-headline', { title: 'Will the water-sharing deal survive a dry summer?', published: '2024-03-03', author: 'Jane Roe', outlet: 'Plains Ledger', copy_of: null },
    { paragraphs: 3, first: 'The agreement on', last: 'Negotiators on both' }],
  ['standfirst-unpunctuated', { title: 'Fishing fleet returns early as storms close the northern grounds', published: '2024-10-14', author: 'Per Lindgren', outlet: 'Northern Gazette', copy_of: null },
    { paragraphs: 3, first: 'The fishing fleet', last: 'The fisheries office' }],
  ['name-without-by', { title: 'Water tariffs to rise in three provinces from the new year', published: '2023-12-02', author: 'Samira Haddad', outlet: 'Desert Dispatch', copy_of: null },
    { paragraphs: 3, first: 'Households in', last: 'Consumer groups' }],
  ['wire-byline-caption', { title: 'Aid convoy reaches flooded villages after roads reopen', published: '2024-09-18T14:10:00+02:00', author: 'AFP', outlet: 'Highland Today', copy_of: 'AFP' },
    { paragraphs: 3, first: 'Trucks carrying', last: 'The regional government' }],
  ['dated-byline', { title: 'Library to open on Sundays after volunteers step in', published: '2024-01-15', author: 'riverwatcher', outlet: 'Riverside Notes', copy_of: null },
    { paragraphs: 3, first: 'The town library', last: 'Volunteers will be' }],
]

describe('scraped-text layouts (fixtures/text-pages)', () => {
  for (const [file, meta, body] of CASES) {
    it(`${file}: title, published, author, outlet, copy_of and body`, () => {
      const raw = readFileSync(join(DIR, file + '.txt'), 'utf8')
      const r = cleanPage({ path: file + '.txt', text: raw })
      // every layout is an English page; the language is checked apart from the metadata the fixtures list
      const { language, ...rest } = r.meta
      assert.deepEqual(rest, meta)
      assert.equal(language, 'en')
      const paras = r.text.split('\n\n')
      assert.equal(paras.length, body.paragraphs, paras.map(p => p.slice(0, 30)).join(' / '))
      assert.ok(paras[0]!.startsWith(body.first), paras[0])
      assert.ok(paras.at(-1)!.startsWith(body.last), paras.at(-1))
      for (const [i, p] of r.paragraphs.entries()) assert.equal(raw.slice(r.rawMap[i]!.rawStart, r.rawMap[i]!.rawEnd), r.text.slice(p.start, p.end))
    })
  }
})
