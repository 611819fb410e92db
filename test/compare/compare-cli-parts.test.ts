import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { concurrencyList, inFlightList, marginPercent, modelList } from '../../src/cli/compare-options.js';
import { progressLine } from '../../src/cli/compare-progress.js';
import { scenarioLines } from '../../src/cli/scenarios-command.js';

describe('compare flag parsers', () => {
  it('reads model lists, dropping duplicates, and rejects unknown names', () => {
    expect(modelList('callbacks, reactive,callbacks')).toEqual(['callbacks', 'reactive']);
    expect(() => modelList('callbacks,threads')).toThrow(InvalidArgumentError);
    expect(() => modelList(',')).toThrow('no model given');
  });

  it('reads concurrency levels and rejects anything but whole numbers from 1', () => {
    expect(concurrencyList('3,30,300,3000')).toEqual([3, 30, 300, 3000]);
    for (const bad of ['0', '3,x', '2.5', '-3', '100001']) expect(() => concurrencyList(bad), bad).toThrow(InvalidArgumentError);
  });

  it('reads in-flight levels from 1 to 50 000', () => {
    expect(inFlightList('10,100,1000,5000,10')).toEqual([10, 100, 1000, 5000]);
    for (const bad of ['0', '10,x', '2.5', '50001', '']) expect(() => inFlightList(bad), bad).toThrow(InvalidArgumentError);
  });

  it('reads the margin as a percentage above 0 and at most 50', () => {
    expect(marginPercent('5')).toBe(0.05);
    expect(marginPercent('2.5')).toBeCloseTo(0.025, 12);
    for (const bad of ['0', '-1', '51', 'five', '5%']) expect(() => marginPercent(bad), bad).toThrow(InvalidArgumentError);
  });
});

describe('progressLine', () => {
  it('shows the bar, the count, the elapsed time, the ETA and the next load', () => {
    const next = { index: 10, concurrency: 3, phase: 'measured' as const, run: 3, position: 0, model: 'reactive' as const, executor: 'loop' as const, variant: 'naive' as const };
    expect(progressLine({ done: 10, total: 40, elapsedMs: 5_000, next, etaMs: 15_000 }, 8)).toBe('[##······] 10/40 0:05 eta 0:15  reactive naive ×3 run 4');
    expect(progressLine({ done: 0, total: 40, elapsedMs: 0 }, 4)).toBe('[····] 0/40 0:00 eta –:––');
    const raw = { kind: 'transport' as const, concurrency: 3, phase: 'measured' as const, run: 3 };
    expect(progressLine({ done: 9, total: 40, elapsedMs: 5_000, next: raw }, 8)).toBe('[##······] 9/40 0:05 eta –:––  raw transport ×3 run 4');
  });
});

describe('scenario lines', () => {
  it('aligns the descriptions after the names', () => {
    const lines = scenarioLines();
    const starts = lines.map((line) => line.search(/ {2}\S/));
    expect(new Set(starts).size).toBe(1);
  });
});
