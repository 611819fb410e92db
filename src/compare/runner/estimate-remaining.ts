/** Loads measured at one concurrency level: how many, and their total wall time. */
export interface LevelTimes {
  readonly loads: number;
  readonly ms: number;
}

/**
 * The time the loads still to run should take, from the loads measured so far: at a level already
 * measured, its mean load time; at a level not yet measured, the mean of the nearest measured level
 * below scaled by the ratio of requests (or, with none below, of the nearest above). Undefined until
 * a load has been measured. Loads differ by orders of magnitude across levels (3 vs 3000 requests),
 * so "elapsed ÷ loads done × loads left" is far off; this is not.
 *
 * @example estimateRemainingMs(new Map([[3, { loads: 4, ms: 400 }]]), new Map([[3, 2], [30, 1]])) // 200 + 1000
 */
export const estimateRemainingMs = (measured: ReadonlyMap<number, LevelTimes>, remaining: ReadonlyMap<number, number>): number | undefined => {
  const levels = [...measured.keys()].sort((a, b) => a - b);
  if (levels.length === 0) return undefined;
  const meanAt = (level: number): number => {
    const times = measured.get(level) as LevelTimes;
    return times.ms / times.loads;
  };
  let total = 0;
  for (const [level, loads] of remaining) {
    if (loads === 0) continue;
    const from = measured.has(level) ? level : ([...levels].reverse().find((l) => l < level) ?? (levels.find((l) => l > level) as number));
    total += loads * meanAt(from) * (level / from);
  }
  return total;
};
