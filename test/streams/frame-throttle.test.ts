import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { FRAME_MS, frameMsFor, frameThrottle, SCALE_FRAME_MS } from '../../src/streams/frame-throttle.js';

describe('frameThrottle', () => {
  it('passes the first value at once, then the latest at the end of each busy period', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ hot, expectObservable }) => {
      const states = hot('ab-c------d---|');
      expectObservable(states.pipe(frameThrottle(5, scheduler))).toBe('a----c----d---|');
    });
  });

  it('never drops the final state of a burst', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ hot, expectObservable }) => {
      expectObservable(hot('abcdefg-------|').pipe(frameThrottle(3, scheduler))).toBe('a--d--g-------|');
    });
  });
});

describe('frameMsFor', () => {
  it('keeps 20 frames per second for the EcoMarket page and halves them once an endpoint gets more than one request', () => {
    expect([1, 3].map(frameMsFor)).toEqual([FRAME_MS, FRAME_MS]);
    expect([4, 1000, 100_000].map(frameMsFor)).toEqual([SCALE_FRAME_MS, SCALE_FRAME_MS, SCALE_FRAME_MS]);
    expect(SCALE_FRAME_MS).toBe(2 * FRAME_MS);
  });
});

