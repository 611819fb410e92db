import type { Endpoint } from '../domain/endpoints.js';
import { NO_FAULTS, type FaultMap, type FaultSpec } from '../domain/fault-spec.js';

/**
 * The stateful half of fault injection: each endpoint's live fault and what remains of its `times`.
 * `times` counts hits: a request that a fault's `probability` spares does not use one up. The live
 * spec shows the hits left (`times: 3` reads `times: 2` after one hit) and becomes `none` after the last.
 */
export class FaultBook {
  #faults: Record<Endpoint, FaultSpec>;

  constructor(initial: Partial<FaultMap> = {}) {
    this.#faults = { ...NO_FAULTS, ...initial };
  }

  /** Every endpoint's live fault. */
  get all(): FaultMap {
    return { ...this.#faults };
  }

  /** One endpoint's live fault. */
  get(endpoint: Endpoint): FaultSpec {
    return this.#faults[endpoint];
  }

  /** Replaces an endpoint's fault. */
  set(endpoint: Endpoint, fault: FaultSpec): void {
    this.#faults[endpoint] = fault;
  }

  /** Clears every endpoint's fault. */
  clear(): void {
    this.#faults = { ...NO_FAULTS };
  }

  /** Records that the endpoint's fault hit a request: uses up one of its `times`, if it has any. */
  hit(endpoint: Endpoint): void {
    const fault = this.#faults[endpoint];
    if (fault.kind === 'none' || fault.times === undefined) return;
    this.#faults[endpoint] = fault.times > 1 ? { ...fault, times: fault.times - 1 } : { kind: 'none' };
  }
}
