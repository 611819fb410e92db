import { useInput } from 'ink';
import type { Command } from '../streams/commands.js';
import { keyToCommand } from '../streams/keymap.js';

/**
 * Turns key presses into dashboard commands (unbound keys are ignored; Ctrl+C is an interrupted quit).
 * Keys that reach the terminal in one chunk (a paste, a slow ssh link, `tmux send-keys 2 t`) come to
 * Ink as one string: each of its keys is handled, in order.
 */
export const useKeyCommands = (onCommand: (command: Command) => void): void => {
  useInput((input, key) => {
    const keys = key.ctrl || key.meta ? [input] : [...input];
    for (const one of keys) {
      const command = keyToCommand(one, key);
      if (command) onCommand(command);
    }
  });
};
