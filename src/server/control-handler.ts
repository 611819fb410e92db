import type { IncomingMessage, ServerResponse } from 'node:http';
import { ENDPOINTS, isEndpoint } from '../domain/endpoints.js';
import { parseFaultSpec } from '../domain/fault-spec.js';
import type { FaultBook } from './fault-book.js';
import { isJsonContentType, refuseControlRequest, STRICT_CONTROL_POLICY, type ControlPolicy } from './control-guard.js';
import type { LoadPlan } from './load-plan.js';
import { readBody } from './read-body.js';
import { sendError, sendJson } from './send-json.js';
import type { ServerCounters } from './server-counters.js';

/** Where the control API lives. */
export const CONTROL_PREFIX = '/__control';

/** Largest fault spec the control API reads. */
export const CONTROL_BODY_LIMIT = 16 * 1024;

/** What the control API reads and updates. */
export interface ControlContext {
  readonly book: FaultBook;
  readonly counters: ServerCounters;
  readonly loadPlan: LoadPlan;
  /** Which hosts and browser origins it answers besides loopback; strict by default. */
  readonly policy?: ControlPolicy;
}

/** Answers one request under {@link CONTROL_PREFIX}; `path` has no query string. */
export type ControlHandler = (path: string, req: IncomingMessage, res: ServerResponse) => Promise<void>;

const methodNotAllowed = (res: ServerResponse, allow: string): void => sendError(res, 405, `method not allowed; use ${allow}`, { allow });

/** Answers 415 unless a write says its body is JSON: a page cannot send that type cross-site without a preflight. */
const refuseNonJson = (req: IncomingMessage, res: ServerResponse): boolean => {
  if (isJsonContentType(req.headers['content-type'])) return false;
  sendError(res, 415, 'writes to the control API need Content-Type: application/json');
  req.resume();
  return true;
};

/**
 * Creates the control API, for loopback peers addressing a loopback host, without a browser origin
 * (403 or 421 otherwise, see {@link refuseControlRequest}); writes need a JSON content type (415):
 * `GET /__control/faults` → each endpoint's fault; `PUT /__control/faults/ENDPOINT` with a fault spec →
 * the new faults (400 naming the bad field, 404 for an unknown endpoint, 413 over 16 KiB);
 * `DELETE /__control/faults` → all cleared; `GET /__control/stats` → the server's stats;
 * `PUT /__control/load` with `{ "seed": N }` → a load begins: every random decision from here on comes
 * from a stream seeded by N, keyed by endpoint and that endpoint's request index within the load;
 * `GET /__control/load` → the load's seed, requests per endpoint and plan digest.
 */
export const createControlHandler = ({ book, counters, loadPlan, policy = STRICT_CONTROL_POLICY }: ControlContext): ControlHandler => {
  const putFault = async (name: string, req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!isEndpoint(name)) return sendError(res, 404, `unknown endpoint "${name}" (expected ${ENDPOINTS.join(', ')})`);
    if (req.method !== 'PUT') return methodNotAllowed(res, 'PUT');
    if (refuseNonJson(req, res)) return;
    const body = await readBody(req, CONTROL_BODY_LIMIT);
    if (!body.ok) return sendError(res, 413, `fault spec larger than ${CONTROL_BODY_LIMIT} bytes`);
    let value: unknown;
    try {
      value = JSON.parse(body.text);
    } catch (error) {
      return sendError(res, 400, `invalid JSON: ${(error as Error).message}`);
    }
    const parsed = parseFaultSpec(value);
    if (!parsed.ok) return sendError(res, 400, `invalid fault spec: ${parsed.error}`);
    book.set(name, parsed.value);
    sendJson(res, 200, book.all);
  };

  const putLoad = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req, CONTROL_BODY_LIMIT);
    if (!body.ok) return sendError(res, 413, `load request larger than ${CONTROL_BODY_LIMIT} bytes`);
    let value: unknown;
    try {
      value = JSON.parse(body.text);
    } catch (error) {
      return sendError(res, 400, `invalid JSON: ${(error as Error).message}`);
    }
    const seed = typeof value === 'object' && value !== null ? (value as { seed?: unknown }).seed : undefined;
    if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) return sendError(res, 400, 'invalid load: expected { "seed": a whole number }');
    loadPlan.begin(seed);
    sendJson(res, 200, loadPlan.summary());
  };

  return async (path, req, res) => {
    const refusal = refuseControlRequest(req.socket.remoteAddress, req.headers, policy);
    if (refusal !== undefined) return sendError(res, refusal.status, refusal.message);
    const route = path.slice(CONTROL_PREFIX.length);
    if (route === '/faults') {
      if (req.method === 'GET') return sendJson(res, 200, book.all);
      if (req.method !== 'DELETE') return methodNotAllowed(res, 'GET, DELETE');
      if (refuseNonJson(req, res)) return;
      book.clear();
      return sendJson(res, 200, book.all);
    }
    if (route.startsWith('/faults/')) return putFault(route.slice('/faults/'.length), req, res);
    if (route === '/load') {
      if (req.method === 'GET') return sendJson(res, 200, loadPlan.summary());
      return req.method === 'PUT' ? putLoad(req, res) : methodNotAllowed(res, 'GET, PUT');
    }
    if (route === '/stats') return req.method === 'GET' ? sendJson(res, 200, counters.snapshot()) : methodNotAllowed(res, 'GET');
    sendError(res, 404, `no control route ${path}`);
  };
};
