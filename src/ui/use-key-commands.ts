import { useInput } from 'ink';
import type { Command } from '../streams/commands.js';
import { keyToCommand } from '../streams/keymap.js';

/** Turns key presses into dashboard commands (unbound keys are ignored; Ctrl+C is an interrupted quit). */
export const useKeyCommands = (onCommand: (command: Command) => void): void => {
  useInput((input, key) => {
    const command = keyToCommand(input, key);
    if (command) onCommand(command);
  });
};
