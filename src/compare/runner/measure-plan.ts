import { openArena } from '../../arena/index.js';
import { probeLoadPlans } from '../../server/index.js';
import { maxInFlightOf, type ComparePlan } from '../plan.js';
import type { ComparisonRecords } from '../run-record.js';
import { runComparison, type ComparisonProgress, type Pairing } from './run-comparison.js';
import { uncontrolledTarget } from './uncontrolled-target.js';

/** Where and how {@link measurePlan} measures. */
export interface MeasureOptions {
  /** A running server to measure; without it the mock server starts in a child process. */
  readonly target?: string;
  /** False for a target without a control API (no faults, no server counts: see uncontrolledTarget). */
  readonly controlApi?: boolean;
  readonly onProgress?: (progress: ComparisonProgress) => void;
  /** Stops between two loads (Ctrl+C): the records measured so far are returned. */
  readonly stop?: AbortSignal;
}

/**
 * Runs a plan end to end in one arena session: the mock server in its own process (or the target),
 * one transport shared by every model with a socket for every request a level keeps in flight, the
 * paired repetitions with a raw-transport load in each (the transport's own cost, through the
 * session's `rawLoad`), then everything closed (a target's faults put back as they were found).
 * Used by `compare` and `npm run analysis`. Rejects with the arena's errors (`ServerStartError`,
 * `TargetError`, `ControlApiError`).
 */
export const measurePlan = async (plan: ComparePlan, { target, controlApi = true, onProgress, stop }: MeasureOptions = {}): Promise<ComparisonRecords> => {
  const arena = await openArena({ target, embedded: 'process', seed: plan.seed, latency: plan.latency, needsControl: controlApi, maxSockets: maxInFlightOf(plan), transport: plan.transport });
  let records: ComparisonRecords;
  try {
    // A target that cannot begin seeded loads leaves `serverPlan` null: runs pair by repetition order only.
    const seedable = target === undefined || (arena.control !== undefined && (await probeLoadPlans(target)));
    const pairing: Pairing = seedable ? 'server-plan' : 'repetition-order';
    const server = arena.control ?? uncontrolledTarget(arena.url);
    records = await runComparison(plan, { server, load: arena.load, rawLoad: arena.rawLoad, onProgress, pairing, stop });
  } catch (error) {
    await arena.close().catch(() => undefined); // after a failure, the first error is the one to report
    throw error;
  }
  await arena.close();
  return records;
};
