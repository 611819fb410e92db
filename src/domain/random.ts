import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded source of numbers in [0, 1): the same seed gives the same sequence. */
export type Random = () => number;

/** Creates a seeded {@link Random} (xoroshiro128+ from pure-rand). */
export const seededRandom = (seed: number): Random => {
  const rng = xoroshiro128plus(seed | 0);
  return () => uniformFloat64(rng);
};

/** Murmur3's 32-bit finalizer: spreads every input bit over the output (xoroshiro seeds need well-mixed bits). */
export const mixSeed = (value: number): number => {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
};

/** One well-mixed 32-bit seed from several whole numbers, order-sensitive: `seedFrom(7, 0, 3) !== seedFrom(7, 3, 0)`. */
export const seedFrom = (...parts: readonly number[]): number => parts.reduce((seed, part) => mixSeed(seed ^ (part | 0)), 0x9e3779b9 | 0);

/** A 32-bit number from a text (FNV-1a over its UTF-16 code units), for {@link seedFrom} parts that are names. */
export const textSeed = (text: string): number => {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
};
