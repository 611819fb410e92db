import type { ServerControl } from '../../domain/server-control.js';
import { instrumentedLoad } from '../../models/instrumented-load.js';
import { connectServer, startServerProcess } from '../../server/index.js';
import { createHttpTransport } from '../../transport/http-transport.js';
import type { ComparePlan } from '../plan.js';
import type { RunRecord } from '../run-record.js';
import { runComparison, type ComparisonProgress } from './run-comparison.js';
import { uncontrolledTarget } from './uncontrolled-target.js';

/** Where and how {@link measurePlan} measures. */
export interface MeasureOptions {
  /** A running server with the control API; without it the mock server starts in a child process. */
  readonly target?: string;
  /** False for a target without a control API (no faults, no server counts: see uncontrolledTarget). */
  readonly controlApi?: boolean;
  readonly onProgress?: (progress: ComparisonProgress) => void;
  /** Stops between two loads (Ctrl+C): the records measured so far are returned. */
  readonly stop?: AbortSignal;
}

/**
 * Runs a plan end to end: the mock server in its own process (or the target), one transport shared
 * by every model, the interleaved runs, then everything closed (a target's faults cleared). Used by `compare` and `npm run analysis`.
 * Rejects with a `ServerStartError` when the server cannot start, and a `ControlApiError` when a
 * target's control API fails.
 */
export const measurePlan = async (plan: ComparePlan, { target, controlApi = true, onProgress, stop }: MeasureOptions = {}): Promise<RunRecord[]> => {
  const server: ServerControl =
    target === undefined ? await startServerProcess({ host: '127.0.0.1', port: 0, seed: plan.seed, latency: plan.latency }) : controlApi ? connectServer(target) : uncontrolledTarget(target);
  const transport = createHttpTransport({ baseUrl: server.url, maxSockets: plan.client.maxInFlight });
  let measured = false;
  try {
    const records = await runComparison(plan, { server, load: (model, request) => instrumentedLoad(model, transport, request), onProgress, stop });
    measured = true;
    return records;
  } finally {
    transport.close();
    if (target !== undefined) {
      // Leave a shared target as we found it; after a failure, the first error is the one to report.
      const cleared = server.clearFaults();
      await (measured ? cleared : cleared.catch(() => undefined));
    }
    await server.close();
  }
};
