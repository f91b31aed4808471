// Validate training annotation files: node validate.mjs [files...]  (default: every tt-*.json next to this script)
// Checks: JSON parses; every evidence / evidence_also / quote text / claim evidence / mention is a substring of body[0];
// event types are among the 16 PLOVER types.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']);
const here = dirname(fileURLToPath(import.meta.url));
let files = process.argv.slice(2);
if (files.length === 0) files = readdirSync(here).filter((f) => /^tt-\d+\.json$/.test(f)).map((f) => join(here, f));

let bad = 0;
for (const f of files) {
  const errs = [];
  let d;
  try { d = JSON.parse(readFileSync(f, 'utf8')); } catch (e) { console.log(`${f}: JSON parse error: ${e.message}`); bad++; continue; }
  const body = Array.isArray(d.body) ? d.body[0] : null;
  if (typeof body !== 'string' || !body) errs.push('body[0] missing');
  const has = (s, what) => { if (typeof s !== 'string' || !s || !body?.includes(s)) errs.push(`${what} not in body: ${JSON.stringify(s)?.slice(0, 90)}`); };
  for (const e of d.entities ?? []) for (const m of e.mentions ?? []) has(m, `mention of ${e.name}`);
  (d.events ?? []).forEach((e, i) => {
    if (!TYPES.has(e.type)) errs.push(`event ${i}: bad type ${e.type}`);
    has(e.evidence, `event ${i} evidence`);
    for (const a of e.evidence_also ?? []) has(a, `event ${i} evidence_also`);
    if (e.trigger && ![e.evidence, ...(e.evidence_also ?? [])].some((s) => s?.includes(e.trigger))) errs.push(`event ${i}: trigger not in evidence: ${e.trigger}`);
  });
  for (const q of [...(d.quotes ?? []), ...(d.quotes_optional ?? [])]) has(q.text, 'quote');
  for (const c of d.claims ?? []) { has(c.evidence, 'claim evidence'); if (typeof c.value !== 'number') errs.push(`claim value not a number: ${c.value}`); }
  if (errs.length) { bad++; console.log(`${f}:\n  ${errs.join('\n  ')}`); }
}
console.log(`${files.length} file(s), ${bad} with problems`);
process.exit(bad ? 1 : 0);
