import axios from 'axios';
import http from 'node:http';
import https from 'node:https';
import { endpointPath } from '../domain/endpoints.js';
import type { Transport } from '../domain/transport.js';
import { callSignal } from './call-signal.js';
import { classifyTransportError } from './classify-error.js';
import { parsePayload } from './parse-payload.js';

/** Options of {@link createHttpTransport}. */
export interface HttpTransportOptions {
  /** Server base URL, e.g. `http://127.0.0.1:3000` (the API lives under `/api/`). */
  readonly baseUrl: string;
  /** Sockets per host, also the idle sockets kept alive (default 100). */
  readonly maxSockets?: number;
  /** Largest body accepted; a bigger one fails as `too-large` (default 1 MB). */
  readonly maxBodyBytes?: number;
  /** Accept any HTTPS certificate (self-signed, expired, another host's): `--insecure`. */
  readonly insecure?: boolean;
}

/** A {@link Transport} that owns sockets: `close()` destroys its keep-alive pool. */
export type HttpTransport = Transport & { close(): void };

/**
 * The HTTP transport every model shares: one axios instance over a bounded keep-alive pool.
 *
 * Each call gets a TOTAL deadline (connect + headers + body), joined with the caller's signal in one
 * {@link callSignal} released when the call settles; axios destroys the socket when either fires.
 * (axios's own `timeout` is an idle timer that never fires while a body keeps dribbling in.) The body is read
 * as text and parsed strictly, then checked against the endpoint's shape. `get` resolves with
 * validated data or rejects with a classified `TransportError`, nothing else.
 *
 * @example
 * const transport = createHttpTransport({ baseUrl: server.url });
 * const { items } = await transport.get({ endpoint: 'perfil', requestId: 0, deadlineMs: 500 });
 * transport.close();
 */
export const createHttpTransport = ({ baseUrl, maxSockets = 100, maxBodyBytes = 1_000_000, insecure = false }: HttpTransportOptions): HttpTransport => {
  // Bounded pool: unbounded agents reopen thousands of connections per burst and fill TIME_WAIT.
  const agentOptions = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent({ ...agentOptions, rejectUnauthorized: !insecure });
  const client = axios.create({
    baseURL: baseUrl,
    httpAgent,
    httpsAgent,
    proxy: false,
    maxRedirects: 0,
    responseType: 'text',
    maxContentLength: maxBodyBytes,
    maxBodyLength: maxBodyBytes,
    validateStatus: (status) => status >= 200 && status < 300,
  });
  return {
    async get({ endpoint, deadlineMs, signal: callerSignal }) {
      const call = callSignal(deadlineMs, callerSignal);
      try {
        const response = await client.get<string>(endpointPath(endpoint), { signal: call.signal });
        return parsePayload(endpoint, response.status, response.data);
      } catch (error) {
        throw classifyTransportError(error, { deadlineMs, deadlineExpired: call.deadlineExpired(), canceled: call.canceled() });
      } finally {
        call.dispose();
      }
    },
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
};
