import type { Transport, TransportKind } from '../domain/transport.js';

/** Plain options every transport is built from (plain data, so a worker thread can build one too). */
export interface HttpTransportOptions {
  /** Server base URL, e.g. `http://127.0.0.1:3000` (the API lives under `/api/`). */
  readonly baseUrl: string;
  /** Sockets per host, also the idle sockets kept alive (default 100). */
  readonly maxSockets?: number;
  /** Largest body accepted, before and after decoding; a bigger one fails as `too-large` (default 1 MB). */
  readonly maxBodyBytes?: number;
  /** Accept any HTTPS certificate (self-signed, expired, another host's): `--insecure`. */
  readonly insecure?: boolean;
}

/** {@link HttpTransportOptions} plus which HTTP client to build on (default `axios`). */
export interface TransportOptions extends HttpTransportOptions {
  readonly kind?: TransportKind;
}

/** A {@link Transport} that owns sockets: `close()` destroys its keep-alive pool. */
export type HttpTransport = Transport & { close(): void };

/** Default of {@link HttpTransportOptions.maxSockets}. */
export const DEFAULT_MAX_SOCKETS = 100;

/** Default of {@link HttpTransportOptions.maxBodyBytes}. */
export const DEFAULT_MAX_BODY_BYTES = 1_000_000;
