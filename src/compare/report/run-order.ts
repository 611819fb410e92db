/**
 * How far the run order is balanced, in words: the repetitions of a level run in rows of a Williams
 * design, balanced (each contender in each position equally often, each ordered pair back to back
 * equally often) over whole blocks of `block` repetitions only. E.g. `Williams order, blocks of 8:
 * 10 repetitions = 1 whole block + 2 (16 for 2 whole)`.
 */
export const runOrderText = (runs: number, block: number): string => {
  if (block <= 0) return 'in a seeded order';
  const whole = Math.floor(runs / block);
  const rest = runs % block;
  const full = `${whole} whole block${whole === 1 ? '' : 's'}`;
  return `in a Williams order balanced over blocks of ${block}: ${runs} repetitions = ${rest === 0 ? full : `${full} + ${rest} (${(whole + 1) * block} for ${whole + 1} whole)`}`;
};
