import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../../src/domain/endpoints.js';
import type { ArenaEvent } from '../../src/domain/events.js';
import { latencyBins, latencySummary } from '../../src/streams/latency-histogram.js';
import { reducePanel, requestsPerSecond, startPanelRound, type ModelPanel } from '../../src/streams/model-panel.js';
import { appendSample, emptySampleLog, samplesOf } from '../../src/streams/sample-log.js';
import { eventsOf } from './fixtures.js';

const e = eventsOf('futures');
/** 30 requests: 20 delivered after 10..29 ms, 6 timeouts and 4 resets, then done at 2000 ms. */
const scaleRound = (): ArenaEvent[] => {
  const events: ArenaEvent[] = [];
  for (let id = 0; id < 30; id += 1) events.push(e.start(id, ENDPOINTS[id % 3] ?? 'productos'));
  for (let id = 0; id < 20; id += 1) events.push(e.arrived(id, ENDPOINTS[id % 3] ?? 'productos', 10 + id), e.success(id, ENDPOINTS[id % 3] ?? 'productos', 10 + id));
  for (let id = 20; id < 26; id += 1) events.push(e.failure(id, ENDPOINTS[id % 3] ?? 'productos', 1000, 'timeout'));
  for (let id = 26; id < 30; id += 1) events.push(e.failure(id, ENDPOINTS[id % 3] ?? 'productos', 500, 'reset'));
  return events;
};
const fold = (events: ArenaEvent[], panel: ModelPanel = startPanelRound({ model: 'futures', executor: 'loop' }, 30)): ModelPanel => events.reduce(reducePanel, panel);

describe('a panel at scale', () => {
  it('counts failures by reason as the final failures come', () => {
    const events = scaleRound();
    expect(fold(events.slice(0, 30 + 40)).failureReasons).toEqual({});
    expect(fold(events.slice(0, 30 + 40 + 3)).failureReasons).toEqual({ timeout: 3 });
    expect(fold(events).failureReasons).toEqual({ timeout: 6, reset: 4 });
  });

  it('records the latency of every delivered response in the histogram, and nothing else', () => {
    const panel = fold(scaleRound());
    expect(samplesOf(panel.latencies)).toEqual(Array.from({ length: 20 }, (_, i) => 10 + i));
    const summary = latencySummary(panel.latencies);
    expect(summary?.count).toBe(20);
    expect(summary?.minMs).toBeCloseTo(10, 0);
    expect(summary?.maxMs).toBeCloseTo(29, 0);
    expect(summary?.p50Ms).toBeCloseTo(19, 0);
    // 20 values spread evenly over 10..29 ms: 5 in each quarter of the range
    expect(latencyBins(panel.latencies, 4)).toEqual([5, 5, 5, 5]);
    expect(latencyBins(fold(scaleRound().slice(0, 30 + 2)).latencies, 4)).toEqual([1, 0, 0, 0]);
  });

  it('gives requests per second over the elapsed time while running, over the round time once done', () => {
    const running = fold(scaleRound());
    expect(requestsPerSecond(running, 2000)).toBe(15); // 30 finished in 2 s
    expect(requestsPerSecond(running, 0)).toBe(0);
    const done = reducePanel(running, e.done(3000, 20, 10));
    expect(requestsPerSecond(done, 9999)).toBe(10); // 30 in the model's 3 s
  });

  it('starts the next round with an empty histogram and no failures', () => {
    const next = startPanelRound(fold(scaleRound()), 30);
    expect([next.latencies.length, next.failureReasons]).toEqual([0, {}]);
  });
});

describe('the sample log behind the histogram', () => {
  it('keeps every version as it was, even when an older one is extended', () => {
    const one = appendSample(emptySampleLog(), 1);
    const two = appendSample(one, 2);
    const other = appendSample(one, 9); // branches from an older version
    expect([samplesOf(one), samplesOf(two), samplesOf(other)]).toEqual([[1], [1, 2], [1, 9]]);
    expect(latencySummary(two)?.count).toBe(2);
    expect(latencySummary(one)?.count).toBe(1); // a shorter version after a longer one is rebuilt, not reused
    expect(latencySummary(appendSample(two, 3))?.count).toBe(3);
  });
});
