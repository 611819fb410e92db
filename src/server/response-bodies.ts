import type { OutgoingHttpHeaders } from 'node:http';
import { ENDPOINTS, type Endpoint } from '../domain/endpoints.js';
import { CATALOG } from './catalog.js';

/** A body with its headers, built once so the hot path only writes what is ready. */
export interface PreparedBody {
  readonly bytes: Buffer;
  readonly headers: OutgoingHttpHeaders;
}

/** One endpoint's prepared answers. */
export interface EndpointBodies {
  /** The payload as JSON. */
  readonly json: PreparedBody;
  /** The first half of the JSON: a 200 body that is not valid JSON (the `malformed` fault). */
  readonly malformed: PreparedBody;
}

/** Prepares bytes as an `application/json` body. */
export const prepareBody = (bytes: Buffer): PreparedBody => ({
  bytes,
  headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length },
});

/** Prepares a value as a JSON body, e.g. an error `{ error: '…' }`. */
export const prepareJson = (value: unknown): PreparedBody => prepareBody(Buffer.from(JSON.stringify(value), 'utf8'));

/** Prepares every endpoint's catalogue payload, e.g. `prepareEndpointBodies().perfil.json.bytes`. */
export const prepareEndpointBodies = (): Readonly<Record<Endpoint, EndpointBodies>> => {
  const entry = (endpoint: Endpoint): [Endpoint, EndpointBodies] => {
    const json = prepareJson(CATALOG[endpoint]);
    return [endpoint, { json, malformed: prepareBody(json.bytes.subarray(0, Math.floor(json.bytes.length / 2))) }];
  };
  return Object.fromEntries(ENDPOINTS.map(entry)) as Record<Endpoint, EndpointBodies>;
};
