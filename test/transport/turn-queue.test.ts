import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { TurnBudget, TurnQueue } from '../../src/transport/turn-queue.js';

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
    expect(() => new TurnBudget(0)).toThrow(RangeError);
  });
});

describe('TurnBudget, one budget per turn for several queues', () => {
  it('lets the queues sharing it run at most perTurn tasks per turn between them, each in its order, taking turns', async () => {
    const budget = new TurnBudget(4);
    const [a, b] = [new TurnQueue(budget), new TurnQueue(budget)];
    const ran: string[] = [];
    const mark = (): void => void setImmediate(() => ran.push('|'));
    const done = [...Array.from({ length: 6 }, (_, i) => a.schedule(() => ran.push(`a${i}`))), ...Array.from({ length: 6 }, (_, i) => b.schedule(() => ran.push(`b${i}`)))];
    mark();
    expect(ran).toEqual(['a0', 'a1', 'a2', 'a3']); // b waits though its own queue is empty: the turn's budget is spent
    await Promise.all(done);
    // Round and round, one task each, while both wait; then b alone gets the whole budget.
    expect(ran.join(' ')).toBe('a0 a1 a2 a3 a4 b0 a5 b1 | b2 b3 b4 b5');
    expect([a.pending, b.pending]).toEqual([0, 0]);
  });

  it('moves a queue and what waits in it onto another budget, in order, off the first', async () => {
    const shared = new TurnBudget(2);
    const [leaving, staying] = [new TurnQueue(shared), new TurnQueue(shared)];
    const ran: string[] = [];
    const done = [...Array.from({ length: 4 }, (_, i) => leaving.scheduleAfterIo(() => ran.push(`l${i}`))), ...Array.from({ length: 4 }, (_, i) => staying.scheduleAfterIo(() => ran.push(`s${i}`)))];
    leaving.moveTo(new TurnBudget(2));
    setImmediate(() => ran.push('|'));
    await Promise.all(done);
    // Each budget runs 2 per turn: staying no longer shares its 2 with leaving.
    expect(ran.join(' ')).toMatch(/^(s0 s1 l0 l1|l0 l1 s0 s1) \| (s2 s3 l2 l3|l2 l3 s2 s3)$/);
    expect(leaving.budget).not.toBe(shared);
  });

  it('keeps a busy queue from holding back one that starts waiting after it', async () => {
    const budget = new TurnBudget(2);
    const [unwinding, fresh] = [new TurnQueue(budget), new TurnQueue(budget)];
    const ran: string[] = [];
    const old = Array.from({ length: 100 }, () => unwinding.scheduleAfterIo(() => ran.push('old')));
    const next = fresh.scheduleAfterIo(() => ran.push('new'));
    await next;
    expect(ran.indexOf('new')).toBeLessThanOrEqual(1); // served in the first turn, not after the 100
    await Promise.all(old);
  });
});
