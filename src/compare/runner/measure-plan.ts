import { poolSize } from '../../domain/connection-limits.js';
import type { ServerControl } from '../../domain/server-control.js';
import { instrumentedLoad } from '../../models/instrumented-load.js';
import { connectServer, startServerProcess } from '../../server/index.js';
import { createTransport } from '../../transport/create-transport.js';
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
 * Runs a plan end to end: the mock server in its own process (or the target), one transport shared
 * by every model, the interleaved runs, then everything closed (a target's faults cleared). Used by `compare` and `npm run analysis`.
 * Rejects with a `ServerStartError` when the server cannot start, and a `ControlApiError` when a
 * target's control API fails.
 */
export const measurePlan = async (plan: ComparePlan, { target, onProgress }: MeasureOptions = {}): Promise<RunRecord[]> => {
  const server: ServerControl = target === undefined ? await startServerProcess({ host: '127.0.0.1', port: 0, seed: plan.seed, latency: plan.latency }) : connectServer(target);
  const transport = createTransport({ kind: plan.transport, baseUrl: server.url, maxSockets: poolSize(plan.client.maxInFlight) });
  let measured = false;
  try {
    const records = await runComparison(plan, { server, load: (model, request) => instrumentedLoad(model, transport, request), onProgress });
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
