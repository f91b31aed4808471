import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { foldName, similarWord, skeletonKey, translitKey } from './names.js'

describe('transliteration-aware name keys', () => {
  // [a, b, same transliteration key?] — spellings written for this test, covering each rule
  const table: [string, string, boolean][] = [
    ['Qasem', 'Ghasem', true], // q / gh
    ['Araqchi', 'Araghchi', true], // q / gh inside a word
    ['Khamenei', 'Hamenei', true], // kh / h
    ['Fouad', 'Fuad', true], // ou / u
    ['Raeesi', 'Raisi', true], // ee / i, ae / a
    ['Sergey', 'Sergei', true], // y / i
    ['Zelenskyy', 'Zelensky', true], // doubled letters, y / i
    ['Zelenskiy', 'Zelensky', true], // iy / y
    ['al-Assad', 'Assad', true], // joined article
    ['el-Sisi', 'al Sisi', true], // article written apart
    ['Erdoğan', 'Erdogan', true], // diacritics
    ['Çavuşoğlu', 'Cavusoglu', true], // cedilla, breve
    ['Haniyeh', 'Haniya', true], // final -eh / -a
    ['Kanaani', 'Kanani', true], // doubled vowel
    ['Volodymyr', 'Wolodymyr', true], // w / v
    ['Esmail', 'Ismail', true], // initial e / i
    ['Putin', 'Patin', false], // a vowel is not a transliteration
    ['Bagheri', 'Baker', false], // a misspelling, not a transliteration
    ['💩Iran', 'Iran', false], // an emoji is kept apart
  ]
  for (const [a, b, same] of table) it(`${a} ${same ? '=' : '≠'} ${b}`, () => assert.equal(translitKey(a) === translitKey(b), same, `${translitKey(a)} / ${translitKey(b)}`))

  it('folds combining marks and curly apostrophes', () => {
    assert.equal(foldName('Jose\u0301’s'), "jose's") // e + combining acute
  })

  // [a, b, plausibly one name misspelt?]
  const similar: [string, string, boolean][] = [
    ['Masoud', 'Massed', true], // same consonant skeleton
    ['Mohammad', 'Muhammad', true],
    ['Bagheri', 'Baker', true], // one edit on the keys
    ['Haniyeh', 'Haniyah', true],
    ['Shoigu', 'Shamkhani', false],
    ['Ali', 'Eli', false], // too short to guess
    ['Patrushev', 'Peskov', false],
  ]
  for (const [a, b, ok] of similar) it(`similarWord(${a}, ${b}) is ${ok}`, () => assert.equal(similarWord(a, b), ok))

  it('skeleton drops later vowels', () => assert.equal(skeletonKey('Saqqaz'), skeletonKey('Saqqez')))
})
