import { describe, expect, it } from 'vitest';
import { KEYMAP, keyToCommand } from '../../src/streams/keymap.js';

describe('keyToCommand', () => {
  it.each([
    ['1', { type: 'select', endpoint: 'productos' }],
    ['2', { type: 'select', endpoint: 'categorias' }],
    ['3', { type: 'select', endpoint: 'perfil' }],
    ['t', { type: 'fault', fault: 'timeout' }],
    ['e', { type: 'fault', fault: 'error' }],
    ['x', { type: 'fault', fault: 'reset' }],
    ['m', { type: 'fault', fault: 'malformed' }],
    ['s', { type: 'fault', fault: 'slow-body' }],
    ['l', { type: 'fault', fault: 'add-latency' }],
    ['o', { type: 'clear-selected' }],
    ['0', { type: 'clear-all' }],
    ['c', { type: 'toggle-case' }],
    ['n', { type: 'toggle-variant' }],
    ['r', { type: 'run' }],
    ['a', { type: 'toggle-auto' }],
    ['?', { type: 'toggle-help' }],
    ['q', { type: 'quit', interrupted: false }],
  ])('maps %s to its command', (key, command) => {
    expect(keyToCommand(key)).toEqual(command);
  });

  it('treats Ctrl+C as an interrupted quit, not the case toggle', () => {
    expect(keyToCommand('c', { ctrl: true })).toEqual({ type: 'quit', interrupted: true });
  });

  it('ignores unbound keys and other Ctrl combinations', () => {
    expect(keyToCommand('z')).toBeUndefined();
    expect(keyToCommand('t', { ctrl: true })).toBeUndefined();
    expect(keyToCommand('')).toBeUndefined();
  });

  it('binds each key once, so help and behaviour cannot disagree', () => {
    const keys = KEYMAP.map((binding) => binding.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
