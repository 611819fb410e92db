import { InvalidArgumentError } from 'commander';
import { crossedThresholds, FAIL_ON_KINDS, isFailOnKind, type FailOnKind, type LossTally } from '../domain/fail-on.js';
import { EXIT } from './exit-codes.js';

/** The help text of `--fail-on`. */
export const FAIL_ON_HELP = `exit ${EXIT.threshold} when any request is lost or failed, e.g. lost or lost,failed (after printing the result)`;

/** A commander parser for `--fail-on lost,failed` (repeatable; duplicates dropped). */
export const failOnList = (value: string, previous: FailOnKind[] = []): FailOnKind[] => {
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.find((name) => !isFailOnKind(name));
  if (unknown !== undefined) throw new InvalidArgumentError(`unknown threshold "${unknown}" (expected ${FAIL_ON_KINDS.join(' or ')}, comma-separated)`);
  return [...new Set([...previous, ...(names as FailOnKind[])])];
};

/**
 * Applies `--fail-on` once the result is out: when a gate is crossed, one line on stderr naming it and
 * exit code 3, e.g. `async-arena: --fail-on: 2 requests lost (correct variants)`.
 */
export const applyFailOn = (gates: readonly FailOnKind[] | undefined, tally: LossTally, scope: string): void => {
  const crossed = crossedThresholds(gates ?? [], tally);
  if (crossed.length === 0) return;
  process.stderr.write(`async-arena: --fail-on: ${crossed.join(', ')} (${scope})\n`);
  process.exitCode = EXIT.threshold;
};
