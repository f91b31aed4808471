import { Option, type Command } from 'commander'
import { existsSync, statSync } from 'node:fs'
import { correctionStats } from '../corrections/stats.js'
import { exportGold } from '../corrections/gold-export.js'
import { resolveCorrections } from '../corrections/view.js'
import { DossierError } from '../errors.js'
import type { Store } from '../store/store.js'

interface Helpers {
  readonly defaultDb: string
  readonly withStore: <T>(db: string, f: (s: Store) => Promise<T>, opts?: { mustExist?: boolean }) => Promise<T>
}

/** `dossier gold export` (the corrected documents as gold) and `dossier corrections` (what analysts corrected, and what is orphaned). */
export function registerCorrections(program: Command, h: Helpers): void {
  const gold = program.command('gold').description('Gold annotations made from the analysts\' corrections')
  gold.command('export')
    .description('Write the corrected documents as gold (one <stem>.json per page, schema of ../shared/gold/seeds), so `dossier eval --gold <dir> --pages <pages>` measures the machine against the analysts')
    .requiredOption('--out <dir>', 'folder to write (created; must hold no .json file yet)')
    .option('--reviewed-only', 'only the documents an analyst touched (a correction attached, or marked reviewed); default: every current document')
    .option('--db <file>', 'SQLite file or postgres:// URL', h.defaultDb)
    .option('--json', 'print the summary as JSON')
    .addHelpText('after', `
Each page's gold is its machine output with every correction laid over it: events marked wrong are left out, fixed
fields take the analyst's values, added events are in, quote speakers fixed, claims marked wrong left out. The file
is named after the page's file stem (what dossier eval matches pages by). Without --reviewed-only, a page nobody
reviewed is written as the machine read it: it then scores 1.0 and says nothing about the machine.`)
    .action(async (o) => h.withStore(o.db, async (store) => {
      if (existsSync(o.out) && !statSync(o.out).isDirectory()) throw new DossierError('E_USAGE', `Expected --out ${o.out} to be a folder, got a file`)
      const sum = await exportGold(store, o.out, { reviewedOnly: !!o.reviewedOnly })
      if (o.json) { process.stdout.write(JSON.stringify(sum, null, 2) + '\n'); return }
      process.stdout.write(`wrote ${sum.documents} gold page(s) with ${sum.events} event(s) to ${sum.out}${sum.reviewed_only ? ' (reviewed documents only)' : ''}; corrections: ${sum.corrections.attached} applied, ${sum.corrections.orphaned} orphaned\n`)
      for (const s of sum.skipped) process.stdout.write(`  skipped ${s.doc}: ${s.file} has ${s.reason}\n`)
      if (sum.corrections.orphaned) process.stdout.write('  orphaned corrections are listed by `dossier corrections --status orphaned`\n')
    }, { mustExist: true }))

  program.command('corrections')
    .description('List the analysts\' corrections, each with where it holds now (attached to a fact of the current page version, or orphaned and why), and per-type precision')
    .addOption(new Option('--status <status>', 'which: active (attached and orphaned), orphaned, or all (retracted too)').choices(['active', 'orphaned', 'all']).default('active'))
    .option('--stats', 'per-type precision of the machine\'s events from the corrections so far, instead of the list')
    .option('--db <file>', 'SQLite file or postgres:// URL', h.defaultDb)
    .option('--json', 'JSON output')
    .action(async (o) => h.withStore(o.db, async (store) => {
      if (o.stats) {
        const s = await correctionStats(store)
        if (o.json) { process.stdout.write(JSON.stringify(s, null, 2) + '\n'); return }
        process.stdout.write(`${s.corrections} correction(s), ${s.orphaned} orphaned, ${s.documents_reviewed} document(s) reviewed\n`)
        for (const t of [...s.types, { type: 'all', ...s.totals }]) process.stdout.write(`  ${t.type.padEnd(10)} reviewed ${t.reviewed}  accepted ${t.accepted}  fixed ${t.fixed}  wrong ${t.wrong} (retyped ${t.retyped})  precision ${t.precision ?? '-'}  missed ${t.missed}\n`)
        return
      }
      const r = await resolveCorrections(store)
      const list = (o.status === 'all' ? await store.corrections.list({ retracted: true }) : r.corrections)
        .map((c) => ({ ...c, state: c.retracted_at ? { status: 'retracted', doc: null, fact: null, reason: null } : r.states.get(c.id) ?? null }))
        .filter((c) => o.status !== 'orphaned' || c.state?.status === 'orphaned')
      if (o.json) { process.stdout.write(JSON.stringify(list, null, 2) + '\n'); return }
      for (const c of list) process.stdout.write(`${c.id}  ${c.created_at.slice(0, 16)}  ${c.author} (${c.via})  ${c.kind}  ${c.state?.status ?? '?'}${c.state?.reason ? ` (${c.state.reason})` : ''}  ${(c.anchor?.text ?? c.anchor?.doc ?? '').slice(0, 60)}\n`)
    }, { mustExist: true }))
}
