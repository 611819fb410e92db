import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CLEAR_SCREEN, clearScreenOnShrink } from '../../src/cli/clear-on-shrink.js';

/** A terminal stdout that records what is written, and in which order listeners saw a resize. */
const fakeTerminal = (columns: number) => {
  const seen: string[] = [];
  const stdout = Object.assign(new EventEmitter(), { columns, write: (text: string) => (seen.push(`write ${JSON.stringify(text)}`), true) });
  stdout.on('resize', () => seen.push('ink redraws')); // Ink's own listener, registered first
  return { stdout: stdout as unknown as NodeJS.WriteStream & { columns: number }, seen };
};

describe('clearScreenOnShrink', () => {
  it('blanks the screen when the terminal narrows, before Ink redraws, and not when it widens', () => {
    const { stdout, seen } = fakeTerminal(160);
    const stop = clearScreenOnShrink(stdout);
    stdout.columns = 80;
    stdout.emit('resize');
    stdout.columns = 120;
    stdout.emit('resize');
    stop();
    stdout.columns = 40;
    stdout.emit('resize');
    expect(seen).toEqual([`write ${JSON.stringify(CLEAR_SCREEN)}`, 'ink redraws', 'ink redraws', 'ink redraws']);
  });
});
