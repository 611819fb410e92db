import axios from 'axios';
import http from 'node:http';
import https from 'node:https';
import { endpointPath } from '../domain/endpoints.js';
import { callSignal } from './call-signal.js';
import { classifyTransportError } from './classify-error.js';
import { httpStatusFailure } from './http-status.js';
import { parsePayload } from './parse-payload.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_SOCKETS, type HttpTransport, type HttpTransportOptions } from './transport-options.js';

export type { HttpTransport, HttpTransportOptions } from './transport-options.js';

/** The TCP keep-alive delay axios sets on the socket of every request (`socket.setKeepAlive(true, 60 s)` in its http adapter). */
const AXIOS_TCP_KEEP_ALIVE_MS = 60_000;

/** The status of the answer axios attached to its error, if the headers had arrived (axios attaches it to body errors too). */
const answeredStatus = (error: unknown): number | undefined => (error as { response?: { status?: number } } | null)?.response?.status;

/**
 * The axios transport: one axios instance over a bounded keep-alive pool.
 *
 * Each call gets a TOTAL deadline (connect + headers + body), joined with the caller's signal in one
 * {@link callSignal} released when the call settles; axios destroys the socket when either fires.
 * (axios's own `timeout` is an idle timer that never fires while a body keeps dribbling in.) axios
 * accepts every status; a non-2xx becomes an `http` failure here, so an error axios raises with an
 * answer attached is a failure while reading the body. The body is read as text and parsed strictly,
 * then checked against the endpoint's shape. `get` resolves with validated data or rejects with a
 * classified `TransportError`, nothing else.
 *
 * @example
 * const transport = createHttpTransport({ baseUrl: server.url });
 * const { items } = await transport.get({ endpoint: 'perfil', requestId: 0, deadlineMs: 500 });
 * transport.close();
 */
export const createHttpTransport = ({ baseUrl, maxSockets = DEFAULT_MAX_SOCKETS, maxBodyBytes = DEFAULT_MAX_BODY_BYTES, insecure = false }: HttpTransportOptions): HttpTransport => {
  // Bounded pool: unbounded agents reopen thousands of connections per burst and fill TIME_WAIT.
  // keepAliveMsecs is axios's own: axios sets TCP keep-alive to 60 s on every request's socket and
  // the agent resets it to its own value each time the socket is freed; with the two values apart,
  // Node's cache of the setting never hits and every request set it twice through setsockopt. 60 s is
  // also undici's default (`keepAliveInitialDelay`): an idle pooled socket is probed after a minute.
  const agentOptions = { keepAlive: true, keepAliveMsecs: AXIOS_TCP_KEEP_ALIVE_MS, maxSockets, maxFreeSockets: maxSockets };
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
    validateStatus: () => true,
  });
  return {
    async get({ endpoint, deadlineMs, signal: callerSignal }) {
      const call = callSignal(deadlineMs, callerSignal);
      try {
        const response = await client.get<string>(endpointPath(endpoint), { signal: call.signal });
        const failure = httpStatusFailure(response.status);
        if (failure) throw failure;
        return parsePayload(endpoint, response.status, response.data);
      } catch (error) {
        throw classifyTransportError(error, { deadlineMs, deadlineExpired: call.deadlineExpired(), canceled: call.canceled(), status: answeredStatus(error) });
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
