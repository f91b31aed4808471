/**
 * Russian, Persian and Arabic news pages written for the tests (invented outlets; public figures in no role), as
 * sites print them: a menu, the headline, a dateline in the page's own language and digits, body paragraphs, a footer.
 */

export interface LangPage { readonly name: string; readonly language: string; readonly html: string; readonly text: string; readonly title: string; readonly published: string; readonly url: string; readonly word: string; readonly date: string; readonly paras: readonly string[] }

const page = (lang: string, dir: string, title: string, date: string, paras: readonly string[], menu: readonly string[], footer: string, extraHead = '') =>
  `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${title}</title>${extraHead}</head><body>
<header><nav>${menu.map((m, i) => `<a href="/s${i}">${m}</a>`).join(' ')}</nav></header>
<div class="content">
<h1>${title}</h1>
<span class="date">${date}</span>
${paras.map((p) => `<p>${p}</p>`).join('\n')}
</div>
<footer><p>${footer}</p></footer></body></html>`

/** The same page as scraped text: menu line, headline, dateline, paragraphs, footer. */
const text = (title: string, date: string, paras: readonly string[], menu: readonly string[], footer: string) =>
  [menu.join(' | '), '', title, date, '', ...paras.flatMap((p) => [p, '']), footer].join('\n')

const RU = {
  title: 'Россия и Иран договорились расширить сотрудничество в энергетике',
  date: '15 ноября 2024, 14:30',
  paras: [
    'Министры энергетики России и Ирана провели переговоры в Москве во вторник. Стороны обсудили поставки газа, строительство электростанций и расчёты в национальных валютах.',
    'По словам участников встречи, Москва и Тегеран намерены подписать новое соглашение до конца года. Документ должен быть ратифицирован парламентами обеих стран.',
    'Эксперты отмечают, что соглашение не предусматривает военных обязательств, однако закрепляет регулярные консультации по вопросам энергетической безопасности.',
  ],
  menu: ['Главная', 'В мире', 'Политика', 'Экономика'],
  footer: '© 2024 Северный вестник. Все права защищены.',
}
const FA = {
  title: 'دیدار وزیران نیروی ایران و روسیه در مسکو',
  date: '۲۵ آبان ۱۴۰۳ - ۱۴:۳۰',
  paras: [
    'وزیران نیروی ایران و روسیه روز سه‌شنبه در مسکو دیدار و درباره صادرات گاز، ساخت نیروگاه و تسویه به ارزهای ملی گفتگو کردند.',
    'دو طرف بر گسترش همکاری در حوزه‌های انرژی، حمل و نقل و بانکداری تاکید کردند و قرار شد کارگروه مشترکی برای پیگیری توافقات تشکیل شود.',
    'این دیدار در ادامه رایزنی‌های منظم دو کشور درباره تحولات منطقه‌ای و بین‌المللی برگزار شد.',
  ],
  menu: ['صفحه اصلی', 'سیاسی', 'اقتصادی', 'بین‌الملل'],
  footer: 'تمامی حقوق این سایت محفوظ است.',
}
const AR = {
  title: 'لقاء وزيري الطاقة الإيراني والروسي في موسكو',
  date: 'الثلاثاء ١٥ نوفمبر ٢٠٢٤',
  paras: [
    'التقى وزير الطاقة الإيراني نظيره الروسي في موسكو يوم الثلاثاء لبحث صادرات الغاز وبناء محطات الكهرباء والتسويات بالعملات الوطنية.',
    'وأكد الجانبان على توسيع التعاون في مجالات الطاقة والنقل والمصارف، واتفقا على تشكيل لجنة مشتركة لمتابعة الاتفاقات.',
    'ويأتي اللقاء في إطار المشاورات المنتظمة بين البلدين حول التطورات الإقليمية والدولية.',
  ],
  menu: ['الرئيسية', 'سياسة', 'اقتصاد', 'دولي'],
  footer: 'جميع الحقوق محفوظة.',
}

export const LANG_PAGES: readonly LangPage[] = [
  { name: 'ru', language: 'ru', ...RU, published: '2024-11-15', url: 'https://severny-vestnik.test/energy', word: 'газа', html: page('ru', 'ltr', RU.title, RU.date, RU.paras, RU.menu, RU.footer), text: text(RU.title, RU.date, RU.paras, RU.menu, RU.footer) },
  // 25 Aban 1403 of the solar hijri calendar is 15 November 2024
  { name: 'fa', language: 'fa', ...FA, published: '2024-11-15', url: 'https://khabar-nemune.test/energy', word: 'نیروگاه', html: page('fa', 'rtl', FA.title, FA.date, FA.paras, FA.menu, FA.footer), text: text(FA.title, FA.date, FA.paras, FA.menu, FA.footer) },
  { name: 'ar', language: 'ar', ...AR, published: '2024-11-15', url: 'https://akhbar-mithal.test/energy', word: 'الغاز', html: page('ar', 'rtl', AR.title, AR.date, AR.paras, AR.menu, AR.footer), text: text(AR.title, AR.date, AR.paras, AR.menu, AR.footer) },
]
