import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { prepareJson } from './response-bodies.js';

/** Answers with a JSON body, e.g. `sendJson(res, 404, { error: 'no route for /x' })`. */
export const sendJson = (res: ServerResponse, status: number, value: unknown, headers: OutgoingHttpHeaders = {}): void => {
  const body = prepareJson(value);
  res.writeHead(status, { ...body.headers, ...headers }).end(body.bytes);
};

/** Answers with `{ "error": message }`. */
export const sendError = (res: ServerResponse, status: number, message: string, headers: OutgoingHttpHeaders = {}): void =>
  sendJson(res, status, { error: message }, headers);
