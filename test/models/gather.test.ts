import { describe, expect, it } from 'vitest';
import { gather } from '../../src/models/runtime/gather.js';

describe('gather', () => {
  it('returns results in order, errors as values in their slot', async () => {
    const results = await gather([Promise.resolve('a'), Promise.reject(new Error('b failed')), 'c'], { returnExceptions: true });
    expect(results[0]).toBe('a');
    expect(results[1]).toBeInstanceOf(Error);
    expect((results[1] as Error).message).toBe('b failed');
    expect(results[2]).toBe('c');
  });

  it('with returnExceptions waits for every awaitable, even after one has failed', async () => {
    let resolveSlow!: (value: string) => void;
    const slow = new Promise<string>((resolve) => (resolveSlow = resolve));
    let settled = false;
    const gathering = gather([Promise.reject(new Error('fast failure')), slow], { returnExceptions: true }).then((results) => ((settled = true), results));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    resolveSlow('slow');
    expect((await gathering)[1]).toBe('slow');
  });

  it('without returnExceptions rejects with the first failure, like Promise.all', async () => {
    await expect(gather([Promise.resolve('a'), Promise.reject(new Error('b failed'))])).rejects.toThrow('b failed');
  });

  it('wraps a non-Error rejection in an Error', async () => {
    const [result] = await gather([Promise.reject('plain')], { returnExceptions: true });
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).cause).toBe('plain');
  });
});
