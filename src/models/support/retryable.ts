import type { FailureReason } from '../../domain/events.js';
import { isTransportError, type TransportError } from '../../domain/transport.js';

const TRANSIENT: ReadonlySet<FailureReason> = new Set(['timeout', 'reset', 'truncated', 'network', 'refused']);

/**
 * True when another attempt may succeed: a timeout, reset, truncated body, refused or network failure, or an HTTP
 * 5xx / 429. Not a malformed or too-large body, another 4xx, or a cancel: retrying those repeats the
 * same answer or overrides the caller.
 */
export const isRetryable = (error: unknown): error is TransportError => {
  if (!isTransportError(error)) return false;
  if (error.reason === 'http') return error.status !== undefined && (error.status >= 500 || error.status === 429);
  return TRANSIENT.has(error.reason);
};
