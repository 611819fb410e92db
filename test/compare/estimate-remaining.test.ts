import { describe, expect, it } from 'vitest';
import { estimateRemainingMs } from '../../src/compare/runner/estimate-remaining.js';

describe('estimateRemainingMs (the ETA of compare)', () => {
  it('has no estimate before a load was measured', () => {
    expect(estimateRemainingMs(new Map(), new Map([[3, 4]]))).toBeUndefined();
  });

  it('uses the mean load time of a level already measured', () => {
    expect(estimateRemainingMs(new Map([[3, { loads: 4, ms: 400 }]]), new Map([[3, 6]]))).toBe(600);
  });

  it('scales a level not measured yet from the nearest one below by the ratio of requests, not by the count of loads', () => {
    // the sweep 3,30,300: a load of 300 requests is not as quick as a load of 3
    const measured = new Map([
      [3, { loads: 2, ms: 20 }],
      [30, { loads: 2, ms: 100 }],
    ]);
    expect(estimateRemainingMs(measured, new Map([[300, 2]]))).toBe(2 * 50 * 10);
    // from above when nothing below was measured
    expect(estimateRemainingMs(new Map([[30, { loads: 1, ms: 60 }]]), new Map([[3, 1]]))).toBeCloseTo(6);
  });
});
