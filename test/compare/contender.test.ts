import { describe, expect, it } from 'vitest';
import { contendersOf, contenderTitle } from '../../src/domain/contender.js';
import { contenderLabel, executorsProblem } from '../../src/compare/contender.js';
import { MODEL_IDS } from '../../src/domain/models.js';

describe('contenders', () => {
  it('make callbacks and futures one contender per executor, async-await and reactive one on the loop', () => {
    expect(contendersOf(MODEL_IDS, ['loop', 'threads']).map(contenderLabel)).toEqual(['callbacks', 'callbacks (threads)', 'futures', 'futures (threads)', 'async-await', 'reactive']);
    expect(contendersOf(MODEL_IDS, ['threads']).map(contenderLabel)).toEqual(['callbacks (threads)', 'futures (threads)', 'async-await', 'reactive']);
    expect(contendersOf(MODEL_IDS, ['loop'])).toEqual(MODEL_IDS.map((model) => ({ model, executor: 'loop' })));
  });

  it('are titled for people', () => {
    expect(contenderTitle({ model: 'futures', executor: 'threads' })).toBe('Futures (threads)');
    expect(contenderTitle({ model: 'async-await', executor: 'loop' })).toBe('Async/await');
  });

  it('refuse only threads with no model that can use them', () => {
    expect(executorsProblem(['async-await', 'reactive'], ['threads'])).toMatch(/none of the models async-await, reactive can run on threads \(only callbacks and futures can/);
    expect(executorsProblem(['async-await', 'futures'], ['threads'])).toBeUndefined();
    expect(executorsProblem(['async-await'], ['loop', 'threads'])).toBeUndefined();
    expect(executorsProblem(['async-await'], ['loop'])).toBeUndefined();
  });
});
