import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { detectLanguage, isRtl, normalizeLanguage } from './index.js'
import { LANG_PAGES } from './pages.fixture.js'
import { cleanPage } from '../stages/clean/index.js'
import { findDate } from '../stages/clean/dates.js'
import { openStore } from '../store/index.js'
import { ingest } from '../ingest/ingest.js'
import { ENGLISH_ONLY_STAGES } from '../pipeline/default.js'

test('detects English, Russian, Persian and Arabic text; too little text is no detection', () => {
  assert.equal(detectLanguage('Iran and Russia signed a security agreement in Moscow on Tuesday, officials said after the talks.').language, 'en')
  for (const p of LANG_PAGES) assert.equal(detectLanguage(p.paras.join('\n')).language, p.language, p.name)
  assert.equal(detectLanguage('Hello world').language, null)
  // names make most of the letters: eld's best guess (Yoruba) barely leads English, so no verdict
  assert.equal(detectLanguage('In February, Hossein Amir Abdollahian visited Nicaragua and Venezuela.').language, null)
  assert.equal(normalizeLanguage('en-US'), 'en'); assert.equal(normalizeLanguage('fa_IR'), 'fa'); assert.equal(normalizeLanguage('English'), null)
  assert.ok(isRtl('fa') && isRtl('ar') && isRtl('he') && !isRtl('ru') && !isRtl(null))
})

test('reads dates written in Russian, Arabic and Persian, with Persian and Arabic digits and the solar hijri calendar', () => {
  assert.equal(findDate('15 ноября 2024, 14:30')?.iso, '2024-11-15')
  assert.equal(findDate('Опубликовано 3 Марта 2023 г.')?.iso, '2023-03-03')
  assert.equal(findDate('الثلاثاء ١٥ نوفمبر ٢٠٢٤')?.iso, '2024-11-15')
  assert.equal(findDate('٧ تشرين الأول ٢٠٢٣')?.iso, '2023-10-07')
  assert.equal(findDate('۲۵ آبان ۱۴۰۳ - ۱۴:۳۰')?.iso, '2024-11-15')
  assert.equal(findDate('۱ فروردین ۱۴۰۲')?.iso, '2023-03-21')
  assert.equal(findDate('۱۲ ژانویه ۲۰۲۴')?.iso, '2024-01-12')
  assert.equal(findDate('۳۰ اسفند ۱۴۰۳')?.iso, '2025-03-20') // 1403 is a leap year of the solar hijri calendar
  assert.equal(findDate('۳۰ اسفند ۱۴۰۲'), null) // 1402 is not: no 30 Esfand
  assert.equal(findDate('32 ноября 2024'), null)
  // a month name inside a longer word is no date
  assert.equal(findDate('5 маяков 2024'), null)
})

for (const p of LANG_PAGES) {
  test(`cleans a ${p.name} page structurally, as HTML and as scraped text: title, date, body, language`, () => {
    for (const r of [cleanPage({ html: p.html, url: p.url }), cleanPage({ text: p.text, url: p.url })]) {
      assert.equal(r.messages.find((m) => m.severity === 'fatal'), undefined)
      assert.equal(r.meta.title, p.title)
      assert.equal(r.meta.published, p.published)
      assert.equal(r.meta.language, p.language)
      assert.deepEqual(r.paragraphs.map((s) => r.text.slice(s.start, s.end)), p.paras)
    }
  })
}

test('a Russian page whose date line stands under the headline keeps the headline as title', () => {
  const p = LANG_PAGES[0]!
  const r = cleanPage({ text: [p.title, p.date, '', ...p.paras].join('\n') })
  assert.equal(r.meta.title, p.title)
  assert.equal(r.meta.published, p.published)
})

test('ingests Russian, Persian and Arabic pages: stored with title, date, url and language; English-only stages skipped with the language; searchable', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-lang-'))
  const lines = LANG_PAGES.map((p) => JSON.stringify({ url: p.url, html: p.html }))
  writeFileSync(join(dir, 'pages.jsonl'), lines.join('\n') + '\n')
  // a news-please record whose own `language` is wrong: the detected language wins and the claim is named
  writeFileSync(join(dir, 'record.json'), JSON.stringify({ title: LANG_PAGES[0]!.title, maintext: LANG_PAGES[0]!.paras.join('\n\n'), url: 'https://severny-vestnik.test/np', language: 'en', date_publish: '2024-11-15 14:30:00', source_domain: 'severny-vestnik.test' }))
  const store = await openStore(':memory:')
  try {
    const sum = await ingest(store, [dir])
    assert.deepEqual(sum.rejected, [])
    assert.equal(sum.stored, 4)
    const docs = await store.listDocuments()
    for (const p of LANG_PAGES) {
      const d = docs.find((x) => x.url === p.url)
      assert.ok(d, `${p.name} stored`)
      assert.equal(d.title, p.title); assert.equal(d.published, p.published); assert.equal(d.language, p.language)
      const rec = (await store.getDocument(d.id))!
      assert.equal(rec.language, p.language)
      const runs = await store.stageRuns(d.id)
      assert.equal(runs.find((r) => r.stage === 'tokens')?.status, 'ok')
      for (const stage of ENGLISH_ONLY_STAGES) {
        const r = runs.find((x) => x.stage === stage)
        assert.equal(r?.status, 'skipped', `${p.name} ${stage}`)
        assert.equal(r?.reason, `language ${p.language}`)
      }
      assert.ok(rec.messages.some((m) => m.ruleId === 'stage-skipped' && m.source === 'events' && m.reason.startsWith(`skipped: language ${p.language}`)))
      const hits = await store.search(p.word)
      assert.ok(hits.some((h) => h.doc_id === d.id), `${p.name}: search finds ${p.word}`)
    }
    // Cyrillic search folds case as Latin does
    assert.ok((await store.search('тегеран')).length >= 1)
    const np = docs.find((x) => x.url === 'https://severny-vestnik.test/np')!
    assert.equal(np.language, 'ru')
    const rec = (await store.getDocument(np.id))!
    assert.match(rec.messages.find((m) => m.ruleId === 'record-language')!.reason, /"en".*reads as "ru"/)
  } finally { await store.close() }
})

test('an English page runs every stage', async () => {
  const store = await openStore(':memory:')
  const dir = mkdtempSync(join(tmpdir(), 'dossier-lang-en-'))
  writeFileSync(join(dir, 'en.txt'), 'Envoys meet in Oslo on grain\n\nForeign ministers from Norway and Finland met in Oslo on Monday to discuss a grain corridor across the Baltic Sea, officials said.\n')
  try {
    await ingest(store, [dir])
    const [d] = await store.listDocuments()
    assert.equal(d!.language, 'en')
    assert.ok((await store.stageRuns(d!.id)).every((r) => r.status === 'ok'))
  } finally { await store.close() }
})
