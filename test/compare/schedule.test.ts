import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODEL_IDS } from '../../src/domain/models.js';
import { buildSchedule, isTransportStep, withTransportLoads, type ScheduleOptions } from '../../src/compare/schedule.js';

const options: ScheduleOptions = { models: MODEL_IDS, variants: ['correct', 'naive'], concurrency: [3, 30], warmup: 2, runs: 5, seed: 42 };
const key = (load: { model: string; variant: string }) => `${load.model}/${load.variant}`;

describe('buildSchedule', () => {
  it('is reproducible from the seed and changes with it', () => {
    expect(buildSchedule(options)).toEqual(buildSchedule(options));
    expect(buildSchedule(options).map(key)).not.toEqual(buildSchedule({ ...options, seed: 43 }).map(key));
  });

  it('runs each level in turn: warm-ups first, then the measured runs', () => {
    const schedule = buildSchedule(options);
    expect(schedule).toHaveLength(2 * 7 * 8);
    expect(schedule.map((l) => l.index)).toEqual(schedule.map((_, i) => i));
    const levelOf = schedule.map((l) => l.concurrency);
    expect(levelOf.slice(0, 56).every((c) => c === 3) && levelOf.slice(56).every((c) => c === 30)).toBe(true);
    const phases = schedule.slice(0, 56).map((l) => l.phase);
    expect(phases.slice(0, 16).every((p) => p === 'warmup') && phases.slice(16).every((p) => p === 'measured')).toBe(true);
  });

  it('interleaves: models alternate within the runs and the order changes between repetitions', () => {
    const measured = buildSchedule(options).filter((l) => l.concurrency === 3 && l.phase === 'measured');
    const blocks = Array.from({ length: 5 }, (_, run) => measured.filter((l) => l.run === run).map(key));
    expect(new Set(blocks.map((b) => b.join())).size).toBeGreaterThan(1);
    const positions = measured.flatMap((l, i) => (l.model === 'reactive' ? [i] : []));
    expect(positions.at(-1)! - positions[0]!).toBeGreaterThan(positions.length);
  });

  it('runs every model × variant exactly once per repetition, for any seed and selection', () => {
    fc.assert(
      fc.property(fc.integer(), fc.subarray([...MODEL_IDS], { minLength: 1 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 4 }), (seed, models, warmup, runs) => {
        const schedule = buildSchedule({ ...options, seed, models, warmup, runs, concurrency: [3] });
        const expected = models.flatMap((m) => ['correct', 'naive'].map((v) => `${m}/${v}`)).sort();
        for (const phase of ['warmup', 'measured'] as const) {
          for (let run = 0; run < (phase === 'warmup' ? warmup : runs); run++) {
            expect(schedule.filter((l) => l.phase === phase && l.run === run).map(key).sort()).toEqual(expected);
          }
        }
        expect(schedule).toHaveLength((warmup + runs) * expected.length);
      }),
    );
  });

  it('runs every contender × variant once per repetition: callbacks and futures once per executor, the others on the loop', () => {
    const schedule = buildSchedule({ ...options, models: ['futures', 'async-await'], executors: ['loop', 'threads'], warmup: 0, runs: 2, concurrency: [3] });
    for (const run of [0, 1]) {
      expect(schedule.filter((l) => l.run === run).map((l) => `${l.model}/${l.executor}/${l.variant}`).sort()).toEqual(
        ['async-await/loop/correct', 'async-await/loop/naive', 'futures/loop/correct', 'futures/loop/naive', 'futures/threads/correct', 'futures/threads/naive'],
      );
    }
  });
});

describe('withTransportLoads', () => {
  const schedule = buildSchedule(options);
  const steps = withTransportLoads(schedule);

  it('puts one raw-transport load at the head of every measured repetition of every level, none in the warm-ups', () => {
    const raw = steps.filter(isTransportStep);
    expect(raw.map((t) => [t.concurrency, t.run])).toEqual([3, 30].flatMap((c) => [0, 1, 2, 3, 4].map((run) => [c, run])));
    steps.forEach((step, i) => {
      if (!isTransportStep(step)) return;
      expect(steps[i + 1]).toMatchObject({ concurrency: step.concurrency, phase: 'measured', run: step.run, position: 0 });
    });
  });

  it("leaves the contenders' Williams order exactly as it was", () => {
    expect(steps.filter((step) => !isTransportStep(step))).toEqual(schedule);
  });
});
