import { describeZodError } from '../domain/fault-spec.js';
import type { Endpoint } from '../domain/endpoints.js';
import { countItems, payloadSchemas } from '../domain/payloads.js';
import { TransportError, type TransportResponse } from '../domain/transport.js';

/**
 * Turns a 2xx body into a {@link TransportResponse}: strict `JSON.parse`, then the endpoint's zod
 * shape. Invalid JSON or a wrong shape throws a `malformed` {@link TransportError}: a string is
 * never passed off as data.
 */
export const parsePayload = (endpoint: Endpoint, status: number, body: string): TransportResponse => {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new TransportError('malformed', `invalid JSON: ${(error as Error).message}`, status);
  }
  const parsed = payloadSchemas[endpoint].safeParse(json);
  if (!parsed.success) throw new TransportError('malformed', `unexpected shape: ${describeZodError(parsed.error)}`, status);
  return { status, data: parsed.data, items: countItems(parsed.data) };
};
