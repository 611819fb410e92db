import { ENDPOINTS, type Endpoint } from '../../domain/endpoints.js';
import { NO_FAULTS, type FaultSpec } from '../../domain/fault-spec.js';
import type { EndpointStats, ServerControl, ServerStats } from '../../domain/server-control.js';
import type { ComparePlan } from '../plan.js';

/** Why a plan cannot run on a target without a control API, or undefined when it can (it sets no fault). */
export const faultsNeedingControl = (plan: ComparePlan): string | undefined => {
  const faulted = ENDPOINTS.filter((endpoint) => plan.faults[endpoint].kind !== 'none');
  if (faulted.length > 0) return `it sets faults on ${faulted.join(', ')}`;
  if (plan.schedule.some((change) => Object.values(change.faults).some((fault) => fault.kind !== 'none'))) return 'its schedule sets faults';
  return undefined;
};

const NOTHING_COUNTED: EndpointStats = { received: 0, ok: 0, faults: {} };

/**
 * Any server with the three endpoints, as a {@link ServerControl} that cannot control it: "no fault"
 * is accepted (it is what the server does anyway), any other fault is a bug of the caller (check the
 * plan with {@link faultsNeedingControl} first), and its stats are all zero: the report must mark the
 * server cross-check as unavailable. It cannot be seeded either: the runner pairs by repetition order.
 */
export const uncontrolledTarget = (url: string): ServerControl => ({
  url,
  setFault: async (endpoint: Endpoint, fault: FaultSpec) => {
    if (fault.kind !== 'none') throw new Error(`bug: fault on ${endpoint} for a target without a control API`);
  },
  clearFaults: async () => undefined,
  faults: async () => NO_FAULTS,
  stats: async () => Object.fromEntries(ENDPOINTS.map((e) => [e, NOTHING_COUNTED])) as ServerStats,
  beginLoad: async () => undefined,
  loadPlan: async () => ({ digest: '', pending: 0 }),
  close: async () => undefined,
});
