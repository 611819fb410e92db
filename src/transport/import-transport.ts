import type { HttpTransport, TransportOptions } from './transport-options.js';

/**
 * The transport of `kind` (default `axios`), as `createTransport` builds it, importing only the client
 * of that kind. A worker thread uses it: each thread loads its own copy of the client, and loading the
 * one it needs (not both) is a good part of a thread's start-up.
 */
export const importTransport = async ({ kind = 'axios', ...options }: TransportOptions): Promise<HttpTransport> =>
  kind === 'undici' ? (await import('./undici-transport.js')).createUndiciTransport(options) : (await import('./http-transport.js')).createHttpTransport(options);
