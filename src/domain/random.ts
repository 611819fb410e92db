import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded source of numbers in [0, 1): the same seed gives the same sequence. */
export type Random = () => number;

/** Creates a seeded {@link Random} (xoroshiro128+ from pure-rand). */
export const seededRandom = (seed: number): Random => {
  const rng = xoroshiro128plus(seed | 0);
  return () => uniformFloat64(rng);
};
