import { isTargetError, openArena, type Arena, type ArenaOptions } from '../arena/index.js';
import { ControlApiError } from '../server/control-client.js';
import { isServerStartError } from '../server/index.js';
import { UsageError } from './usage-error.js';

/**
 * The one mapping of an arena's start-up and control errors to what the user sees: a mock server that
 * cannot start, a target that cannot be steered, a control API that fails — one line, exit 1.
 * Anything else is returned unchanged.
 */
export const arenaUsageError = (error: unknown, target: string | undefined): unknown => {
  if (isServerStartError(error) || isTargetError(error)) return new UsageError(error.message, 1);
  if (error instanceof ControlApiError) return new UsageError(`${target ?? 'the mock server'}: control API: ${error.message}`, 1);
  return error;
};

/** {@link openArena} for a command: its start-up errors become {@link UsageError}s. */
export const openCommandArena = (options: ArenaOptions): Promise<Arena> =>
  openArena(options).catch((error: unknown) => {
    throw arenaUsageError(error, options.target);
  });
