import type { ServerControl } from '../../domain/server-control.js';
import { instrumentedLoad } from '../../models/instrumented-load.js';
import { connectServer, startServerProcess } from '../../server/index.js';
import { createHttpTransport } from '../../transport/http-transport.js';
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
 * Rejects with a `ServerStartError` when the server cannot start.
 */
export const measurePlan = async (plan: ComparePlan, { target, onProgress }: MeasureOptions = {}): Promise<RunRecord[]> => {
  const server: ServerControl = target === undefined ? await startServerProcess({ host: '127.0.0.1', port: 0, seed: plan.seed, latency: plan.latency }) : connectServer(target);
  const transport = createHttpTransport({ baseUrl: server.url, maxSockets: plan.client.maxInFlight });
  try {
    return await runComparison(plan, { server, load: (model, request) => instrumentedLoad(model, transport, request), onProgress });
  } finally {
    transport.close();
    if (target !== undefined) await server.clearFaults(); // leave a shared target as we found it
    await server.close();
  }
};
