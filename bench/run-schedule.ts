import { williamsOrders } from '../src/compare/williams-design.js';
import type { Random } from '../src/domain/random.js';

/** One transport's turn in a run: its contenders, in the order they are timed. */
export interface TimedBlock<K, C> {
  readonly kind: K;
  readonly order: readonly C[];
}

/**
 * The order of `npm run bench:models`'s timed loads: `runs` runs, each a block per transport. A
 * transport in `halfRuns` is timed in the even runs only (its loads are the long ones); in the runs
 * that time several transports, which goes first alternates, so drift hits them alike. Each
 * transport's blocks take consecutive rows of its own Williams design (`williamsOrders`, from
 * `random(kind)`), so over whole blocks each contender runs in each position and after each other
 * equally often, whichever runs the transport skips.
 */
export const runSchedule = <K, C>(
  kinds: readonly K[],
  contendersOf: (kind: K) => readonly C[],
  runs: number,
  halfRuns: ReadonlySet<K>,
  random: (kind: K) => Random,
): TimedBlock<K, C>[][] => {
  const timedIn = (kind: K): number => (halfRuns.has(kind) ? Math.ceil(runs / 2) : runs);
  const rows = new Map(kinds.map((kind) => [kind, williamsOrders(contendersOf(kind), timedIn(kind), random(kind))]));
  const used = new Map(kinds.map((kind) => [kind, 0]));
  let runsWithSeveral = 0;
  return Array.from({ length: runs }, (_, run) => {
    const timed = kinds.filter((kind) => run % 2 === 0 || !halfRuns.has(kind));
    if (timed.length > 1 && runsWithSeveral++ % 2) timed.reverse();
    return timed.map((kind) => {
      const row = used.get(kind) ?? 0;
      used.set(kind, row + 1);
      return { kind, order: rows.get(kind)?.[row] ?? contendersOf(kind) };
    });
  });
};
