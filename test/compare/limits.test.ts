import { describe, expect, it } from 'vitest';
import { concurrencyList } from '../../src/cli/compare-options.js';
import { integerIn } from '../../src/cli/options.js';
import { validateScenario } from '../../src/compare/scenario/parse-scenario.js';
import { LIMITS, type LimitName } from '../../src/domain/limits.js';

/** Each scenario field and the limit its matching flag uses. */
const FIELDS: readonly [string, LimitName, (n: number) => object][] = [
  ['runs (--runs)', 'runs', (n) => ({ runs: n })],
  ['warmup (--warmup)', 'warmup', (n) => ({ warmup: n })],
  ['seed (--seed)', 'seed', (n) => ({ seed: n })],
  ['client.retries (--retries)', 'retries', (n) => ({ client: { retries: n } })],
  ['client.deadlineMs (--timeout)', 'deadlineMs', (n) => ({ client: { deadlineMs: n } })],
  ['client.maxInFlight (--max-in-flight)', 'maxInFlight', (n) => ({ client: { maxInFlight: n } })],
  ['client.backoff.maxMs', 'durationMs', (n) => ({ client: { backoff: { maxMs: n } } })],
  ['latency.perfil.ms (--latency)', 'durationMs', (n) => ({ latency: { perfil: { ms: n } } })],
  ['faults.perfil.ms', 'durationMs', (n) => ({ faults: { perfil: { kind: 'slow-body', ms: n } } })],
  ['concurrency (--concurrency)', 'concurrency', (n) => ({ concurrency: [n] })],
  ['workMs (--work-ms)', 'workMs', (n) => ({ workMs: n })],
];

describe('one table of limits for flags and scenario files', () => {
  it.each(FIELDS)('%s accepts exactly what the flag accepts', (_field, limit, field) => {
    const { min, max } = LIMITS[limit];
    const flag = integerIn(LIMITS[limit]);
    for (const n of [min, max]) {
      expect(flag(String(n))).toBe(n);
      expect(validateScenario({ name: 'x', ...field(n) }).ok).toBe(true);
    }
    for (const n of [min - 1, max + 1]) {
      expect(() => flag(String(n))).toThrow(`expected a whole number from ${min} to ${max}`);
      expect(validateScenario({ name: 'x', ...field(n) })).toEqual({ ok: false, error: expect.stringContaining(`expected a whole number from ${min} to ${max}`) });
    }
  });

  it('bounds the number of concurrency levels the same way in a flag and a file', () => {
    const levels = (count: number) => Array.from({ length: count }, (_, i) => i + 1);
    expect(concurrencyList(levels(LIMITS.levels.max).join(','))).toHaveLength(LIMITS.levels.max);
    expect(() => concurrencyList(levels(LIMITS.levels.max + 1).join(','))).toThrow(/at most 100/);
    expect(validateScenario({ name: 'x', concurrency: levels(LIMITS.levels.max) }).ok).toBe(true);
    expect(validateScenario({ name: 'x', concurrency: levels(LIMITS.levels.max + 1) }).ok).toBe(false);
  });

  it('gives run and the dashboard the same --retries limit', () => {
    expect(LIMITS.retries).toEqual({ min: 0, max: 20 });
  });
});
