import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortEmitter } from '../../src/transport/abort-emitter.js';
import { ABORTS_PER_TURN, callSignal } from '../../src/transport/call-signal.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.runAllTimers(); // the aborts still waiting for their turn, so the next test starts with a fresh turn
  vi.useRealTimers();
});

describe('callSignal', () => {
  it('aborts with a TimeoutError when the deadline expires, once the I/O ready by then has been read, and says so', () => {
    const call = callSignal(100);
    vi.advanceTimersByTime(99);
    expect(call.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(call.deadlineExpired()).toBe(true);
    expect(call.signal.aborted).toBe(false); // not before the poll phase: an answer already there is read first
    vi.runOnlyPendingTimers(); // the check phase of the same turn (fake immediates)
    expect(call.signal.aborted).toBe(true);
    expect((call.signal.reason as DOMException).name).toBe('TimeoutError');
    expect(call.deadlineExpired()).toBe(true);
    expect(call.canceled()).toBe(false);
  });

  it('drives an AbortEmitter (the signal undici is given) as it drives an AbortController: one abort event, with the reason', () => {
    const call = callSignal(100, undefined, new AbortEmitter());
    const onAbort = vi.fn();
    call.signal.on('abort', onAbort);
    vi.advanceTimersByTime(100);
    vi.runOnlyPendingTimers();
    expect(call.signal.aborted).toBe(true);
    expect((call.signal.reason as DOMException).name).toBe('TimeoutError');
    call.signal.abort(new Error('again'));
    expect(onAbort).toHaveBeenCalledTimes(1);
    expect((call.signal.reason as DOMException).name).toBe('TimeoutError');
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

  it('aborts at most ABORTS_PER_TURN calls per event-loop turn when a caller with thousands in flight aborts; the rest in the next turns', () => {
    const caller = new AbortController();
    const calls = Array.from({ length: 3 * ABORTS_PER_TURN + 1 }, () => callSignal(100, caller.signal));
    caller.abort('stop');
    const aborted = (): number => calls.filter((call) => call.signal.aborted).length;
    expect(aborted()).toBe(ABORTS_PER_TURN);
    expect(calls.every((call) => call.canceled())).toBe(true); // said at once, though the abort waits its turn
    vi.runOnlyPendingTimers(); // one turn (fake immediates)
    expect(aborted()).toBe(2 * ABORTS_PER_TURN);
    vi.runAllTimers();
    expect(aborted()).toBe(calls.length);
  });

  it('the same when thousands of deadlines expire together; a call that settles before its turn is not aborted', () => {
    const calls = Array.from({ length: 2 * ABORTS_PER_TURN }, () => callSignal(100));
    calls.at(-1)?.dispose();
    vi.advanceTimersByTime(100);
    expect(calls.slice(0, -1).every((call) => call.deadlineExpired())).toBe(true);
    expect(calls.filter((call) => call.signal.aborted)).toHaveLength(0);
    vi.runOnlyPendingTimers();
    expect(calls.filter((call) => call.signal.aborted)).toHaveLength(ABORTS_PER_TURN);
    vi.runAllTimers();
    expect(calls.filter((call) => call.signal.aborted)).toHaveLength(calls.length - 1);
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
