/**
 * The only way the UI builds DOM. Text always goes in as text nodes (scraped text is hostile), attributes
 * come from a fixed list, and links accept only same-page hashes and http(s) URLs.
 */
type Child = Node | string | number | null | undefined | false | readonly Child[]
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>

const ALLOWED_ATTRS = new Set(['class', 'id', 'href', 'title', 'role', 'tabindex', 'type', 'name', 'value', 'placeholder', 'for', 'checked', 'disabled', 'selected',
  'aria-label', 'aria-current', 'aria-pressed', 'aria-live', 'aria-hidden', 'aria-expanded', 'data-id', 'data-quad', 'data-story', 'data-role', 'data-kind', 'datetime', 'scope', 'target', 'rel', 'autocomplete', 'hidden', 'lang', 'dir', 'min', 'max', 'step'])

/** Languages written right to left (ISO 639-1; the server's list is src/lang/lang.data.ts). */
const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'ku', 'sd', 'ug', 'dv'])
/**
 * `lang` and `dir` attributes for scraped text in a language: `rtl` for Arabic, Persian, Hebrew…, else `auto` (the
 * browser lays each paragraph out by its first strong character); no `lang` when the language is unknown.
 */
export function langAttrs(language: string | null | undefined): { lang?: string; dir: 'rtl' | 'auto' } {
  return language ? { lang: language, dir: RTL.has(language) ? 'rtl' : 'auto' } : { dir: 'auto' }
}

/** A safe href: internal hash routes, or absolute http(s) URLs; anything else (javascript:, data:) gives null. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null
  if (url.startsWith('#/')) return url
  try { const u = new URL(url); return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null } catch { return null }
}

/** Creates an element; strings become text nodes, `on*` keys become listeners. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue
    if (typeof v === 'function') { el.addEventListener(k.slice(2).toLowerCase(), v); continue }
    if (!ALLOWED_ATTRS.has(k)) throw new Error(`Expected an allowed attribute, got ${k}`)
    if (k === 'href') { const href = safeHref(String(v)); if (href) el.setAttribute('href', href); continue }
    el.setAttribute(k, v === true ? '' : String(v))
  }
  append(el, children)
  return el
}

/** Appends children (text as text nodes). */
export function append(el: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c == null || c === false) continue
    if (Array.isArray(c)) append(el, c)
    else el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : (c as Node))
  }
}

/** Replaces an element's content. */
export function mount(el: Element, ...children: Child[]): void { el.replaceChildren(); append(el, children) }

/** A link to an internal route. */
export const link = (route: string, ...children: Child[]) => h('a', { href: route }, ...children)

/** A highlighted range: `cls` names the layer(s) styling it. */
export interface Mark { readonly start: number; readonly end: number; readonly cls: string; readonly title?: string; readonly id?: string }

/**
 * Renders `text` (which starts at `base` in its document) with overlapping marks: the text is cut at every
 * mark boundary, and each piece is wrapped in one <mark> per covering layer (outermost = longest).
 */
export function highlight(text: string, marks: readonly Mark[], base = 0): Node[] {
  const cuts = new Set([0, text.length])
  for (const m of marks) { cuts.add(Math.max(0, Math.min(text.length, m.start - base))); cuts.add(Math.max(0, Math.min(text.length, m.end - base))) }
  const points = [...cuts].sort((a, b) => a - b)
  const out: Node[] = []
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i], b = points[i + 1]
    const covering = marks.filter((m) => m.start - base <= a && m.end - base >= b && m.end > m.start).sort((x, y) => (y.end - y.start) - (x.end - x.start))
    let node: Node = document.createTextNode(text.slice(a, b))
    for (const m of [...covering].reverse()) {
      const mark = h('mark', { class: m.cls, title: m.title })
      if (m.id && m.start - base === a) mark.id = m.id
      mark.appendChild(node); node = mark
    }
    out.push(node)
  }
  return out
}

/** Formats a date field for display: keeps its precision, shows a timestamp as its day and local time. */
export const fmtDate = (d: string | null | undefined) => {
  if (!d) return 'undated'
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(d)
  return m ? `${m[1]} ${m[2]}` : d
}

/** A date with its precision when it is coarser than a day (“2024-11-11, week of”). */
export const fmtDated = (d: string | null | undefined, precision: string | null | undefined, inferred?: boolean) =>
  `${fmtDate(d)}${d && precision && precision !== 'day' ? ` (${precision})` : ''}${inferred ? ' (inferred)' : ''}`

/** The name of an actor reference, or a plain word saying none was named (never a made-up placeholder). */
export const actorName = (name: string | null | undefined) => name ?? 'no one named'
