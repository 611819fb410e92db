import { createHttpTransport } from './http-transport.js';
import type { HttpTransport, TransportOptions } from './transport-options.js';
import { createUndiciTransport } from './undici-transport.js';

export type { HttpTransport, TransportOptions } from './transport-options.js';

/**
 * The transport of `kind` (default `axios`), built from plain options: every command, benchmark and
 * test that lets the user choose goes through here.
 *
 * @example const transport = createTransport({ kind: 'undici', baseUrl: server.url, maxSockets: 256 });
 */
export const createTransport = ({ kind = 'axios', ...options }: TransportOptions): HttpTransport =>
  kind === 'undici' ? createUndiciTransport(options) : createHttpTransport(options);

