import { describe, expect, it } from 'vitest';
import { runSchedule } from '../../bench/run-schedule.js';
import { seededRandom } from '../../src/domain/random.js';

const CONTENDERS = { axios: ['b', 'm1', 'm2', 'm3', 'm4'], undici: ['b', 'h', 'm1', 'm2', 'm3', 'm4'] } as const;
type Kind = keyof typeof CONTENDERS;
const KINDS: readonly Kind[] = ['axios', 'undici'];
const schedule = (runs: number, half: readonly Kind[] = ['axios']) => runSchedule(KINDS, (kind: Kind) => CONTENDERS[kind], runs, new Set(half), () => seededRandom(runs));

describe('runSchedule', () => {
  it('times a half-run transport in the even runs only, and the others in every run', () => {
    const runs = schedule(9);
    expect(runs.map((blocks) => blocks.map((b) => b.kind).sort())).toEqual(
      Array.from({ length: 9 }, (_, run) => (run % 2 === 0 ? ['axios', 'undici'] : ['undici'])),
    );
  });

  it('alternates which transport goes first among the runs that time both', () => {
    const firsts = schedule(9)
      .filter((blocks) => blocks.length > 1)
      .map((blocks) => blocks[0]?.kind);
    expect(firsts).toEqual(['axios', 'undici', 'axios', 'undici', 'axios']);
    expect(schedule(4, []).map((blocks) => blocks[0]?.kind)).toEqual(['axios', 'undici', 'axios', 'undici']);
  });

  it('gives each transport whole permutations of its contenders, and the half-run transport a Latin square in its five runs', () => {
    const runs = schedule(9);
    for (const blocks of runs) for (const { kind, order } of blocks) expect([...order].sort()).toEqual([...CONTENDERS[kind]].sort());
    const axios = runs.flatMap((blocks) => blocks.filter((b) => b.kind === 'axios').map((b) => b.order));
    expect(axios).toHaveLength(5);
    for (let position = 0; position < 5; position += 1) expect(new Set(axios.map((order) => order[position])).size).toBe(5);
  });
});
