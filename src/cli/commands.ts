import { Option, type Command } from 'commander'
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { openStore } from '../store/index.js'
import type { Store } from '../store/store.js'
import { ingest, reanalyze, type IngestSummary } from '../ingest/ingest.js'
import { writeEventsCsv, writeJsonl } from '../export/export.js'
import { evalGold } from '../eval/run.js'
import { formatGoldReport } from '../eval/gold.js'
import { metricsOf, pin } from '../eval/gates.js'
import { EXAMPLES_DIR } from '../paths.js'
import { DossierError } from '../errors.js'
import { fetchPageItems } from '../net/page.js'
import { registerWatch } from './watch.js'
import { registerWatchlists } from './watchlists.js'
import { registerCorrections } from './corrections.js'
import { ingestToQueue, registerQueue } from './queue.js'
import { correctedStore } from '../corrections/view.js'

const collect = (v: string, prev: string[]) => [...prev, v]
const DEFAULT_DB = process.env.DOSSIER_DB ?? './dossier.db'

/** Runs f on an open store; read commands (`mustExist`) refuse a store that does not exist instead of creating it. */
async function withStore<T>(db: string, f: (s: Store) => Promise<T>, opts: { mustExist?: boolean } = {}): Promise<T> {
  const store = await openStore(db, opts)
  try { return await f(store) } finally { await store.close() }
}

/** One-screen summary of what the store holds. */
export async function summaryLines(store: Store): Promise<string> {
  const s = await store.stats()
  return `documents ${s.documents} (rejected ${s.rejected}) | actors ${s.actors} | events ${s.events} | quotes ${s.quotes} | claims ${s.claims} | stories ${s.stories} | contradictions ${s.contradictions}`
}

function printIngest(sum: IngestSummary, json: boolean): void {
  if (json) { process.stdout.write(JSON.stringify(sum, null, 2) + '\n'); return }
  const rejected = sum.rejected.reduce((n, r) => n + (r.count ?? 1), 0)
  process.stdout.write(`ingested ${sum.pages} page(s) from ${sum.files} file(s) in ${sum.seconds.toFixed(1)} s: ${sum.stored} stored (${sum.versions} new versions), ${sum.unchanged} unchanged, ${rejected} rejected${sum.skipped.length ? `, ${sum.skipped.length} non-page file(s) skipped` : ''}\n`)
  const records = Object.entries(sum.skippedRecords ?? {})
  if (records.length) process.stdout.write(`  skipped ${records.reduce((n, [, c]) => n + c, 0)} non-page record(s): ${records.map(([k, c]) => `${c} ${k}`).join(', ')}\n`)
  for (const r of sum.rejected) process.stdout.write(`  rejected ${r.path ?? '(stdin)'}: ${r.reason} [${r.ruleId}]\n`)
  for (const e of sum.stageErrors ?? []) process.stdout.write(`  stage error ${e.path ?? '(stdin)'}: the ${e.stage} stage failed (${e.error}); stored without what it and the later stages find\n`)
  if (sum.corpus === 'due') process.stdout.write('  completed the cross-source analysis an earlier run left unfinished\n')
  else if (sum.analysis?.scope === 'part') process.stdout.write(`  cross-source analysis of the ${sum.analysis.analysed} document(s) the new pages can affect (dossier reanalyze: all of them)\n`)
}

/** Progress on stderr: one rewritten line on a terminal, one line a second otherwise (logs stay readable). */
const progress = (quiet: boolean) => quiet ? undefined : (p: { done: number; total: number; stored: number; rejected: number; perSecond: number }) =>
  process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}  ${p.done} page(s) read from ${p.total} file(s) · ${p.stored} stored · ${p.rejected} rejected · ${p.perSecond.toFixed(1)} pages/s${process.stderr.isTTY ? '   ' : '\n'}`)

const phase = (quiet: boolean) => quiet ? undefined : (m: string) => process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}  ${m}\n`)

