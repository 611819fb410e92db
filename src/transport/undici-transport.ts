import { Agent } from 'undici';
import { endpointPath } from '../domain/endpoints.js';
import { AbortEmitter } from './abort-emitter.js';
import { callSignal } from './call-signal.js';
import { classifyTransportError } from './classify-error.js';
import { decodeBody } from './decode-body.js';
import { httpStatusFailure } from './http-status.js';
import { parsePayload } from './parse-payload.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_SOCKETS, type HttpTransport, type HttpTransportOptions } from './transport-options.js';

const REQUEST_HEADERS = { accept: 'application/json', 'accept-encoding': 'gzip, deflate, br' };

/**
 * The undici transport: one undici `Agent` (a bounded keep-alive pool of `maxSockets` connections per
 * origin, no pipelining) and its low-level `request`, which costs far less CPU per call than axios over
 * node:http. Everything else is the axios transport's: the same TOTAL deadline over connect, headers
 * and body (one {@link callSignal}, which aborts the body stream too; its signal is an {@link AbortEmitter},
 * which undici accepts and which costs far less per call than an `AbortSignal`), the same body cap (undici's
 * `maxResponseSize` on the wire, zlib's `maxOutputLength` once decoded), the same status check, JSON
 * validation and classification. `get` resolves with validated data or rejects with a classified
 * `TransportError`, nothing else.
 *
 * @example
 * const transport = createUndiciTransport({ baseUrl: server.url });
 * const { items } = await transport.get({ endpoint: 'perfil', requestId: 0, deadlineMs: 500 });
 * transport.close();
 */
export const createUndiciTransport = ({ baseUrl, maxSockets = DEFAULT_MAX_SOCKETS, maxBodyBytes = DEFAULT_MAX_BODY_BYTES, insecure = false }: HttpTransportOptions): HttpTransport => {
  const agent = new Agent({ connections: maxSockets, pipelining: 1, maxResponseSize: maxBodyBytes, connect: { rejectUnauthorized: !insecure } });
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/$/, '');
  return {
    async get({ endpoint, deadlineMs, signal: callerSignal }) {
      const call = callSignal(deadlineMs, callerSignal, new AbortEmitter());
      let status: number | undefined;
      try {
        const response = await agent.request({ origin: base.origin, path: `${prefix}${endpointPath(endpoint)}`, method: 'GET', headers: REQUEST_HEADERS, signal: call.signal });
        status = response.statusCode;
        const failure = httpStatusFailure(status);
        if (failure) {
          await response.body.dump();
          throw failure;
        }
        const encoding = response.headers['content-encoding'];
        const text =
          encoding === undefined
            ? await response.body.text()
            : (await decodeBody(Buffer.from(await response.body.arrayBuffer()), String(encoding), maxBodyBytes)).toString('utf8');
        return parsePayload(endpoint, status, text);
      } catch (error) {
        throw classifyTransportError(error, { deadlineMs, deadlineExpired: call.deadlineExpired(), canceled: call.canceled(), status });
      } finally {
        call.dispose();
      }
    },
    close() {
      void agent.destroy();
    },
  };
};
