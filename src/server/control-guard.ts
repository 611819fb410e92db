import type { IncomingHttpHeaders } from 'node:http';
import { isLoopbackAddress, isLoopbackHost } from './loopback.js';

/** Who may use the control API besides loopback peers naming a loopback host. */
export interface ControlPolicy {
  /** Extra host names a request's `Host` may carry: the interface given with `--allow-remote`. */
  readonly hosts: readonly string[];
  /** Browser origins allowed to call it (`--allow-origin`), e.g. `http://localhost:5173`; none by default. */
  readonly origins: readonly string[];
}

/** Loopback only, no browser origin. */
export const STRICT_CONTROL_POLICY: ControlPolicy = { hosts: [], origins: [] };

/** Why a control request is refused: the HTTP status and the message. */
export interface Refusal {
  readonly status: number;
  readonly message: string;
}

/** The host name of a `Host` header without its port, e.g. `[::1]:3000` → `::1`; undefined when malformed. */
export const hostName = (header: string): string | undefined => {
  try {
    return new URL(`http://${header}`).hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  } catch {
    return undefined;
  }
};

/** A URL's origin (`scheme://host[:port]`), or undefined when `value` is not an http(s) URL. */
export const originOf = (value: string): string | undefined => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
};

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

/** True when a `Content-Type` header says JSON (`application/json`, any parameters). */
export const isJsonContentType = (value: string | undefined): boolean => value !== undefined && JSON_MEDIA_TYPE.test(value.trim());

/**
 * Decides whether the control API answers a request at all, against DNS rebinding and cross-site
 * pages: the peer must be loopback (403), the `Host` a loopback name or address or one of
 * `policy.hosts` (421: a rebound name reaches us with the attacker's host), and a browser `Origin`, if
 * any, one of `policy.origins` (403). Returns the refusal, or undefined to go on.
 */
export const refuseControlRequest = (peer: string | undefined, headers: IncomingHttpHeaders, policy: ControlPolicy): Refusal | undefined => {
  if (!isLoopbackAddress(peer)) return { status: 403, message: 'the control API only answers loopback clients' };
  const host = headers.host === undefined ? undefined : hostName(headers.host);
  if (host === undefined || !(isLoopbackHost(host) || policy.hosts.includes(host))) {
    return { status: 421, message: `the control API only answers requests addressed to a loopback host, not ${JSON.stringify(headers.host ?? '')}` };
  }
  const origin = headers.origin;
  if (origin !== undefined && !policy.origins.includes(originOf(origin) ?? '')) {
    return { status: 403, message: `browser origin ${JSON.stringify(origin)} is not allowed (start serve with --allow-origin ORIGIN to allow one)` };
  }
  return undefined;
};
