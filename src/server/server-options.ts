import type { Endpoint } from '../domain/endpoints.js';
import type { FaultSpec } from '../domain/fault-spec.js';
import type { LatencySpec } from '../domain/server-control.js';

/** How to start the mock EcoMarket server. */
export interface ServerOptions {
  /** Interface to listen on; anything but loopback requires `allowRemote`. */
  readonly host: string;
  /** TCP port; 0 picks a free one. */
  readonly port: number;
  /** Seed of latency jitter and fault probabilities: the same seed and request order give the same answers. */
  readonly seed: number;
  /** Base latency per endpoint, overriding {@link DEFAULT_LATENCY} for the endpoints given. */
  readonly latency: Partial<Record<Endpoint, LatencySpec>>;
  /** Faults active from the start. */
  readonly faults: Partial<Record<Endpoint, FaultSpec>>;
  /** Allows a non-loopback `host`; the control API then also answers requests whose `Host` names it. */
  readonly allowRemote: boolean;
  /** Browser origins (e.g. `http://localhost:5173`) whose pages may call the control API; none by default. */
  readonly allowOrigins: readonly string[];
}

/** Base latencies that differ per endpoint, so concurrency is visible: productos 120±30, categorias 60±20, perfil 90±25 ms. */
export const DEFAULT_LATENCY: Readonly<Record<Endpoint, LatencySpec>> = {
  productos: { ms: 120, jitterMs: 30 },
  categorias: { ms: 60, jitterMs: 20 },
  perfil: { ms: 90, jitterMs: 25 },
};

/** Defaults: 127.0.0.1:3000, seed 1, {@link DEFAULT_LATENCY}, no faults, loopback only, no browser origin. */
export const DEFAULT_SERVER_OPTIONS: ServerOptions = {
  host: '127.0.0.1',
  port: 3000,
  seed: 1,
  latency: {},
  faults: {},
  allowRemote: false,
  allowOrigins: [],
};

/** The same base latency for every endpoint, e.g. `uniformLatency({ ms: 0, jitterMs: 0 })` for benchmarks. */
export const uniformLatency = (spec: LatencySpec): Record<Endpoint, LatencySpec> => ({ productos: spec, categorias: spec, perfil: spec });
