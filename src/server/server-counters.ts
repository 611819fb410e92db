import { ENDPOINTS, type Endpoint } from '../domain/endpoints.js';
import type { FaultKind } from '../domain/fault-spec.js';
import type { ServerStats } from '../domain/server-control.js';

type AppliedKind = Exclude<FaultKind, 'none'>;

interface Tally {
  received: number;
  ok: number;
  faults: Partial<Record<AppliedKind, number>>;
}

/** The server's ground truth per endpoint: requests received, complete 200 answers, faults applied. */
export class ServerCounters {
  readonly #tallies = Object.fromEntries(ENDPOINTS.map((e) => [e, { received: 0, ok: 0, faults: {} }])) as Record<Endpoint, Tally>;

  /** Counts a request on the endpoint and returns its 0-based index there. */
  receive(endpoint: Endpoint): number {
    return this.#tallies[endpoint].received++;
  }

  /** Counts a 200 whose complete, valid body was written. */
  ok(endpoint: Endpoint): void {
    this.#tallies[endpoint].ok += 1;
  }

  /** Counts a fault applied to a request. */
  fault(endpoint: Endpoint, kind: AppliedKind): void {
    const faults = this.#tallies[endpoint].faults;
    faults[kind] = (faults[kind] ?? 0) + 1;
  }

  /** A copy of the counts. */
  snapshot(): ServerStats {
    return Object.fromEntries(ENDPOINTS.map((e) => [e, { ...this.#tallies[e], faults: { ...this.#tallies[e].faults } }])) as unknown as ServerStats;
  }
}
