/**
 * The command line: argument parsing and the only place that starts servers, renders, writes and exits.
 * Every command lives in src/cli/*-command.ts; this file wires them and maps failures to exit codes.
 */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { UsageError } from './cli/usage-error.js';
import { sanitizeText } from './domain/sanitize-text.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command('async-arena')
  .description('Compare HTTP-client concurrency models (callbacks, futures, async/await, RxJS) live and with real measurements.')
  .version(version)
  .showSuggestionAfterError()
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(`async-arena: ${sanitizeText(text.replace(/^error: /, '').trim())}\n`) });

/**
 * Each command's module, imported only when needed: `run` does not load `compare`'s statistics,
 * scenario parser and HTTP client, whose code and data would stay live (~5 MB of heap, ~15 MB of
 * RSS) through a load whose peak memory is measured (docs/benchmarks.md). Help, the default command
 * and a mistyped command load them all.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  dashboard: async () => (await import('./cli/dashboard-command.js')).dashboardCommand(),
  run: async () => (await import('./cli/run-command.js')).runCommand(),
  serve: async () => (await import('./cli/serve-command.js')).serveCommand(),
  compare: async () => (await import('./cli/compare-command.js')).compareCommand(),
  scenarios: async () => (await import('./cli/scenarios-command.js')).scenariosCommand(),
};
const named = process.argv[2];
const commands = await Promise.all((named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS)).map((name) => (COMMANDS[name] as () => Promise<Command>)()));
// Subcommands inherit the one-line error format, suggestions and exit override of the program.
for (const command of commands) program.addCommand(command.copyInheritedSettings(program), { isDefault: command.name() === 'dashboard' });

// A reader that stops early (`| head`) closes the pipe: that ends the output, quietly, not with a stack trace.
// (A mock server in a child process stops by itself when this process goes.)
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

/** A first word that names no command would otherwise reach the default command as a stray argument. */
const rejectUnknownCommand = (args: readonly string[]): void => {
  const [first] = args;
  const names = program.commands.map((command) => command.name());
  if (first === undefined || first.startsWith('-') || first === 'help' || names.includes(first)) return;
  program.error(`unknown command '${first}' (commands: ${names.join(', ')}; see --help)`, { code: 'commander.unknownCommand' });
};

try {
  rejectUnknownCommand(process.argv.slice(2));
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    const ok = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
    process.exitCode = ok ? 0 : 2;
  } else if (error instanceof UsageError) {
    process.stderr.write(`async-arena: ${sanitizeText(error.message)}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`async-arena: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
