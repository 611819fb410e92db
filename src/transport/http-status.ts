import { STATUS_CODES } from 'node:http';
import { TransportError } from '../domain/transport.js';

/**
 * The `http` failure of an answer whose status is not 2xx, or undefined for a 2xx. Both transports
 * call it, so the same status reads the same, e.g. `HTTP 503 Service Unavailable`.
 */
export const httpStatusFailure = (status: number): TransportError | undefined => {
  if (status >= 200 && status < 300) return undefined;
  const text = STATUS_CODES[status];
  return new TransportError('http', `HTTP ${status}${text ? ` ${text}` : ''}`, status);
};
