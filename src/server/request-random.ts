import { ENDPOINTS, type Endpoint } from '../domain/endpoints.js';
import { mixSeed as mix, seededRandom, type Random } from '../domain/random.js';

/** Which request a draw belongs to: the load's seed, the endpoint, and the request's 0-based index on it within the load. */
export interface RequestKey {
  readonly seed: number;
  readonly endpoint: Endpoint;
  readonly index: number;
}

/**
 * The seeded numbers of one request: a pure function of (seed, endpoint, index), so a request's fate
 * does not depend on how requests to other endpoints interleave. The generator is only built if drawn from.
 */
export const requestRandom = ({ seed, endpoint, index }: RequestKey): Random => {
  let random: Random | undefined;
  return () => {
    random ??= seededRandom(mix(mix(mix(seed) ^ ENDPOINTS.indexOf(endpoint)) ^ index));
    return random();
  };
};
