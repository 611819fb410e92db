import { openArena } from '../../arena/index.js';
import type { ComparePlan } from '../plan.js';
import type { RunRecord } from '../run-record.js';
import { runComparison, type ComparisonProgress } from './run-comparison.js';

/** Where and how {@link measurePlan} measures. */
export interface MeasureOptions {
  /** A running server with the control API; without it the mock server starts in a child process. */
  readonly target?: string;
  readonly onProgress?: (progress: ComparisonProgress) => void;
}

/**
 * Runs a plan end to end in one arena session: the mock server in its own process (or the target,
 * which must have a control API), one transport shared by every model, the interleaved runs, then
 * everything closed (a target's faults put back as they were found). Used by `compare` and
 * `npm run analysis`. Rejects with the arena's errors (`ServerStartError`, `TargetError`,
 * `ControlApiError`).
 */
export const measurePlan = async (plan: ComparePlan, { target, onProgress }: MeasureOptions = {}): Promise<RunRecord[]> => {
  const arena = await openArena({ target, embedded: 'process', seed: plan.seed, latency: plan.latency, needsControl: true, maxSockets: plan.client.maxInFlight, transport: plan.transport });
  let records: RunRecord[];
  try {
    records = await runComparison(plan, { server: arena.control as NonNullable<typeof arena.control>, load: arena.load, onProgress });
  } catch (error) {
    await arena.close().catch(() => undefined); // after a failure, the first error is the one to report
    throw error;
  }
  await arena.close();
  return records;
};
