import { describe, expect, it } from 'vitest';
import { combineVerdicts, fasterThanAll, noDataLost, similarPerformance, type MeasuredModel } from '../../src/analysis/verdicts.js';

const m = (model: MeasuredModel['model'], meanMs: number, half = 1): MeasuredModel => ({ model, meanMs, ci95: [meanMs - half, meanMs + half] });

describe('similarPerformance (claim 1)', () => {
  it('holds when the spread is within 10% of the fastest', () => {
    expect(similarPerformance([m('callbacks', 100), m('futures', 104), m('async-await', 109.9), m('reactive', 101)]).verdict).toBe('holds');
  });
  it('does not hold past 10%', () => {
    const v = similarPerformance([m('callbacks', 100), m('futures', 111)]);
    expect(v.verdict).toBe('does not hold');
    expect(v.evidence).toContain('spread 11.0%');
  });
});

describe('fasterThanAll (claims 2 and 3)', () => {
  it('holds only when its interval is below every other interval', () => {
    expect(fasterThanAll('async-await', [m('async-await', 90), m('callbacks', 100), m('futures', 95)]).verdict).toBe('holds');
  });
  it('does not hold when an interval overlaps, and says so', () => {
    const v = fasterThanAll('async-await', [m('async-await', 99, 2), m('callbacks', 100, 2), m('reactive', 120)]);
    expect(v.verdict).toBe('does not hold');
    expect(v.evidence).toContain('faster than reactive');
    expect(v.evidence).toContain('no meaningful difference from callbacks');
  });
  it('names the models that are clearly faster', () => {
    expect(fasterThanAll('async-await', [m('async-await', 120), m('futures', 100)]).evidence).toContain('slower than futures');
  });
  it('does not apply without the candidate', () => {
    expect(fasterThanAll('async-await', [m('futures', 1)]).verdict).toBe('does not apply');
  });
});

describe('noDataLost (claim 4)', () => {
  it('holds when every correct model preserved every run, and reports the naive contrast', () => {
    const v = noDataLost([{ model: 'callbacks', runs: 10, preservedRuns: 10 }], [{ model: 'async-await', runs: 10, preservedRuns: 0 }]);
    expect(v.verdict).toBe('holds');
    expect(v.evidence).toContain('naive variants lost data in async-await 10/10 runs');
  });
  it('does not hold when one correct model lost data once', () => {
    expect(noDataLost([{ model: 'futures', runs: 10, preservedRuns: 9 }], []).verdict).toBe('does not hold');
  });
});

describe('combineVerdicts', () => {
  it.each([
    [['holds', 'holds'], 'holds'],
    [['holds', 'does not hold'], 'partly holds'],
    [['does not hold', 'does not apply'], 'does not hold'],
    [['does not apply'], 'does not apply'],
  ] as const)('%j → %s', (input, expected) => {
    expect(combineVerdicts(input)).toBe(expected);
  });
});
