import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { TurnQueue } from '../../src/transport/turn-queue.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('TurnQueue, bounded work per event-loop turn', () => {
  it('runs up to perTurn tasks at once, then the rest in later turns, in order, with other immediates in between', async () => {
    const queue = new TurnQueue(3);
    const ran: string[] = [];
    const done = Array.from({ length: 8 }, (_, i) => queue.schedule(() => ran.push(`task ${i}`)));
    setImmediate(() => ran.push('someone else'));
    expect(ran).toEqual(['task 0', 'task 1', 'task 2']);
    expect(queue.pending).toBe(5);
    await Promise.all(done);
    expect(ran).toEqual(['task 0', 'task 1', 'task 2', 'task 3', 'task 4', 'task 5', 'someone else', 'task 6', 'task 7']);
    expect(queue.pending).toBe(0);
  });

  it('resolves with what the task returns and rejects with what it throws, now or later', async () => {
    const queue = new TurnQueue(1);
    const now = queue.schedule(() => 'now');
    const later = queue.schedule(async () => Promise.resolve('later'));
    const thrown = queue.schedule(() => {
      throw new Error('bad task');
    });
    await expect(now).resolves.toBe('now');
    await expect(later).resolves.toBe('later');
    await expect(thrown).rejects.toThrow('bad task');
  });

  it('renews the budget each turn: a task scheduled in a later turn runs at once', async () => {
    const queue = new TurnQueue(2);
    await Promise.all([queue.schedule(() => 1), queue.schedule(() => 2)]);
    await nextTurn();
    let ran = false;
    void queue.schedule(() => (ran = true));
    expect(ran).toBe(true);
  });

  it('scheduleAfterIo never runs the task now, even with budget left: it waits for the next check phase', async () => {
    const queue = new TurnQueue(10);
    const ran: string[] = [];
    void queue.schedule(() => ran.push('now'));
    const later = queue.scheduleAfterIo(() => ran.push('after I/O'));
    expect(ran).toEqual(['now']);
    await later;
    expect(ran).toEqual(['now', 'after I/O']);
  });

  it('keeps no task that has run while others still wait: their results can be collected', async () => {
    // A big load keeps the queue busy for its whole length: what has run must not stay until it empties.
    const queue = new TurnQueue(1);
    const results: WeakRef<object>[] = [];
    let halfRan = (): void => undefined;
    const half = new Promise<void>((resolve) => (halfRan = resolve));
    for (let i = 0; i < 200; i += 1) {
      void queue.scheduleAfterIo(() => ({ response: i })).then((result) => {
        results.push(new WeakRef(result));
        if (results.length === 100) halfRan();
      });
    }
    await half;
    await nextTurn(); // a WeakRef holds its target until the job that made it ends
    gc();
    expect(queue.pending).toBeGreaterThan(0);
    expect(results.filter((ref) => ref.deref() === undefined).length).toBeGreaterThanOrEqual(100);
    while (queue.pending > 0) await nextTurn();
  });

  it('refuses a budget below 1', () => {
    expect(() => new TurnQueue(0)).toThrow(RangeError);
  });
});
