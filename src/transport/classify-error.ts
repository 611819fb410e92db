import { TransportError } from '../domain/transport.js';

/** What the transport knew when the call failed: which of the two abort signals fired, the deadline, and how far the answer got. */
export interface ClassifyContext {
  /** The attempt's total deadline, for the message. */
  readonly deadlineMs: number;
  /** Our deadline (connect + headers + body) expired. */
  readonly deadlineExpired: boolean;
  /** The caller's signal aborted the call. */
  readonly canceled: boolean;
  /** The answer's status, once its status line and headers had arrived: then the failure happened while reading the body. */
  readonly status?: number;
}

/** A connection dropped: by a reset (node:http, axios) or a close (undici's `other side closed`). */
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
/** A body over the cap: axios (follow-redirects), undici's `maxResponseSize`, zlib's `maxOutputLength`. */
const TOO_LARGE_CODES = new Set(['ERR_FR_MAX_BODY_LENGTH_EXCEEDED', 'UND_ERR_RES_EXCEEDED_MAX_SIZE', 'ERR_BUFFER_TOO_LARGE']);
/** A body that its content encoding cannot decode (zlib and brotli errors). */
const isDecodingCode = (code: string): boolean => code.startsWith('Z_') || code.startsWith('ERR__ERROR_FORMAT') || code.startsWith('ERR_BROTLI') || code.startsWith('ERR_ZLIB');

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

/** An aborted call: axios's cancellation (its documented code `ERR_CANCELED`) or a DOM `AbortError` (undici). No axios import, so a worker on undici never loads axios. */
const isAbort = (error: unknown): boolean => error instanceof Error && (error.name === 'AbortError' || (error as { code?: unknown }).code === 'ERR_CANCELED');

/**
 * The one place transport failures are classified, for every transport (axios and undici). A
 * {@link TransportError} (an HTTP status, a malformed body) passes through; anything else becomes one,
 * by precedence: the caller's cancel, our deadline, a too-large body, a body its content encoding
 * cannot decode (`malformed`), an answer that is not HTTP (`protocol`), an abort neither signal
 * caused (`canceled`), a connection dropped after the headers (`truncated`) or before them
 * (`reset`), a refused connection, and `network` for whatever remains.
 *
 * @example classifyTransportError(econnresetAfterHeaders, { ...context, status: 200 }) // TransportError('truncated', 'body cut short (ECONNRESET)')
 */
export const classifyTransportError = (error: unknown, context: ClassifyContext): TransportError => {
  if (error instanceof TransportError) return error;
  if (context.canceled) return new TransportError('canceled', 'canceled by the caller');
  if (context.deadlineExpired) return new TransportError('timeout', `timeout after ${context.deadlineMs} ms`);
  const message = messageOf(error);
  const codes = errorCodes(error);
  if (/maxContentLength|maxBodyLength/.test(message) || codes.some((code) => TOO_LARGE_CODES.has(code))) {
    return new TransportError('too-large', `body too large: ${message}`);
  }
  if (codes.some(isDecodingCode)) return new TransportError('malformed', `invalid content encoding: ${message}`, context.status);
  // Node's HTTP parser (llhttp, in node:http and in undici) names every way an answer is not HTTP with an HPE_ code.
  const parseError = codes.find((code) => code.startsWith('HPE_'));
  if (parseError !== undefined) return new TransportError('protocol', `not a valid HTTP answer (${parseError})`);
  // An abort we did not cause (neither signal fired) is still a cancel, never a silent success.
  if (isAbort(error)) return new TransportError('canceled', message);
  const dropped = codes.some((code) => RESET_CODES.has(code)) || /socket hang up|stream has been aborted|aborted|other side closed/i.test(message);
  if (dropped && context.status !== undefined) return new TransportError('truncated', `body cut short (${codes[0] ?? message})`, context.status);
  if (dropped) return new TransportError('reset', `connection reset (${codes[0] ?? message})`);
  if (codes.includes('ECONNREFUSED')) return new TransportError('refused', 'connection refused');
  return new TransportError('network', `network error: ${codes[0] ?? message}`);
};
