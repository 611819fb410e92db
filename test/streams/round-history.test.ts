import { describe, expect, it } from 'vitest';
import { percentile, pushBounded } from '../../src/streams/round-history.js';

describe('pushBounded', () => {
  it('keeps only the newest values, oldest first', () => {
    let values: readonly number[] = [];
    for (let i = 1; i <= 5; i += 1) values = pushBounded(values, i, 3);
    expect(values).toEqual([3, 4, 5]);
  });
});

describe('percentile', () => {
  it('uses the nearest rank, whatever the order', () => {
    const values = [40, 10, 30, 20];
    expect(percentile(values, 50)).toBe(20);
    expect(percentile(values, 95)).toBe(40);
    expect(percentile(values, 0)).toBe(10);
  });

  it('has nothing to say about no values', () => {
    expect(percentile([], 50)).toBeUndefined();
  });
});
