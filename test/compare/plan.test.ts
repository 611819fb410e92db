import { describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../../src/domain/fault-spec.js';
import { MODEL_IDS } from '../../src/domain/models.js';
import { buildPlan, faultsFor, inFlightFor, loadRequestFor, maxInFlightOf } from '../../src/compare/plan.js';
import { buildSchedule } from '../../src/compare/schedule.js';

describe('buildPlan', () => {
  it('fills in defaults for what a scenario leaves out', () => {
    const plan = buildPlan({ name: 'bare' });
    expect(plan).toMatchObject({ scenario: 'bare', runs: 10, warmup: 2, models: MODEL_IDS, variants: ['correct', 'naive'], concurrency: [3], seed: 1, faults: NO_FAULTS, schedule: [] });
    expect(plan.client).toEqual({ deadlineMs: 1000, retries: 0, maxInFlight: 100, backoff: { baseMs: 50, maxMs: 1000 } });
  });

  it('lets flags override the scenario', () => {
    const scenario = { name: 's', runs: 20, warmup: 3, models: ['callbacks' as const], variant: 'both' as const, concurrency: [3], seed: 5 };
    const plan = buildPlan(scenario, { runs: 2, warmup: 0, models: ['futures', 'reactive'], variant: 'naive', concurrency: [30, 300], seed: 9 });
    expect(plan).toMatchObject({ runs: 2, warmup: 0, models: ['futures', 'reactive'], variants: ['naive'], concurrency: [30, 300], seed: 9 });
  });

  it('merges partial client options and latencies over the defaults', () => {
    const plan = buildPlan({ name: 's', client: { retries: 2, backoff: { maxMs: 80 } }, latency: { perfil: { ms: 10 } } });
    expect(plan.client).toEqual({ deadlineMs: 1000, retries: 2, maxInFlight: 100, backoff: { baseMs: 50, maxMs: 80 } });
    expect(plan.latency).toEqual({ perfil: { ms: 10, jitterMs: 0 } });
  });

  it('runs on axios unless the scenario or the command line picks another transport (the flag wins)', () => {
    expect(buildPlan({ name: 's' }).transport).toBe('axios');
    expect(buildPlan({ name: 's', transport: 'undici' }).transport).toBe('undici');
    expect(buildPlan({ name: 's', transport: 'undici' }, { transport: 'axios' }).transport).toBe('axios');
  });
});

describe('the in-flight sweep', () => {
  it('makes each in-flight value a level sending twice as many requests, with that limit', () => {
    const plan = buildPlan({ name: 's', concurrency: [3] }, { inFlight: [10, 1000] });
    expect(plan).toMatchObject({ concurrency: [20, 2000], inFlight: [10, 1000], margin: 0.05 });
    expect([inFlightFor(plan, 20), inFlightFor(plan, 2000), maxInFlightOf(plan)]).toEqual([10, 1000, 1000]);
    expect(loadRequestFor(plan, { index: 0, concurrency: 2000, phase: 'measured', run: 0, position: 0, model: 'futures', executor: 'loop', variant: 'correct' })).toMatchObject({ requests: 2000, maxInFlight: 1000 });
  });

  it('takes the scenario field unless --concurrency overrides it, and the client limit without a sweep', () => {
    expect(buildPlan({ name: 's', inFlight: [5] }).concurrency).toEqual([10]);
    const overridden = buildPlan({ name: 's', inFlight: [5] }, { concurrency: [3] });
    expect(overridden).toMatchObject({ concurrency: [3], inFlight: [] });
    expect(inFlightFor(overridden, 3)).toBe(100);
  });
});

describe('faultsFor', () => {
  const plan = buildPlan({
    name: 's',
    faults: { categorias: { kind: 'timeout' } },
    schedule: [
      { atRun: 4, faults: { perfil: { kind: 'reset' } } },
      { atRun: 2, faults: { categorias: { kind: 'none' } } },
    ],
  });

  it('applies scheduled changes from their run on, in run order', () => {
    expect(faultsFor(plan, { phase: 'measured', run: 0 })).toEqual({ ...NO_FAULTS, categorias: { kind: 'timeout' } });
    expect(faultsFor(plan, { phase: 'measured', run: 2 })).toEqual(NO_FAULTS);
    expect(faultsFor(plan, { phase: 'measured', run: 5 })).toEqual({ ...NO_FAULTS, perfil: { kind: 'reset' } });
  });

  it('keeps warm-ups on the scenario faults', () => {
    expect(faultsFor(plan, { phase: 'warmup', run: 7 })).toEqual({ ...NO_FAULTS, categorias: { kind: 'timeout' } });
  });
});

describe('loadRequestFor', () => {
  it("sends the level as the number of requests, the variant, the client options and the repetition's seed", () => {
    const plan = buildPlan({ name: 's', client: { deadlineMs: 300, retries: 1 }, concurrency: [30] });
    const [first, second] = buildSchedule(plan);
    expect(loadRequestFor(plan, first!)).toMatchObject({ requests: 30, deadlineMs: 300, retries: 1, maxInFlight: 100, variant: first!.variant });
    // Two contenders of one repetition share the client seed (see pairing-check.test.ts).
    expect(loadRequestFor(plan, first!).seed).toBe(loadRequestFor(plan, second!).seed);
  });

  it("sends the load's executor and the plan's CPU work per response (flags over the scenario)", () => {
    const plan = buildPlan({ name: 's', models: ['futures'], executors: ['threads'], workMs: 5 }, { workMs: 7 });
    expect(plan).toMatchObject({ executors: ['threads'], workMs: 7 });
    const [first] = buildSchedule(plan);
    expect(loadRequestFor(plan, first!)).toMatchObject({ executor: 'threads', workMs: 7 });
    expect(buildPlan({ name: 's' })).toMatchObject({ executors: ['loop'], workMs: 0 });
    expect(buildPlan({ name: 's', executors: ['threads'] }, { executors: ['loop', 'threads'] }).executors).toEqual(['loop', 'threads']);
  });
});
