import { isAxiosError, isCancel } from 'axios';
import { TransportError } from '../domain/transport.js';

/** What the transport knew when the call failed: which of the two abort signals fired, and the deadline. */
export interface ClassifyContext {
  /** The attempt's total deadline, for the message. */
  readonly deadlineMs: number;
  /** Our deadline (connect + headers + body) expired. */
  readonly deadlineExpired: boolean;
  /** The caller's signal aborted the call. */
  readonly canceled: boolean;
}

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

/**
 * Every error code carried by `error`, its `cause` chain and, for an `AggregateError` (Node 20's
 * happy-eyeballs connect, whose own message is empty), its `.errors`.
 */
const errorCodes = (error: unknown, depth = 0): string[] => {
  if (typeof error !== 'object' || error === null || depth > 4) return [];
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  const inner = Array.isArray(errors) ? errors.flatMap((e) => errorCodes(e, depth + 1)) : [];
  return [...(typeof code === 'string' ? [code] : []), ...errorCodes(cause, depth + 1), ...inner];
};

const messageOf = (error: unknown): string => (error instanceof Error && error.message ? error.message : String(error));

/**
 * The one place transport failures are classified. A {@link TransportError} passes through; anything
 * else becomes one, by precedence: the caller's cancel, our deadline, an HTTP status, a too-large body,
 * an answer that is not HTTP (`protocol`), a reset, a refused connection, and `network` for whatever remains.
 *
 * @example classifyTransportError(axiosErrorWithStatus503, context) // TransportError('http', 'HTTP 503 Service Unavailable', 503)
 */
export const classifyTransportError = (error: unknown, context: ClassifyContext): TransportError => {
  if (error instanceof TransportError) return error;
  if (context.canceled) return new TransportError('canceled', 'canceled by the caller');
  if (context.deadlineExpired) return new TransportError('timeout', `timeout after ${context.deadlineMs} ms`);
  if (isAxiosError(error) && error.response) {
    const { status, statusText } = error.response;
    return new TransportError('http', `HTTP ${status}${statusText ? ` ${statusText}` : ''}`, status);
  }
  const message = messageOf(error);
  if (/maxContentLength|maxBodyLength/.test(message) || errorCodes(error).includes('ERR_FR_MAX_BODY_LENGTH_EXCEEDED')) {
    return new TransportError('too-large', `body too large: ${message}`);
  }
  const codes = errorCodes(error);
  // Node's HTTP parser (llhttp) names every way an answer is not HTTP with an HPE_ code.
  const parseError = codes.find((code) => code.startsWith('HPE_'));
  if (parseError !== undefined) return new TransportError('protocol', `not a valid HTTP answer (${parseError})`);
  if (codes.some((code) => RESET_CODES.has(code)) || /socket hang up|stream has been aborted|aborted/i.test(message)) {
    return new TransportError('reset', `connection reset (${codes[0] ?? message})`);
  }
  if (codes.includes('ECONNREFUSED')) return new TransportError('refused', 'connection refused');
  // An abort we did not cause (neither signal fired) is still a cancel, never a silent success.
  if (isCancel(error)) return new TransportError('canceled', message);
  return new TransportError('network', `network error: ${codes[0] ?? message}`);
};
