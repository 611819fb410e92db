import { openArena } from '../../arena/index.js';
import { probeLoadPlans } from '../../server/index.js';
import { maxInFlightOf, type ComparePlan } from '../plan.js';
import type { RunRecord } from '../run-record.js';
import { runComparison, type ComparisonProgress, type Pairing } from './run-comparison.js';

/** Where and how {@link measurePlan} measures. */
export interface MeasureOptions {
  /** A running server with the control API; without it the mock server starts in a child process. */
  readonly target?: string;
  readonly onProgress?: (progress: ComparisonProgress) => void;
}

/**
 * Runs a plan end to end in one arena session: the mock server in its own process (or the target,
 * which must have a control API), one transport shared by every model with a socket for every
 * request a level keeps in flight, the paired repetitions, then everything closed (a target's faults
 * put back as they were found). Used by `compare` and `npm run analysis`. Rejects with the arena's
 * errors (`ServerStartError`, `TargetError`, `ControlApiError`).
 */
export const measurePlan = async (plan: ComparePlan, { target, onProgress }: MeasureOptions = {}): Promise<RunRecord[]> => {
  const arena = await openArena({ target, embedded: 'process', seed: plan.seed, latency: plan.latency, needsControl: true, maxSockets: maxInFlightOf(plan), transport: plan.transport });
  let records: RunRecord[];
  try {
    // A target that cannot begin seeded loads leaves `serverPlan` null: runs pair by repetition order only.
    const pairing: Pairing = target === undefined || (await probeLoadPlans(target)) ? 'server-plan' : 'repetition-order';
    records = await runComparison(plan, { server: arena.control as NonNullable<typeof arena.control>, load: arena.load, onProgress, pairing });
  } catch (error) {
    await arena.close().catch(() => undefined); // after a failure, the first error is the one to report
    throw error;
  }
  await arena.close();
  return records;
};
