import { describe, expect, it } from 'vitest';
import { gather } from '../../src/models/gather.js';

describe('gather', () => {
  it('returns results in task order, errors as values in their slot', async () => {
    const results = await gather([async () => 'a', async () => Promise.reject(new Error('b failed')), async () => 'c'], { returnExceptions: true });
    expect(results[0]).toBe('a');
    expect(results[1]).toBeInstanceOf(Error);
    expect((results[1] as Error).message).toBe('b failed');
    expect(results[2]).toBe('c');
  });

  it('without returnExceptions rejects with the first failure, like Promise.all', async () => {
    await expect(gather([async () => 'a', async () => Promise.reject(new Error('b failed'))])).rejects.toThrow('b failed');
  });

  it('runs at most `limit` tasks at once and starts each as another ends', async () => {
    const log: string[] = [];
    let running = 0;
    let peak = 0;
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      peak = Math.max(peak, ++running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      log.push(`end ${name}`);
      return name;
    };
    expect(await gather(['a', 'b', 'c', 'd'].map(task), { returnExceptions: true, limit: 2 })).toEqual(['a', 'b', 'c', 'd']);
    expect(peak).toBe(2);
    expect(log.indexOf('start c')).toBeGreaterThan(log.indexOf('end a'));
  });

  it('fail-fast starts no more tasks after the first failure', async () => {
    let started = 0;
    const tasks = [0, 1, 2, 3].map((index) => async () => {
      started += 1;
      if (index === 0) throw new Error('first fails');
      return index;
    });
    await expect(gather(tasks, { limit: 1 })).rejects.toThrow('first fails');
    expect(started).toBe(1);
  });

  it('wraps a non-Error rejection in an Error', async () => {
    const [result] = await gather([() => Promise.reject('plain')], { returnExceptions: true });
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).cause).toBe('plain');
  });
});
