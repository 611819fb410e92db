import { ENDPOINTS, type Endpoint } from '../domain/endpoints.js';
import { seededRandom, type Random } from '../domain/random.js';

/** Which request a draw belongs to: the server's seed, the endpoint, and the request's 0-based index on it. */
export interface RequestKey {
  readonly seed: number;
  readonly endpoint: Endpoint;
  readonly index: number;
}

/** Murmur3's 32-bit finalizer: spreads every input bit over the output (xoroshiro seeds need well-mixed bits). */
const mix = (value: number): number => {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
};

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
