import { ENDPOINTS, type Endpoint } from '../domain/endpoints.js';
import type { ResponsePlan } from './response-plan.js';

/** What the server planned for the requests of the current load. */
export interface LoadPlanSummary {
  /** The seed of the load's random stream (the server's own seed until a load begins). */
  readonly seed: number;
  /** Requests planned per endpoint since the load began. */
  readonly requests: Readonly<Record<Endpoint, number>>;
  /**
   * 8 hex digits summing a hash of every planned fate with its endpoint and index: equal for two loads
   * that planned the same fates for the same requests, whatever order they arrived in.
   */
  readonly digest: string;
  /** Requests received (in this load or before) whose response has not yet finished or closed. */
  readonly pending: number;
}

/** The key a request's random numbers are drawn from. */
export interface PlanKey {
  readonly seed: number;
  readonly index: number;
}

/** One request's fate as text: its kind and delay (and status or body time), e.g. `error:503@20`. */
const describePlan = (plan: ResponsePlan): string => {
  if (plan.kind === 'timeout') return 'timeout';
  if (plan.kind === 'error') return `error:${plan.status}@${plan.delayMs}`;
  if (plan.kind === 'slow-body') return `slow-body:${plan.bodyMs}@${plan.delayMs}`;
  return `${plan.kind}@${plan.delayMs}`;
};

/** FNV-1a, 32-bit, unsigned. */
const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
};

/**
 * The random stream of the current load. Every request draws from (seed, endpoint, index), where index
 * counts that endpoint's requests since {@link LoadPlan.begin}: beginning a load with the same seed replays
 * the same fates in the same per-endpoint order, whatever model sends the requests and however they
 * interleave. Before any load begins, the server's own seed applies and the index counts from its start.
 * Memory stays constant: only counts and a running digest are kept.
 */
export class LoadPlan {
  #seed: number;
  #counts = Object.fromEntries(ENDPOINTS.map((e) => [e, 0])) as Record<Endpoint, number>;
  #digest = 0;
  #pending = 0;

  constructor(seed: number) {
    this.#seed = seed;
  }

  /** Starts a load: a fresh stream seeded by `seed`, every endpoint's index back at 0, an empty digest. */
  begin(seed: number): void {
    this.#seed = seed;
    for (const endpoint of ENDPOINTS) this.#counts[endpoint] = 0;
    this.#digest = 0;
  }

  /** Plans the endpoint's next request with `decide` (given the load's seed and the request's index) and records the fate. */
  plan(endpoint: Endpoint, decide: (key: PlanKey) => ResponsePlan): ResponsePlan {
    const index = this.#counts[endpoint]++;
    const plan = decide({ seed: this.#seed, index });
    this.#digest = (this.#digest + fnv1a(`${endpoint}#${index}=${describePlan(plan)}`)) >>> 0;
    return plan;
  }

  /** Counts a request as open until `done` is called (its response finished or its connection closed). */
  open(): () => void {
    this.#pending += 1;
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      this.#pending -= 1;
    };
  }

  /** The current load's seed, request counts, digest and open requests. */
  summary(): LoadPlanSummary {
    return { seed: this.#seed, requests: { ...this.#counts }, digest: this.#digest.toString(16).padStart(8, '0'), pending: this.#pending };
  }
}
