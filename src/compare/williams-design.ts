import type { Random } from '../domain/random.js';

/**
 * The rows of a Williams design for `k` contenders (0 … k−1): each row an order in which to run them.
 * The first row is 0, 1, k−1, 2, k−2, …; row i adds i to it (mod k). For an even k those k rows put
 * every contender in every position once and every ordered pair next to each other once; for an odd
 * k the mirrored rows are added (2k rows), and each ordered pair is adjacent twice.
 */
export const williamsRows = (k: number): number[][] => {
  if (k <= 1) return k === 1 ? [[0]] : [];
  const first = [0];
  for (let j = 1; first.length < k; j++) {
    first.push(j);
    if (first.length < k) first.push(k - j);
  }
  const rows = Array.from({ length: k }, (_, i) => first.map((x) => (x + i) % k));
  return k % 2 === 0 ? rows : [...rows, ...rows.map((row) => [...row].reverse())];
};

/** Repetitions in one whole Williams block of `k` contenders: k when even, 2k when odd (1 for one contender). */
export const williamsBlockSize = (k: number): number => williamsRows(k).length;

/** Fisher–Yates shuffle into a new array, driven by `random`. */
export const shuffle = <T>(items: readonly T[], random: Random): T[] => {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
};

/**
 * `count` run orders of `contenders` from consecutive Williams blocks: each block takes the design's
 * rows in a random order, with a random assignment of contenders to the design's letters, so the order
 * is unpredictable yet, over every whole block, each contender runs in each position equally often and
 * each ordered pair runs back to back equally often. The last block may be cut short. For an odd count
 * of contenders a block is two Latin squares (the rows and their mirrors), each shuffled on its own and
 * one after the other, in a random order: a block cut short after its first half still has each
 * contender in each position once.
 */
export const williamsOrders = <T>(contenders: readonly T[], count: number, random: Random): T[][] => {
  const k = contenders.length;
  const rows = williamsRows(k);
  const halves = rows.length === 2 * k && k > 1 ? [rows.slice(0, k), rows.slice(k)] : [rows];
  const orders: T[][] = [];
  while (orders.length < count && rows.length > 0) {
    const letters = shuffle(contenders, random);
    for (const row of shuffle(halves, random).flatMap((half) => shuffle(half, random))) {
      if (orders.length === count) break;
      orders.push(row.map((x) => letters[x] as T));
    }
  }
  return orders;
};