/** Registers every subcommand. `exit` raises the process exit code. */
export function registerCommands(program: Command, exit: (code: number) => void): void {
  program.command('ingest')
    .description('Read raw pages (.txt, .html/.htm, .jsonl of {url?, fetched_at?, html|text} or news-please records, .json news-please records, RSS/Atom feeds .xml/.rss/.atom, WARC .warc/.warc.gz, folders, http(s) URLs, or - for stdin) and store everything they say')
    .argument('<paths...>', 'files, folders, http(s):// URLs (fetched; private addresses refused), or - for standard input')
    .option('--db <file>', 'SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--kb <dir>', 'extra knowledge-base folder (repeatable)', collect, [])
    .option('--lexicon <dir>', 'extra framing-lexicon folder of JSON files (repeatable)', collect, [])
    .option('--json', 'print the summary as JSON on stdout (progress stays on stderr)')
    .option('--quiet', 'no progress on stderr')
    .option('--allow-private', 'let URLs reach loopback, private and link-local addresses (refused by default: SSRF)')
    .option('--workers <n>', 'clean and read pages in n worker threads (each loads the models; the store is still written in input order by one writer); 0: in the main thread', '0')
    .option('--page-timeout <seconds>', 'a page read for longer is stopped and reported (page-timeout; not stored, so the next run reads it again) and the run goes on: in the main thread V8 stops the reading, with --workers its worker is replaced', '120')
    .option('--whole-analysis', 'run the cross-source analysis over every document, as reanalyze does, instead of the part of the corpus the new pages affect')
    .option('--queue', 'with --db postgres://…: read the inputs and add one job per page to the store\'s job queue instead of storing them; `dossier worker` processes (any machine) store them')
    .action(async (paths: string[], o) => o.queue ? queueIngest(paths, o) : withStore(o.db, async (store) => {
      const workers = Number(o.workers)
      if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new DossierError('E_USAGE', `Expected --workers to be a whole number from 0 to 64, got ${o.workers}`)
      const pageTimeout = Number(o.pageTimeout)
      if (!(pageTimeout > 0)) throw new DossierError('E_USAGE', `Expected --page-timeout to be a number of seconds above 0, got ${o.pageTimeout}`)
      const fetchUrl = o.allowPrivate ? (u: string) => fetchPageItems(u, { allowPrivate: true }) : undefined
      // progress goes to stderr with --json too (the summary alone is on stdout): a long run never sits silent
      const sum = await ingest(store, paths, { kbDirs: o.kb, lexiconDirs: o.lexicon, onProgress: progress(o.quiet), onPhase: phase(o.quiet), fetchUrl, workers, pageTimeoutMs: pageTimeout * 1000, wholeCorpus: !!o.wholeAnalysis })
      if (!o.quiet && process.stderr.isTTY) process.stderr.write('\n')
      printIngest(sum, !!o.json)
      if (!o.json) process.stdout.write((await summaryLines(store)) + '\n')
      if (sum.rejected.length || sum.stageErrors.length) exit(1)
    }))

  /** `ingest --queue`: the reading options of the worker are refused here, where no page is read */
  const queueIngest = async (paths: string[], o: Record<string, any>) => {
    if (Number(o.workers) !== 0 || o.wholeAnalysis) throw new DossierError('E_USAGE', 'Expected no --workers or --whole-analysis with --queue: pages are read by `dossier worker` (--concurrency, --page-timeout there)')
    const fetchUrl = o.allowPrivate ? (u: string) => fetchPageItems(u, { allowPrivate: true }) : undefined
    await ingestToQueue(paths, { db: o.db, json: o.json, quiet: o.quiet, fetchUrl }, exit)
  }

  program.command('export')
    .description('Write the stored record: JSON Lines (documents, actors, stories, contradictions, outlets) or CSV (events)')
    .addOption(new Option('--format <format>', 'jsonl, or csv for events').choices(['jsonl', 'csv']).default('jsonl'))
    .option('--out <file>', 'output file (default: standard output)')
    .option('--db <file>', 'SQLite file or postgres:// URL', DEFAULT_DB)
    .action(async (o) => withStore(o.db, async (machine) => {
      // the export is the record as corrected by analysts (src/corrections); the machine output stays in the store
      const store = correctedStore(machine)
      if (o.out && !existsSync(dirname(resolve(o.out)))) throw new DossierError('E_USAGE', `Expected the folder of --out ${o.out} to exist, got none`)
      const out = o.out ? createWriteStream(o.out) : process.stdout
      const n = o.format === 'csv' ? await writeEventsCsv(store, out) : await writeJsonl(store, out)
      if (o.out) { await new Promise<void>((res) => (out as any).end(res)); process.stderr.write(`wrote ${n} record(s) to ${o.out}\n`) }
    }, { mustExist: true }))

  program.command('eval')
    .description('Score every stage against gold annotations (gold/seeds schema) and/or the article-extraction benchmark')
    .option('--gold <dir>', 'gold folder (one JSON per page + cross-document.json)')
    .option('--pages <dir>', 'the raw pages the gold annotates')
    .option('--extraction <dir>', 'article-extraction set (html/ + ground-truth.json)')
    .option('--kb <dir>', 'extra knowledge-base folder (repeatable)', collect, [])
    .option('--json', 'print all scores as JSON')
    .option('--pin <name>', 'pin the figures reached as floors in gates/baseline.json under <name>')
    .option('--allow-regression', 'with --pin: allow a floor to go down')
    .action(async (o) => {
      if (!o.gold && !o.extraction) throw new DossierError('E_USAGE', 'Expected --gold <dir> --pages <dir> and/or --extraction <dir>, got neither')
      const out: Record<string, unknown> = {}
      if (o.gold) {
        if (!o.pages) throw new DossierError('E_USAGE', 'Expected --pages <dir> with --gold')
        if (!isDir(o.gold) || !readdirSync(o.gold).some((f) => f.endsWith('.json'))) throw new DossierError('E_USAGE', `Expected --gold ${o.gold} to be a folder of gold JSON files, got ${isDir(o.gold) ? 'a folder without any' : existsSync(o.gold) ? 'a file' : 'nothing there'}`)
        if (!isDir(o.pages)) throw new DossierError('E_USAGE', `Expected --pages ${o.pages} to be a folder of pages, got ${existsSync(o.pages) ? 'a file' : 'nothing there'}`)
        const { report } = await evalGold(o.gold, o.pages, { kbDirs: o.kb })
        out.gold = report
        if (!o.json) process.stdout.write(formatGoldReport(report) + '\n')
        if (o.pin) {
          const refused = pin(o.pin, o.gold, metricsOf(report), !!o.allowRegression)
          if (refused.length) throw new DossierError('E_USAGE', `Expected no floor to go down, got: ${refused.join('; ')} (use --allow-regression to lower them)`)
          process.stderr.write(`pinned floors "${o.pin}" in gates/baseline.json\n`)
        }
      }
      if (o.extraction) {
        if (!isDir(o.extraction)) throw new DossierError('E_USAGE', `Expected --extraction ${o.extraction} to be a folder (html/ + ground-truth.json), got ${existsSync(o.extraction) ? 'a file' : 'nothing there'}`)
        const { evalExtraction } = await import('../eval/extraction.js')
        const r = await evalExtraction(o.extraction)
        out.extraction = r
        if (!o.json) process.stdout.write(`extraction: F1 ${r.f1.toFixed(3)} (P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)}) accuracy ${r.accuracy.toFixed(3)} on ${r.pages} pages\n`)
      }
      if (o.json) process.stdout.write(JSON.stringify(o.gold && !o.extraction ? out.gold : out, null, 2) + '\n')
    })

  program.command('serve')
    .description('Serve the HTTP API (/api, /openapi.json) and the web UI')
    .option('--db <file>', 'SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--port <n>', 'port', (v) => Number(v), 8737)
    .option('--host <host>', 'address to bind (off loopback, reads need the token unless --public)', '127.0.0.1')
    .option('--token-file <file>', 'file holding the bearer token (POST /api/ingest; reads too off loopback); or set DOSSIER_TOKEN')
    .option('--token <token>', 'bearer token on the command line (visible to every user in `ps`: prefer --token-file or DOSSIER_TOKEN)')
    .option('--public', 'off loopback, let anyone read without the token (writes still need it)')
    .option('--allowed-host <name>', 'a name of this server the Host header may give (repeatable; DNS-rebinding defence)', collect, [])
    .option('--max-body-mb <n>', 'largest request body read, in MiB', (v) => Number(v), 16)
    .action(async (o) => {
      const token = serverToken(o)
      if (!(o.maxBodyMb > 0)) throw new DossierError('E_USAGE', `Expected --max-body-mb to be a positive number, got ${o.maxBodyMb}`)
      const store = await openStore(o.db, { mustExist: true })
      const srv = await listen(store, { port: o.port, host: o.host, token, public: !!o.public, allowedHosts: o.allowedHost, maxBodyBytes: Math.round(o.maxBodyMb * 1024 * 1024), storeTarget: o.db })
      process.stdout.write(`${await summaryLines(store)}\nDossier is serving ${srv.url} (Ctrl-C to stop)\n`)
      await waitForSignal()
      await srv.close(); await store.close()
    })

  program.command('demo')
    .description('The main job: ingest the example corpus into a SQLite file and serve the UI and API on localhost')
    .option('--db <file>', 'SQLite file', DEFAULT_DB)
    .option('--port <n>', 'port', (v) => Number(v), 8737)
    .option('--no-serve', 'ingest and print the summary only')
    .action(async (o) => {
      const store = await openStore(o.db)
      // the example pages sit at the top of examples/ (gold/ and hostile/ beside them are not part of the demo)
      const sum = await ingest(store, [EXAMPLES_DIR], { onProgress: progress(false), recursive: false })
      if (process.stderr.isTTY) process.stderr.write('\n')
      printIngest(sum, false)
      process.stdout.write((await summaryLines(store)) + '\n')
      if (!o.serve) { await store.close(); return }
      const srv = await listen(store, { port: o.port, host: '127.0.0.1', token: null, storeTarget: o.db })
      process.stdout.write(`Dossier is serving ${srv.url} (Ctrl-C to stop)\n`)
      await waitForSignal()
      await srv.close(); await store.close()
    })

  program.command('stats')
    .description('What the store holds')
    .option('--db <file>', 'SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--json', 'JSON output')
    .action(async (o) => withStore(o.db, async (store) => {
      process.stdout.write(o.json ? JSON.stringify(await store.stats(), null, 2) + '\n' : (await summaryLines(store)) + '\n')
    }, { mustExist: true }))

  program.command('documents')
    .description('List stored documents (and rejected pages with their reasons)')
    .option('--db <file>', 'SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--all', 'include rejected pages')
    .option('--limit <n>', 'how many', (v) => Number(v), 100)
    .option('--json', 'JSON output')
    .action(async (o) => withStore(o.db, async (store) => {
      const rows = await store.listDocuments({ status: o.all ? 'all' : 'ok', limit: o.limit })
      if (o.json) { process.stdout.write(JSON.stringify(rows, null, 2) + '\n'); return }
      for (const r of rows) process.stdout.write(`${r.id}  ${r.status === 'ok' ? (r.published ?? '????-??-??').slice(0, 10) : 'REJECTED  '}  ${r.outlet ?? '-'}  ${r.title ?? r.reason ?? ''}  ${r.path ?? r.url ?? ''}\n`)
    }, { mustExist: true }))

  program.command('reanalyze')
    .description('Re-run the corpus-wide analysis over every document (duplicates, story events, contradictions, framing profiles); ingest analyses only the part new pages affect')
    .option('--db <file>', 'SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--kb <dir>', 'extra knowledge-base folder (repeatable)', collect, [])
    .action(async (o) => withStore(o.db, async (store) => { await reanalyze(store, { kbDirs: o.kb }); process.stdout.write((await summaryLines(store)) + '\n') }, { mustExist: true }))

  registerWatch(program, exit, { defaultDb: DEFAULT_DB, withStore, summaryLines })
  registerWatchlists(program, exit, { defaultDb: DEFAULT_DB, withStore })
  registerCorrections(program, { defaultDb: DEFAULT_DB, withStore })
  registerQueue(program, exit, { defaultDb: DEFAULT_DB })

  program.command('ner')
    .description('Tag a CoNLL-format file with the trained model (tag appended as the last column)')
    .requiredOption('--conll <file>', 'CoNLL file, token in the first column (- for stdin)')
    .action(async (o) => {
      const { tagConll } = await import('../stages/entities/ner/index.js')
      process.stdout.write(tagConll(readFileSync(o.conll === '-' ? 0 : o.conll, 'utf8')))
    })

  program.command('parse')
    .description('Tag and parse a CoNLL-U file with its gold tokenisation: writes it back with predicted UPOS, HEAD and DEPREL (other columns kept)')
    .requiredOption('--conllu <file>', 'CoNLL-U file (- for stdin)')
    .option('--out <file>', 'output file (default: standard output)')
    .action(async (o) => {
      const { parseConllu } = await import('../stages/syntax/index.js')
      const out = parseConllu(readFileSync(o.conllu === '-' ? 0 : o.conllu, 'utf8'))
      if (o.out) { writeFileSync(o.out, out); process.stderr.write(`wrote ${o.out}\n`) } else process.stdout.write(out)
    })
}

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory()

