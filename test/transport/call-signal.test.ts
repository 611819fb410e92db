import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callSignal } from '../../src/transport/call-signal.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('callSignal', () => {
  it('aborts with a TimeoutError when the deadline expires, and says so', () => {
    const call = callSignal(100);
    vi.advanceTimersByTime(99);
    expect(call.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(call.signal.aborted).toBe(true);
    expect((call.signal.reason as DOMException).name).toBe('TimeoutError');
    expect(call.deadlineExpired()).toBe(true);
    expect(call.canceled()).toBe(false);
  });

  it("aborts with the caller's reason when the caller aborts, and the deadline no longer fires", () => {
    const caller = new AbortController();
    const call = callSignal(100, caller.signal);
    caller.abort('stop');
    expect(call.signal.aborted).toBe(true);
    expect(call.signal.reason).toBe('stop');
    vi.advanceTimersByTime(1000);
    expect(call.canceled()).toBe(true);
    expect(call.deadlineExpired()).toBe(false);
  });

  it('is aborted from the start when the caller already aborted', () => {
    const caller = new AbortController();
    caller.abort();
    const call = callSignal(100, caller.signal);
    expect(call.signal.aborted).toBe(true);
    expect(call.canceled()).toBe(true);
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
  });

  it("dispose releases everything: no timer left, and the caller's abort no longer reaches a finished call", () => {
    const caller = new AbortController();
    const calls = Array.from({ length: 100 }, () => callSignal(100, caller.signal));
    for (const call of calls) call.dispose();
    expect(vi.getTimerCount()).toBe(0);
    caller.abort();
    expect(calls.some((call) => call.signal.aborted)).toBe(false);
  });

  it("puts one listener on the caller's signal however many calls share it, and reaches only the calls in flight", () => {
    const caller = new AbortController();
    const calls = Array.from({ length: 100 }, () => callSignal(100, caller.signal));
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(1);
    calls.slice(0, 40).forEach((call) => call.dispose());
    caller.abort('stop');
    expect(calls.map((call) => call.signal.aborted)).toEqual(calls.map((_, i) => i >= 40));
    expect(calls[99]?.signal.reason).toBe('stop');
    calls.slice(40).forEach((call) => call.dispose());
  });

  it('raises no listener-leak warning when a load has many calls in flight', async () => {
    const warning = vi.fn();
    process.on('warning', warning);
    const caller = new AbortController();
    const calls = Array.from({ length: 50 }, () => callSignal(100, caller.signal));
    calls.forEach((call) => call.dispose());
    await new Promise((resolve) => process.nextTick(resolve)); // warnings are emitted on the next tick
    process.off('warning', warning);
    expect(warning).not.toHaveBeenCalled();
  });
});
