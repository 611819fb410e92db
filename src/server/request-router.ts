import type { IncomingMessage, ServerResponse } from 'node:http';
import { ENDPOINTS, endpointPath, type Endpoint } from '../domain/endpoints.js';
import type { ApiHandler } from './api-handler.js';
import { CONTROL_PREFIX, type ControlHandler } from './control-handler.js';
import { sendError } from './send-json.js';

const apiRoutes = new Map<string, Endpoint>(ENDPOINTS.map((e) => [endpointPath(e), e]));

/**
 * Routes a request: `/api/ENDPOINT` to the API (GET only, 405 otherwise), `/__control/…` to the
 * control API, anything else to a 404 JSON error. The query string is ignored.
 */
export const createRouter =
  (api: ApiHandler, control: ControlHandler) =>
  (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    const endpoint = apiRoutes.get(path);
    if (endpoint !== undefined) {
      if (req.method === 'GET') api(endpoint, req, res);
      else sendError(res, 405, `method ${req.method} not allowed on ${path}; use GET`, { allow: 'GET' });
    } else if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
      void control(path, req, res);
    } else {
      sendError(res, 404, `no route for ${path}`);
    }
  };
