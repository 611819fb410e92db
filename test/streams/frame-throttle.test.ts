import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { frameThrottle } from '../../src/streams/frame-throttle.js';

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