/** The server's token: from --token-file (first line), --token or DOSSIER_TOKEN; null when none is given. */
export function serverToken(o: { tokenFile?: string; token?: string }, env: NodeJS.ProcessEnv = process.env): string | null {
  if (o.tokenFile) {
    let text: string
    try { text = readFileSync(o.tokenFile, 'utf8') } catch (e) { throw new DossierError('E_USAGE', `Expected --token-file ${o.tokenFile} to be a readable file, got ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`) }
    const token = text.split(/\r?\n/)[0]!.trim()
    if (!token) throw new DossierError('E_USAGE', `Expected a token on the first line of --token-file ${o.tokenFile}, got an empty line`)
    return token
  }
  return o.token || env.DOSSIER_TOKEN || null
}

/** Starts the server; a port in use or not allowed is a one-line error. */
async function listen(store: Store, opts: import('../api/server.js').ServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const { startServer } = await import('../api/server.js')
  try { return await startServer(store, opts) } catch (e: any) {
    await store.close()
    if (e?.code === 'EADDRINUSE') throw new DossierError('E_USAGE', `Expected port ${opts.port} on ${opts.host} to be free, got it in use (choose another with --port)`)
    if (e?.code === 'EACCES') throw new DossierError('E_USAGE', `Expected to be allowed to listen on port ${opts.port}, got refused (choose a port above 1023 with --port)`)
    if (e?.code === 'EADDRNOTAVAIL' || e?.code === 'ENOTFOUND') throw new DossierError('E_USAGE', `Expected --host ${opts.host} to be an address of this machine, got ${e.code}`)
    throw e
  }
}

function waitForSignal(): Promise<void> {
  return new Promise((res) => { process.once('SIGINT', () => res()); process.once('SIGTERM', () => res()) })
}
