import { ENDPOINTS } from '../domain/endpoints.js';
import { NO_FAULTS, type FaultMap } from '../domain/fault-spec.js';
import type { FaultControl } from '../streams/dashboard-stream.js';
import { connectServer, isServerStartError, probeControlApi, startServerProcess } from '../server/index.js';
import { CONTROL_CALL_LIMITS } from '../server/http-json.js';
import { UsageError } from './usage-error.js';

/** How long quitting may spend putting back a --target's faults. */
const RESTORE_DEADLINE_MS = 1000;

/** The server a dashboard measures: where it is, how to set its faults (if it can), and how to let go of it. */
export interface DashboardServer {
  readonly url: string;
  /** Absent when the target has no control API. */
  readonly control?: FaultControl;
  /** Faults in force when the dashboard starts. */
  readonly faults: FaultMap;
  /** Stops the embedded server; for a --target, puts back the faults it had at the start (best effort). */
  close(): Promise<void>;
}

/**
 * The mock server in its own process (so it does not share the dashboard's event loop), or `--target`
 * with fault keys only if it answers the control API.
 */
export const openDashboardServer = async (target: string | undefined, seed: number): Promise<DashboardServer> => {
  if (target !== undefined) {
    if (!(await probeControlApi(target))) return { url: target, faults: NO_FAULTS, close: async () => undefined };
    const control = connectServer(target);
    const found = await control.faults().catch((error: unknown) => {
      throw new UsageError(`${target}: control API: ${error instanceof Error ? error.message : String(error)}`, 1);
    });
    // Leave a shared target as it was found: put back the faults it had when the dashboard started,
    // within a second, so quitting never waits on a slow target.
    const restorer = connectServer(target, { ...CONTROL_CALL_LIMITS, deadlineMs: RESTORE_DEADLINE_MS });
    const restore = async (): Promise<void> => void (await Promise.all(ENDPOINTS.map((endpoint) => restorer.setFault(endpoint, found[endpoint]))).catch(() => undefined));
    return { url: target, control, faults: found, close: restore };
  }
  const server = await startServerProcess({ host: '127.0.0.1', port: 0, seed }).catch((error: unknown) => {
    throw isServerStartError(error) ? new UsageError(error.message, 1) : error;
  });
  return { url: server.url, control: server, faults: NO_FAULTS, close: () => server.close() };
};
