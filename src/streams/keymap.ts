import type { Command } from './commands.js';

/** The modifier state a key arrives with (a subset of Ink's `Key`). */
export interface KeyModifiers {
  readonly ctrl?: boolean;
}

/** One documented key binding: what to press, and what it does. */
export interface KeyBinding {
  readonly keys: string;
  readonly description: string;
  readonly command: Command;
}

/** The dashboard's keymap, in the order help lists it (the one source of both mapping and help text). */
export const KEYMAP: readonly KeyBinding[] = [
  { keys: '1', description: 'select /productos', command: { type: 'select', endpoint: 'productos' } },
  { keys: '2', description: 'select /categorias', command: { type: 'select', endpoint: 'categorias' } },
  { keys: '3', description: 'select /perfil', command: { type: 'select', endpoint: 'perfil' } },
  { keys: 't', description: 'timeout (never answers)', command: { type: 'fault', fault: 'timeout' } },
  { keys: 'e', description: 'error 500', command: { type: 'fault', fault: 'error' } },
  { keys: 'x', description: 'reset the connection', command: { type: 'fault', fault: 'reset' } },
  { keys: 'm', description: 'malformed JSON', command: { type: 'fault', fault: 'malformed' } },
  { keys: 's', description: 'slow body (3000 ms)', command: { type: 'fault', fault: 'slow-body' } },
  { keys: 'l', description: 'add latency (+500 ms)', command: { type: 'fault', fault: 'add-latency' } },
  { keys: 'o', description: 'clear selected endpoint', command: { type: 'clear-selected' } },
  { keys: '0', description: 'clear all faults', command: { type: 'clear-all' } },
  { keys: 'c', description: 'case: categorias timeout', command: { type: 'toggle-case' } },
  { keys: 'n', description: 'naive ⇄ correct variants', command: { type: 'toggle-variant' } },
  { keys: 'r', description: 'run a round now', command: { type: 'run' } },
  { keys: 'a', description: 'auto-rerun on/off', command: { type: 'toggle-auto' } },
  { keys: '?', description: 'help on/off', command: { type: 'toggle-help' } },
  { keys: 'q', description: 'quit', command: { type: 'quit', interrupted: false } },
];

/** Commands that act on the target's faults: they need its control API. */
const NEEDS_CONTROL: ReadonlySet<Command['type']> = new Set(['select', 'fault', 'clear-selected', 'clear-all', 'toggle-case']);

/** The keys that do something on this target: all of them, or without a control API, all but the fault keys. */
export const keymapFor = (faultControl: boolean): readonly KeyBinding[] => (faultControl ? KEYMAP : KEYMAP.filter((binding) => !NEEDS_CONTROL.has(binding.command.type)));

const byKey = new Map(KEYMAP.map((binding) => [binding.keys, binding.command]));

/**
 * Maps a key press to a command, or `undefined` for keys with no binding.
 * Ctrl+C is a quit that exits as interrupted.
 *
 * @example keyToCommand('t') // { type: 'fault', fault: 'timeout' }
 */
export const keyToCommand = (input: string, modifiers: KeyModifiers = {}): Command | undefined => {
  if (modifiers.ctrl) return input === 'c' ? { type: 'quit', interrupted: true } : undefined;
  return byKey.get(input);
};
