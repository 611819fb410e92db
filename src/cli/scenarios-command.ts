import { Command } from 'commander';
import { BUILTIN_SCENARIOS } from '../compare/scenario/builtin-scenarios.js';

/** One line per built-in scenario: its name, padded, then its description. */
export const scenarioLines = (): string[] => {
  const width = Math.max(...BUILTIN_SCENARIOS.map((s) => s.name.length));
  return BUILTIN_SCENARIOS.map((s) => `${s.name.padEnd(width)}  ${s.description ?? ''}`);
};

/** `async-arena scenarios`: lists the built-in scenarios of `compare --scenario`. */
export const scenariosCommand = (): Command =>
  new Command('scenarios').description('List the built-in scenarios of `compare --scenario`, one per line.').action(() => {
    process.stdout.write(`${scenarioLines().join('\n')}\n`);
  });
