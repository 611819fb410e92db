import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSchedule, orderBlockSize } from '../../src/compare/schedule.js';
import { williamsBlockSize, williamsOrders, williamsRows } from '../../src/compare/williams-design.js';
import { seededRandom } from '../../src/domain/random.js';
import { MODEL_IDS } from '../../src/domain/models.js';
import { buildPlan } from '../../src/compare/plan.js';
import { buildReport } from '../../src/compare/report/build-report.js';
import { formatTable } from '../../src/compare/report/format-table.js';
import { runOrderText } from '../../src/compare/report/run-order.js';
import { runRecord } from './fixtures.js';

/** How often each contender ran in each position, and each ordered pair back to back. */
const tally = <T>(orders: readonly (readonly T[])[]) => {
  const positions = new Map<string, number>();
  const adjacent = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const order of orders) {
    order.forEach((x, i) => {
      bump(positions, `${String(x)}@${i}`);
      if (i > 0) bump(adjacent, `${String(order[i - 1])}→${String(x)}`);
    });
  }
  return { positions, adjacent };
};

const expectBalanced = <T>(contenders: readonly T[], orders: readonly (readonly T[])[]) => {
  const k = contenders.length;
  const { positions, adjacent } = tally(orders);
  const perCell = orders.length / k;
  for (const x of contenders) for (let i = 0; i < k; i++) expect(positions.get(`${String(x)}@${i}`), `${String(x)} at ${i}`).toBe(perCell);
  const perPair = (orders.length * (k - 1)) / (k * (k - 1));
  for (const x of contenders) for (const y of contenders) if (x !== y) expect(adjacent.get(`${String(x)}→${String(y)}`) ?? 0, `${String(x)}→${String(y)}`).toBe(perPair);
};

describe('Williams design', () => {
  it('builds k rows for an even k and 2k (with the mirrored rows) for an odd k', () => {
    expect(williamsRows(4)).toEqual([
      [0, 1, 3, 2],
      [1, 2, 0, 3],
      [2, 3, 1, 0],
      [3, 0, 2, 1],
    ]);
    expect(williamsRows(3)).toEqual([
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
      [0, 2, 1],
      [1, 0, 2],
    ]);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(williamsBlockSize)).toEqual([1, 2, 6, 4, 10, 6, 14, 8]);
    expect(williamsRows(0)).toEqual([]);
  });

  it('balances positions and adjacent ordered pairs over whole blocks, for any count of contenders, seed and number of blocks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 3 }), fc.integer(), (k, blocks, seed) => {
        const contenders = Array.from({ length: k }, (_, i) => `c${i}`);
        const orders = williamsOrders(contenders, blocks * williamsBlockSize(k), seededRandom(seed));
        for (const order of orders) expect([...order].sort()).toEqual([...contenders].sort());
        expectBalanced(contenders, orders);
      }),
    );
  });

  it('puts each contender in each position once in the first half of a block, for an odd count of contenders', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 }), fc.integer(), (half, blocks, seed) => {
        const k = 2 * half + 1;
        const contenders = Array.from({ length: k }, (_, i) => `c${i}`);
        const orders = williamsOrders(contenders, (blocks + 0.5) * 2 * k, seededRandom(seed));
        const { positions } = tally(orders.slice(blocks * 2 * k));
        for (const x of contenders) for (let i = 0; i < k; i++) expect(positions.get(`${x}@${i}`), `${x} at ${i}`).toBe(1);
      }),
    );
  });

  it('randomises the rows and the letters per block from the seed', () => {
    const contenders = ['a', 'b', 'c', 'd'];
    const once = williamsOrders(contenders, 8, seededRandom(1));
    expect(williamsOrders(contenders, 8, seededRandom(1))).toEqual(once);
    expect(williamsOrders(contenders, 8, seededRandom(2))).not.toEqual(once);
    expect(once.slice(0, 4)).not.toEqual(once.slice(4));
    expect(williamsOrders(contenders, 5, seededRandom(1))).toEqual(once.slice(0, 5));
  });
});

describe('buildSchedule runs a Williams order', () => {
  it('records each load’s position and balances the measured repetitions of each level over whole blocks', () => {
    const options = { models: MODEL_IDS, variants: ['correct', 'naive'] as const, concurrency: [3, 30], warmup: 2, runs: 2 * orderBlockSize({ models: MODEL_IDS, variants: ['correct', 'naive'] }), seed: 5 };
    expect(orderBlockSize(options)).toBe(8);
    const schedule = buildSchedule(options);
    for (const concurrency of options.concurrency) {
      const measured = schedule.filter((l) => l.concurrency === concurrency && l.phase === 'measured');
      const orders = Array.from({ length: options.runs }, (_, run) => measured.filter((l) => l.run === run));
      for (const order of orders) expect(order.map((l) => l.position)).toEqual(order.map((_, i) => i));
      expectBalanced(
        options.models.flatMap((m) => options.variants.map((v) => `${m}/${v}`)),
        orders.map((order) => order.map((l) => `${l.model}/${l.variant}`)),
      );
    }
  });

  it('has odd numbers of contenders run blocks of twice as many repetitions', () => {
    expect(orderBlockSize({ models: ['callbacks', 'futures', 'reactive'], variants: ['correct'] })).toBe(6);
  });
});

describe('the report says how far the order is balanced', () => {
  it('counts the whole blocks the repetitions make', () => {
    expect(runOrderText(10, 8)).toBe('in a Williams order balanced over blocks of 8: 10 repetitions = 1 whole block + 2 (16 for 2 whole)');
    expect(runOrderText(12, 6)).toBe('in a Williams order balanced over blocks of 6: 12 repetitions = 2 whole blocks');
    const plan = buildPlan({ name: 'order', runs: 4, warmup: 0, models: ['callbacks', 'reactive'], variant: 'both', concurrency: [3], seed: 5 });
    const report = buildReport(plan, [runRecord('callbacks', 'correct', 0, 250)].map((r) => ({ ...r, position: 2 })));
    expect(report).toMatchObject({ orderBlock: 4, records: [{ position: 2 }] });
    expect(formatTable(report, { color: false })).toContain('4 repetitions = 1 whole block');
  });
});
