import type { Message } from '../../doc/span.js'
import { msg } from '../../doc/span.js'
import {
  COPYRIGHT_RE, GENERIC_SUFFIX_RE, JOIN_LEAD_RE, NAME_RE, SOURCE_LEAD_RE, TITLE_TEMPLATES, WIRE_AGENCIES, WIRE_DATELINE_RE,
} from './text/text.data.js'

/** Outlet and copy evidence shared by the text and HTML paths. */

const note = (ruleId: string, reason: string) => msg('clean', ruleId, reason, 'info')
const q = (s: string) => JSON.stringify(s.length > 80 ? s.slice(0, 77) + '...' : s)

/** Splits "Headline | Site" / "Headline - Site" into headline and suffix (a suffix is at most five words). */
export function splitTitleSuffix(title: string): { title: string; suffix: string | null } {
  const m = /^(.{12,}?)\s+(?:\||–|—|-|::|»)\s+([^|–—]{2,40})$/.exec(title)
  if (!m || m[2]!.split(/\s+/).length > 5) return { title, suffix: null }
  return { title: m[1]!.trim(), suffix: m[2]!.trim() }
}

/** A name after "Join the ..." or a copyright sign, from one line; null when the line names no site. */
export function outletFromLine(line: string): { name: string; how: 'join' | 'copyright' } | null {
  const j = JOIN_LEAD_RE.exec(line)
  if (j) {
    const rest = line.slice(j[0].length)
    const n = NAME_RE.exec(rest)
    if (n && /^[\s!.]*$/.test(rest.slice(n[0].length))) return { name: n[0].trim(), how: 'join' }
  }
  const c = COPYRIGHT_RE.exec(line)
  if (c && /©|\(c\)|copyright/i.test(line)) {
    const name = c[1]!.trim().replace(/\s+(inc|ltd|llc|corp)\.?$/i, '')
    if (name && !/^\d+$/.test(name) && !/^(all rights|the author)/i.test(name)) return { name, how: 'copyright' }
  }
  return null
}

/** A name read off a line without the sentence's closing punctuation ("Northern Observer." -> "Northern Observer"); initials keep their dot ("U.S."). */
export function trimName(name: string): string {
  return name.trim().replace(/(?<!(?:^|[\s.])\p{Lu})[.,;:!?]+$/u, '').trim()
}

/** Prefers the spelling a masthead line gives a name found in lower case ("icebutik" -> "Icebutik"). */
export function restoreCase(name: string, lines: readonly string[]): string {
  if (name !== name.toLowerCase()) return name
  const hit = lines.find(l => l.toLowerCase() === name.toLowerCase())
  return hit ?? name
}

/** The site name in a title suffix, unless it is a section word ("News"). */
export function outletFromSuffix(suffix: string | null): string | null {
  return suffix && !GENERIC_SUFFIX_RE.test(suffix) ? suffix : null
}

/** The host of a URL without "www." (the last resort for the outlet). */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null
  try { return new URL(url).hostname.replace(/^www\./, '') || null } catch { return null }
}

/**
 * The outlet a page copies, from the evidence it shows, first hit wins:
 * 1. a credit line in or after the body ("Source: X", "Originally published by X", "This article first appeared in X");
 * 2. a wire dateline opening the first paragraph ("MOSCOW (Reuters) -"), or a byline naming a wire agency ("By AFP");
 * 3. an outlet's headline template on another site's page (TITLE_TEMPLATES).
 * A credit naming the page's own outlet is no copy.
 */
export function findCopyOf(rawTitle: string | null, bodyLines: readonly string[], afterLines: readonly string[], outlet: string | null, messages: Message[], author: string | null = null): string | null {
  const own = (x: string) => !!outlet && (x.toLowerCase().includes(outlet.toLowerCase()) || outlet.toLowerCase().includes(x.toLowerCase()))
  for (const line of [...bodyLines.slice(-3), ...afterLines]) {
    const lead = SOURCE_LEAD_RE.exec(line)
    if (!lead) continue
    const n = NAME_RE.exec(line.slice(lead[0].length))
    const name = n ? trimName(n[0]) : ''
    if (name && !own(name)) { messages.push(note('copy-credit', `Copy of ${q(name)}: the page credits it (${q(line)})`)); return name }
  }
  const w = bodyLines[0] ? WIRE_DATELINE_RE.exec(bodyLines[0]) : null
  if (w && !own(w[1]!)) { messages.push(note('copy-wire', `Copy of ${w[1]}: the first paragraph opens with its wire dateline`)); return w[1]! }
  const agency = author ? WIRE_AGENCIES.find(a => author.split(/\s*(?:,|\band\b|&|\/)\s*/i).some(p => p.trim().toLowerCase() === a.toLowerCase())) : undefined
  if (agency && !own(agency)) { messages.push(note('copy-wire-byline', `Copy of ${agency}: the byline names the agency (${q(author!)})`)); return agency }
  if (rawTitle) {
    for (const t of TITLE_TEMPLATES) {
      if (t.suffix.test(rawTitle) && !own(t.outlet)) {
        messages.push(note('copy-title-template', `Copy of ${t.outlet}: the headline ${q(rawTitle)} carries its title template (${t.reason})`))
        return t.outlet
      }
    }
  }
  return null
}
