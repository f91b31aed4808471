import { Command } from 'commander'
import { DossierError } from '../errors.js'
import { registerCommands } from './commands.js'

/** Runs the CLI; returns the exit code (0 ok, 1 some input failed, 2 usage or internal error). */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('dossier')
    .description('Dossier: raw news pages in, a sourced, deduplicated, cross-checked record out.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride()
  let code = 0
  registerCommands(program, (c) => { code = Math.max(code, c) })
  try {
    await program.parseAsync(argv as string[])
  } catch (e: any) {
    if (e?.code === 'commander.helpDisplayed' || e?.code === 'commander.version' || e?.code === 'commander.help') return 0
    if (e?.code?.startsWith?.('commander.')) return 2
    // one line for the user; the stack only with DOSSIER_DEBUG=1
    if (process.env.DOSSIER_DEBUG === '1') process.stderr.write(`dossier: ${e?.stack ?? e}\n`)
    else if (e instanceof DossierError) process.stderr.write(`dossier: ${e.message}\n`)
    else process.stderr.write(`dossier: ${String(e?.message ?? e).split('\n')[0]} (DOSSIER_DEBUG=1 shows where)\n`)
    return 2
  }
  return code
}
