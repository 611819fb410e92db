import type { IncomingMessage, ServerResponse } from 'node:http';
import { ENDPOINTS, type Endpoint } from '../domain/endpoints.js';
import type { LatencySpec } from '../domain/server-control.js';
import type { FaultBook } from './fault-book.js';
import type { LoadPlan } from './load-plan.js';
import { requestRandom } from './request-random.js';
import type { EndpointBodies } from './response-bodies.js';
import { planResponse, type ResponsePlan } from './response-plan.js';
import { sendError } from './send-json.js';
import type { ServerCounters } from './server-counters.js';
import { dribble, padForDribble } from './slow-body.js';

/** What the API handler reads and updates. */
export interface ApiContext {
  /** The current load's random stream: every request's fate is drawn from it and recorded in its digest. */
  readonly loadPlan: LoadPlan;
  readonly latency: Readonly<Record<Endpoint, LatencySpec>>;
  readonly book: FaultBook;
  readonly counters: ServerCounters;
  readonly bodies: Readonly<Record<Endpoint, EndpointBodies>>;
}

/** Answers `GET /api/ENDPOINT` for one request. */
export type ApiHandler = (endpoint: Endpoint, req: IncomingMessage, res: ServerResponse) => void;

/**
 * Creates the handler of the EcoMarket API: counts the request, plans its fate (pure, seeded by the
 * current load's stream), lets the
 * fault book use up a `times`, then carries the plan out. A `timeout` request is never answered: it
 * hangs until the client gives up or the server closes, even if the fault is cleared meanwhile.
 */
export const createApiHandler = ({ loadPlan, latency, book, counters, bodies }: ApiContext): ApiHandler => {
  const countOk = Object.fromEntries(ENDPOINTS.map((e) => [e, () => counters.ok(e)])) as Record<Endpoint, () => void>;

  const answer = (plan: Exclude<ResponsePlan, { kind: 'timeout' }>, endpoint: Endpoint, req: IncomingMessage, res: ServerResponse): void => {
    const { json, malformed } = bodies[endpoint];
    switch (plan.kind) {
      case 'none':
      case 'latency':
        res.writeHead(200, json.headers).end(json.bytes, countOk[endpoint]);
        return;
      case 'error':
        sendError(res, plan.status, `injected fault: HTTP ${plan.status}`);
        return;
      case 'reset':
        req.socket.resetAndDestroy();
        return;
      case 'malformed':
        res.writeHead(200, malformed.headers).end(malformed.bytes);
        return;
      case 'slow-body':
        {
          const body = padForDribble(json.bytes, plan.bodyMs);
          res.writeHead(200, { ...json.headers, 'content-length': body.length }).flushHeaders();
          dribble(res, body, plan.bodyMs, countOk[endpoint]);
        }
        return;
    }
  };

  return (endpoint, req, res) => {
    counters.receive(endpoint);
    res.once('close', loadPlan.open());
    const plan = loadPlan.plan(endpoint, ({ seed, index }) => planResponse(book.get(endpoint), latency[endpoint], requestRandom({ seed, endpoint, index })));
    if (plan.kind !== 'none') {
      book.hit(endpoint);
      counters.fault(endpoint, plan.kind);
    }
    if (plan.kind === 'timeout') return;
    if (plan.delayMs === 0) return answer(plan, endpoint, req, res);
    const timer = setTimeout(answer, plan.delayMs, plan, endpoint, req, res);
    res.once('close', () => clearTimeout(timer));
  };
};
