import { ENDPOINTS, type Endpoint } from '../domain/endpoints.js';
import { parseFaultSpec, type FaultMap, type FaultSpec } from '../domain/fault-spec.js';
import type { ServerControl, ServerStats } from '../domain/server-control.js';
import { CONTROL_PREFIX } from './control-handler.js';
import { CONTROL_CALL_LIMITS, requestJson, type JsonCallLimits, type JsonReply } from './http-json.js';

/** The control API failed or answered wrongly: names the call and the status, the server's message or the network error. */
export class ControlApiError extends Error {
  override readonly name = 'ControlApiError';
}

const errorText = (body: unknown): string =>
  typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string' ? (body as { error: string }).error : 'no error message';

/** Reads a body as a fault map, or undefined when any endpoint's fault is missing or invalid. */
const asFaultMap = (body: unknown): FaultMap | undefined => {
  if (typeof body !== 'object' || body === null) return undefined;
  const map: Partial<Record<Endpoint, FaultSpec>> = {};
  for (const endpoint of ENDPOINTS) {
    const parsed = parseFaultSpec((body as Record<string, unknown>)[endpoint]);
    if (!parsed.ok) return undefined;
    map[endpoint] = parsed.value;
  }
  return map as FaultMap;
};

/**
 * A {@link ServerControl} over the HTTP control API of any server that has one (the mock server in this
 * or another process, or a `--target`). `close()` is a no-op: it does not own the server. Every call is
 * bounded by `limits` (a total deadline and a body cap) and fails with a {@link ControlApiError}.
 *
 * @example await connectServer('http://127.0.0.1:3000').setFault('categorias', { kind: 'timeout' });
 */
export const connectServer = (url: string, limits: JsonCallLimits = CONTROL_CALL_LIMITS): ServerControl => {
  const base = url.replace(/\/$/, '');
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    let reply: JsonReply;
    try {
      reply = await requestJson(method, `${base}${CONTROL_PREFIX}${path}`, body, limits);
    } catch (error) {
      throw new ControlApiError(`${method} ${CONTROL_PREFIX}${path} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (reply.status !== 200) throw new ControlApiError(`${method} ${CONTROL_PREFIX}${path} answered ${reply.status}: ${errorText(reply.body)}`);
    return reply.body;
  };
  const faults = async (method: string, path: string, body?: unknown): Promise<FaultMap> => {
    const map = asFaultMap(await call(method, path, body));
    if (!map) throw new ControlApiError(`${method} ${CONTROL_PREFIX}${path} answered something that is not a fault map`);
    return map;
  };
  return {
    url: base,
    setFault: async (endpoint: Endpoint, fault: FaultSpec) => void (await faults('PUT', `/faults/${endpoint}`, fault)),
    clearFaults: async () => void (await faults('DELETE', '/faults')),
    faults: () => faults('GET', '/faults'),
    stats: async () => (await call('GET', '/stats')) as ServerStats,
    beginLoad: async (seed: number) => void (await call('PUT', '/load', { seed })),
    loadPlan: async () => {
      const body = (await call('GET', '/load')) as { digest?: unknown; pending?: unknown } | null;
      const digest = body?.digest;
      const pending = body?.pending;
      if (typeof digest !== 'string' || typeof pending !== 'number') throw new ControlApiError(`GET ${CONTROL_PREFIX}/load answered something that is not a load plan`);
      return { digest, pending };
    },
    close: async () => undefined,
  };
};

/** True when `url`'s control API can begin seeded loads (`GET /__control/load` answers a digest), so runs can be paired on the server's plan. */
export const probeLoadPlans = async (url: string, timeoutMs = 1000): Promise<boolean> => {
  try {
    const reply = await requestJson('GET', `${url.replace(/\/$/, '')}${CONTROL_PREFIX}/load`, undefined, { ...CONTROL_CALL_LIMITS, deadlineMs: timeoutMs });
    return reply.status === 200 && typeof (reply.body as { digest?: unknown } | null)?.digest === 'string';
  } catch {
    return false;
  }
};

/** True when `url` answers the control API (`GET /__control/faults` with a fault map) completely within `timeoutMs`. */
export const probeControlApi = async (url: string, timeoutMs = 1000): Promise<boolean> => {
  try {
    const reply = await requestJson('GET', `${url.replace(/\/$/, '')}${CONTROL_PREFIX}/faults`, undefined, { ...CONTROL_CALL_LIMITS, deadlineMs: timeoutMs });
    return reply.status === 200 && asFaultMap(reply.body) !== undefined;
  } catch {
    return false;
  }
};
